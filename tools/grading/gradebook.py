"""The course gradebook: where it is, a snapshot for the workers, and its single writer.

The gradebook is nbgrader's, wherever the course keeps it: by default the SQLite file ``gradebook.db`` at the
course root, or any database nbgrader's ``CourseDirectory.db_url`` names (PostgreSQL, for example), so that
the formgrader, ``nbgrader export`` and the pack read and write the same one.
"""
import copy
import shutil
import warnings
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
