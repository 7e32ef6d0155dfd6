"""Reference solutions of gradient_checking, GENERATED from masters/gradient_checking.py by `python -m tools build`.

Do not edit: edit the master. Never shipped to students."""
import contextlib
import io
import os

import matplotlib.pyplot as plt
import numpy as np

from gc_utils import sigmoid, relu, dictionary_to_vector, vector_to_dictionary, gradients_to_vector
from gc_utils import LAYOUT, block_slices
from testCases import *
from gc_testcases import *
from figures import draw_network
from gc_figures import draw_computation_graph, plot_centred_difference, draw_vector_layout, plot_block_report

plt.rcParams["figure.figsize"] = (6.0, 4.0)
set_language("en")
# The autograder (nbgrader sets NBGRADER_EXECUTION) draws no figure: no grade depends on them.
GRADING = "NBGRADER_EXECUTION" in os.environ


# GRADED FUNCTION: forward_propagation

def forward_propagation(x, theta):
    """
    Forward propagation of the linear model of figure 2: the cost J(θ) = θ·x.

    Parameters
    ----------
    x : float, the input
    theta : float, the parameter

    Returns
    -------
    J : float, the value of the cost at theta
    """
    ### START CODE HERE ### (≈ 1 line)
    J = theta * x
    ### END CODE HERE ###
    return J


# GRADED FUNCTION: backward_propagation

def backward_propagation(x, theta):
    """
    The derivative of J(θ) = θ·x with respect to θ (figure 2).

    Parameters
    ----------
    x : float, the input
    theta : float, the parameter

    Returns
    -------
    dtheta : float, the gradient of the cost with respect to theta
    """
    ### START CODE HERE ### (≈ 1 line)
    dtheta = x
    ### END CODE HERE ###
    return dtheta


# GRADED FUNCTION: gradient_check

def gradient_check(x, theta, epsilon=1e-7):
    """
    Gradient checking of the one-dimensional model: backward_propagation against formula (1).

    Parameters
    ----------
    x : float, the input
    theta : float, the parameter
    epsilon : float, the tiny shift of theta in formula (1)

    Returns
    -------
    difference : float, the relative difference of formula (2) between the two gradients
    """
    # Compute gradapprox using the right side of formula (1), the centered difference. epsilon is small enough: no limit to take.
    ### START CODE HERE ### (≈ 5 lines)
    thetaplus = theta + epsilon
    thetaminus = theta - epsilon
    J_plus = forward_propagation(x, thetaplus)
    J_minus = forward_propagation(x, thetaminus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    ### END CODE HERE ###

    # The gradient computed by backward propagation.
    ### START CODE HERE ### (≈ 1 line)
    grad = backward_propagation(x, theta)
    ### END CODE HERE ###

    # The relative difference of formula (2), in the three steps 1', 2', 3'.
    ### START CODE HERE ### (≈ 3 lines)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END CODE HERE ###

    if difference < 1e-7:
        print("The gradient is correct!")
    else:
        print("The gradient is wrong!")
    return difference


def forward_propagation_n(X, Y, parameters):
    """
    Forward propagation of figure 3, and the cross-entropy cost.

    Parameters
    ----------
    X : ndarray of shape (4, m), the training set: m examples
    Y : ndarray of shape (1, m), the labels of the m examples
    parameters : dict with W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1)

    Returns
    -------
    cost : float, the cost function (logistic cost of the m examples)
    cache : tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), for backward_propagation_n
    """
    m = X.shape[1]
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    # LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    # Cost
    logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1. / m * np.sum(logprobs)

    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache


def backward_propagation_n(X, Y, cache):
    """
    Backward propagation of figure 3 (as given: do not edit).

    Parameters
    ----------
    X : ndarray of shape (4, m), the input datapoints
    Y : ndarray of shape (1, m), the true labels
    cache : tuple, the cache output of forward_propagation_n()

    Returns
    -------
    gradients : dict with the gradient of the cost with respect to each parameter, activation and
        pre-activation variable: dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) * 2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 4. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# GRADED FUNCTION: gradient_check_n

def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):
    """
    Check whether backward_propagation_n computes correctly the gradient of the cost of forward_propagation_n.

    Parameters
    ----------
    parameters : dict with W1, b1, W2, b2, W3, b3 (left unchanged)
    gradients : dict, the output of backward_propagation_n: the gradients of the cost (left unchanged)
    X : ndarray of shape (4, m), the input datapoints
    Y : ndarray of shape (1, m), the true labels
    epsilon : float, the tiny shift of each entry of theta in formula (1)

    Returns
    -------
    difference : float, the relative difference of formula (3) between gradapprox and the backward propagation
    """
    # Set-up variables
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    # Compute gradapprox
    for i in range(num_parameters):
        # Compute J_plus[i]. Inputs: "parameters_values, epsilon". Output = "J_plus[i]".
        # "_" is used because forward_propagation_n outputs two values and we only care about the first one.
        ### START CODE HERE ### (≈ 3 lines)
        thetaplus = np.copy(parameters_values)
        thetaplus[i][0] = thetaplus[i][0] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))
        ### END CODE HERE ###

        # Compute J_minus[i]. Inputs: "parameters_values, epsilon". Output = "J_minus[i]".
        ### START CODE HERE ### (≈ 3 lines)
        thetaminus = np.copy(parameters_values)
        thetaminus[i][0] = thetaminus[i][0] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))
        ### END CODE HERE ###

        # Compute gradapprox[i]
        ### START CODE HERE ### (≈ 1 line)
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
        ### END CODE HERE ###

    # Compare gradapprox to backward propagation gradients by computing the difference of formula (3).
    ### START CODE HERE ### (≈ 3 lines)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END CODE HERE ###

    if difference > 2e-7:
        print("There is a mistake in the backward propagation! difference = " + str(difference))
    else:
        print("Your backward propagation works perfectly fine! difference = " + str(difference))
    return difference


def block_report(backward, X, Y, parameters, epsilon=1e-5):
    """
    The difference of formula (3) on each block W1, ..., b3, measured by your gradient_check_n on that block alone.

    Parameters
    ----------
    backward : function (X, Y, cache) -> gradients, the backward propagation to check
    X, Y, parameters : as for gradient_check_n
    epsilon : float, the shift of formula (1)

    Returns
    -------
    differences : dict, block name -> difference, in the order of LAYOUT
    """
    full_forward = forward_propagation_n
    cost, cache = full_forward(X, Y, parameters)
    gradients = backward(X, Y, cache)
    differences = {}
    for name, shape in LAYOUT:
        def frozen_forward(X, Y, perturbed, name=name):
            # Only block `name` of the perturbed parameters reaches the cost.
            return full_forward(X, Y, dict(parameters, **{name: perturbed[name]}))
        block_gradients = {"d" + other: np.zeros(other_shape) for other, other_shape in LAYOUT}
        block_gradients["d" + name] = gradients["d" + name]
        # gradient_check_n calls forward_propagation_n by its name: give that name to frozen_forward for a while.
        globals()["forward_propagation_n"] = frozen_forward
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(invalid="ignore", divide="ignore"):
                differences[name] = np.asarray(gradient_check_n(parameters, block_gradients, X, Y, epsilon)).item()
        finally:
            globals()["forward_propagation_n"] = full_forward
    return differences


# UNGRADED EXERCISE: backward_propagation_n_fixed

def backward_propagation_n_fixed(X, Y, cache):
    """
    backward_propagation_n with its two bugs fixed.

    Parameters and Returns: as for backward_propagation_n.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    gradients = backward_propagation_n(X, Y, cache)
    dZ2 = gradients["dZ2"]
    dZ1 = gradients["dZ1"]
    # Replace the two wrong gradients, e.g. gradients["dW3"] = ... (it is not one of them).
    ### START CODE HERE ### (≈ 2 lines)
    gradients["dW2"] = 1. / m * np.dot(dZ2, A1.T)
    gradients["db1"] = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END CODE HERE ###
    return gradients
