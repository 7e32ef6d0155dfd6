"""tools/grading/diagnosis.py in the grader's process: exact matches only, explanations in both languages.

The end-to-end proofs (every diagnosable mistake named as itself by real nbgrader, in EN and PT, and the
visible tests' hints in the student's kernel) are in tests/grading_suite.py.
"""
import numpy as np
import pytest

from tools.course import ASSIGNMENTS
from tools.exercise import load_cases, variants
from tools.grading.diagnosis import coverage, diagnose, mistake_outputs, reproduces, run_code
from tools.grading.oracle import expected_outputs
from tools.submissions import apply_edits, solution_cells

NAMES = list(ASSIGNMENTS)


def nudged(value):
    """``value`` with every float moved by 1 % and 1e-3: a wrong answer no catalogued mistake gives."""
    if isinstance(value, dict):
        return {k: nudged(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(nudged(v) for v in value)
    if isinstance(value, (float, np.floating)) or (isinstance(value, np.ndarray) and value.dtype.kind == "f"):
        return value * 1.01 + 1e-3
    return value


@pytest.mark.parametrize("name", NAMES)
def test_diagnosable_mistakes_are_named_as_themselves(name):
    """On the hidden inputs too: the diagnosis uses every case of the referee."""
    for function, labels in coverage(name).items():
        for label, why in labels.items():
            if why is None:
                assert diagnose(name, function, mistake_outputs(name, function)[label]) == label, (function, label)


@pytest.mark.parametrize("name", NAMES)
def test_correct_variants_get_no_diagnosis(name):
    for function, labels in variants(name).items():
        for label, edits in labels.items():
            code = apply_edits(solution_cells(name)[function], edits)
            results = [run_code(name, function, code, case) for case in load_cases(name)[function]]
            assert diagnose(name, function, results) is None, (function, label)


@pytest.mark.parametrize("name", NAMES)
def test_a_mistake_outside_the_catalogue_gets_no_diagnosis(name):
    for function in load_cases(name):
        assert diagnose(name, function, [nudged(v) for v in expected_outputs(name, function)]) is None, function


@pytest.mark.parametrize("name", NAMES)
def test_a_partial_match_is_not_a_diagnosis(name):
    """A mistake's outputs with one case answered right instead name something else or nothing."""
    for function, cases in load_cases(name).items():
        expected = expected_outputs(name, function)
        for label, outputs in mistake_outputs(name, function).items():
            for i, case in enumerate(cases):
                if reproduces([outputs[i]], [expected[i]], [case]):
                    continue  # the mistake does not show on this case
                mixed = outputs[:i] + [expected[i]] + outputs[i + 1:]
                assert diagnose(name, function, mixed) != label, (function, label, i)


def test_most_of_the_catalogue_is_diagnosable():
    """The cases tell most catalogued mistakes apart (the rest: `python -m tools.grading.diagnosis` says why)."""
    reports = [coverage(name) for name in NAMES]
    told = sum(why is None for r in reports for labels in r.values() for why in labels.values())
    total = sum(len(labels) for r in reports for labels in r.values())
    assert told >= 0.85 * total, (told, total)
