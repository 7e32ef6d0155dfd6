"""The start of a local grading worker process (:class:`~tools.grading.classroom.LocalWorkers`' initializer).

A worker's start is two slow parts: the grader's imports (nbgrader, nbconvert, SQLAlchemy) and its fork server's
(numpy, matplotlib, IPython, in the jail). A worker forked from the instructor's process has the grader imported
already: it starts its fork server at once, and loads the assignments' cases and reference meanwhile. A spawned
one (a pool that replaces a broken one) reaches this module at once too, since it imports neither: it starts the
fork server, and only then imports the grader (:func:`tools.grading.worker.start`), so that the two run side by
side. Either waits for the server before its first submission. The course's configuration comes pickled, and is
read after the server has started: it names the grader's classes (nbgrader's preprocessors, the pack's plugins),
so reading it imports the grader in a spawned worker.
"""
import gc
import pickle
import tempfile
from multiprocessing import util

from ..course import preloaded
from .template import also_preload, close_templates, template


def start(run, source, gradebook, config, fork_server, assignment_ids=()):
    """Set up this process as a local worker of the grading run in the folder ``run``, to grade ``assignment_ids``.

    ``config`` is the course's configuration, pickled; ``fork_server``: whether it grades with a fork server
    (see :func:`tools.grading.worker.start` for the other parameters). Besides the imports, the worker loads the
    assignments' cases and references, and its oracle process too, before its first submission.
    """
    gc.disable()  # while importing the grader: the collections it would trigger find little garbage (0.4 s)
    folder = tempfile.mkdtemp(prefix="worker-", dir=run)
    tempfile.tempdir = folder  # the fork server's jail is made inside this worker's folder, removed with the run
    if fork_server:
        also_preload(preloaded(assignment_ids))
        template(wait=False)
        util.Finalize(None, close_templates, exitpriority=0)  # at its end: a forked worker skips atexit (os._exit)
    config = pickle.loads(config)  # trusted: the instructor's process pickled it
    from . import referee, worker
    referee.warm(config, assignment_ids)
    worker.start("local", folder, source, gradebook, config, fork_server=True)
    gc.freeze()  # what the imports made is never garbage: collections skip it, and so does the exit (0.3 s less)
    gc.enable()
