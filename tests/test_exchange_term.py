"""A term through nbgrader's exchange, both languages (issue 24): release, fetch, submit, a due date, a late
re-submission that replaces the first one, collect, grade, release and fetch the feedback.

Everything is nbgrader's own exchange in a temporary folder (``--Exchange.root``), driven in this process with
nbgrader's exchange classes (the code behind ``nbgrader release_assignment``, ``fetch_assignment``, ``submit
--student=NAME``, ``release_feedback``, ``fetch_feedback``; the suite runs as one unix user, so a student is named
by ``--student``, i.e. ``CourseDirectory.student_id``) and the pack's commands (``python -m tools collect``,
``due``, ``grade``). ``ana`` submits the English notebook with a declared mistake, ``bruno`` the Portuguese one,
correct; both are collected; the due date of both languages is set to just after; ``ana`` submits again, correct,
late, and ``collect --update`` replaces her first submission.
"""
import contextlib
import io
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default import (ExchangeFetchAssignment, ExchangeFetchFeedback, ExchangeReleaseAssignment,
                                       ExchangeSubmit)
from traitlets.config import Config

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.exercise import exercises
from tools.grading import times
from tools.grading.gradebook import db_url, load_config
from tools.nbgrader_run import make_course, nbgrader, release
from tools.submissions import fill

A = ASSIGNMENTS["regularization"]
EN, PT, NB = A.folder("en"), A.folder("pt"), A.notebook
COURSE_ID = "dl-numpy-pt-en"
COST = "compute_cost_with_regularization"
MISTAKE = "missing 1/2"


def run(course, *argv):
    """``python -m tools ARGV`` on ``course``, in this process: its output (a failure stops the test)."""
    from tools.__main__ import main
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        patch.setattr("tools.course.ROOT", Path(course))
        code = main(list(argv))
    assert code == 0, (argv, out.getvalue(), err.getvalue())
    return out.getvalue()


def app(cls, config, assignment_id):
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment_id
    return cls(coursedir=coursedir, authenticator=Authenticator(config=config), config=config)


def student(exchange, home, name):
    """``--student=NAME`` and the student's own folders: nbgrader's configuration of one student."""
    config = Config()
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.student_id = name
    config.Exchange.root = str(exchange)
    config.Exchange.cache = str(home / ".nbgrader_cache")
    config.Exchange.assignment_dir = str(home)
    return config


def utc_now():
    return datetime.now(timezone.utc).replace(tzinfo=None)


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    base = tmp_path_factory.mktemp("term")
    course = make_course(base / "course", with_release=False)
    release(course, [EN, PT])
    exchange = base / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)  # nbgrader's exchange: a folder every user may write
    instructor = load_config(course)
    instructor.Exchange.root = str(exchange)
    for assignment_id in (EN, PT):
        app(ExchangeReleaseAssignment, instructor, assignment_id).start()
    mistake = {COST: next(m.edits for m in exercises(A.name)[COST].mistakes if m.label == MISTAKE)}
    homes = {name: base / "home" / name for name in ("ana", "bruno")}

    def submit(name, assignment_id, edits=None, fetch=True):
        config = student(exchange, homes[name], name)
        if fetch:
            homes[name].mkdir(parents=True, exist_ok=True)
            app(ExchangeFetchAssignment, config, assignment_id).start()
        folder = course / "source" / assignment_id
        answer = fill(notebooks.read(course / "release" / assignment_id / NB), notebooks.read(folder / NB), edits)
        notebooks.write(answer, homes[name] / assignment_id / NB)
        app(ExchangeSubmit, config, assignment_id).start()

    exchange_option = f"--Exchange.root={exchange}"
    submit("ana", EN, mistake)
    submit("bruno", PT)
    for assignment_id in (EN, PT):
        run(course, "collect", assignment_id, exchange_option, "--ExchangeCollect.check_owner=False")
    first = times.read(course)
    due = utc_now()
    run(course, "due", A.name, times.time_text(due))
    while utc_now() <= due + timedelta(milliseconds=50):  # the clock passes the due date (ms)
        time.sleep(0.01)
    submit("ana", EN, fetch=False)  # again, correct, after the due date
    updated = run(course, "collect", EN, exchange_option, "--ExchangeCollect.check_owner=False", "--update")
    printed = {assignment_id: run(course, "grade", assignment_id, "--jobs", "2") for assignment_id in (EN, PT)}
    return {"course": course, "exchange": exchange, "homes": homes, "first": first, "due": due,
            "updated": updated, "printed": printed, "instructor": instructor}


def rows(course, assignment_id):
    with Gradebook(db_url(course)) as gb:
        return {s.student.id: (s.score, s.max_score, s.total_seconds_late, s.timestamp)
                for s in gb.assignment_submissions(assignment_id)}


@pytest.mark.slow
def test_the_late_resubmission_replaced_the_first_and_is_late(term):
    course, due = term["course"], term["due"]
    ledger = times.read(course)
    assert term["first"][EN, "ana"].time < due < ledger[EN, "ana"].time  # --update recorded the new arrival
    assert ledger[PT, "bruno"] == term["first"][PT, "bruno"] and ledger[PT, "bruno"].time < due
    en, pt = rows(course, EN), rows(course, PT)
    score, max_score, late, timestamp = en["ana"]
    assert score == max_score == 12 and late > 0 and timestamp == ledger[EN, "ana"].time  # the correct one, late
    assert pt["bruno"][:3] == (12, 12, 0)
    with Gradebook(db_url(course)) as gb:
        assert {a.name: a.duedate for a in gb.assignments if a.name in (EN, PT)} == {EN: due, PT: due}


@pytest.mark.slow
def test_feedback_is_released_and_fetched_in_each_language(term):
    course, exchange = term["course"], term["exchange"]
    for assignment_id in (EN, PT):
        nbgrader(["release_feedback", assignment_id, f"--Exchange.root={exchange}"], course)
    assert len(list((exchange / COURSE_ID / "feedback").glob("*.html"))) == 2
    for name, assignment_id, lang in (("ana", EN, 'lang="en"'), ("bruno", PT, 'lang="pt-BR"')):
        home = term["homes"][name]
        app(ExchangeFetchFeedback, student(exchange, home, name), assignment_id).start()
        pages = sorted((home / assignment_id / "feedback").glob(f"*/{NB.replace('.ipynb', '.html')}"))
        # ana submitted twice; the feedback is of the submission graded (the second), bruno's of his only one
        assert len(pages) == 1, pages
        text = pages[0].read_text(encoding="utf-8")
        assert lang in text and ("12 of 12" in text or "12 de 12" in text), text[:2000]
