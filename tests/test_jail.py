"""Unit tests of the jail (tools.grading.jail): what a jailed process can see, write, reach and use.

Every test runs a small Python program in a real bubblewrap jail and, whenever
the guarantee is about the host (files unchanged, processes gone), checks the
outcome from outside. Fast: one jailed interpreter per check, no kernel.
"""
import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tools.course import ROOT
from tools.grading import jail as jail_module
from tools.grading import template
from tools.grading.jail import Jail, JailUnavailable, Limits, check_available
from tools.grading.template import forking_available

MiB = 1024 ** 2
AS_ROOT = os.getuid() == 0


@pytest.fixture(scope="module", autouse=True)
def jail_available():
    """Fail (never skip) every test here when this machine cannot make a jail: grading needs one."""
    check_available()


@pytest.fixture
def trusted(tmp_path):
    """A small trusted folder: a helper module, a data file, a notebook and a dotfile."""
    folder = tmp_path / "trusted"
    (folder / "data").mkdir(parents=True)
    (folder / "helper.py").write_text("VALUE = 42\n")
    (folder / "data" / "values.txt").write_text("1 2 3\n")
    (folder / "source_notebook.ipynb").write_text("{}")
    (folder / ".secret").write_text("dotfile\n")
    return folder


@pytest.fixture
def submission(tmp_path):
    """A submitted notebook, outside the trusted folder."""
    path = tmp_path / "submitted" / "student.ipynb"
    path.parent.mkdir()
    path.write_text('{"cells": []}')
    return path


@pytest.fixture
def jail(trusted, submission):
    """A jail over the trusted folder and the submission, closed after the test."""
    with Jail(trusted, notebook=submission) as made:
        yield made


@pytest.fixture
def make_jail(tmp_path):
    """Factory of jails over an empty trusted folder with the given limits; all closed after the test."""
    made = []

    def make(limits=Limits()):
        folder = tmp_path / f"empty-{len(made)}"
        folder.mkdir()
        made.append(Jail(folder, limits=limits))
        return made[-1]

    yield make
    for jail in made:
        jail.close()


@pytest.fixture
def course(tmp_path):
    """A fake course folder outside the jail, holding a gradebook."""
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "gradebook.db").write_bytes(b"SQLite format 3\x00 hidden tests here")
    return folder


def run(jail, code, *args, env=None, timeout=60):
    """Run ``code`` (with ``args`` as sys.argv[1:]) by this interpreter in ``jail``; the completed process."""
    argv = [sys.executable, "-c", textwrap.dedent(code), *map(str, args)]
    return subprocess.run(jail.command(argv, env=env), capture_output=True, text=True, timeout=timeout)


def run_json(jail, code, *args, env=None):
    """Run ``code`` in ``jail``, which must succeed; the JSON it printed last."""
    done = run(jail, code, *args, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


PROBE = """
    import json, os, sys
    report = {}
    for path in sys.argv[1:]:
        try:
            with open(path, "rb") as handle:
                handle.read(1)
            report[path] = "read"
        except OSError as error:
            report[path] = type(error).__name__
        report[path + " exists"] = os.path.exists(path)
    print(json.dumps(report))
"""


def assert_hidden(jail, paths):
    """Each path neither exists nor opens in ``jail``."""
    report = run_json(jail, PROBE, *paths)
    for path in map(str, paths):
        assert report[path + " exists"] is False, path
        assert report[path] != "read", path


def digest(path):
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def processes_with(marker):
    """Host pids whose command line contains ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def wait_for_command(argv, seconds):
    """Host pids running exactly ``argv``, waiting up to ``seconds`` for one (its command line appears late in exec)."""
    wanted = "".join(arg + "\0" for arg in argv).encode()
    deadline = time.monotonic() + seconds
    while True:
        found = []
        for pid in processes_with(argv[-1]):
            with contextlib.suppress(OSError):
                if Path(f"/proc/{pid}/cmdline").read_bytes() == wanted:
                    found.append(pid)
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.02)


def wait_until_gone(marker, seconds):
    """Host pids still matching ``marker`` after waiting up to ``seconds`` for them to vanish."""
    deadline = time.monotonic() + seconds
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    return processes_with(marker)


# --- what the jail sees ---------------------------------------------------------------------------------


def test_course_secrets_hidden_by_absolute_path(jail, course):
    """reference/, tools/, nbgrader_config.py and a gradebook outside the jail do not exist in it."""
    secrets = [ROOT / "reference" / "__init__.py", ROOT / "reference", ROOT / "tools" / "grading" / "referee.py",
               ROOT / "tools", ROOT / "nbgrader_config.py", course / "gradebook.db", course]
    assert all(path.exists() for path in secrets)  # on the host they do
    assert_hidden(jail, secrets)


def test_course_secrets_hidden_by_relative_path(jail, course):
    """The same files cannot be reached from the jail's folder by relative paths (../../..)."""
    secrets = [ROOT / "reference" / "__init__.py", ROOT / "nbgrader_config.py",
               ROOT / "tools" / "grading" / "referee.py", course / "gradebook.db"]
    paths = [os.path.relpath(path, jail.work) for path in secrets]
    paths += ["../../../.." + str(path) for path in secrets]
    paths += [os.path.join(*[".."] * depth, name) for depth in range(1, 8)
              for name in ("gradebook.db", "nbgrader_config.py", "reference/__init__.py")]
    assert_hidden(jail, paths)


def test_trusted_source_and_other_jails_hidden(jail, trusted, make_jail):
    """The original trusted folder and another jail's folder are not visible (only this jail's copy is)."""
    other = make_jail()
    (other.work / "other.txt").write_text("another submission")
    assert_hidden(jail, [trusted / "helper.py", other.work / "other.txt", other.root])


def test_host_processes_invisible(jail):
    """The jail has its own pid namespace: only a handful of processes, none of them the grader."""
    commands = run_json(jail, """
        import json, os
        commands = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                commands.append(open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace"))
            except OSError:
                pass
        print(json.dumps(commands))
    """)
    assert len(commands) <= 3  # bubblewrap's init and the jailed python (and setpriv's exec of it)
    assert not any("pytest" in command for command in commands)


def test_trusted_files_copied_but_not_notebooks(jail):
    """The trusted files are in the jail's folder, its notebooks and dotfiles are not; the submission is."""
    *names, values, cwd = run_json(jail, """
        import json, os
        print(json.dumps(sorted(os.listdir(".")) + [open("data/values.txt").read(), os.getcwd()]))
    """)
    assert names == ["data", "helper.py", "student.ipynb"]
    assert values == "1 2 3\n"
    assert cwd == str(jail.work)


def test_own_folder_writable(jail, trusted):
    """The jail writes its own folder (seen from outside), a copy: the trusted source is unchanged."""
    report = run_json(jail, """
        import json
        open("written.txt", "w").write("hello")
        open("helper.py", "a").write("# appended\\n")
        print(json.dumps(open("written.txt").read()))
    """)
    assert report == "hello"
    assert (jail.work / "written.txt").read_text() == "hello"
    assert (jail.work / "helper.py").read_text() == "VALUE = 42\n# appended\n"
    assert (trusted / "helper.py").read_text() == "VALUE = 42\n"


def test_private_tmp_writable(jail):
    """The jail writes a private /tmp (also its HOME and matplotlib's folder), invisible on the host's /tmp."""
    marker = f"jail-test-{os.getpid()}-{time.monotonic_ns()}"
    report = run_json(jail, """
        import json, os, sys
        report = {}
        for path in ("/tmp/" + sys.argv[1], os.path.join(os.environ["HOME"], "home.txt")):
            try:
                open(path, "w").write("tmp")
                report[path] = open(path).read()
            except OSError as error:
                report[path] = type(error).__name__
        try:
            os.makedirs(os.environ["MPLCONFIGDIR"])
            report["MPLCONFIGDIR"] = "made"
        except OSError as error:
            report["MPLCONFIGDIR"] = type(error).__name__
        print(json.dumps(report))
    """, marker)
    assert report == {f"/tmp/{marker}": "tmp", "/tmp/home.txt": "tmp", "MPLCONFIGDIR": "made"}
    assert not Path("/tmp", marker).exists()  # the jail's /tmp is its own


def test_private_tmp_size_capped(make_jail):
    """Writing more than Limits.tmp_size into the jail's /tmp fails with ENOSPC."""
    report = run_json(make_jail(Limits(tmp_size=1 * MiB)), """
        import json
        try:
            with open("/tmp/fill.bin", "wb") as handle:
                for _ in range(4):
                    handle.write(bytes(512 * 1024))
                    handle.flush()
            report = "written"
        except OSError as error:
            report = error.errno
        print(json.dumps(report))
    """)
    assert report == errno.ENOSPC


# --- what the jail cannot write -------------------------------------------------------------------------


def test_cannot_write_the_course(jail, course, trusted, tmp_path):
    """Creating or appending files in the repository or in folders outside the jail changes nothing on the host."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("original\n")
    existing = [ROOT / "README.md", ROOT / "nbgrader_config.py", ROOT / "reference" / "__init__.py",
                course / "gradebook.db", outside / "victim.txt", trusted / "helper.py"]
    before = {path: digest(path) for path in existing}
    new = [ROOT / "pwned-by-jail.txt", ROOT / "reference" / "pwned.py", ROOT / "tools" / "pwned.py",
           course / "pwned.txt", outside / "pwned.txt"]
    assert not any(path.exists() for path in new)
    targets = [*existing, *new] + [os.path.relpath(path, jail.work) for path in [*existing, *new]]
    report = run_json(jail, """
        import json, sys
        written = []
        for path in sys.argv[1:]:
            for mode in ("a", "w"):
                try:
                    with open(path, mode) as handle:
                        handle.write("owned\\n")
                    written.append(path)
                except OSError:
                    pass
        print(json.dumps(written))
    """, *targets)
    assert report == []
    for path in existing:
        assert digest(path) == before[path], path
    for path in new:
        assert not path.exists(), path


# --- what the jail cannot reach -------------------------------------------------------------------------


def test_no_network(make_jail):
    """A server listening on the host is unreachable from the jail, whose only interface is loopback."""
    with socket.socket() as server:
        server.bind(("0.0.0.0", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        report = run_json(make_jail(), """
            import json, socket, sys
            report = {"interfaces": [name for _, name in socket.if_nameindex()]}
            for host in ("127.0.0.1", "1.1.1.1"):
                try:
                    socket.create_connection((host, int(sys.argv[1])), timeout=3).close()
                    report[host] = "connected"
                except OSError as error:
                    report[host] = type(error).__name__
            print(json.dumps(report))
        """, port)
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody knocked
    assert report["interfaces"] == ["lo"]
    assert report["127.0.0.1"] != "connected"
    assert report["1.1.1.1"] != "connected"


# --- limits -----------------------------------------------------------------------------------------------


def test_limits_are_hard(make_jail):
    """Inside, every limit has soft == hard == the configured value, and raising one is refused."""
    limits = Limits(memory=512 * MiB, processes=32, file_size=1 * MiB, cpu_seconds=77, open_files=100)
    report = run_json(make_jail(limits), """
        import json, resource
        names = ["RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_FSIZE", "RLIMIT_CPU", "RLIMIT_NOFILE", "RLIMIT_CORE"]
        report = {name: list(resource.getrlimit(getattr(resource, name))) for name in names}
        for name in ["RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_CPU"]:
            try:
                resource.setrlimit(getattr(resource, name), (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
                report["raise " + name] = "allowed"
            except (ValueError, OSError) as error:
                report["raise " + name] = type(error).__name__
        print(json.dumps(report))
    """)
    assert report["RLIMIT_AS"] == [limits.memory] * 2
    assert report["RLIMIT_FSIZE"] == [limits.file_size] * 2
    assert report["RLIMIT_CPU"] == [limits.cpu_seconds] * 2
    assert report["RLIMIT_NOFILE"] == [limits.open_files] * 2
    assert report["RLIMIT_CORE"] == [0, 0]
    soft, hard = report["RLIMIT_NPROC"]
    assert soft == hard
    if AS_ROOT:
        assert soft == limits.processes
    for name in ["RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_CPU"]:
        assert report["raise " + name] in ("ValueError", "PermissionError", "OSError"), name


def test_memory_bomb_gets_memory_error(make_jail):
    """Allocating more than Limits.memory raises MemoryError (bytes and numpy), a small allocation works."""
    report = run_json(make_jail(Limits(memory=512 * MiB)), """
        import json
        import numpy as np
        report = {"small": len(bytearray(64 * 2 ** 20))}
        for name, allocate in [("bytes", lambda: bytearray(600 * 2 ** 20)), ("numpy", lambda: np.ones(80 * 2 ** 20))]:
            try:
                allocate()
                report[name] = "allocated"
            except MemoryError:
                report[name] = "MemoryError"
        print(json.dumps(report))
    """)
    assert report == {"small": 64 * MiB, "bytes": "MemoryError", "numpy": "MemoryError"}


def test_file_size_limit(make_jail):
    """Writing a file larger than Limits.file_size fails with EFBIG, and the file on disk stays within it."""
    jail = make_jail(Limits(file_size=1 * MiB))
    report = run_json(jail, """
        import json
        try:
            with open("big.bin", "wb") as handle:
                for _ in range(4):
                    handle.write(bytes(512 * 1024))
            report = "written"
        except OSError as error:
            report = error.errno
        print(json.dumps(report))
    """)
    assert report == errno.EFBIG
    assert (jail.work / "big.bin").stat().st_size <= 1 * MiB


def test_fork_bomb_bounded(make_jail):
    """With Limits(processes=32), starting 200 processes fails beyond the limit, and none outlives the jail."""
    marker = f"7.{os.getpid()}{time.monotonic_ns() % 1000:03d}"  # a sleep duration nobody else uses
    try:
        report = run_json(make_jail(Limits(processes=32)), """
            import json, subprocess, sys
            started, refused = 0, 0
            for _ in range(200):
                try:
                    subprocess.Popen(["sleep", sys.argv[1]])
                    started += 1
                except OSError:
                    refused += 1
            print(json.dumps([started, refused]))
        """, marker)
        started, refused = report
        assert 0 < started < 32 + 8
        assert refused == 200 - started
        assert wait_until_gone(marker, 5) == []  # the jail's exit took its children along
    finally:
        for pid in processes_with(marker):  # ours only: the marker is unique to this test run
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_process_tree_dies_with_the_jail(make_jail):
    """Killing the jail's outer process kills a detached grandchild (new session) inside it."""
    marker = "987654"
    code = textwrap.dedent(f"""
        import subprocess, time
        subprocess.Popen(["sleep", "{marker}"], start_new_session=True)
        print("ready", flush=True)
        time.sleep(600)
    """)
    before = set(processes_with(marker))
    outer = subprocess.Popen(make_jail().command([sys.executable, "-c", code]), stdout=subprocess.PIPE, text=True)
    try:
        assert outer.stdout.readline().strip() == "ready"
        grandchildren = wait_for_command(["sleep", marker], 5)
        assert len(grandchildren) == 1  # the grandchild runs, visible from the host
        outer.kill()
        outer.wait(timeout=10)
        assert wait_until_gone(marker, 5) == []
    finally:
        if outer.poll() is None:
            outer.kill()
            outer.wait()
        outer.stdout.close()
        for pid in set(processes_with(marker)) - before:  # what this test started and left behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# --- identity and environment ---------------------------------------------------------------------------


def test_unprivileged_and_clean_environment(jail, monkeypatch):
    """The jail never runs as root, holds no capabilities, and sees only the environment command() set."""
    monkeypatch.setenv("SECRET_TOKEN", "x")
    report = run_json(jail, """
        import json, os
        status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
        try:
            os.setuid(0)
            became_root = True
        except OSError:
            became_root = False
        print(json.dumps({"uid": os.getuid(), "euid": os.geteuid(), "gid": os.getgid(), "groups": os.getgroups(),
                          "caps": status["CapEff"].strip(), "became_root": became_root, "env": dict(os.environ)}))
    """, env={"CHOSEN": "yes"})
    assert report["caps"] == "0000000000000000"
    assert not report["became_root"]
    if AS_ROOT:
        assert report["uid"] != 0 and report["euid"] != 0 and report["gid"] != 0
        assert report["groups"] == []
    env = report["env"]
    assert "SECRET_TOKEN" not in env
    assert env["CHOSEN"] == "yes"
    assert set(env) <= {"HOME", "PATH", "LANG", "MPLBACKEND", "MPLCONFIGDIR", "PYTHONDONTWRITEBYTECODE",
                        "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                        "CHOSEN", "PWD"}


# --- life cycle and availability ------------------------------------------------------------------------


def test_close_removes_folders(trusted):
    """Jail.close() (and leaving the context manager) deletes the jail's folders."""
    jail = Jail(trusted, comm=True)
    assert jail.work.is_dir() and jail.comm.is_dir()
    jail.close()
    assert not jail.root.exists()
    with Jail(trusted) as jail:
        assert (jail.work / "helper.py").exists()
    assert not jail.root.exists()


def test_missing_bwrap_is_reported_with_the_fix(monkeypatch):
    """check_available() raises JailUnavailable naming the package and --no-jail when bwrap is not installed."""
    which = shutil.which
    monkeypatch.setattr(jail_module.shutil, "which", lambda name, *a, **k: None if name == "bwrap" else which(name))
    with pytest.raises(JailUnavailable) as raised:
        check_available.__wrapped__()
    assert "apt-get install bubblewrap" in str(raised.value)
    assert "--no-jail" in str(raised.value)


def test_failing_sandbox_is_reported_with_the_fix(monkeypatch):
    """check_available() raises JailUnavailable with bubblewrap's reason and the fix when the probe fails."""
    failed = subprocess.CompletedProcess([], 1, "", "bwrap: No permissions to creating new namespace")
    monkeypatch.setattr(jail_module.subprocess, "run", lambda *a, **k: failed)
    with pytest.raises(JailUnavailable) as raised:
        check_available.__wrapped__()
    message = str(raised.value)
    assert "No permissions to creating new namespace" in message
    assert "user.max_user_namespaces" in message and "--no-jail" in message


def test_multiprocessing_semaphores_work(jail):
    """scikit-learn's joblib needs POSIX semaphores (/dev/shm): without them it warns on stderr, a failed test."""
    done = subprocess.run(jail.command([sys.executable, "-W", "error", "-c",
                                        "import multiprocessing; multiprocessing.Semaphore(); print('ok')"]),
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.skipif(not forking_available(),
                    reason="no Landlock with signal scoping here: grading starts fresh jailed processes")
def test_fork_server_starts_only_where_its_children_can_confine_themselves(monkeypatch):
    """A fork server forks a probe child at its start; if the probe cannot apply Landlock in the jail (here: it
    demands an ABI no kernel has), the server is refused and grading falls back to fresh jailed processes."""
    template.Template().close()
    monkeypatch.setattr(template.Template, "PROGRAM",
                        template.Template.PROGRAM.replace("MINIMUM_ABI = 6", "MINIMUM_ABI = 99"))
    with pytest.raises(template.TemplateError, match="cannot confine"):
        template.Template()
