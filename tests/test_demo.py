"""The sample class of `make demo`, graded end to end by the pack's grade command on a temporary course."""
import shutil

import pytest

import csv

from tools.course import split_assignment_id
from tools.grading.classroom import grade_class
from tools.exercise import mistakes as declared_mistakes, typical
from tools.report import report
from tools.nbgrader_run import make_course, release
from tools.sample_class import SAMPLE, STUDENTS


@pytest.mark.slow
def test_sample_class_grades_as_designed(tmp_path, capsys):
    course = make_course(tmp_path, with_release=False)
    release(course)
    shutil.copytree(SAMPLE, course / "submitted", dirs_exist_ok=True)
    graded = grade_class(course)
    report(graded, course, "en")  # the texts asserted below are English, whatever the locale of the run
    printed = capsys.readouterr().out
    assert "not graded:" in printed and "report:" in printed and (course / "report.html").exists()
    results = {(r.student, r.assignment[-2:]): r for r in graded}
    for language, (full, mistakes, blank, broken) in STUDENTS.items():
        assert results[full, language].score == results[full, language].max_score > 0
        assert 0 < results[mistakes, language].score < results[mistakes, language].max_score
        assert results[blank, language].score == 0
        assert results[broken, language].status.startswith("not graded:")
        for student in (full, mistakes, blank):
            assert (course / "feedback" / student / f"regularization_{language}" / "regularization.html").exists()
    # The typical mistakes are named, in every assignment and language; the blank notebook is unanswered.
    assert "mistakes the grader named" in printed
    for r in graded:
        assignment, language = split_assignment_id(r.assignment)
        full, mistakes, blank, _ = STUDENTS[language]
        if r.student in (full, mistakes):
            assert r.mistakes == (typical(assignment.name) if r.student == mistakes else {}), r
            assert r.unanswered == set(), r
        elif r.student == blank:
            assert r.mistakes == {} and set(declared_mistakes(assignment.name)) <= r.unanswered, r
    with open(course / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    graded = {(row["student_id"], row["assignment"]) for row in rows if row["raw_score"] not in ("", None)}
    assert ("ana", "regularization_en") in graded and ("joana", "regularization_pt") in graded


@pytest.mark.slow
def test_formgrader_reads_the_gradebook_the_grader_wrote(tmp_path):
    """`make lab`'s JupyterLab serves nbgrader's formgrader API from the gradebook written by the pack's grader."""
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    course = make_course(tmp_path, with_release=False)
    release(course, ["regularization_en"])
    shutil.copytree(SAMPLE / "ana", course / "submitted" / "ana")
    grade_class(course, ["regularization_en"], jobs=1, progress=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    jupyter = Path(sys.executable).parent / "jupyter"
    server = subprocess.Popen([str(jupyter), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                               "--IdentityProvider.token=t0ken", "--allow-root"], cwd=course,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/formgrader/api/submissions/regularization_en?token=t0ken"
        deadline, body = time.time() + 90, None
        while time.time() < deadline and body is None:
            try:
                body = json.loads(urllib.request.urlopen(url, timeout=5).read())
            except Exception:
                time.sleep(1)
        assert body, "the formgrader did not answer"
        ana = next(s for s in body if s["student"] == "ana")
        assert ana["score"] == ana["max_score"] == 12
    finally:
        server.terminate()
        server.wait(timeout=30)
