"""One grading worker: a private course, and nbgrader's ``autograde`` and ``generate_feedback`` run in it.

A worker (a local process of :mod:`classroom`, or a Dask worker of :mod:`cluster`) owns a private course
folder: the assignments' ``source/``, a SQLite snapshot of the course gradebook, and nbgrader's API on them,
configured with the course's configuration (loaded by the instructor's process, before any student code
runs, with the gradebook's address removed: a worker never knows where the course gradebook is).

A task grades one submission from plain data (the files of its folder) and returns plain data: the status,
what nbgrader recorded in the private gradebook, and the bytes of the autograded and feedback folders. Only
the instructor's process writes the course gradebook and folders (:func:`gradebook.record`).
"""
import copy
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from ..course import split_assignment_id
from .messages import FAILED_CHECK, KERNEL_DIED, TIMEOUT, BUDGET

class ClusterUnavailable(RuntimeError):
    """No Dask scheduler or worker could be reached; the message says what to start."""


IN_FLIGHT = 2  # submissions queued per worker: enough to keep it busy, few enough to bound memory
_COURSES = {}  # key -> PrivateCourse, one per course this worker process grades for


def files_of(folder):
    """Every regular file under ``folder``: dict relative path -> bytes (links are neither followed nor read).

    For the folders the worker's own nbgrader wrote (``autograded/``, ``feedback/``); a student's submission
    folder is read by :mod:`intake` instead.
    """
    folder = Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if not p.is_symlink() and p.is_file()}


def write_files(folder, files):
    """Replace ``folder`` with exactly ``files`` (relative path -> bytes); no path may leave the folder."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, data in files.items():
        target = (folder / name).resolve()
        if not target.is_relative_to(folder.resolve()):
            raise ValueError(f"{name!r} is outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


_ENGINES = {}  # URL of a private gradebook -> the one SQLAlchemy engine nbgrader gets for it in this process


def _create_engine(url, *args, **kwargs):
    """``sqlalchemy.create_engine`` as nbgrader's ``Gradebook`` calls it, but one engine per private gradebook.

    nbgrader opens the gradebook (a new engine) several times per submission, and SQLAlchemy keeps its compiled
    statements on the engine: every opening compiled every query again, about a third of a worker's own CPU
    time per submission. The engine outlives ``Gradebook.close`` (its ``dispose`` only closes the connections).
    Other URLs (the course gradebook, in the instructor's process) get a new engine, as before.
    """
    import sqlalchemy
    if str(url) not in _ENGINES:
        return sqlalchemy.create_engine(url, *args, **kwargs)
    if _ENGINES[str(url)] is None:
        _ENGINES[str(url)] = sqlalchemy.create_engine(url, *args, **kwargs)
    return _ENGINES[str(url)]


def keep_engine(db_url):
    """Let nbgrader reuse one engine for the private gradebook ``db_url`` in this process (see ``_create_engine``)."""
    import nbgrader.api
    _ENGINES.setdefault(str(db_url), None)
    nbgrader.api.create_engine = _create_engine


def forget_engine(db_url):
    engine = _ENGINES.pop(str(db_url), None)
    if engine is not None:
        engine.dispose()


def nbgrader_api(root, config):
    """nbgrader's API on the course folder ``root``, with ``config`` (a traitlets Config) and root's own gradebook."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = copy.deepcopy(config)
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{Path(root) / 'gradebook.db'}"
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


class PrivateCourse:
    """A worker's own course folder and nbgrader's API on it.

    Parameters
    ----------
    folder : path of the worker's private folder (created; removed with the run)
    source : path of the course's ``source/`` (linked) or of a copy of it
    snapshot : path of a SQLite copy of the course gradebook (copied into the folder)
    config : the course's nbgrader configuration (traitlets Config), without ``db_url``
    """

    def __init__(self, folder, source, snapshot, config):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "source").symlink_to(Path(source).resolve(), target_is_directory=True)
        shutil.copy(snapshot, self.folder / "gradebook.db")
        self.api = nbgrader_api(self.folder, config)
        keep_engine(self.db_url)
        self.lock = threading.Lock()  # nbgrader's API is not thread-safe: one submission at a time

    @property
    def db_url(self):
        return f"sqlite:///{self.folder / 'gradebook.db'}"

    def grade(self, assignment_id, student, files, rename=None):
        """Autograde one submission and write its feedback, in this private course.

        Parameters
        ----------
        files : dict relative path -> bytes, the submission folder
        rename : (found name, expected name) when the student renamed the notebook

        Returns
        -------
        dict : ``status`` (str), ``recorded`` (what nbgrader recorded, :func:`recorded`; None when not graded),
            ``autograded`` and ``feedback`` (dict relative path -> bytes)
        """
        with self.lock:
            try:
                return self._grade(assignment_id, student, files, rename)
            finally:  # the worker keeps nothing of a submission but its gradebook rows
                for stage in ("submitted", "autograded", "feedback"):
                    shutil.rmtree(self.folder / stage / student / assignment_id, ignore_errors=True)

    def _grade(self, assignment_id, student, files, rename):
        submitted = self.folder / "submitted" / student / assignment_id
        write_files(submitted, files)
        if rename:
            (submitted / rename[0]).rename(submitted / rename[1])
        result = self.api.autograde(assignment_id, student, force=True, create=True)
        autograded = self.folder / "autograded" / student / assignment_id
        if not result["success"] or not autograded.exists():
            return {"status": f"not graded: {failure(result)}", "recorded": None, "autograded": {}, "feedback": {}}
        notebook = split_assignment_id(assignment_id)[0].notebook
        incidents = incidents_in(nbformat.read(str(autograded / notebook), as_version=4))
        feedback = self.folder / "feedback" / student / assignment_id
        if not self.api.generate_feedback(assignment_id, student, force=True)["success"]:
            incidents.append("no feedback")
        return {"status": f"graded ({'; '.join(incidents)})" if incidents else "graded",
                "recorded": recorded(self.db_url, assignment_id, student),
                "autograded": files_of(autograded),
                "feedback": files_of(feedback) if feedback.exists() else {}}


def failure(result):
    """The line of a failed nbgrader run's log that says why (the exception, not nbgrader's summary)."""
    lines = [l.strip() for l in f"{result.get('log') or ''}\n{result.get('error') or ''}".splitlines() if l.strip()]
    causes = [l for l in lines if re.match(r"[\w.]*(Error|Exception)\b", l) and "NbGraderException" not in l]
    return (causes or lines or ["nbgrader failed"])[-1][:160]


RUNS = Path(tempfile.gettempdir()) / f"dl-pack-grading-{os.getuid()}"


def run_folder():
    """A fresh folder for a grading run; folders of earlier runs whose process is gone are removed.

    Its path is short: the kernels' ``ipc`` socket paths inside it must stay under 108 bytes.
    """
    RUNS.mkdir(mode=0o700, exist_ok=True)
    if RUNS.is_symlink() or RUNS.stat().st_uid != os.getuid():  # planted by another user of this machine
        raise RuntimeError(f"{RUNS} is not this user's own folder: remove it and grade again")
    for old in RUNS.iterdir():
        pid = old.name.partition("-")[0]
        if not pid.isdigit() or not Path(f"/proc/{pid}").exists():
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=RUNS))


def forks(config):
    """Whether the course's configuration ``config`` grades in kernels forked from a fork server (jail and fork on)."""
    return config.JailedExecute.get("jail", True) and config.JailedExecute.get("fork", True)


def start(key, folder, source, snapshot, config, log=True, temporary=None, fork_server=False):
    """Set up this worker process's private course ``key`` in ``folder``.

    Temporary files (jails, nbgrader's) go into ``temporary`` (default: ``folder``), removed with it. With
    ``log``, this process's stderr (which kernels inherit) goes to ``folder/worker.log``. With ``fork_server``
    (a process that grades in the thread that calls this), the fork server starts now, when the configuration
    forks jailed kernels, rather than at the first submission.
    """
    course = PrivateCourse(Path(folder) / "course", source, snapshot, config)
    course.temporary = Path(temporary or folder)
    tempfile.tempdir = str(course.temporary)
    if log:
        descriptor = os.open(Path(folder) / "worker.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        os.dup2(descriptor, 2)
    _COURSES[key] = course
    if fork_server and forks(config):
        from .template import template
        template()  # None, and fresh jailed processes later, where forked children cannot be confined
    return course


def stop(key):
    """Forget the private course ``key`` and remove its folder."""
    course = _COURSES.pop(key, None)
    if course is not None:
        forget_engine(course.db_url)
        shutil.rmtree(course.folder.parent, ignore_errors=True)
        shutil.rmtree(course.temporary, ignore_errors=True)
        if tempfile.tempdir == str(course.temporary):
            tempfile.tempdir = None


def grade(key, assignment_id, student, files, rename=None):
    """Task: grade one submission in this process's private course ``key`` (see :meth:`PrivateCourse.grade`)."""
    return _COURSES[key].grade(assignment_id, student, files, rename)


def recorded(db_url, assignment_id, student):
    """What nbgrader recorded for one submission, as plain data."""
    with Gradebook(db_url) as gb:
        submission = gb.find_submission(assignment_id, student)
        return {"timestamp": submission.timestamp.isoformat() if submission.timestamp else None,  # plain data
                "notebooks": {nb.name: {"late_submission_penalty": nb.late_submission_penalty,
                                        "grades": {g.name: g.auto_score for g in nb.grades},
                                        "comments": {c.name: c.auto_comment for c in nb.comments}}
                              for nb in submission.notebooks}}


INCIDENTS = {KERNEL_DIED: "kernel died in {cell}", TIMEOUT: "timeout in {cell}",
             BUDGET: "time budget used up in {cell}", FAILED_CHECK: "referee overruled {cell}"}


def incidents_in(nb):
    """What went wrong while grading an autograded notebook, as the grader recorded it (never from outputs).

    Kernel deaths and time-outs come from the notebook's ``pack`` metadata, failed out-of-kernel checks of a
    test cell that passed in the kernel from that cell's ``pack`` metadata, and "graded without a jail" last.
    """
    pack = nb.metadata.get("pack", {})
    found = []
    for kind, cell in pack.get("incidents", []):
        text = INCIDENTS.get(kind, kind).format(cell=cell)
        if text not in found:
            found.append(text)
    for cell in nb.cells:
        verdict = cell.metadata.get("pack", {})
        if verdict.get("overruled"):
            found.append(INCIDENTS[FAILED_CHECK].format(cell=cell.metadata["nbgrader"]["grade_id"]))
    if pack.get("jailed") is False:
        found.append("graded without a jail")
    return found
