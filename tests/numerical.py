"""One centred-difference numerical gradient for the helper tests."""
import numpy as np


def numerical_gradient(cost, parameters, name, epsilon=1e-6):
    """d cost(parameters) / d parameters[name] by centred differences, entry by entry.

    Parameters
    ----------
    cost : callable taking a parameters dict and returning a float
    parameters : dict of ndarrays (left unchanged)
    name : key of the array to differentiate
    epsilon : float, the step

    Returns
    -------
    ndarray of the shape of ``parameters[name]``
    """
    gradient = np.zeros_like(parameters[name], dtype=float)
    for index in np.ndindex(parameters[name].shape):
        plus = {k: v.copy() for k, v in parameters.items()}
        minus = {k: v.copy() for k, v in parameters.items()}
        plus[name][index] += epsilon
        minus[name][index] -= epsilon
        gradient[index] = (cost(plus) - cost(minus)) / (2 * epsilon)
    return gradient
