"""nbgrader configuration of the course (the repository root is the course root).

The pack's commands (``python -m tools ...``, ``make``) read this file too, so
plain ``nbgrader`` commands and the pack grade the same way.
"""
import os
import sys

# The pack's preprocessors live in tools/ beside this file (temporary course copies link it).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds,  # noqa: E402
                                    GetGrades, IgnorePattern, LimitOutput, OverwriteCells, OverwriteKernelspec,
                                    SaveAutoGrades)
from tools.referee import Referee  # noqa: E402
from tools.resilient import (ForgetUnknownGradeCells, RedactHiddenTests, ResilientExecute,  # noqa: E402
                             limit_kernel_memory)

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.course_id = "dl-numpy-pt-en"
# Course metadata. Every assignment exists in English and in Brazilian
# Portuguese as two nbgrader assignments, <name>_en and <name>_pt, built from
# one bilingual master; tools/course.py lists them with their titles in both
# languages (e.g. regularization_en "Regularization", regularization_pt
# "Regularização"). Gradebook: nbgrader's default SQLite file gradebook.db.

# A test cell deleted or damaged by a student is put back from the gradebook.
c.OverwriteCells.add_missing_cells = True
# Autograding = nbgrader's own pipeline with two changes (tools/resilient.py, tools/referee.py):
# - ResilientExecute: a kernel that dies (os._exit, segfault, memory cap) is restarted and grading goes on
#   with the next cells; a cell's output is capped at ResilientExecute.max_output_chars;
# - Referee: every graded function is re-checked outside the student's kernel, against the reference
#   solutions; a test cell whose case fails there scores 0 even if the in-kernel test was fooled.
# - ForgetUnknownGradeCells: duplicated or re-labelled test cells are restored instead of failing the run.
c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, ForgetUnknownGradeCells, OverwriteKernelspec,
                                      OverwriteCells, CheckCellMetadata]
c.Autograde.autograde_preprocessors = [ResilientExecute, Referee, IgnorePattern, ClearMetadataPreprocessor,
                                       LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
# A cell that runs longer than this is stopped and recorded as an error. A correct notebook under the
# autograder runs each cell in well under a second (training is cut short when NBGRADER_EXECUTION is
# set); an infinite loop costs this much, once per looping cell.
c.ResilientExecute.timeout = 30
c.ResilientExecute.interrupt_on_timeout = True
c.Referee.timeout = 20
# Feedback shows each test's pass/fail and message, never the hidden tests' code or expected values.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, RedactHiddenTests]
# Kernels started for autograding may use at most this much memory: a memory bomb gets MemoryError.
if "autograde" in sys.argv:
    limit_kernel_memory(4 * 1024 ** 3)

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
