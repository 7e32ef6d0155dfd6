"""Grade on an existing Dask distributed cluster: ``python -m tools grade --scheduler tcp://HOST:PORT``.

What each part sees
-------------------
* The **instructor's process** (the Dask client) reads the course: ``submitted/``, the gradebook (SQLite or
  PostgreSQL) and its configuration. It is the gradebook's only writer, and it writes ``autograded/`` and
  ``feedback/`` as results arrive.
* Each **Dask worker** is sent, once (a worker plugin, :class:`ShipCourse`, which Dask also runs on workers
  that join or restart later): the grader's code (``tools/``, ``reference/``, ``utils/`` and ``exercises/``, as
  loaded by the instructor, never ``masters/``, so a worker needs only the course's requirements installed and
  cannot grade with another version), the graded assignments' ``source/`` folders, a SQLite snapshot of the gradebook, and the course's
  configuration without the gradebook's address. It never learns where the course gradebook is, and shares
  no filesystem with the instructor's machine.
* A **task** carries one submission's files and returns plain data (:func:`worker.grade`): the status, what
  nbgrader recorded, the autograded and feedback folders. Student code runs in the same jail, with the same
  fail-closed rules, as in local grading: it sees its own folder only, and no network (so not the
  scheduler, the workers or the database).
* The **scheduler** sees the plugin and the tasks in transit. Anyone who can reach it can run code on the
  workers (that is Dask's model), so the connection is secure by default (:func:`client_security`): a
  ``tls://`` scheduler is reached with mutual TLS (this client's certificate, signed by the cluster's CA, and
  the scheduler's checked against that CA), and a plaintext ``tcp://`` scheduler off the loopback is refused
  before any connection unless plaintext is explicitly allowed.

A task whose worker dies is given to another worker by Dask (up to its ``allowed-failures``); its result is
recorded once, when it arrives.
"""
import hashlib
import io
import ipaddress
import pickle
import ssl
import sys
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import cloudpickle
from distributed import Client, WorkerPlugin, wait
from distributed.comm.addressing import parse_address, parse_host_port
from distributed.security import Security

from . import worker
from .results import Refused
from .unchanged import grader_folders

WAIT_FOR_WORKERS = 60  # seconds to wait for a first worker before giving up
ENCRYPTED = ("tls", "wss")  # Dask's schemes that carry TLS (the others are plaintext)
TLS_SETTINGS = (  # (the pack's flag, ClusterSecurity's field, Security's field, Dask's setting)
    ("--tls-ca-file", "ca_file", "tls_ca_file", "distributed.comm.tls.ca-file"),
    ("--tls-cert", "cert", "tls_client_cert", "distributed.comm.tls.client.cert"),
    ("--tls-key", "key", "tls_client_key", "distributed.comm.tls.client.key"),
)


class ClusterInsecure(worker.ClusterUnavailable):
    """The scheduler would be reached without encryption off the loopback, or without this client's
    certificates; the message says why and what to pass."""


@dataclass(frozen=True)
class ClusterSecurity:
    """How the instructor's process reaches the scheduler (``python -m tools grade``'s flags).

    Parameters
    ----------
    ca_file, cert, key : PEM files: the cluster's CA certificate, this client's certificate (signed by that CA)
        and its private key (``key`` may be left out when ``cert`` holds it too). Each one left out is read from
        Dask's configuration (``distributed.comm.tls.ca-file``, ``distributed.comm.tls.client.cert``,
        ``distributed.comm.tls.client.key``). Used with a ``tls://`` scheduler only.
    allow_plaintext : reach a ``tcp://`` scheduler that is not on the loopback (whoever is on the network
        between can then read the submissions, join as a worker or run code on the workers)
    """
    ca_file: str | None = None
    cert: str | None = None
    key: str | None = None
    allow_plaintext: bool = False


def is_loopback(host):
    """Whether ``host`` names this machine without asking any resolver: 127.0.0.0/8, ::1 or ``localhost``."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host.partition("%")[0])
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def tls_fix():
    """What to pass, or set in Dask's configuration, for a client's certificates."""
    flags = " ".join(f"{flag} {name.upper()}" for flag, name, _, _ in TLS_SETTINGS)
    settings = ", ".join(setting for _, _, _, setting in TLS_SETTINGS)
    variables = ", ".join("DASK_" + setting.upper().replace(".", "__").replace("-", "_")
                          for _, _, _, setting in TLS_SETTINGS)
    return (f"pass `{flags}` (this client's certificate and key, signed by the CA the scheduler and workers "
            f"were started with: `dask scheduler --tls-ca-file ... --tls-cert ... --tls-key ...`), or set "
            f"them in Dask's configuration: {settings} (environment: {variables})")


def client_security(scheduler, security=None):
    """The :class:`~distributed.security.Security` for reaching ``scheduler``, or None (Dask's default, for
    a plaintext scheduler on the loopback). Nothing here touches the network.

    Raises
    ------
    ClusterInsecure
        for a plaintext address off the loopback (unless ``security.allow_plaintext``), for a ``tls://`` address
        without a CA certificate and a client certificate (from ``security`` or Dask's configuration), or with
        files that cannot be loaded; the message names the cause and the fix.
    """
    security = security or ClusterSecurity()
    given = {field: getattr(security, name) for _, name, field, _ in TLS_SETTINGS if getattr(security, name)}
    try:
        scheme, location = parse_address(scheduler)
        host = location if scheme == "inproc" else parse_host_port(location, default_port=0)[0]
    except (TypeError, ValueError) as error:
        raise ClusterInsecure(f"{scheduler!r} is not a Dask scheduler's address ({error}): give "
                              "`tls://HOST:PORT`") from None
    if scheme not in ENCRYPTED:
        if given:
            raise ClusterInsecure(f"certificates were given (--tls-*) for {scheduler}, a plaintext address: "
                                  f"write it tls://{location}, with the scheduler started with TLS")
        if scheme != "inproc" and not is_loopback(host) and not security.allow_plaintext:
            raise ClusterInsecure(
                f"refusing to reach the scheduler {scheduler} in plaintext: it is not on this machine's loopback: "
                "whoever can reach it could join as a worker or run code on the workers, and whoever is on the "
                "network between could read the submissions and the grader's code. Use TLS: start the scheduler and the "
                f"workers with certificates (README, \"Grading past one machine\"), grade with `--scheduler "
                f"tls://{location}` and {tls_fix()}. On a network you trust, `--allow-plaintext` grades in "
                "plaintext anyway")
        if Security().require_encryption:
            raise ClusterInsecure(f"Dask's configuration requires encryption (distributed.comm.require-encryption) "
                                  f"and {scheduler} is plaintext: give the scheduler's tls:// address")
        return None
    try:
        tls = Security(require_encryption=True, **given)
    except ValueError as error:  # a TLS version of Dask's configuration that Dask does not support
        raise ClusterInsecure(f"Dask's TLS configuration is not usable: {error}") from None
    missing = [f"{flag} ({setting})" for flag, _, field, setting in TLS_SETTINGS[:2] if not getattr(tls, field)]
    if missing:
        raise ClusterInsecure(f"{scheduler} is a TLS address, and this client has no {' and no '.join(missing)}: "
                              f"the scheduler accepts only clients with a certificate signed by its CA: {tls_fix()}")
    for flag, _, field, setting in TLS_SETTINGS:
        path = getattr(tls, field)
        if path and "\n" not in path and not Path(path).is_file():  # (Dask also takes PEM text itself)
            raise ClusterInsecure(f"no such file: {flag} {path} ({setting}): give the path of the PEM file")
    try:
        tls.get_connection_args("client")  # loads the files: a wrong path or a key that is not the cert's fails here
    except (OSError, ssl.SSLError, ValueError) as error:
        files = ", ".join(f"{flag} {getattr(tls, field)}" for flag, _, field, _ in TLS_SETTINGS if getattr(tls, field))
        raise ClusterInsecure(f"cannot load this client's TLS files ({files}): {error}. Give PEM files: the "
                              "cluster's CA certificate, and a certificate signed by it with its own key") from None
    return tls


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
    """A zip of the grader's code as this process loaded it (:func:`tools.grading.unchanged.grader_folders`)."""
    return zipped(grader_folders())


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

    Same interface as :class:`classroom.LocalWorkers`. ``security`` (:class:`ClusterSecurity`, default: Dask's
    configuration only) says how to reach the scheduler; an unsafe address or missing certificates stop before
    any connection (:func:`client_security`).
    """

    def __init__(self, scheduler, course, ids, gradebook, config, jail, security=None):
        tls = client_security(scheduler, security)
        cloudpickle.register_pickle_by_value(sys.modules[__name__])
        try:
            # Results are read as msgpack only: a worker's pickle (code run on unpickling) is refused unread.
            self.client = Client(scheduler, timeout=WAIT_FOR_WORKERS, security=tls, deserializers=["msgpack"])
        except OSError as error:
            certificates = ", or that the scheduler's CA signed this client's certificate" if tls else ""
            raise worker.ClusterUnavailable(f"no Dask scheduler at {scheduler} ({error}): start `dask scheduler` "
                                            f"there, or check the address{certificates}") from None
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

    @staticmethod
    def result(future):
        """The task's result, read as msgpack; anything else (a pickle, say) is refused unread.

        Raises
        ------
        results.Refused
            when the worker sent something other than msgpack.
        """
        try:
            return future.result()
        except TypeError as error:
            if "only able to deserialize" in str(error):
                raise Refused(f"it is not plain data ({str(error)[:120]})") from None
            raise

    def close(self, wait=True):
        """Leave the cluster (its workers forget this course); ``wait`` is the local pool's and changes nothing here."""
        try:
            self.client.unregister_worker_plugin(self.plugin.name)
        finally:
            self.client.close()

    def join(self):
        """Nothing to wait for: :meth:`close` has returned when the cluster has let go of the course."""
