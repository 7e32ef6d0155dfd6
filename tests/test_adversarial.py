"""Adversarial submissions, each autograded through the instructors' path (`tools.grade.grade_class`).

Every case is a real notebook in ``submitted/`` of a fresh course; the whole
class is graded in one run, as an instructor would, and each test asserts the
exact outcome for one student: cheats get no points for the function they
target, faults cost only the function they break, bad files get a clear status
while the rest of the class is graded, and feedback does not leak hidden tests.
"""
import copy
import json
import shutil

import nbformat
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.grading.classroom import grade_class
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

pytestmark = pytest.mark.slow  # real nbgrader runs: left out by `make test-fast`, run by `make test`

A = ASSIGNMENTS["regularization"]
EN, PT = A.folder("en"), A.folder("pt")
F = "compute_cost_with_regularization"            # the function most cheats target
G = "backward_propagation_with_dropout"           # a function that stays correct
WRONG = [("cost = cross_entropy_cost + L2_regularization_cost", "cost = 0.5 * cross_entropy_cost")]


def solution_with(prefix="", body=None, function=F):
    """Edits that put ``prefix`` at the top of ``function``'s cell and optionally replace its result line."""
    edits = [(f"def {function}(", prefix + f"\ndef {function}(")]
    if body is not None:
        edits.append(body)
    return {function: edits}


CHEATS = {
    # name: (edits of the solution cells, target function)
    "patch-isclose": solution_with("import numpy as np\nnp.isclose = lambda a, b, **k: np.ones(np.shape(b), bool)\n"
                                   "np.allclose = lambda *a, **k: True", WRONG[0]),
    "patch-testing": solution_with("import numpy as np\nnp.testing.assert_allclose = lambda *a, **k: None\n"
                                   "np.array_equal = lambda *a, **k: True\nnp.testing.assert_array_equal = lambda *a, **k: None",
                                   WRONG[0]),
    "patch-math-isclose": solution_with("import math\nmath.isclose = lambda *a, **k: True", WRONG[0]),
    "patch-builtins": solution_with("import builtins\nbuiltins.isinstance = lambda *a: True\n"
                                    "builtins.len = lambda x: 14\nbuiltins.type = lambda *a: float", WRONG[0]),
    "patch-check-helpers": solution_with("import testCases\ntestCases.check_close = lambda *a, **k: None\n"
                                         "check_close = testCases.check_close", WRONG[0]),
    "patch-traceback": solution_with("get_ipython().showtraceback = lambda *a, **k: None\n"
                                     "get_ipython()._showtraceback = lambda *a, **k: None", WRONG[0]),
    "patch-inside-call": {F: [("    m = Y.shape[1]", "    import testCases, numpy\n    numpy.isclose = lambda a, b, **k: "
                               "numpy.ones(numpy.shape(b), bool)\n    testCases.check_close = lambda *a, **k: None\n"
                               "    globals()['check_close'] = testCases.check_close\n    m = Y.shape[1]"), WRONG[0]]},
    "fake-equality-object": {F: [WRONG[0], ("    return cost", "    class Fake(float):\n"
                                 "        __eq__ = lambda self, other: True\n        __bool__ = lambda self: True\n"
                                 "        __array__ = lambda self, *a, **k: numpy.asarray(1.7864859451590758)\n"
                                 "    import numpy\n    return Fake(cost)")]},
    "fake-ndarray-subclass": {F: [WRONG[0], ("    return cost", "    import numpy\n    class Fake(numpy.ndarray):\n"
                                  "        def __array_ufunc__(self, *a, **k):\n            return numpy.True_\n"
                                  "        def __eq__(self, other):\n            return True\n"
                                  "    return numpy.asarray(cost).view(Fake)")]},
    "hardcode-visible-output": {F: [("    return cost", "    return 1.7864859451590758")]},
    "hardcode-when-shape-matches": {F: [("    return cost", "    if A3.shape == (1, 5):\n        return 1.7864859451590758\n"
                                         "    return cost"), WRONG[0]]},
    "branch-on-grading-env": solution_with("import os, numpy\nif 'NBGRADER_EXECUTION' in os.environ:\n"
                                           "    numpy.isclose = lambda a, b, **k: numpy.ones(numpy.shape(b), bool)", WRONG[0]),
    "import-reference-solution": {F: [("    cross_entropy_cost = compute_cost(A3, Y)", "    import sys, os\n"
                                       "    for up in ('..', '../..', '../../..', '../../../..'):\n"
                                       "        sys.path.insert(0, os.path.abspath(up))\n"
                                       "    from reference.regularization import compute_cost_with_regularization as ref\n"
                                       "    return ref(A3, Y, parameters, lambd)\n    cross_entropy_cost = compute_cost(A3, Y)")]},
    "read-gradebook-hidden-tests": {F: [("    cross_entropy_cost = compute_cost(A3, Y)", "    import sqlite3, glob, os\n"
                                         "    db = [p for up in ('..', '../..', '../../..') for p in glob.glob(os.path.join(up, 'gradebook.db'))][0]\n"
                                         "    rows = sqlite3.connect(db).execute(\"select source from source_cell\").fetchall()\n"
                                         "    code = [r[0] for r in rows if 'def _reference(A3, Y, parameters, lambd)' in r[0]][0]\n"
                                         "    code = code[code.index('def _hidden_tests'):].split('_hidden_tests()')[0]\n"
                                         "    space = {}\n    exec(code.replace('def _hidden_tests():', 'if True:'), space)\n"
                                         "    return space['_reference'](A3, Y, parameters, lambd)\n"
                                         "    cross_entropy_cost = compute_cost(A3, Y)")]},
    "call-shipped-module": {F: [("    cross_entropy_cost = compute_cost(A3, Y)", "    import reg_utils, reg_testcases, testCases\n"
                                 "    for module in (reg_utils, reg_testcases, testCases):\n"
                                 "        if hasattr(module, 'compute_cost_with_regularization'):\n"
                                 "            return module.compute_cost_with_regularization(A3, Y, parameters, lambd)\n"
                                 "    return 0.0\n    cross_entropy_cost = compute_cost(A3, Y)")]},
}

FAULTS = {
    # name: edits that break function G only when it is called
    "sys-exit": {G: [("    m = X.shape[1]", "    import sys\n    sys.exit(1)\n    m = X.shape[1]")]},
    "os-exit": {G: [("    m = X.shape[1]", "    import os\n    os._exit(1)\n    m = X.shape[1]")]},
    "segfault": {G: [("    m = X.shape[1]", "    import ctypes\n    ctypes.string_at(0)\n    m = X.shape[1]")]},
    "memory-bomb": {G: [("    m = X.shape[1]", "    hog = [bytearray(1024 ** 3) for _ in range(64)]\n    m = X.shape[1]")]},
    "output-flood": {G: [("    m = X.shape[1]", "    import sys\n    for _ in range(300):\n"
                          "        sys.stdout.write('x' * 1_000_000 + '\\n')\n    raise ValueError('flooded')\n"
                          "    m = X.shape[1]")]},
    "exception-at-import": {G: [(f"def {G}(", f"import a_module_that_does_not_exist\n\ndef {G}(")]},
    "warning-noise-in-correct-code": {G: [("    m = X.shape[1]", "    import warnings, sys\n    warnings.warn('just a note')\n"
                                           "    print('debug', file=sys.stderr)\n    m = X.shape[1]")]},
}


def edit_test_cell(nb, target, source=None, **metadata):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == target:
            if source is not None:
                cell.source = source
            cell.metadata["nbgrader"].update(metadata)
    return nb


def build_class(course):
    release_nb = notebooks.read(course / "release" / EN / A.notebook)
    source_nb = notebooks.read(course / "source" / EN / A.notebook)
    correct = fill(release_nb, source_nb)
    wrong = fill(release_nb, source_nb, {F: WRONG})
    students = {"honest": correct}
    for name, edits in {**CHEATS, **FAULTS}.items():
        students[name] = fill(release_nb, source_nb, edits)
    # Test cells tampered with, on top of a wrong F: nbgrader restores them from the gradebook.
    students["edit-test-cells"] = edit_test_cell(edit_test_cell(copy.deepcopy(wrong), F + "_example", "passed()"),
                                                 F + "_hidden", "pass")
    students["comment-out-test-cells"] = copy.deepcopy(wrong)
    for cell in students["comment-out-test-cells"].cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id", "").startswith(F + "_"):
            cell.source = "\n".join("# " + line for line in cell.source.split("\n"))
    students["delete-test-cells"] = copy.deepcopy(wrong)
    students["delete-test-cells"].cells = [c for c in wrong.cells
                                           if not c.metadata.get("nbgrader", {}).get("grade_id", "").startswith(F + "_")]
    students["retype-test-cell-as-new"] = copy.deepcopy(wrong)
    retyped = copy.deepcopy(next(c for c in wrong.cells if c.metadata.get("nbgrader", {}).get("grade_id") == F + "_hidden"))
    retyped.source, retyped.id = "passed()", "retyped"
    students["retype-test-cell-as-new"].cells.append(retyped)
    students["duplicate-test-cells"] = copy.deepcopy(correct)
    duplicate = copy.deepcopy(next(c for c in correct.cells if c.metadata.get("nbgrader", {}).get("grade_id") == F + "_example"))
    duplicate.id = "duplicate"
    students["duplicate-test-cells"].cells.append(duplicate)
    students["change-points-and-ids"] = edit_test_cell(copy.deepcopy(wrong), F + "_example", points=100)
    edit_test_cell(students["change-points-and-ids"], F + "_hidden", grade_id="renamed_hidden")
    for name, nb in students.items():
        notebooks.write(nb, course / "submitted" / name / EN / A.notebook)
    # Bad files
    bad = course / "submitted"
    for name in ("malformed-json", "zero-bytes", "nbformat-3", "missing-cell-ids", "duplicate-cell-ids",
                 "renamed-notebook", "extra-notebook", "empty-folder"):
        (bad / name / EN).mkdir(parents=True)
    (bad / "malformed-json" / EN / A.notebook).write_text('{"cells": [{"cell_type": "code",', encoding="utf-8")
    (bad / "zero-bytes" / EN / A.notebook).write_bytes(b"")
    nbformat.write(nbformat.convert(copy.deepcopy(correct), 3), str(bad / "nbformat-3" / EN / A.notebook))
    raw = json.loads(notebooks.dumps(correct))
    for cell in raw["cells"]:
        cell.pop("id")
    raw["nbformat_minor"] = 4
    (bad / "missing-cell-ids" / EN / A.notebook).write_text(json.dumps(raw), encoding="utf-8")
    raw = json.loads(notebooks.dumps(correct))
    for cell in raw["cells"]:
        cell["id"] = "same"
    (bad / "duplicate-cell-ids" / EN / A.notebook).write_text(json.dumps(raw), encoding="utf-8")
    notebooks.write(correct, bad / "renamed-notebook" / EN / "Regularization (1).ipynb")
    notebooks.write(correct, bad / "extra-notebook" / EN / A.notebook)
    notebooks.write(release_nb, bad / "extra-notebook" / EN / "Untitled.ipynb")
    # A Portuguese cheat, to show the referee's message in the notebook's language.
    pt_release, pt_source = (notebooks.read(course / folder / PT / A.notebook) for folder in ("release", "source"))
    notebooks.write(fill(pt_release, pt_source, CHEATS["patch-isclose"]), bad / "pt-cheat" / PT / A.notebook)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("adversarial"), with_release=False)
    release(course, [EN, PT])
    build_class(course)
    results = {(r.student, r.assignment): r for r in grade_class(course, [EN, PT], jobs=2, progress=False)}
    return course, results


def cells(graded, student, assignment=EN):
    return graded[1][student, assignment].cells


def own(scores, function):
    return {k: v for k, v in scores.items() if k.startswith(function + "_")}


def others(scores, function):
    return {k: v for k, v in scores.items() if not k.startswith(function + "_")}


def full(scores):
    return bool(scores) and all(s == m for s, m in scores.values())


def zero(scores):
    return bool(scores) and all(s == 0 for s, _ in scores.values())


def test_honest_submission_full_marks(graded):
    assert full(cells(graded, "honest"))


@pytest.mark.parametrize("name", sorted(CHEATS))
def test_cheat_gets_no_points_for_its_function(graded, name):
    scores = cells(graded, name)
    assert zero(own(scores, F)), own(scores, F)
    assert full(others(scores, F)), others(scores, F)


@pytest.mark.parametrize("name", ["edit-test-cells", "comment-out-test-cells", "delete-test-cells",
                                  "retype-test-cell-as-new", "change-points-and-ids"])
def test_tampered_test_cells_are_restored(graded, name):
    scores = cells(graded, name)
    assert zero(own(scores, F)) and full(others(scores, F)), scores
    assert sum(m for _, m in scores.values()) == sum(m for _, m in cells(graded, "honest").values())


def test_duplicated_test_cell_earns_nothing_extra(graded):
    scores = cells(graded, "duplicate-test-cells")
    assert scores == cells(graded, "honest")


@pytest.mark.parametrize("name", sorted(set(FAULTS) - {"warning-noise-in-correct-code"}))
def test_fault_costs_only_the_broken_function(graded, name):
    scores = cells(graded, name)
    assert graded[1][name, EN].graded
    assert zero(own(scores, G)), own(scores, G)
    assert full(others(scores, G)), others(scores, G)


@pytest.mark.parametrize("name, incident", [("os-exit", "kernel died in backward_propagation_with_dropout_example"),
                                            ("segfault", "kernel died in backward_propagation_with_dropout_example"),
                                            ("patch-isclose", "referee overruled compute_cost_with_regularization_example")])
def test_status_names_what_happened_and_where(graded, name, incident):
    assert incident in graded[1][name, EN].status, graded[1][name, EN].status


def test_warnings_and_stderr_from_correct_code_cost_nothing(graded):
    assert full(cells(graded, "warning-noise-in-correct-code"))


@pytest.mark.parametrize("name, status", [("malformed-json", "not a valid notebook"), ("zero-bytes", "empty file"),
                                          ("empty-folder", "no regularization.ipynb")])
def test_bad_file_gets_a_clear_status(graded, name, status):
    assert status in graded[1][name, EN].status


@pytest.mark.parametrize("name", ["nbformat-3", "missing-cell-ids", "duplicate-cell-ids", "renamed-notebook",
                                  "extra-notebook"])
def test_readable_odd_file_is_graded_normally(graded, name):
    result = graded[1][name, EN]
    assert result.graded and full(result.cells), (result.status, result.cells)


def test_renamed_notebook_is_reported(graded):
    assert "graded as regularization.ipynb" in graded[1]["renamed-notebook", EN].status


def test_referee_message_is_in_the_notebook_language(graded):
    course, results = graded
    assert zero(own(results["pt-cheat", PT].cells, F))
    text = (course / "autograded" / "pt-cheat" / PT / A.notebook).read_text(encoding="utf-8")
    assert "A verificação do corretor" in text


def test_feedback_shows_no_hidden_test_code_or_expected_values(graded):
    course, _ = graded
    html = (course / "feedback" / "hardcode-visible-output" / EN / "regularization.html").read_text(encoding="utf-8")
    for leak in ("BEGIN HIDDEN TESTS", "_hidden_tests", "_reference", "random_parameters(layers"):
        assert leak not in html, leak
    assert "HiddenTestsFailed" in html or "hidden tests of this cell failed" in html.lower()


def test_killed_grading_run_rerun_gives_identical_grades(graded, tmp_path):
    """A grading run killed midway (SIGKILL) and run again records exactly what an uninterrupted run does."""
    import signal
    import subprocess
    import sys
    import time

    from nbgrader.api import Gradebook
    course = make_course(tmp_path / "killed", with_release=False)
    release(course, [EN])
    for name in ("honest", "patch-isclose", "os-exit", "hardcode-visible-output"):
        shutil.copytree(graded[0] / "submitted" / name, course / "submitted" / name)
    script = f"import sys; sys.path.insert(0, {str(course)!r}); from tools.grading.classroom import grade_class; " \
             f"grade_class({str(course)!r}, [{EN!r}], jobs=2, progress=False)"
    run = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and not any((course / "autograded").glob("*/*")):
        time.sleep(0.5)
    os_kill_group(run.pid, signal.SIGKILL)
    run.wait()
    grade_class(course, [EN], jobs=2, progress=False)

    def rows(db):
        with Gradebook(f"sqlite:///{db}") as gb:
            return sorted((s.student.id, g.name, g.auto_score, g.max_score)
                          for s in gb.assignment_submissions(EN) for nb in s.notebooks for g in nb.grades)
    expected = [row for row in rows(graded[0] / "gradebook.db") if row[0] in
                ("honest", "patch-isclose", "os-exit", "hardcode-visible-output")]
    assert rows(course / "gradebook.db") == expected


def os_kill_group(pid, sig):
    import os
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass
