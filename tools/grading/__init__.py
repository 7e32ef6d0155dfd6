"""Grading, by stage. nbgrader runs the pipeline; the modules named *plugin* below are nbgrader
preprocessors configured in ``nbgrader_config.py``, so ``make grade``, plain ``nbgrader autograde`` and the
formgrader's buttons grade the same way.

release       ``localize.LocalizedClearSolutions`` (plugin): the student stub in the notebook's language.
sanitize      ``sanitize.ForgetUnknownGradeCells``, ``localize.LocalizedOverwriteCells``,
              ``sanitize.StripHiddenTests`` (plugins): test cells restored from the gradebook, without their
              hidden part; nothing the submission planted under ``pack`` metadata survives.
execute       ``execute.JailedExecute`` (plugin): the notebook runs in a jailed kernel (``jail``), with
              per-cell and per-notebook time limits; kernel deaths cost only their cell. Kernels and check
              processes are forked from a jailed fork server (``template``, ``forkserver``), each child
              confined to its own folder by Landlock (``landlock``).
check         ``referee.Referee`` (plugin): every graded function checked outside the kernel, in a jail
              (``sandbox``), on the example's and hidden inputs (``cases/``), against ``reference/``;
              values cross the jail's wall as plain data only (``plain``). What is computed on them (the
              oracle's answers, the comparison, the diagnosis) runs in a capped process of its own
              (``oracle``); on hidden inputs the verdict is a fixed text.
score         ``scoring.SaveSealedGrades`` (plugin): a test cell's points come from the checks and the
              cell's own success, never from what the kernel displayed.
feedback      ``feedback.FeedbackFromGrader`` (plugin): the student's cells and the grader's messages
              (``messages``), nothing that student code produced; student markdown and outputs cleaned, and
              the page under a Content-Security-Policy (``inert``, nbconvert plugins).
class         ``classroom``: the whole class on parallel workers (``worker``: a private course each, plain data
              in and out), local processes or a Dask cluster (``cluster``); submission folders read as
              untrusted (``intake``), workers' results checked before anything is written (``results``); one
              writer for the gradebook, SQLite or PostgreSQL (``gradebook``).
"""
