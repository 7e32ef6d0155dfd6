"""Adversarial submissions, each autograded through the instructors' path (`grade_class`, what `make grade` runs).

Every case is a real notebook in ``submitted/`` of a fresh course; the whole
class is graded in one run, as an instructor would, and each test asserts the
exact outcome for one student: cheats get no points for the function they
target, faults cost only the function they break, bad files get a clear status
while the rest of the class is graded, and feedback does not leak hidden tests.

The attacks are written by an adversary who has read this repository: they know
the course's absolute path (it is put into their code), the sandbox's protocol and
frames, and nbgrader's scoring rule. The attack classes of the sealed-grading issue:
1 displayed values as points, 2 switching the referee off from its own process,
3 writing the course, 4 reading the answers, 5 carrying secrets out through the
feedback, 6 resources, 7 coverage gaps. Those that concern nbgrader itself are
also graded with plain ``nbgrader autograde`` (``test_plain_nbgrader_*``).
"""
import copy
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS, ROOT
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

COURSE = "@COURSE@"   # replaced by the course's absolute path when the class is written
REPO = str(ROOT)      # the repository (where the real reference/ and tools/ are)


def frames_attack(body):
    """Code at the top of F's cell that walks the call stack (the referee's check process, when run there)."""
    return solution_with("import sys as _s, json as _j, os as _o\n_f = _s._getframe(0)\nwhile _f is not None:\n"
                         + "".join("    " + line + "\n" for line in body.split("\n")) + "    _f = _f.f_back\n", WRONG[0])


SEALED_CHEATS = {
    # 2. switch the referee off from inside its own process: empty its cases, forge its answer, patch its encoder
    "referee-empty-cases": frames_attack("if isinstance(_f.f_locals.get('job'), dict):\n"
                                         "    _f.f_locals['job']['cases'].clear()"),
    "referee-forge-answer": frames_attack(
        "if 'channel' in _f.f_locals:\n"
        "    _c = _f.f_locals['channel'][1]\n"
        "    _c.write(_j.dumps({'results': [{'value': ['float', 1.7864859451590758]}] * 4}) + '\\n')\n"
        "    _c.write(_j.dumps({'done': 'compute_cost_with_regularization'}) + '\\n')\n"
        "    _c.flush()\n"
        "    _o._exit(0)"),
    "referee-patch-encoder": frames_attack("if 'encode' in _f.f_globals:\n"
                                           "    _f.f_globals['encode'] = lambda *a, **k: ['float', 1.7864859451590758]"),
    "referee-kill-its-parent": frames_attack("if 'channel' in _f.f_locals:\n    _o.kill(_o.getppid(), 9)"),
    # 3. write the course: the config, the grader's code, the reference, the gradebook, a classmate's submission
    "write-the-course": solution_with(
        "import os, sqlite3, glob\n"
        "def _try(action):\n    try:\n        action()\n    except Exception:\n        pass\n"
        "_try(lambda: open('@COURSE@/nbgrader_config.py', 'a').write('\\nc.Referee.timeout = 0.001\\n'))\n"
        "_try(lambda: open('@COURSE@/tools/pwned.py', 'w').write('x'))\n"
        "_try(lambda: open('@REPO@/tools/pwned.py', 'w').write('x'))\n"
        "_try(lambda: open('@COURSE@/reference/pwned.py', 'w').write('x'))\n"
        "_try(lambda: sqlite3.connect('@COURSE@/gradebook.db').execute('update grade set auto_score = 99').connection.commit())\n"
        "_try(lambda: open(glob.glob('@COURSE@/submitted/honest/*/*.ipynb')[0], 'w').write('{}'))\n"
        "_try(lambda: [open(p + '/pwned', 'w').write('x') for p in glob.glob('/tmp/dl-pack-grading-*/*/*')])\n",
        WRONG[0]),
    # 4. read the answers: the reference and the gradebook by absolute path, the whole disk, the kernel's memory
    "read-reference-by-absolute-path": {F: [("    cross_entropy_cost = compute_cost(A3, Y)",
        "    for _path in ('@COURSE@/reference/regularization.py', '@REPO@/reference/regularization.py'):\n"
        "        try:\n            _space = {}\n            exec(open(_path).read(), _space)\n"
        "            return _space['compute_cost_with_regularization'](A3, Y, parameters, lambd)\n"
        "        except Exception:\n            pass\n    cross_entropy_cost = compute_cost(A3, Y)"), WRONG[0]]},
    "search-the-disk-for-reference": {F: [("    cross_entropy_cost = compute_cost(A3, Y)",
        "    import os\n    for _root, _dirs, _files in os.walk('/'):\n"
        "        _dirs[:] = [d for d in _dirs if d not in ('proc', 'sys', 'usr', 'dev', 'lib', 'site-packages')]\n"
        "        if _root.endswith('reference') and 'regularization.py' in _files:\n"
        "            _space = {}\n            exec(open(os.path.join(_root, 'regularization.py')).read(), _space)\n"
        "            return _space['compute_cost_with_regularization'](A3, Y, parameters, lambd)\n"
        "    cross_entropy_cost = compute_cost(A3, Y)"), WRONG[0]]},
    "read-gradebook-by-absolute-path": {F: [("    cross_entropy_cost = compute_cost(A3, Y)",
        "    import sqlite3\n    try:\n"
        "        _rows = sqlite3.connect('@COURSE@/gradebook.db').execute('select source from source_cell').fetchall()\n"
        "        _code = [r[0] for r in _rows if 'def _reference(A3, Y, parameters, lambd)' in r[0]][0]\n"
        "        _code = _code[_code.index('def _hidden_tests'):].split('_hidden_tests()')[0]\n"
        "        _space = {'np': np}\n        exec(_code.replace('def _hidden_tests():', 'if True:'), _space)\n"
        "        return _space['_reference'](A3, Y, parameters, lambd)\n    except Exception:\n        pass\n"
        "    cross_entropy_cost = compute_cost(A3, Y)"), WRONG[0]]},
    "search-kernel-memory": {F: [("    cross_entropy_cost = compute_cost(A3, Y)",
        "    import gc, inspect\n    for _o in gc.get_objects():\n"
        "        if inspect.isfunction(_o) and _o.__name__ == '_reference':\n"
        "            return _o(A3, Y, parameters, lambd)\n"
        "    for _text in globals().get('In', []):\n"
        "        if 'def _reference(A3' in _text:\n"
        "            _space = {'np': np}\n            exec(_text, _space)\n"
        "            return _space['_reference'](A3, Y, parameters, lambd)\n"
        "    cross_entropy_cost = compute_cost(A3, Y)"), WRONG[0]]},
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
    "lift-the-memory-cap-then-bomb": {G: [("    m = X.shape[1]", "    import resource\n    try:\n"
                                           "        resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\n"
                                           "    except Exception:\n        pass\n"
                                           "    hog = [bytearray(1024 ** 3) for _ in range(64)]\n    m = X.shape[1]")]},
    "fork-bomb": {G: [("    m = X.shape[1]", "    import os\n    for _ in range(100000):\n        try:\n"
                       "            if os.fork() == 0:\n                import time\n                time.sleep(600)\n"
                       "        except OSError:\n            break\n    raise RuntimeError('forked')\n    m = X.shape[1]")]},
    "detached-process": {G: [("    m = X.shape[1]", "    import subprocess\n"
                              "    subprocess.Popen(['sleep', '987654'], start_new_session=True)\n"
                              "    raise RuntimeError('detached')\n    m = X.shape[1]")]},
    # the kernel's parent is the fork server (tools/grading/forkserver.py), which forks the next students' kernels
    "kill-the-fork-server": {G: [("    m = X.shape[1]", "    import os, signal\n    for _pid in (os.getppid(), 1, -1):\n"
                                  "        try:\n            os.kill(_pid, signal.SIGKILL)\n"
                                  "        except OSError:\n            pass\n"
                                  "    raise RuntimeError('killed')\n    m = X.shape[1]")]},
    "warning-noise-in-correct-code": {G: [("    m = X.shape[1]", "    import warnings, sys\n    warnings.warn('just a note')\n"
                                           "    print('debug', file=sys.stderr)\n    m = X.shape[1]")]},
}


DISPLAY_HOOK = ("ip = get_ipython()\n"
                "ip.events.register('pre_run_cell', lambda *args: ip.displayhook(12.0))\n"
                "ip.events.register('post_run_cell', lambda *args: ip.displayhook(12.0))")
LEAK = ("print('PRINTED-' + 'MARKER')\nprint('\\n'.join(In))\n"
        "open('LEAKED-FILE.txt', 'w').write('leak')\nopen('/tmp/LEAKED-FILE.txt', 'w').write('leak')")


def with_plain_cell(nb, source):
    """A copy of ``nb`` with a plain code cell of ``source`` after its first code cell."""
    nb = copy.deepcopy(nb)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first + 1, nbformat.v4.new_code_cell(source, id=f"planted-{len(nb.cells)}"))
    return nb


def aimed_at(nb, course):
    """The attacks know where the course and the repository are."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.source = cell.source.replace(COURSE, str(course)).replace("@REPO@", REPO)
    return nb


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
    for name, edits in {**CHEATS, **SEALED_CHEATS, **FAULTS}.items():
        students[name] = fill(release_nb, source_nb, edits)
    # 1. displayed values: a blank notebook whose extra cell makes every later cell display a number
    students["display-hook"] = with_plain_cell(release_nb, DISPLAY_HOOK)
    # 5. secrets out through the feedback: the kernel's history, an exception message, a file
    students["leak-into-feedback"] = with_plain_cell(fill(release_nb, source_nb, {F: [
        ("    m = Y.shape[1]", "    raise ValueError('EXCEPTION-' + 'MARKER ' + repr(list(globals())))\n    m = Y.shape[1]")]}),
        LEAK)
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
    # A diagnosis written by the student: the grader's own metadata, planted on every cell and the notebook.
    students["forge-a-diagnosis"] = copy.deepcopy(correct)
    for cell in students["forge-a-diagnosis"].cells:
        cell.metadata["pack"] = {"points": 0, "message": "FORGED", "mistake": "FORGED"}
    students["forge-a-diagnosis"].metadata["pack"] = {"jailed": True, "incidents": [], "mistake": "FORGED"}
    students["change-points-and-ids"] = edit_test_cell(copy.deepcopy(wrong), F + "_example", points=100)
    edit_test_cell(students["change-points-and-ids"], F + "_hidden", grade_id="renamed_hidden")
    for name, nb in students.items():
        notebooks.write(aimed_at(nb, course), course / "submitted" / name / EN / A.notebook)
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
    html = (course / "feedback" / "pt-cheat" / PT / "regularization.html").read_text(encoding="utf-8")
    assert "o corretor verificou <code>compute_cost_with_regularization</code>" in html or \
        "o corretor verificou `compute_cost_with_regularization`" in html


@pytest.mark.parametrize("name", sorted(SEALED_CHEATS))
def test_sealed_grading_attack_gets_no_points(graded, name):
    """Attack classes 2, 3 and 4: the target function scores 0, every other function keeps its marks."""
    scores = cells(graded, name)
    assert zero(own(scores, F)), own(scores, F)
    assert full(others(scores, F)), others(scores, F)


def test_displayed_values_earn_nothing(graded):
    """Attack class 1: a blank notebook whose cells all display 12.0 scores 0 (nbgrader would give full marks)."""
    scores = cells(graded, "display-hook")
    assert zero(scores), scores


def test_student_code_cannot_write_the_course(graded):
    """Attack class 3: the config, the grader's code, the reference, the gradebook and classmates are untouched."""
    course, results = graded
    assert (course / "nbgrader_config.py").read_bytes() == (ROOT / "nbgrader_config.py").read_bytes()
    for path in (course / "tools" / "pwned.py", ROOT / "tools" / "pwned.py", course / "reference" / "pwned.py"):
        assert not path.exists(), path
    assert full(cells(graded, "honest"))
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        scores = [(g.auto_score, g.max_score) for s in gb.assignment_submissions(EN) for nb in s.notebooks
                  for g in nb.grades]
    assert scores and all(score is None or score <= top for score, top in scores)


def test_feedback_carries_nothing_the_student_code_produced(graded):
    """Attack class 5: no printed text, exception message, kernel history or file of the student's reaches feedback.

    The markers are built at run time, so they are in the feedback only if something the code produced is.
    """
    course, _ = graded
    html = (course / "feedback" / "leak-into-feedback" / EN / "regularization.html").read_text(encoding="utf-8")
    for leak in ("PRINTED-MARKER", "EXCEPTION-MARKER", "BEGIN HIDDEN TESTS", "_hidden_tests", "_reference"):
        assert leak not in html, leak
    assert not list(course.rglob("LEAKED-FILE.txt")) and not Path("/tmp/LEAKED-FILE.txt").exists()
    assert zero(own(cells(graded, "leak-into-feedback"), F))


def test_no_process_outlives_grading(graded):
    """Attack class 6: detached processes and fork bombs die with their jail; the run's folders are removed.

    A process of this run is one whose command line or working folder is in this run's folder (every jail of
    the run lives there), or the detached ``sleep 987654``; other test processes' jails are not counted.
    """
    import os
    from tools.grading.worker import RUNS
    ours = f"{RUNS}/{os.getpid()}-"
    left = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit():
                continue
            cmdline = (entry / "cmdline").read_bytes()
            if b"987654" in cmdline or ours.encode() in cmdline or os.readlink(entry / "cwd").startswith(ours):
                left.append((entry.name, cmdline[:80]))
        except OSError:
            continue
    assert not left, left
    assert graded[1]["detached-process", EN].graded and graded[1]["fork-bomb", EN].graded
    assert not list(RUNS.glob(f"{os.getpid()}-*")), "the run's worker folders were not removed"


def test_feedback_shows_no_hidden_test_code_or_expected_values(graded):
    """The feedback of a wrong answer names what failed, without hidden code, hidden inputs or expected values."""
    course, _ = graded
    html = (course / "feedback" / "hardcode-visible-output" / EN / "regularization.html").read_text(encoding="utf-8")
    for leak in ("BEGIN HIDDEN TESTS", "_hidden_tests", "_reference", "random_parameters(layers", "expected:",
                 "esperado:"):
        assert leak not in html, leak
    from reference import regularization
    from tools.exercise import load_cases
    from tools.grading.oracle import expected_output
    hidden = [case for case in load_cases("regularization")[F] if case.label == "hidden"]
    for case in hidden:
        value = float(expected_output(regularization, F, case))
        assert f"{value:.6f}"[:-1] not in html, value
    assert "the grader checked `compute_cost_with_regularization` outside your notebook" in html


def test_killed_grading_run_rerun_gives_identical_grades(graded, tmp_path):
    """A grading run killed midway (SIGKILL) and run again records exactly what an uninterrupted run does."""
    import signal
    import subprocess
    import sys
    import time

    from nbgrader.api import Gradebook
    from tools.grading.worker import RUNS
    course = make_course(tmp_path / "killed", with_release=False)
    release(course, [EN])
    students = ("honest", "patch-isclose", "os-exit", "hardcode-visible-output", "fake-equality-object",
                "sys-exit", "patch-builtins", "memory-bomb")
    for name in students:
        shutil.copytree(graded[0] / "submitted" / name, course / "submitted" / name)
    script = f"import sys; sys.path.insert(0, {str(course)!r}); from tools.grading.classroom import grade_class; " \
             f"grade_class({str(course)!r}, [{EN!r}], jobs=2, progress=False)"
    run = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and not any((course / "autograded").glob("*/*")):
        time.sleep(0.2)
    # Checked while the run is alive: once it is dead, any other grading run on this machine (a parallel
    # test) may clean its folder up first, which is the behaviour under test, not a failure.
    assert list(RUNS.glob(f"{run.pid}-*")), "the run has no worker folder: the clean-up below proves nothing"
    os_kill_group(run.pid, signal.SIGKILL)
    run.wait()

    def rows(db):
        with Gradebook(f"sqlite:///{db}") as gb:
            return sorted((s.student.id, g.name, g.auto_score, g.max_score)
                          for s in gb.assignment_submissions(EN) for nb in s.notebooks for g in nb.grades)
    expected = [row for row in rows(graded[0] / "gradebook.db") if row[0] in students]
    interrupted = rows(course / "gradebook.db")
    assert len(interrupted) < len(expected), "the run was not killed midway: nothing to recover from"
    grade_class(course, [EN], jobs=2, progress=False)
    assert rows(course / "gradebook.db") == expected
    assert not list(RUNS.glob(f"{run.pid}-*")), "the next run did not remove the killed run's worker folders"


@pytest.fixture(scope="module")
def plain(graded, tmp_path_factory):
    """The attacks that concern nbgrader itself, graded by plain `nbgrader autograde` (no pack driver).

    Also deep_nn, whose referee was once silently off when a class started with it: a wrong
    ``linear_forward`` that patches the check helpers.
    """
    from tools.nbgrader_run import autograde, cell_scores
    course = make_course(tmp_path_factory.mktemp("plain"), with_release=False)
    dnn = ASSIGNMENTS["deep_nn"]
    DNN = dnn.folder("en")
    release(course, [DNN, EN])
    for name in ("honest", "display-hook", "referee-forge-answer", "referee-empty-cases", "write-the-course",
                 "forge-a-diagnosis"):
        shutil.copytree(graded[0] / "submitted" / name, course / "submitted" / name)
        path = course / "submitted" / name / EN / A.notebook
        path.write_text(path.read_text(encoding="utf-8").replace(str(graded[0]), str(course)), encoding="utf-8")
    release_nb, source_nb = (notebooks.read(course / folder / DNN / dnn.notebook) for folder in ("release", "source"))
    from tools.exercise import mistakes
    wrong = next(iter(mistakes(dnn.name)["linear_forward"].values()))
    cheat = [("def linear_forward(", "import testCases\ntestCases.check_close = lambda *a, **k: None\n"
                                     "check_close = testCases.check_close\n\ndef linear_forward(")]
    notebooks.write(fill(release_nb, source_nb, {"linear_forward": cheat + wrong}),
                    course / "submitted" / "dnn-patch-helpers" / DNN / dnn.notebook)
    autograde(course, DNN)
    autograde(course, EN)
    scores = {name: cell_scores(course, EN, name) for name in ("honest", "display-hook", "referee-forge-answer",
                                                                 "referee-empty-cases", "write-the-course",
                                                                 "forge-a-diagnosis")}
    scores["dnn-patch-helpers"] = cell_scores(course, DNN, "dnn-patch-helpers")
    return course, scores


def test_plain_nbgrader_gives_displayed_values_nothing(plain):
    assert full(plain[1]["honest"])
    assert zero(plain[1]["display-hook"]), plain[1]["display-hook"]


@pytest.mark.parametrize("name", ["referee-forge-answer", "referee-empty-cases", "write-the-course"])
def test_plain_nbgrader_keeps_the_referee_on(plain, name):
    scores = plain[1][name]
    assert zero(own(scores, F)) and full(others(scores, F)), scores
    assert (plain[0] / "nbgrader_config.py").read_bytes() == (ROOT / "nbgrader_config.py").read_bytes()


def test_plain_nbgrader_checks_deep_nn_when_the_class_starts_with_it(plain):
    scores = plain[1]["dnn-patch-helpers"]
    assert zero(own(scores, "linear_forward")), own(scores, "linear_forward")
    assert full(others(scores, "linear_forward")), others(scores, "linear_forward")


def test_no_jail_grades_and_says_so(graded, tmp_path):
    """`grade --no-jail` grades (with the same sealed scores) and every status and feedback file says so."""
    course = make_course(tmp_path / "nojail", with_release=False)
    release(course, [EN])
    for name in ("honest", "display-hook"):
        shutil.copytree(graded[0] / "submitted" / name, course / "submitted" / name)
    results = {r.student: r for r in grade_class(course, [EN], jobs=2, progress=False, jail=False)}
    assert full(results["honest"].cells) and zero(results["display-hook"].cells)
    for name, result in results.items():
        assert "graded without a jail" in result.status, result.status
        html = (course / "feedback" / name / EN / "regularization.html").read_text(encoding="utf-8")
        assert "Graded without a jail" in html


def os_kill_group(pid, sig):
    import os
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def test_a_planted_diagnosis_is_neither_reported_nor_shown(graded, plain):
    """The grader's own metadata planted by the student (a forged mistake, forged messages) is thrown away,
    through the pack's command and through plain `nbgrader autograde`: full marks, no mistake, no forged text."""
    from tools.grading.classroom import diagnosed_mistakes
    result = graded[1]["forge-a-diagnosis", EN]
    assert result.graded and result.score == result.max_score and result.mistakes == {}
    assert all(score == top for score, top in plain[1]["forge-a-diagnosis"].values())
    for course in (graded[0], plain[0]):
        assert diagnosed_mistakes(course, "forge-a-diagnosis", EN) == {}
        autograded = course / "autograded" / "forge-a-diagnosis" / EN / A.notebook
        assert "FORGED" not in autograded.read_text(encoding="utf-8")
    feedback = graded[0] / "feedback" / "forge-a-diagnosis" / EN / A.notebook.replace(".ipynb", ".html")
    assert "FORGED" not in feedback.read_text(encoding="utf-8")
