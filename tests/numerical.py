"""Numerical helpers of the tests: a centred-difference gradient, and the rule for numbers a notebook quotes."""
from decimal import Decimal

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


def shows(shown, printed):
    """Whether the number ``printed`` is the number ``shown`` (a notebook's quote) to the digits shown.

    Both are strings, read as exact decimals (no float rounding at the edges). A plain number ("94.8", "2e-7",
    "-0.00188234") is the printed value rounded to its last digit: ``printed`` is within half a unit of that
    digit. A number with "..." ("0.2850931...", "1.04167...e-08", "-0.00188...") gives leading digits:
    ``printed``, with the same sign, starts with them in magnitude, or rounds to them at the last digit shown,
    because a value whose hidden digits depend on the order of floating-point sums can fall just below a shown
    digit on another machine (0.28509315677599999 for "0.285093156776...").

    A quote holds on every machine only if no machine prints other digits there: a value whose last digits
    depend on the summation order (a cost, a norm, a gradient-check difference) is quoted with fewer digits.
    """
    lead = "..." in shown
    mantissa, _, exponent = shown.replace("...", "").partition("e")
    decimals = len(mantissa.partition(".")[2])
    value = Decimal(mantissa).scaleb(int(exponent or 0))
    unit = Decimal(1).scaleb(int(exponent or 0) - decimals)
    got = Decimal(printed.replace("...", ""))
    if not lead:
        return abs(got - value) <= unit / 2
    if mantissa.startswith("-"):
        got, value = -got, -value
    return value - unit / 2 <= got < value + unit
