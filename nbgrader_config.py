"""nbgrader configuration of the course (the repository root is the course root).

The pack's commands (``python -m tools ...``, ``make``) read this file too, so
plain ``nbgrader`` commands and the pack grade the same way.
"""
import sys

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.course_id = "dl-numpy-pt-en"
# Course metadata. Every assignment exists in English and in Brazilian
# Portuguese as two nbgrader assignments, <name>_en and <name>_pt, built from
# one bilingual master; tools/course.py lists them with their titles in both
# languages (e.g. regularization_en "Regularization", regularization_pt
# "Regularização"). Gradebook: nbgrader's default SQLite file gradebook.db.

# A test cell deleted or damaged by a student is put back from the gradebook.
c.OverwriteCells.add_missing_cells = True
# A cell that runs longer than this is stopped and recorded as an error. A
# correct notebook under the autograder runs each cell in well under a second
# (training is cut short when NBGRADER_EXECUTION is set); an infinite loop
# costs this much, once per looping cell.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True

# Student stubs and the note on a restored cell, in the language of the assignment named on the command line
# (``nbgrader generate_assignment regularization_pt`` gets the Portuguese one),
# so plain nbgrader and the pack's release command write the same release.
STUBS = {
    "en": ("# YOUR CODE HERE\nraise NotImplementedError()", "YOUR ANSWER HERE"),
    "pt": ("# SEU CÓDIGO AQUI\nraise NotImplementedError()", "SUA RESPOSTA AQUI"),
}
RESTORED = {
    "en": "This cell (id:{cell_id}) was missing from the submission. It was added back by nbgrader.\n\n",
    "pt": "Esta célula (id:{cell_id}) faltava na entrega e foi recolocada pelo nbgrader.\n\n",
}
language = "pt" if any(arg.endswith("_pt") for arg in sys.argv[1:]) else "en"
c.ClearSolutions.code_stub = {"python": STUBS[language][0]}
c.ClearSolutions.text_stub = STUBS[language][1]
c.OverwriteCells.missing_cell_notification = RESTORED[language]
