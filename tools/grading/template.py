"""Forked kernels and check processes: the grader's side of the fork server (:mod:`tools.grading.forkserver`).

Starting a kernel costs a Python start and the imports of numpy, matplotlib and ipykernel; the referee's
check process pays them again. A :class:`Template` pays them once per grading process: a jailed fork server
imports them and forks one child per kernel or check process, each in a private *slot* (a
:class:`~tools.grading.jail.Jail` made inside the server's folder) and confined by Landlock to it.

* :class:`ForkProvisioner` is a jupyter_client kernel provisioner, so nbclient and nbgrader drive a forked
  kernel as any other (start, restart, shutdown, kill); :class:`~tools.grading.execute.JailedKernelManager`
  installs it.
* :func:`fork_check` starts the referee's check process (:mod:`tools.grading.sandbox`) the same way.
* :func:`template` gives this thread's fork server, started on first use and again if it died; None when
  this machine cannot confine a forked child (no Landlock with signal scoping, or a probe child forked at the
  server's start could not confine itself in the jail): then grading starts fresh jailed processes, as before.

What a child sees is what a freshly started jailed process sees (the same bubblewrap jail, limits and
environment), minus the other slots and ``/tmp`` (its ``HOME`` and ``TMPDIR`` are in its slot); before each
fork the server kills every process left in its jail and empties ``/dev/shm``, so nothing of one submission
reaches the next.
"""
import atexit
import contextlib
import functools
import json
import logging
import os
import re
import select
import socket
import subprocess
import sys
import threading
from pathlib import Path

from jupyter_client.provisioning import LocalProvisioner
from traitlets import Instance

from . import landlock
from .jail import Jail, Limits, check_available

SOURCES = ("landlock.py", "plain.py", "sandbox.py", "forkserver.py")
START_TIMEOUT = 120  # seconds for the server's imports (the first run on a machine builds matplotlib's caches)
log = logging.getLogger(__name__)


def program(names, entry):
    """One Python program made of the sources ``names`` of this package (in order), ending with ``entry()``.

    A jailed process cannot import ``tools`` (it is not in the jail): ``from tools.grading.m import a as b``
    becomes ``b = a`` (``a`` is defined by an earlier source) and other imports of the package are dropped;
    each source's ``if __name__ == "__main__":`` block is dropped.
    """
    parts = []
    for name in names:
        text = Path(__file__).with_name(name).read_text(encoding="utf-8")
        text = re.sub(r"^if __name__ == .__main__.:\n(    .*\n?)+", "", text, flags=re.M)
        text = re.sub(r"^from tools\.grading\.\w+ import (\w+) as (\w+).*$", r"\2 = \1", text, flags=re.M)
        parts.append(re.sub(r"^from tools\.grading\.\w+ import .*$", "", text, flags=re.M))
    return "\n".join(parts) + f"\n{entry}()\n"


@functools.lru_cache(maxsize=None)
def forking_available():
    """Whether a forked child can be confined here: bubblewrap works and Landlock scopes signals."""
    try:
        check_available()
    except RuntimeError:
        return False
    return landlock.abi() >= landlock.MINIMUM_ABI


class TemplateError(RuntimeError):
    """The fork server did not start or did not answer."""


class ForkedProcess:
    """A child of the fork server, with the part of :class:`subprocess.Popen`'s interface the grader uses.

    ``pid`` is the child's pid inside the jail; signals go through the server. ``stdin`` and ``stdout``
    are pipes to the child's file descriptors 0 and 1 (binary, unbuffered writes flushed by the caller).
    """

    def __init__(self, server, pid, stdin, stdout, status):
        self.server, self.pid, self.stdin, self.stdout, self.stderr = server, pid, stdin, stdout, None
        self.returncode = None
        self._status = status

    def poll(self):
        if self.returncode is None and select.select([self._status], [], [], 0)[0]:
            self._read_status()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if not select.select([self._status], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(f"forked child {self.pid}", timeout)
            self._read_status()
        return self.returncode

    def _read_status(self):
        data = os.read(self._status, 64)
        os.close(self._status)
        try:
            self.returncode = int(data)
        except ValueError:  # the server died before its child: the child died with it (--die-with-parent)
            self.returncode = -9

    def send_signal(self, signum):
        if self.returncode is None:
            self.server.signal(self.pid, signum)

    def kill(self):
        self.send_signal(9)

    def terminate(self):
        self.send_signal(15)


class Template:
    """A jailed fork server (:mod:`tools.grading.forkserver`) with its slots folder; close it when done.

    Parameters
    ----------
    limits : :class:`~tools.grading.jail.Limits` of the server's jail, inherited by every child
    wait : wait until the server is ready (else :meth:`wait_ready` does)
    preload : modules the server imports besides :data:`~tools.grading.forkserver.PRELOAD`
    """

    PROGRAM = program(SOURCES, "serve")

    def __init__(self, limits=Limits(), wait=True, preload=()):
        self.jail = Jail(None, limits=limits)
        self.slots = self.jail.work
        self.lock = threading.Lock()
        self.ready = False
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen(self.jail.command([sys.executable, "-I", "-c", self.PROGRAM, *preload]),
                                            stdin=theirs, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            cwd=self.slots, start_new_session=True)
        finally:
            theirs.close()
        if wait:
            self.wait_ready()

    def wait_ready(self):
        """Wait until the server has imported its modules, and check that a forked child can confine itself.

        Raises
        ------
        TemplateError
            if the server did not start, or its children cannot be confined (it is closed then)."""
        if self.ready:
            return
        if self._receive(START_TIMEOUT) != {"ready": True}:
            self.close()
            raise TemplateError("the fork server did not start")
        probe, child = Jail(None, parent=self.slots), None
        try:
            child = self.fork("probe", probe, None)
            confined = child.wait(30) == 0
        except (TemplateError, subprocess.TimeoutExpired):
            confined = False
        finally:
            if child is not None:
                child.stdin.close()
                child.stdout.close()
            probe.close()
        if not confined:  # Landlock works in this process but not in the jail: fresh processes instead
            self.close()
            raise TemplateError("a forked child cannot confine itself in the jail")
        self.ready = True

    @property
    def alive(self):
        return self.process.poll() is None

    def _receive(self, timeout):
        if not select.select([self.socket], [], [], timeout)[0]:
            return None
        data = self.socket.recv(1 << 16)
        try:
            return json.loads(data) if data else None
        except ValueError:
            return None

    def fork(self, kind, jail, env, argv=()):
        """A :class:`ForkedProcess` running ``kind`` ("kernel" or "check") in ``jail`` (a slot of this server)."""
        child_in, ours_in = os.pipe()
        ours_out, child_out = os.pipe()
        status, child_status = os.pipe()
        home = jail.root / "home"  # the child may write its slot only: its HOME and TMPDIR are here, not /tmp
        home.mkdir(exist_ok=True)
        jail.own(home)
        scratch = {"HOME": str(home), "TMPDIR": str(home), "MPLCONFIGDIR": str(home / "matplotlib")}
        request = {"fork": kind, "slot": str(jail.root), "cwd": str(jail.work),
                   "env": jail.environment({**scratch, **(env or {})}), "argv": list(argv)}
        try:
            with self.lock:
                socket.send_fds(self.socket, [json.dumps(request).encode()], [child_in, child_out, child_status])
                reply = self._receive(30)
        except OSError as error:
            reply = None
            log.warning("fork server unreachable: %s", error)
        finally:
            for fd in (child_in, child_out, child_status):
                os.close(fd)
        if not isinstance(reply, dict) or not isinstance(reply.get("pid"), int):
            for fd in (ours_in, ours_out, status):
                os.close(fd)
            raise TemplateError("the fork server did not fork")
        return ForkedProcess(self, reply["pid"], os.fdopen(ours_in, "wb"), os.fdopen(ours_out, "rb"), status)

    def signal(self, pid, signum):
        with self.lock, contextlib.suppress(OSError):
            self.socket.send(json.dumps({"kill": pid, "signal": signum}).encode())

    def close(self):
        with contextlib.suppress(OSError):
            self.socket.close()  # the server kills what is left in its jail and ends
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, 9)
            self.process.wait()
        self.jail.close()


class ForkProvisioner(LocalProvisioner):
    """A kernel provisioner whose kernel is forked by ``server`` into ``slot`` (a :class:`Jail` of its slots).

    The kernel command's arguments from ``-f`` on (the connection file) go to ``IPKernelApp``; the rest of
    the command (the interpreter, ``-m ipykernel_launcher``) is the server's own. Signals, poll and wait go
    through :class:`ForkedProcess`, the rest is :class:`LocalProvisioner`'s.
    """

    server = Instance(Template)
    slot = Instance(Jail)

    async def launch_kernel(self, cmd, **kwargs):
        self.process = self.server.fork("kernel", self.slot, kwargs.get("env"), cmd[cmd.index("-f"):])
        self.pid, self.pgid, self.cwd = self.process.pid, None, str(self.slot.work)
        return self.connection_info


_TEMPLATES = {}  # (pid, thread) -> Template: a server serves one grading thread, one child at a time
_REFUSED = set()  # pids of grading processes whose fork server could not start: not tried again
_PRELOAD = set()  # modules this process's fork servers import besides forkserver.PRELOAD (see also_preload)


def also_preload(modules):
    """Let the fork servers this process starts from now on import ``modules`` too: the graded assignments'
    :attr:`~tools.course.Assignment.preload` (a module the server has not imported costs every kernel that uses
    it its import; one it imports for nothing costs every server start the same)."""
    _PRELOAD.update(modules)


def template(wait=True):
    """This thread's fork server (started now if needed), or None when forked children cannot be confined here.

    ``wait=False``: start it and return at once, without checking it; the next call waits for it (a grading
    process starts its server first, and imports the grader while the server imports its modules).
    """
    if not forking_available() or os.getpid() in _REFUSED:
        return None
    key = (os.getpid(), threading.get_ident())
    server = _TEMPLATES.get(key)
    try:
        if server is None or not server.alive:
            if server is not None:
                server.close()
            server = _TEMPLATES[key] = Template(wait=wait, preload=sorted(_PRELOAD))
        if wait:
            server.wait_ready()
    except (TemplateError, OSError) as error:
        log.warning("no fork server (%s): starting fresh processes", error)
        _TEMPLATES.pop(key, None)
        _REFUSED.add(os.getpid())
        return None
    return server


@atexit.register
def close_templates():
    """Stop this process's fork servers (other processes' entries, inherited through fork, are left alone)."""
    for (pid, thread), server in list(_TEMPLATES.items()):
        if pid == os.getpid():
            server.close()
            del _TEMPLATES[(pid, thread)]
