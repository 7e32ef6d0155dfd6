"""Helpers for the Regularization assignment.

A three-layer network LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, written as
plain functions on numpy arrays. Shapes follow the course convention: one
example per column, so activations are ``(n_l, m)`` and weights ``(n_l, n_{l-1})``.

Nothing here prints except :func:`predict` (students expect the accuracy) and
nothing warns on correct input: ``log(0)`` and ``exp`` overflow of a saturated
network are handled silently and give the same numbers as the classic helpers.
"""
import os

import numpy as np
import scipy.io

from figures import plot_decision_boundary  # noqa: F401 - part of this module's API
from language import text

DATASET_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets", "data.mat")


def sigmoid(x):
    """Logistic sigmoid, elementwise.

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    s : ndarray of the same shape, ``1 / (1 + exp(-x))``
    """
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """Rectified linear unit, elementwise: ``max(0, x)``, same shape as ``x``."""
    return np.maximum(0, x)


def initialize_parameters(layer_dims):
    """Scaled Gaussian weights and zero biases, seeded with ``np.random.seed(3)``.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n_1, ..., n_L]``, the size of each layer, input first.

    Returns
    -------
    parameters : dict
        ``W{l}`` of shape ``(n_l, n_{l-1})`` drawn as ``randn / sqrt(n_{l-1})``
        and ``b{l}`` of shape ``(n_l, 1)``, zeros, for ``l = 1..L``.
    """
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict with W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1), b2 (n_2, 1),
        W3 (1, n_2), b3 (1, 1)

    Returns
    -------
    A3 : ndarray of shape (1, m), the predicted probabilities
    cache : tuple ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost for :func:`forward_propagation`.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m), labels 0 or 1
    cache : tuple returned by :func:`forward_propagation`

    Returns
    -------
    gradients : dict with keys dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1,
        db1; each gradient has the shape of the quantity it differentiates.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1.0 / m * np.dot(dZ3, A2.T)
    db3 = 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def compute_cost(a3, Y):
    """Cross-entropy cost, averaged over the examples.

    Parameters
    ----------
    a3 : ndarray of shape (1, m), predicted probabilities
    Y : ndarray of shape (1, m), labels 0 or 1

    Returns
    -------
    cost : float
        ``-1/m * sum(Y log a3 + (1 - Y) log(1 - a3))``. A saturated prediction
        that is right (``a3 == Y``) adds 0, as in the limit; one that is wrong
        gives ``inf``. Neither case warns.
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return float(1.0 / m * np.nansum(logprobs))


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent.

    Parameters
    ----------
    parameters : dict with W{l}, b{l}
    grads : dict with dW{l}, db{l} of the same shapes
    learning_rate : float

    Returns
    -------
    parameters : a new dict with ``W{l} - learning_rate * dW{l}`` and likewise
        for ``b{l}``; the dict passed in is left unchanged.
    """
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated


def predict_dec(parameters, X):
    """Predicted labels (boolean), without printing.

    Parameters
    ----------
    parameters : dict, the trained parameters
    X : ndarray of shape (2, m)

    Returns
    -------
    predictions : ndarray of bool, shape (1, m): ``A3 > 0.5``
    """
    a3, _ = forward_propagation(X, parameters)
    return a3 > 0.5


def accuracy(X, y, parameters):
    """Fraction of the examples of ``X`` that the network labels as ``y`` (a float)."""
    return float(np.mean(predict_dec(parameters, X) == y))


def predict(X, y, parameters):
    """Predict labels, print the accuracy (in the language of ``language.set_language``) and return them.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    y : ndarray of shape (1, m), true labels
    parameters : dict, the trained parameters

    Returns
    -------
    p : ndarray of int, shape (1, m), labels 0 or 1
    """
    p = predict_dec(parameters, X).astype(int)
    print(text(en="Accuracy", pt="Acurácia") + ": " + str(float(np.mean(p == y))))
    return p


def load_2D_dataset(path=DATASET_PATH):
    """Load the 2-D field dataset.

    Parameters
    ----------
    path : str, a ``.mat`` file with keys X (m, 2), y (m, 1), Xval, yval

    Returns
    -------
    train_X : ndarray of shape (2, m_train)
    train_Y : ndarray of shape (1, m_train)
    test_X : ndarray of shape (2, m_test)
    test_Y : ndarray of shape (1, m_test)
    """
    data = scipy.io.loadmat(path)
    return data["X"].T, data["y"].T, data["Xval"].T, data["yval"].T
