"""Real servers for the tests: a throw-away PostgreSQL cluster and a Dask scheduler with worker processes.

Both run as separate processes on this machine, on the loopback interface, and are removed afterwards.
PostgreSQL comes from Debian's ``postgresql`` package (``make postgres`` installs it); as root, the server
runs as the ``postgres`` user, as PostgreSQL requires. The Dask processes are the real ``dask scheduler`` and
``dask worker`` commands of this environment, each worker in its own working directory and without this
repository on its path, so that a test cannot pass by sharing the instructor's folder by accident.
"""
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin():
    """The folder of PostgreSQL's server programs (Debian keeps them under /usr/lib/postgresql/<version>/bin)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Postgres:
    """A PostgreSQL server in ``folder`` on 127.0.0.1:``port`` (trust authentication: a test server only)."""

    def __init__(self, folder):
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed: run `make postgres` (Debian: apt-get install postgresql)")
        self.folder, self.port = Path(folder), free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.as_user = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.folder, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.run("initdb", "-D", str(self.folder / "data"), "--auth=trust", "-U", "postgres", "--no-sync")
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "server.log"), "-w", "start",
                 "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off")

    def run(self, program, *args):
        subprocess.run([*self.as_user, str(self.bin / program), *args], check=True, capture_output=True)

    def create_database(self, name):
        """A new, empty database; returns its SQLAlchemy URL (psycopg driver)."""
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


class DaskCluster:
    """``dask scheduler`` and ``workers`` × ``dask worker`` (one thread each), as separate processes."""

    def __init__(self, folder, workers=2):
        self.folder, self.port = Path(folder), free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        dask = str(Path(sys.executable).parent / "dask")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        self.processes = {}
        self.start("scheduler", [dask, "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                 "--no-dashboard"], env)
        self.worker_folders = []
        for k in range(workers):
            folder = self.folder / f"worker-{k}"
            self.worker_folders.append(folder)
            self.start(f"worker-{k}", [dask, "worker", self.address, "--nthreads", "1", "--name", f"worker-{k}",
                                       "--local-directory", str(folder), "--no-dashboard"], env, cwd=folder)
        from distributed import Client
        with Client(self.address, timeout=60) as client:
            if workers:
                client.wait_for_workers(workers, timeout=120)

    def start(self, name, command, env, cwd=None):
        cwd = Path(cwd or self.folder / name)
        cwd.mkdir(parents=True, exist_ok=True)
        log = open(self.folder / f"{name}.log", "wb")
        self.processes[name] = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                                start_new_session=True)

    def kill(self, name):
        """Kill a process and everything it started (a worker's nanny, the worker, their kernels): SIGKILL."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait()

    def stop(self):
        for name in reversed(list(self.processes)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.processes[name].pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for name, process in self.processes.items():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.kill(name)
