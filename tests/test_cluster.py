"""Grading past one machine: a real Dask cluster (``dask scheduler`` + ``dask worker`` processes) and a real
PostgreSQL gradebook give the grades of serial ``nbgrader autograde`` on SQLite, lose and duplicate nothing
when a worker dies, and keep the sealed-grading guarantees: a submission reaches neither the database, nor
the scheduler, nor another task. The connection is secure by default: a cluster with mutual TLS grades the
same, a client or worker without a certificate of the cluster's CA cannot join, a plaintext address off the
loopback is refused before any connection, and a TLS address without certificates stops with the fix.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from nbgrader.api import Grade, Gradebook

from servers import Certificates, DaskCluster, Postgres, tls_flags
from test_adversarial import A, EN, F, FAULTS, SEALED_CHEATS, WRONG, aimed_at, full, others, own, solution_with, zero
from test_parallel_grading import gradebook_rows, rerun_keeps_manual_grade
from tools import notebooks
from tools.grading.classroom import grade_class
from tools.grading.gradebook import db_url
from tools.nbgrader_run import autograde, make_course, release
from tools.sample_class import SAMPLE
from tools.exercise import mistakes as declared_mistakes
from tools.submissions import fill

pytestmark = pytest.mark.slow  # real servers and real grading runs: left out by `make test-fast`

ATTACKS = ("write-the-course", "read-gradebook-by-absolute-path", "search-the-disk-for-reference",
           "referee-forge-answer")


def reach_the_cluster(cluster, database, marker):
    """Code at the top of F's cell that tries to reach the scheduler, the database and the workers' folders.

    Anything it reaches, it uses: the scheduler to run code on every worker (which would write ``marker``),
    the database to give every grade full manual marks, the workers' folders to plant files. It prints what
    it tried, so that the test knows it ran.
    """
    host, port = "127.0.0.1", cluster.port
    return solution_with(
        "import glob, os, socket\n_report = []\n"
        "def _try(name, action):\n    try:\n        action()\n        _report.append(name + ' REACHED')\n"
        "    except BaseException as error:\n        _report.append(name + ' blocked: ' + type(error).__name__)\n"
        "def _scheduler():\n"
        f"    socket.create_connection(({host!r}, {port}), timeout=2).close()\n"
        "    from distributed import Client\n"
        f"    Client({cluster.address!r}, timeout=5).run(lambda: open({str(marker)!r}, 'w').write('x'))\n"
        "def _database(host):\n    import psycopg\n"
        f"    with psycopg.connect(host=host, port={database['port']}, user='postgres', dbname={database['name']!r},\n"
        "                         connect_timeout=3) as connection:\n"
        "        connection.execute('UPDATE grade SET manual_score = 99')\n"
        "def _workers():\n"
        f"    folders = [p for p in glob.glob({str(cluster.folder)!r} + '/**/', recursive=True)]\n"
        "    folders += glob.glob('/tmp/dl-pack-grading-*/*/')\n"
        "    assert folders, 'no folder of the cluster is visible'\n"
        "    for folder in folders:\n        open(os.path.join(folder, 'pwned'), 'w').write('x')\n"
        "_try('scheduler', _scheduler)\n"
        "_try('database-tcp', lambda: _database('127.0.0.1'))\n"
        f"_try('database-socket', lambda: _database({database['socket']!r}))\n"
        "_try('workers', _workers)\n"
        "print('CLUSTER-ATTACK', _report)\n", WRONG[0])


def mixed_class(course, attacks=None):
    """The sample class's EN regularization (full, mistakes, blank, broken file), a correct notebook, two mistakes
    of the catalogue and a kernel killer; with ``attacks`` (name -> edits), those students too."""
    for folder in SAMPLE.glob(f"*/{EN}"):
        shutil.copytree(folder, course / "submitted" / folder.parent.name / EN)
    release_nb, source = (notebooks.read(course / stage / EN / A.notebook) for stage in ("release", "source"))
    first, mistakes = next(iter(declared_mistakes(A.name).items()))
    students = {"honest": {}, "kernel-killer": FAULTS["os-exit"], **(attacks or {})}
    for k, edits in enumerate(list(mistakes.values())[:2]):
        students[f"mistake{k}"] = {first: edits}
    for name, edits in students.items():
        notebooks.write(aimed_at(fill(release_nb, source, edits), course), course / "submitted" / name / EN / A.notebook)
    return sorted(p.name for p in (course / "submitted").iterdir())


def course_with_gradebook(folder, url=None):
    """A released course (EN regularization); with ``url``, its gradebook lives there (nbgrader's db_url)."""
    course = make_course(folder, with_release=False)
    if url:
        with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
            config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
    release(course, [EN])
    return course


@pytest.fixture(scope="module")
def postgres():
    server = Postgres(tempfile.mkdtemp(prefix="dl-pack-postgres-"))  # reachable by the postgres user
    yield server
    server.stop()


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """The reference: plain serial `nbgrader autograde` with its SQLite gradebook, on the mixed class."""
    course = course_with_gradebook(tmp_path_factory.mktemp("serial"))
    mixed_class(course)
    try:
        autograde(course, EN)  # exits non-zero because of the broken file, after grading everyone else
    except Exception:
        pass
    return course


@pytest.fixture(scope="module")
def on_cluster(tmp_path_factory, postgres):
    """The mixed class plus attacks, graded on a 2-worker Dask cluster into a PostgreSQL gradebook."""
    cluster = DaskCluster(tmp_path_factory.mktemp("dask"), workers=2)
    try:
        database = {"name": "cluster", "port": postgres.port, "socket": str(postgres.folder)}
        course = course_with_gradebook(tmp_path_factory.mktemp("cluster"), postgres.create_database("cluster"))
        marker = tmp_path_factory.mktemp("marker") / "scheduler-reached"
        attacks = {name: SEALED_CHEATS[name] for name in ATTACKS}
        attacks["reach-the-cluster"] = reach_the_cluster(cluster, database, marker)
        mixed_class(course, attacks)
        results = {r.student: r for r in grade_class(course, [EN], progress=False, scheduler=cluster.address)}
        yield course, results, cluster, marker
    finally:
        cluster.stop()


def test_cluster_with_postgres_equals_serial_nbgrader(serial, on_cluster):
    course, results, _, _ = on_cluster
    expected = gradebook_rows(serial, [EN])
    got = {k: v for k, v in gradebook_rows(course, [EN]).items() if k[1] not in {"reach-the-cluster", *ATTACKS}}
    assert expected and got == expected
    assert not results["diego"].graded and "not a valid notebook" in results["diego"].status
    assert "kernel died" in results["kernel-killer"].status
    assert (course / "grades.csv").read_text().count("\n") == len(results) + 1  # nbgrader export, from PostgreSQL
    for student, result in results.items():
        assert result.graded == (course / "feedback" / student / EN / "regularization.html").exists(), student


def test_workers_grade_with_the_code_they_were_sent(on_cluster):
    """No test passes by sharing the instructor's folders: the workers run in their own folders, without the
    course or this repository on their path, and grade with the code the plugin sent them."""
    from distributed import Client

    def where():
        import os
        import sys
        return os.getcwd(), list(sys.path), sys.modules["tools"].__file__

    course, _, cluster, _ = on_cluster
    repository = Path(__file__).resolve().parent.parent
    with Client(cluster.address, timeout=30) as client:
        seen = client.run(where)
    assert len(seen) == 2
    for cwd, path, tools in seen.values():
        assert Path(cwd).resolve().parent == cluster.folder.resolve()
        for entry in [cwd, tools, *path]:
            entry = Path(entry or ".").resolve()
            assert not entry.is_relative_to(course.resolve()), entry
            assert not entry.is_relative_to(repository) or entry.is_relative_to(repository / ".venv"), entry
        assert Path(tools).resolve().is_relative_to(Path(cwd).resolve())


@pytest.mark.parametrize("name", ATTACKS)
def test_sealed_grading_attack_gets_no_points_on_the_cluster(on_cluster, name):
    scores = on_cluster[1][name].cells
    assert zero(own(scores, F)), own(scores, F)
    assert full(others(scores, F)), others(scores, F)


def test_submission_reaches_neither_database_scheduler_nor_other_tasks(on_cluster, postgres):
    course, results, cluster, marker = on_cluster
    autograded = (course / "autograded" / "reach-the-cluster" / EN / A.notebook).read_text(encoding="utf-8")
    assert "CLUSTER-ATTACK" in autograded  # the attack ran, on a worker
    for target in ("scheduler", "database-tcp", "database-socket", "workers"):
        assert f"{target} blocked" in autograded and f"{target} REACHED" not in autograded, target
    assert not marker.exists()
    assert not [p for p in cluster.folder.rglob("pwned")]
    with Gradebook(db_url(course)) as gb:
        assert not gb.db.query(Grade).filter(Grade.manual_score == 99).count()
    scores = results["reach-the-cluster"].cells
    assert zero(own(scores, F)) and full(others(scores, F)), scores


def test_killing_a_worker_loses_and_duplicates_nothing(serial, tmp_path, postgres):
    from distributed import Client
    course = course_with_gradebook(tmp_path / "course", postgres.create_database("killed"))
    students = mixed_class(course)
    cluster = DaskCluster(tmp_path / "dask", workers=2)
    try:
        done = {}
        run = threading.Thread(target=lambda: done.update(
            results=grade_class(course, [EN], progress=False, scheduler=cluster.address)))
        run.start()
        with Client(cluster.address, timeout=30) as client:
            victim = next(address for address, info in client.scheduler_info()["workers"].items()
                          if info["name"] == "worker-0")
            deadline = time.monotonic() + 300
            while not (list((course / "feedback").glob(f"*/{EN}")) and client.processing([victim])[victim]):
                assert time.monotonic() < deadline and run.is_alive(), "no moment with a result and a busy worker-0"
                time.sleep(0.05)
            cluster.kill("worker-0")  # the nanny, the worker, and its kernels, mid-task
        run.join(600)
    finally:
        cluster.stop()
    results = {r.student: r for r in done["results"]}
    assert sorted(results) == students
    assert gradebook_rows(course, [EN]) == gradebook_rows(serial, [EN])
    with Gradebook(db_url(course)) as gb, Gradebook(db_url(serial)) as reference:
        assert gb.db.query(Grade).count() == reference.db.query(Grade).count()
        assert len(gb.assignment_submissions(EN)) == len(students)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_manual_grades_and_reruns_on_both_gradebooks(backend, tmp_path, postgres):
    url = postgres.create_database("manual") if backend == "postgresql" else None
    course = course_with_gradebook(tmp_path / "course", url)
    for student in ("ana", "bruno"):
        shutil.copytree(SAMPLE / student / EN, course / "submitted" / student / EN)
    first = {r.student: r for r in grade_class(course, [EN], jobs=2, progress=False)}
    assert db_url(course).startswith(backend)
    again = {r.student: r for r in rerun_keeps_manual_grade(course, [EN])}
    assert again["ana"].score == first["ana"].score == first["ana"].max_score
    manual, _ = again["bruno"].cells["compute_cost_with_regularization_hidden"]
    assert manual > 0 and again["bruno"].score == first["bruno"].score + manual  # read from the configured gradebook
    assert f"{again['bruno'].score:g}" in (course / "grades.csv").read_text()


def test_no_scheduler_or_no_worker_is_a_clear_error(tmp_path, monkeypatch):
    from servers import free_port
    from tools.grading import cluster
    from tools.grading.worker import ClusterUnavailable
    monkeypatch.setattr(cluster, "WAIT_FOR_WORKERS", 3)
    course = course_with_gradebook(tmp_path / "course")
    shutil.copytree(SAMPLE / "ana" / EN, course / "submitted" / "ana" / EN)
    with pytest.raises(ClusterUnavailable, match="no Dask scheduler at"):
        grade_class(course, [EN], progress=False, scheduler=f"tcp://127.0.0.1:{free_port()}")
    empty = DaskCluster(tmp_path / "dask", workers=0)
    try:
        with pytest.raises(ClusterUnavailable, match="start `dask worker"):
            grade_class(course, [EN], progress=False, scheduler=empty.address)
    finally:
        empty.stop()
    with Gradebook(db_url(course)) as gb:
        assert not gb.assignment_submissions(EN)  # nothing was recorded


# --- Secure by default: mutual TLS, plaintext refused off the loopback -------------------------------------------

NOT_LOOPBACK = ("tcp://192.0.2.1:8786", "192.0.2.1:8786", "tcp://10.0.0.1:8786", "tcp://[2001:db8::1]:8786",
                "tcp://grading.example.org:8786", "ws://192.0.2.1:8786", "tcp://0.0.0.0:8786")
_WATCH = []  # while a test watches: (event, arguments) of every socket operation of this process


def _audit(event, args):
    if _WATCH and event.startswith("socket."):
        _WATCH[0].append((event, repr(args)))


sys.addaudithook(_audit)  # audit hooks stay for the process: this one records only while a test watches


def network_use(action):
    """Run ``action`` and return the exception it raised and every socket operation (Python's audit events:
    ``socket.connect``, ``socket.getaddrinfo``, ...) this process made meanwhile, in any thread."""
    events = []
    _WATCH.append(events)
    try:
        action()
    except Exception as error:  # the caller checks which
        return error, events
    finally:
        _WATCH.clear()
    return None, events


def small_class(course):
    """The sample class's EN regularization: full marks, mistakes, blank, broken file."""
    for folder in SAMPLE.glob(f"*/{EN}"):
        shutil.copytree(folder, course / "submitted" / folder.parent.name / EN)
    return sorted(p.name for p in (course / "submitted").iterdir())


@pytest.fixture(scope="module")
def one_submission(tmp_path_factory):
    """A course with one submission that the tests below must leave ungraded: its gradebook stays empty."""
    course = course_with_gradebook(tmp_path_factory.mktemp("one-submission"))
    shutil.copytree(SAMPLE / "ana" / EN, course / "submitted" / "ana" / EN)
    yield course
    with Gradebook(db_url(course)) as gb:
        assert not gb.assignment_submissions(EN)  # nothing was recorded


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory):
    """A 2-worker Dask cluster with mutual TLS: a CA made by openssl, a certificate each for the scheduler, the
    workers and the client; the scheduler listens on tls://127.0.0.1 only."""
    folder = tmp_path_factory.mktemp("tls")
    cluster = DaskCluster(folder / "dask", workers=2, tls=Certificates(folder / "certificates"))
    try:
        yield cluster
    finally:
        cluster.stop()


def test_cluster_with_mutual_tls_grades_like_serial_nbgrader(serial, tls_cluster, tmp_path):
    from distributed import Client
    from tools.grading.cluster import ClusterSecurity
    course = course_with_gradebook(tmp_path / "course")
    students = small_class(course)
    ca, cert, key = map(str, tls_cluster.client_tls)
    assert tls_cluster.address.startswith("tls://127.0.0.1:")
    results = {r.student: r for r in grade_class(course, [EN], progress=False, scheduler=tls_cluster.address,
                                                 security=ClusterSecurity(ca_file=ca, cert=cert, key=key))}
    assert sorted(results) == students
    expected = {k: v for k, v in gradebook_rows(serial, [EN]).items() if k[1] in students}
    assert expected and gradebook_rows(course, [EN]) == expected
    assert results["ana"].score == results["ana"].max_score > 0
    assert not results["diego"].graded and "not a valid notebook" in results["diego"].status
    for student, result in results.items():
        assert result.graded == (course / "feedback" / student / EN / "regularization.html").exists(), student
    with Client(tls_cluster.address, security=tls_cluster.security, timeout=30) as client:
        workers = client.scheduler_info()["workers"]
    assert len(workers) == 2 and all(address.startswith("tls://") for address in workers)


def test_tls_certificates_from_dask_settings(tls_cluster):
    """The client's certificates from Dask's configuration instead of the flags: the environment variables the
    README names, in a fresh process, reach the TLS cluster; dask.config.set here gives the same Security."""
    import dask.config
    from tools.grading.cluster import client_security
    ca, cert, key = map(str, tls_cluster.client_tls)
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TLS__CA_FILE": ca, "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT": cert,
           "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY": key}
    program = ("import sys; sys.path.insert(0, sys.argv[2])\n"
               "from distributed import Client\nfrom tools.grading.cluster import client_security\n"
               "with Client(sys.argv[1], security=client_security(sys.argv[1]), timeout=30) as client:\n"
               "    print(sorted(info['name'] for info in client.scheduler_info()['workers'].values()))\n")
    done = subprocess.run([sys.executable, "-c", program, tls_cluster.address, str(Path(__file__).parent.parent)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['worker-0', 'worker-1']"
    with dask.config.set({"distributed.comm.tls.ca-file": ca, "distributed.comm.tls.client.cert": cert,
                          "distributed.comm.tls.client.key": key}):
        security = client_security(tls_cluster.address)
    assert (security.tls_ca_file, security.tls_client_cert, security.tls_client_key) == (ca, cert, key)
    assert security.require_encryption


def test_without_a_certificate_of_the_ca_nobody_joins(tls_cluster, one_submission, tmp_path, monkeypatch):
    """A worker with a certificate of another CA, a worker without any, a plaintext worker; a plaintext client,
    a client with another CA's certificate (raw Dask, and through grade_class): none of them gets in."""
    from distributed import Client
    from distributed.security import Security
    from tools.grading import cluster
    from tools.grading.worker import ClusterUnavailable
    rogue = Certificates(tmp_path / "rogue", name="rogue CA")
    rogue_worker, rogue_client = rogue.issue("worker"), rogue.issue("client")
    ca = tls_cluster.client_tls[0]
    plaintext = f"tcp://127.0.0.1:{tls_cluster.port}"
    outsiders = {"rogue-signed": tls_cluster.start_worker("rogue-signed", tls_flags(ca, *rogue_worker)),
                 "no-certificate": tls_cluster.start_worker("no-certificate"),
                 "plaintext": tls_cluster.start_worker("plaintext", address=plaintext)}
    for name, process in outsiders.items():
        process.wait(120)
        assert process.returncode != 0, (name, tls_cluster.log(name))
        assert "Nanny failed to start" in tls_cluster.log(name), tls_cluster.log(name)
    assert "CERTIFICATE_VERIFY_FAILED" in tls_cluster.log("scheduler")  # the rogue CA's worker was refused
    with pytest.raises(OSError):
        Client(plaintext, timeout=5)
    with pytest.raises(OSError):
        Client(tls_cluster.address, timeout=5, security=Security(
            tls_ca_file=str(ca), tls_client_cert=str(rogue_client[0]), tls_client_key=str(rogue_client[1]),
            require_encryption=True))
    monkeypatch.setattr(cluster, "WAIT_FOR_WORKERS", 5)
    with pytest.raises(ClusterUnavailable, match="CA signed this client's certificate"):
        grade_class(one_submission, [EN], progress=False, scheduler=tls_cluster.address, security=cluster.ClusterSecurity(
            ca_file=str(ca), cert=str(rogue_client[0]), key=str(rogue_client[1])))
    with Client(tls_cluster.address, security=tls_cluster.security, timeout=30) as client:
        names = sorted(info["name"] for info in client.scheduler_info()["workers"].values())
    assert names == ["worker-0", "worker-1"]


@pytest.mark.parametrize("address", NOT_LOOPBACK)
def test_plaintext_off_the_loopback_is_refused_before_any_connection(address, one_submission):
    from tools.grading.cluster import ClusterInsecure
    error, events = network_use(lambda: grade_class(one_submission, [EN], progress=False, scheduler=address))
    assert isinstance(error, ClusterInsecure), error
    message = str(error)
    for words in ("refusing to reach the scheduler", "plaintext", "Use TLS", "--scheduler tls://", "--tls-ca-file",
                  "--tls-cert", "--tls-key", "--allow-plaintext"):
        assert words in message, (words, message)
    host = address.split("://")[-1].rsplit(":", 1)[0].strip("[]")
    assert not [e for e in events if host in e[1]], events  # neither resolved nor connected


def test_loopback_stays_plaintext_and_the_override_is_explicit():
    """tcp:// on 127.0.0.0/8, ::1 or localhost is allowed as before; off the loopback only with the override;
    certificates for a tcp:// address, or Dask's require-encryption, stop too. Nothing here touches the network."""
    import dask.config
    from distributed import Client
    from servers import free_port
    from tools.grading.cluster import ClusterInsecure, ClusterSecurity, client_security
    port = free_port()  # control: the watch sees Dask's own connection attempts (from its event loop's thread)
    error, events = network_use(lambda: Client(f"tcp://127.0.0.1:{port}", timeout=1))
    assert isinstance(error, OSError) and [e for e in events if e[0] == "socket.connect" and str(port) in e[1]]
    for address in ("tcp://127.0.0.1:8786", "tcp://127.8.9.10:8786", "tcp://[::1]:8786", "tcp://localhost:8786",
                    "tcp://LOCALHOST.:8786", "127.0.0.1:8786", "tcp://[::ffff:127.0.0.1]:8786"):
        error, events = network_use(lambda: client_security(address))
        assert error is None and not events, (address, error, events)
    for address in NOT_LOOPBACK:
        error, events = network_use(lambda: client_security(address, ClusterSecurity(allow_plaintext=True)))
        assert error is None and not events, (address, error, events)
    with pytest.raises(ClusterInsecure, match="write it tls://192.0.2.1:8786"):
        client_security("tcp://192.0.2.1:8786", ClusterSecurity(ca_file="ca.pem", cert="c.pem", allow_plaintext=True))
    with dask.config.set({"distributed.comm.require-encryption": True}):
        with pytest.raises(ClusterInsecure, match="requires encryption"):
            client_security("tcp://127.0.0.1:8786")


def test_tls_without_certificates_stops_with_the_cause_and_the_fix(one_submission, capsys):
    from servers import free_port
    from tools.__main__ import main
    from tools.grading.cluster import ClusterInsecure, ClusterSecurity
    address = f"tls://127.0.0.1:{free_port()}"
    for security, missing in ((None, "no --tls-ca-file (distributed.comm.tls.ca-file) and no --tls-cert "
                                     "(distributed.comm.tls.client.cert)"),
                              (ClusterSecurity(ca_file="ca.pem"), "no --tls-cert (distributed.comm.tls.client.cert)")):
        error, events = network_use(lambda: grade_class(one_submission, [EN], progress=False, scheduler=address,
                                                        security=security))
        assert isinstance(error, ClusterInsecure), error
        assert not [e for e in events if "connect" in e[0]], events
        message = str(error)
        for words in (f"{address} is a TLS address", missing, "signed by its CA", "--tls-ca-file CA_FILE --tls-cert "
                      "CERT --tls-key KEY", "distributed.comm.tls.client.key", "DASK_DISTRIBUTED__COMM__TLS__CA_FILE",
                      "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT", "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY"):
            assert words in message, (words, message)
    capsys.readouterr()
    assert main(["grade", "--scheduler", address]) == 2  # the command: one line with the fix, no traceback
    printed = capsys.readouterr()
    assert printed.err.startswith(f"cannot grade: {address} is a TLS address") and "Traceback" not in printed.err
    assert main(["grade", "--scheduler", "tcp://192.0.2.1:8786"]) == 2
    printed = capsys.readouterr()
    assert printed.err.startswith("cannot grade: refusing to reach the scheduler tcp://192.0.2.1:8786 in plaintext")
    assert "--allow-plaintext" in printed.err and "Traceback" not in printed.err


def test_unusable_certificate_files_stop_with_the_cause(tls_cluster, tmp_path):
    from tools.grading.cluster import ClusterInsecure, ClusterSecurity, client_security
    ca, cert, key = map(str, tls_cluster.client_tls)
    other_key = str(tls_cluster.tls.folder / "worker-key.pem")
    with pytest.raises(ClusterInsecure, match="no such file: --tls-ca-file .*missing.pem"):
        client_security(tls_cluster.address, ClusterSecurity(ca_file=str(tmp_path / "missing.pem"), cert=cert, key=key))
    with pytest.raises(ClusterInsecure, match="cannot load this client's TLS files .*KEY_VALUES_MISMATCH"):
        client_security(tls_cluster.address, ClusterSecurity(ca_file=ca, cert=cert, key=other_key))
