"""Before the student's notebook runs: nbgrader plugins of the autograde *sanitize* stage.

``ForgetUnknownGradeCells``
    before nbgrader's ``OverwriteCells``: a cell whose nbgrader metadata was
    emptied by ``DeduplicateIds`` (a duplicated test cell) or names a grade id
    the gradebook does not know (an edited id) becomes a plain cell, so the
    original is restored from the gradebook instead of the run failing.
``StripHiddenTests``
    after ``OverwriteCells``: the hidden part of every test cell is removed, so
    hidden tests never run in (or reach) the student's kernel; the referee
    checks them outside it. Metadata under ``pack`` (where the grader writes
    its verdicts) is removed from the submission, so a student cannot plant it.
"""
from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from .notebook import is_test_cell


class ForgetUnknownGradeCells(NbGraderPreprocessor):
    """Turn cells with empty or unknown nbgrader metadata into plain cells (see the module docstring)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            known = {c.name for c in gb.find_notebook(info["notebook"], info["assignment"]).source_cells}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if meta is not None and meta.get("grade_id") not in known:
                del cell.metadata["nbgrader"]
        return nb, resources


class StripHiddenTests(ClearHiddenTests):
    """Remove hidden test regions from test cells (restored from the gradebook) and any planted ``pack`` metadata."""

    def preprocess(self, nb, resources):
        nb.metadata.pop("pack", None)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        cell.metadata.pop("pack", None)
        if is_test_cell(cell):
            self._remove_hidden_test_region(cell)
            cell.source = cell.source.rstrip()
        return cell, resources
