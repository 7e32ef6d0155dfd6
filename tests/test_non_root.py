"""Grading as an instructor who is not root: the jail (an unprivileged user namespace), the run folder, the limits.

The suite usually runs as root here (the jail then drops to an unprivileged uid with ``setpriv``); instructors
grade as themselves, and bubblewrap then makes a user namespace, the process limit counts their other processes,
and the run folder is theirs. So, as root, this module makes a user of its own (``useradd``, removed at the end),
gives it a copy of the course it owns, and runs ``python -m tools release`` and ``python -m tools grade`` as
that user on a small class with hostile submissions, once per grading path (``--grading-path``,
tests/conftest.py), then the jail's own tests (tests/test_jail.py) as that user. Not root: skipped, since the
whole suite then is the non-root case.

The interpreter must be one that user can run. Where this venv's base installation is under a folder other
users cannot pass (here ``/root/.pyenv``, under ``/root`` of mode 0700), the user's processes run in a private
mount namespace where that folder is shown to them (a tmpfs over ``/root`` holding only that installation):
nothing of the machine changes, and an instructor's own venv is always theirs to run.
"""
import json
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pytest

from tools import notebooks
from tools.course import ROOT

from test_adversarial import (A, EN, F, FAULTS, G, SEALED_CHEATS, CHEATS, aimed_at, full, others, own,
                              with_plain_cell, zero)
from test_grading_paths import PATH_SEEN, WHO

pytestmark = pytest.mark.slow  # real grading runs as another user: left out by `make test-fast`

CHEAT_NAMES = ["patch-isclose", "write-the-course", "referee-kill-its-parent"]
FAULT_NAMES = ["fork-bomb", "memory-bomb", "detached-process", "kill-the-fork-server"]
SKIP_AT_TOP = {".venv", ".git", ".pytest_cache", "submitted", "autograded", "feedback", "gradebook.db", "grades.csv",
               "release"}


def hidden_by(path):
    """``(folder, child)``: the first folder above ``path`` that other users cannot pass, and its child towards
    ``path``; None when other users can reach ``path``."""
    path = Path(path).resolve()
    for parent in reversed(path.parents):
        if not parent.stat().st_mode & stat.S_IXOTH:
            return parent, parent / path.relative_to(parent).parts[0]
    return None


def exposures():
    """Folder -> the children of it to show to the user: the interpreter's installation and the venv."""
    found = defaultdict(set)
    for path in (sys.prefix, sys.base_prefix, Path(sys.executable).resolve()):
        hidden = hidden_by(path)
        if hidden:
            found[hidden[0]].add(hidden[1])
    return found


def run_as(user, argv, cwd, env=None, timeout=900):
    """Run ``argv`` as ``user`` (a pwd entry) in ``cwd`` with only ``env`` (and a minimal base); the completed process.

    In a private mount namespace when this interpreter lives under a folder ``user`` cannot pass (see above)."""
    environment = {"HOME": str(Path(cwd) / "home"), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
                   "LANG": "C.UTF-8", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    command = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "env", "-i",
               *(f"{k}={v}" for k, v in environment.items()), *argv]
    holds, lines = [], ["set -e"]
    for folder, children in sorted(exposures().items()):
        pairs = [(child, tempfile.mkdtemp(prefix="pack-hold-")) for child in sorted(children)]
        holds += [hold for _, hold in pairs]
        lines += [f"mount --bind {shlex.quote(str(c))} {shlex.quote(h)}" for c, h in pairs]
        lines.append(f"mount -t tmpfs -o mode=0755 tmpfs {shlex.quote(str(folder))}")
        lines += [f"mkdir -p {shlex.quote(str(c))} && mount --bind {shlex.quote(h)} {shlex.quote(str(c))}"
                  for c, h in pairs]
    if holds:
        command = ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                   "\n".join(lines + ['exec "$@"']), "sh", *command]
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    finally:
        for hold in holds:
            os.rmdir(hold)


def processes_of(uid, patience=10):
    """``uid``'s processes (pid, command line), once those still ending (jails torn down as grading returns,
    seen with an empty command line) are gone, or after ``patience`` seconds."""
    deadline = time.monotonic() + patience
    while True:
        left = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and entry.stat().st_uid == uid:
                    left.append((entry.name, (entry / "cmdline").read_bytes()[:80]))
            except OSError:
                continue
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


@pytest.fixture(scope="module")
def grader():
    """A user of this module's own, not root; removed at the end."""
    if os.getuid() != 0:
        pytest.skip(f"the suite runs as uid {os.getuid()}, not root: every grading test of it is the non-root case "
                    "(making another user to grade as needs root)")
    missing = [tool for tool in ("useradd", "userdel", "setpriv", "unshare") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"no {', '.join(missing)} here to make a user and run as it")
    name = f"packgrader{os.getpid() % 100000}"
    subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                   check=True, capture_output=True)
    try:
        yield pwd.getpwnam(name)
    finally:
        subprocess.run(["userdel", name], capture_output=True)


def copy_course(user):
    """A copy of the repository (the course), owned by ``user``, in a folder only it can open."""
    top = Path(tempfile.mkdtemp(prefix="pack-nonroot-"))  # not tmp_path: /tmp/pytest-of-root is root's alone
    course = top / "course"
    shutil.copytree(ROOT, course, symlinks=True, ignore=lambda folder, names: (
        SKIP_AT_TOP & set(names) if Path(folder) == ROOT else {n for n in names if n == "__pycache__"}))
    (course / "home").mkdir()
    for path in [top, *top.rglob("*")]:
        os.chown(path, user.pw_uid, user.pw_gid, follow_symlinks=False)
    return top, course


def write_class(course, user):
    from tools.submissions import fill
    release_nb = notebooks.read(course / "release" / EN / A.notebook)
    source_nb = notebooks.read(course / "source" / EN / A.notebook)
    students = {"solution": fill(release_nb, source_nb),
                "wrong": fill(release_nb, source_nb, {F: [("cost = cross_entropy_cost + L2_regularization_cost",
                                                           "cost = 0.5 * cross_entropy_cost")]})}
    for name in CHEAT_NAMES:
        students[name] = fill(release_nb, source_nb, {**CHEATS, **SEALED_CHEATS}[name])
    for name in FAULT_NAMES:
        students[name] = fill(release_nb, source_nb, FAULTS[name])
    for name, nb in students.items():
        notebooks.write(aimed_at(with_plain_cell(nb, WHO), course), course / "submitted" / name / EN / A.notebook)
    for path in [course / "submitted", *(course / "submitted").rglob("*")]:
        os.chown(path, user.pw_uid, user.pw_gid)
    return list(students)


SCORES = ("import json, sys\nfrom nbgrader.api import MissingEntry\nfrom tools.nbgrader_run import cell_scores\n"
          "def scores(s):\n    try:\n        return cell_scores(sys.argv[1], sys.argv[2], s)\n"
          "    except MissingEntry:\n        return {}\n"
          "print(json.dumps({s: scores(s) for s in sys.argv[3:]}))")


@pytest.fixture(scope="module")
def graded(grader, grading_path):
    """The class graded by ``python -m tools grade`` as ``grader``: (course, output, scores, processes left)."""
    top, course = copy_course(grader)
    env = {"PACK_NO_FORK": "1" if grading_path == "fresh" else "0"}
    try:
        released = run_as(grader, [sys.executable, "-m", "tools", "release", EN], course, env)
        assert released.returncode == 0, released.stdout + released.stderr
        names = write_class(course, grader)
        # One worker: as a user who is not root every jail has that user's uid, and so one process limit; a fork
        # bomb graded at the same time in another worker can keep a kernel from being forked (the limit stated in
        # docs/machines.md, "Grading as a user who is not root"). One worker grades them one after the other.
        done = run_as(grader, [sys.executable, "-m", "tools", "grade", EN, "--jobs", "1"], course, env)
        left = processes_of(grader.pw_uid)
        assert done.returncode == 0, done.stdout + done.stderr
        read = run_as(grader, [sys.executable, "-c", SCORES, str(course), EN, *names], course, env)
        assert read.returncode == 0, read.stderr
        scores = {s: {k: tuple(v) for k, v in cells.items()} for s, cells in json.loads(read.stdout).items()}
        yield course, done.stdout + done.stderr, scores, left
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_the_class_is_graded_by_the_user_on_the_chosen_path(graded, grader, grading_path):
    course, output, scores, _ = graded
    assert full(scores["solution"]) and not full(own(scores["wrong"], F)) and full(others(scores["wrong"], F))
    nb = notebooks.read(course / "autograded" / "solution" / EN / A.notebook)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert f"GRADED-BY {PATH_SEEN[grading_path]}" in printed
    written = [course / "gradebook.db", course / "autograded" / "solution", course / "feedback" / "solution"]
    assert all(path.stat().st_uid == grader.pw_uid for path in written)


@pytest.mark.parametrize("name", CHEAT_NAMES)
def test_cheat_gets_no_points_for_its_function(graded, name):
    scores = graded[2][name]
    assert zero(own(scores, F)), own(scores, F)
    assert full(others(scores, F)), others(scores, F)


@pytest.mark.parametrize("name", FAULT_NAMES)
def test_fault_costs_only_the_broken_function(graded, name):
    """The fork bomb among them: the process limit (the user's own processes plus the jail's) holds it."""
    scores = graded[2][name]
    assert scores, [line for line in graded[1].splitlines() if name in line]  # graded, or its status
    assert zero(own(scores, G)), own(scores, G)
    assert full(others(scores, G)), others(scores, G)


def test_the_course_is_unchanged_and_nothing_outlives_grading(graded, grader):
    course, _, _, left = graded
    assert (course / "nbgrader_config.py").read_bytes() == (ROOT / "nbgrader_config.py").read_bytes()
    assert not (course / "tools" / "pwned.py").exists() and not (course / "reference" / "pwned.py").exists()
    assert left == []  # the detached `sleep 987654` and the fork bomb's sleepers died with their jails
    runs = Path(tempfile.gettempdir()) / f"dl-pack-grading-{grader.pw_uid}"
    assert not runs.exists() or not list(runs.iterdir()), "the run's worker folders were not removed"


def test_the_jails_own_tests_pass_as_this_user(grader):
    """tests/test_jail.py (what a jailed process sees, writes, reaches; the limits) as a user who is not root."""
    top, course = copy_course(grader)
    try:
        done = run_as(grader, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error",
                               "tests/test_jail.py"], course)
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
        assert " passed" in done.stdout and " failed" not in done.stdout
    finally:
        shutil.rmtree(top, ignore_errors=True)
