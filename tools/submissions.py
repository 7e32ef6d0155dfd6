"""Student submissions made from the release: correct, with realistic mistakes, blank or broken.

A submission starts from the release notebook, as a student does, and fills
each solution cell with the reference solution (from the source notebook),
optionally edited by text substitutions. Each assignment's realistic mistakes
and correct variants are declared in ``exercises/<assignment>.py``; the grading
tests prove that each mistake loses points on its function only and each
variant keeps full marks, and the demo's sample class uses them too.
"""
import copy
import functools

from .bilingual import SOLUTION_DELIMITERS
from .course import ASSIGNMENTS


@functools.lru_cache(maxsize=None)
def solution_cells(assignment_name):
    """grade_id -> code of the English source notebook's graded solution cells, built from the master (the
    declared mistakes' and variants' edits apply to it)."""
    from .bilingual import build_notebook, read_master
    from .grading.notebook import student_solutions
    nb = build_notebook(read_master(ASSIGNMENTS[assignment_name].master), "en")
    return {grade_id: solution_code(code) for grade_id, code in student_solutions(nb).items()}


def solution_code(cell_source):
    """The source of a source-notebook solution cell, without nbgrader's solution delimiters."""
    return "\n".join(l for l in cell_source.split("\n") if l.strip() not in SOLUTION_DELIMITERS)


def apply_edits(code, edits):
    """Apply ``[(old, new), ...]`` to ``code``; each ``old`` must occur exactly once."""
    for old, new in edits:
        count = code.count(old)
        if count != 1:
            raise ValueError(f"{old!r} occurs {count} times in the solution; expected once")
        code = code.replace(old, new)
    return code


def fill(release_nb, source_nb, edits=None, blank=()):
    """A submission: the release notebook with its solution cells answered.

    Parameters
    ----------
    release_nb, source_nb : notebooks of the same assignment and language
    edits : dict grade_id -> [(old, new), ...], applied to that cell's solution
    blank : grade_ids of solution cells left as released (not answered)

    Returns
    -------
    notebook : a copy of ``release_nb``
    """
    edits = edits or {}
    solutions = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source_nb.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    submission = copy.deepcopy(release_nb)
    for cell in submission.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solutions and grade_id not in blank:
            cell.source = apply_edits(solution_code(solutions[grade_id]), edits.get(grade_id, []))
    return submission
