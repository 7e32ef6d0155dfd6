"""Referee inputs for Regularization.

``example`` cases: the notebook's example, and a network of the same shape drawn from another seed
(a function that only reproduces the printed expected output fails it); ``hidden`` cases: other networks.
Every output is compared, every key of the gradient dicts included (the specification returns them all).
"""
import numpy as np

import reference  # noqa: F401 - puts utils/ on sys.path (before the helper imports)
import reg_testcases
from reg_utils import forward_propagation
from reference.regularization import forward_propagation_with_dropout
from testCases import random_parameters

FUNCTIONS = ["compute_cost_with_regularization", "backward_propagation_with_regularization",
             "forward_propagation_with_dropout", "backward_propagation_with_dropout"]


def _network(seed, layers, m):
    parameters = random_parameters(layers, seed)
    X = np.random.randn(layers[0], m)
    Y = np.array([[1, 0, 0] * m])[:, :m]
    return parameters, X, Y


def _cost(seed, layers, m, lambd):
    parameters, _, Y = _network(seed, layers, m)
    return (np.random.uniform(0.05, 0.95, (1, m)), Y, parameters, lambd), {}


def _backward_l2(seed, layers, m, lambd):
    parameters, X, Y = _network(seed, layers, m)
    return (X, Y, forward_propagation(X, parameters)[1], lambd), {}


def _forward_dropout(seed, layers, m, keep_prob):
    parameters, X, _ = _network(seed, layers, m)
    return (X, parameters, keep_prob), {}


def _backward_dropout(seed, layers, m, keep_prob, int_masks=False):
    parameters, X, Y = _network(seed, layers, m)
    cache = forward_propagation_with_dropout(X, parameters, keep_prob)[1]
    if int_masks:
        cache = tuple(a.astype(int) if a.dtype == bool else a for a in cache)
    return (X, Y, cache, keep_prob), {}


def cases(function):
    return {
        "compute_cost_with_regularization": [
            ("example", lambda: (reg_testcases.compute_cost_with_regularization_test_case() + (0.1,), {})),
            ("example", lambda: _cost(31, [3, 2, 3, 1], 5, 0.1)),
            ("hidden", lambda: _cost(21, [4, 5, 3, 1], 7, 0.7)),
            ("hidden", lambda: _cost(22, [2, 20, 3, 1], 9, 0.05)),
        ],
        "backward_propagation_with_regularization": [
            ("example", lambda: (reg_testcases.backward_propagation_with_regularization_test_case() + (0.7,), {})),
            ("example", lambda: _backward_l2(32, [3, 2, 3, 1], 5, 0.7)),
            ("hidden", lambda: _backward_l2(23, [4, 5, 3, 1], 6, 0.3)),
            ("hidden", lambda: _backward_l2(24, [2, 20, 3, 1], 8, 1.5)),
        ],
        "forward_propagation_with_dropout": [
            ("example", lambda: (reg_testcases.forward_propagation_with_dropout_test_case() + (0.7,), {})),
            ("example", lambda: _forward_dropout(33, [3, 2, 3, 1], 5, 0.7)),
            ("hidden", lambda: _forward_dropout(25, [4, 6, 5, 1], 8, 0.8)),
            ("hidden", lambda: _forward_dropout(26, [2, 20, 3, 1], 6, 0.6)),
            # Equal hidden layers: reusing layer 1's mask in layer 2 gives values here (it raises elsewhere).
            ("hidden", lambda: _forward_dropout(35, [3, 5, 5, 1], 6, 0.7)),
        ],
        "backward_propagation_with_dropout": [
            ("example", lambda: (reg_testcases.backward_propagation_with_dropout_test_case() + (0.8,), {})),
            ("example", lambda: _backward_dropout(34, [3, 2, 3, 1], 5, 0.8)),
            ("hidden", lambda: _backward_dropout(27, [4, 6, 5, 1], 8, 0.8)),
            ("hidden", lambda: _backward_dropout(28, [2, 20, 3, 1], 7, 0.5, int_masks=True)),
        ],
    }[function]
