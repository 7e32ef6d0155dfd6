"""What is wrong when no declared mistake matches: which outputs, and how they relate to the right ones.

Runs in the oracle process (:mod:`tools.grading.oracle`), on the student's decoded results and the reference's
values. :func:`findings` returns data, rendered by :mod:`tools.grading.messages`:

* ``"wrong"`` and ``"right"``: the outputs (as paths: an element of a returned tuple, a key of a returned dict)
  that differ from the reference's on some case, and those equal to it on every case;
* ``"relations"``: for a wrong output, a simple relation to the right value that holds **on every example
  case** (inputs the student has), within the case's tolerances. Each rule is one function of this module:

  - :func:`factor`: the right value times 2, 1/2, -1, m or 1/m (``m``: the number of examples, the second
    dimension of ``X``, ``Y``, ``AL``, ``A3`` or ``dZ``), keep_prob or 1/keep_prob;
  - :func:`transposed`: the right value transposed;
  - :func:`reshaped`: the right values in another shape;
  - :func:`an_input`: equal to one of the function's array inputs;
  - :func:`not_finite`: NaN or infinite where the right value is finite.

A rule never states something that could hold by accident: it needs at least two informative entries (non-zero
right values, over the example cases), a factor must differ from 1, a transposition needs a right value that is
not symmetric, and a rule that more than one candidate satisfies (``m`` = 2 and the constant 2) stays silent.
Nothing is said of hidden cases beyond which outputs are wrong (their names are the reference's structure).
"""
import numpy as np

from . import plain

MISSING = object()
SAMPLE_NAMES = ("X", "Y", "AL", "A3", "dZ")  # arrays of shape (n, m): the course's notation (course-facts.md)
MAX_UNITS = 64


def units(expected, outputs):
    """The outputs to speak of, as paths: one per element of a returned tuple (when the notebook names several),
    one per key of a returned dict, or the whole value."""
    if len(outputs) > 1 and isinstance(expected, (tuple, list)) and len(expected) == len(outputs):
        return [[i] for i in range(len(expected))]
    if isinstance(expected, dict) and len(expected) <= MAX_UNITS:
        return [[key] for key in expected]
    return [[]]


def part(value, path):
    """The part of ``value`` at ``path`` (MISSING when the student's value has no such part)."""
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError, ValueError):
            return MISSING
    return value


def array(value):
    """``value`` as a float array, or None when it is not numeric."""
    if value is MISSING or value is None or isinstance(value, (str, dict, tuple, list, plain.Other)):
        return None
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None


def informative(want):
    return int(np.count_nonzero(np.abs(want) > 1e-8))


def factors(case, arguments):
    """name -> the factor's value on ``case``: the constants, and m and keep_prob when the function has them."""
    found = {"2": 2.0, "1/2": 0.5, "-1": -1.0}
    for name in SAMPLE_NAMES:
        value = arguments.get(name)
        if isinstance(value, np.ndarray) and value.ndim == 2 and value.shape[1] > 1:
            found["m"], found["1/m"] = float(value.shape[1]), 1.0 / value.shape[1]
            break
    keep = arguments.get("keep_prob")
    if isinstance(keep, (int, float)) and not isinstance(keep, bool) and 0 < keep < 1:
        found["keep_prob"], found["1/keep_prob"] = float(keep), 1.0 / keep
    return found


def factor(pairs, cases, arguments):
    """``{"rule": "factor", "factor": name, "values": [...]}`` when the student's value is the right one times the
    same named factor on every example case (and that factor only)."""
    if sum(informative(want) for want, _ in pairs) < 2:
        return None
    names = None
    for (want, got), case, args in zip(pairs, cases, arguments):
        if got.shape != want.shape:
            return None
        holding = {name for name, value in factors(case, args).items()
                   if abs(value - 1) > 1e-3 and np.allclose(got, value * want, rtol=case.rtol, atol=case.atol)}
        names = holding if names is None else names & holding
    if not names or len(names) != 1:
        return None
    name = names.pop()
    return {"rule": "factor", "factor": name, "values": [factors(c, a)[name] for c, a in zip(cases, arguments)]}


def transposed(pairs, cases, arguments):
    """``{"rule": "transposed"}``: the student's value is the right one transposed on every example case."""
    for (want, got), case in zip(pairs, cases):
        if want.ndim != 2 or got.shape != want.T.shape or informative(want) < 2:
            return None
        if want.shape[0] == want.shape[1] and np.allclose(want, want.T, rtol=case.rtol, atol=case.atol):
            return None  # a symmetric value is its own transpose
        if not np.allclose(got, want.T, rtol=case.rtol, atol=case.atol):
            return None
    return {"rule": "transposed"}


def reshaped(pairs, cases, arguments):
    """``{"rule": "reshaped"}``: the right values, in order, in another shape, on every example case."""
    for (want, got), case in zip(pairs, cases):
        if got.shape == want.shape or got.size != want.size or want.size < 2 or informative(want) < 2:
            return None
        if not np.allclose(got.ravel(), want.ravel(), rtol=case.rtol, atol=case.atol):
            return None
    return {"rule": "reshaped"}


def an_input(pairs, cases, arguments):
    """``{"rule": "input", "input": name}``: the student's value is one of the function's array inputs (the same on
    every example case, and not the right value)."""
    names = None
    for (want, got), case, args in zip(pairs, cases, arguments):
        holding = {name for name, value in args.items()
                   if isinstance(value, np.ndarray) and value.shape == got.shape and value.size >= 2
                   and informative(value) >= 2 and np.allclose(got, value, rtol=case.rtol, atol=case.atol)
                   and not (value.shape == want.shape and np.allclose(want, value, rtol=case.rtol, atol=case.atol))}
        names = holding if names is None else names & holding
    if not names or len(names) != 1:
        return None
    return {"rule": "input", "input": names.pop()}


def not_finite(pairs, cases, arguments):
    """``{"rule": "not_finite"}``: NaN or infinite on every example case, where the right value is finite."""
    for want, got in pairs:
        if not np.all(np.isfinite(want)) or np.all(np.isfinite(got)):
            return None
    return {"rule": "not_finite"}


RULES = (not_finite, transposed, reshaped, an_input, factor)


def findings(outputs, cases, expected, results, signature):
    """What the student's ``results`` (decoded values, or :data:`MISSING` where the function raised or the answer
    was unreadable) say, as data (see the module docstring); None when there is nothing to add.

    ``outputs``: the notebook's names of the outputs (:attr:`tools.exercise.Exercise.outputs`); ``cases`` and
    ``expected``: the cases and the reference's values; ``signature``: the reference function's signature.
    """
    if any(case.below is not None for case in cases) or not cases:
        return None
    paths = []  # every case's outputs, in order (a deeper hidden network has more keys than the example's)
    for want in expected:
        paths += [path for path in units(want, outputs) if path not in paths]
    if len(paths) > MAX_UNITS:
        return None
    wrong, right, relations = [], [], []
    for path in paths:
        states = []
        for case, want, got in zip(cases, expected, results):
            if part(want, path) is MISSING:
                continue  # not an output on this case
            mine = part(got, path) if got is not MISSING else MISSING
            states.append(mine is not MISSING and plain.compare(part(want, path), mine, case.rtol, case.atol) is None)
        if all(states):
            right.append(path)
            continue
        wrong.append(path)
        relation = relate(path, cases, expected, results, signature)
        if relation:
            relations.append({"path": path, **relation})
    if not wrong or not any(result is not MISSING for result in results):
        return None
    return {"wrong": wrong, "right": right, "relations": relations}


def relate(path, cases, expected, results, signature):
    """The first rule that holds for the output at ``path`` on every example case, or None."""
    pairs, used, arguments = [], [], []
    for case, want, got in zip(cases, expected, results):
        if case.label != "example":
            continue
        if got is MISSING:
            return None
        if part(want, path) is MISSING:
            continue  # not an output on this example case
        want_array, got_array = array(part(want, path)), array(part(got, path))
        if want_array is None or got_array is None:
            return None
        try:
            bound = signature.bind(*case.args, **case.kwargs).arguments
        except TypeError:
            bound = {}
        pairs.append((want_array, got_array))
        used.append(case)
        arguments.append(dict(bound))
    if not pairs or all(w.shape == g.shape and np.allclose(g, w, rtol=c.rtol, atol=c.atol)
                        for (w, g), c in zip(pairs, used)):
        return None  # right on every example case: nothing the student can see there
    for rule in RULES:
        with np.errstate(all="ignore"):
            found = rule(pairs, used, arguments)
        if found:
            return found
    return None
