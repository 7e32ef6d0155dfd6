"""The course gradebook: where it is, a snapshot for the workers, and its single writer.

The gradebook is nbgrader's, wherever the course keeps it: by default the SQLite file ``gradebook.db`` at the
course root, or any database nbgrader's ``CourseDirectory.db_url`` names (PostgreSQL, for example), so that
the formgrader, ``nbgrader export`` and the pack read and write the same one.
"""
import copy
import shutil
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SAWarning


def load_config(course):
    """The course's nbgrader configuration, with its root set to ``course``: as nbgrader's commands read it, every
    ``nbgrader_config.py`` of Jupyter's configuration path (``/etc/jupyter``, ``~/.jupyter``, ``JUPYTER_CONFIG_PATH``:
    where a shared server sets ``Exchange.root`` for everyone), then the course's own, which wins."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(course)]:  # the last one read wins, as in nbgrader
        if (Path(folder) / "nbgrader_config.py").is_file():
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
    config.CourseDirectory.root = str(course)
    return config


def db_url(course, config=None):
    """The address of the course gradebook, as nbgrader computes it from the course's configuration."""
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=config or load_config(course)).db_url


def without_gradebook(config):
    """``config`` without the gradebook's address: what a worker is given."""
    config = copy.deepcopy(config)
    config.CourseDirectory.pop("db_url", None)
    return config


STUDENT_TABLES = ("comment", "grade", "submitted_notebook", "submitted_assignment", "student")  # children first


def snapshot(url, path):
    """Write a SQLite copy of the gradebook at ``url`` to ``path``, for the workers: the course's assignments,
    notebooks and cells, and nothing of any student (no students, submissions, grades or comments)."""
    _copy(url, Path(path))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as write:
            for table in STUDENT_TABLES:
                write.execute(text(f"DELETE FROM {table}"))
    finally:
        engine.dispose()
    return Path(path)


def _copy(url, path):
    """A SQLite copy of the gradebook at ``url`` at ``path`` (a file copy for SQLite, rows otherwise)."""
    if url.startswith("sqlite:///"):
        shutil.copy(url[len("sqlite:///"):], path)
        return path
    from nbgrader.api import Base
    source, target = create_engine(url), create_engine(f"sqlite:///{path}")
    try:
        Base.metadata.create_all(target)
        with source.connect() as read, target.begin() as write:
            version = read.execute(text("SELECT version_num FROM alembic_version")).scalar()
            write.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            write.execute(text("INSERT INTO alembic_version (version_num) VALUES (:version)"), {"version": version})
            for table in Base.metadata.sorted_tables:
                rows = [dict(row) for row in read.execute(table.select()).mappings()]
                if rows:
                    write.execute(table.insert(), rows)
    finally:
        source.dispose()
        target.dispose()
    return path


def record(gb, assignment_id, student, recorded):
    """Write one worker's result (:func:`worker.recorded`) into the course gradebook, as nbgrader's autograde would.

    Exactly the fields that nbgrader's ``SaveAutoGrades`` and ``update_or_create_submission`` write, so the
    result equals a serial ``nbgrader autograde``, and manual grades given in the formgrader are kept.
    ``recorded["timestamp"]`` is the instructor's submission time (:mod:`tools.grading.times`), and it is
    recorded as given: None clears a time recorded earlier (a submission the ledger does not know has none).
    """
    gb.update_or_create_student(student)
    with warnings.catch_warnings():
        # nbgrader's add_submission touches a relationship before its session flush; SQLAlchemy 2 says so
        # (the serial `nbgrader autograde` does the same); the rows are written correctly.
        warnings.filterwarnings("ignore", category=SAWarning)
        gb.update_or_create_submission(assignment_id, student, timestamp=recorded["timestamp"])
    for notebook, data in recorded["notebooks"].items():
        if "late_submission_penalty" in data:  # otherwise computed by the caller (tools/grading/results.py)
            gb.find_submission_notebook(notebook, assignment_id, student).late_submission_penalty = \
                data["late_submission_penalty"]
        for name, auto_score in data["grades"].items():
            grade = gb.find_grade(name, notebook, assignment_id, student)
            grade.auto_score = auto_score
            grade.needs_manual_grade = grade.manual_score is not None or auto_score is None
        for name, auto_comment in data["comments"].items():
            gb.find_comment(name, notebook, assignment_id, student).auto_comment = auto_comment
    gb.db.commit()


@dataclass
class Scores:
    """One submission in the gradebook: its scores, as nbgrader computes them, its time and extension.

    ``score``, ``max_score``, ``penalty``, ``timestamp``, ``extension``: the submission's (``SubmittedAssignment``'s
    ``score``, ``max_score``, ``late_submission_penalty``, 0.0 when it has none, ``timestamp``, and ``extension``,
    the student's extra time from nbgrader's ``grant_extension``, or None); ``grades``: one row per grade,
    (notebook, grade id, auto score, score, max score), sorted; ``comments``: one row per comment, (notebook,
    comment id, auto comment), sorted.
    """

    score: float
    max_score: float
    penalty: float
    timestamp: object = None
    extension: object = None
    grades: list = field(default_factory=list)
    comments: list = field(default_factory=list)


def submission_scores(gb, assignment_id, student=None, cells=True):
    """student -> :class:`Scores` of every submission of ``assignment_id`` (or of ``student``'s only) in the
    gradebook ``gb``, read in three queries (one without ``cells``: then ``grades`` and ``comments`` stay empty):
    nbgrader's objects load each value with a query of its own, about ten per submission, which made reading a
    class of 160 take a second."""
    from nbgrader.api import (Assignment, BaseCell, Comment, Grade, Notebook, Student, SubmittedAssignment,
                              SubmittedNotebook)

    def of_assignment(query):
        query = query.join(SubmittedAssignment.assignment).join(SubmittedAssignment.student)
        query = query.filter(Assignment.name == assignment_id)
        return query.filter(Student.id == student) if student is not None else query

    found = {sid: Scores(score, max_score, penalty or 0.0, timestamp, extension)
             for sid, score, max_score, penalty, timestamp, extension in of_assignment(gb.db.query(
                 Student.id, SubmittedAssignment.score, SubmittedAssignment.max_score,
                 SubmittedAssignment.late_submission_penalty, SubmittedAssignment.timestamp,
                 SubmittedAssignment.extension).select_from(SubmittedAssignment))}
    for kind, columns, rows in ((Grade, (Grade.auto_score, Grade.score, Grade.max_score), "grades"),
                                (Comment, (Comment.auto_comment,), "comments"))[:2 if cells else 0]:
        query = gb.db.query(Student.id, Notebook.name, BaseCell.name, *columns).select_from(kind)
        query = query.join(kind.cell).join(kind.notebook).join(SubmittedNotebook.notebook)
        for sid, *row in of_assignment(query.join(SubmittedNotebook.assignment)):
            getattr(found[sid], rows).append(tuple(row))
    for scores in found.values():
        scores.grades.sort()
        scores.comments.sort()
    return found
