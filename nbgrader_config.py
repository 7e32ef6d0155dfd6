"""nbgrader configuration of the course (the repository root is the course root).

The pack's commands (``python -m tools ...``, ``make``) read this file too, so
plain ``nbgrader`` commands, the formgrader's buttons and the pack grade the
same way. The pack's nbgrader plugins live in ``tools/grading/``, one module per
stage; its ``__init__`` describes the whole pipeline.
"""
import os
import sys

# The plugins live in tools/ beside this file. This file and everything it imports are loaded
# before any student code runs, and nothing a student process can write is loaded later.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds,  # noqa: E402
                                    GetGrades, IgnorePattern, LimitOutput, OverwriteKernelspec)
from nbgrader.preprocessors import (ClearHiddenTests, ClearMarkScheme, ComputeChecksums,  # noqa: E402
                                    IncludeHeaderFooter, InstantiateTests, LockCells, SaveCells)
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from tools.grading.execute import JailedExecute  # noqa: E402
from tools.grading.feedback import FeedbackFromGrader  # noqa: E402
from tools.grading.feedback_page import LocalizedFeedbackPage  # noqa: E402
from tools.grading.inert import markdown2html  # noqa: E402
from tools.grading.late import PerPeriodPenalty  # noqa: E402
from tools.grading.localize import LocalizedClearSolutions, LocalizedOverwriteCells  # noqa: E402
from tools.grading.referee import Referee, WarmOracle  # noqa: E402
from tools.grading.sanitize import ForgetUnknownGradeCells, StripHiddenTests  # noqa: E402
from tools.grading.scoring import SaveSealedGrades  # noqa: E402

c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.course_id = "dl-numpy-pt-en"
# Every assignment exists in English and in Brazilian Portuguese as two nbgrader assignments,
# <name>_en and <name>_pt, built from one bilingual master (tools/course.py). Gradebook: nbgrader's
# default SQLite file gradebook.db. The language of every text the plugins write comes from the assignment id.

# Release: nbgrader's pipeline, with the student stub in the notebook's language.
c.GenerateAssignment.preprocessors = [IncludeHeaderFooter, InstantiateTests, LockCells, LocalizedClearSolutions,
                                      ClearOutput, CheckCellMetadata, ComputeChecksums, SaveCells, ClearHiddenTests,
                                      ClearMarkScheme, ComputeChecksums, CheckCellMetadata]

# Autograde, sanitize stage: duplicated or re-labelled test cells are forgotten, every test cell is restored from
# the gradebook (a deleted one too), then its hidden part is removed: hidden tests never run in the student's kernel.
c.OverwriteCells.add_missing_cells = True
c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, ForgetUnknownGradeCells, OverwriteKernelspec,
                                      LocalizedOverwriteCells, StripHiddenTests, CheckCellMetadata]
# Autograde, grading stage: the oracle process (tools/grading/oracle.py) loads the assignment while the notebook
# runs in a jailed kernel (WarmOracle, JailedExecute), every graded function is
# checked outside it, in a jail, against reference/ (Referee), and only the grader decides the scores
# (SaveSealedGrades replaces nbgrader's SaveAutoGrades, which reads scores from the kernel's outputs).
c.Autograde.autograde_preprocessors = [WarmOracle, JailedExecute, Referee, IgnorePattern, LimitOutput, SaveSealedGrades,
                                       AssignLatePenalties, CheckCellMetadata]
# The one time limit, in seconds, of every cell in the kernel and of every graded function's check outside it (its
# cell and all its cases: the Referee takes this value; c.Referee.timeout, if set, can only lower it). A cell that
# runs longer is interrupted; a graded function that runs out of it, in its own cell, one of its test cells or its
# check, scores 0 on all its test cells, visible and hidden. The whole notebook gets notebook_timeout.
# Under the autograder (NBGRADER_EXECUTION is set) training is cut short, so a correct notebook needs seconds.
c.JailedExecute.timeout = 30
c.JailedExecute.notebook_timeout = 300
c.JailedExecute.interrupt_on_timeout = True
# What the graded kernel leaves out, as the feedback shows no output of the graded run anyway: figures (no grade
# needs one; a plot's output in the autograded notebook is its text, "<Figure size ... with N Axes>"), and the
# source lines IPython reads around each traceback frame (a traceback has the standard library's plain form).
# (measured in one kernel: drawing and encoding a figure, tens of milliseconds each; four failing cells' tracebacks,
# 0.14 s of CPU instead of 0.05 s). Remove an argument to keep what it leaves out.
c.JailedExecute.extra_arguments = ["--InlineBackend.figure_formats=[]", "--InteractiveShell.xmode=Plain"]
# A graded kernel is thrown away: it is killed when the notebook has run, not asked to shut down and waited for.
c.JailedExecute.shutdown_kernel = "immediate"
# No execution timestamps in the autograded notebook (nbclient's cell metadata): grading the same submission
# again writes the same bytes, so a re-run that keeps an unchanged submission leaves what a full re-grade would.
c.JailedExecute.record_timing = False
# `python -m tools grade --no-jail` (or PACK_NO_JAIL=1 for plain nbgrader) grades without the jail, and says so.
if os.environ.get("PACK_NO_JAIL") == "1":
    c.JailedExecute.jail = False
    c.Referee.jail = False
# Kernels and check processes are forked from a jailed fork server that imported numpy, matplotlib and
# ipykernel once per grading process, each child confined by Landlock to its own folder (where the kernel
# has no Landlock, fresh jailed processes are started instead). PACK_NO_FORK=1 starts fresh ones always.
if os.environ.get("PACK_NO_FORK") == "1":
    c.JailedExecute.fork = False
    c.Referee.fork = False

# Late penalty (tools/grading/late.py): nbgrader's AssignLatePenalties above, with the pack's plugin. Due dates are
# nbgrader's, set in the gradebook with `python -m tools due <name> "2027-04-10 23:59 -03:00"` (both languages);
# the submission time is the instructor's ledger's (tools/grading/times.py). A late notebook loses
# percent_per_period % of the points it earned (its score, before the penalty) per started period ("day" or
# "hour") late, at most cap_percent %; a submission at most grace_minutes late loses nothing (later ones count from
# the due date). The feedback page says how late and what it cost, in the notebook's language.
# percent_per_period = 0 (the default): no penalty, as nbgrader's default. nbgrader's own methods stay reachable:
# c.PerPeriodPenalty.penalty_method = "none" (no penalty) or "zero" (the whole score). A change applies to a
# submission when it is graded again. Example: 10 % a day, at most 50 %, 15 minutes of grace:
#   c.PerPeriodPenalty.percent_per_period = 10
#   c.PerPeriodPenalty.period = "day"
#   c.PerPeriodPenalty.cap_percent = 50
#   c.PerPeriodPenalty.grace_minutes = 15
c.AssignLatePenalties.plugin_class = PerPeriodPenalty
c.PerPeriodPenalty.percent_per_period = 0
c.PerPeriodPenalty.period = "day"
c.PerPeriodPenalty.cap_percent = 100
c.PerPeriodPenalty.grace_minutes = 0

# Feedback: the student's cells as submitted and the grader's messages, nothing produced by student code.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, FeedbackFromGrader]

# Student content is inert on every page rendered from a notebook: the feedback and the formgrader's view of a
# submission (tools/grading/inert.py). Markdown is rendered, then cleaned to an allow-list of formatting tags (no
# script, event handler, javascript: link, iframe, svg, style); code outputs go through nbconvert's sanitizer. The
# feedback page also carries a Content-Security-Policy that lets no script run (MathJax included).
c.HTMLExporter.filters = {"markdown2html": markdown2html}
c.HTMLExporter.sanitize_html = True
# The feedback page itself (tools/grading/feedback_page.py): the pack's template, every word in the notebook's
# language, a summary of the grader's messages function by function at the top, and the policy above.
c.GenerateFeedback.exporter_class = LocalizedFeedbackPage
