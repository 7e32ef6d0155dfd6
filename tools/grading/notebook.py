"""What the grading plugins read from a notebook and from nbgrader's resources."""
import ast
from pathlib import Path

from ..course import LANGUAGES

DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)


def notebook_language(resources):
    """The notebook's language, from the assignment id nbgrader is working on: ``"pt"`` for ``*_pt``, else ``"en"``."""
    suffix = (resources or {}).get("nbgrader", {}).get("assignment", "").rpartition("_")[2]
    return suffix if suffix in LANGUAGES else "en"


def course_folder(config, step, assignment_id):
    """``<course root>/<step>/<assignment_id>``, the root as nbgrader is configured (the current folder by default)."""
    from nbgrader.coursedir import CourseDirectory
    return Path(CourseDirectory(config=config).format_path(step, ".", assignment_id)).resolve()


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def is_test_cell(cell):
    return cell.cell_type == "code" and bool(cell.metadata.get("nbgrader", {}).get("grade", False))


def function_and_label(cell):
    """``("compute_cost", "hidden")`` for the test cell ``compute_cost_hidden``."""
    function, _, label = grade_id(cell).rpartition("_")
    return function, label


def student_solutions(nb):
    """grade_id -> source of every solution cell (the student's graded functions)."""
    return {grade_id(c): c.source for c in nb.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}


def definition_cells(nb, first_cell_too=False):
    """Code of the plain (non-nbgrader) cells of ``nb`` that only import and define things.

    With ``first_cell_too``, the first code cell (the notebook's imports and settings) is kept whatever it holds.
    """
    kept = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nbgrader" in cell.metadata:
            continue
        code = "\n".join(line for line in cell.source.split("\n") if not line.lstrip().startswith(("%", "!")))
        try:
            body = ast.parse(code).body
        except SyntaxError:
            continue
        if (first_cell_too and not kept) or (body and all(isinstance(s, DEFINITIONS) for s in body)):
            kept.append(code)
    return kept
