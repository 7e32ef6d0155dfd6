"""The pack's parallel grader records exactly what serial `nbgrader autograde` records, and re-runs lose nothing.

Serial nbgrader takes a submission's time from the folder's `timestamp.txt`; the pack takes it from the
instructor's ledger (tools/grading/times.py) and ignores that file. So in the serial course `student0`'s folder
holds the time, and in the parallel course the ledger holds it while the folder claims 2020: the gradebooks match.
"""
import shutil
from datetime import datetime

import pytest
from nbgrader.api import Gradebook

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.exercise import mistakes as declared_mistakes
from tools.grading import times
from tools.grading.classroom import grade_class
from tools.grading.gradebook import db_url
from tools.nbgrader_run import autograde, make_course, release
from tools.sample_class import SAMPLE
from tools.submissions import fill

ASSIGNMENT = ASSIGNMENTS["regularization"]
IDS = [ASSIGNMENT.folder("en"), ASSIGNMENT.folder("pt")]


def mixed_class(course, ledger=False):
    """The sample class (full, typical mistakes, blank, broken file) plus one student per mistake of the first
    function (its first four: the identity with serial nbgrader is under test here, not the catalogue).
    ``student0`` submitted at 2026-11-20 10:00 UTC: in its folder's timestamp.txt, or with ``ledger`` in the
    instructor's ledger (its folder then claims 2020)."""
    shutil.copytree(SAMPLE, course / "submitted", dirs_exist_ok=True)
    release_nb = notebooks.read(course / "release" / IDS[0] / ASSIGNMENT.notebook)
    source = notebooks.read(course / "source" / IDS[0] / ASSIGNMENT.notebook)
    mistakes = declared_mistakes(ASSIGNMENT.name)
    first = next(iter(mistakes))
    for k, edits in enumerate(list(mistakes[first].values())[:4]):
        notebooks.write(fill(release_nb, source, {first: edits}),
                        course / "submitted" / f"student{k}" / IDS[0] / ASSIGNMENT.notebook)
    stamp = course / "submitted" / "student0" / IDS[0] / "timestamp.txt"
    if ledger:
        stamp.write_text("2020-01-01 00:00:00 UTC")
        times.record(course, [(IDS[0], "student0", datetime(2026, 11, 20, 10), "the instructor's")])
    else:
        stamp.write_text("2026-11-20 10:00:00 UTC")


def gradebook_rows(course, ids=IDS):
    """Everything autograde records in the course's gradebook (SQLite or not), keyed so that duplicates would show."""
    rows = {}
    with Gradebook(db_url(course)) as gb:
        for assignment_id in ids:
            for submission in gb.assignment_submissions(assignment_id):
                key = (assignment_id, submission.student.id)
                rows[key + ("timestamp",)] = submission.timestamp
                for nb in submission.notebooks:
                    rows[key + (nb.name, "late")] = nb.late_submission_penalty
                    for g in nb.grades:
                        rows[key + (nb.name, g.name)] = (g.auto_score, g.manual_score, g.max_score, g.needs_manual_grade)
                    for c in nb.comments:
                        rows[key + (nb.name, c.name, "comment")] = (c.auto_comment, c.manual_comment)
    return rows


@pytest.fixture(scope="module")
def courses(tmp_path_factory):
    serial = make_course(tmp_path_factory.mktemp("serial"), with_release=False)
    parallel = make_course(tmp_path_factory.mktemp("parallel"), with_release=False)
    for course in (serial, parallel):
        release(course, IDS)
        mixed_class(course, ledger=course == parallel)
    for assignment_id in IDS:
        # One plain nbgrader run per assignment, as an instructor types it; it exits non-zero
        # because of the broken files, after grading everyone else.
        try:
            autograde(serial, assignment_id)
        except Exception:
            pass
    results = grade_class(parallel, IDS, jobs=2, progress=False)
    return serial, parallel, results


@pytest.mark.slow
def test_parallel_grades_equal_serial_nbgrader(courses):
    serial, parallel, results = courses
    expected = gradebook_rows(serial)
    assert expected and gradebook_rows(parallel) == expected
    assert expected[IDS[0], "student0", "timestamp"] == datetime(2026, 11, 20, 10)  # the ledger's, in parallel
    assert sum(not r.graded for r in results) == 2  # the two broken files, reported, not fatal


def rerun_keeps_manual_grade(course, ids, student="bruno", cell="compute_cost_with_regularization_hidden"):
    """Give ``student`` a manual grade on a test cell the autograder scored 0, grade ``ids`` again, every submission
    (``force``: an unchanged one would be left as it is, tests/test_regrade_unchanged.py), and check that the manual
    grade is kept (and flagged for review, as nbgrader does), that nothing else changed and that no row was added.
    Returns the re-run's results."""
    assignment_id, notebook = ids[0], ASSIGNMENT.notebook.removesuffix(".ipynb")
    with Gradebook(db_url(course)) as gb:
        grade = gb.find_grade(cell, notebook, assignment_id, student)
        assert grade.auto_score == 0 < grade.max_score
        manual = grade.max_score / 2
        grade.manual_score = manual
        gb.db.commit()
        count = gb.db.query(type(grade)).count()
    before = gradebook_rows(course, ids)
    results = grade_class(course, ids, jobs=2, progress=False, force=True)
    after = gradebook_rows(course, ids)
    key = (assignment_id, student, notebook, cell)
    auto, _, top, flagged = before.pop(key)
    assert not flagged and after.pop(key) == (auto, manual, top, True)
    assert after == before
    with Gradebook(db_url(course)) as gb:
        assert gb.db.query(type(grade)).count() == count
    return results


@pytest.mark.slow
def test_rerun_is_identical_and_keeps_manual_grades(courses):
    rerun_keeps_manual_grade(courses[1], IDS)


@pytest.mark.slow
def test_regrading_one_student_leaves_the_others_untouched(courses):
    _, parallel, _ = courses
    before = gradebook_rows(parallel)
    notebooks.write(notebooks.read(parallel / "release" / IDS[0] / ASSIGNMENT.notebook),
                    parallel / "submitted" / "ana" / IDS[0] / ASSIGNMENT.notebook)  # ana resubmits a blank
    shutil.rmtree(parallel / "submitted" / "student1")
    for other in [p for p in (parallel / "submitted").iterdir() if p.name != "ana"]:
        shutil.move(str(other), str(parallel / f"held-{other.name}"))
    grade_class(parallel, [IDS[0]], jobs=2, progress=False)
    after = gradebook_rows(parallel)
    changed = {k[1] for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert changed == {"ana"}
