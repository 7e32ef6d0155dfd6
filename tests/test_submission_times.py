"""The submission time, and so nbgrader's late penalty, is the instructor's, never a file the student wrote.

On a real course (real nbgrader, its gradebook), through the instructors' commands (``python -m tools collect``,
``times``, ``grade``, run in this process on a temporary course): the students submit with nbgrader's own
``nbgrader submit`` (its ``ExchangeSubmit``, as each student) into a real exchange in a temporary folder
(``--Exchange.root``), and one of them then forges the inbound entry (its ``timestamp.txt`` says 2020, its name
too, its files' times are set back to 2020 with ``utime``). The pack's collect records the entry's arrival (its
latest ``ctime``), which none of that moves back; grading takes the time from the ledger, and a ``timestamp.txt``
in the submission folder (2020) changes neither the recorded time nor the penalty. A late submission shows its
final score (the score minus nbgrader's penalty) in the terminal table, ``report.html`` and ``grades.csv``.
"""
import contextlib
import csv
import io
import json
import os
import signal
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeReleaseAssignment, ExchangeSubmit
from traitlets.config import Config

from tools import notebooks
from tools.__main__ import main
from tools.course import ASSIGNMENTS
from tools.grading import times
from tools.grading.classroom import UNTIMED
from tools.grading.gradebook import db_url, load_config
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

A = ASSIGNMENTS["regularization"]
EN, PT, NB = A.folder("en"), A.folder("pt"), A.notebook
DUE = "2025-03-01 00:00:00"
LATE = "2025-03-02 00:00 UTC"
FORGED = "2020-01-01 00:00:00.000000 UTC"  # what a student writes into timestamp.txt
EPOCH_2020 = datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp()


def utc_now(offset=0.0):
    return datetime.fromtimestamp(time.time() + offset, timezone.utc).replace(tzinfo=None)


def run(*argv):
    """``python -m tools ARGV`` on the course the test patched in: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def at(monkeypatch):
    """Point the commands at a course: ``at(course)``."""
    return lambda course: monkeypatch.setattr("tools.course.ROOT", Path(course))


# --- times and the ledger --------------------------------------------------------------------------------------

def test_a_time_needs_its_offset():
    assert times.parse_time("2026-11-20 10:00 -03:00") == datetime(2026, 11, 20, 13, 0)
    assert times.parse_time("2026-11-20T13:00:00.5Z") == datetime(2026, 11, 20, 13, 0, 0, 500000)
    assert times.parse_time("2026-11-20 13:00:00.000000 UTC") == datetime(2026, 11, 20, 13, 0)
    assert times.parse_time(times.time_text(datetime(2026, 1, 2, 3, 4, 5, 6))) == datetime(2026, 1, 2, 3, 4, 5, 6)
    for text in ("2026-11-20 10:00", "yesterday", "2026-13-01 10:00 UTC", "10:00 UTC", ""):
        with pytest.raises(times.LedgerError):
            times.parse_time(text)


def test_the_ledger_keeps_every_other_entry_and_any_id(tmp_path):
    odd = "\x1bc=1+1\r\nana\u202e"
    times.record(tmp_path, [(EN, "ana", datetime(2026, 1, 1), "one"), (EN, odd, datetime(2026, 1, 2), "two")])
    times.record(tmp_path, [(EN, "ana", datetime(2026, 1, 3), "three"), (PT, "ana", datetime(2026, 1, 4), "four")])
    assert times.read(tmp_path) == {(EN, "ana"): (datetime(2026, 1, 3), "three"),
                                    (EN, odd): (datetime(2026, 1, 2), "two"),
                                    (PT, "ana"): (datetime(2026, 1, 4), "four")}
    assert [p.name for p in tmp_path.iterdir()] == [times.LEDGER]  # no temporary file left behind
    (tmp_path / times.LEDGER).write_text('{"x": {"ana": {"time": "2020-01-01"}}}')
    with pytest.raises(times.LedgerError, match="is not a time with its offset"):
        times.read(tmp_path)  # a broken ledger stops grading: nobody is silently on time


def test_times_set_import_and_list_through_the_command(tmp_path, at):
    course = make_course(tmp_path / "course", with_release=False)
    at(course)
    assert run("times", "set", EN, "ana", "2026-11-20 10:00 -03:00")[0] == 0
    table = tmp_path / "moodle-times.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["assignment", "student_id", "time"], [PT, "bruno", "2026-11-21 09:30 -03:00"],
                                      [EN, "=cmd|' /C calc'!A0", "2026-11-19T12:00:00Z"]])
    assert run("times", "import", str(table))[0] == 0
    code, out, _ = run("times", "list")
    assert code == 0 and out.splitlines() == [
        f"{EN}\t=cmd|' /C calc'!A0\t2026-11-19 12:00:00.000000 UTC\timported from moodle-times.csv",
        f"{EN}\tana\t2026-11-20 13:00:00.000000 UTC\tset by hand",
        f"{PT}\tbruno\t2026-11-21 12:30:00.000000 UTC\timported from moodle-times.csv"]
    code, _, err = run("times", "set", EN, "ana", "2026-11-20 10:00")  # no offset: refused, nothing changed
    assert code == 2 and "not a time with its offset" in err
    assert run("times", "set", "homework_en", "ana", "2026-11-20 10:00 UTC")[0] == 2
    table.write_text(f"assignment,student_id,time\n{EN},carla,2026-11-20 10:00 UTC\n{EN},diego,tomorrow\n")
    code, _, err = run("times", "import", str(table))
    assert code == 2 and "line 3" in err and (EN, "carla") not in times.read(course)  # all rows or none
    assert times.read(course)[EN, "ana"].time == datetime(2026, 11, 20, 13, 0)


def test_arrival_is_the_latest_ctime_which_utime_cannot_set_back(tmp_path):
    started = utc_now(-1)
    entry = tmp_path / "ana+regularization_en+2020-01-01 00:00:00.000000 UTC+x"
    (entry / "sub").mkdir(parents=True)
    for path in (entry / NB, entry / "timestamp.txt", entry / "sub" / "f"):
        path.write_text("x")
    os.symlink("/etc/hostname", entry / "link")
    for path in (entry / NB, entry / "timestamp.txt", entry / "sub" / "f", entry / "sub", entry):
        os.utime(path, (EPOCH_2020, EPOCH_2020))
    assert started <= times.arrival(entry) <= utc_now(1)
    assert datetime.fromtimestamp(os.stat(entry / NB).st_mtime, timezone.utc).year == 2020


# --- collect from a real nbgrader exchange ---------------------------------------------------------------------

def student_config(exchange, home, student):
    config = Config()
    config.CourseDirectory.course_id = "dl-numpy-pt-en"
    config.CourseDirectory.student_id = student
    config.Exchange.root = str(exchange)
    config.Exchange.cache = str(home / ".nbgrader_cache")
    config.Exchange.assignment_dir = str(home)
    return config


def exchange_app(cls, config, assignment_id):
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment_id
    return cls(coursedir=coursedir, authenticator=Authenticator(config=config), config=config)


def submit(exchange, base, student, notebook):
    """``nbgrader fetch_assignment`` and ``nbgrader submit`` as ``student`` (nbgrader's own exchange classes):
    the inbound entry it wrote."""
    home = base / "home" / student
    home.mkdir(parents=True)
    config = student_config(exchange, home, student)
    exchange_app(ExchangeFetchAssignment, config, EN).start()
    notebooks.write(notebook, home / EN / NB)
    app = exchange_app(ExchangeSubmit, config, EN)
    app.start()
    return Path(app.inbound_path) / app.assignment_filename


def forge(entry):
    """What a student can do to their own inbound entry: write 2020 into its timestamp.txt and its name, and set
    every file's times back to 2020. Returns the entry's new path."""
    (entry / "timestamp.txt").write_text(FORGED)
    forged = entry.with_name(f"{entry.name.split('+')[0]}+{EN}+{FORGED}+forged")
    entry.rename(forged)
    for path in [*forged.rglob("*"), forged]:
        os.utime(path, (EPOCH_2020, EPOCH_2020), follow_symlinks=False)
    return forged


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """A course (penalty "zero", due date in the past) whose students submitted through a real exchange: ``ana``
    forged her entry, ``bruno`` did not; then ``python -m tools collect EN --Exchange.root=...``.
    (course, exchange, {student: (submitted no earlier than, collected no later than)}, printed, forged entry)."""
    base = tmp_path_factory.mktemp("times")
    course = make_course(base / "course", with_release=False)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    release(course, [EN])
    with Gradebook(db_url(course)) as gb:
        gb.update_or_create_assignment(EN, duedate=DUE)
    exchange = base / "exchange"
    instructor = load_config(course)
    instructor.Exchange.root = str(exchange)
    exchange_app(ExchangeReleaseAssignment, instructor, EN).start()  # nbgrader release_assignment
    correct = fill(notebooks.read(course / "release" / EN / NB), notebooks.read(course / "source" / EN / NB))
    window = {}
    window["ana"] = utc_now(-1)
    entry = forge(submit(exchange, base, "ana", correct))
    window["bruno"] = utc_now(-1)
    submit(exchange, base, "bruno", correct)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tools.course.ROOT", course)
        code, out, err = run("collect", EN, f"--Exchange.root={exchange}", "--ExchangeCollect.check_owner=False")
    assert code == 0, (out, err)
    window = {student: (start, utc_now(1)) for student, start in window.items()}
    return course, exchange, window, out, entry


def test_collect_records_the_arrival_of_what_it_collected(collected):
    course, _, window, printed, _ = collected
    ledger = times.read(course)
    for student, (start, end) in window.items():
        entry = ledger[EN, student]
        assert start <= entry.time <= end, (student, entry)
        assert entry.source.startswith("nbgrader exchange: arrival (ctime) of inbound entry " f"{student}+{EN}+")
        assert (course / "submitted" / student / EN / NB).is_file()
        assert f"{student} / {EN}: arrived {entry.text}" in printed
    assert "collected 2 submissions" in printed


def test_a_forged_inbound_entry_does_not_move_the_time(collected):
    course, _, window, _, entry = collected
    recorded = times.read(course)[EN, "ana"]
    assert recorded.time >= window["ana"][0] and recorded.time.year != 2020
    assert recorded.source.endswith(entry.name)  # the forged entry is the one collected...
    assert (course / "submitted" / "ana" / EN / "timestamp.txt").read_text() == FORGED  # ...as nbgrader copies it


def test_collecting_again_copies_nothing_and_keeps_the_times(collected, at):
    course, exchange, _, _, _ = collected
    at(course)
    before = (course / times.LEDGER).read_bytes()
    code, out, _ = run("collect", EN, f"--Exchange.root={exchange}", "--ExchangeCollect.check_owner=False")
    assert code == 0 and "collected 0 submissions" in out
    assert f"ana / {EN}: not copied (collected before" in out
    assert (course / times.LEDGER).read_bytes() == before


def test_collect_stops_with_nbgraders_reason_and_refuses_unknown_options(collected, at, tmp_path):
    course, _, _, _, _ = collected
    at(course)
    code, _, err = run("collect", EN, f"--Exchange.root={tmp_path / 'nowhere'}")
    assert code == 1 and "nbgrader collect failed" in err
    with pytest.raises(SystemExit):
        run("collect", EN, "--exchange-root", "x")
    with pytest.raises(SystemExit):
        run("times", "list", "--Exchange.root=x")


# --- grading: the ledger's time, never the folder's ----------------------------------------------------------------

@pytest.fixture(scope="module")
def graded(collected):
    """The collected class, plus submissions put into ``submitted/`` by hand, graded by ``python -m tools grade``:
    ``carla``: ledger LATE (``times set``), her folder's timestamp.txt 2020; ``diego``: ledger LATE, no
    timestamp.txt; ``eva``: no ledger entry, timestamp.txt 2020. (course, results by student, printed)."""
    from tools.grading import classroom
    course, *_ = collected
    correct = notebooks.read(course / "submitted" / "bruno" / EN / NB)
    for student in ("carla", "diego", "eva"):
        notebooks.write(correct, course / "submitted" / student / EN / NB)
    for student in ("carla", "eva"):
        (course / "submitted" / student / EN / "timestamp.txt").write_text(FORGED)
    graded = []

    def spy(*args, **kwargs):
        graded.extend(real(*args, **kwargs))
        return graded

    real = classroom.grade_class
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("grading blocked")))
    signal.alarm(900)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("tools.course.ROOT", course)
            patch.setattr(classroom, "grade_class", spy)
            for student in ("carla", "diego"):
                assert run("times", "set", EN, student, LATE)[0] == 0
            code, printed, err = run("grade", EN, "--jobs", "2")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 0, (printed, err)
    return course, {r.student: r for r in graded}, printed


def submission_rows(course):
    with Gradebook(db_url(course)) as gb:
        return {s.student.id: (s.timestamp, s.total_seconds_late, s.score, s.late_submission_penalty)
                for s in gb.assignment_submissions(EN)}


@pytest.mark.slow
def test_a_students_timestamp_changes_neither_the_time_nor_the_penalty(graded):
    course, results, _ = graded
    rows = submission_rows(course)
    late = datetime(2025, 3, 2)
    assert rows["carla"] == rows["diego"] == (late, 24 * 3600, 12.0, 12.0)  # 2020 in carla's folder: no effect
    assert rows["eva"] == (None, 0, 12.0, 0.0)  # no ledger entry: no time, whatever her folder says
    assert results["eva"].status == f"graded ({UNTIMED})" and results["eva"].penalty == 0
    for student in ("carla", "diego"):
        assert results[student].status == "graded" and results[student].penalty == 12
        for stage in ("autograded", "feedback"):  # what nbgrader keeps beside them is the instructor's time
            assert (course / stage / student / EN / "timestamp.txt").read_text() == times.time_text(late)
    assert not (course / "autograded" / "eva" / EN / "timestamp.txt").exists()


@pytest.mark.slow
def test_a_collected_late_submission_gets_its_penalty_from_its_arrival(graded):
    course, results, _ = graded
    rows, ledger = submission_rows(course), times.read(course)
    for student in ("ana", "bruno"):  # collected now, long after the due date; ana's 2020 claims change nothing
        timestamp, seconds_late, score, penalty = rows[student]
        assert timestamp == ledger[EN, student].time and seconds_late > 0 and penalty == score == 12
        assert results[student].penalty == 12


@pytest.mark.slow
def test_a_late_submission_shows_its_final_score_everywhere(graded):
    course, results, printed = graded
    table = {line.split()[0]: line for line in printed.split("\n\n")[0].strip().splitlines()[1:]}
    for student in ("ana", "bruno", "carla", "diego"):
        assert table[student].endswith(" 0/12 (late: -12)"), table[student]
        page = (course / "report.html").read_text(encoding="utf-8")
        row = page[page.index(f"data-student='{student}'"):]
        assert "0 / 12 (late: \u221212)" in row[:row.index("</tr>")]
    assert table["eva"].endswith(" 12/12")
    with open(course / "grades.csv", encoding="utf-8", newline="") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    for student in ("carla", "diego"):
        assert rows[student]["timestamp"] == "2025-03-02 00:00:00"
        assert (rows[student]["raw_score"], rows[student]["late_submission_penalty"], rows[student]["score"]) == \
            ("12.0", "12.0", "0.0")
    assert rows["eva"]["timestamp"] == "" and rows["eva"]["score"] == "12.0"
    assert json.loads((course / times.LEDGER).read_text())[EN]["carla"]["source"] == "set by hand"
