"""Referee inputs for Gradient checking.

``gradient_check`` and ``gradient_check_n`` are checked with costs given by the cases (``Case.calls``: the
oracle answers the function's calls to ``forward_propagation``/``backward_propagation``/``forward_propagation_n``
with them, in the grader): on a deliberately wrong gradient their difference must equal the reference's, on a
right one it must stay under the notebook's threshold; ``gradient_check_n`` must leave its arguments unchanged.
"""
import numpy as np

import reference  # noqa: F401 - puts utils/ on sys.path (before the helper imports)
from gc_testcases import cubic_backward, cubic_forward, gradient_check_n_test_case  # noqa: I001
from gc_utils import LAYOUT, dictionary_to_vector, vector_to_dictionary
from reference.gradient_checking import backward_propagation_n, forward_propagation_n
from tools.grading.oracle import Case

FUNCTIONS = ["forward_propagation", "backward_propagation", "gradient_check", "gradient_check_n"]
WEIGHTS = np.linspace(0.5, 2.0, 47).reshape(-1, 1)


def sine_cost(x, theta):
    return np.sin(theta * x) + theta ** 2


def sine_derivative(x, theta):
    return x * np.cos(theta * x) + 2 * theta


def wrong_sine_derivative(x, theta):
    return 0.9 * sine_derivative(x, theta)


def smooth_cost(X, Y, parameters):
    """A cost of θ alone, ``Σ w·sin θ + (Σ θ)²/2``, with (cost, no cache) like ``forward_propagation_n``."""
    theta = dictionary_to_vector(parameters)[0]
    return float(np.sum(WEIGHTS * np.sin(theta)) + 0.5 * np.sum(theta) ** 2), None


def smooth_gradients(parameters, wrong_block=None):
    theta = dictionary_to_vector(parameters)[0]
    gradients = {"d" + k: v for k, v in vector_to_dictionary(WEIGHTS * np.cos(theta) + np.sum(theta)).items()}
    if wrong_block:
        gradients["d" + wrong_block] = 3 * gradients["d" + wrong_block]
    return gradients


def network_case(seed, m):
    np.random.seed(seed)
    X = np.random.randn(4, m)
    Y = np.array([[1, 0, 0, 1, 1, 0, 1][:m]])
    return X, Y, {name: np.random.randn(*shape) for name, shape in LAYOUT}


def network_gradients(X, Y, parameters, fixed):
    """The provided (buggy) backward_propagation_n's gradients, or the fixed ones."""
    gradients = backward_propagation_n(X, Y, forward_propagation_n(X, Y, parameters)[1])
    if fixed:
        gradients["dW2"] = gradients["dW2"] / 2
        gradients["db1"] = gradients["db1"] / 4
    return gradients


def one_d(label, x, theta, cost, derivative, epsilon=None, rtol=None, below=None):
    kwargs = {} if epsilon is None else {"epsilon": epsilon}
    calls = {"forward_propagation": cost, "backward_propagation": derivative}
    return Case(label, (x, theta), kwargs, calls=calls, rtol=rtol or 1e-5, atol=0, below=below)


def n_d(label, parameters, gradients, X, Y, epsilon=None, rtol=None, below=None, cost=None):
    kwargs = {} if epsilon is None else {"epsilon": epsilon}
    calls = {"forward_propagation_n": cost} if cost else {}
    return Case(label, (parameters, gradients, X, Y), kwargs, calls=calls, rtol=rtol or 1e-5, atol=0, below=below,
                unchanged=True)


def cases(function):
    if function in ("forward_propagation", "backward_propagation"):
        return [("example", lambda: ((2, 4), {})), ("example", lambda: ((3, -1.5), {})),
                ("hidden", lambda: ((-0.7, 2.25), {})), ("hidden", lambda: ((5.0, 0.125), {}))]
    if function == "gradient_check":
        return [one_d("example", 2, 4, cubic_forward, cubic_backward, epsilon=1e-3, rtol=1e-3),
                one_d("example", 2, 4, cubic_forward, cubic_backward, below=1e-7),
                one_d("hidden", 0.7, 1.3, sine_cost, sine_derivative, epsilon=1e-2, rtol=1e-3),
                one_d("hidden", -1.5, 0.4, sine_cost, sine_derivative, epsilon=1e-3, rtol=1e-2),
                one_d("hidden", 0.7, 1.3, sine_cost, wrong_sine_derivative, rtol=1e-5),
                # A large ε keeps the difference of precedence and sign mistakes away from 1, where they all meet.
                one_d("hidden", 0.7, 1.3, sine_cost, sine_derivative, epsilon=0.5, rtol=1e-3),
                one_d("hidden", 2.0, -0.6, sine_cost, sine_derivative, below=1e-7)]
    X1, Y1, p1 = gradient_check_n_test_case()
    X2, Y2, p2 = network_case(2, 5)
    X3, Y3, p3 = network_case(6, 7)
    _, _, p4 = network_case(4, 3)
    return [n_d("example", p1, network_gradients(X1, Y1, p1, False), X1, Y1, rtol=1e-6),
            n_d("hidden", p2, network_gradients(X2, Y2, p2, False), X2, Y2, rtol=1e-5),
            n_d("hidden", p3, network_gradients(X3, Y3, p3, True), X3, Y3, epsilon=1e-3, rtol=1e-2),
            n_d("hidden", p4, smooth_gradients(p4), X2, Y2, epsilon=1e-3, rtol=1e-3, cost=smooth_cost),
            n_d("hidden", p4, smooth_gradients(p4, "W2"), X2, Y2, rtol=1e-5, cost=smooth_cost),
            n_d("hidden", p4, smooth_gradients(p4, "b3"), X2, Y2, epsilon=1e-2, rtol=1e-5, cost=smooth_cost),
            n_d("hidden", p4, smooth_gradients(p4), X2, Y2, epsilon=1e-5, below=2e-7, cost=smooth_cost)]
