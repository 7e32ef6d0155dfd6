"""Grades into Moodle and Canvas: the real `nbgrader export` with tools/lms.py's exporters on a real gradebook.

One course for the module: this repository's config and source, released by one real `nbgrader
generate_assignment` run (every assignment and language), the sample class's students, and submissions whose
grades are set through nbgrader's Gradebook API (no autograding). Every expected score is read back from
that gradebook.
"""
import csv
import shutil
import warnings
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from sqlalchemy.exc import SAWarning

from tools import nbgrader_run
from tools.course import ASSIGNMENTS, split_assignment_id
from tools.grading.gradebook import db_url
from tools.nbgrader_run import NbgraderError
from tools.sample_class import STUDENTS

ROOT = Path(__file__).resolve().parent.parent
ROSTER = ROOT / "examples" / "roster.csv"
MOODLE = "--exporter=tools.lms.MoodleExportPlugin"
CANVAS = "--exporter=tools.lms.CanvasExportPlugin"

# (student, assignment id) -> (share of every test cell's points, late-submission penalty).
# carla, paula and rafael submit nothing; bruno and joana submit one assignment in both languages.
SUBMISSIONS = {
    ("ana", "regularization_en"): (1.0, 0.0),
    ("ana", "initialization_en"): (0.5, 0.0),
    ("bruno", "regularization_en"): (0.25, 0.0),
    ("bruno", "regularization_pt"): (0.75, 0.0),  # the Portuguese one is higher
    ("diego", "regularization_en"): (0.0, 0.0),  # a zero is a grade, not an empty cell
    ("joana", "deep_nn_en"): (0.9, 0.0),  # the English one is higher
    ("joana", "deep_nn_pt"): (0.6, 0.0),
    ("marcos", "gradient_checking_pt"): (1.0, 2.0),  # late
}


@pytest.fixture(scope="module")
def lms_course(tmp_path_factory):
    """A course with the sample class in its gradebook, the submissions of ``SUBMISSIONS`` and the roster."""
    course = nbgrader_run.make_course(tmp_path_factory.mktemp("lms"), with_release=False)
    nbgrader_run.nbgrader(["generate_assignment", "*", "--force"], course)  # one process for every assignment
    shutil.copy(ROSTER, course / "roster.csv")
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write('\nc.CanvasExportPlugin.roster = "roster.csv"\nc.CanvasExportPlugin.identifier = "sis_user_id"\n')
    with Gradebook(db_url(course)) as gb:
        for row in read_csv(ROSTER)[1:]:
            last, first = row[1].split(", ")
            gb.update_or_create_student(row[0], first_name=first, last_name=last)
        for (student, assignment_id), (share, penalty) in SUBMISSIONS.items():
            with warnings.catch_warnings():
                # nbgrader's add_submission touches a relationship before its session flush; SQLAlchemy 2
                # says so (autograde does the same); the rows are written correctly.
                warnings.filterwarnings("ignore", category=SAWarning)
                submission = gb.add_submission(assignment_id, student)
            for notebook in submission.notebooks:
                notebook.late_submission_penalty = penalty
                for grade in notebook.grades:
                    grade.manual_score = share * grade.max_score
            gb.db.commit()
    return course


def read_csv(path):
    """The rows of a CSV file, as lists of strings."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write_roster(path, rows):
    """Write roster ``rows`` (dicts) to ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def roster_rows():
    """examples/roster.csv as dicts."""
    with open(ROSTER, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def export(course, *args):
    """Run the real `nbgrader export` in ``course``; return its output (with --log-level=WARN)."""
    return nbgrader_run.nbgrader(["export", *args], course)


def gradebook_scores(course):
    """From the gradebook: (student, assignment name) -> the best of score minus late penalty over the languages,
    and the final score of every single submission, (student, assignment id) -> score."""
    best, single = {}, {}
    with Gradebook(db_url(course)) as gb:
        for assignment in gb.assignments:
            name = split_assignment_id(assignment.name)[0].name
            for submission in assignment.submissions:
                score = max(0.0, submission.score - submission.late_submission_penalty)
                single[submission.student_id, assignment.name] = score
                best[submission.student_id, name] = max(best.get((submission.student_id, name), 0.0), score)
    return best, single


def max_scores(course):
    """From the gradebook: assignment name -> its maximum score (the same in both languages)."""
    maxima = {}
    with Gradebook(db_url(course)) as gb:
        for assignment in gb.assignments:
            maxima.setdefault(split_assignment_id(assignment.name)[0].name, set()).add(assignment.max_score)
    assert all(len(values) == 1 for values in maxima.values())
    return {name: values.pop() for name, values in maxima.items()}


def check_cells(cells, student, names, best):
    """Each cell is the student's best score from the gradebook, or empty when they submitted nothing."""
    for cell, name in zip(cells, names):
        if (student, name) in best:
            assert float(cell) == pytest.approx(best[student, name], abs=1e-4), (student, name)
        else:
            assert cell == "", (student, name)


NAMES = [assignment.name for assignment in ASSIGNMENTS.values()]  # the course order


@pytest.mark.parametrize("identifier,label", [("email", "Email address"), ("username", "Username"),
                                              ("id_number", "ID number")])
def test_moodle_csv_has_the_identifier_and_one_column_per_assignment(lms_course, identifier, label):
    out = lms_course / f"moodle_{identifier}.csv"
    printed = export(lms_course, MOODLE, f"--to={out}", "--MoodleExportPlugin.roster=roster.csv",
                     f"--MoodleExportPlugin.identifier={identifier}")
    assert printed.strip() == ""  # no warning on correct use
    table = read_csv(out)
    assert table[0] == [label] + NAMES
    roster = roster_rows()
    assert [row[0] for row in table[1:]] == [row[identifier] for row in roster]  # every student, roster order
    best, _ = gradebook_scores(lms_course)
    for row, student in zip(table[1:], roster):
        assert len(row) == 1 + len(NAMES)
        check_cells(row[1:], student["student_id"], NAMES, best)


def test_both_languages_merge_into_the_higher_score(lms_course):
    out = lms_course / "moodle_merge.csv"
    export(lms_course, MOODLE, f"--to={out}", "--MoodleExportPlugin.roster=roster.csv",
           "--MoodleExportPlugin.identifier=username")
    cells = {row[0]: dict(zip(NAMES, row[1:])) for row in read_csv(out)[1:]}
    _, single = gradebook_scores(lms_course)
    assert single["bruno", "regularization_pt"] > single["bruno", "regularization_en"]
    assert float(cells["bruno.carvalho"]["regularization"]) == pytest.approx(single["bruno", "regularization_pt"])
    assert single["joana", "deep_nn_en"] > single["joana", "deep_nn_pt"]
    assert float(cells["joana.conceicao"]["deep_nn"]) == pytest.approx(single["joana", "deep_nn_en"])
    assert float(cells["diego.araujo"]["regularization"]) == single["diego", "regularization_en"] == 0
    assert cells["carla.ferreira"] == dict.fromkeys(NAMES, "")  # no submission: empty cells
    with Gradebook(db_url(lms_course)) as gb:  # the late penalty is taken off, as in grades.csv's score
        late = gb.find_submission("gradient_checking_pt", "marcos")
        assert late.late_submission_penalty > 0
        assert float(cells["marcos.goncalves"]["gradient_checking"]) == pytest.approx(
            late.score - late.late_submission_penalty)


@pytest.mark.parametrize("identifier,column", [("sis_user_id", "SIS User ID"), ("id", "ID")])
def test_canvas_csv_follows_the_gradebook_import_layout(lms_course, identifier, column):
    out = lms_course / f"canvas_{identifier}.csv"
    # sis_user_id and the roster come from the course's nbgrader_config.py; id from the command line
    options = [] if identifier == "sis_user_id" else [f"--CanvasExportPlugin.identifier={identifier}"]
    assert export(lms_course, CANVAS, f"--to={out}", *options).strip() == ""
    table = read_csv(out)
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert table[0] == header + NAMES
    maxima = max_scores(lms_course)
    assert table[1][:5] == ["Points Possible", "", "", "", ""]
    assert [float(cell) for cell in table[1][5:]] == [maxima[name] for name in NAMES]
    roster = roster_rows()
    assert len(table) == 2 + len(roster)
    best, _ = gradebook_scores(lms_course)
    for row, student in zip(table[2:], roster):
        assert row[0] == student["name"] and row[4] == student["section"]
        ids = dict(zip(header[1:4], row[1:4]))
        assert ids.pop(column) == student[identifier] != ""
        assert set(ids.values()) == {""}  # Canvas matches on the first non-empty id: only the chosen one is there
        check_cells(row[5:], student["student_id"], NAMES, best)


def test_a_gradebook_student_missing_from_the_roster_is_an_error(lms_course, tmp_path):
    kept = [row for row in roster_rows() if row["student_id"] not in ("bruno", "paula")]
    roster = write_roster(tmp_path / "roster.csv", kept)
    out = tmp_path / "moodle.csv"
    with pytest.raises(NbgraderError) as error:
        export(lms_course, MOODLE, f"--to={out}", f"--MoodleExportPlugin.roster={roster}")
    assert "not in the roster" in str(error.value) and "bruno, paula" in str(error.value)
    assert not out.exists()  # nothing written, nothing silently dropped


def test_a_roster_row_without_the_identifier_is_an_error(lms_course, tmp_path):
    rows = roster_rows()
    rows[3]["sis_login_id"] = ""
    roster = write_roster(tmp_path / "roster.csv", rows)
    out = tmp_path / "canvas.csv"
    with pytest.raises(NbgraderError) as error:
        export(lms_course, CANVAS, f"--to={out}", f"--CanvasExportPlugin.roster={roster}",
               "--CanvasExportPlugin.identifier=sis_login_id")
    assert f"no sis_login_id in the roster {roster} for student(s): {rows[3]['student_id']}" in str(error.value)
    assert not out.exists()


def test_grades_csv_export_is_unchanged(lms_course):
    before = nbgrader_run.export_grades(lms_course).read_bytes()
    export(lms_course, MOODLE, "--MoodleExportPlugin.roster=roster.csv")  # default --to: moodle.csv
    after = nbgrader_run.export_grades(lms_course).read_bytes()
    assert after == before and (lms_course / "moodle.csv").exists()
    table = read_csv(lms_course / "grades.csv")
    assert table[0] == ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
                        "raw_score", "late_submission_penalty", "score", "max_score"]  # nbgrader's own exporter
    _, single = gradebook_scores(lms_course)
    rows = {(row[3], row[0]): row for row in table[1:]}
    assert len(rows) == len(table) - 1 == len(ASSIGNMENTS) * 2 * len(roster_rows())  # one row per language
    for (student, assignment_id), score in single.items():
        assert float(rows[student, assignment_id][9]) == pytest.approx(score)


def test_python_m_tools_export_runs_nbgrader_export(lms_course, tmp_path, monkeypatch, capsys):
    import tools.course
    from tools.__main__ import main

    monkeypatch.setattr(tools.course, "ROOT", lms_course)
    out = tmp_path / "grades_moodle.csv"
    assert main(["export", "--lms", "moodle", "--roster", str(ROSTER), "--identifier", "id_number",
                 "--to", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert read_csv(out)[0] == ["ID number"] + NAMES


def test_sample_roster_lists_the_sample_class():
    rows = roster_rows()
    students = [student for group in STUDENTS.values() for student in group]
    assert sorted(row["student_id"] for row in rows) == sorted(students)
    for column in ("name", "email", "username", "id_number", "id", "sis_user_id", "sis_login_id", "section"):
        values = [row[column] for row in rows]
        assert all(values), column
        assert column == "section" or len(set(values)) == len(values), column
