"""The cases declared in exercises/: they load, differ, and the reference passes them.

These are the hidden tests (the masters' hidden blocks only point here), so a gap here is a gap in grading. That every
graded function of a master has example and hidden cases is the build's check (tests/test_exercises.py).
"""
import subprocess
import sys

import pytest

from tools.course import ASSIGNMENTS, ROOT
from tools.grading import plain
from tools.exercise import load_cases
from tools.grading.oracle import expected_output, judge

NAMES = list(ASSIGNMENTS)


@pytest.mark.parametrize("name", NAMES)
def test_cases_load_with_only_the_course_root_on_the_path(name):
    """As in a fresh nbgrader process: nothing but the course root on sys.path (a case module once hid an error)."""
    code = (f"import sys; sys.path[:] = [{str(ROOT)!r}] + [p for p in sys.path if 'site-packages' in p or "
            f"'lib/python' in p]; from tools.exercise import load_cases; "
            f"print(sum(len(c) for c in load_cases({name!r}).values()))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0


@pytest.mark.parametrize("name", NAMES)
def test_no_two_cases_of_a_function_are_the_same(name):
    """Each case tests something the others do not (closures once made two 'different' cases identical)."""
    for function, function_cases in load_cases(name).items():
        seen = [repr(plain.encode([list(c.args), c.kwargs, sorted(c.calls)])) for c in function_cases]
        assert len(set(seen)) == len(seen), function


def test_linear_activation_cases_cover_both_activations():
    cases = load_cases("deep_nn")
    for function in ("linear_activation_forward", "linear_activation_backward"):
        for label in ("example", "hidden"):
            activations = {c.args[-1] for c in cases[function] if c.label == label}
            assert activations == {"sigmoid", "relu"}, (function, label, activations)


@pytest.mark.parametrize("name", NAMES)
def test_the_reference_passes_its_own_cases(name):
    """The reference's own outputs, sent back as a student's answer, pass every case (tolerances, thresholds)."""
    import importlib
    reference = importlib.import_module(f"reference.{name}")
    for function, function_cases in load_cases(name).items():
        for case in function_cases:
            value = expected_output(reference, function, case)
            answer = {"value": plain.encode(value), "arguments_after": plain.encode([list(case.args), case.kwargs])}
            assert judge(case, value, answer) is None, (function, case.label)
