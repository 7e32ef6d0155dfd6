"""Real servers for the tests: a throw-away PostgreSQL cluster and a Dask scheduler with worker processes
(plaintext on the loopback, or mutual TLS with certificates made here by the ``openssl`` command); and where
the suite's real browser is (:func:`chromium`).

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


def openssl(*args, cwd):
    """Run the ``openssl`` command (Debian's ``openssl`` package) in ``cwd``."""
    if shutil.which("openssl") is None:
        raise RuntimeError("the openssl command is not installed (Debian: apt-get install openssl)")
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


class Certificates:
    """A certificate authority in ``folder`` and the certificates it signs, made with the README's commands."""

    KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]

    def __init__(self, folder, name="grading CA"):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.ca = self.folder / "ca.pem"
        openssl("req", "-x509", *self.KEY, "-days", "2", "-subj", f"/CN={name}", "-keyout", "ca-key.pem",
                "-out", self.ca.name, cwd=self.folder)

    def issue(self, name):
        """A certificate signed by this CA, and its key: (certificate path, key path)."""
        openssl("req", *self.KEY, "-subj", f"/CN={name}", "-keyout", f"{name}-key.pem", "-out", f"{name}.csr",
                cwd=self.folder)
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-out", f"{name}.pem", cwd=self.folder)
        return self.folder / f"{name}.pem", self.folder / f"{name}-key.pem"


def tls_flags(ca, cert, key):
    """The ``dask scheduler`` and ``dask worker`` flags for TLS with these files."""
    return ["--tls-ca-file", str(ca), "--tls-cert", str(cert), "--tls-key", str(key)]


class DaskCluster:
    """``dask scheduler`` and ``workers`` × ``dask worker`` (one thread each), as separate processes.

    With ``tls`` (:class:`Certificates`), every connection is mutual TLS on ``tls://127.0.0.1:PORT``: the
    scheduler and the workers are started with ``--tls-ca-file --tls-cert --tls-key`` (a certificate each,
    signed by the CA), ``client_tls`` is (CA, certificate, key) for a client, and ``security`` its Dask
    ``Security``.
    """

    def __init__(self, folder, workers=2, tls=None):
        self.folder, self.port = Path(folder), free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.address = f"{'tls' if tls else 'tcp'}://127.0.0.1:{self.port}"
        self.tls, self.security, self.client_tls = tls, None, None
        self.dask = str(Path(sys.executable).parent / "dask")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        self.env = env
        self.processes = {}
        scheduler_tls = worker_tls = []
        if tls:
            from distributed.security import Security
            scheduler_tls = tls_flags(tls.ca, *tls.issue("scheduler"))
            worker_tls = tls_flags(tls.ca, *tls.issue("worker"))
            self.client_tls = (tls.ca, *tls.issue("client"))
            self.security = Security(tls_ca_file=str(tls.ca), tls_client_cert=str(self.client_tls[1]),
                                     tls_client_key=str(self.client_tls[2]), require_encryption=True)
        self.start("scheduler", [self.dask, "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                 "--no-dashboard", *scheduler_tls], env)
        self.worker_folders = []
        for k in range(workers):
            self.start_worker(f"worker-{k}", worker_tls)
        from distributed import Client
        with Client(self.address, timeout=60, security=self.security) as client:
            if workers:
                client.wait_for_workers(workers, timeout=120)

    def start_worker(self, name, flags=(), address=None):
        """A ``dask worker`` process called ``name`` in its own folder, joining ``address`` (default: this
        cluster's) with ``flags`` (e.g. :func:`tls_flags`)."""
        folder = self.folder / name
        self.worker_folders.append(folder)
        self.start(name, [self.dask, "worker", address or self.address, "--nthreads", "1", "--name", name,
                          "--local-directory", str(folder), "--no-dashboard", *flags], self.env, cwd=folder)
        return self.processes[name]

    def start(self, name, command, env, cwd=None):
        cwd = Path(cwd or self.folder / name)
        cwd.mkdir(parents=True, exist_ok=True)
        with open(self.folder / f"{name}.log", "wb") as log:
            self.processes[name] = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                                    start_new_session=True)

    def log(self, name):
        return (self.folder / f"{name}.log").read_text(errors="replace")

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


def chromium():
    """Debian's chromium (the suite's real browser), or a failure that says how to install it: the browser tests
    must run, and `make test` installs it."""
    import pytest
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not found:
        pytest.fail("chromium is not installed: the pages are checked in a real browser. Run `make chromium` "
                    "(as root or with sudo) or `sudo apt-get install chromium`", pytrace=False)
    return found
