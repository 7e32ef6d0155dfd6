"""Mistake diagnosis: which declared mistake, if exactly one, gives the student's outputs on every case.

A mistake (:class:`tools.exercise.Mistake`, declared with its function in ``exercises/<assignment>.py``) is the
reference solution cell with one bug; the build compiles its code into ``reference/<assignment>_mistakes.json``,
which is all the grader reads of it (never ``masters/``). The oracle process runs each mistake on the referee's
cases, with the reference serving every other graded function, exactly as the jailed check serves the student's
function through the oracle. A student's function *is diagnosed* as a mistake when

* that mistake, and no other of the function's mistakes, reproduces the student's result on every case:
  the same values (within the case's tolerances, :func:`tools.grading.plain.compare` both ways, so the
  same dict keys too) or an exception on both sides, with values on at least one case; and
* the student's function failed a check (a correct variant is never diagnosed: it passes).

Nothing here enters the jail or a notebook: the mistakes' code and their outputs on hidden inputs stay in the
grader. The visible example's outputs are published separately, by :func:`example_hints`.
"""
import contextlib
import copy
import functools
import importlib
import io
import warnings

import numpy as np

from ..course import ASSIGNMENTS
from ..exercise import exercises, load_cases, mistake_codes
from . import plain
from .oracle import error_name, expected_outputs, judge, reference_namespace

UNREADABLE = object()  # an answer the jail sent that is not plain data: it matches nothing


class Raised(str):
    """A case on which the code raised: the built-in exception's name, or ``""`` for any other."""


def run_code(assignment_name, function, code, case):
    """What ``function`` as defined by ``code`` returns on ``case`` (plain data) or :class:`Raised`.

    The other graded functions and the case's substitutes are the reference's, as the oracle serves them.
    """
    reference = importlib.import_module(f"reference.{assignment_name}")
    scope = reference_namespace(reference, case.calls)
    state = np.random.get_state()  # the code seeds and draws: the grader's own generator stays as it was
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            exec(compile(code, f"<{function}>", "exec"), scope)  # noqa: S102 - the grader's own catalogue
            value = scope[function](*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        return plain.decode(plain.encode(value))  # what the jail's answer would decode to
    except Exception as error:  # noqa: BLE001 - a mistake that raises is an observation, like a student's
        return raised(type(error).__name__)
    finally:
        np.random.set_state(state)


def raised(name):
    """The :class:`Raised` of the exception ``name``, named as the referee names a student's."""
    return Raised(error_name(name) or "")


def mistake_code(assignment_name, function, label):
    """The code of the mistake ``label``'s solution cell, as the build compiled it."""
    return mistake_codes(assignment_name)[function][label]


@functools.lru_cache(maxsize=None)
def mistake_outputs(assignment_name, function):
    """label -> the mistake's result on every referee case of ``function``, computed once per process."""
    cases = load_cases(assignment_name)[function]
    return {label: [run_code(assignment_name, function, mistake_code(assignment_name, function, label), case)
                    for case in cases]
            for label in mistake_codes(assignment_name).get(function, {})}


def student_results(answers):
    """The jail's answers (one per case) as results comparable with :func:`run_code`'s (or ``UNREADABLE``)."""
    results = []
    for answer in answers if isinstance(answers, list) else []:
        if isinstance(answer, dict) and "error" in answer:
            results.append(raised(answer["error"]))
            continue
        try:
            results.append(plain.decode(answer["value"]))
        except (plain.PlainDataError, KeyError, TypeError):
            results.append(UNREADABLE)
    return results


def reproduces(outputs, results, cases):
    """Whether a mistake's ``outputs`` are the student's ``results`` on every case (with values on one at least)."""
    if len(outputs) != len(cases) or len(results) != len(cases):
        return False
    for output, result, case in zip(outputs, results, cases):
        if isinstance(output, Raised) or isinstance(result, Raised):
            # Both raised (of any type: a call the oracle refuses in the jail raises RuntimeError where the
            # reference, called here directly, raises ValueError).
            if not (isinstance(output, Raised) and isinstance(result, Raised)):
                return False
        elif result is UNREADABLE or plain.compare(output, result, case.rtol, case.atol) is not None \
                or plain.compare(result, output, case.rtol, case.atol) is not None:  # both ways: the same dict keys
            return False
    return any(not isinstance(output, Raised) for output in outputs)


def diagnose(assignment_name, function, results):
    """The label of the one catalogued mistake that reproduces ``results``, or None (none, or several).

    Mistakes that pass every check (the visible test alone catches them) never name a result.
    """
    cases = load_cases(assignment_name)[function]
    found = [label for label, outputs in mistake_outputs(assignment_name, function).items()
             if failing(assignment_name, function, label) and reproduces(outputs, results, cases)]
    return found[0] if len(found) == 1 else None


@functools.lru_cache(maxsize=None)
def failing(assignment_name, function, label):
    """Whether the mistake ``label`` fails one of the referee's checks at least."""
    return fails(assignment_name, function, mistake_outputs(assignment_name, function)[label])


def explanation(assignment_name, function, label, language):
    """The declared sentence for a student about mistake ``label``, in ``language``."""
    return exercises(assignment_name)[function].mistake(label).explanation(language)


def fails(assignment_name, function, outputs):
    """Whether results ``outputs`` fail at least one of the referee's checks of ``function``."""
    cases = load_cases(assignment_name)[function]
    expected = expected_outputs(assignment_name, function)
    return any(judge(case, want, {"error": str(output)} if isinstance(output, Raised) else
                     {"value": plain.encode(output), "arguments_after": plain.encode([list(case.args), case.kwargs])})
               for case, want, output in zip(cases, expected, outputs))


def coverage(assignment_name):
    """function -> label -> why the cases cannot tell the mistake apart, or None when it is diagnosable.

    A mistake is diagnosable when it fails a check, returns values on some case and no other mistake of the
    same function reproduces its outputs.
    """
    report = {}
    for function, cases in load_cases(assignment_name).items():
        outputs = mistake_outputs(assignment_name, function)
        report[function] = {}
        for label, own in outputs.items():
            twins = [other for other, theirs in outputs.items()
                     if other != label and failing(assignment_name, function, other) and reproduces(theirs, own, cases)]
            if not fails(assignment_name, function, own):
                why = "passes every check"
            elif all(isinstance(o, Raised) for o in own):
                why = "raises on every case"
            elif twins:
                why = "same outputs as " + ", ".join(repr(t) for t in twins)
            else:
                why = None
            report[function][label] = why
    return report


def print_coverage(names=None):
    """Print, per assignment, how many catalogued mistakes the cases tell apart, and why the others are not."""
    told, total = 0, 0
    for name in names or ASSIGNMENTS:
        report = coverage(name)
        why = [(f, label, reason) for f, labels in report.items() for label, reason in labels.items() if reason]
        count = sum(len(labels) for labels in report.values())
        told, total = told + count - len(why), total + count
        print(f"{name}: {count - len(why)} of {count} catalogued mistakes diagnosable")
        for function, label, reason in why:
            print(f"    {function}: {label!r}: {reason}")
    print(f"all: {told} of {total} ({100 * told / total:.0f} %)")
    return told, total


if __name__ == "__main__":
    print_coverage()
