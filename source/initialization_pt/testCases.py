"""Readable checks for the assignments' tests, shared by every assignment.

``check_*`` compare a student's result with an expected value and raise an
``AssertionError`` whose message says which output, which shape or which
values differ, in the notebook's language (``set_language``). The inputs of
each assignment's tests are made by its own module (``reg_testcases`` ...).

When a check fails, ``hinted`` looks the failure up in ``mistake_hints.json`` (beside this file, written by
``python -m tools build`` from the course's catalogue of common mistakes): if the result is exactly what one
common mistake gives on this example, the message names that mistake. The file holds, per failed check of
a visible test, the results of the mistakes on the notebook's own example only.
"""
import functools
import hashlib
import json
from pathlib import Path

import numpy as np

import language

MESSAGES = {
    "en": {
        "passed": "All tests passed.",
        "type": "`{name}` should be {kind}, but it is {got}.",
        "shape": "`{name}` has shape {got}; expected shape {expected}.",
        "values": "`{name}` has wrong values ({bad} of {total} differ).\n  yours:    {got}\n  expected: {expected}",
        "values/1": "`{name}` has wrong values ({bad} of {total} differs).\n  yours:    {got}\n  expected: {expected}",
        "keys": "`{name}` is missing the keys {missing}.",
        "keys/1": "`{name}` is missing the key {missing}.",
        "length": "`{name}` should have {expected} elements, but it has {got}.",
        "length/1": "`{name}` should have {expected} element, but it has {got}.",
        "number": "a number",
        "array": "a numpy array",
        "dict": "a dict",
        "tuple": "a tuple or list",
        "no_return": " (did you forget `return`?)",
        "hint": "Hint: your result is exactly what a common mistake gives. {hint}",
    },
    "pt": {
        "passed": "Todos os testes passaram.",
        "type": "`{name}` deveria ser {kind}, mas é {got}.",
        "shape": "`{name}` tem formato {got}; o formato esperado é {expected}.",
        "values": "`{name}` tem valores errados ({bad} de {total} diferem).\n  obtido:   {got}\n  esperado: {expected}",
        "values/1": "`{name}` tem valores errados ({bad} de {total} difere).\n  obtido:   {got}\n  esperado: {expected}",
        "keys": "Faltam em `{name}` as chaves {missing}.",
        "keys/1": "Falta em `{name}` a chave {missing}.",
        "length": "`{name}` deveria ter {expected} elementos, mas tem {got}.",
        "length/1": "`{name}` deveria ter {expected} elemento, mas tem {got}.",
        "number": "um número",
        "array": "um array do numpy",
        "dict": "um dicionário (dict)",
        "tuple": "uma tupla ou lista",
        "no_return": " (você esqueceu o `return`?)",
        "hint": "Dica: o seu resultado é exatamente o que um erro comum produz. {hint}",
    },
}


def set_language(lang):
    """Choose the language of the check messages and of the helpers' output: ``"en"`` or ``"pt"``."""
    language.set_language(lang)


def message(key, count=None, **fields):
    """The message ``key`` in the current language, formatted with ``fields``; with ``count`` 1, its singular
    form (``key/1``), so that the verb or noun agrees with the number."""
    texts = MESSAGES[language.current()]
    return texts[f"{key}/1" if count == 1 and f"{key}/1" in texts else key].format(**fields)


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


HINTS = Path(__file__).with_name("mistake_hints.json")


def image(value):
    """A JSON-ready image of a value seen by a check: numbers and arrays as (shape, values to 10 digits)."""
    if isinstance(value, dict):
        return ["dict", [[str(k), image(v)] for k, v in sorted(value.items(), key=lambda item: str(item[0]))]]
    if isinstance(value, str) or value is None:
        return ["other", repr(value)]
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        if isinstance(value, (list, tuple)):
            return ["list", [image(v) for v in value]]
        return ["other", type(value).__name__]
    return ["array", list(array.shape), [float(f"{x:.10g}") for x in array.ravel()]]


def same(a, b, rtol=1e-5, atol=1e-7):
    """Whether two images show the same value (arrays: same shape, or both one number, and close values)."""
    if a[0] != b[0]:
        return False
    if a[0] == "array":
        x, y = np.array(a[2], dtype=float), np.array(b[2], dtype=float)
        return (a[1] == b[1] or x.size == y.size == 1) and bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))
    if a[0] in ("list", "dict"):
        return len(a[1]) == len(b[1]) and all(
            same(u, v, rtol, atol) if a[0] == "list" else (u[0] == v[0] and same(u[1], v[1], rtol, atol))
            for u, v in zip(a[1], b[1]))
    return a[1] == b[1]


def hint_key(check, name, args, kwargs):
    """Which check of which visible test: its function, the output's name and what it was compared with."""
    text = json.dumps([check, name, image(list(args)), image(kwargs)], sort_keys=True)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def _hints():
    return json.loads(HINTS.read_text(encoding="utf-8")) if HINTS.exists() else {}


def mistake_hint(check, name, actual, args, kwargs):
    """The text of the one common mistake whose result on this check is ``actual``, or None."""
    found = [entry["hint"] for entry in _hints().get(hint_key(check, name, args, kwargs), [])
             if same(image(actual), entry["actual"])]
    return found[0] if len(found) == 1 else None


def hinted(check):
    """A check whose failure message names the common mistake that gives exactly this result, if one does."""
    @functools.wraps(check)
    def checked(name, actual, *args, **kwargs):
        try:
            return check(name, actual, *args, **kwargs)
        except AssertionError as error:
            try:
                hint = mistake_hint(check.__name__, name, actual, args, kwargs)
            except Exception:  # noqa: BLE001 - an odd object or file: the check's own message stands alone
                hint = None
            if hint is None:
                raise
            raise AssertionError(f"{error}\n{message('hint', hint=hint)}") from None
    return checked


@hinted
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
        bad = int((~close).sum())
        raise AssertionError(message("values", bad, name=name, bad=bad, total=close.size,
                                     got=_array_text(got, "values", "got"),
                                     expected=_array_text(want, "values", "expected")))


@hinted
def check_keys(name, mapping, keys):
    """Assert that ``mapping`` is a dict holding every key of ``keys``."""
    if not isinstance(mapping, dict):
        raise AssertionError(message("type", name=name, kind=message("dict"), got=_type_name(mapping)))
    missing = [k for k in keys if k not in mapping]
    if missing:
        shown = ", ".join(f"`{key}`" for key in missing)
        raise AssertionError(message("keys", len(missing), name=name, missing=shown))


@hinted
def check_length(name, sequence, length):
    """Assert that ``sequence`` is a tuple or list of ``length`` elements."""
    if not isinstance(sequence, (tuple, list)):
        raise AssertionError(message("type", name=name, kind=message("tuple"), got=_type_name(sequence)))
    if len(sequence) != length:
        raise AssertionError(message("length", length, name=name, expected=length, got=len(sequence)))


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
