"""Helpers for the Initialization assignment.

A three-layer network LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, written as
plain functions on numpy arrays, and the "circles" dataset. Shapes follow the
course convention: one example per column, so activations are ``(n_l, m)`` and
weights ``(n_l, n_{l-1})``.

Nothing here prints except :func:`predict` (students expect the accuracy) and
nothing warns on correct input: the network initialised with large weights
saturates its sigmoid to exactly 0 or 1, and the ``exp`` overflow and
``log(0)`` that follow are handled silently (the cost is then ``inf``, as in the
classic notebook, but without its warnings).
"""
import numpy as np
import sklearn.datasets

from figures import plot_decision_boundary  # noqa: F401 - part of this module's API
from language import text


def sigmoid(x):
    """Logistic sigmoid, elementwise.

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    s : ndarray of the same shape, ``1 / (1 + exp(-x))``; exactly 0 or 1 where
        ``x`` is very large in absolute value (no overflow warning).
    """
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """Rectified linear unit, elementwise: ``max(0, x)``, same shape as ``x``."""
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    """Forward pass LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m), one example per column
    parameters : dict with W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1), b2 (n_2, 1),
        W3 (1, n_2), b3 (1, 1)

    Returns
    -------
    a3 : ndarray of shape (1, m), the predicted probabilities
    cache : tuple ``(z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)``
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    return a3, (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost for :func:`forward_propagation`.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m), labels 0 or 1
    cache : tuple returned by :func:`forward_propagation`

    Returns
    -------
    gradients : dict with keys dz3, dW3, db3, da2, dz2, dW2, db2, da1, dz1, dW1,
        db1; each gradient has the shape of the quantity it differentiates.
    """
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1.0 / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = dz3.sum(axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = da2 * (a2 > 0)
    dW2 = np.dot(dz2, a1.T)
    db2 = dz2.sum(axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = da1 * (a1 > 0)
    dW1 = np.dot(dz1, X.T)
    db1 = dz1.sum(axis=1, keepdims=True)
    return {"dz3": dz3, "dW3": dW3, "db3": db3,
            "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def compute_loss(a3, Y):
    """Cross-entropy cost, averaged over the examples.

    Parameters
    ----------
    a3 : ndarray of shape (1, m), predicted probabilities
    Y : ndarray of shape (1, m), labels 0 or 1

    Returns
    -------
    loss : float
        ``-1/m * sum(Y log a3 + (1 - Y) log(1 - a3))``, computed as the mean of
        ``-log`` of the probability given to the true label (the same number
        for labels 0 and 1). A saturated prediction that is right (``a3 == Y``)
        adds 0; one that is wrong makes the loss ``inf``. Neither case warns.
    """
    m = Y.shape[1]
    probability_of_label = np.where(Y == 1, a3, 1 - a3)
    with np.errstate(divide="ignore"):
        logprobs = -np.log(probability_of_label)
    return float(1.0 / m * logprobs.sum())


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent.

    Parameters
    ----------
    parameters : dict with W{l}, b{l} (and nothing else)
    grads : dict with dW{l}, db{l} of the same shapes
    learning_rate : float

    Returns
    -------
    parameters : a new dict with ``W{l} - learning_rate * dW{l}`` and likewise
        for ``b{l}``; the dict passed in is left unchanged.
    """
    return {name: value - learning_rate * grads["d" + name] for name, value in parameters.items()}


def predict_dec(parameters, X):
    """Predicted labels (boolean), without printing.

    Parameters
    ----------
    parameters : dict, the trained parameters
    X : ndarray of shape (2, m)

    Returns
    -------
    predictions : ndarray of bool, shape (1, m): ``a3 > 0.5``
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


def load_dataset():
    """The "circles" dataset: a noisy ring of one class around a disc of the other.

    ``sklearn.datasets.make_circles(noise=.05)`` draws from numpy's global
    generator: the training set after ``np.random.seed(1)`` (300 examples), the
    test set after ``np.random.seed(2)`` (100 examples), as in the classic notebook.

    Returns
    -------
    train_X : ndarray of shape (2, 300)
    train_Y : ndarray of shape (1, 300), labels 0 (outer ring) or 1 (inner disc)
    test_X : ndarray of shape (2, 100)
    test_Y : ndarray of shape (1, 100)
    """
    np.random.seed(1)
    train_X, train_Y = sklearn.datasets.make_circles(n_samples=300, noise=.05)
    np.random.seed(2)
    test_X, test_Y = sklearn.datasets.make_circles(n_samples=100, noise=.05)
    return train_X.T, train_Y.reshape((1, train_Y.shape[0])), test_X.T, test_Y.reshape((1, test_Y.shape[0]))
