"""Reference solutions of regularization, GENERATED from masters/regularization.py by `python -m tools build`.

Do not edit: edit the master. Never shipped to students."""
import os

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from reg_utils import sigmoid, relu, initialize_parameters, forward_propagation, backward_propagation
from reg_utils import compute_cost, update_parameters, predict, predict_dec, plot_decision_boundary
from reg_utils import load_2D_dataset
from testCases import *
from reg_testcases import *
from figures import draw_network, plot_costs, plot_field

plt.rcParams["figure.figsize"] = (6.0, 4.5)
set_language("en")
# The autograder (nbgrader sets NBGRADER_EXECUTION) trains for a few iterations only: no grade depends on training.
GRADING = "NBGRADER_EXECUTION" in os.environ


def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True, lambd=0, keep_prob=1):
    """
    Train a three-layer network LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID by gradient descent.

    Parameters
    ----------
    X : ndarray of shape (2, m), the input data
    Y : ndarray of shape (1, m), the labels (1 blue, 0 red)
    learning_rate : float, the learning rate
    num_iterations : int, the number of iterations of gradient descent
    print_cost : bool, print the cost every 10000 iterations
    lambd : float, the L2 regularization hyperparameter (0: no L2)
    keep_prob : float, the probability of keeping a unit active in dropout (1: no dropout)

    Returns
    -------
    parameters : dict, the learned parameters, to predict with
    costs : list of float, the cost every 1000 iterations
    """
    assert lambd == 0 or keep_prob == 1, "use L2 or dropout, not both"
    if GRADING:
        num_iterations = min(num_iterations, 10)
    costs = []
    layers_dims = [X.shape[0], 20, 3, 1]
    parameters = initialize_parameters(layers_dims)
    for i in tqdm(range(num_iterations), desc="training", disable=GRADING):
        # Forward propagation: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
        if keep_prob == 1:
            a3, cache = forward_propagation(X, parameters)
        else:
            a3, cache = forward_propagation_with_dropout(X, parameters, keep_prob)
        # Cost function.
        if lambd == 0:
            cost = compute_cost(a3, Y)
        else:
            cost = compute_cost_with_regularization(a3, Y, parameters, lambd)
        # Backward propagation.
        if lambd == 0 and keep_prob == 1:
            grads = backward_propagation(X, Y, cache)
        elif lambd != 0:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        else:
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
        if print_cost and i % 10000 == 0:
            print(f"Cost after iteration {i}: {cost}")
    return parameters, costs


# GRADED FUNCTION: compute_cost_with_regularization

def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """
    Cost with L2 regularization, formula (2).

    Parameters
    ----------
    A3 : ndarray of shape (1, m), post-activation of the output layer
    Y : ndarray of shape (1, m), the true labels
    parameters : dict with W1, b1, W2, b2, W3, b3
    lambd : float, the regularization hyperparameter

    Returns
    -------
    cost : float, the value of the regularized cost, formula (2)
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]

    # The cross-entropy part of the cost.
    cross_entropy_cost = compute_cost(A3, Y)

    ### START CODE HERE ### (≈ 1 line)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    ### END CODE HERE ###

    cost = cross_entropy_cost + L2_regularization_cost
    return cost


# GRADED FUNCTION: backward_propagation_with_regularization

def backward_propagation_with_regularization(X, Y, cache, lambd):
    """
    Backward propagation of the basic model with L2 regularization added.

    Parameters
    ----------
    X : ndarray of shape (input size, m), the input data
    Y : ndarray of shape (1, m), the true labels
    cache : tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) from forward_propagation()
    lambd : float, the regularization hyperparameter

    Returns
    -------
    gradients : dict with the gradients dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    ### START CODE HERE ### (≈ 1 line)
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / m * W3
    ### END CODE HERE ###
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    ### START CODE HERE ### (≈ 1 line)
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2
    ### END CODE HERE ###
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    ### START CODE HERE ### (≈ 1 line)
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1
    ### END CODE HERE ###
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# GRADED FUNCTION: forward_propagation_with_dropout

def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """
    Forward propagation LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (2, m), the input data
    parameters : dict with W1 (20, 2), b1 (20, 1), W2 (3, 20), b2 (3, 1), W3 (1, 3), b3 (1, 1)
    keep_prob : float, the probability of keeping a unit active

    Returns
    -------
    A3 : ndarray of shape (1, m), the output of the forward propagation
    cache : tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) for backward propagation
    """
    np.random.seed(1)

    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    # LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    ### START CODE HERE ### (≈ 4 lines)
    # Step 1: initialize matrix D1 = np.random.rand(..., ...) with the shape of A1
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    # Step 2: convert entries of D1 to 0 or 1 (using keep_prob as the threshold)
    D1 = D1 < keep_prob
    # Step 3: shut down some units of A1 (set them to zero with the mask D1)
    A1 = A1 * D1
    # Step 4: scale the value of the units that were not shut down
    A1 = A1 / keep_prob
    ### END CODE HERE ###
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    ### START CODE HERE ### (≈ 4 lines)
    # Step 1: initialize matrix D2 = np.random.rand(..., ...) with the shape of A2
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    # Step 2: convert entries of D2 to 0 or 1 (using keep_prob as the threshold)
    D2 = D2 < keep_prob
    # Step 3: shut down some units of A2 (set them to zero with the mask D2)
    A2 = A2 * D2
    # Step 4: scale the value of the units that were not shut down
    A2 = A2 / keep_prob
    ### END CODE HERE ###
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


# GRADED FUNCTION: backward_propagation_with_dropout

def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """
    Backward propagation of the basic model with dropout added.

    Parameters
    ----------
    X : ndarray of shape (2, m), the input data
    Y : ndarray of shape (1, m), the true labels
    cache : tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) from forward_propagation_with_dropout()
    keep_prob : float, the probability of keeping a unit active

    Returns
    -------
    gradients : dict with the gradients dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    ### START CODE HERE ### (≈ 2 lines)
    # Step 1: apply the mask D2 to shut down the same units as in forward propagation
    dA2 = dA2 * D2
    # Step 2: scale the value of the units that were not shut down
    dA2 = dA2 / keep_prob
    ### END CODE HERE ###
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    ### START CODE HERE ### (≈ 2 lines)
    # Step 1: apply the mask D1 to shut down the same units as in forward propagation
    dA1 = dA1 * D1
    # Step 2: scale the value of the units that were not shut down
    dA1 = dA1 / keep_prob
    ### END CODE HERE ###
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients
