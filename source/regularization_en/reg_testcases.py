"""Inputs of the Regularization notebook's visible tests (seeds and draws of the classic notebook).

Each ``*_test_case()`` returns inputs only: no expected output and nothing
that computes one.
"""
import numpy as np

from reg_utils import relu, sigmoid
from testCases import random_parameters

_REG_Y = np.array([[1, 1, 0, 1, 0]])


def compute_cost_with_regularization_test_case():
    """Seed 1: parameters of a [3, 2, 3, 1] network, the classic A3 and Y (1, 5)."""
    parameters = random_parameters([3, 2, 3, 1], seed=1)
    a3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    return a3, _REG_Y.copy(), parameters


def _x_and_parameters():
    """Seed 1: X (3, 5) then the parameters of a [3, 2, 3, 1] network, in that order."""
    np.random.seed(1)
    X = np.random.randn(3, 5)
    parameters = {}
    for l, (rows, cols) in enumerate([(2, 3), (3, 2), (1, 3)], start=1):
        parameters["W" + str(l)] = np.random.randn(rows, cols)
        parameters["b" + str(l)] = np.random.randn(rows, 1)
    return X, parameters


def backward_propagation_with_regularization_test_case():
    """X (3, 5), Y (1, 5) and the cache of a plain forward pass with seed-1 parameters."""
    X, p = _x_and_parameters()
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = relu(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = relu(Z2)
    Z3 = np.dot(p["W3"], A2) + p["b3"]
    A3 = sigmoid(Z3)
    cache = (Z1, A1, p["W1"], p["b1"], Z2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])
    return X, _REG_Y.copy(), cache


def forward_propagation_with_dropout_test_case():
    """X (3, 5) and the seed-1 parameters of a [3, 2, 3, 1] network."""
    return _x_and_parameters()


def backward_propagation_with_dropout_test_case():
    """X (3, 5), Y (1, 5) and a dropout cache ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)``.

    The cache is the classic one: the forward pass of the seed-1 parameters with
    the masks that ``np.random.seed(1)`` draws for keep_prob = 0.5, which are
    given here as data.
    """
    X, p = _x_and_parameters()
    D1 = np.array([[1, 0, 1, 1, 1], [1, 1, 1, 1, 0]], dtype=bool)
    D2 = np.array([[1, 0, 1, 0, 1], [0, 1, 0, 1, 1], [0, 0, 1, 0, 0]], dtype=bool)
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = relu(Z1) * D1 / 0.5
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = relu(Z2) * D2 / 0.5
    Z3 = np.dot(p["W3"], A2) + p["b3"]
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, p["W1"], p["b1"], Z2, D2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])
    return X, _REG_Y.copy(), cache
