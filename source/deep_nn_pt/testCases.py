"""Readable checks for the assignments' tests, shared by every assignment.

``check_*`` compare a student's result with an expected value and raise an
``AssertionError`` whose message says which output, which shape or which
values differ, in the notebook's language (``set_language``). The inputs of
each assignment's tests are made by its own module (``reg_testcases`` ...).
"""
import numpy as np

import language

MESSAGES = {
    "en": {
        "passed": "All tests passed.",
        "type": "`{name}` should be {kind}, but it is {got}.",
        "shape": "`{name}` has shape {got}; expected shape {expected}.",
        "values": "`{name}` has wrong values ({bad} of {total} differ).\n  yours:    {got}\n  expected: {expected}",
        "keys": "`{name}` is missing the keys {missing}.",
        "length": "`{name}` should have {expected} elements, but it has {got}.",
        "number": "a number",
        "array": "a numpy array",
        "dict": "a dict",
        "tuple": "a tuple or list",
        "no_return": " (did you forget `return`?)",
    },
    "pt": {
        "passed": "Todos os testes passaram.",
        "type": "`{name}` deveria ser {kind}, mas é {got}.",
        "shape": "`{name}` tem formato {got}; o formato esperado é {expected}.",
        "values": "`{name}` tem valores errados ({bad} de {total} diferem).\n  obtido:   {got}\n  esperado: {expected}",
        "keys": "Faltam em `{name}` as chaves {missing}.",
        "length": "`{name}` deveria ter {expected} elementos, mas tem {got}.",
        "number": "um número",
        "array": "um array do numpy",
        "dict": "um dicionário (dict)",
        "tuple": "uma tupla ou lista",
        "no_return": " (você esqueceu o `return`?)",
    },
}


def set_language(lang):
    """Choose the language of the check messages and of the helpers' output: ``"en"`` or ``"pt"``."""
    language.set_language(lang)


def message(key, **fields):
    """The message ``key`` in the current language, formatted with ``fields``."""
    return MESSAGES[language.current()][key].format(**fields)


def passed():
    """Print the 'all tests passed' line in the current language."""
    print(message("passed"))


def _type_name(value):
    """The type of ``value`` for a "type" message; for ``None``, a hint about a missing ``return``."""
    if value is None:
        return type(value).__name__ + message("no_return")
    return type(value).__name__


def _array_text(array, key, field):
    """``array`` as text for the ``field`` of message ``key``: rows after the first under the first one."""
    line = next(l for l in MESSAGES[language.current()][key].split("\n") if "{" + field + "}" in l)
    return np.array2string(array, precision=8, prefix=" " * line.index("{" + field + "}"))


def _as_array(name, value):
    """``value`` as a float ndarray; an AssertionError if it is not numeric data."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number, np.ndarray)):
        raise AssertionError(message("type", name=name, kind=message("array"), got=_type_name(value)))
    array = np.array(value, dtype=float)
    return array


def check_close(name, actual, expected, rtol=1e-5, atol=1e-7):
    """Assert that ``actual`` has the shape and, within tolerance, the values of ``expected``.

    Parameters
    ----------
    name : str, how the output is called in the message
    actual : number or ndarray, the student's result
    expected : number or array-like
    rtol, atol : float, as in ``np.allclose``

    Scalars and 0-d arrays compare as equal shapes, so ``float`` and
    ``np.float64(...)`` and ``np.array(...)`` are all accepted for a cost.
    """
    got = _as_array(name, actual)
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape and not (got.size == 1 and want.size == 1):
        raise AssertionError(message("shape", name=name, got=got.shape, expected=want.shape))
    got = got.reshape(want.shape)
    close = np.isclose(got, want, rtol=rtol, atol=atol)
    if not close.all():
        raise AssertionError(message("values", name=name, bad=int((~close).sum()), total=close.size,
                                     got=_array_text(got, "values", "got"),
                                     expected=_array_text(want, "values", "expected")))


def check_keys(name, mapping, keys):
    """Assert that ``mapping`` is a dict holding every key of ``keys``."""
    if not isinstance(mapping, dict):
        raise AssertionError(message("type", name=name, kind=message("dict"), got=_type_name(mapping)))
    missing = [k for k in keys if k not in mapping]
    if missing:
        raise AssertionError(message("keys", name=name, missing=missing))


def check_length(name, sequence, length):
    """Assert that ``sequence`` is a tuple or list of ``length`` elements."""
    if not isinstance(sequence, (tuple, list)):
        raise AssertionError(message("type", name=name, kind=message("tuple"), got=_type_name(sequence)))
    if len(sequence) != length:
        raise AssertionError(message("length", name=name, expected=length, got=len(sequence)))


def random_parameters(layer_dims, seed):
    """Gaussian parameters for a network of sizes ``layer_dims``, from ``seed``.

    Parameters
    ----------
    layer_dims : list of int, ``[n_x, n_1, ..., n_L]``
    seed : int

    Returns
    -------
    parameters : dict with W{l} of shape (n_l, n_{l-1}) and b{l} of shape (n_l, 1),
        drawn in the order W1, b1, W2, b2, ... from ``np.random.seed(seed)``.
    """
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.random.randn(layer_dims[l], 1)
    return parameters
