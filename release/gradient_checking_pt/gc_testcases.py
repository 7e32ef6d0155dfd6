"""Inputs of the Gradient Checking notebook's visible tests (seeds and draws of the classic notebook).

Each ``*_test_case()`` returns inputs only: no expected output and nothing
that computes one. :func:`replaced` lets a test check ``gradient_check`` or
``gradient_check_n`` alone, with a cost of the test's own (such as
:func:`cubic_forward`) in place of the notebook's functions.
"""
import contextlib

import numpy as np

from gc_utils import LAYOUT

__all__ = ["forward_propagation_test_case", "backward_propagation_test_case", "cubic_forward", "cubic_backward",
           "gradient_check_test_case", "gradient_check_n_test_case", "replaced"]

_MISSING = object()


def forward_propagation_test_case():
    """The classic one-dimensional example: ``x, theta = 2, 4``."""
    return 2, 4


def backward_propagation_test_case():
    """The classic one-dimensional example: ``x, theta = 2, 4``."""
    return 2, 4


def cubic_forward(x, theta):
    """The test's own one-dimensional cost, ``J(theta) = x * theta**3`` (not the notebook's model)."""
    return x * theta ** 3


def cubic_backward(x, theta):
    """The exact derivative of :func:`cubic_forward` with respect to theta: ``3 * x * theta**2``."""
    return 3 * x * theta ** 2


def gradient_check_test_case():
    """``x, theta = 2, 4`` and the test's cost: ``(x, theta, cubic_forward, cubic_backward)``.

    On ``J = x * theta**3`` the centred difference is off by exactly
    ``x * epsilon**2``, and a one-sided difference by ``x * (3 * theta * epsilon + epsilon**2)``,
    so the test can tell them apart (on the notebook's ``J = theta * x`` both are exact).
    """
    return 2, 4, cubic_forward, cubic_backward


def gradient_check_n_test_case():
    """Seed 1: X (4, 3), Y = [[1, 1, 0]], then W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1).

    Returns
    -------
    X : ndarray of shape (4, 3)
    Y : ndarray of shape (1, 3)
    parameters : dict with the six blocks, drawn with ``np.random.randn`` in that order after X
    """
    np.random.seed(1)
    X = np.random.randn(4, 3)
    Y = np.array([[1, 1, 0]])
    parameters = {name: np.random.randn(*shape) for name, shape in LAYOUT}
    return X, Y, parameters


@contextlib.contextmanager
def replaced(namespace, **objects):
    """Within the ``with`` block, the names of ``objects`` mean those objects in ``namespace``.

    A test cell writes ``with replaced(globals(), forward_propagation=cubic_forward): ...``
    so that the function under test calls the test's cost instead of the notebook's.
    The previous values (or their absence) are put back afterwards, even on an error.

    Parameters
    ----------
    namespace : dict, usually the notebook's ``globals()``
    **objects : name -> object to use in the block
    """
    saved = {name: namespace.get(name, _MISSING) for name in objects}
    namespace.update(objects)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is _MISSING:
                namespace.pop(name, None)
            else:
                namespace[name] = value
