"""Inputs of the visible tests of "Building a deep neural network, step by step".

Each ``*_test_case()`` reseeds numpy and draws its arrays in the order of the
classic notebook (course facts, section 1), so the expected outputs quoted in
the notebook are reproducible. They return inputs only: no expected output and
nothing that computes one.

A small tool for the tests lives here too: :func:`check_scalar` (a cost must
be a single number).
"""
import numpy as np

from language import text
from testCases import hinted

__all__ = ["linear_forward_test_case", "linear_activation_forward_test_case", "L_model_forward_test_case_2hidden",
           "compute_cost_test_case", "linear_backward_test_case", "linear_activation_backward_test_case",
           "L_model_backward_test_case", "update_parameters_test_case", "print_grads", "check_scalar"]


def linear_forward_test_case():
    """Seed 1: ``A`` (3, 2), ``W`` (1, 3), ``b`` (1, 1), drawn in that order."""
    np.random.seed(1)
    A = np.random.randn(3, 2)
    W = np.random.randn(1, 3)
    b = np.random.randn(1, 1)
    return A, W, b


def linear_activation_forward_test_case():
    """Seed 2: ``A_prev`` (3, 2), ``W`` (1, 3), ``b`` (1, 1), drawn in that order."""
    np.random.seed(2)
    A_prev = np.random.randn(3, 2)
    W = np.random.randn(1, 3)
    b = np.random.randn(1, 1)
    return A_prev, W, b


def L_model_forward_test_case_2hidden():
    """Seed 6: ``X`` (5, 4) and the parameters of a [5, 4, 3, 1] network (two hidden layers).

    Draw order: X, W1 (4, 5), b1 (4, 1), W2 (3, 4), b2 (3, 1), W3 (1, 3), b3 (1, 1).

    Returns
    -------
    X : ndarray of shape (5, 4)
    parameters : dict with W1, b1, W2, b2, W3, b3
    """
    np.random.seed(6)
    X = np.random.randn(5, 4)
    parameters = {}
    for l, (rows, cols) in enumerate([(4, 5), (3, 4), (1, 3)], start=1):
        parameters["W" + str(l)] = np.random.randn(rows, cols)
        parameters["b" + str(l)] = np.random.randn(rows, 1)
    return X, parameters


def compute_cost_test_case():
    """``Y = [[1, 1, 0]]`` and ``AL = [[0.8, 0.9, 0.4]]``: a label 0 among them, so both terms of the cost count.

    Returns
    -------
    Y : ndarray of shape (1, 3)
    AL : ndarray of shape (1, 3)
    """
    Y = np.array([[1, 1, 0]])
    AL = np.array([[0.8, 0.9, 0.4]])
    return Y, AL


def linear_backward_test_case():
    """Seed 1: ``dZ`` (3, 4), then the linear cache ``(A, W, b)`` with A (5, 4), W (3, 5), b (3, 1).

    Returns
    -------
    dZ : ndarray of shape (3, 4)
    linear_cache : tuple (A, W, b)
    """
    np.random.seed(1)
    dZ = np.random.randn(3, 4)
    A = np.random.randn(5, 4)
    W = np.random.randn(3, 5)
    b = np.random.randn(3, 1)
    return dZ, (A, W, b)


def linear_activation_backward_test_case():
    """Seed 2: ``dA`` (1, 2), then A (3, 2), W (1, 3), b (1, 1) and Z (1, 2).

    Returns
    -------
    dA : ndarray of shape (1, 2)
    linear_activation_cache : tuple ((A, W, b), Z)
    """
    np.random.seed(2)
    dA = np.random.randn(1, 2)
    A = np.random.randn(3, 2)
    W = np.random.randn(1, 3)
    b = np.random.randn(1, 1)
    Z = np.random.randn(1, 2)
    return dA, ((A, W, b), Z)


def L_model_backward_test_case():
    """Seed 3: ``AL`` (1, 2), ``Y = [[1, 0]]`` and the caches of a two-layer network.

    Draw order: AL, then A1 (4, 2), W1 (3, 4), b1 (3, 1), Z1 (3, 2), then A2 (3, 2),
    W2 (1, 3), b2 (1, 1), Z2 (1, 2). These are the classic numbers: ``AL`` is not a
    probability (and the caches are not one forward pass), but every formula still applies.

    Returns
    -------
    AL : ndarray of shape (1, 2)
    Y : ndarray of shape (1, 2)
    caches : tuple of two caches ``((A_prev, W, b), Z)``
    """
    np.random.seed(3)
    AL = np.random.randn(1, 2)
    Y = np.array([[1, 0]])
    A1 = np.random.randn(4, 2)
    W1 = np.random.randn(3, 4)
    b1 = np.random.randn(3, 1)
    Z1 = np.random.randn(3, 2)
    A2 = np.random.randn(3, 2)
    W2 = np.random.randn(1, 3)
    b2 = np.random.randn(1, 1)
    Z2 = np.random.randn(1, 2)
    caches = (((A1, W1, b1), Z1), ((A2, W2, b2), Z2))
    return AL, Y, caches


def update_parameters_test_case():
    """Seed 2 for W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1); then seed 3 for dW1, db1, dW2, db2.

    Returns
    -------
    parameters : dict with W1, b1, W2, b2
    grads : dict with dW1, db1, dW2, db2
    """
    np.random.seed(2)
    parameters = {"W1": np.random.randn(3, 4), "b1": np.random.randn(3, 1),
                  "W2": np.random.randn(1, 3), "b2": np.random.randn(1, 1)}
    np.random.seed(3)
    grads = {"dW1": np.random.randn(3, 4), "db1": np.random.randn(3, 1),
             "dW2": np.random.randn(1, 3), "db2": np.random.randn(1, 1)}
    return parameters, grads


def print_grads(grads, names):
    """Print ``name = value`` for each of ``names`` found in ``grads`` (a dict of gradients)."""
    for name in names:
        if name in grads:
            print(name + " = " + str(grads[name]))


@hinted
def check_scalar(name, value):
    """Assert that ``value`` is one number: a float, a numpy scalar or a 0-d array, not an array of shape (1, 1).

    Parameters
    ----------
    name : str, how the value is called in the message
    value : the student's result
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number, np.ndarray)):
        raise AssertionError(text(en=f"`{name}` should be a number, but it is {type(value).__name__}.",
                                  pt=f"`{name}` deveria ser um número, mas é {type(value).__name__}."))
    if np.ndim(value) != 0:
        raise AssertionError(text(en=f"`{name}` should be a single number (shape ()), but it has shape "
                                     f"{np.shape(value)}: use np.squeeze.",
                                  pt=f"`{name}` deveria ser um único número (formato ()), mas tem formato "
                                     f"{np.shape(value)}: use np.squeeze."))
