"""With the fast path on (kernels and check processes forked from one fork server), nothing of one student reaches the next.

Two submissions are graded through the instructors' path (``grade_class``) by one worker, and again by plain
``nbgrader autograde`` with the pack's configuration, so that one fork server forks both students' kernels and
check processes, one after the other. The first, ``a-leaver``, leaves
behind all it can, in its kernel and in its check process: attributes on numpy and on builtins, a module in
``sys.modules``, an environment variable, a patched library function, a thread, files in every folder it
may write and a detached process. The second, ``b-finder``, looks for all of it, in both places.

The same probe, run by the leaver after leaving, finds every kind of state it looks for: the probe is not
blind. The finder finds none, gets full marks (its graded function answers wrongly if its probe finds
anything), and shows that its kernel was forked by the fork server.
"""
import nbformat
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.grading.classroom import grade_class
from tools.grading.template import forking_available
from tools.nbgrader_run import autograde, cell_scores, make_course, release
from tools.submissions import fill

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not forking_available(), reason="no bubblewrap or no Landlock (ABI 6) here")]

A = ASSIGNMENTS["regularization"]
EN = A.folder("en")
F = "compute_cost_with_regularization"

PROBE = '''
def _left_behind():
    import builtins, os, sys, threading
    import numpy
    found = []
    if hasattr(numpy, "LEFT_BEHIND"):
        found.append("module attribute")
    if hasattr(builtins, "LEFT_BEHIND"):
        found.append("builtin")
    if "left_behind" in sys.modules:
        found.append("module")
    if "LEFT_BEHIND" in os.environ:
        found.append("environment")
    if getattr(numpy.random.seed, "__name__", "") == "<lambda>":
        found.append("patched function")
    if any(t.name == "left-behind" for t in threading.enumerate()):
        found.append("thread")
    folders = {".", os.environ.get("HOME", "."), os.environ.get("TMPDIR", "."), "/dev/shm", "/tmp"}
    if any(os.path.exists(os.path.join(folder, "LEFT_BEHIND")) for folder in folders):
        found.append("file")
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            if b"LEFT_BEHIND" in open(f"/proc/{pid}/cmdline", "rb").read():
                found.append("process")
                break
        except OSError:
            pass
    return found
'''

LEAVE = '''
import builtins, os, subprocess, sys, threading, time
import numpy
numpy.LEFT_BEHIND = builtins.LEFT_BEHIND = True
sys.modules["left_behind"] = sys
os.environ["LEFT_BEHIND"] = "1"
numpy.random.seed = lambda *args, **kwargs: None
threading.Thread(target=time.sleep, args=(600,), name="left-behind", daemon=True).start()
for _folder in {".", os.environ.get("HOME", "."), os.environ.get("TMPDIR", "."), "/dev/shm", "/tmp"}:
    try:
        open(os.path.join(_folder, "LEFT_BEHIND"), "w").write("x")
    except OSError:
        pass
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "LEFT_BEHIND"], start_new_session=True,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(100):  # until the process shows in /proc (on a loaded machine it may take a moment)
    if "process" in _left_behind():
        break
    time.sleep(0.05)
'''

REPORT = '''
import os
print("LEFT BEHIND:", sorted(set(_left_behind())))
print("FORKED:", b"def serve()" in open(f"/proc/{os.getppid()}/cmdline", "rb").read())
'''

KINDS = ["builtin", "environment", "file", "module", "module attribute", "patched function", "process", "thread"]


def submission(course, leave):
    """The solution, with the probe (and, for the leaver, the leaving) at the top of F's cell and in a plain cell
    after the imports; F's result is halved when its probe finds anything."""
    release_nb = notebooks.read(course / "release" / EN / A.notebook)
    source_nb = notebooks.read(course / "source" / EN / A.notebook)
    top = PROBE + (LEAVE if leave else "") + "_FOUND = _left_behind()\n"
    nb = fill(release_nb, source_nb, {F: [(f"def {F}(", top + f"\ndef {F}("),
                                          ("    return cost", "    return cost * (0.5 if _FOUND else 1.0)")]})
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    planted = nbformat.v4.new_code_cell(PROBE + (LEAVE if leave else "") + REPORT, id="probe")
    nb.cells.insert(first + 1, planted)
    return nb


@pytest.fixture(scope="module", params=["grade", "nbgrader autograde"])
def graded(request, tmp_path_factory):
    """The two students graded by the pack's command (one worker) or by plain ``nbgrader autograde`` (one process,
    in alphabetical order); the course and each student's cell scores from the gradebook."""
    course = make_course(tmp_path_factory.mktemp("isolation"), with_release=False)
    release(course, [EN])
    for student, leave in (("a-leaver", True), ("b-finder", False)):
        notebooks.write(submission(course, leave), course / "submitted" / student / EN / A.notebook)
    if request.param == "grade":
        grade_class(course, [EN], jobs=1, progress=False)
    else:
        autograde(course, EN)
    return course, {student: cell_scores(course, EN, student) for student in ("a-leaver", "b-finder")}


def report(course, student):
    nb = notebooks.read(course / "autograded" / student / EN / A.notebook)
    cell = next(c for c in nb.cells if c.get("id") == "probe")
    return "".join(o.get("text", "") for o in cell.outputs)


def test_the_probe_finds_what_the_leaver_leaves(graded):
    course, scores = graded
    assert f"LEFT BEHIND: {KINDS}" in report(course, "a-leaver")
    assert scores["a-leaver"][F + "_hidden"][0] == 0  # the check process's probe found it too


def test_nothing_of_the_leaver_reaches_the_next_student(graded):
    course, scores = graded
    text = report(course, "b-finder")
    assert "LEFT BEHIND: []" in text
    assert "FORKED: True" in text  # the fast path was on: the kernel's parent is the fork server
    assert all(score == top for score, top in scores["b-finder"].values()), scores["b-finder"]
