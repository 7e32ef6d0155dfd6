"""Benchmark: how grading on a Dask cluster grows with its workers, and what a class of 1,000 or 10,000 costs.

In one run, on this machine and on the same generated class (``tools sample-class --students``):

1. the baseline: plain serial nbgrader with its default configuration (``nbgrader autograde``,
   ``generate_feedback``, ``export``, as an instructor without the pack types them);
2. ``grade --scheduler`` on a real Dask cluster (``dask scheduler`` and 1, 2 and 4 ``dask worker``
   processes of one thread each), at two class sizes, so that each line's fixed cost and cost per
   submission can be told apart; the cluster's start is not counted (it is started once per term);
3. the single writer's cost per submission (writing the autograded and feedback folders and the grades
   into a SQLite gradebook), replayed on the graded class;
4. a cost model fitted to those numbers, and its predictions for 1,000 and 10,000 submissions on N machines.

Usage (from the repository root, after ``make venv``)::

    .venv/bin/python bench/cluster_scaling.py [--assignment regularization_en] [--students 8 24] [--workers 1 2 4]
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from nbgrader.api import Gradebook  # noqa: E402

from grading_speed import fresh_course, time_serial_nbgrader  # noqa: E402
from servers import DaskCluster  # noqa: E402
from tools.grading import worker  # noqa: E402
from tools.grading.classroom import grade_class  # noqa: E402
from tools.grading.gradebook import db_url, record  # noqa: E402


def time_cluster(course, assignment_id, workers, folder):
    """Seconds to grade the class on a fresh cluster of ``workers`` worker processes (its start not counted)."""
    cluster = DaskCluster(folder, workers=workers)
    try:
        start = time.perf_counter()
        results = grade_class(course, [assignment_id], progress=False, scheduler=cluster.address)
        return time.perf_counter() - start, results
    finally:
        cluster.stop()


def writer_seconds(course, assignment_id, results, folder):
    """The single writer's seconds per submission, replayed: folders written, grades recorded (SQLite)."""
    url = db_url(course)
    outcomes = []
    for r in results:
        if r.graded:
            outcomes.append((r.student, {"recorded": worker.recorded(url, assignment_id, r.student),
                                         "autograded": worker.files_of(course / "autograded" / r.student / assignment_id),
                                         "feedback": worker.files_of(course / "feedback" / r.student / assignment_id)}))
    shutil.copy(course / "gradebook.db", folder / "gradebook.db")
    start = time.perf_counter()
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        for student, outcome in outcomes:
            worker.write_files(folder / "autograded" / student / assignment_id, outcome["autograded"])
            worker.write_files(folder / "feedback" / student / assignment_id, outcome["feedback"])
            record(gb, assignment_id, student, outcome["recorded"])
    return (time.perf_counter() - start) / len(outcomes)


def fit(sizes, times):
    """Fixed seconds and seconds per submission of a line through (size, time) points (least squares)."""
    n = len(sizes)
    mean_x, mean_y = sum(sizes) / n, sum(times) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(sizes, times)) / sum((x - mean_x) ** 2 for x in sizes)
    return mean_y - slope * mean_x, slope


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignment", default="regularization_en")
    parser.add_argument("--students", type=int, nargs="+", default=[8, 24], help="class sizes (at least two)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count()
    a = args.assignment
    tmp = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    try:
        largest = max(args.students)
        print(f"class: {a}, generated (seed {args.seed}); sizes {args.students}; this machine: {cores} cores")
        baseline = fresh_course(tmp, "baseline", a, largest, args.seed, plain=True)
        plain = time_serial_nbgrader(baseline, a)
        print(f"plain serial nbgrader, default configuration, {largest} submissions: {plain:6.1f} s "
              f"({plain / largest:.2f} s per submission)")
        lines, last = {}, None
        for workers in args.workers:
            points = []
            for size in sorted(args.students):
                course = fresh_course(tmp, f"w{workers}-n{size}", a, size, args.seed)
                seconds, results = time_cluster(course, a, workers, tmp / f"dask-w{workers}-n{size}")
                points.append((size, seconds))
                print(f"dask, {workers} worker{'s' if workers > 1 else ' '}, {size:4d} submissions: {seconds:6.1f} s "
                      f"({size / seconds:.2f} submissions/s)")
                if size == largest:
                    last = (course, results)
            lines[workers] = fit(*zip(*points))
        (tmp / "writer").mkdir()
        writer = writer_seconds(last[0], a, last[1], tmp / "writer")
        print("\nfitted per line: time = fixed + size x per-submission")
        for workers, (fixed, per) in lines.items():
            speedup = plain / (fixed + per * largest)
            print(f"  {workers} worker{'s' if workers > 1 else ' '}: fixed {fixed:5.1f} s, {per:.2f} s per submission, "
                  f"{1 / per:.2f} submissions/s; vs plain serial nbgrader at {largest}: {speedup:.2f}x")
        print(f"  the single writer: {writer:.3f} s per submission (SQLite), at most {1 / writer:.0f} submissions/s")
        # Cost model: N machines like this one, one single-threaded worker per core.
        busy = min(cores, max(args.workers))  # the line with every core busy, one worker each
        fixed, per = lines[busy]
        per_core = per * busy
        print(f"\ncost model: T(n, N) = {fixed:.1f} s + n x max({writer:.3f} s, {per_core:.2f} s / ({cores} N))")
        print(f"  ({per_core:.2f} s: one worker's seconds per submission with all {cores} cores busy; N machines of "
              f"{cores} cores, one worker per core)")
        for n in (1000, 10000):
            row = []
            for machines in (1, 2, 5, 10, 50):
                total = fixed + n * max(writer, per_core / (cores * machines))
                row.append(f"N={machines}: {total / 60:6.1f} min")
            print(f"  {n:6d} submissions  " + "  ".join(row))
        bound = per_core / (cores * writer)
        print(f"  the writer bounds the cluster at about {bound:.0f} machines; past that, more machines do not help")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
