"""Reference solutions of initialization, GENERATED from masters/initialization.py by `python -m tools build`.

Do not edit: edit the master. Never shipped to students."""
import os

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from init_utils import sigmoid, relu, forward_propagation, backward_propagation, compute_loss
from init_utils import update_parameters, predict, predict_dec, plot_decision_boundary, load_dataset
from testCases import *
from init_testcases import *
from figures import plot_costs, plot_field
from init_figures import layer_spreads, plot_layer_spreads, plot_output_histograms

plt.rcParams["figure.figsize"] = (6.0, 4.5)
set_language("en")
# The autograder (nbgrader sets NBGRADER_EXECUTION) trains for a few iterations only: no grade depends on training.
GRADING = "NBGRADER_EXECUTION" in os.environ


def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he"):
    """
    Train a three-layer network LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID by gradient descent.

    Parameters
    ----------
    X : ndarray of shape (2, m), the input data
    Y : ndarray of shape (1, m), the labels (1 blue, 0 red)
    learning_rate : float, the learning rate
    num_iterations : int, the number of iterations of gradient descent
    print_cost : bool, print the cost every 1000 iterations
    initialization : str, the initialization to use: "zeros", "random" or "he"

    Returns
    -------
    parameters : dict, the learned parameters, to predict with
    costs : list of float, the cost every 1000 iterations
    """
    if GRADING:
        num_iterations = min(num_iterations, 10)
    costs = []
    layers_dims = [X.shape[0], 10, 5, 1]

    # Initialize the parameters.
    if initialization == "zeros":
        parameters = initialize_parameters_zeros(layers_dims)
    elif initialization == "random":
        parameters = initialize_parameters_random(layers_dims)
    elif initialization == "he":
        parameters = initialize_parameters_he(layers_dims)
    else:
        raise ValueError(f"unknown initialization {initialization!r}: use 'zeros', 'random' or 'he'")

    for i in tqdm(range(num_iterations), desc="training", disable=GRADING):
        # Forward propagation: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
        a3, cache = forward_propagation(X, parameters)
        # Cost.
        cost = compute_loss(a3, Y)
        # Backward propagation.
        grads = backward_propagation(X, Y, cache)
        # Update the parameters.
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs


# GRADED FUNCTION: initialize_parameters_zeros

def initialize_parameters_zeros(layers_dims):
    """
    Initialize every weight and every bias of the network with zeros.

    Parameters
    ----------
    layers_dims : list of int, the size of each layer, input first, e.g. [2, 10, 5, 1]

    Returns
    -------
    parameters : dict with the float arrays "W1", "b1", ..., "WL", "bL":
        W{l} of shape (layers_dims[l], layers_dims[l-1]), b{l} of shape (layers_dims[l], 1)
    """
    parameters = {}
    # The number of layers with parameters (the input layer has none).
    L = len(layers_dims) - 1

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 2 lines)
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END CODE HERE ###
    return parameters


# GRADED FUNCTION: initialize_parameters_random

def initialize_parameters_random(layers_dims):
    """
    Initialize the weights with large random values (standard normal times 10) and the biases with zeros.

    Parameters
    ----------
    layers_dims : list of int, the size of each layer, input first, e.g. [2, 10, 5, 1]

    Returns
    -------
    parameters : dict with the float arrays "W1", "b1", ..., "WL", "bL":
        W{l} of shape (layers_dims[l], layers_dims[l-1]), b{l} of shape (layers_dims[l], 1)
    """
    # This seed makes your "random" numbers the same as ours.
    np.random.seed(3)
    parameters = {}
    # The number of layers with parameters (the input layer has none).
    L = len(layers_dims) - 1

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 2 lines)
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END CODE HERE ###
    return parameters


# GRADED FUNCTION: initialize_parameters_he

def initialize_parameters_he(layers_dims):
    """
    He initialization: standard normal weights times sqrt(2 / size of the previous layer), zero biases.

    Parameters
    ----------
    layers_dims : list of int, the size of each layer, input first, e.g. [2, 10, 5, 1]

    Returns
    -------
    parameters : dict with the float arrays "W1", "b1", ..., "WL", "bL":
        W{l} of shape (layers_dims[l], layers_dims[l-1]), b{l} of shape (layers_dims[l], 1)
    """
    # This seed makes your "random" numbers the same as ours.
    np.random.seed(3)
    parameters = {}
    # The number of layers with parameters (the input layer has none).
    L = len(layers_dims) - 1

    for l in range(1, L + 1):
        ### START CODE HERE ### (≈ 2 lines)
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END CODE HERE ###
    return parameters
