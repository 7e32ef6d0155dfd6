"""The start of a local grading worker process (:class:`~tools.grading.classroom.LocalWorkers`' initializer).

A worker's start is two slow parts: its own imports (nbgrader, nbconvert, SQLAlchemy) and its fork server's
(numpy, matplotlib, IPython, in the jail). This module imports neither, so the spawned process reaches it at
once: it starts the fork server, and only then imports the grader (:func:`tools.grading.worker.start`), so that
the two run side by side; the worker waits for the server before its first submission.
"""
import tempfile

from .template import template


def start(run, source, gradebook, config):
    """Set up this process as a local worker of the grading run in the folder ``run`` (see
    :func:`tools.grading.worker.start` for the other parameters)."""
    folder = tempfile.mkdtemp(prefix="worker-", dir=run)
    tempfile.tempdir = folder  # the fork server's jail is made inside this worker's folder, removed with the run
    if config.JailedExecute.get("jail", True) and config.JailedExecute.get("fork", True):
        template(wait=False)
    from . import worker
    worker.start("local", folder, source, gradebook, config, fork_server=True)
