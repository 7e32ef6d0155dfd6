"""Referee inputs for Gradient checking, 1-D functions only.

``gradient_check`` and ``gradient_check_n`` return a relative difference dominated by rounding
noise for correct code; their hidden tests in the notebook (with costs the test supplies) judge them.
"""
FUNCTIONS = ["forward_propagation", "backward_propagation"]


def cases(function):
    return [("example", lambda: ((2, 4), {})), ("example", lambda: ((3, -1.5), {})),
            ("hidden", lambda: ((-0.7, 2.25), {})), ("hidden", lambda: ((5.0, 0.125), {}))]
