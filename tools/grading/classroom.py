"""Grade a whole class in parallel with real nbgrader, one writer for the gradebook.

Design
------
* Workers grade: each owns a private course (:mod:`worker`: the assignments' ``source/``, a SQLite snapshot
  of the course gradebook, the course's configuration without the gradebook's address) and runs nbgrader's
  own ``autograde`` and ``generate_feedback`` (``NbGraderAPI``, the code behind the commands) on one
  submission at a time, in-process: no Python start-up per student. A task takes the submission's files
  and returns plain data: the status, what nbgrader recorded, the autograded and feedback folders.
* Workers are local processes (``jobs`` of them), or the workers of an existing Dask distributed cluster
  (``scheduler``, :mod:`cluster`), which share no filesystem with the instructor's machine.
* Only this process writes the course gradebook (:func:`gradebook.record`: exactly the fields that
  nbgrader's autograde writes, so the result equals a serial ``nbgrader autograde`` and manual grades given
  in the formgrader are kept) and the course's ``autograded/`` and ``feedback/`` folders. The gradebook is
  wherever the course's ``CourseDirectory.db_url`` says: SQLite by default, or PostgreSQL. ``nbgrader
  export`` then writes ``grades.csv``.
* The submission time is the instructor's ledger's (:mod:`times`: what ``python -m tools collect`` or ``times
  set`` recorded), never the submission folder's ``timestamp.txt``: it is what the gradebook records, what
  nbgrader in the worker is given as ``timestamp.txt`` (and so what ``autograded/`` and ``feedback/`` hold),
  and what the late penalty is computed from. A submission the ledger does not know has no time and no late
  penalty; when its assignment has a due date, its status says so.
* A submission unchanged since it was last graded (its files, its time, its assignment's due date, the grader,
  the assignment's source and the configuration: :mod:`unchanged`) is not graded again, and nothing of it is
  written; ``force`` grades everything.
* Student code runs only in jails (:mod:`tools.grading.jail`): the kernel and the referee's checks. Before
  grading, the jail is probed; where it cannot be set up, grading stops with the cause and the fix, unless
  ``jail=False`` (``--no-jail``), and then every status says "graded without a jail".
* Local worker folders live in one run folder, removed at the end of the run; a run also removes what a
  crashed earlier run (a dead process) left behind.

A submission that cannot be read, or whose grading fails, gets a status and the rest of the class is still
graded; a re-run replaces each submission's auto grades in place, so it neither loses nor duplicates a
grade. At most a few submissions per worker are in flight, so memory does not grow with the class.
"""
import collections
import concurrent.futures
import json
import multiprocessing
import os
import pickle
import shutil
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from tqdm.auto import tqdm

from ..course import assignment_ids, split_assignment_id
from ..instructor_texts import chosen, text
from ..nbgrader_run import export_grades
from . import intake, local_worker, times, unchanged, worker
from . import results as results_
from .gradebook import db_url, load_config, record, snapshot, submission_scores, without_gradebook
from .execute import grader_memory
from .jail import check_available
from .notebook import function_and_label, is_test_cell
from .worker import run_folder

FORK = multiprocessing.get_context("fork")  # the first workers: they inherit the imported grader (see LocalWorkers)
SPAWN = multiprocessing.get_context("spawn")  # the workers that replace a broken pool


class ProgressBar(tqdm):
    """tqdm's progress bar without its monitor thread (it only refreshes bars that stall; this one moves at every
    submission), so that a later run in this process finds no other thread and forks its workers (LocalWorkers)."""

    monitor_interval = 0


UNTIMED = "no submission time on record, so no late penalty"  # the status note when the assignment has a due date


@dataclass
class Result:
    """The outcome of one submission: its score and cell scores, or why it could not be graded.

    ``cells``: grade id -> (score, max score); ``mistakes``: graded function -> the label (a key of
    ``tools/mistakes/<assignment>.py``'s ``MISTAKES``) of the catalogued mistake the grader diagnosed in it;
    ``unanswered``: the grade ids of the solution cells left as released (nbgrader's "No response.");
    ``penalty``: nbgrader's late-submission penalty, so the final score (what ``grades.csv`` and the LMS get) is
    ``max(0, score - penalty)``.
    """

    student: str
    assignment: str
    score: float = None
    max_score: float = None
    status: str = "graded"
    cells: dict = field(default_factory=dict)
    mistakes: dict = field(default_factory=dict)
    unanswered: set = field(default_factory=set)
    penalty: float = 0.0
    reused: bool = False  # not graded again: unchanged since the run that graded it (:mod:`unchanged`)

    @property
    def graded(self):
        return self.status.startswith("graded")


def locate_notebook(folder, expected):
    """Find the notebook to grade in a submission folder (:func:`intake.locate`: only regular files count).

    Returns
    -------
    (path, note) : ``path`` is None when there is nothing to grade (``note`` says why: no notebook, or one
        that is a link); otherwise ``note`` says what was done about a renamed notebook or extra notebooks
        (empty when nothing unusual).
    """
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        entries = {path: kind for path, (kind, _) in intake.survey(descriptor).items() if "/" not in path}
    finally:
        os.close(descriptor)
    name, note = intake.locate(entries, expected)
    return (None if name is None else Path(folder) / name), note


def unreadable_reason(path, data=None):
    """Why nbformat cannot read the notebook at ``path``, or in ``data`` (its bytes), None when it can.

    Without ``data``, the file is read by the intake's rules (:func:`intake.read_file`: a regular file under
    :data:`intake.NOTEBOOK_LIMIT`, never through a link).
    """
    path = Path(path)
    if data is None:
        try:
            data = intake.read_file(path, intake.NOTEBOOK_LIMIT)
        except intake.Refused as refusal:
            return str(refusal)
    name = intake.printable(path.name)
    if not data:
        return f"{name} is an empty file"
    try:
        with warnings.catch_warnings():  # missing or duplicate cell ids: nbformat repairs them, and says so
            warnings.simplefilter("ignore")
            nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as error:  # nbformat raises several types for bad JSON or schema
        return f"{name} is not a valid notebook ({str(error).splitlines()[0].split(':')[0][:80]})"
    return None


def submissions(course, ids=None):
    """Every (assignment id, student) with a folder in ``submitted/``, in course order.

    A link named like a submission folder is listed too (never followed): the intake refuses it, with a status.
    """
    found = []
    for assignment_id in ids or assignment_ids():
        found += [(assignment_id, folder.parent.name)
                  for folder in sorted((Path(course) / "submitted").glob(f"*/{assignment_id}"))
                  if folder.is_symlink() or folder.parent.is_symlink() or folder.is_dir()]
    return found


def _check_released(gb, ids, language="en"):
    """Stop, naming the command that fixes it, unless every assignment of ``ids`` was generated into the gradebook
    with its notebooks. An assignment that nbgrader's ``db assignment add`` created (to give it a due date, say)
    has no notebook until it is released, and grading it would fail in nbgrader with no reason given."""
    missing = []
    for assignment_id in ids:
        try:
            if not gb.find_assignment(assignment_id).notebooks:
                missing.append(assignment_id)
        except MissingEntry:
            missing.append(assignment_id)
    if missing:
        raise SystemExit(text("not_in_gradebook", language, ids=", ".join(missing), release=" ".join(missing)))


def grade_class(course, ids=None, jobs=None, progress=True, jail=True, scheduler=None, security=None,
                language=None, force=False):
    """Autograde every submission of ``course/submitted`` (or of ``ids``), write feedback and grades.csv.

    Parameters
    ----------
    course : path of the nbgrader course folder
    ids : assignment ids to grade (default: all of the course)
    jobs : local worker processes (default: the machine's cores); ignored with ``scheduler``
    progress : show a progress bar with an ETA (on stderr)
    jail : run student code in the jail; False grades without one (every status says so)
    scheduler : address of a Dask distributed scheduler (``tls://HOST:PORT``, or ``tcp://`` on the loopback): grade
        on its workers
    security : how to reach ``scheduler`` (:class:`cluster.ClusterSecurity`: certificates, plaintext off the
        loopback); default: Dask's configuration
    language : the language of the progress bar and of the messages to the instructor (``"en"``, ``"pt"``;
        None: the locale's, :func:`tools.instructor_texts.default_language`); statuses are written in English
        whatever it is (the report translates them)
    force : grade every submission again, even those unchanged since they were last graded (:mod:`unchanged`)

    Returns
    -------
    results : list of Result, one per submission found

    Raises
    ------
    JailUnavailable
        when ``jail`` is set and this machine (or a Dask worker) cannot make a jail (the message names the cause
        and the fix).
    """
    course = Path(course).resolve()
    if jail and not scheduler:
        check_available()
    previous = os.environ.get("PACK_NO_JAIL")
    os.environ["PACK_NO_JAIL"] = "0" if jail else "1"  # read by nbgrader_config.py
    try:
        return _grade_class(course, ids, jobs or os.cpu_count() or 1, progress, scheduler, jail, security,
                            chosen(language), force)
    finally:
        if previous is None:
            os.environ.pop("PACK_NO_JAIL", None)
        else:
            os.environ["PACK_NO_JAIL"] = previous


class LocalWorkers:
    """``jobs`` worker processes on this machine, each with its private course in the run folder (and, once it
    grades, a hard cap on its own memory: :func:`~tools.grading.execute.cap_grader_memory`); a pool broken by a
    dying worker is replaced by :meth:`restart`.

    The first workers are forked from this process, which has imported the grader already: each starts its fork
    server at once instead of paying the imports again (1.3 s of CPU per worker). This process forks them only
    while it has no other thread (else they are spawned) and holds no gradebook connection (:func:`_grade_class`
    closes it first), and a forked worker ends without running this process's exit handlers (multiprocessing's
    ``os._exit``). The pools that replace a broken one are started fresh (``spawn``): by then this process has
    threads (the pool's) and the course gradebook open.
    """

    def __init__(self, jobs, run, source, gradebook, config, start=False, assignment_ids=()):
        self.jobs = jobs
        self.initargs = (run, source, gradebook, pickle.dumps(config), worker.forks(config), sorted(assignment_ids))
        self.pool = self._new_pool(FORK if threading.active_count() == 1 else SPAWN)
        if start:  # every worker process starts now (its initializer: private course, fork server, oracle)
            for _ in range(jobs):
                self.pool.submit(os.getpid)

    def _new_pool(self, context=SPAWN):
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=local_worker.start,
                                   initargs=self.initargs)

    def capacity(self):
        return self.jobs * worker.IN_FLIGHT

    def submit(self, assignment_id, student, files, rename):
        future = self.pool.submit(worker.grade, "local", assignment_id, student, files, rename)
        future.pool = self.pool
        return future

    def restart(self, future):
        """A new pool, if ``future``'s pool is the current one (it broke: one of its workers died).

        Raises
        ------
        BrokenProcessPool
            if the new pool's workers die before they can grade (twice), with a message that says so.
        """
        if getattr(future, "pool", None) is not self.pool:
            return
        for attempt in (1, 2):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            try:
                self.pool.submit(os.getpid).result()  # the workers start (their initializer runs) and answer
                return
            except BrokenProcessPool:
                if attempt == 2:
                    raise BrokenProcessPool("the grading workers die as they start; see worker.log in the run "
                                            "folder, or grade with --jobs 1 to see why") from None

    @staticmethod
    def first_done(futures):
        return concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)[0]

    @staticmethod
    def result(future):
        return future.result()

    def close(self, wait=True):
        """Stop the workers; ``wait=False``: in the background, :meth:`join` waits for them."""
        self.closing = threading.Thread(target=self.pool.shutdown, kwargs={"cancel_futures": True})
        self.closing.start()
        if wait:
            self.join()

    def join(self):
        self.closing.join()


def _grade_class(course, ids, jobs, progress, scheduler, jail, security=None, language="en", force=False):
    todo, results = [], []
    notes, sent, secrets = {}, {}, {}  # sent: (assignment id, student) -> digest of its files and secret
    intakes = {}  # (assignment id, student) -> what the intake read, until its notebook is parsed
    stamps = {key: entry.time for key, entry in times.read(course).items()}  # the instructor's, never the folder's
    for assignment_id, student in submissions(course, ids):  # the folders are the students': intake reads them
        taken = intake.take(course / "submitted", student, assignment_id)
        if taken.reason:
            results.append(_not_graded(student, assignment_id, taken.reason, taken))
        else:
            todo.append((assignment_id, student, taken.rename))
            intakes[assignment_id, student] = taken
            notes[assignment_id, student] = taken.note
            secret = intake.submission_secret(course / "submitted", student, assignment_id)
            secrets[assignment_id, student] = secret
            sent[assignment_id, student] = unchanged.files_digest(
                {**taken.files, **({intake.SECRET: secret} if secret else {})})
    config = load_config(course)
    url = db_url(course, config)
    assignments = {r.assignment for r in results} | {a for a, _, _ in todo}
    with Gradebook(url) as gb:  # closed before the workers start: they are forked from this process
        _check_released(gb, sorted(assignments), language)
        duedates = {assignment_id: gb.find_assignment(assignment_id).duedate for assignment_id in assignments}
        rows = {assignment_id: submission_scores(gb, assignment_id) for assignment_id in assignments}
    for assignment_id, student, _ in todo:
        if (assignment_id, student) not in stamps and duedates[assignment_id] is not None:
            notes[assignment_id, student] = "; ".join(note for note in (notes[assignment_id, student], UNTIMED) if note)
    started = {}

    def start():  # the workers start (from a snapshot of the gradebook) while the rest of the class is checked
        started["run"] = run = run_folder()
        snapshot(url, run / "gradebook.db")
        if scheduler:
            from .cluster import DaskWorkers
            started["workers"] = DaskWorkers(scheduler, course, sorted({a for a, _, _ in todo}),
                                             run / "gradebook.db", without_gradebook(config), jail, security)
        else:
            started["workers"] = LocalWorkers(jobs, run, course / "source", run / "gradebook.db",
                                              without_gradebook(config), start=True,
                                              assignment_ids={a for a, _, _ in todo})

    try:
        todo, keys = _unchanged_left_out(  # the notebooks are parsed only now: an unchanged one was before
            course, duedates, todo, sent, stamps, jail, force, results, rows, start,
            readable=lambda items: _readable(course, items, intakes, results))
        unrecorded = [r for r in results  # as nbgrader leaves a notebook it cannot read: the submission, no scores
                      if not r.graded and intake.storable(r.student) and (
                          r.student not in rows[r.assignment]
                          or rows[r.assignment][r.student].timestamp != stamps.get((r.assignment, r.student)))]
        if unrecorded:  # else already so
            with Gradebook(url) as gb:
                for r in unrecorded:
                    record(gb, r.assignment, r.student, {"timestamp": stamps.get((r.assignment, r.student)),
                                                         "notebooks": {}})
    except BaseException:
        if "workers" in started:
            started["workers"].close()
        if "run" in started:
            shutil.rmtree(started["run"], ignore_errors=True)
        raise
    graded = {}
    try:
        if todo or started:  # an unchanged class starts no worker
            if not started:
                start()
            workers = started["workers"]
            try:
                bar = ProgressBar(total=len(todo), unit=text("progress_unit", language),
                                  desc=text("progress", language), disable=not progress, smoothing=0.1)
                try:
                    with Gradebook(url) as gb:
                        for pair, outcome in _graded(workers, course, todo, stamps):
                            status, kept = _keep(course, gb, config, pair, outcome, stamps.get(pair),
                                                 secrets.get(pair), notes.get(pair))
                            graded[pair] = kept and {"key": keys[pair], "status": status, **unchanged.written(
                                course, pair[1], pair[0], submission_scores(gb, *pair).get(pair[1]))}
                            results.append(Result(pair[1], pair[0], status=status))
                            bar.update()
                finally:
                    bar.close()
                    workers.close(wait=False)  # they stop while grades.csv and the scores are written and read
            finally:
                if graded:
                    unchanged.update(course, {pair: entry for pair, entry in graded.items() if entry},
                                     forget=[pair for pair, entry in graded.items() if not entry])
        export_grades(course)
        _fill_scores(course, url, results)
    finally:
        if started:
            started["workers"].join()
            shutil.rmtree(started["run"], ignore_errors=True)
    return results


def _not_graded(student, assignment_id, reason, taken):
    skipped = f" ({taken.skipped})" if taken.skipped else ""
    return Result(student, assignment_id, status=f"not graded: {reason}{skipped}")


def _readable(course, todo, intakes, results):
    """The submissions of ``todo`` whose notebook nbformat reads; the others get a Result that says why."""
    readable = []
    for assignment_id, student, rename in todo:
        taken = intakes[assignment_id, student]
        folder = course / "submitted" / student / assignment_id
        reason = unreadable_reason(folder / taken.notebook, taken.files[taken.notebook])
        if reason:
            results.append(_not_graded(student, assignment_id, reason, taken))
        else:
            readable.append((assignment_id, student, rename))
    return readable


def _keep(course, gb, config, pair, outcome, when, secret, note):
    """Check a worker's outcome for ``pair`` (assignment id, student) and write what it graded: the autograded and
    feedback folders (with the instructor's time ``when`` and the student's nbgrader ``secret``) and the gradebook
    rows, with the late penalty. Returns the submission's status (``note`` added) and whether it was recorded."""
    assignment_id, student = pair
    try:  # nothing a worker sends is believed as sent (tools/grading/results.py)
        outcome = results_.checked(outcome, gb, assignment_id, course / "source" / assignment_id)
    except results_.Refused as refused:
        outcome = {"status": f"not graded: the worker's result was refused: {refused}", "recorded": None}
    if outcome["recorded"]:
        for stage in ("autograded", "feedback"):  # the time they carry is the instructor's too
            files = times.stamped(outcome[stage], when)
            files.pop(intake.SECRET, None)  # nbgrader's release_feedback reads the student's
            if secret:
                files[intake.SECRET] = secret
            results_.replace_folder(course / stage / student / assignment_id, files)
        record(gb, assignment_id, student, {"timestamp": when, **outcome["recorded"]})
        results_.late_penalties(gb, config, assignment_id, student)
    status = outcome["status"]
    if note and outcome["recorded"]:
        status = f"{status[:-1]}; {note})" if status.endswith(")") else f"{status} ({note})"
    return status, bool(outcome["recorded"])


def _unchanged_left_out(course, duedates, todo, sent, stamps, jail, force, results, rows, start=None,
                        readable=list):
    """The submissions of ``todo`` to grade, and every one's key (:mod:`unchanged`); a submission unchanged since
    it was last graded is left out, with a Result (``reused``) of its recorded status, unless ``force``.
    ``duedates``: assignment id -> its due date in the gradebook; ``rows``: assignment id ->
    :func:`~tools.grading.gradebook.submission_scores` of the gradebook.

    The keys come first; the submissions whose key differs from the record go through ``readable`` (it keeps
    those to grade), and if any is left, ``start`` is called (the workers start); then the folders and scores of
    the submissions whose key is the same are read, the slow part of the check.
    """
    record, graders, keys, left, same = unchanged.read(course), {}, {}, [], []
    for assignment_id, student, rename in todo:
        if assignment_id not in graders:
            graders[assignment_id] = unchanged.grader_digest(course, assignment_id, jail)
        row = rows[assignment_id].get(student)  # its extension (nbgrader's grant_extension) moves its due date
        key = keys[assignment_id, student] = unchanged.submission_key(
            graders[assignment_id], sent[assignment_id, student], stamps.get((assignment_id, student)),
            (duedates[assignment_id], row.extension if row else None))
        found = unchanged.entry(record, assignment_id, student)
        if force or found is None or found.get("key") != key:
            left.append((assignment_id, student, rename))
        else:
            same.append(((assignment_id, student, rename), found))
    left = readable(left)
    if left and start:
        start()
    for (assignment_id, student, rename), found in same:
        if unchanged.is_unchanged(found, keys[assignment_id, student], unchanged.written(
                course, student, assignment_id, rows[assignment_id].get(student))):
            results.append(Result(student, assignment_id, status=found["status"], reused=True))
        else:
            left.extend(readable([(assignment_id, student, rename)]))
    return left, keys


def _graded(workers, course, todo, stamps=None):
    """Yield ((assignment id, student), outcome) as workers finish, with a bounded number in flight.

    ``stamps``: (assignment id, student) -> the instructor's submission time (naive UTC), given to the worker's
    nbgrader as ``timestamp.txt``; a submission without one is sent without it.

    A local worker that dies (its memory cap, a crash) breaks its pool and every submission in flight there: a
    new pool is started, and each of those submissions is graded again *alone*. One that breaks a pool while
    alone is the one that killed it: it gets a status that says so, and the rest of the class is graded.
    """
    queue, suspects, in_flight, alone = collections.deque(todo), collections.deque(), {}, False
    while True:
        while not alone and len(in_flight) < workers.capacity():  # asked each round: workers may join or leave
            if suspects and in_flight:
                break
            if suspects:
                item, alone = suspects.popleft(), True
            elif queue:
                item = queue.popleft()
            else:
                break
            assignment_id, student, rename = item
            files = intake.submission_files(course / "submitted", student, assignment_id, rename)
            if files:
                times.stamped(files, (stamps or {}).get((assignment_id, student)))
            in_flight[workers.submit(assignment_id, student, files, rename)] = item
        if not in_flight:
            return
        for future in workers.first_done(list(in_flight)):
            item = in_flight.pop(future)
            try:
                outcome = workers.result(future)
            except results_.Refused as refused:
                outcome = {"status": f"not graded: the worker's result was refused: {refused}", "recorded": None}
            except BrokenProcessPool:
                try:
                    workers.restart(future)
                except BrokenProcessPool as error:  # the workers cannot even start: say so for everyone left
                    for assignment_id, student, _ in [item, *in_flight.values(), *suspects, *queue]:
                        yield (assignment_id, student), {"status": f"not graded: {error}", "recorded": None}
                    return
                if not alone:
                    suspects.append(item)
                    continue
                outcome = {"status": "not graded: the grading worker died while grading this submission alone "
                                     f"(over its memory cap of {grader_memory() / 1024 ** 3:g} GiB, or a crash)",
                           "recorded": None}
            except Exception as error:  # a worker that died (for good) takes only its submission
                outcome = {"status": f"not graded: grader crashed ({type(error).__name__}: {error})"[:200],
                           "recorded": None}
            alone = False
            yield item[:2], outcome


def _fill_scores(course, db_url, results):
    with Gradebook(db_url) as gb:
        scores = {assignment_id: submission_scores(gb, assignment_id)
                  for assignment_id in {r.assignment for r in results if r.graded}}
    for r in results:
        if r.graded:
            found = scores[r.assignment][r.student]
            r.score, r.max_score, r.penalty = found.score, found.max_score, found.penalty
            r.cells = {grade: (score, max_score) for _, grade, _, score, max_score in found.grades}
            r.mistakes = diagnosed_mistakes(course, r.student, r.assignment)
            r.unanswered = {comment for _, comment, auto_comment in found.comments if auto_comment == "No response."}


def diagnosed_mistakes(course, student, assignment_id):
    """function -> catalogued mistake, as the grader wrote them into the autograded notebook's test cells.

    The notebook is the grader's own output: it is read as JSON, not validated again, and only the cells with a
    diagnosis become nbformat's cells (a tenth of the time).
    """
    assignment, _ = split_assignment_id(assignment_id)
    path = Path(course) / "autograded" / student / assignment_id / assignment.notebook
    if not path.exists():
        return {}
    diagnosed = [nbformat.from_dict(cell) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
                 if cell.get("metadata", {}).get("pack", {}).get("mistake")]
    return {function_and_label(cell)[0]: cell.metadata["pack"]["mistake"] for cell in diagnosed if is_test_cell(cell)}
