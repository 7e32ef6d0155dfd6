"""The deep_nn notebook's backward-pass notation holds numerically (content review M1).

The notebook says: ``dA``, ``dZ`` and ``dAL`` are, column by column, derivatives of each example's loss ℒ,
not of the cost J = (1/m) Σ ℒ, and the 1/m of J enters once, in ``dW`` and ``db``. So ``dA = m ∂J/∂A`` and
``dW = ∂J/∂W``. Checked with centred finite differences of the reference's own cost, on a small network.
"""
import numpy as np
import pytest

from reference import deep_nn as ref
from testCases import random_parameters

EPSILON = 1e-6


def cost(X, Y, parameters):
    return float(ref.compute_cost(ref.L_model_forward(X, parameters)[0], Y))


def numerical(f, array):
    """Centred finite differences of the scalar ``f()`` with respect to every entry of ``array`` (changed in place)."""
    gradient = np.zeros_like(array)
    for index in np.ndindex(*array.shape):
        saved = array[index]
        array[index] = saved + EPSILON
        plus = f()
        array[index] = saved - EPSILON
        minus = f()
        array[index] = saved
        gradient[index] = (plus - minus) / (2 * EPSILON)
    return gradient


@pytest.fixture(scope="module")
def network():
    parameters = random_parameters([3, 4, 2, 1], 7)
    rng = np.random.default_rng(7)
    X = rng.standard_normal((3, 5))
    Y = np.array([[1, 0, 1, 1, 0]])
    AL, caches = ref.L_model_forward(X, parameters)
    return X, Y, parameters, AL, ref.L_model_backward(AL, Y, caches)


def test_dAL_is_the_derivative_of_each_examples_loss(network):
    X, Y, parameters, AL, _ = network
    m = Y.shape[1]
    given = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))  # the notebook's formula for dAL
    AL = AL.copy()
    np.testing.assert_allclose(given, m * numerical(lambda: float(ref.compute_cost(AL, Y)), AL), rtol=1e-5)


def test_dA_is_m_times_the_derivative_of_the_cost(network):
    """grads["dA0"] (with respect to X, as the notebook's key convention says) is m ∂J/∂X: a loss derivative."""
    X, Y, parameters, _, grads = network
    X = X.copy()
    np.testing.assert_allclose(grads["dA0"], Y.shape[1] * numerical(lambda: cost(X, Y, parameters), X), rtol=1e-5)


@pytest.mark.parametrize("name", ["W1", "b1", "W2", "b2", "W3", "b3"])
def test_dW_and_db_are_derivatives_of_the_cost(network, name):
    """The 1/m of J enters in dW and db: they are ∂J/∂W and ∂J/∂b themselves."""
    X, Y, parameters, _, grads = network
    parameters = {k: v.copy() for k, v in parameters.items()}
    np.testing.assert_allclose(grads["d" + name], numerical(lambda: cost(X, Y, parameters), parameters[name]),
                               rtol=1e-5, atol=1e-9)
