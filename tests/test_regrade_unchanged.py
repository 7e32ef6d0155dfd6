"""Re-grading only what changed (tools/grading/unchanged.py), through the instructors' command on a real course.

``python -m tools grade`` (run in this process on a temporary course, ROOT patched) grades a class of two; then:
an unchanged re-run grades nothing and changes no byte of the gradebook's grades and comments, ``autograded/`` and
``feedback/``; a changed submission is graded again alone; a changed configuration grades everything again, as
``--force`` does, and writes the same folders, byte for byte; a manual grade and comment given in between
survive every run.
"""
import contextlib
import datetime
import io
import json
import shutil
import signal
import subprocess
import sys

import pytest
from nbgrader.api import Gradebook

from tools.__main__ import main
from tools.course import ASSIGNMENTS
from tools.grading import classroom, unchanged
from tools.grading.gradebook import Scores, db_url, submission_scores
from tools.nbgrader_run import ROOT, make_course, release
from tools.sample_class import SAMPLE, STUDENTS

A = ASSIGNMENTS["regularization"]
EN, NB = A.folder("en"), A.notebook
FULL, MISTAKES = STUDENTS["en"][:2]


def grade(course, *argv):
    """``python -m tools grade EN ARGV`` on ``course``: (results by student, what it printed)."""
    graded = []

    def spy(*args, **kwargs):
        graded.extend(real(*args, **kwargs))
        return graded

    real = classroom.grade_class
    out = io.StringIO()
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("grading blocked")))
    signal.alarm(900)
    try:
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
            patch.setattr("tools.course.ROOT", course)
            patch.setattr(classroom, "grade_class", spy)
            assert main(["grade", EN, "--jobs", "2", "--lang", "en", *argv]) in (0, None), out.getvalue()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return {r.student: r for r in graded}, out.getvalue()


def state(course):
    """Everything grading writes for the class: every grade's and comment's scores and texts, the folders' bytes."""
    with Gradebook(db_url(course)) as gb:
        rows = sorted((s.student.id, g.name, g.auto_score, g.manual_score, g.extra_credit)
                      for s in gb.assignment_submissions(EN) for nb in s.notebooks for g in nb.grades)
        comments = sorted((s.student.id, c.name, c.auto_comment, c.manual_comment)
                          for s in gb.assignment_submissions(EN) for nb in s.notebooks for c in nb.comments)
    folders = {(stage, student): unchanged.folder_files(course / stage / student / EN)
               for stage in ("autograded", "feedback") for student in (FULL, MISTAKES)}
    return rows, comments, folders


def give_manual_grade(course):
    """The instructor, in the formgrader: full points by hand on a test cell the mistaken student failed, and a
    comment."""
    with Gradebook(db_url(course)) as gb:
        notebook = gb.find_submission_notebook(NB.removesuffix(".ipynb"), EN, MISTAKES)
        grade = next(g for g in notebook.grades if g.max_score and (g.auto_score or 0) < g.max_score)
        grade.manual_score = grade.max_score
        comment = notebook.comments[0]
        comment.manual_comment = "Revisto à mão: certo."
        gb.db.commit()
        return grade.name, grade.max_score, comment.name


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("incremental") / "course")
    release(course, [EN])
    for student in (FULL, MISTAKES):
        shutil.copytree(SAMPLE / student / EN, course / "submitted" / student / EN)
    return course


@pytest.mark.slow
def test_only_what_changed_is_graded_again(course):
    first, _ = grade(course)
    assert not any(r.reused for r in first.values()) and all(r.graded for r in first.values())
    manual = give_manual_grade(course)
    before = state(course)

    again, printed = grade(course)  # nothing changed: nothing graded, nothing written
    assert all(r.reused for r in again.values()), printed
    assert "2 submissions unchanged since last graded" in printed
    assert state(course) == before
    assert {s: r.status for s, r in again.items()} == {s: r.status for s, r in first.items()}
    assert again[FULL].score == first[FULL].score and again[MISTAKES].score > first[MISTAKES].score  # the manual one

    full = (course / "submitted" / FULL / EN / NB).read_bytes()  # the mistaken student hands in a correct notebook
    (course / "submitted" / MISTAKES / EN / NB).write_bytes(full)
    changed, _ = grade(course)
    assert {s for s, r in changed.items() if not r.reused} == {MISTAKES}
    rows, comments, folders = state(course)
    assert folders[("autograded", FULL)] == before[2][("autograded", FULL)]
    assert [row for row in rows if row[0] == FULL] == [row for row in before[0] if row[0] == FULL]
    assert changed[MISTAKES].score == changed[FULL].score  # graded again: the correct notebook's score
    name, points, comment = manual
    assert (MISTAKES, name, points) in {(s, g, m) for s, g, _, m, _ in rows}  # the manual grade survived
    assert (MISTAKES, comment, "Revisto à mão: certo.") in {(s, c, m) for s, c, _, m in comments}

    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:  # the configuration changes
        config.write("\n# the instructor edits the configuration\n")
    reconfigured, _ = grade(course)
    assert not any(r.reused for r in reconfigured.values())
    assert state(course)[0] == rows  # same submissions, same grader: the same scores, manual grade kept
    assert state(course)[2] == folders  # graded again from scratch: the same bytes, so what a re-run keeps is exact

    forced, printed = grade(course, "--force")
    assert not any(r.reused for r in forced.values()) and "unchanged" not in printed
    assert state(course)[0] == rows and state(course)[2] == folders


@pytest.mark.slow
def test_a_deleted_feedback_folder_is_written_again(course):
    grade(course)
    shutil.rmtree(course / "feedback" / FULL / EN)
    results, _ = grade(course)
    assert not results[FULL].reused and results[MISTAKES].reused
    assert (course / "feedback" / FULL / EN / NB.replace(".ipynb", ".html")).is_file()


def test_the_key_covers_the_graders_code_the_source_and_the_configuration(tmp_path):
    """A change to a grader's case file, the assignment's source or the configuration changes the digest."""
    code = [tmp_path / "tools", tmp_path / "exercises"]
    for folder in code:
        folder.mkdir()
        (folder / "module.py").write_text("CASES = [1, 2, 3]\n")
    (tmp_path / "source" / EN).mkdir(parents=True)
    (tmp_path / "source" / EN / NB).write_text("{}")
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    digests = [unchanged.grader_digest(tmp_path, EN, True, code)]
    for path, text in ((code[1] / "module.py", "CASES = [1, 2, 4]\n"), (tmp_path / "source" / EN / NB, '{"a": 1}'),
                       (tmp_path / "nbgrader_config.py", "c = get_config()\nc.X = 1\n")):
        path.write_text(text)
        digests.append(unchanged.grader_digest(tmp_path, EN, True, code))
    digests.append(unchanged.grader_digest(tmp_path, EN, False, code))
    assert len(set(digests)) == len(digests)
    assert unchanged.grader_digest(tmp_path, EN, False, code) == digests[-1]  # and it is stable


def test_the_key_covers_the_graders_code_through_a_courses_links(tmp_path):
    """A course made by ``make_course`` links to the repository's ``tools/``, ``reference/`` and ``exercises/``, and
    its configuration puts the course first on ``sys.path``: a process that imports the pack through those links
    computes the same grader digest as one that imports it from the repository, and the digest covers the code
    (a link's own digest would be that of a missing folder)."""
    course = make_course(tmp_path / "course", with_release=False)
    program = ("import sys; sys.path.insert(0, sys.argv[1]); from tools.grading import unchanged; "
               "print(unchanged.grader_digest(sys.argv[2], sys.argv[3], True)); "
               "print(*(unchanged.tree_digest(f) for f in unchanged.grader_folders().values()))")
    printed = [subprocess.run([sys.executable, "-c", program, str(first), str(course), EN], capture_output=True,
                              text=True, check=True, cwd=tmp_path).stdout.split("\n")
               for first in (ROOT, course)]
    assert printed[0] == printed[1]
    assert unchanged.digest([b"missing"]) not in printed[0][1].split()


@pytest.mark.slow
def test_the_gradebook_read_in_bulk_is_what_nbgrader_says(course):
    """``submission_scores`` (three queries for the class) gives, per submission, what nbgrader's own objects do:
    scores with a manual grade, penalty, time, extension, every grade and comment."""
    grade(course)
    with Gradebook(db_url(course)) as gb:  # a manual grade (whatever the earlier tests of this module left) and
        graded = gb.find_submission_notebook(NB.removesuffix(".ipynb"), EN, MISTAKES).grades[0]  # an extension
        previous, graded.manual_score = graded.manual_score, (graded.max_score or 1) / 2
        gb.db.commit()
        gb.update_or_create_submission(EN, FULL, extension=datetime.timedelta(days=2))
        bulk = submission_scores(gb, EN)
        assert submission_scores(gb, EN, MISTAKES) == {MISTAKES: bulk[MISTAKES]}
        for s in gb.assignment_submissions(EN):
            assert bulk[s.student.id] == Scores(
                s.score, s.max_score, s.late_submission_penalty or 0.0, s.timestamp, s.extension,
                sorted((nb.name, g.name, g.auto_score, g.score, g.max_score) for nb in s.notebooks for g in nb.grades),
                sorted((nb.name, c.name, c.auto_comment) for nb in s.notebooks for c in nb.comments))
        assert bulk[FULL].extension == datetime.timedelta(days=2)
        assert (NB.removesuffix(".ipynb"), graded.name, graded.auto_score, graded.manual_score, graded.max_score) \
            in bulk[MISTAKES].grades
        graded.manual_score = previous
        gb.db.commit()
        gb.update_or_create_submission(EN, FULL, extension=None)


@pytest.mark.slow
def test_a_broken_submission_is_read_again_without_starting_workers(course, monkeypatch):
    """A submission nbgrader cannot read is tried at every run (it is never recorded as graded), but it is only
    parsed, not sent: with the rest unchanged, no worker starts and nothing else is written."""
    grade(course)
    broken = course / "submitted" / "broken" / EN
    broken.mkdir(parents=True)
    (broken / NB).write_text('{"cells": [', encoding="utf-8")
    results, _ = grade(course)
    assert results["broken"].status.startswith("not graded: ") and "not a valid notebook" in results["broken"].status
    before = state(course)
    started = []
    monkeypatch.setattr(classroom, "LocalWorkers", lambda *args, **kwargs: started.append(args))
    again, _ = grade(course)
    assert started == [] and again["broken"].status == results["broken"].status
    assert all(again[s].reused for s in (FULL, MISTAKES)) and state(course) == before
    shutil.rmtree(course / "submitted" / "broken")


FORK_PROBE = """
import json, multiprocessing.context, os, sys
from pathlib import Path
import tools.course
from tools.__main__ import main
from tools.grading import classroom
tools.course.ROOT = Path(sys.argv[1])
open_at_fork = []

class Watched(multiprocessing.context.ForkProcess):
    def start(self):
        fds = Path("/proc/self/fd")
        open_at_fork.append(sorted({os.path.realpath(fd) for fd in fds.iterdir() if fd.is_symlink()}))
        super().start()

class WatchedContext(multiprocessing.context.ForkContext):
    Process = Watched

classroom.FORK = WatchedContext()
main(["grade", sys.argv[2], "--jobs", "2", "--lang", "en", "--force"])
print(json.dumps(open_at_fork))
"""


@pytest.mark.slow
def test_the_workers_are_forked_while_no_gradebook_is_open(course):
    """``python -m tools grade`` (in a process of its own, as an instructor runs it) forks its workers from its own
    process, which has imported the grader, while it holds no connection to the course's gradebook: a forked
    child that touched an inherited SQLite or PostgreSQL connection could break the parent's."""
    done = subprocess.run([sys.executable, "-c", FORK_PROBE, str(course), EN], capture_output=True, text=True,
                          cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    open_at_fork = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(open_at_fork) == 2  # --jobs 2: both workers forked
    gradebook = str((course / "gradebook.db").resolve())
    assert not any(path.startswith(gradebook) for paths in open_at_fork for path in paths), open_at_fork
