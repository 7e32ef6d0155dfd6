"""Benchmark: how fast the pack grades a class, against plain serial nbgrader, in one run.

Prints, on a generated class (``tools sample-class --students``):

1. the wall-time ratio of plain serial nbgrader, with its default
   configuration (``nbgrader autograde`` then ``nbgrader generate_feedback``
   then ``nbgrader export``, as an instructor without the pack types them), to
   the pack's ``grade`` command, both on the same class of ``--students``; the same against
   ``nbgrader autograde`` with the pack's configuration (its own pipeline,
   serial); per-submission wall time and how busy the machine's cores were (``/proc/stat``, everything on the
   machine counted); and the same ratios for the
   fallback path (fresh jailed processes, ``PACK_NO_FORK=1``: what kernels
   without Landlock ABI 6 get, Ubuntu 22.04 and 24.04 among them) beside the
   fast path's (kernels and check processes forked from the fork server), with
   the fast path's share;
   1c. the same side by side on a class of ``--large`` submissions; 1d. on that class, a re-run of ``grade``
   after ``--changed`` submissions changed (the rest kept, :mod:`tools.grading.unchanged`), its share of the
   full run's time, and whether the gradebook, ``autograded/`` and ``feedback/`` it leaves are identical to
   a full re-grade (``--force``) run right after it;
2. the cost of the jail: the pack's time per submission with and without the
   jail (``grade --no-jail``), on the same class, runs alternated;
3. the pack's seconds per submission against the floor: a bare kernel start
   plus executing only the graded cells (imports, solutions, tests) of the
   solution notebook, with nbclient;
4. how the pack's time grows with the class size (``--scaling`` and the sizes above);
5. each solution notebook's time top to bottom, as a student runs it;
6. (``--breakdown N``) where one submission's time goes, for plain nbgrader and for the pack, each grading
   N submissions one after the other in this process (nbgrader's API, the pack's private worker course):
   kernel start, running the cells, the out-of-kernel checks (the check process's start apart, and the
   diagnosis), the rest of ``autograde`` (nbgrader's bookkeeping, sanitising, scoring), feedback; and
   the export once for the class, and the fork server's start once per worker. Timers wrap the methods;
   nothing in the grader changes.

Usage (from the repository root, after ``make venv``)::

    .venv/bin/python bench/grading_speed.py [--assignment regularization_en] [--students 40] [--large 160]
                                            [--changed 5] [--jobs 2] [--breakdown 10] [--only-breakdown]
"""
import asyncio
import contextlib
import warnings
from collections import defaultdict
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if __name__ != "__mp_main__":  # a spawned worker of grade_class (a pool replacing a broken one) runs this file
    # again first: it needs none of it, and these imports (1.3 s) would delay its start
    import nbclient  # noqa: E402

    from tools import notebooks  # noqa: E402
    from tools.course import ASSIGNMENTS, LANGUAGES, split_assignment_id  # noqa: E402
    from tools.grading import landlock  # noqa: E402
    from tools.grading.classroom import grade_class  # noqa: E402
    from tools.grading.template import forking_available  # noqa: E402
    from tools.nbgrader_run import (NbgraderError, export_grades, generate_feedback, make_course,  # noqa: E402
                                    nbgrader, release)
    from tools.sample_class import generate_class  # noqa: E402


PLAIN_CONFIG = "c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = 'baseline'\n"


def fresh_course(tmp, name, assignment_id, students, seed, plain=False):
    """A released course with a generated class; ``plain``: nbgrader's default configuration, not the pack's."""
    course = make_course(Path(tmp) / name, with_release=False)
    if plain:
        (course / "nbgrader_config.py").write_text(PLAIN_CONFIG, encoding="utf-8")
    release(course, [assignment_id])
    generate_class(course / "submitted", students, seed, [assignment_id], root=course)
    return course


def time_serial_nbgrader(course, assignment_id):
    start = time.perf_counter()
    try:
        nbgrader(["autograde", assignment_id, "--force"], course)
    except NbgraderError:
        pass  # the generated class holds broken files: nbgrader grades the others and exits non-zero
    generate_feedback(course, assignment_id)
    nbgrader(["export"], course)  # nbgrader's own command and exporter, as an instructor without the pack runs it
    return time.perf_counter() - start


def time_pack(course, assignment_id, jobs, jail=True, fork=True):
    """Seconds of ``grade`` on the class, and its results; ``fork=False``: fresh processes (``PACK_NO_FORK=1``)."""
    os.environ["PACK_NO_FORK"] = "0" if fork else "1"  # read by nbgrader_config.py
    try:
        start = time.perf_counter()
        # force: every run grades the whole class again (unchanged submissions would otherwise be reused)
        results = grade_class(course, [assignment_id], jobs=jobs, progress=False, jail=jail, force=True)
        return time.perf_counter() - start, results
    finally:
        del os.environ["PACK_NO_FORK"]


def busy_seconds():
    """Core-seconds the whole machine has spent busy so far (``/proc/stat``: every CPU's non-idle time)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def time_pack_busy(course, assignment_id, jobs, **kwargs):
    """:func:`time_pack`, and the core-seconds the machine was busy meanwhile."""
    before = busy_seconds()
    seconds, results = time_pack(course, assignment_id, jobs, **kwargs)
    return seconds, results, busy_seconds() - before


def state(course, assignment_id):
    """What grading wrote for a class: every grade's and comment's scores and texts in the gradebook, and the
    bytes of every ``autograded/`` and ``feedback/`` folder."""
    from nbgrader.api import Gradebook

    from tools.grading.gradebook import db_url
    from tools.grading.unchanged import folder_files
    with Gradebook(db_url(course)) as gb:
        submissions = gb.assignment_submissions(assignment_id)
        grades = sorted((s.student.id, g.name, g.auto_score, g.manual_score, g.extra_credit)
                        for s in submissions for nb in s.notebooks for g in nb.grades)
        comments = sorted((s.student.id, c.name, c.auto_comment, c.manual_comment)
                          for s in submissions for nb in s.notebooks for c in nb.comments)
    folders = {(stage, folder.name): folder_files(folder / assignment_id)
               for stage in ("autograded", "feedback") for folder in sorted((course / stage).iterdir())}
    return {"gradebook": (grades, comments), "autograded": {k: v for k, v in folders.items() if k[0] == "autograded"},
            "feedback": {k: v for k, v in folders.items() if k[0] == "feedback"}}


def regrade_changed(course, assignment_id, jobs, results, changed=5):
    """After a full ``grade`` of ``course``: ``changed`` students whose submission lost points hand in the
    notebook of one that scored full marks, and ``grade`` runs again (unchanged submissions kept). Returns the
    re-run's seconds, how many it graded (broken files, read again at every run, not counted), and whether what
    it left (gradebook, ``autograded/``, ``feedback/``) is identical, part by part, to a full re-grade
    (``--force``) of the same class done afterwards."""
    notebook = split_assignment_id(assignment_id)[0].notebook
    full = next(r for r in results if r.graded and r.score == r.max_score)
    donor = (course / "submitted" / full.student / assignment_id / notebook).read_bytes()
    for r in [r for r in results if r.graded and r.score < r.max_score][:changed]:
        (course / "submitted" / r.student / assignment_id / notebook).write_bytes(donor)
    start = time.perf_counter()
    again = grade_class(course, [assignment_id], jobs=jobs, progress=False)
    seconds = time.perf_counter() - start
    kept = state(course, assignment_id)
    grade_class(course, [assignment_id], jobs=jobs, progress=False, force=True)
    regraded = state(course, assignment_id)
    return seconds, sum(r.graded and not r.reused for r in again), {part: kept[part] == regraded[part] for part in kept}


def graded_cells_only(nb):
    """The imports cell, the solution cells and the test cells of a source notebook, nothing else."""
    keep = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and (meta.get("solution") or meta.get("grade") or "import " in cell.source):
            keep.append(cell)
    nb.cells = keep
    return nb


def run_notebook(nb, folder, env):
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        start = time.perf_counter()
        nbclient.NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(folder)}}).execute()
        return time.perf_counter() - start
    finally:
        os.environ.clear()
        os.environ.update(saved)


def floor_seconds(assignment_id, repeats=3):
    assignment, _ = split_assignment_id(assignment_id)
    folder = ROOT / "source" / assignment_id
    times = [run_notebook(graded_cells_only(notebooks.read(folder / assignment.notebook)), folder,
                          {"NBGRADER_EXECUTION": "autograde"}) for _ in range(repeats)]
    return min(times)


@contextlib.contextmanager
def stage_timers(targets):
    """Add the time spent in each ``(owner, method name, stage)`` of ``targets`` to a dict stage -> seconds.

    A stage's time includes the stages nested in it; methods may be coroutines.
    """
    seconds, saved = defaultdict(float), []
    for owner, name, stage in targets:
        original = getattr(owner, name)
        saved.append((owner, name, owner.__dict__.get(name)))
        if asyncio.iscoroutinefunction(original):
            async def timed(*args, _original=original, _stage=stage, **kwargs):
                start = time.perf_counter()
                try:
                    return await _original(*args, **kwargs)
                finally:
                    seconds[_stage] += time.perf_counter() - start
        else:
            def timed(*args, _original=original, _stage=stage, **kwargs):
                start = time.perf_counter()
                try:
                    return _original(*args, **kwargs)
                finally:
                    seconds[_stage] += time.perf_counter() - start
        setattr(owner, name, timed)
    try:
        yield seconds
    finally:
        for owner, name, own in reversed(saved):  # an inherited method is deleted again, not copied in
            if own is None:
                delattr(owner, name)
            else:
                setattr(owner, name, own)


def breakdown(tmp, assignment_id, students, seed):
    """Seconds per submission in each stage, for plain nbgrader and for the pack (see the module docstring)."""
    import nbclient.client
    from nbgrader.apps import NbGraderAPI
    from nbgrader.preprocessors import Execute

    from tools.grading import diagnosis, execute, referee, template, worker
    from tools.grading.gradebook import db_url, load_config, snapshot, without_gradebook

    client = nbclient.client.NotebookClient  # its sync methods wrap the coroutines themselves: both are timed
    common = [(client, name, "kernel start") for name in ("start_new_kernel", "start_new_kernel_client",
                                                            "async_start_new_kernel", "async_start_new_kernel_client")]
    common += [(NbGraderAPI, "autograde", "autograde"), (NbGraderAPI, "generate_feedback", "feedback")]
    table = {}
    plain = fresh_course(tmp, "breakdown-plain", assignment_id, students, seed, plain=True)
    names = sorted(p.name for p in (plain / "submitted").iterdir())
    with stage_timers(common + [(Execute, "preprocess", "execution")]) as seconds, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy warnings, as its command line prints them
        api = worker.nbgrader_api(plain, load_config(plain))
        for student in names:
            api.autograde(assignment_id, student, force=True, create=True)
            api.generate_feedback(assignment_id, student, force=True)
        start = time.perf_counter()
        nbgrader(["export"], plain)
        seconds["export (class)"] = time.perf_counter() - start
    table["plain nbgrader"] = dict(seconds)
    pack = fresh_course(tmp, "breakdown-pack", assignment_id, students, seed)
    config = load_config(pack)
    snapshot(db_url(pack, config), Path(tmp) / "breakdown-snapshot.db")
    targets = common + [(execute.JailedExecute, "preprocess", "execution"),
                        (referee.Referee, "preprocess", "checks"),
                        (referee.CheckSession, "__init__", "check process start"),
                        (referee.CheckSession, "close", "check process start"),
                        (template.Template, "__init__", "fork server start")]
    with stage_timers(targets) as seconds:
        original = diagnosis.diagnose
        def diagnose(*args, **kwargs):  # imported by the referee at each call: the module attribute is used
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                seconds["diagnosis"] += time.perf_counter() - start
        diagnosis.diagnose = diagnose
        try:
            course = worker.PrivateCourse(Path(tmp) / "breakdown-worker", pack / "source",
                                          Path(tmp) / "breakdown-snapshot.db", without_gradebook(config))
            for student in names:
                course.grade(assignment_id, student, worker.files_of(pack / "submitted" / student / assignment_id))
        finally:
            diagnosis.diagnose = original
        start = time.perf_counter()
        export_grades(pack)
        seconds["export (class)"] = time.perf_counter() - start
    table["pack (one worker)"] = dict(seconds)
    return len(names), table


def print_breakdown(count, table):
    """The stages as exclusive shares: execution without kernel start, autograde without execution and checks."""
    print(f"\n6. where one submission's time goes (s/submission; {count} graded one after the other, one process):")
    rows = ["kernel start", "running the cells", "check process start", "checks (without start, diagnosis)",
            "diagnosis", "rest of autograde (nbgrader)", "feedback", "total", "export, once for the class (s)",
            "fork server start, once per worker (s)"]
    columns = {}
    for name, s in table.items():
        execution = s.get("execution", 0) - s.get("kernel start", 0) - s.get("fork server start", 0)
        checks = s.get("checks", 0) - s.get("check process start", 0) - s.get("diagnosis", 0)
        rest = s.get("autograde", 0) - s.get("execution", 0) - s.get("checks", 0)
        per = [s.get("kernel start", 0), execution, s.get("check process start", 0), checks, s.get("diagnosis", 0),
               rest, s.get("feedback", 0)]
        columns[name] = [x / count for x in per] + [sum(per) / count, s.get("export (class)", 0),
                                                     s.get("fork server start", 0)]
    print("   " + "stage".ljust(36) + "".join(name.rjust(20) for name in columns))
    for i, row in enumerate(rows):
        print("   " + row.ljust(36) + "".join(f"{columns[name][i]:20.3f}" for name in columns))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assignment", default="regularization_en")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--large", type=int, default=160, help="the larger class, side by side too (0 to skip)")
    parser.add_argument("--changed", type=int, default=5,
                        help="submissions changed before the re-run of the large class")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--scaling", default="10", help="further class sizes for the growth figure ('' to skip)")
    parser.add_argument("--rounds", type=int, default=1, help="alternated runs with and without the jail")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--breakdown", type=int, default=10, help="submissions for the breakdown (0 to skip)")
    parser.add_argument("--only-breakdown", action="store_true", help="print the breakdown only")
    args = parser.parse_args(argv)
    if args.only_breakdown:
        with tempfile.TemporaryDirectory() as tmp:
            print_breakdown(*breakdown(tmp, args.assignment, args.breakdown, args.seed))
        return
    os.environ.setdefault("MPLBACKEND", "Agg")
    cores = os.cpu_count()
    print(f"machine: {cores} cores; assignment {args.assignment}; {args.students} submissions; "
          f"{args.jobs} workers")
    growth = {}

    with tempfile.TemporaryDirectory() as tmp:
        serial = time_serial_nbgrader(fresh_course(tmp, "serial", args.assignment, args.students, args.seed,
                                                   plain=True), args.assignment)
        own_serial = time_serial_nbgrader(fresh_course(tmp, "own-serial", args.assignment, args.students, args.seed),
                                          args.assignment)
        course = fresh_course(tmp, "pack", args.assignment, args.students, args.seed)
        pack, results, busy = time_pack_busy(course, args.assignment, args.jobs)
        fresh = time_pack(course, args.assignment, args.jobs, fork=False)[0]
        graded = sum(r.graded for r in results)
        n = args.students
        growth[n] = pack
        fast = forking_available()
        print(f"\n1. plain serial nbgrader (default configuration), autograde+feedback+export: {serial:7.1f} s "
              f"({serial / n:.2f} s/submission)")
        print("   nbgrader with the pack's configuration, serial (the same pipeline, one process): "
              f"{own_serial:7.1f} s "
              f"({own_serial / n:.2f} s/submission)")
        print(f"   pack grade --jobs {args.jobs} (jail, referee, sealed scores, feedback; {graded} graded, "
              f"{len(results) - graded} broken files reported), Landlock ABI {landlock.abi()}:")
        print("   " + "path".ljust(58) + "seconds   s/submission   vs plain nbgrader   vs pack's pipeline serial")
        rows = [(f"fast: forked from the fork server{'' if fast else ' (not here: fresh processes)'}", pack),
                ("fallback: fresh jailed processes (PACK_NO_FORK=1)", fresh)]
        for name, seconds in rows:
            print(f"   {name:58s}{seconds:7.1f}   {seconds / n:12.3f}   {serial / seconds:16.2f}x   "
                  f"{own_serial / seconds:24.2f}x")
        print(f"   per submission: {pack / n:.3f} s of wall time; the machine's {cores} cores were busy "
              f"{100 * busy / (pack * cores):.0f} % of the run ({busy / n:.3f} core-seconds per submission, "
              "everything on the machine counted)")
        print(f"\n1b. the fast path's share (same class, --jobs {args.jobs}): fresh jailed processes (PACK_NO_FORK=1) "
              f"{fresh:.1f} s, forked from the fork server {pack:.1f} s: {fresh / pack:.2f}x"
              + ("" if fast else " (no fast path on this kernel: both runs started fresh processes)"))

        if args.large:
            n = args.large
            large_serial = time_serial_nbgrader(fresh_course(tmp, "serial-large", args.assignment, n, args.seed,
                                                             plain=True), args.assignment)
            shutil.rmtree(Path(tmp) / "serial-large")
            large = fresh_course(tmp, "pack-large", args.assignment, n, args.seed)
            seconds, results, busy = time_pack_busy(large, args.assignment, args.jobs)
            growth[n] = seconds
            print(f"\n1c. {n} submissions, side by side: plain serial nbgrader {large_serial:.1f} s "
                  f"({large_serial / n:.2f} s/submission); pack grade --jobs {args.jobs} {seconds:.1f} s "
                  f"({seconds / n:.3f} s/submission): {large_serial / seconds:.2f}x; cores busy "
                  f"{100 * busy / (seconds * cores):.0f} % ({busy / n:.3f} core-seconds per submission)")
            rerun, regraded, identical = regrade_changed(large, args.assignment, args.jobs, results, args.changed)
            print(f"\n1d. re-run after {args.changed} of the {n} submissions changed: {rerun:.1f} s, "
                  f"{100 * rerun / seconds:.1f} % of the full run; {regraded} graded again; identical to a full "
                  "re-grade (--force) afterwards: " + ", ".join(f"{part} {'yes' if same else 'NO'}"
                                                                for part, same in identical.items()))
            shutil.rmtree(Path(tmp) / "pack-large")

        jailed, free = [], []
        for _ in range(args.rounds):
            free.append(time_pack(course, args.assignment, args.jobs, jail=False)[0])
            jailed.append(time_pack(course, args.assignment, args.jobs, jail=True)[0])
        with_jail, without = min(jailed) / args.students, min(free) / args.students
        print(f"\n2. the jail's cost (same class, {args.rounds} alternated runs each, best of each):")
        print(f"   without the jail: {without:.3f} s/submission; with it: {with_jail:.3f} s/submission; "
              f"overhead {100 * (with_jail / without - 1):+.1f} %")

        floor = floor_seconds(args.assignment)
        print(f"\n3. floor (kernel start + imports, solution and test cells only): {floor:.2f} s/submission")
        print(f"   pack, wall time per submission: {pack / args.students:.2f} s "
              f"(x{args.jobs} workers = {pack * args.jobs / args.students:.2f} s of worker time per submission)")

        for n in [int(n) for n in args.scaling.split(",") if n]:
            growth[n] = time_pack(fresh_course(tmp, f"scale{n}", args.assignment, n, args.seed),
                                  args.assignment, args.jobs)[0]
            shutil.rmtree(Path(tmp) / f"scale{n}")
        print("\n4. growth with the class size (pack grade):")
        for n, seconds in sorted(growth.items()):
            print(f"   {n:5d} submissions: {seconds:7.1f} s  ({seconds / n:.2f} s/submission)")

    print("\n5. solution notebooks top to bottom, as a student runs them:")
    slowest = 0.0
    for assignment in ASSIGNMENTS.values():
        for language in LANGUAGES:
            folder = ROOT / "source" / assignment.folder(language)
            seconds = run_notebook(notebooks.read(folder / assignment.notebook), folder, {})
            slowest = max(slowest, seconds)
            print(f"   {assignment.folder(language):28s} {seconds:6.1f} s")
    print(f"   slowest: {slowest:.1f} s (target: at most 15 s)")
    if args.breakdown:
        with tempfile.TemporaryDirectory() as tmp:
            print_breakdown(*breakdown(tmp, args.assignment, args.breakdown, args.seed))


if __name__ == "__main__":
    main()
