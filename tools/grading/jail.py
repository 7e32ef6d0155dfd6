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
their current number. The jailed process cannot make user namespaces of its own
(``--disable-userns``) where bubblewrap has that option (0.8 and newer: Debian 12,
Ubuntu 24.04; not Ubuntu 22.04's 0.6.1, whose jails can, as the root path's can).

Where bubblewrap cannot make a jail, :func:`check_available` says why and how to fix
it, from what it can read (:func:`read_facts`, :func:`diagnose`): Ubuntu's AppArmor
restriction of user namespaces (``make jail`` installs a profile for bwrap,
``tools/jail/``), Debian's older switch, ``user.max_user_namespaces`` = 0, a
container, a missing bubblewrap.

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


APPARMOR_SCRIPT = Path(__file__).resolve().parent.parent / "jail" / "allow-bwrap-userns.sh"  # what `make jail` runs
SYSCTLS = {  # Facts field -> the sysctl file it is read from (absent where the kernel has no such switch)
    "apparmor_restrict": "/proc/sys/kernel/apparmor_restrict_unprivileged_userns",  # Ubuntu >= 23.10
    "userns_clone": "/proc/sys/kernel/unprivileged_userns_clone",  # Debian's and Ubuntu's own patch, older kernels
    "max_userns": "/proc/sys/user/max_user_namespaces",  # every kernel; 0 switches user namespaces off
}


@dataclass(frozen=True)
class Facts:
    """What the jail's probe read on this machine: the diagnosis (:func:`diagnose`) is a function of these alone.

    Attributes
    ----------
    uid : int, the grader's uid (root makes namespaces with its capabilities; others need a user namespace)
    error : str, bubblewrap's message when the probe failed ("" when it worked)
    apparmor_restrict, userns_clone, max_userns : str or None, the contents of the sysctl files of
        :data:`SYSCTLS` (None: the file does not exist)
    container : str or None, "docker", "podman" or "container" when this runs inside one
    seccomp : str or None, the ``Seccomp:`` field of ``/proc/self/status`` ("2": a seccomp filter is on)
    """

    uid: int
    error: str = ""
    apparmor_restrict: str = None
    userns_clone: str = None
    max_userns: str = None
    container: str = None
    seccomp: str = None


def _read(path):
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def read_facts(error=""):
    """The :class:`Facts` of this machine, with bubblewrap's ``error``."""
    container = None
    if Path("/.dockerenv").exists():
        container = "docker"
    elif Path("/run/.containerenv").exists():
        container = "podman"
    elif Path("/run/systemd/container").exists() or os.environ.get("container"):
        container = "container"
    status = _read("/proc/self/status") or ""
    seccomp = next((line.split(":", 1)[1].strip() for line in status.splitlines() if line.startswith("Seccomp:")), None)
    return Facts(os.getuid(), error, *(_read(path) for path in SYSCTLS.values()), container, seccomp)


def diagnose(facts):
    """Why bubblewrap fails on a machine with ``facts``, and the command that fixes each cause: one text.

    Every cause the facts show is named, in the order to fix them; the text ends with the facts read and
    the way to grade without the jail.
    """
    causes = []
    unprivileged = facts.uid != 0  # root makes its namespaces with its own capabilities, no user namespace
    if "Unknown option" in facts.error or "unrecognized option" in facts.error:
        causes.append("this bubblewrap is too old for an option the jail uses: install bubblewrap 0.8 or newer")
    if unprivileged and facts.userns_clone == "0":
        causes.append("Debian's switch forbids user namespaces to users who are not root "
                      "(kernel.unprivileged_userns_clone = 0): `sudo sysctl -w kernel.unprivileged_userns_clone=1`, "
                      "and to keep it, "
                      "`echo kernel.unprivileged_userns_clone=1 | sudo tee /etc/sysctl.d/50-bubblewrap.conf`")
    if unprivileged and facts.max_userns == "0":
        causes.append("user namespaces are switched off (user.max_user_namespaces = 0): "
                      "`sudo sysctl -w user.max_user_namespaces=10000`, and to keep it, "
                      "`echo user.max_user_namespaces=10000 | sudo tee /etc/sysctl.d/50-bubblewrap.conf`")
    elif unprivileged and "No space left on device" in facts.error:
        causes.append(f"the limit of user namespaces (user.max_user_namespaces = {facts.max_userns}) is reached: "
                      "raise it with `sudo sysctl -w user.max_user_namespaces=...`")
    if unprivileged and facts.apparmor_restrict == "1":
        causes.append("Ubuntu's AppArmor restricts unprivileged user namespaces "
                      "(kernel.apparmor_restrict_unprivileged_userns = 1): allow them to bubblewrap alone with "
                      "`make jail` as a user with sudo, which runs "
                      f"`sudo sh {APPARMOR_SCRIPT}` (an AppArmor profile for bwrap with `userns`); or, for the whole "
                      "machine, `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`")
    if facts.container:
        causes.append(f"this runs in a {facts.container} container that allows no namespaces (Docker's default seccomp "
                      "profile forbids them, and its /proc and AppArmor profile forbid bubblewrap's mounts): start "
                      "the container with `--security-opt seccomp=unconfined --security-opt apparmor=unconfined "
                      "--security-opt systempaths=unconfined`, or with `--privileged`"
                      + ("" if unprivileged else "; with the --security-opt options alone, grade in it as a user who "
                                                 "is not root (root in a container lacks CAP_SYS_ADMIN)"))
    elif facts.seccomp == "2" and not causes:
        causes.append("this process runs under a seccomp filter (a service manager's or a sandbox's) that may forbid "
                      "namespaces: run the grader outside it")
    if "Creating new namespace failed, likely because the kernel does not support" in facts.error:
        causes.append("this kernel has no user namespaces (CONFIG_USER_NS): use a distribution kernel")
    if not causes:
        causes.append("no known cause found: check that user namespaces are allowed to this user "
                      "(kernel.unprivileged_userns_clone, user.max_user_namespaces, "
                      "kernel.apparmor_restrict_unprivileged_userns) and that no container or sandbox forbids them")
    read = {"uid": facts.uid, "kernel.apparmor_restrict_unprivileged_userns": facts.apparmor_restrict,
            "kernel.unprivileged_userns_clone": facts.userns_clone, "user.max_user_namespaces": facts.max_userns,
            "container": facts.container, "seccomp": facts.seccomp}
    shown = ", ".join(f"{key} {'absent' if value is None else value}" for key, value in read.items())
    return (f"bubblewrap cannot create a sandbox here ({facts.error or 'no message'}). "
            + " ".join(f"{n}. {cause}." for n, cause in enumerate(causes, 1))
            + f" (Read: {shown}.) Or grade without a jail with --no-jail")


@functools.lru_cache(maxsize=None)
def check_available():
    """Raise :class:`JailUnavailable` unless bubblewrap can make a jail here (probed once per process)."""
    for tool, package in (("bwrap", "bubblewrap"), ("prlimit", "util-linux"), ("setpriv", "util-linux")):
        if shutil.which(tool) is None:
            raise JailUnavailable(f"`{tool}` is not installed: install it (Debian/Ubuntu: "
                                  f"`sudo apt-get install {package}`, or `make jail`), "
                                  "or grade without a jail with --no-jail")
    probe = subprocess.run(_bwrap_prefix(Path("/"), None, Limits()) + ["true"], capture_output=True, text=True)
    if probe.returncode:
        reason = (probe.stderr.strip().splitlines() or [""])[-1]
        raise JailUnavailable(diagnose(read_facts(reason)))


@functools.lru_cache(maxsize=None)
def disables_nested_userns():
    """Whether this bubblewrap has ``--disable-userns`` (0.8 and newer; Ubuntu 22.04 has 0.6.1)."""
    done = subprocess.run(["bwrap", "--help"], capture_output=True, text=True)
    return "--disable-userns" in done.stdout + done.stderr


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
        command += ["--unshare-user"] + (["--disable-userns"] if disables_nested_userns() else [])
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
