"""A grading worker that dies costs only the submission it was grading.

``_graded`` (the scheduler of ``grade``) runs on real local worker processes here. Their task is trivial except
for the student ``culprit``, whose task ends its worker process as the memory cap or the OOM killer would: the
pool breaks, every submission in flight there is graded again alone in a new pool, and only the culprit gets a
status that says its worker died. The end-to-end version, a worker killed from outside while it grades real
notebooks, is ``test_a_killed_worker_costs_nobody_their_grade``.
"""
import os
import threading
import time

import psutil
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.grading import classroom
from tools.grading.classroom import LocalWorkers, grade_class
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

A = ASSIGNMENTS["regularization"]
EN = A.folder("en")


def _outcome(student):
    """The task of an honest student: a worker's "not graded" outcome with the student's name (plain data)."""
    return {"status": f"graded {student}", "recorded": None}


class DyingWorkers(LocalWorkers):
    """Real worker processes; the task of ``culprit`` ends its worker (``os._exit``)."""

    def __init__(self, jobs):
        self.jobs = jobs
        self.pool = self._new_pool()
        self.pools = 1

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(self.jobs, mp_context=classroom.SPAWN)

    def submit(self, assignment_id, student, files, rename):
        task = (os._exit, 3) if student == "culprit" else (_outcome, student)
        future = self.pool.submit(*task)
        future.pool = self.pool
        return future

    def restart(self, future):
        before = self.pool
        super().restart(future)
        self.pools += self.pool is not before


@pytest.fixture
def course(tmp_path):
    for student in ("a", "b", "culprit", "c", "d", "e"):
        folder = tmp_path / "submitted" / student / EN
        folder.mkdir(parents=True)
        (folder / A.notebook).write_text("{}")
    return tmp_path


def test_only_the_submission_that_kills_its_worker_is_lost(course):
    todo = [(EN, student, None) for student in ("a", "b", "culprit", "c", "d", "e")]
    workers = DyingWorkers(2)
    try:
        outcomes = dict(classroom._graded(workers, course, todo))
    finally:
        workers.close()
    assert sorted(student for _, student in outcomes) == ["a", "b", "c", "culprit", "d", "e"]
    assert outcomes[EN, "culprit"]["status"].startswith(
        "not graded: the grading worker died while grading this submission alone")
    for student in ("a", "b", "c", "d", "e"):
        assert outcomes[EN, student]["status"] == f"graded {student}"
    assert workers.pools >= 2


@pytest.mark.slow
def test_a_killed_worker_costs_nobody_their_grade(tmp_path):
    """Real grading of four honest notebooks on two workers; one worker is killed (SIGKILL) while it grades.
    Every submission is graded, with full marks: those in flight on the broken pool are graded again."""
    course = make_course(tmp_path / "course", with_release=False)
    release(course, [EN])
    release_nb, source_nb = (notebooks.read(course / stage / EN / A.notebook) for stage in ("release", "source"))
    for student in ("w", "x", "y", "z"):
        notebooks.write(fill(release_nb, source_nb), course / "submitted" / student / EN / A.notebook)
    killed = []

    def kill_a_grading_worker():
        me = psutil.Process()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not killed:
            for child in me.children():
                # a worker that is grading: it has started a jail (bwrap) or a fork server beneath it
                if "spawn_main" in " ".join(child.cmdline()) and child.children(recursive=True):
                    child.kill()
                    killed.append(child.pid)
                    return
            time.sleep(0.2)

    killer = threading.Thread(target=kill_a_grading_worker)
    killer.start()
    try:
        results = grade_class(course, [EN], jobs=2, progress=False)
    finally:
        killer.join()
    assert killed, "no grading worker was seen"
    assert [r.status for r in results] == ["graded"] * 4, [r.status for r in results]
    assert all(r.score == r.max_score for r in results)
