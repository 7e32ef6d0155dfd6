"""Feedback built by the grader only (an nbgrader plugin, ``generate_feedback`` stage).

``FeedbackFromGrader`` leaves in the notebook the student's own cells as
submitted, test cells without their hidden part, and, under each test cell,
the message the grader wrote when it scored it (in the notebook's language).
Every output of the graded run is dropped: nothing that student code printed,
displayed or raised during grading reaches the feedback, and neither does any
file (the kernel wrote only inside its jail, which is gone). The same messages, by test cell, go to the page's
summary (``Pack.messages``, read by :mod:`.feedback_page`).
"""
from nbformat.v4 import new_output

from . import messages
from .notebook import grade_id, is_test_cell, notebook_language
from .record import pack
from .sanitize import StripHiddenTests


class FeedbackFromGrader(StripHiddenTests):
    """Outputs replaced by the grader's messages; hidden test regions removed (as before the run)."""

    def preprocess(self, nb, resources):
        unjailed = nb.metadata.get("pack", {}).get("jailed") is False
        self._note = messages.text(messages.NO_JAIL, notebook_language(resources)) if unjailed else None
        pack(resources).messages = {}  # grade_id -> the grader's message, for the summary
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        verdict = cell.metadata.get("pack", {})
        cell, resources = super().preprocess_cell(cell, resources, index)
        cell.outputs = []
        cell.execution_count = None
        if is_test_cell(cell):
            message = verdict.get("message")
            if message:
                pack(resources).messages[grade_id(cell)] = message
                passed = verdict.get("points", 0) > 0
                cell.outputs = [new_output("stream", name="stdout", text=message + "\n") if passed else
                                new_output("error", ename="Feedback", evalue=message, traceback=[message])]
        if self._note:  # on the first code cell
            cell.outputs.append(new_output("stream", name="stdout", text=self._note + "\n"))
            self._note = None
        return cell, resources
