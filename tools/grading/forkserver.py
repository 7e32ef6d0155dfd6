"""The fork server: a jailed Python process that imports the heavy modules once and forks a confined child per request.

The grader (:mod:`tools.grading.template`) starts this file's source, after :mod:`tools.grading.landlock`'s
and the check process's (:mod:`tools.grading.sandbox`), as ``python -I -c PROGRAM`` in a jail
(:mod:`tools.grading.jail`) whose one writable folder holds a private *slot* per child. It talks to the
grader over a Unix socket on file descriptor 0 (JSON datagrams, with file descriptors attached):

1. on start, it imports the modules every notebook imports (numpy, matplotlib with Agg, scipy.io, ipykernel)
   and those named on its command line (the graded assignments' own slow ones, such as scikit-learn's
   datasets: :attr:`tools.course.Assignment.preload`), and answers ``{"ready": true}``. It never runs student
   code.
2. ``{"fork": "kernel" | "check" | "probe", "slot": folder, "cwd": folder, "env": {...}, "argv": [...]}`` with
   three descriptors attached (the child's stdin and stdout; a status pipe's write end): first it kills
   every process left in the jail (``kill(-1)``: an earlier child's escaped descendants) and empties
   ``/dev/shm``; then it forks. The child starts a new session, closes the server's socket, confines
   itself with Landlock (read the system and Python, write only its slot and ``/dev``; no TCP; no
   signal to or trace of the server) and runs an IPython kernel on the connection file in ``argv`` or
   the check process's loop; a ``probe`` child only confines itself and exits (0 if it could). The server answers ``{"pid": n}``, and writes the child's exit status
   into the status pipe when it ends.
3. ``{"kill": pid, "signal": n}``: signal the child's process group.

So each child starts from the same state, the server's, which no student code ever touched: nothing of
an earlier child (modules, globals, files, threads, random state) is there.
"""
import array
import gc
import json
import os
import select
import shutil
import signal
import socket
import sys
import time

from tools.grading.landlock import restrict  # in the jail: landlock.py's source comes first
from tools.grading.sandbox import main as check_main  # in the jail: sandbox.py's source comes first

PRELOAD = ("numpy", "matplotlib", "matplotlib.pyplot", "matplotlib.colors", "matplotlib.patches",
           "scipy.io", "ipykernel.kernelapp", "ipykernel.ipkernel",
           "ipykernel.zmqshell", "ipykernel.debugger", "matplotlib_inline.backend_inline",
           "IPython.core.interactiveshell", "jupyter_client.session", "zmq",
           "tqdm.auto", "sqlite3", "pdb")  # the notebooks' tqdm.auto (ipywidgets); IPython's history and debugger


def preload(also=()):
    """Import ``PRELOAD`` and the modules ``also``."""
    gc.disable()  # while importing: the collections it would trigger find little garbage (a tenth of the time)
    import matplotlib
    matplotlib.use("Agg")
    import importlib
    for name in (*PRELOAD, *also):
        try:
            importlib.import_module(name)
        except ImportError:  # a library the course does not install: the child imports what it needs
            pass
    gc.collect()
    gc.freeze()  # a child's garbage collections skip what the server imported: its pages stay shared, not copied
    gc.enable()


def receive(server):
    """The next request and its file descriptors; ``(None, [])`` when the grader has gone."""
    fds = array.array("i")
    message, ancillary, _, _ = server.recvmsg(1 << 20, socket.CMSG_SPACE(4 * fds.itemsize))
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[:len(data) - len(data) % fds.itemsize])
    return (json.loads(message) if message else None), list(fds)


def clear_jail():
    """Kill every process of the jail but this one and its init, wait until they are gone, and empty
    ``/dev/shm`` (the one shared folder a child may write).

    Gone means reaped: a process limit counts a killed process until its parent (this server, or the jail's init
    for an escaped descendant) has reaped it, and the next child, forked at once, would find the limit used up
    and die as it starts its threads. The wait ends after ``SETTLE_SECONDS`` whatever is left.
    """
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        reap(block=True)
        if not others_in_jail() or time.monotonic() > deadline:
            break
        time.sleep(0.002)
    for entry in os.scandir("/dev/shm"):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            try:
                os.unlink(entry.path)
            except OSError:
                pass


SETTLE_SECONDS = 2


def others_in_jail():
    """The processes of the jail's pid namespace (its own ``/proc``) other than this server and the init."""
    return [name for name in os.listdir("/proc") if name.isdigit() and int(name) not in (1, os.getpid())]


SETUP_FAILED = 70  # a child's exit status when it could not become what it was forked for
STATUS = {}  # child pid -> write end of its status pipe


def reap(block=False):
    """Collect ended children; write each one's exit status into its pipe."""
    while True:
        try:
            pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        fd = STATUS.pop(pid, None)
        if fd is not None:
            try:
                os.write(fd, str(os.waitstatus_to_exitcode(status)).encode())
            except OSError:
                pass
            os.close(fd)


def confine(slot):
    """In the child: Landlock, so that only this slot (and ``/dev``: null, zero, random, shm) can be written.

    Not ``/tmp``: the slots are beneath it when the grader's temporary folder is. The child's ``HOME`` and
    ``TMPDIR`` are in its slot."""
    paths = [p for p in sys.path if p and os.path.isdir(p)] + [sys.prefix, sys.base_prefix]
    read = ["/usr", "/etc", "/bin", "/lib", "/lib64", "/proc", *paths]
    restrict(read=read, write=[slot, "/dev"])


def run_child(request, server, fds):
    """In the forked child: become the kernel or the check process; never returns."""
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()
        server.detach()  # its descriptor is closed below with the others
        stdin, stdout, _ = fds
        for fd, target in ((stdin, 0), (stdout, 1)):
            os.dup2(fd, target)
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 2)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the server's socket, wake-up pipe and status pipes
        os.environ.clear()
        os.environ.update(request["env"])
        confine(request["slot"])
        os.chdir(request["cwd"])
        sys.path.insert(0, request["cwd"])
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if request["fork"] == "kernel":
            from ipykernel.kernelapp import IPKernelApp
            sys.argv = ["ipykernel_launcher", *request["argv"]]
            IPKernelApp.launch_instance(argv=request["argv"])
        elif request["fork"] == "check":
            check_main()
    except BaseException:  # noqa: BLE001 - set-up or confinement failed (student code has not run yet), or the
        os._exit(SETUP_FAILED)  # kernel or check loop ended by an exception: the grader sees the status
    finally:
        os._exit(0)


def serve():
    server = socket.socket(fileno=os.dup(0))
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    preload(sys.argv[1:])
    wakeup, wakeup_write = os.pipe()  # SIGCHLD wakes the loop: an ended child's status is written at once
    os.set_blocking(wakeup_write, False)
    signal.set_wakeup_fd(wakeup_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    server.send(json.dumps({"ready": True}).encode())
    while True:
        ready, _, _ = select.select([server, wakeup], [], [], 1)
        if wakeup in ready:
            os.read(wakeup, 4096)
        reap()
        if server not in ready:
            continue
        request, fds = receive(server)
        if request is None:
            clear_jail()
            return
        if "kill" in request:
            try:
                os.killpg(int(request["kill"]), int(request.get("signal", signal.SIGKILL)))
            except (OSError, ValueError):
                pass
            continue
        clear_jail()
        pid = os.fork()
        if pid == 0:
            run_child(request, server, fds)
        STATUS[pid] = fds[2]
        for fd in fds[:2]:
            os.close(fd)
        server.send(json.dumps({"pid": pid}).encode())


if __name__ == "__main__":
    serve()
