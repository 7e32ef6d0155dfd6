"""Referee inputs for Building a deep neural network: the notebook's examples and other shapes and depths.

Functions that call other graded functions get the grader's answers for those calls (the referee's oracle,
for every assignment), so a mistake elsewhere costs nothing here.
"""
import numpy as np

import reference  # noqa: F401 - puts utils/ on sys.path (must come before the helper imports)
import dnn_testcases as tc  # noqa: I001
from reference.deep_nn import L_model_forward
from testCases import random_parameters

FUNCTIONS = ["initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
             "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward", "L_model_backward",
             "update_parameters"]


def _arrays(seed, *shapes):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(shape) for shape in shapes]


def _labels(seed, m):
    return (np.arange(m) % 2 == seed % 2).astype(int).reshape(1, m)


def _cost_case(seed, m):
    AL = np.random.default_rng(seed).uniform(0.05, 0.95, (1, m))
    return (AL, _labels(seed, m)), {}


def _backward_case(seed, layers, m):
    """A network's output, labels and caches; with ``layers[-1] > 1`` units in the output layer, a label each."""
    parameters = random_parameters(layers, seed)
    X = np.random.randn(layers[0], m)
    AL, caches = L_model_forward(X, parameters)
    Y = np.vstack([_labels(seed + unit, m) for unit in range(layers[-1])])
    return (AL, Y, caches), {}


def _update_case(seed, layers):
    parameters = random_parameters(layers, seed)
    grads = {"d" + k: v for k, v in random_parameters(layers, seed + 1).items()}
    return (parameters, grads, 0.05), {}


def cases(function):
    example = {
        "initialize_parameters": [lambda: ((3, 2, 1), {}), lambda: ((4, 3, 2), {})],
        "initialize_parameters_deep": [lambda: (([5, 4, 3],), {}), lambda: (([4, 6, 2],), {})],
        "linear_forward": [lambda: (tc.linear_forward_test_case(), {}), lambda: (tuple(_arrays(1, (3, 2), (1, 3), (1, 1))), {})],
        "linear_activation_forward": [lambda: (tc.linear_activation_forward_test_case() + ("sigmoid",), {}),
                                      lambda: (tc.linear_activation_forward_test_case() + ("relu",), {})],
        "L_model_forward": [lambda: (tc.L_model_forward_test_case_2hidden(), {})],
        "compute_cost": [lambda: (tuple(reversed(tc.compute_cost_test_case())), {}), lambda: _cost_case(2, 3)],
        "linear_backward": [lambda: (tc.linear_backward_test_case(), {})],
        "linear_activation_backward": [lambda: (tc.linear_activation_backward_test_case() + ("sigmoid",), {}),
                                       lambda: (tc.linear_activation_backward_test_case() + ("relu",), {})],
        "L_model_backward": [lambda: (tc.L_model_backward_test_case(), {})],
        "update_parameters": [lambda: (tc.update_parameters_test_case() + (0.1,), {})],
    }[function]
    hidden = {
        "initialize_parameters": [lambda: ((5, 4, 1), {}), lambda: ((2, 7, 3), {})],
        "initialize_parameters_deep": [lambda: (([6, 5, 4, 3, 1],), {}), lambda: (([2, 10, 1],), {})],
        # Square shapes: some mistakes (W * A, a layer too many, X fed to every layer, the wrong layer's cache)
        # raise on every other shape, and the diagnosis needs values to tell them apart.
        "linear_forward": [lambda: (tuple(_arrays(3, (5, 4), (2, 5), (2, 1))), {}),
                           lambda: (tuple(_arrays(14, (3, 3), (3, 3), (3, 1))), {})],
        "linear_activation_forward": [lambda a=a: (tuple(_arrays(4, (4, 3), (5, 4), (5, 1))) + (a,), {})
                                      for a in ("sigmoid", "relu")],
        "L_model_forward": [lambda: ((np.random.default_rng(5).standard_normal((4, 6)),
                                      random_parameters([4, 6, 5, 4, 3, 1], 5)), {}),
                            lambda: ((np.random.default_rng(15).standard_normal((4, 5)),
                                      random_parameters([4, 4, 4, 4], 15)), {})],
        "compute_cost": [lambda: _cost_case(6, 7)],
        "linear_backward": [lambda: ((*_arrays(7, (3, 5)), tuple(_arrays(8, (4, 5), (3, 4), (3, 1)))), {})],
        "linear_activation_backward": [lambda a=a: ((*_arrays(9, (3, 5)), (tuple(_arrays(10, (4, 5), (3, 4), (3, 1))),
                                                                           *_arrays(11, (3, 5)))) + (a,), {})
                                       for a in ("sigmoid", "relu")],
        "L_model_backward": [lambda: _backward_case(12, [5, 6, 4, 3, 1], 7), lambda: _backward_case(16, [3, 3, 3, 3], 6)],
        "update_parameters": [lambda: _update_case(13, [4, 5, 3, 1])],
    }[function]
    return [("example", build) for build in example] + [("hidden", build) for build in hidden]
