"""Inputs of the Initialization notebook's visible tests, and one check of a parameters dict.

Each ``*_test_case()`` returns inputs only: no expected output and nothing
that computes one. :func:`check_parameters` checks the *form* of an
initialization's result (keys, number of layers, shapes, float dtype); the
tests compare the values with ``testCases.check_close``.
"""
import numpy as np

import language
from testCases import check_keys, hinted, message

__all__ = ["check_parameters", "initialize_parameters_zeros_test_case", "initialize_parameters_random_test_case",
           "initialize_parameters_he_test_case"]

MESSAGES = {
    "en": {
        "extra": "`{name}` has keys that it should not have: {extra} (a network with layers_dims = {dims} "
                 "has {layers} layers: W1, b1, ..., W{layers}, b{layers}).",
        "not_array": "`{name}` should be a numpy array, but it is {got}.",
        "dtype": "`{name}` should hold floats, but its dtype is {dtype}.",
    },
    "pt": {
        "extra": "`{name}` tem chaves que não deveria ter: {extra} (uma rede com layers_dims = {dims} "
                 "tem {layers} camadas: W1, b1, ..., W{layers}, b{layers}).",
        "not_array": "`{name}` deveria ser um array do numpy, mas é {got}.",
        "dtype": "`{name}` deveria conter números de ponto flutuante (float), mas o seu dtype é {dtype}.",
    },
}


def _message(key, **fields):
    return MESSAGES[language.current()][key].format(**fields)


@hinted
def check_parameters(name, parameters, layers_dims):
    """Assert that ``parameters`` is the dict of a network of sizes ``layers_dims``.

    Exactly the keys ``W1, b1, ..., WL, bL`` (``L = len(layers_dims) - 1``), each
    a float ndarray, ``W{l}`` of shape ``(layers_dims[l], layers_dims[l-1])`` and
    ``b{l}`` of shape ``(layers_dims[l], 1)``. Values are not checked here.

    Raises
    ------
    AssertionError with a message in the notebook's language.
    """
    L = len(layers_dims) - 1
    keys = [k + str(l) for l in range(1, L + 1) for k in ("W", "b")]
    check_keys(name, parameters, keys)
    extra = [k for k in parameters if k not in keys]
    if extra:
        raise AssertionError(_message("extra", name=name, extra=extra, dims=list(layers_dims), layers=L))
    for l in range(1, L + 1):
        for key, shape in (("W" + str(l), (layers_dims[l], layers_dims[l - 1])), ("b" + str(l), (layers_dims[l], 1))):
            value = parameters[key]
            if not isinstance(value, np.ndarray):
                raise AssertionError(_message("not_array", name=key, got=type(value).__name__))
            if value.shape != shape:
                raise AssertionError(message("shape", name=key, got=value.shape, expected=shape))
            if not np.issubdtype(value.dtype, np.floating):
                raise AssertionError(_message("dtype", name=key, dtype=value.dtype))


def initialize_parameters_zeros_test_case():
    """``layers_dims`` of the zeros example: 3 inputs, 2 hidden units, 1 output."""
    return [3, 2, 1]


def initialize_parameters_random_test_case():
    """``layers_dims`` of the random example: 3 inputs, 2 hidden units, 1 output."""
    return [3, 2, 1]


def initialize_parameters_he_test_case():
    """``layers_dims`` of the He example: 2 inputs, 4 hidden units, 1 output."""
    return [2, 4, 1]
