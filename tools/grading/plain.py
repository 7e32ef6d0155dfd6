"""Plain data across the jail's wall: the only form in which values go in and out of a jailed check.

``encode`` turns numbers, strings, ``None``, numpy arrays and scalars, tuples,
lists and dicts into JSON-ready tagged lists; ``decode`` turns them back into
exactly those types and nothing else, so no object built by student code (no
``__eq__``, ``__array__`` or ``__bool__`` trick, no subclass) ever reaches the
grader, and no pickle is ever read. Sizes are bounded both ways.

This file has no imports but numpy and the standard library: the referee sends
its source, with :mod:`tools.grading.sandbox`, into the jail.
"""
import math

import numpy as np

MAX_ELEMENTS = 2_000_000  # numbers in one encoded value, all arrays together
MAX_DEPTH = 20
MAX_TEXT = 10_000
DTYPES = {"b": "bool", "i": "int64", "u": "int64", "f": "float64"}


class PlainDataError(ValueError):
    """A value that is not plain data, or too large, or badly formed."""


def encode(value, _budget=None, _depth=0):
    """JSON-ready image of ``value``; anything else becomes ``["other", type name]``."""
    budget = _budget if _budget is not None else [MAX_ELEMENTS]
    if _depth > MAX_DEPTH:
        return ["other", "too deep"]
    if value is None:
        return ["none"]
    if isinstance(value, (bool, np.bool_)):
        return ["bool", bool(value)]
    if isinstance(value, str):
        return ["str", value[:MAX_TEXT]]
    if isinstance(value, dict):
        return ["dict", [[str(k), encode(v, budget, _depth + 1)] for k, v in list(value.items())[:1000]]]
    if isinstance(value, (tuple, list)):
        kind = "tuple" if isinstance(value, tuple) else "list"
        return [kind, [encode(v, budget, _depth + 1) for v in list(value)[:1000]]]
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return ["int", int(value)] if abs(int(value)) < 2 ** 53 else ["float", _number(float(value))]
    if isinstance(value, (float, np.floating)):
        return ["float", _number(float(value))]
    if isinstance(value, np.ndarray) and value.dtype.kind in DTYPES:
        budget[0] -= value.size
        if budget[0] < 0:
            return ["other", "too large"]
        flat = value.astype(DTYPES[value.dtype.kind]).ravel().tolist()
        if value.dtype.kind == "f":
            flat = [_number(x) for x in flat]
        return ["array", DTYPES[value.dtype.kind], list(value.shape), flat]
    return ["other", type(value).__name__[:100]]


def _number(x):
    return x if math.isfinite(x) else repr(x)


def decode(data, _budget=None, _depth=0):
    """The value ``data`` stands for, built only from plain types and numpy arrays.

    Raises
    ------
    PlainDataError
        if ``data`` is not what :func:`encode` writes, or is too large or too deep.
    """
    budget = _budget if _budget is not None else [MAX_ELEMENTS]
    try:
        if _depth > MAX_DEPTH:
            raise PlainDataError("too deep")
        tag = data[0]
        if tag == "none":
            return None
        if tag == "bool":
            return bool(data[1])
        if tag == "str":
            return str(data[1])[:MAX_TEXT]
        if tag == "int":
            return int(data[1])
        if tag == "float":
            return float(data[1])
        if tag in ("tuple", "list"):
            items = [decode(v, budget, _depth + 1) for v in data[1][:1000]]
            return tuple(items) if tag == "tuple" else items
        if tag == "dict":
            return {str(k): decode(v, budget, _depth + 1) for k, v in data[1][:1000]}
        if tag == "array":
            _, dtype, shape, flat = data
            shape = [int(n) for n in shape]
            if dtype not in DTYPES.values() or len(shape) > 32 or any(n < 0 for n in shape):
                raise PlainDataError("bad array")
            budget[0] -= len(flat)
            if budget[0] < 0:
                raise PlainDataError("too large")
            values = [float(x) for x in flat] if dtype == "float64" else [int(x) for x in flat]
            return np.array(values, dtype=dtype).reshape(shape)
        if tag == "other":
            return Other(str(data[1])[:100])
    except PlainDataError:
        raise
    except (TypeError, ValueError, IndexError, KeyError, OverflowError) as error:
        raise PlainDataError(f"unreadable value ({type(error).__name__})") from None
    raise PlainDataError("unknown tag")


class Other(str):
    """Stands for a value that was not plain data (its type name); equal to nothing the grader expects."""


def compare(expected, actual, rtol=1e-5, atol=1e-7, path=()):
    """Why ``actual`` (decoded) differs from ``expected`` (the reference's value), as a verdict; None when they match.

    Dicts must hold every expected key (extra keys are fine); tuples and lists
    must have the same length (either kind); strings and None must be equal;
    numbers and arrays must have the same shape (a size-1 array matches a
    scalar) and close values, NaN matching NaN.

    A verdict is data, rendered in the notebook's language by :mod:`tools.grading.messages`:
    ``{"code": ..., "path": [key or index, ...]}`` (where in the output) with, by code, ``"want"`` (``"dict"``,
    ``"sequence"`` and ``"length"``, ``"number"`` or ``"value"``) for ``"type"``, ``"key"`` for ``"key"``,
    ``"got"`` and ``"want"`` (shapes) for ``"shape"``, and nothing more for ``"values"``.
    """
    path = list(path)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return {"code": "type", "path": path, "want": "dict"}
        for key, value in expected.items():
            if key not in actual:
                return {"code": "key", "path": path, "key": str(key)}
            verdict = compare(value, actual[key], rtol, atol, path + [str(key)])
            if verdict:
                return verdict
        return None
    if isinstance(expected, (tuple, list)):
        if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
            return {"code": "type", "path": path, "want": "sequence", "length": len(expected)}
        for i, (want, got) in enumerate(zip(expected, actual)):
            verdict = compare(want, got, rtol, atol, path + [i])
            if verdict:
                return verdict
        return None
    if expected is None or isinstance(expected, str):
        if type(actual) is type(expected) and actual == expected:
            return None
        return {"code": "type", "path": path, "want": "value", "value": repr(expected)[:40]}
    if isinstance(actual, (Other, str, dict, tuple, list)) or actual is None:
        return {"code": "type", "path": path, "want": "number"}
    want, got = np.asarray(expected, dtype=float), np.asarray(actual, dtype=float)
    if want.shape != got.shape and not (want.size == got.size == 1):
        return {"code": "shape", "path": path, "got": list(got.shape), "want": list(want.shape)}
    if not np.allclose(got.reshape(want.shape), want, rtol=rtol, atol=atol, equal_nan=True):
        return {"code": "values", "path": path}
    return None
