"""What a grading worker returns, checked at the door of the instructor's process before anything is written.

A worker (a local process, or a Dask worker, which anyone holding a certificate of the cluster's CA can be)
returns plain data for one submission (:meth:`tools.grading.worker.PrivateCourse.grade`). None of it is
believed as sent:

* :func:`checked` holds it against the shape nbgrader's autograde writes: the notebooks, grade and comment
  names exactly those of the assignment in the course gradebook, every score between 0 and its cell's
  maximum, only the files grading writes (the notebook, its feedback page, ``timestamp.txt``), sizes capped,
  and the autograded notebook one that the instructor's process can read back (:func:`_readable_notebook`).
  A result that fails is that submission's status ("the worker's result was refused: ...");
* the submission time is the instructor's (the ledger of :mod:`tools.grading.times`; the ``timestamp.txt`` of
  the autograded and feedback folders is replaced by it, or removed when it has none), and the late penalty is
  computed here, by nbgrader's own plugin, from the course's configuration (:func:`late_penalties`);
* each submission's ``autograded/`` and ``feedback/`` folders are replaced whole (:func:`replace_folder`).
"""
import math
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import nbformat
from nbgrader.preprocessors import AssignLatePenalties

from ..course import split_assignment_id
from .notebook import function_and_label, is_test_cell

MAX_FILE_BYTES = 32 * 1024 ** 2  # one autograded notebook or feedback page
MAX_STATUS = 2000
MAX_COMMENT = 10_000


class Refused(ValueError):
    """A worker's result that does not have the shape grading gives; the message says what is wrong."""


def checked(outcome, gb, assignment_id, source):
    """``outcome`` reduced to what may be recorded: ``{"status", "recorded", "autograded", "feedback"}``.

    ``recorded`` keeps only grades and comments (the timestamp and the penalties are the instructor's). Of the
    autograded files only the notebook and ``timestamp.txt`` are the worker's (and the caller replaces that
    ``timestamp.txt`` with the instructor's time): the assignment's other files
    (helper modules, datasets), which nbgrader copies beside it, are taken from ``source`` (the course's own
    ``source/<assignment>`` folder), whatever the worker sent.

    Raises
    ------
    Refused
        when anything in ``outcome`` is not what grading this assignment gives.
    """
    if not isinstance(outcome, dict):
        raise Refused(f"a {type(outcome).__name__}, not a dict")
    status = outcome.get("status")
    if not isinstance(status, str) or not status.startswith(("graded", "not graded")):
        raise Refused("no status")
    status = status[:MAX_STATUS]
    recorded = outcome.get("recorded")
    if recorded is None:
        return {"status": status if status.startswith("not graded") else f"not graded: {status}",
                "recorded": None, "autograded": {}, "feedback": {}}
    if not status.startswith("graded"):
        raise Refused("a result with scores whose status is not 'graded'")
    notebook = split_assignment_id(assignment_id)[0].notebook
    notebooks = _notebooks(recorded, gb, assignment_id)
    course_files = {str(path.relative_to(source)): path for path in sorted(Path(source).rglob("*"))
                    if path.is_file() and not path.is_symlink() and path.suffix != ".ipynb"}
    autograded = _files(outcome.get("autograded"), {notebook, "timestamp.txt"}, course_files, required=notebook)
    _readable_notebook(notebook, autograded[notebook])
    feedback = _files(outcome.get("feedback"), {notebook[:-len(".ipynb")] + ".html", "timestamp.txt"}, course_files)
    return {"status": status, "recorded": {"notebooks": notebooks}, "autograded": autograded, "feedback": feedback}


def _notebooks(recorded, gb, assignment_id):
    if not isinstance(recorded, dict) or not isinstance(recorded.get("notebooks"), dict):
        raise Refused("no notebooks")
    expected = {nb.name: nb for nb in gb.find_assignment(assignment_id).notebooks}
    if set(recorded["notebooks"]) != set(expected):
        raise Refused("notebooks other than the assignment's")
    kept = {}
    for name, data in recorded["notebooks"].items():
        if not isinstance(data, dict) or not isinstance(data.get("grades"), dict) \
                or not isinstance(data.get("comments"), dict):
            raise Refused(f"no grades or comments for {name}")
        # the rows nbgrader's gradebook has for a submitted notebook (Gradebook.add_submission): a grade for every
        # grade and task cell, a comment for every solution and task cell; record() finds each one by its name
        cells = {cell.name: cell.max_score for cell in (*expected[name].grade_cells, *expected[name].task_cells)}
        if set(data["grades"]) != set(cells):
            raise Refused(f"grades other than the cells of {name}")
        for cell, score in data["grades"].items():
            if score is not None and (not isinstance(score, (int, float)) or isinstance(score, bool)
                                      or not math.isfinite(score) or not 0 <= score <= cells[cell]):
                raise Refused(f"a score outside 0..{cells[cell]:g} for {cell}")
        commented = {cell.name for cell in (*expected[name].solution_cells, *expected[name].task_cells)}
        if not set(data["comments"]) <= commented:
            raise Refused(f"comments on cells {name} does not have")
        if any(text is not None and not isinstance(text, str) for text in data["comments"].values()):
            raise Refused("a comment that is not text")
        kept[name] = {"grades": dict(data["grades"]),
                      "comments": {cell: text if text is None else text[:MAX_COMMENT]
                                   for cell, text in data["comments"].items()}}
    return kept


def _files(files, own, course_files, required=None):
    """``files`` checked: the worker's own (names in ``own``) kept, the course's (``course_files``: name -> path)
    read from the course."""
    if not isinstance(files, dict) or not set(files) <= own | set(course_files) or (required and required not in files):
        raise Refused("files other than the notebook, its feedback and the assignment's own")
    for name, data in files.items():
        if not isinstance(data, bytes) or len(data) > MAX_FILE_BYTES:
            raise Refused(f"{name} is not bytes or is over {MAX_FILE_BYTES // 1024 ** 2} MiB")
    return {name: course_files[name].read_bytes() if name in course_files else data for name, data in files.items()}


def _readable_notebook(name, data):
    """Refuse an autograded notebook that the instructor's process could not read back after it is written.

    :func:`classroom.diagnosed_mistakes` reads it (nbformat, then the ``nbgrader`` and ``pack`` metadata of its
    test cells) after the whole class is graded: a file that is not a notebook, or metadata of another shape,
    would stop the run there, before the report, for every student. The same reads are made here, first.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
        for cell in nb.cells:
            if is_test_cell(cell):
                mistake = cell.metadata.get("pack", {}).get("mistake")
                if mistake:
                    function_and_label(cell)  # its grade id, read as text
                    if not isinstance(mistake, str):
                        raise TypeError("a diagnosis that is not text")
    except Exception as error:  # anything the later read would raise
        raise Refused(f"{name} is not a notebook the grader can read ({type(error).__name__})") from None


def late_penalties(gb, config, assignment_id, student):
    """Set each notebook's late penalty of one submission as nbgrader's ``AssignLatePenalties`` would, with the
    course's plugin (``AssignLatePenalties.plugin_class``, ``LateSubmissionPlugin.penalty_method``)."""
    step = AssignLatePenalties(config=config)
    step.init_plugin()
    submission = gb.find_submission(assignment_id, student)
    for notebook in submission.notebooks:
        notebook.late_submission_penalty = None
        if submission.total_seconds_late > 0:
            penalty = step.plugin_inst.late_submission_penalty(student, notebook.score, submission.total_seconds_late)
            if penalty is not None:
                notebook.late_submission_penalty = min(max(penalty, 0), notebook.score)
    gb.db.commit()


def replace_folder(folder, files):
    """Replace ``folder`` with exactly ``files`` (relative path -> bytes), all at once: the files are written to
    a new folder beside it, which then takes its place. A path that is absolute or goes up is refused."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, data in files.items():
            path = Path(name)
            if not path.parts or path.is_absolute() or any(part in (".", "..") for part in path.parts):
                raise Refused(f"a file path that leaves its folder: {name!r}")
            (fresh / path).parent.mkdir(parents=True, exist_ok=True)
            (fresh / path).write_bytes(data)
        fresh.chmod(0o755)
        old = None
        if folder.exists() or folder.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}-old-", dir=folder.parent))
            os.rename(folder, old / "previous")
        os.rename(fresh, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
