"""The grader's own boundary: what a submission sends out of its jail costs at most itself.

Each attack is a real notebook graded through the instructors' path (``grade_class``) and, where it concerns
nbgrader itself, through plain ``nbgrader autograde`` in a process with a hard memory cap, so that a regression
fails the test and not the machine. Honest classmates are graded before and after every attacker.

* the oracle as a memory bomb: a student function calls another graded function on small arguments whose
  result is huge (``theta * x`` broadcast to 26000 x 26000, 5.4 GB);
* the oracle starved: 2500 calls written at once on the check process's protocol, then a sleep (no reply read);
* output amplification: one kernel message whose frames all reference one large buffer (the kernel pays once,
  the grader once per frame): over the frame cap, and, under it, more frames than the worker's memory cap;
* hidden inputs carried out in a grader message: a function that encodes its inputs in its output's shape;
* the oracle's reach: no check may ask for a graded function the reference of the checked one does not call.
"""
import importlib
import os
import re
import resource
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.exercise import load_cases
from tools.grading.classroom import grade_class
from tools.nbgrader_run import cell_scores, make_course, release
from tools.submissions import fill

REG, GC = ASSIGNMENTS["regularization"], ASSIGNMENTS["gradient_checking"]
REG_EN, GC_EN = REG.folder("en"), GC.folder("en")
GiB = 1024 ** 3

ORACLE_BOMB = {"gradient_check": [("    thetaplus = theta + epsilon",
                                   "    forward_propagation(np.ones((1, 26000)), np.ones((26000, 1)))\n"
                                   "    thetaplus = theta + epsilon")]}
ORACLE_FLOOD = {"gradient_check": [("def gradient_check(", (  # in the check process, 2500 calls written at once
    "import json as _j, sys as _s, time as _t\n"
    "_f = _s._getframe(0)\n"
    "while _f is not None and 'channel' not in _f.f_locals:\n"
    "    _f = _f.f_back\n"
    "if _f is not None:\n"
    "    _h = _j.dumps({'call': 'forward_propagation', 'case': 0})\n"
    "    _p = _j.dumps({'args': ['list', [['int', 1], ['int', 2]]], 'kwargs': ['dict', []]})\n"
    "    _f.f_locals['channel'][1].write((_h + '\\n' + _p + '\\n') * 2500)\n"
    "    _f.f_locals['channel'][1].flush()\n"
    "    _t.sleep(600)\n\n"
    "def gradient_check("))]}
LEAK_SHAPE = {"compute_cost_with_regularization": [("    return cost",
                                                    "    return np.zeros((0, 4242 + A3.shape[1] * 1000))")]}


def frames(count, size):
    """A plain cell that sends one IOPub message whose ``count`` buffer frames all reference one buffer."""
    return ("_k = get_ipython().kernel\n"
            f"_buffer = memoryview(bytearray({size}))\n"
            "_k.session.send(_k.iopub_socket, 'stream', {'name': 'stdout', 'text': 'x'}, "
            f"parent=_k.get_parent('shell'), buffers=[_buffer] * {count})\n"
            "del _buffer\n")


ATTACKS = {  # name: (assignment, solution edits, an extra plain cell or None)
    "oracle-bomb": (GC, ORACLE_BOMB, None),
    "oracle-flood": (GC, ORACLE_FLOOD, None),
    "huge-frames": (REG, {}, frames(14, 250 * 1024 ** 2)),  # 3.5 GB in the grader, each frame over the cap
    "many-frames": (REG, {}, frames(110, 30 * 1024 ** 2)),  # 3.3 GB in frames under the cap: over the worker's
    "leak-shape": (REG, LEAK_SHAPE, None),
}
WORKER_MEMORY = 2 * GiB  # the grading processes' cap in this class (PACK_GRADER_MEMORY)


def submission(course, assignment, edits=None, cell=None):
    folder = assignment.folder("en")
    release_nb, source_nb = (notebooks.read(course / stage / folder / assignment.notebook)
                             for stage in ("release", "source"))
    nb = fill(release_nb, source_nb, edits)
    if cell:
        nb.cells.insert(2, new_code_cell(cell))
    return nb


def write_class(course, names):
    """The honest students ``a-honest`` (graded first) and ``z-honest`` (last), and the attackers ``names``."""
    for student in ("a-honest", "z-honest"):
        for assignment in (REG, GC):
            path = course / "submitted" / student / assignment.folder("en") / assignment.notebook
            notebooks.write(submission(course, assignment), path)
    for name in names:
        assignment, edits, cell = ATTACKS[name]
        notebooks.write(submission(course, assignment, edits, cell),
                        course / "submitted" / name / assignment.folder("en") / assignment.notebook)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("boundary"), with_release=False)
    release(course, [REG_EN, GC_EN])
    write_class(course, ATTACKS)
    previous = os.environ.get("PACK_GRADER_MEMORY")
    os.environ["PACK_GRADER_MEMORY"] = str(WORKER_MEMORY)  # read by the spawned workers
    try:
        results = {(r.student, r.assignment): r for r in grade_class(course, [REG_EN, GC_EN], jobs=2,
                                                                     progress=False)}
    finally:
        if previous is None:
            os.environ.pop("PACK_GRADER_MEMORY")
        else:
            os.environ["PACK_GRADER_MEMORY"] = previous
    return course, results


def full(scores):
    return bool(scores) and all(s == m for s, m in scores.values())


def own(scores, function):
    return {k: v for k, v in scores.items() if k.rpartition("_")[0] == function}


def others(scores, function):
    return {k: v for k, v in scores.items() if k.rpartition("_")[0] != function}


pytestmark = pytest.mark.slow


def test_honest_classmates_before_and_after_get_full_marks(graded):
    _, results = graded
    for student in ("a-honest", "z-honest"):
        for folder in (REG_EN, GC_EN):
            assert results[student, folder].graded and full(results[student, folder].cells), results[student, folder]


def test_oracle_memory_bomb_costs_only_its_function(graded):
    """The bomb is computed in the oracle process, under its cap: the call fails, the function gets 0."""
    result = graded[1]["oracle-bomb", GC_EN]
    assert result.graded, result.status
    assert all(score == 0 for score, _ in own(result.cells, "gradient_check").values())
    assert full(others(result.cells, "gradient_check")), result.cells


def test_oracle_calls_in_one_go_cost_only_their_function(graded):
    """2500 oracle calls written at once, then a sleep that reads no reply: the check ends at the call budget, or
    at its deadline (looked at before every message; a reply the check process does not read is written until
    the deadline only), the function gets 0, the rest of the notebook keeps its marks."""
    result = graded[1]["oracle-flood", GC_EN]
    assert result.graded, result.status
    assert all(score == 0 for score, _ in own(result.cells, "gradient_check").values())
    assert full(others(result.cells, "gradient_check")), result.cells


def test_frames_over_the_cap_are_refused(graded):
    """Frames over the cap are refused before they are allocated; the kernel's connection is dropped, which is
    a kernel death for that cell: the kernel is restarted and the notebook graded (its functions are right)."""
    result = graded[1]["huge-frames", REG_EN]
    assert result.status == "graded (kernel died in cell 2)", result.status
    assert full(result.cells)


def test_amplification_under_the_frame_cap_costs_only_itself(graded):
    """Frames under the cap, but more than the grading process may hold: the allocation fails under its cap, the
    kernel's connection is dropped, and the cell is a kernel death; the notebook's functions keep their marks."""
    result = graded[1]["many-frames", REG_EN]
    assert result.status == "graded (kernel died in cell 2)", result.status
    assert full(result.cells)


def test_hidden_case_messages_carry_nothing_the_student_produced(graded):
    """On the example case the message shows the output's shape (the student has those inputs); on the hidden
    case a fixed text: the shape that encodes the hidden inputs does not reach the student."""
    course, results = graded
    assert results["leak-shape", REG_EN].graded
    nb = nbformat.read(str(course / "autograded" / "leak-shape" / REG_EN / REG.notebook), as_version=4)
    messages = {cell.metadata["nbgrader"]["grade_id"]: cell.metadata.get("pack", {}).get("message", "")
                for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade_id", "").startswith(
                    "compute_cost_with_regularization_")}
    assert "has shape (0, 9242)" in messages["compute_cost_with_regularization_example"]
    hidden = messages["compute_cost_with_regularization_hidden"]
    assert hidden.endswith("on other inputs: `cost` has the wrong shape."), hidden
    assert not re.search(r"\d", hidden), hidden
    html = (course / "feedback" / "leak-shape" / REG_EN / REG.notebook.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    assert not re.search(r"\(0, (?!9242)\d+\)", html)


def test_plain_nbgrader_autograde_survives_the_attacks(graded, tmp_path):
    """Plain ``nbgrader autograde`` (one process for the class; the pack's cap on it is set to 2 GiB here, and
    the test caps it at 3 GiB too, so that a regression fails here and not the machine): the oracle bomb and the
    frames cost only their authors."""
    course = make_course(tmp_path / "plain", with_release=False)
    release(course, [REG_EN, GC_EN])
    write_class(course, ["oracle-bomb", "huge-frames", "many-frames"])
    env = dict(os.environ, PATH=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]),
               PACK_GRADER_MEMORY=str(WORKER_MEMORY))

    def capped():
        resource.setrlimit(resource.RLIMIT_DATA, (3 * GiB, 3 * GiB))

    for folder in (GC_EN, REG_EN):
        run = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", folder, "--force", "--log-level=WARN"],
                             cwd=course, env=env, preexec_fn=capped, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr[-2000:]
    for student in ("a-honest", "z-honest"):
        for folder in (REG_EN, GC_EN):
            assert full(cell_scores(course, folder, student)), (student, folder)
    bomb = cell_scores(course, GC_EN, "oracle-bomb")
    assert full(others(bomb, "gradient_check")) and not any(s for s, _ in own(bomb, "gradient_check").values())
    for name in ("huge-frames", "many-frames"):
        assert full(cell_scores(course, REG_EN, name)), name


@pytest.mark.parametrize("name", sorted(ASSIGNMENTS))
def test_the_oracle_refuses_every_route_the_reference_does_not_take(name):
    """For every graded function, every other graded function that its reference does not call is refused by
    the oracle (in the oracle process's own code), whatever the student's cell names."""
    from tools.grading import oracle
    cases = load_cases(name)
    reference = importlib.import_module(oracle.subject(name)[1])
    payload = b'{"args": ["list", []], "kwargs": ["dict", []]}'
    for function in cases:
        served = set(oracle.reach(reference, function, cases)) | {n for c in cases[function] for n in c.calls}
        for route in cases:
            if route in served:
                continue
            header = {"subject": list(oracle.subject(name)), "function": function, "case": 0, "name": route}
            assert oracle.answer_call(header, payload) == {"error": "refused"}, (function, route)
