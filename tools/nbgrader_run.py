"""Run real nbgrader commands on a course folder, and read its gradebook.

Everything here drives nbgrader itself (its command line and its ``Gradebook``
API on the course's gradebook, wherever its ``db_url`` says): the pack adds steps
around it, not a grader of its own.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from nbgrader.api import Gradebook

from . import notebooks
from .course import ROOT, assignment_ids, split_assignment_id

COURSE_FILES = ("nbgrader_config.py",)


class NbgraderError(RuntimeError):
    """An nbgrader command exited with an error; the message holds its output."""


def nbgrader(args, course, quiet=True):
    """Run ``nbgrader <args>`` in ``course``; return its combined output.

    Raises
    ------
    NbgraderError
        if nbgrader exits with a non-zero status.
    """
    command = [sys.executable, "-m", "nbgrader", *args]
    if quiet:
        command.append("--log-level=WARN")
    # nbgrader runs `alembic` from PATH: put this interpreter's scripts first.
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    done = subprocess.run(command, cwd=course, capture_output=True, text=True, env=env)
    output = done.stdout + done.stderr
    if done.returncode:
        raise NbgraderError(f"`nbgrader {' '.join(args)}` failed in {course}:\n{output}")
    return output


def make_course(path, with_release=True):
    """A fresh course folder at ``path`` with this repository's config, source and release.

    Used by the tests and the demo so that nothing in the repository is written.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    for name in COURSE_FILES:
        shutil.copy(ROOT / name, path / name)
    for package in ("tools", "reference", "exercises"):  # the config's plugins, the reference, the cases
        if not (path / package).exists():
            (path / package).symlink_to(ROOT / package, target_is_directory=True)
    for folder in ("source", "release") if with_release else ("source",):
        shutil.copytree(ROOT / folder, path / folder, dirs_exist_ok=True)
    return path


def release(course=ROOT, ids=None):
    """``nbgrader generate_assignment`` every assignment (or ``ids``), then normalise the notebooks.

    Also records the assignments, their notebooks and cells in the course's gradebook.
    Returns the written release notebooks.
    """
    written = []
    for assignment_id in ids or assignment_ids():
        assignment, _ = split_assignment_id(assignment_id)
        nbgrader(["generate_assignment", assignment_id, "--force"], course)
        path = Path(course) / "release" / assignment_id / assignment.notebook
        written.append(notebooks.write(notebooks.read(path), path))
    return written


def autograde(course, assignment_id, student=None):
    """``nbgrader autograde`` one assignment for every submitted student, or only ``student``."""
    args = ["autograde", assignment_id, "--force"]
    if student:
        args.append(f"--student={student}")
    return nbgrader(args, course)


def generate_feedback(course, assignment_id):
    """``nbgrader generate_feedback`` for every autograded submission of one assignment."""
    return nbgrader(["generate_feedback", assignment_id, "--force"], course)


def export_grades(course, to="grades.csv"):
    """Export the gradebook to CSV as ``nbgrader export`` does; return the CSV path.

    The exporter is nbgrader's own rows and columns written as well-formed CSV with a formula guard
    (:class:`tools.lms.GradesCsvExportPlugin`): student ids are the students' folder names. It runs in this
    process, on the gradebook the course's configuration names, as nbgrader's ``export`` command runs it
    (``nbgrader export --exporter=tools.lms.GradesCsvExportPlugin`` writes the same file): not a second
    interpreter that imports nbgrader again, which cost about 3 s per ``grade``.
    """
    from nbgrader.coursedir import CourseDirectory

    from .grading.gradebook import load_config
    from .lms import GradesCsvExportPlugin

    config = load_config(course)
    coursedir = CourseDirectory(config=config)
    target = Path(course) / to
    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        GradesCsvExportPlugin(config=config, to=str(target)).export(gb)
    return target


def cell_scores(course, assignment_id, student):
    """Autograded score of every test cell of one submission: dict grade_id -> (score, max_score)."""
    from .grading.gradebook import db_url
    with Gradebook(db_url(Path(course))) as gb:
        submission = gb.find_submission(assignment_id, student)
        return {grade.name: (grade.score, grade.max_score)
                for notebook in submission.notebooks for grade in notebook.grades}
