"""Grade on an existing Dask distributed cluster: ``python -m tools grade --scheduler tcp://HOST:PORT``.

What each part sees
-------------------
* The **instructor's process** (the Dask client) reads the course: ``submitted/``, the gradebook (SQLite or
  PostgreSQL) and its configuration. It is the gradebook's only writer, and it writes ``autograded/`` and
  ``feedback/`` as results arrive.
* Each **Dask worker** is sent, once (a worker plugin, :class:`ShipCourse`, which Dask also runs on workers
  that join or restart later): the grader's code (``tools/``, ``reference/``, ``utils/`` and ``masters/``, as
  loaded by the instructor, so a worker needs only the course's requirements installed and cannot grade with another
  version), the graded assignments' ``source/`` folders, a SQLite snapshot of the gradebook, and the course's
  configuration without the gradebook's address. It never learns where the course gradebook is, and shares
  no filesystem with the instructor's machine.
* A **task** carries one submission's files and returns plain data (:func:`worker.grade`): the status, what
  nbgrader recorded, the autograded and feedback folders. Student code runs in the same jail, with the same
  fail-closed rules, as in local grading: it sees its own folder only, and no network (so not the
  scheduler, the workers or the database).
* The **scheduler** sees the plugin and the tasks in transit. Anyone who can reach it can run code on the
  workers (that is Dask's model): keep it on a private network, or use Dask's TLS security.

A task whose worker dies is given to another worker by Dask (up to its ``allowed-failures``); its result is
recorded once, when it arrives.
"""
import hashlib
import io
import pickle
import sys
import uuid
import zipfile
from pathlib import Path

import cloudpickle
from distributed import Client, WorkerPlugin, wait

from . import worker

WAIT_FOR_WORKERS = 60  # seconds to wait for a first worker before giving up


def zipped(folders, extra=()):
    """A zip of ``folders`` (dict name in the archive -> folder) and ``extra`` files ((name, path) pairs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, folder in folders.items():
            folder = Path(folder).resolve()
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    archive.write(path, f"{name}/{path.relative_to(folder)}")
        for name, path in extra:
            archive.write(path, name)
    return buffer.getvalue()


def grader_code():
    """The grader's code as this process loaded it: ``tools/``, ``reference/``, ``utils/`` and ``masters/``
    (which name the course's assignments)."""
    import reference
    import tools
    from ..course import ROOT
    return zipped({"tools": Path(tools.__file__).parent, "reference": Path(reference.__file__).parent,
                   "utils": Path(reference.__file__).resolve().parent.parent / "utils", "masters": ROOT / "masters"})


class ShipCourse(WorkerPlugin):
    """Set up a Dask worker to grade for one course (sent by value: the worker has no copy of the pack).

    Parameters
    ----------
    key : this run's name on the workers
    code : zip of the grader's code (:func:`grader_code`)
    course : zip of ``source/<assignment id>/`` folders and ``gradebook.db`` (a SQLite snapshot)
    config : pickled course configuration, without the gradebook's address
    jail : probe the jail on the worker (grading stops with the cause if it cannot be made)
    """

    def __init__(self, key, code, course, config, jail):
        self.name = f"dl-pack-{key}"
        self.key, self.code, self.course, self.config, self.jail = key, code, course, config, jail
        self.version = hashlib.sha256(code).hexdigest()[:16]

    def setup(self, worker):
        import io
        import shutil
        import sys
        import zipfile
        from pathlib import Path

        base = Path(worker.local_directory)
        code = base / f"dl-pack-code-{self.version}"
        if not code.exists():
            partial = base / f"{code.name}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            zipfile.ZipFile(io.BytesIO(self.code)).extractall(partial)
            partial.rename(code)
        loaded = sys.modules.get("tools")
        if loaded is not None and Path(loaded.__file__).resolve().parent.parent != code.resolve():
            raise RuntimeError("this Dask worker has already graded with another version of the pack: "
                               "restart the workers (`dask worker ...` again) and grade again")
        if str(code) not in sys.path:
            sys.path.insert(0, str(code))
        from tools.grading import worker as grading
        from tools.grading.jail import check_available
        if self.jail:
            check_available()
        folder = base / self.name
        shutil.rmtree(folder, ignore_errors=True)
        zipfile.ZipFile(io.BytesIO(self.course)).extractall(folder / "trusted")
        grading.start(self.key, folder, folder / "trusted" / "source", folder / "trusted" / "gradebook.db",
                      pickle.loads(self.config), log=False, temporary=grading.run_folder())

    def teardown(self, worker):
        import sys
        grading = sys.modules.get("tools.grading.worker")
        if grading is not None:
            grading.stop(self.key)


def grade(key, assignment_id, student, files, rename):
    """Task: :func:`worker.grade` on the worker (sent by value, see :class:`ByValue`)."""
    from tools.grading import worker as grading
    return grading.grade(key, assignment_id, student, files, rename)


class ByValue:
    """A function that unpickles as itself, pickled by value: the scheduler, which unpickles every task,
    has no copy of the pack (Dask pickles a task graph with plain pickle, which names functions by module)."""

    def __init__(self, function):
        self.function = function
        self.pickled = cloudpickle.dumps(function)

    def __call__(self, *args, **kwargs):
        return self.function(*args, **kwargs)

    def __reduce__(self):
        return cloudpickle.loads, (self.pickled,)


class DaskWorkers:
    """The workers of the Dask cluster at ``scheduler``, set up to grade ``ids`` of ``course``.

    Same interface as :class:`classroom.LocalWorkers`.
    """

    def __init__(self, scheduler, course, ids, gradebook, config, jail):
        cloudpickle.register_pickle_by_value(sys.modules[__name__])
        try:
            self.client = Client(scheduler, timeout=WAIT_FOR_WORKERS)
        except OSError as error:
            raise worker.ClusterUnavailable(f"no Dask scheduler at {scheduler} ({error}): start `dask scheduler` "
                                            "there, or check the address") from None
        try:
            self.client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        except TimeoutError:
            self.client.close()
            raise worker.ClusterUnavailable(f"no Dask worker joined {scheduler} within {WAIT_FOR_WORKERS} s: start "
                                            f"`dask worker {scheduler}` on the grading machines") from None
        self.key, self.grade = uuid.uuid4().hex[:12], ByValue(grade)
        course_files = zipped({f"source/{a}": Path(course) / "source" / a for a in ids},
                              [("gradebook.db", gradebook)])
        self.plugin = ShipCourse(self.key, grader_code(), course_files, pickle.dumps(config), jail)
        try:
            self.client.register_plugin(self.plugin)
        except BaseException:
            self.client.close()
            raise

    def capacity(self):
        return max(1, sum(self.client.nthreads().values())) * worker.IN_FLIGHT

    def submit(self, assignment_id, student, files, rename):
        return self.client.submit(self.grade, self.key, assignment_id, student, files, rename, pure=False,
                                  key=f"grade-{assignment_id}-{student}-{uuid.uuid4().hex[:8]}")

    @staticmethod
    def first_done(futures):
        return wait(futures, return_when="FIRST_COMPLETED").done

    def close(self):
        try:
            self.client.unregister_worker_plugin(self.plugin.name)
        finally:
            self.client.close()
