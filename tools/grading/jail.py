"""The jail every process that runs student code runs in: bubblewrap plus hard resource limits.

A jailed process sees
  * the Python environment (this interpreter's prefix and base prefix) and the
    system's ``/usr``, ``/etc`` and libraries, read-only;
  * one private, writable folder (``Jail.work``): the trusted helper files of
    the assignment and the submitted ``.ipynb``, nothing else of the submission;
  * a private ``/tmp`` (a size-capped tmpfs) and, for kernels, a private folder
    for the ``ipc`` sockets and the connection file (``Jail.comm``);
and nothing else: not the course root, ``reference/``, ``tools/``, the
gradebook, ``submitted/``, ``autograded/``, ``feedback/``, other workers'
folders, other processes (its own pid namespace) or the network (its own,
empty network namespace).

Its limits are hard (``prlimit`` sets soft = hard before the jail starts, and
the process runs without privileges, so it cannot raise them): address space,
processes, file size, CPU time, open files, no core dumps. ``--die-with-parent``
and the pid namespace make the whole process tree die with the jail.

Run as root (as in CI), the jail also drops to an unprivileged uid of its own
(``setpriv``), so that the process limit applies (root is exempt from it).
Run as another user, bubblewrap makes an unprivileged user namespace; the
process limit then counts that user's other processes too, so it is set above
their current number.

bubblewrap was chosen over Landlock because it hides paths instead of denying
them (``reference/`` does not exist in the jail), gives a private pid and
network namespace in one step, and needs no code of ours in the jailed process.
"""
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SYSTEM = ("usr", "etc", "bin", "sbin", "lib", "lib32", "lib64")  # bound read-only into every jail
JAILED_UID = 61000  # root only: the jail's uid is this plus a per-process offset (never a real user's uid)


class JailUnavailable(RuntimeError):
    """The jail cannot be set up on this machine; the message names the cause and the fix."""


@dataclass(frozen=True)
class Limits:
    """Hard limits of one jailed process tree.

    Attributes
    ----------
    memory : int, bytes of address space per process (a memory bomb gets MemoryError)
    processes : int, processes and threads the tree may have at once
    file_size : int, bytes of the largest file it may write
    cpu_seconds : int, CPU time of each process
    open_files : int, open file descriptors per process
    tmp_size : int, bytes of the private /tmp
    """

    memory: int = 4 * 1024 ** 3
    processes: int = 128
    file_size: int = 64 * 1024 ** 2
    cpu_seconds: int = 900
    open_files: int = 512
    tmp_size: int = 256 * 1024 ** 2


@functools.lru_cache(maxsize=None)
def check_available():
    """Raise :class:`JailUnavailable` unless bubblewrap can make a jail here (probed once per process)."""
    for tool, package in (("bwrap", "bubblewrap"), ("prlimit", "util-linux"), ("setpriv", "util-linux")):
        if shutil.which(tool) is None:
            raise JailUnavailable(f"`{tool}` is not installed: install it (Debian: `apt-get install {package}`), "
                                  "or grade without a jail with --no-jail")
    probe = subprocess.run(_bwrap_prefix(Path("/"), None, Limits()) + ["true"], capture_output=True, text=True)
    if probe.returncode:
        reason = (probe.stderr.strip().splitlines() or ["no message"])[-1]
        raise JailUnavailable(
            f"bubblewrap cannot create a sandbox here ({reason}). User namespaces are probably off: "
            "enable them (`sysctl -w kernel.unprivileged_userns_clone=1` and a non-zero "
            "`user.max_user_namespaces`; inside a container, allow them), or grade without a jail with --no-jail")


def _python_paths():
    """The read-only folders the interpreter needs: the venv and the installation it is made from."""
    paths = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(sys.executable).resolve().parent.parent}
    return sorted(p for p in paths if p.exists())


def _own_processes():
    uid = os.getuid()
    return sum(1 for entry in Path("/proc").iterdir() if entry.name.isdigit() and _owner(entry) == uid)


def _owner(path):
    try:
        return path.stat().st_uid
    except OSError:
        return None


def _bwrap_prefix(work, comm, limits, env=None):
    """``prlimit … bwrap …`` up to (not including) the jailed command."""
    processes = limits.processes if os.getuid() == 0 else _own_processes() + limits.processes
    command = ["prlimit", f"--as={limits.memory}", f"--nproc={processes}", f"--fsize={limits.file_size}",
               f"--cpu={limits.cpu_seconds}", f"--nofile={limits.open_files}", "--core=0", "--",
               "bwrap", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
               "--die-with-parent", "--new-session", "--hostname", "jail", "--clearenv"]
    if os.getuid() != 0:
        command += ["--unshare-user", "--disable-userns"]
    for name in SYSTEM:
        if Path("/", name).exists():
            command += ["--ro-bind", f"/{name}", f"/{name}"]
    command += ["--proc", "/proc", "--dev", "/dev"]
    for private in ("/tmp", "/dev/shm"):  # /dev/shm: multiprocessing's semaphores (joblib, scikit-learn)
        command += ["--perms", "1777", "--size", str(limits.tmp_size), "--tmpfs", private]
    made = set()
    binds = [("--ro-bind", path) for path in _python_paths()]
    binds += [("--bind", path) for path in (work, comm) if path is not None and path != Path("/")]
    for option, path in binds:
        # bubblewrap makes missing parents private (0700); the unprivileged jail must be able to pass them
        for parent in reversed(path.parents):
            if parent != Path("/") and parent not in made and not _under_system(parent):
                command += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        command += [option, str(path), str(path)]
    if work != Path("/"):
        command += ["--chdir", str(work)]
    for key, value in (env or {}).items():
        command += ["--setenv", key, value]
    return command


def _under_system(path):
    return len(path.parts) > 1 and path.parts[1] in SYSTEM + ("proc", "dev")


def jailed_uid():
    """The unprivileged uid a jail started by this process runs as, when started as root."""
    return JAILED_UID + os.getpid() % 4000


class Jail:
    """A private folder and the command line that runs a program jailed in it.

    Parameters
    ----------
    trusted : path of a folder whose files (not ``*.ipynb``) are copied into the jail: the assignment's
        helper modules and data, from ``source/`` (never from the submission); None: an empty folder
    notebook : optional path of the submitted notebook, copied in as its own name
    limits : :class:`Limits`
    comm : make a private folder for a kernel's ipc sockets and connection file
    parent : where to make the jail's folders (a fork server's slots); the system's temporary folder if None

    Use as a context manager; the folders are deleted on exit.
    """

    def __init__(self, trusted, notebook=None, limits=Limits(), comm=False, parent=None):
        self.limits = limits
        self.root = Path(tempfile.mkdtemp(prefix="jail-" if parent is None else "s-", dir=parent))  # ipc paths: short
        self.work = self.root / "work"
        if trusted is None:
            self.work.mkdir()
        else:
            shutil.copytree(trusted, self.work, ignore=shutil.ignore_patterns("*.ipynb", "__pycache__", ".*"))
        if notebook is not None:
            shutil.copy(notebook, self.work / Path(notebook).name)
        self.comm = self.root / "comm" if comm else None
        if self.comm:
            self.comm.mkdir()
        for path in [self.root, *self.root.rglob("*")]:
            self.own(path)

    def own(self, path):
        """Give ``path`` to the jail's unprivileged uid (when the grader runs as root; otherwise it is ours)."""
        if os.getuid() == 0:
            os.chown(path, jailed_uid(), jailed_uid(), follow_symlinks=False)

    def environment(self, env=None):
        """The whole environment of a jailed process: a minimal base, plus ``env``."""
        base = {"HOME": "/tmp", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8",
                "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp/matplotlib", "PYTHONDONTWRITEBYTECODE": "1",
                "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):  # set on some machines for OpenBLAS's sake
            if name in os.environ:
                base[name] = os.environ[name]
        return {**base, **(env or {})}

    def command(self, argv, env=None):
        """The command line that runs ``argv`` in this jail, with only ``env`` (plus a minimal base)."""
        prefix = _bwrap_prefix(self.work, self.comm, self.limits, self.environment(env))
        if os.getuid() == 0:
            uid = str(jailed_uid())
            prefix += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                       "--bounding-set=-all", "--no-new-privs", "--"]
        return prefix + list(argv)

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
