"""What reaches the instructor's process is hostile data: submission folders and student ids are the students'.

The fast tests check the intake (``tools/grading/intake.py``) and the helpers on names, on folders made in
``tmp_path``. The end-to-end tests grade one class through the instructors' path (``grade_class`` and the
``report`` that ``python -m tools grade`` prints and writes, then the real ``nbgrader export`` with the LMS
exporters) in a fresh course: links to files and folders outside, a FIFO, a device, a linked notebook, a
600 MiB (sparse) extra file, ids with terminal escapes, a spreadsheet formula and ``[``, and a late submission
under nbgrader's "zero" late penalty (late by the instructor's ledger of submission times, while every folder's
own ``timestamp.txt`` claims 2020).
"""
import contextlib
import csv
import io
import os
import signal
import stat
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.plugins import CsvExportPlugin
from sqlalchemy.exc import SAWarning

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.grading import intake, times
from tools.grading.classroom import Result, grade_class, locate_notebook, unreadable_reason
from tools.grading.gradebook import db_url
from tools.grading.intake import csv_cell, id_problem, printable
from tools.lms import GradesCsvExportPlugin, moodle_table, write_csv
from tools.nbgrader_run import make_course, nbgrader, release
from tools.report import print_table, write_html
from tools.submissions import fill

A = ASSIGNMENTS["regularization"]
EN = A.folder("en")
NB = A.notebook
MIB = 2**20
CONTROLS = [chr(c) for c in [*range(0x20), 0x7f, *range(0x80, 0xa0)]] + ["\u202e", "\u2028", "\udcff"]


@pytest.fixture
def deadline():
    """Fail, instead of hanging, if a test blocks (a FIFO opened for reading blocks until a writer comes)."""
    def expired(*_):
        raise TimeoutError("blocked: something opened a FIFO")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def submission(tmp_path, student="ana", text="{}"):
    """``tmp_path/submitted/<student>/regularization_en/`` with a notebook holding ``text``."""
    folder = tmp_path / "submitted" / student / EN
    folder.mkdir(parents=True)
    (folder / NB).write_text(text, encoding="utf-8")
    return folder


def take(tmp_path, student="ana"):
    return intake.take(tmp_path / "submitted", student, EN)


# --- names are data ------------------------------------------------------------------------------------------

def test_printable_shows_every_control_character_as_an_escape():
    for character in CONTROLS:
        shown = printable(f"a{character}b")
        assert shown.isprintable() and shown.isascii() and shown.startswith("a\\") and shown.endswith("b"), shown
    assert printable("\x1b[2J\x1b[H") == "\\x1b[2J\\x1b[H"
    assert printable("eve\r\nana") == "eve\\r\\nana"
    assert printable("\u009b2J") == "\\x9b2J"
    assert printable("João Conceição, 'o brien'") == "João Conceição, 'o brien'"  # ordinary text unchanged
    assert printable(printable("\x1bc\u202e")) == printable("\x1bc\u202e")


@pytest.mark.parametrize("kind", ["hex", "link", "oversize", "markup", "folder", "missing"])
def test_only_a_secret_as_nbgrader_submit_writes_it_leaves_the_submission(tmp_path, kind):
    """``submission_secret.txt`` goes from the student's folder to ``autograded/`` and ``feedback/`` (nbgrader's
    release_feedback reads it): only a regular file of hex digits within SECRET_LIMIT; a link is never followed."""
    folder = tmp_path / "submitted" / "ana" / "regularization_en"
    folder.mkdir(parents=True)
    secret, path = "ab" * 64, folder / intake.SECRET
    outside = tmp_path / "instructor-only.txt"
    outside.write_text("cafe" * 8)  # hex, so only the link's refusal keeps it in
    made = {"hex": lambda: path.write_text(secret), "link": lambda: path.symlink_to(outside),
            "oversize": lambda: path.write_text("a" * (intake.SECRET_LIMIT + 1)),
            "markup": lambda: path.write_text(secret + "<script>"), "folder": lambda: path.mkdir(),
            "missing": lambda: None}
    made[kind]()
    found = intake.submission_secret(tmp_path / "submitted", "ana", "regularization_en")
    assert found == (secret.encode() if kind == "hex" else None)


def test_csv_cell_guards_formulas_and_keeps_numbers():
    for text in ("=2+5+cmd|' -c calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-", "=", "-x"):
        assert csv_cell(text) == "'" + text
    for value in ("-1.5", "+2", "12", "0.3333", "-1e-05", "ana", "", "o'brien", 12.0, -1.5, None):
        assert csv_cell(value) == value


@pytest.mark.parametrize("student, mark", [("br[a]ck", "[ and ]"), ("star*", "*"), ("what?", "?"),
                                           ("\x1b[2Jwipe", "[")])
def test_an_id_nbgrader_globs_is_refused_with_the_reason(student, mark):
    problem = id_problem(student)
    assert problem == (f"the student id '{printable(student)}' contains {mark}, which nbgrader reads as a file "
                       "pattern and cannot grade; rename the folder")
    assert problem.isprintable()


def test_ids_nbgrader_strips_or_cannot_store_are_refused():
    assert "starts or ends with a space" in id_problem(" ana")
    assert "starts or ends with a space" in id_problem("ana\t")
    assert "contains a line break" in id_problem("eve\nana")
    assert "not UTF-8" in id_problem("b\udcffd")
    for student in ("ana", "João", "=2+5+cmd|' -c calc'!A0", "\x1bcmallory", "o'brien", "a b"):
        assert id_problem(student) is None, student


@pytest.mark.parametrize("student", ["<img src=x onerror=alert(1)>", 'x";alert(1);"', "a&b", "back\\slash", "`x`"])
def test_an_id_the_formgrader_would_read_as_markup_is_refused(student):
    """nbgrader's formgrader writes student ids into its pages unescaped (``var student_id = "{{ student_id }}"``)."""
    assert "which the formgrader's pages would read as HTML" in id_problem(student)


# --- the intake reads regular files only, and only what grading needs ----------------------------------------

def test_links_fifos_and_devices_are_skipped_unopened_and_named(tmp_path, deadline):
    folder = submission(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET")
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    os.symlink(outside, folder / "linked-folder")
    os.symlink("/proc/self/environ", folder / "environ")
    os.mkfifo(folder / "pipe")
    (folder / "sub").mkdir()
    os.mkfifo(folder / "sub" / "deeper-pipe")
    taken = take(tmp_path)
    assert taken.reason is None and taken.notebook == NB and taken.files == {NB: b"{}"}
    assert taken.note == ("skipped, not read: environ (symbolic link), linked-folder (symbolic link), pipe (FIFO), "
                          "secret.txt (symbolic link), sub/deeper-pipe (FIFO)")


def test_a_device_is_never_opened(tmp_path, deadline):
    folder = submission(tmp_path)
    try:
        os.mknod(folder / "zero", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: endless if read
    except PermissionError:
        pytest.skip("no permission to make a device node here")
    assert take(tmp_path).note == "skipped, not read: zero (character device)"


def test_only_the_notebook_goes_to_the_worker(tmp_path):
    folder = submission(tmp_path)
    (folder / "timestamp.txt").write_text("2020-01-01 00:00:00.000000 UTC")  # the student's: never read
    (folder / "notes.txt").write_text("extra")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "regularization-checkpoint.ipynb").write_text("{}")
    taken = take(tmp_path)
    assert set(taken.files) == {NB} and taken.note == "" and not hasattr(taken, "timestamp")
    assert intake.submission_files(tmp_path / "submitted", "ana", EN) == taken.files


def test_a_linked_notebook_is_not_graded_and_says_why(tmp_path, deadline):
    folder = submission(tmp_path)
    (folder / NB).unlink()
    (tmp_path / "elsewhere.ipynb").write_text("{}")
    os.symlink(tmp_path / "elsewhere.ipynb", folder / NB)
    taken = take(tmp_path)
    assert taken.reason == f"{NB} is a symbolic link: not read, not graded" and taken.files == {}
    assert locate_notebook(folder, NB) == (None, taken.reason)
    assert unreadable_reason(folder / NB) == f"{NB} is a symbolic link: not read"
    (folder / NB).unlink()
    os.mkfifo(folder / NB)
    assert take(tmp_path).reason == f"{NB} is a FIFO: not read, not graded"


def test_a_linked_notebook_under_another_name_is_not_taken_as_renamed(tmp_path):
    folder = submission(tmp_path)
    (folder / NB).unlink()
    os.symlink("/etc/hostname", folder / "copy.ipynb")
    assert take(tmp_path).reason == f"no {NB} in the submission"


@pytest.mark.parametrize("link", ["student", "submission"])
def test_a_linked_student_or_submission_folder_is_not_read(tmp_path, link):
    real = submission(tmp_path, "real")
    target = real if link == "submission" else real.parent
    where = tmp_path / "submitted" / "mallory" / EN if link == "submission" else tmp_path / "submitted" / "mallory"
    where.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, where)
    taken = take(tmp_path, "mallory")
    assert taken.reason.endswith("is a symbolic link: not read") and taken.files == {}


def test_a_notebook_over_its_cap_is_refused_before_reading(tmp_path):
    folder = submission(tmp_path)
    os.truncate(folder / NB, 17 * MIB)  # sparse: nothing written to disk
    assert take(tmp_path).reason == f"{NB} is 17 MiB, over the 16 MiB limit"
    assert unreadable_reason(folder / NB) == f"{NB} is 17 MiB, over the 16 MiB limit"


def test_a_submission_over_its_cap_is_refused_before_reading(tmp_path):
    folder = submission(tmp_path)
    (folder / "data").mkdir()
    (folder / "data" / "big.bin").touch()
    os.truncate(folder / "data" / "big.bin", 600 * MIB)
    started = time.perf_counter()
    taken = take(tmp_path)
    assert time.perf_counter() - started < 1
    assert taken.reason == ("the submission folder holds 600 MiB (the largest file, data/big.bin, is 600 MiB), "
                            "over the 256 MiB limit; nothing in it was read") and taken.files == {}


def test_too_many_entries_are_refused(tmp_path, monkeypatch):
    folder = submission(tmp_path)
    for i in range(5):
        (folder / f"f{i}").touch()
    monkeypatch.setattr(intake, "ENTRY_LIMIT", 4)
    assert take(tmp_path).reason == "the submission folder holds more than 4 files and folders"


@pytest.mark.parametrize("make, note", [
    (lambda p: os.symlink("/etc/hostname", p), "skipped, not read: timestamp.txt (symbolic link)"),
    (lambda p: os.mkfifo(p), "skipped, not read: timestamp.txt (FIFO)"),
    (lambda p: p.write_text("x" * 2000), ""),
    (lambda p: p.write_text("not a time"), "")])
def test_the_folders_timestamp_is_never_read_whatever_it_is(tmp_path, deadline, make, note):
    """The submission time is the instructor's (tools/grading/times.py): the folder's timestamp.txt is the
    student's, read by nobody, and whatever it is the submission is graded."""
    folder = submission(tmp_path)
    make(folder / "timestamp.txt")
    taken = take(tmp_path)
    assert taken.reason is None and taken.files == {NB: b"{}"} and taken.note == note


def test_odd_names_are_shown_printable_in_the_status(tmp_path):
    folder = submission(tmp_path)
    (folder / NB).rename(folder / "\x1b[2Jrenamed.ipynb")
    os.mkfifo(folder / "\x1bc\rpipe")
    taken = take(tmp_path)
    assert taken.note == ("\\x1b[2Jrenamed.ipynb graded as regularization.ipynb; "
                          "skipped, not read: \\x1bc\\rpipe (FIFO)")
    assert taken.rename == ("\x1b[2Jrenamed.ipynb", NB)
    assert set(intake.submission_files(tmp_path / "submitted", "ana", EN, taken.rename)) == {"\x1b[2Jrenamed.ipynb"}


# --- CSV files ------------------------------------------------------------------------------------------------

ORDINARY = {"ana": (5.0, 0.0, "2025-02-28 10:00:00"), "bruno": (2.5, 2.5, "2025-03-02 09:30:00"),
            "carla": (None, None, None), "diego": (0.0, 0.0, None), "joão-1": (4.0, 1.0, "2025-03-01 00:00:01")}
HOSTILE = ["=2+5+cmd|' -c calc'!A0", "-1+2", "x,y,0,0", 'quote"d', "eve\r\nana,hw,,,,,,5,0,5,5", "\x1bcmallory",
           "@SUM(A1)", "\ttab"]


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory):
    """A gradebook: assignment ``hw`` (due date, one 5-point cell) and ``other``; per student of ``ORDINARY``
    (score, late penalty, timestamp) of ``hw``, and every ``HOSTILE`` id with 1 point."""
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    url = f"sqlite:///{path}"
    previous = os.environ["PATH"]
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), previous])  # nbgrader runs `alembic`
    try:
        with Gradebook(url) as gb:
            gb.add_assignment("hw", duedate="2025-03-01 00:00:00")
            gb.add_notebook("p1", "hw")
            gb.add_grade_cell("c1", "p1", "hw", max_score=5, cell_type="code")
            gb.add_assignment("other")
            students = {**ORDINARY, **{student: (1.0, 0.0, None) for student in HOSTILE}}
            for student, (score, penalty, timestamp) in students.items():
                gb.add_student(student, first_name="João", last_name="da Silva", email=f"{len(student)}@example.com")
                if score is None:
                    continue
                with warnings.catch_warnings():
                    # nbgrader's add_submission touches a relationship before its session flush; SQLAlchemy 2
                    # says so (autograde does the same); the rows are written correctly.
                    warnings.filterwarnings("ignore", category=SAWarning)
                    submission = gb.add_submission("hw", student,
                                                   timestamp=timestamp and datetime.fromisoformat(timestamp))
                notebook = submission.notebooks[0]
                notebook.late_submission_penalty = penalty
                notebook.grades[0].manual_score = score
                gb.db.commit()
    finally:
        os.environ["PATH"] = previous
    return url


def export_with(plugin, url, to, students=()):
    with Gradebook(url) as gb:
        plugin(to=str(to), student=list(students)).export(gb)
    return Path(to).read_bytes()


def test_grades_csv_is_nbgrader_s_own_byte_for_byte_for_ordinary_ids(gradebook, tmp_path):
    ours = export_with(GradesCsvExportPlugin, gradebook, tmp_path / "ours.csv", ORDINARY)
    assert ours == export_with(CsvExportPlugin, gradebook, tmp_path / "nbgrader.csv", ORDINARY)
    assert len(ours.decode().splitlines()) == 1 + 2 * len(ORDINARY)


def test_grades_csv_quotes_and_guards_hostile_ids(gradebook, tmp_path):
    export_with(GradesCsvExportPlugin, gradebook, tmp_path / "grades.csv")
    with open(tmp_path / "grades.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert all(len(row) == 11 for row in rows) and len(rows) == 1 + 2 * (len(ORDINARY) + len(HOSTILE))
    assert {row[3] for row in rows[1:]} == {csv_cell(student) for student in [*ORDINARY, *HOSTILE]}
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [cell for row in rows for cell in row if cell[:1] == "-" and csv_cell(cell) != cell]


def test_lms_csv_cells_are_guarded_and_scores_stay_numbers(tmp_path):
    table = moodle_table([{"student_id": "a", "email": "=cmd|' /C calc'!A0"}, {"student_id": "b", "email": "b@x"}],
                         [], {}, "email")
    table[1].append("-1.5")
    write_csv(tmp_path / "moodle.csv", table)
    with open(tmp_path / "moodle.csv", encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [["Email address"], ["'=cmd|' /C calc'!A0", "-1.5"], ["b@x"]]


# --- the terminal table and report.html show the final score -------------------------------------------------

def test_the_table_shows_the_final_score_with_the_late_penalty(tmp_path):
    course = make_course(tmp_path / "course", with_release=False)
    results = [Result("late", EN, score=12.0, max_score=12.0, penalty=12.0),
               Result("partly", EN, score=12.0, max_score=12.0, penalty=3.5),
               Result("\x1b[2J\x1b[Hfake", EN, status="not graded: the student id '\\x1b[2J\\x1b[Hfake' contains ["),
               Result("=1+1\r\nana", EN, score=6.0, max_score=12.0, status="graded (skipped, not read: \x1bc (FIFO))")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_table(results, course)
    text = out.getvalue()
    assert "0/12 (late: -12)" in text and "8.5/12 (late: -3.5)" in text
    assert "=1+1\\r\\nana" in text and "\\x1bc (FIFO)" in text and "\\x1b[2J\\x1b[Hfake" in text
    assert text.isascii() and all(c.isprintable() or c == "\n" for c in text)
    page = write_html(results, course / "report.html").read_text(encoding="utf-8")
    assert "0 / 12 (late: \u221212)" in page and "=1+1\\r\\nana" in page and "\x1b" not in page and "\r" not in page


# --- end to end: the instructors' command on a hostile class ----------------------------------------------------

MARKER = "HOSTILE-INTAKE-MARKER-7f3a"
DUE, LATE, EARLY = "2025-03-01 00:00:00", datetime(2025, 3, 2), datetime(2025, 2, 28)
FORGED = "2020-01-01 00:00:00.000000 UTC"  # what every folder's own timestamp.txt says: it changes nothing
GRADED = {"honest": "honest", "linker": "linker", "late": "late", "formula": "=2+5+cmd|' -c calc'!A0",
          "reset": "\x1bc\x07mallory", "fake-line": "\u009b2Jeve\rhonest      12 of 12"}
NOT_GRADED = {"linked-notebook": "linked-notebook", "hoarder": "hoarder", "glob": "br[a]ck",
              "wipe": "\x1b[2J\x1b[Hwipe", "new-line": "eve\nhonest      12 of 12"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The class graded by `grade_class`, the printed report, and the course."""
    course = make_course(tmp_path_factory.mktemp("hostile"), with_release=False)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    release(course, [EN])
    with Gradebook(db_url(course)) as gb:
        gb.update_or_create_assignment(EN, duedate=DUE)
    correct = fill(notebooks.read(course / "release" / EN / NB), notebooks.read(course / "source" / EN / NB))
    submitted = course / "submitted"
    for student in [*GRADED.values(), *NOT_GRADED.values()]:
        notebooks.write(correct, submitted / student / EN / NB)
        (submitted / student / EN / "timestamp.txt").write_text(FORGED)
    times.record(course, [(EN, student, LATE if student == "late" else EARLY, "the instructor's")
                          for student in [*GRADED.values(), *NOT_GRADED.values()]])
    outside = course.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(MARKER)
    linker = submitted / "linker" / EN
    os.symlink(outside / "secret.txt", linker / "secret.txt")
    os.symlink(outside, linker / "linked-folder")
    os.symlink("/proc/self/environ", linker / "environ")
    os.mkfifo(linker / "pipe")
    linked = submitted / "linked-notebook" / EN / NB
    linked.unlink()
    os.symlink(submitted / "honest" / EN / NB, linked)
    big = submitted / "hoarder" / EN / "data.bin"
    big.touch()
    os.truncate(big, 600 * MIB)
    os.environ["HOSTILE_INTAKE"] = MARKER  # what /proc/self/environ would show of the grader
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("grading blocked")))
    signal.alarm(900)
    try:
        started = time.perf_counter()
        results = grade_class(course, [EN], jobs=2, progress=False)
        seconds = time.perf_counter() - started
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            from tools.report import report
            report(results, course)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        os.environ.pop("HOSTILE_INTAKE", None)
    return course, {r.student: r for r in results}, out.getvalue(), seconds


def all_bytes(folder):
    return [(p, p.read_bytes()) for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink()]


@pytest.mark.slow
def test_links_and_fifos_reach_neither_autograded_nor_feedback(hostile):
    course, results, _, _ = hostile
    linker = results["linker"]
    assert linker.graded and linker.score == linker.max_score == 12, linker.status
    assert linker.status == ("graded (skipped, not read: environ (symbolic link), linked-folder (symbolic link), "
                             "pipe (FIFO), secret.txt (symbolic link))")
    for stage in ("autograded", "feedback"):
        names = {p.name for p in (course / stage / "linker" / EN).rglob("*")}
        assert not names & {"secret.txt", "linked-folder", "environ", "pipe"}, (stage, names)
        leaked = [p for p, data in all_bytes(course / stage) if MARKER.encode() in data]
        assert not leaked, leaked


@pytest.mark.slow
def test_a_linked_notebook_is_not_graded(hostile):
    course, results, _, _ = hostile
    assert results["linked-notebook"].status == f"not graded: {NB} is a symbolic link: not read, not graded"
    assert not (course / "autograded" / "linked-notebook").exists()


@pytest.mark.slow
def test_a_600_mib_extra_file_is_refused_unread(hostile):
    course, results, _, seconds = hostile
    assert results["hoarder"].status == (
        "not graded: the submission folder holds 600 MiB (the largest file, data.bin, is 600 MiB), over the "
        "256 MiB limit; nothing in it was read")
    assert not (course / "autograded" / "hoarder").exists()
    assert results["honest"].graded and results["honest"].score == 12


@pytest.mark.slow
def test_an_id_nbgrader_cannot_grade_gets_a_status_and_the_class_goes_on(hostile):
    _, results, _, _ = hostile
    assert results["br[a]ck"].status == ("not graded: the student id 'br[a]ck' contains [ and ], which nbgrader "
                                         "reads as a file pattern and cannot grade; rename the folder")
    assert results["\x1b[2J\x1b[Hwipe"].status.startswith("not graded: the student id '\\x1b[2J\\x1b[Hwipe' contains")
    assert results["eve\nhonest      12 of 12"].status == (
        "not graded: the student id 'eve\\nhonest      12 of 12' contains a line break, which nbgrader's path "
        "patterns do not match and so cannot grade; rename the folder")
    for student in GRADED.values():
        assert results[student].graded and results[student].score == 12, (student, results[student].status)


@pytest.mark.slow
def test_hostile_ids_are_shown_safely_on_the_terminal(hostile):
    _, _, printed, _ = hostile
    assert printed.isascii() and all(c.isprintable() or c == "\n" for c in printed), repr(printed[:2000])
    rows = {line.split()[0]: line for line in printed.split("\n\n")[0].strip().splitlines()[1:]}
    assert rows["\\x1bc\\x07mallory"].endswith(" 12/12")
    assert rows["\\x9b2Jeve\\rhonest"].startswith("\\x9b2Jeve\\rhonest      12 of 12 ")
    assert rows["\\x9b2Jeve\\rhonest"].endswith(" 12/12")
    assert rows["eve\\nhonest"].endswith(" not graded")
    assert rows["late"].endswith(" 0/12 (late: -12)")
    assert rows["=2+5+cmd|'"].endswith(" 12/12")
    assert "br[a]ck / regularization_en: the student id 'br[a]ck' contains [ and ]" in printed


@pytest.mark.slow
def test_hostile_ids_are_exported_safely(hostile, tmp_path):
    course, results, _, _ = hostile
    with open(course / "grades.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert all(len(row) == 11 for row in rows)
    by_id = {row[3]: row for row in rows[1:]}
    recorded = {*GRADED.values(), *NOT_GRADED.values()}
    assert set(by_id) == {csv_cell(student) for student in recorded}
    assert by_id["'=2+5+cmd|' -c calc'!A0"][9] == "12.0"
    assert by_id["late"][7:10] == ["12.0", "12.0", "0.0"]  # raw score, late penalty, score
    assert by_id["late"][2] == "2025-03-02 00:00:00" and by_id["honest"][2] == "2025-02-28 00:00:00"  # the ledger's
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    roster = tmp_path / "roster.csv"
    with open(roster, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "name", "username", "sis_login_id", "section"])
        for i, student in enumerate(sorted(recorded)):
            writer.writerow([student, "" if student.startswith("=") else f"=HYPERLINK(\"x\",\"{i}\")", student,
                             student, "@section"])
    for plugin, identifier in (("MoodleExportPlugin", "username"), ("CanvasExportPlugin", "sis_login_id")):
        out = tmp_path / f"{plugin}.csv"
        nbgrader(["export", f"--exporter=tools.lms.{plugin}", f"--to={out}", f"--{plugin}.roster={roster}",
                  f"--{plugin}.identifier={identifier}"], course)
        with open(out, encoding="utf-8", newline="") as handle:
            table = list(csv.reader(handle))
        assert not [cell for row in table for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], table
        ids = [row[0 if plugin == "MoodleExportPlugin" else 3] for row in table]
        assert "'=2+5+cmd|' -c calc'!A0" in ids and "\u009b2Jeve\rhonest      12 of 12" in ids
        assert "eve\nhonest      12 of 12" in ids
        late = [row for row in table if "late" in row][0]
        assert late[-1] == "0"  # regularization's column: the late penalty taken off


@pytest.mark.slow
def test_hostile_ids_and_the_late_score_are_reported_safely(hostile):
    course, _, _, _ = hostile
    page = (course / "report.html").read_text(encoding="utf-8")
    assert not [c for c in page if not c.isprintable() and c != "\n"]
    assert "data-student='\\x1bc\\x07mallory'" in page
    assert "data-student='=2+5+cmd|&#x27; -c calc&#x27;!A0'" in page
    assert "data-student='\\x1b[2J\\x1b[Hwipe'" in page
    late = page[page.index("data-student='late'"):]
    assert "0 / 12 (late: \u221212)" in late[:late.index("</tr>")]
