"""A rogue Dask worker is not believed: the instructors' command (``python -m tools grade --scheduler ...``) grades a
class on a real ``dask scheduler`` (127.0.0.1) whose only ``dask worker`` was started with ``--preload`` of a file
written here. The preload replaces the function every grading task calls on the worker
(``tools.grading.worker.grade``: the task, :func:`tools.grading.cluster.grade`, sent by value, imports
``tools.grading.worker`` on the worker and calls its ``grade`` attribute), and returns forged results, chosen by
student id. Each forged result is refused in the instructor's process (tools/grading/results.py): its status names
the refusal, nothing is recorded or written for that student, and the run goes on: the honest students before and
after are graded with full marks, a late submission gets nbgrader's penalty (not the worker's), and grades.csv
and the report are written.
"""
import contextlib
import io
import re
import signal
import textwrap
from datetime import datetime

import pytest
from distributed import Client
from nbgrader.api import Gradebook, MissingEntry

from servers import DaskCluster
from tools import notebooks
from tools.course import ASSIGNMENTS, ROOT
from tools.grading import times
from tools.grading.gradebook import db_url
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

pytestmark = pytest.mark.slow  # a real Dask cluster and real grading runs: left out by `make test-fast`

A = ASSIGNMENTS["regularization"]
EN, NB = A.folder("en"), A.notebook
DUE, LATE, EARLY = "2025-03-01 00:00:00", datetime(2025, 3, 2), datetime(2025, 2, 28)  # the ledger's times
REFUSED = "not graded: the worker's result was refused: "
OTHER_FILES = "files other than the notebook, its feedback and the assignment's own"

HONEST = ("a-honest", "z-honest")  # graded first and last (one worker thread: tasks run in submission order)
LATE_STUDENT = "l-late"  # an honest result, a forged early time (recorded, timestamp.txt) and a penalty of -100
HELPER = "n-forged-helper"  # an honest result with its own reg_utils.py (nbgrader copies the source's beside it)
GRADED = (*HONEST, LATE_STUDENT, HELPER)
MARK = b"ROGUE-WORKER-FORGED"  # in every file the rogue worker forges
FORGED = {  # student -> what the refusal says
    "b-over-max": r"a score outside 0\.\.\d+ for ",  # 8000 for a test cell, and a late penalty of -100
    "c-unknown-cell": "grades other than the cells of regularization",
    "d-list": "a list, not a dict",
    "e-string": "a str, not a dict",
    "f-dotdot": OTHER_FILES,  # ../../evil.txt, in autograded and in feedback
    "g-folder": OTHER_FILES,  # sub/x
    "h-extra-file": OTHER_FILES,  # extra.txt
    "i-oversized": f"{NB} is not bytes or is over 32 MiB",  # a 40 MiB notebook
    "j-not-a-notebook": f"{NB} is not a notebook the grader can read",  # would stop the run at the diagnoses
    "k-comment-on-test-cell": "comments on cells regularization does not have",  # nbgrader has no such row
}
PICKLE = "m-pickle"  # a pickled payload that would run code where it is unpickled

PRELOAD = '''
"""Preload of a rogue `dask worker` (tests/test_rogue_worker.py): forged grading results, chosen by student id.

Every grading task runs tools.grading.cluster.grade (sent by value), which does
`from tools.grading import worker; worker.grade(...)`. The grader's code reaches this worker only later (the
ShipCourse plugin unpacks it and imports tools.grading.worker), so an import hook wraps that module's `grade`
as soon as it is imported.
"""
import copy
import importlib.abc
import sys

MIB = 1024 ** 2
MARK = b"ROGUE-WORKER-FORGED"
PICKLE_MARKER = @MARKER@
_graded = []  # a real result of this run (the first honest student's), copied for the forged ones


def log(text):
    print(f"ROGUE {text}", file=sys.stderr, flush=True)


class Payload:
    """Unpickled, it runs code: in the instructor's process, if that is where the result is unpickled."""

    def __reduce__(self):
        return exec, (f"open({PICKLE_MARKER!r}, 'w').write('unpickled here')",)


def forge(kind, outcome, notebook):
    nb = next(iter(outcome["recorded"]["notebooks"].values()))
    test_cell = next(cell for cell in nb["grades"] if cell not in nb["comments"])  # a grade cell only
    if kind == "over-max":
        nb["grades"][test_cell] = 8000
        nb["late_submission_penalty"] = -100
    elif kind == "unknown-cell":
        nb["grades"]["not_a_cell"] = 1
    elif kind == "list":
        return ["graded", outcome]
    elif kind == "string":
        return "graded"
    elif kind == "dotdot":
        outcome["autograded"]["../../evil.txt"] = MARK
        outcome["feedback"]["../../evil.txt"] = MARK
    elif kind == "folder":
        outcome["autograded"]["sub/x"] = MARK
    elif kind == "extra-file":
        outcome["autograded"]["extra.txt"] = MARK
    elif kind == "oversized":
        outcome["autograded"][notebook] = b"x" * (40 * MIB)
    elif kind == "not-a-notebook":
        outcome["autograded"][notebook] = MARK + b", not a notebook"
    elif kind == "comment-on-test-cell":
        nb["comments"][test_cell] = MARK.decode()
    elif kind == "forged-helper":
        outcome["autograded"]["reg_utils.py"] = MARK
        outcome["feedback"]["reg_utils.py"] = MARK
    elif kind == "late":
        nb["late_submission_penalty"] = -100
        outcome["recorded"]["timestamp"] = "2000-01-01 00:00:00"
        outcome["autograded"]["timestamp.txt"] = outcome["feedback"]["timestamp.txt"] = MARK + b" 2000-01-01"
    elif kind == "pickle":
        return Payload()
    return outcome


def rogue(original):
    def grade(key, assignment_id, student, files, rename=None):
        kind = student.partition("-")[2]
        notebook = next(name for name in files if name.endswith(".ipynb"))
        if kind in ("honest", "late") or not _graded:
            outcome = original(key, assignment_id, student, files, rename)
            if outcome.get("recorded") and not _graded:
                _graded.append(copy.deepcopy(outcome))
        else:
            outcome = copy.deepcopy(_graded[0])
        if kind == "honest":
            log(f"passed {student} through: {outcome['status']}")
            return outcome
        log(f"forged {student}")
        return forge(kind, outcome, notebook)
    grade.rogue = True
    return grade


class Wrap(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        module.grade = rogue(module.grade)
        log(f"replaced {module.__name__}.grade")

    def __getattr__(self, name):
        return getattr(self.loader, name)


class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != "tools.grading.worker":
            return None
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    spec.loader = Wrap(spec.loader)
                    return spec
        return None


def dask_setup(worker):
    assert "tools" not in sys.modules  # the grader's code is not here yet: ShipCourse brings it
    sys.meta_path.insert(0, Hook())
    log("preloaded")
'''


def build_class(course):
    """Every student's correct notebook; their submission times in the instructor's ledger (LATE_STUDENT late)."""
    correct = fill(notebooks.read(course / "release" / EN / NB), notebooks.read(course / "source" / EN / NB))
    for student in (*GRADED, *FORGED, PICKLE):
        notebooks.write(correct, course / "submitted" / student / EN / NB)
    times.record(course, [(EN, student, LATE if student == LATE_STUDENT else EARLY, "the instructor's")
                          for student in (*GRADED, *FORGED, PICKLE)])


@pytest.fixture(scope="module")
def rogue_run(tmp_path_factory):
    """The class graded by `python -m tools grade EN --scheduler tcp://127.0.0.1:PORT` (in this process, on a
    temporary course) through one rogue worker: (course, results by student, printed report, worker log, marker)."""
    from tools.__main__ import main
    from tools.grading import classroom
    base = tmp_path_factory.mktemp("rogue")
    course = make_course(base / "course", with_release=False)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    release(course, [EN])
    with Gradebook(db_url(course)) as gb:
        gb.update_or_create_assignment(EN, duedate=DUE)
    build_class(course)
    marker = base / "unpickled-in-the-instructors-process"
    preload = base / "rogue_preload.py"
    preload.write_text(textwrap.dedent(PRELOAD).replace("@MARKER@", repr(str(marker))), encoding="utf-8")
    cluster = DaskCluster(base / "dask", workers=0)
    assert cluster.address.startswith("tcp://127.0.0.1:")
    graded = []

    def spy(*args, **kwargs):  # the command prints the results; the test reads them too
        graded.extend(real_grade_class(*args, **kwargs))
        return graded

    real_grade_class = classroom.grade_class
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("grading blocked")))
    signal.alarm(1200)
    try:
        cluster.start_worker("rogue", ["--preload", str(preload)])
        with Client(cluster.address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        out = io.StringIO()
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
            patch.setattr("tools.course.ROOT", course)  # the command grades the course at ROOT
            patch.setattr(classroom, "grade_class", spy)
            code = main(["grade", EN, "--scheduler", cluster.address])
        assert code == 0, out.getvalue()
        log = cluster.log("rogue")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        cluster.stop()
    return course, {r.student: r for r in graded}, [r.student for r in graded], out.getvalue(), log, marker


def test_the_worker_was_rogue(rogue_run):
    *_, log, _ = rogue_run
    assert "ROGUE preloaded" in log and "ROGUE replaced tools.grading.worker.grade" in log, log
    for student in (*FORGED, PICKLE, LATE_STUDENT, HELPER):
        assert f"ROGUE forged {student}\n" in log, (student, log)
    for student in HONEST:
        assert f"ROGUE passed {student} through: graded" in log, (student, log)


@pytest.mark.parametrize("student", sorted(FORGED))
def test_a_forged_result_is_refused_and_nothing_is_recorded(rogue_run, student):
    course, results, _, printed, _, _ = rogue_run
    status = results[student].status
    assert status.startswith(REFUSED), status
    assert re.match(FORGED[student], status[len(REFUSED):]), status
    assert results[student].score is None and not results[student].cells
    with Gradebook(db_url(course)) as gb:
        with pytest.raises(MissingEntry):
            gb.find_submission(EN, student)
    for stage in ("autograded", "feedback"):
        assert not (course / stage / student).exists(), (stage, student)
    assert f"{student} / {EN}: the worker's result was refused: " in printed


def test_no_file_is_written_outside_the_submissions_folders(rogue_run):
    course, *_ = rogue_run
    assert not list(course.parent.rglob("evil.txt")) and not list(course.parent.rglob("extra.txt"))
    assert not list(course.rglob("sub"))
    assert not [p for p in course.rglob("*") if p.is_file() and MARK in p.read_bytes()]
    source = {str(p.relative_to(course / "source" / EN)) for p in (course / "source" / EN).rglob("*")}
    for stage in ("autograded", "feedback"):
        assert sorted(p.name for p in (course / stage).iterdir()) == sorted(GRADED)
        for student in GRADED:
            names = {str(p.relative_to(course / stage / student / EN)) for p in (course / stage / student / EN).rglob("*")}
            assert names <= {NB, "regularization.html", "timestamp.txt"} | source, (stage, student, names)
    helper = course / "autograded" / HELPER / EN / "reg_utils.py"
    assert helper.read_bytes() == (course / "source" / EN / "reg_utils.py").read_bytes()  # the course's own copy


def test_the_honest_students_before_and_after_get_full_marks(rogue_run):
    course, results, order, printed, _, _ = rogue_run
    for student in (*HONEST, HELPER):
        r = results[student]
        assert r.status == "graded" and r.score == r.max_score > 0 and r.penalty == 0, (student, r)
        assert (course / "feedback" / student / EN / "regularization.html").is_file()
    forged = [order.index(student) for student in (*FORGED, PICKLE)]
    assert order.index("a-honest") < min(forged) and order.index("z-honest") > max(forged), order  # the run went on
    assert len(results) == len(GRADED) + len(FORGED) + 1


def test_a_late_submission_gets_the_instructors_penalty_not_the_workers(rogue_run):
    course, results, *_ = rogue_run
    r = results[LATE_STUDENT]
    assert r.graded and r.score == r.max_score > 0
    assert r.penalty == r.score  # penalty_method "zero", from the instructor's ledger and the due date
    with Gradebook(db_url(course)) as gb:
        submission = gb.find_submission(EN, LATE_STUDENT)
        assert submission.total_seconds_late == 24 * 3600 and str(submission.timestamp).startswith("2025-03-02")
    for stage in ("autograded", "feedback"):  # the time nbgrader keeps beside the notebook is the instructor's too
        assert (course / stage / LATE_STUDENT / EN / "timestamp.txt").read_text() == times.time_text(LATE)


def test_grades_csv_and_the_report_are_written_without_forged_scores(rogue_run):
    course, results, _, printed, _, _ = rogue_run
    grades = (course / "grades.csv").read_text(encoding="utf-8")
    assert "8000" not in grades and "8100" not in grades and "-100" not in grades
    for student in GRADED:
        assert student in grades
    for student in FORGED:
        assert student not in grades
    report = (course / "report.html").read_text(encoding="utf-8")
    assert all(student in report for student in results) and "8000" not in report
    assert "not graded:" in printed and str(course / "report.html") in printed


def test_a_pickled_result_is_never_unpickled(rogue_run):
    """The instructor's client reads results as msgpack only (tools/grading/cluster.py): a rogue worker's pickle
    is refused unread, so the code it carries never runs in the instructor's process; only its submission is
    not graded, and nothing is recorded for it."""
    course, results, *_, marker = rogue_run
    assert not marker.exists()
    status = results[PICKLE].status
    assert status.startswith("not graded: the worker's result was refused: it is not plain data"), status
    assert results[PICKLE].score is None
    with Gradebook(db_url(course)) as gb:
        with pytest.raises(MissingEntry):
            gb.find_submission(EN, PICKLE)
