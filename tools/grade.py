"""Grade a class: every submission of ``submitted/`` through nbgrader, one bad file never stopping the rest."""
import csv
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .course import assignment_ids, split_assignment_id
from .nbgrader_run import NbgraderError, autograde, export_grades, generate_feedback, total_scores


@dataclass
class Result:
    """The outcome of one submission: its score or why it could not be graded."""

    student: str
    assignment: str
    score: float = None
    max_score: float = None
    status: str = "graded"


def unreadable_reason(path):
    """Why nbformat cannot read the notebook at ``path`` (None when it can)."""
    if not path.exists():
        return f"no {path.name} in the submission"
    if path.stat().st_size == 0:
        return f"{path.name} is an empty file"
    try:
        nbformat.validate(nbformat.read(str(path), as_version=4))
    except Exception as error:  # nbformat raises several types for bad JSON or schema
        return f"{path.name} is not a valid notebook ({str(error).splitlines()[0].split(':')[0][:80]})"
    return None


def grade_class(course, ids=None):
    """Autograde every submitted student of every assignment (or ``ids``), serially.

    Returns
    -------
    results : list of Result, one per (student, assignment) submission found
    """
    course = Path(course)
    results = []
    for assignment_id in ids or assignment_ids():
        notebook = split_assignment_id(assignment_id)[0].notebook
        graded = []
        for folder in sorted((course / "submitted").glob(f"*/{assignment_id}")):
            student = folder.parent.name
            reason = unreadable_reason(folder / notebook)
            if reason:
                results.append(Result(student, assignment_id, status=f"not graded: {reason}"))
                continue
            try:
                autograde(course, assignment_id, student)
                graded.append(student)
            except NbgraderError as error:
                results.append(Result(student, assignment_id, status=f"not graded: {str(error).splitlines()[-1][:120]}"))
        if graded:
            generate_feedback(course, assignment_id)
            scores = total_scores(course, assignment_id)
            results += [Result(s, assignment_id, *scores[s]) for s in graded]
    export_grades(course)
    return results


def print_table(results, course):
    """The students x assignments table and where the outputs are."""
    width = max(len(r.student) for r in results) + 2
    print(f"\n{'student':<{width}}{'assignment':<22}{'score':>12}  status")
    for r in sorted(results, key=lambda r: (r.assignment, r.student)):
        score = f"{r.score:g} / {r.max_score:g}" if r.score is not None else "-"
        print(f"{r.student:<{width}}{r.assignment:<22}{score:>12}  {r.status}")
    course = Path(course)
    print(f"\ngradebook:  {course / 'gradebook.db'}  (nbgrader's SQLite gradebook; `make lab` opens the formgrader)")
    print(f"grades:     {course / 'grades.csv'}")
    print(f"feedback:   {course / 'feedback'}/<student>/<assignment>/*.html")
    print(f"autograded: {course / 'autograded'}/<student>/<assignment>/")


def read_grades_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
