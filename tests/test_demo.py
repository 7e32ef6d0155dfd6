"""The sample class of `make demo`, graded end to end by the pack's grade command on a temporary course."""
import shutil

import pytest

import csv

from tools.grade import grade_class
from tools.nbgrader_run import make_course, release
from tools.sample_class import SAMPLE, STUDENTS


@pytest.mark.slow
def test_sample_class_grades_as_designed(tmp_path):
    course = make_course(tmp_path, with_release=False)
    release(course)
    shutil.copytree(SAMPLE, course / "submitted", dirs_exist_ok=True)
    results = {(r.student, r.assignment[-2:]): r for r in grade_class(course)}
    for language, (full, mistakes, blank, broken) in STUDENTS.items():
        assert results[full, language].score == results[full, language].max_score > 0
        assert 0 < results[mistakes, language].score < results[mistakes, language].max_score
        assert results[blank, language].score == 0
        assert results[broken, language].status.startswith("not graded:")
        for student in (full, mistakes, blank):
            assert (course / "feedback" / student / f"regularization_{language}" / "regularization.html").exists()
    with open(course / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    graded = {(row["student_id"], row["assignment"]) for row in rows if row["raw_score"] not in ("", None)}
    assert ("ana", "regularization_en") in graded and ("joana", "regularization_pt") in graded
