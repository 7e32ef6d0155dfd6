"""Helpers for "Building a deep neural network, step by step".

The activations and their backward steps, as the notebook's graded functions
expect them, and the small dataset of the closing section. Shapes follow the
course convention: one example per column, so activations are ``(n_l, m)``.

Every forward helper returns ``(A, cache)`` with ``cache = Z``; every backward
helper takes ``(dA, cache)`` and returns ``dZ``, the gradient of the cost with
respect to ``Z``. Nothing here prints and nothing warns: ``exp`` overflow of a
saturated unit is handled silently.
"""
import numpy as np


def _logistic(Z):
    """``1 / (1 + exp(-Z))`` elementwise, without an overflow warning for very negative ``Z``."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-Z))


def sigmoid(Z):
    """Sigmoid activation, elementwise.

    Parameters
    ----------
    Z : ndarray of shape (n_l, m), the linear part of a layer

    Returns
    -------
    A : ndarray of shape (n_l, m), ``1 / (1 + exp(-Z))``
    cache : ndarray, ``Z`` itself, kept for :func:`sigmoid_backward`
    """
    return _logistic(Z), Z


def relu(Z):
    """Rectified linear unit, elementwise.

    Parameters
    ----------
    Z : ndarray of shape (n_l, m), the linear part of a layer

    Returns
    -------
    A : ndarray of shape (n_l, m), ``max(0, Z)``
    cache : ndarray, ``Z`` itself, kept for :func:`relu_backward`
    """
    return np.maximum(0, Z), Z


def relu_backward(dA, cache):
    """Backward step of a RELU unit.

    Parameters
    ----------
    dA : ndarray of shape (n_l, m), the gradient of the cost with respect to the activation ``A``
    cache : ndarray of shape (n_l, m), the ``Z`` that :func:`relu` stored

    Returns
    -------
    dZ : ndarray of shape (n_l, m), a copy of ``dA`` whose entries where ``Z <= 0`` are set to 0
        (``dA`` itself is left unchanged)
    """
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    """Backward step of a SIGMOID unit.

    Parameters
    ----------
    dA : ndarray of shape (n_l, m), the gradient of the cost with respect to the activation ``A``
    cache : ndarray of shape (n_l, m), the ``Z`` that :func:`sigmoid` stored

    Returns
    -------
    dZ : ndarray of shape (n_l, m), ``dA * s * (1 - s)`` with ``s = sigmoid(Z)``
    """
    s = _logistic(cache)
    return dA * s * (1 - s)


def load_moons(n_train=300, n_test=200, noise=0.2, seed=1):
    """Two interleaving half circles ("moons") in the plane, labelled 0 and 1.

    Made by :func:`sklearn.datasets.make_moons` with ``random_state=seed`` for
    the training set and ``seed + 1`` for the test set, so the same arguments
    always give the same data and numpy's global generator is not touched.

    Parameters
    ----------
    n_train, n_test : int, the number of training and test examples
    noise : float, the standard deviation of the Gaussian noise added to the points
    seed : int

    Returns
    -------
    train_X : ndarray of shape (2, n_train)
    train_Y : ndarray of int, shape (1, n_train), labels 0 or 1
    test_X : ndarray of shape (2, n_test)
    test_Y : ndarray of int, shape (1, n_test)
    """
    from sklearn.datasets import make_moons  # imported here: scikit-learn is slow to import and only this needs it

    X, y = make_moons(n_samples=n_train, noise=noise, random_state=seed)
    X_test, y_test = make_moons(n_samples=n_test, noise=noise, random_state=seed + 1)
    return X.T, y.reshape(1, -1), X_test.T, y_test.reshape(1, -1)
