"""Reference solutions of deep_nn, GENERATED from masters/deep_nn.py by `python -m tools build`.

Do not edit: edit the master. Never shipped to students."""
import os

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward, load_moons
from testCases import *
from dnn_testcases import *
from dnn_figures import draw_modules, plot_boundary
from figures import plot_costs, plot_field

plt.rcParams["figure.figsize"] = (6.0, 4.5)
set_language("en")
# The autograder (nbgrader sets NBGRADER_EXECUTION) trains for a few iterations only: no grade depends on training.
GRADING = "NBGRADER_EXECUTION" in os.environ


# GRADED FUNCTION: initialize_parameters

def initialize_parameters(n_x, n_h, n_y):
    """
    Initialize the parameters of a two-layer network LINEAR -> RELU -> LINEAR -> SIGMOID.

    Parameters
    ----------
    n_x : int, size of the input layer
    n_h : int, size of the hidden layer
    n_y : int, size of the output layer

    Returns
    -------
    parameters : dict with
        W1 : weight matrix of shape (n_h, n_x)
        b1 : bias vector of shape (n_h, 1)
        W2 : weight matrix of shape (n_y, n_h)
        b2 : bias vector of shape (n_y, 1)
    """
    np.random.seed(1)
    ### START CODE HERE ### (≈ 4 lines)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END CODE HERE ###
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# GRADED FUNCTION: initialize_parameters_deep

def initialize_parameters_deep(layer_dims):
    """
    Initialize the parameters of an L-layer network: small random weights and zero bias vectors.

    Parameters
    ----------
    layer_dims : list of int, the size of each layer, input layer first: [n_0, n_1, ..., n_L]

    Returns
    -------
    parameters : dict with "W1", "b1", ..., "WL", "bL" for the L layers of the network:
        Wl : weight matrix of shape (layer_dims[l], layer_dims[l - 1])
        bl : bias vector of shape (layer_dims[l], 1)
    """
    np.random.seed(3)
    parameters = {}
    # number of layers in the network, the input layer included
    L = len(layer_dims)

    for l in range(1, L):
        ### START CODE HERE ### (≈ 2 lines)
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        ### END CODE HERE ###
    return parameters


# GRADED FUNCTION: linear_forward

def linear_forward(A, W, b):
    """
    The linear part of a layer's forward propagation.

    Parameters
    ----------
    A : ndarray of shape (size of the previous layer, m), activations of the previous layer (or the input data)
    W : ndarray of shape (size of the current layer, size of the previous layer), the weight matrix
    b : ndarray of shape (size of the current layer, 1), the bias vector

    Returns
    -------
    Z : ndarray of shape (size of the current layer, m), the input of the activation function
    cache : tuple (A, W, b), stored for computing the backward pass efficiently
    """
    ### START CODE HERE ### (≈ 1 line)
    Z = np.dot(W, A) + b
    ### END CODE HERE ###
    cache = (A, W, b)
    return Z, cache


# GRADED FUNCTION: linear_activation_forward

def linear_activation_forward(A_prev, W, b, activation):
    """
    The forward propagation of one LINEAR->ACTIVATION layer.

    Parameters
    ----------
    A_prev : ndarray of shape (size of the previous layer, m), activations of the previous layer (or the input data)
    W : ndarray of shape (size of the current layer, size of the previous layer), the weight matrix
    b : ndarray of shape (size of the current layer, 1), the bias vector
    activation : str, the activation of this layer: "sigmoid" or "relu"

    Returns
    -------
    A : ndarray of shape (size of the current layer, m), the output of the activation function
    cache : tuple (linear_cache, activation_cache) = ((A_prev, W, b), Z), stored for the backward pass
    """
    if activation == "sigmoid":
        ### START CODE HERE ### (≈ 2 lines)
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
        ### END CODE HERE ###
    elif activation == "relu":
        ### START CODE HERE ### (≈ 2 lines)
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
        ### END CODE HERE ###
    cache = (linear_cache, activation_cache)
    return A, cache


# GRADED FUNCTION: L_model_forward

def L_model_forward(X, parameters):
    """
    Forward propagation of the model [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (input size, m), the data
    parameters : dict, the output of initialize_parameters_deep()

    Returns
    -------
    AL : ndarray of shape (1, m), the last activation value (the output of the network)
    caches : list of the L caches of linear_activation_forward(), layer 1 first (indices 0 to L-1)
    """
    caches = []
    A = X
    # number of layers in the neural network
    L = len(parameters) // 2

    # [LINEAR -> RELU]*(L-1): add each cache to the list caches.
    for l in range(1, L):
        A_prev = A
        ### START CODE HERE ### (≈ 2 lines)
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], activation="relu")
        caches.append(cache)
        ### END CODE HERE ###

    # LINEAR -> SIGMOID: add the last cache to the list caches.
    ### START CODE HERE ### (≈ 2 lines)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], activation="sigmoid")
    caches.append(cache)
    ### END CODE HERE ###
    return AL, caches


# GRADED FUNCTION: compute_cost

def compute_cost(AL, Y):
    """
    The cross-entropy cost of formula (4).

    Parameters
    ----------
    AL : ndarray of shape (1, m), the probabilities predicted for the label 1
    Y : ndarray of shape (1, m), the true labels (0 or 1)

    Returns
    -------
    cost : number (0-d), the cross-entropy cost
    """
    m = Y.shape[1]
    ### START CODE HERE ### (≈ 1 line)
    cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    ### END CODE HERE ###
    # makes sure the cost has the shape we expect (e.g. turns [[17]] into 17)
    cost = np.squeeze(cost)
    return cost


# GRADED FUNCTION: linear_backward

def linear_backward(dZ, cache):
    """
    The linear part of the backward propagation of one layer l.

    Parameters
    ----------
    dZ : ndarray of shape (size of layer l, m), the derivative of the loss with respect to the linear output Z of layer l (one column per example)
    cache : tuple (A_prev, W, b) from the forward propagation of layer l

    Returns
    -------
    dA_prev : derivative of the loss with respect to the activation A_prev of layer l-1, same shape as A_prev
    dW : gradient of the cost with respect to W (of layer l), same shape as W
    db : gradient of the cost with respect to b (of layer l), same shape as b
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    ### START CODE HERE ### (≈ 3 lines)
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    ### END CODE HERE ###
    return dA_prev, dW, db


# GRADED FUNCTION: linear_activation_backward

def linear_activation_backward(dA, cache, activation):
    """
    The backward propagation of one LINEAR->ACTIVATION layer.

    Parameters
    ----------
    dA : ndarray of shape (size of layer l, m), the derivative of the loss with respect to the activation of layer l
    cache : tuple (linear_cache, activation_cache) stored by linear_activation_forward()
    activation : str, the activation of this layer: "sigmoid" or "relu"

    Returns
    -------
    dA_prev : derivative of the loss with respect to the activation of layer l-1, same shape as A_prev
    dW : gradient of the cost with respect to W (of layer l), same shape as W
    db : gradient of the cost with respect to b (of layer l), same shape as b
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        ### START CODE HERE ### (≈ 2 lines)
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END CODE HERE ###
    elif activation == "sigmoid":
        ### START CODE HERE ### (≈ 2 lines)
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END CODE HERE ###
    return dA_prev, dW, db


# GRADED FUNCTION: L_model_backward

def L_model_backward(AL, Y, caches):
    """
    Backward propagation of the model [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID.

    Parameters
    ----------
    AL : ndarray of shape (1, m), the output of the forward propagation (L_model_forward())
    Y : ndarray of shape (1, m), the true labels (0 or 1)
    caches : list of the L caches of L_model_forward(); caches[l - 1] is the cache of layer l

    Returns
    -------
    grads : dict with the gradients
        grads["dA" + str(l)] : derivative of the loss with respect to the activation A of layer l, for l = 0..L-1 (dA0: with respect to X)
        grads["dW" + str(l)] and grads["db" + str(l)] : gradients of the cost with respect to W and b of layer l, for l = 1..L
    """
    grads = {}
    # the number of layers
    L = len(caches)
    m = AL.shape[1]
    # after this line, Y has the same shape as AL
    Y = Y.reshape(AL.shape)

    # Initializing the backpropagation
    ### START CODE HERE ### (1 line)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    ### END CODE HERE ###

    # Layer L (SIGMOID -> LINEAR) gradients. Inputs: dAL and the cache of layer L. Outputs: dA of layer L-1, dW and db of layer L.
    ### START CODE HERE ### (≈ 2 lines)
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, activation="sigmoid")
    ### END CODE HERE ###

    # Loop from l = L-2 down to l = 0: layer l+1 (RELU -> LINEAR) gradients.
    # Inputs: dA of layer l+1 and the cache of layer l+1. Outputs: dA of layer l, dW and db of layer l+1.
    for l in reversed(range(L - 1)):
        ### START CODE HERE ### (≈ 5 lines)
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, activation="relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
        ### END CODE HERE ###
    return grads


# GRADED FUNCTION: update_parameters

def update_parameters(parameters, grads, learning_rate):
    """
    One step of gradient descent on every parameter.

    Parameters
    ----------
    parameters : dict with the parameters W1, b1, ..., WL, bL
    grads : dict with the gradients, the output of L_model_backward()
    learning_rate : float, the learning rate alpha

    Returns
    -------
    parameters : dict with the updated parameters "W" + str(l) and "b" + str(l), for l = 1..L
    """
    # number of layers in the neural network
    L = len(parameters) // 2

    # Update rule for each parameter. Use a for loop.
    ### START CODE HERE ### (≈ 3 lines)
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    ### END CODE HERE ###
    return parameters


def L_layer_model(X, Y, layers_dims, learning_rate=0.75, num_iterations=3000, print_cost=True):
    """
    Train an L-layer network [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID by gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m), the input data
    Y : ndarray of shape (1, m), the labels (0 or 1)
    layers_dims : list of int, the size of each layer, input layer first
    learning_rate : float, the learning rate
    num_iterations : int, the number of iterations of gradient descent
    print_cost : bool, print the cost every 500 iterations

    Returns
    -------
    parameters : dict, the learned parameters
    costs : list of float, the cost every 100 iterations
    """
    if GRADING:
        num_iterations = min(num_iterations, 10)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in tqdm(range(num_iterations), desc="training", disable=GRADING):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
        if print_cost and i % 500 == 0:
            print(f"Cost after iteration {i}: {float(cost):.6f}")
    return parameters, costs


def predict(X, parameters):
    """
    The labels (0 or 1) that the network predicts for the columns of X: 1 where AL > 0.5.
    """
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)


def accuracy(X, Y, parameters):
    """
    The fraction of the examples of X whose predicted label is the label in Y.
    """
    return float(np.mean(predict(X, parameters) == Y))
