"""Submission times: the instructor's ledger, and the collect that fills it from nbgrader's exchange.

When a submission was handed in decides nbgrader's late penalty, so it is never read from anything the student
wrote. nbgrader's own record of it, ``timestamp.txt``, is written by the student's ``nbgrader submit`` (in the
inbound entry of the exchange, whose name holds the same time) and then copied by ``nbgrader collect`` into
``submitted/<student>/<assignment>/``: the student, or whoever assembles the folder, can write any time there.
The pack reads none of them.

* **The ledger** (:data:`LEDGER`, ``submission_times.json`` at the course root, beside the gradebook) holds, per
  assignment id and student id, the submission time (UTC) and where it came from. Only the instructor's commands
  write it: :func:`collect`, ``python -m tools times set`` and ``times import`` (an LMS download's times), and
  it is written whole and atomically, under a lock on the course folder.
* **Collecting from nbgrader's exchange** (:func:`collect`, ``python -m tools collect``) runs nbgrader's own
  collect (:class:`TimedCollect`: the default exchange's ``ExchangeCollect``, with the course's configuration
  and any ``--Exchange.root=...`` option) and records, for every inbound entry it copies into ``submitted/``,
  the entry's arrival: the latest ``ctime`` of the entry folder and of everything in it (:func:`arrival`). A
  student can set the modification time of their files to anything (``touch``, ``utime``), but not their
  ``ctime``: the kernel sets it to the current time at every change, ``utime`` and renames included. So a
  submission cannot be backdated, and changing an entry after the due date makes it late.
* **Grading** (:mod:`tools.grading.classroom`) records the ledger's time in the gradebook, gives it to
  nbgrader in the worker as ``timestamp.txt`` (so ``autograded/`` and ``feedback/`` carry it too) and computes
  the late penalty from it. A submission the ledger does not know has no time: no late penalty. (Plain
  ``nbgrader autograde`` typed by hand keeps nbgrader's behaviour: it reads the folder's ``timestamp.txt``.)
"""
import csv
import fcntl
import json
import os
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

LEDGER = "submission_times.json"  # at the course root
TIMESTAMP = "timestamp.txt"       # nbgrader's name for the submission time file
FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"  # how the ledger writes a time (nbgrader's timestamp format, in UTC)
COLLECTED = "nbgrader exchange: arrival (ctime) of inbound entry {entry}"
BY_HAND = "set by hand"
CSV_COLUMNS = ("assignment", "student_id", "time")

_TIME = re.compile(r"\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})\s*")


class LedgerError(ValueError):
    """The ledger, a time or a CSV file of times cannot be read; the message says where and why."""


class Entry(NamedTuple):
    """One submission's time (a naive UTC datetime, as the gradebook stores it) and where it came from."""

    time: datetime
    source: str

    @property
    def text(self):
        return time_text(self.time)


def parse_time(text):
    """``"2026-11-20 10:00 -03:00"`` -> ``datetime(2026, 11, 20, 13, 0)``: a time with its offset, as naive UTC.

    The offset (``-03:00``, ``+0100``, ``Z`` or ``UTC``) is required: a time without one would be read in some
    time zone nobody chose.

    Raises
    ------
    LedgerError
        when ``text`` is not a date, a time and an offset.
    """
    match = _TIME.fullmatch(str(text))
    if not match:
        raise LedgerError(f"{text!r} is not a time with its offset, such as '2026-11-20 10:00 -03:00' or "
                          "'2026-11-20 13:00 UTC'")
    date, clock, offset = match.groups()
    offset = "+00:00" if offset in ("Z", "UTC") else offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
    try:
        moment = datetime.fromisoformat(f"{date}T{clock}{offset}")
    except ValueError as error:
        raise LedgerError(f"{text!r} is not a time: {error}") from None
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def time_text(moment):
    """A naive UTC datetime as the ledger and ``timestamp.txt`` write it: ``2026-11-20 13:00:00.000000 UTC``."""
    return moment.strftime(FORMAT)


def stamped(files, moment):
    """``files`` (name -> bytes of a submission folder) with nbgrader's ``timestamp.txt`` holding ``moment`` (a
    naive UTC datetime), or without any ``timestamp.txt`` when ``moment`` is None; changed in place."""
    files.pop(TIMESTAMP, None)
    if moment is not None:
        files[TIMESTAMP] = time_text(moment).encode()
    return files


# --- the ledger ----------------------------------------------------------------------------------------------

def ledger_path(course):
    return Path(course) / LEDGER


def read(course):
    """The ledger of ``course``: dict (assignment id, student id) -> :class:`Entry` (empty when there is none).

    Raises
    ------
    LedgerError
        when the file exists but is not a ledger (a grading run must not go on as if nobody were late).
    """
    path = ledger_path(course)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise LedgerError(f"{path} cannot be read: {error}") from None
    entries = {}
    if not isinstance(data, dict):
        raise LedgerError(f"{path} is not a ledger of submission times (not a JSON object)")
    for assignment_id, students in data.items():
        if not isinstance(students, dict):
            raise LedgerError(f"{path}: {assignment_id!r} does not hold students")
        for student, entry in students.items():
            if not isinstance(entry, dict) or not isinstance(entry.get("time"), str):
                raise LedgerError(f"{path}: {assignment_id!r} / {student!r} has no time")
            try:
                entries[assignment_id, student] = Entry(parse_time(entry["time"]), str(entry.get("source", "")))
            except LedgerError as error:
                raise LedgerError(f"{path}: {assignment_id!r} / {student!r}: {error}") from None
    return entries


def rewrite_json(course, name, make):
    """Replace ``course/name`` with the JSON data that ``make()`` returns, ``make`` being called under an exclusive
    lock on the course folder (so it reads the file's current content): two instructor commands at once lose
    nothing, and a new file takes the old one's place whole, so a reader never sees half a file."""
    course = Path(course)
    folder = os.open(course, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        data = make()
        descriptor, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=course)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1, sort_keys=True)
                handle.write("\n")
            os.chmod(temporary, 0o644)
            os.replace(temporary, course / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    finally:
        os.close(folder)  # and so the lock


def record(course, entries):
    """Write ``entries`` ((assignment id, student id, naive UTC datetime, source) tuples) into the ledger of
    ``course``, replacing those submissions' earlier times and keeping every other one (:func:`rewrite_json`)."""
    entries = list(entries)

    def ledger():
        current = read(course)
        for assignment_id, student, moment, source in entries:
            current[assignment_id, student] = Entry(moment, source)
        data = {}
        for (assignment_id, student), entry in sorted(current.items()):
            data.setdefault(assignment_id, {})[student] = {"time": entry.text, "source": entry.source}
        return data

    if entries:
        rewrite_json(course, LEDGER, ledger)
    return entries


def read_csv(path, source=None):
    """The times of a CSV file (columns ``assignment``, ``student_id``, ``time``: an LMS download's submission
    times, or any list the instructor keeps), as :func:`record` takes them; every row is checked first.

    Raises
    ------
    LedgerError
        naming the first row that is not an assignment of the course, a student id and a time with its offset.
    """
    from ..course import assignment_ids

    known, path = set(assignment_ids()), Path(path)
    source = source or f"imported from {path.name}"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in CSV_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise LedgerError(f"{path}: no column {', '.join(missing)} (the columns are {', '.join(CSV_COLUMNS)})")
        rows = []
        for number, row in enumerate(reader, start=2):
            assignment_id, student = row["assignment"] or "", row["student_id"] or ""
            if assignment_id not in known:
                raise LedgerError(f"{path}, line {number}: {assignment_id!r} is not an assignment of the course")
            if not student:
                raise LedgerError(f"{path}, line {number}: no student_id")
            try:
                rows.append((assignment_id, student, parse_time(row["time"] or ""), source))
            except LedgerError as error:
                raise LedgerError(f"{path}, line {number}: {error}") from None
    return rows


# --- collecting from nbgrader's exchange ------------------------------------------------------------------------

def arrival(folder):
    """When the inbound entry ``folder`` took its present form: the latest ``ctime`` of the folder and of every
    file and folder in it (links are not followed), as a naive UTC datetime.

    ``ctime`` is set by the kernel at every change of a file (its content, its name, its mode, its times), and
    no system call sets it back: ``touch -d 2020-01-01`` moves a file's ``mtime`` to 2020 and its ``ctime`` to now.
    """
    latest = os.lstat(folder).st_ctime
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            latest = max(latest, os.lstat(os.path.join(parent, name)).st_ctime)
    return datetime.fromtimestamp(latest, timezone.utc).replace(tzinfo=None)


def _collect_class():
    from nbgrader.exchange.default.collect import ExchangeCollect

    class TimedCollect(ExchangeCollect):
        """nbgrader's ``ExchangeCollect`` (the default, filesystem exchange), unchanged, which also notes when
        each inbound entry it copies arrived (:func:`arrival`), before and after the copy (a change made while
        nbgrader copies counts too): ``arrivals``, inbound path -> naive UTC datetime."""

        def init_src(self):
            super().init_src()
            self.arrivals = {}

        def do_copy(self, src, dest, log=None):
            before = arrival(src)
            super().do_copy(src, dest, log)
            self.arrivals[src] = max(before, arrival(src))

    return TimedCollect


def is_nbgrader_option(arg):
    """Whether a command-line argument is an nbgrader option the pack's collect passes on: ``--Class.trait=value``."""
    return re.fullmatch(r"--[A-Za-z_]\w*\.[A-Za-z_]\w*=.*", arg, re.S) is not None


def nbgrader_options(args):
    """nbgrader options given on the command line (``--Exchange.root=/srv/exchange``), as a traitlets Config.

    Raises
    ------
    LedgerError
        for an argument that is not ``--Class.trait=value``.
    """
    from traitlets.config.loader import KVArgParseConfigLoader

    odd = [arg for arg in args if not is_nbgrader_option(arg)]
    if odd:
        raise LedgerError(f"not an nbgrader option (--Class.trait=value): {' '.join(odd)}")
    return KVArgParseConfigLoader(list(args)).load_config()


class Collected(NamedTuple):
    """What :func:`collect` did: ``recorded``: (student, time, inbound entry name) per submission copied into
    ``submitted/`` (its time now in the ledger); ``kept``: students whose newest entry was not copied (their
    submission was collected before: ``update`` collects a newer one)."""

    recorded: list
    kept: list


def collect(course, assignment_id, student=None, update=False, before_duedate=False, options=None, log=None):
    """Run nbgrader's collect of ``assignment_id`` in ``course`` and record in the ledger when each copied
    submission arrived in the exchange.

    Parameters
    ----------
    options : traitlets Config merged over the course's configuration (``Exchange.root``, ``CourseDirectory.
        course_id``, ``ExchangeCollect.check_owner``, ...)
    update, before_duedate : nbgrader's ``--update`` and ``--before-duedate``
    log : a logger for nbgrader's messages (default: nbgrader's, silent outside an nbgrader application)

    Raises
    ------
    LedgerError
        when the course's exchange is not nbgrader's default one (whose inbound entries are folders).
    nbgrader.exchange.ExchangeError
        when nbgrader's collect fails (no exchange, no such course), with nbgrader's message.
    """
    from nbgrader.coursedir import CourseDirectory

    from .gradebook import load_config

    config = load_config(course)
    if options is not None:
        config.merge(options)
        config.CourseDirectory.root = str(course)
    factory = config.get("ExchangeFactory", {}).get("collect")
    if isinstance(factory, type):
        factory = f"{factory.__module__}.{factory.__qualname__}"
    if factory not in (None, "nbgrader.exchange.default.collect.ExchangeCollect",
                       "nbgrader.exchange.default.ExchangeCollect"):
        raise LedgerError(f"the course collects with {factory}: the pack's collect reads nbgrader's default exchange "
                          "only; collect with your exchange's command and record the times with "
                          "`python -m tools times set` or `times import`")
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment_id
    if student:
        coursedir.student_id = student
    kwargs = {"log": log} if log is not None else {}
    app = _collect_class()(coursedir=coursedir, authenticator=None, config=config, **kwargs)
    app.update = app.update or update
    app.before_duedate = app.before_duedate or before_duedate
    recorded, kept = [], []
    try:
        app.start()
    finally:  # what was copied before a failure is recorded too
        for rec in sorted(getattr(app, "src_records", []), key=lambda rec: rec["username"]):
            source = os.path.join(app.inbound_path, rec["filename"])
            if source in app.arrivals:
                recorded.append((rec["username"], app.arrivals[source], rec["filename"]))
            else:
                kept.append(rec["username"])
        record(course, [(assignment_id, name, moment, COLLECTED.format(entry=entry))
                        for name, moment, entry in recorded])
    return Collected(recorded, kept)
