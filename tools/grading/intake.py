"""Intake: what the instructor's process takes from a submission folder, read as untrusted data.

A submission folder (``submitted/<student>/<assignment>/``) and its name are the student's (or whatever an LMS
export unpacked), so this module reads it the way one reads hostile input:

* **Only regular files are read.** Symbolic links (to files or folders), devices, FIFOs and sockets are never
  opened, never followed: every entry is looked at with ``lstat`` relative to a descriptor of its folder, and
  a file is opened with ``O_NOFOLLOW | O_NONBLOCK`` (a FIFO cannot block the grader, a link swapped in after
  the ``lstat`` is refused) and checked again with ``fstat``. The submission folder and the student's folder
  themselves must be real folders. What was skipped is named in the submission's status.
* **Only what grading needs is read**: the notebook (:func:`locate`: the expected name, or the one other
  notebook when the student renamed it), plus the files an assignment declares in :data:`EXTRA_FILES` (none
  today). Nothing else of the folder is read, so nothing else reaches a worker, ``autograded/`` or
  ``feedback/``. In particular nbgrader's ``timestamp.txt`` is not read: the student's ``nbgrader submit`` (or
  whoever assembled the folder) wrote it; the submission time is the instructor's (:mod:`tools.grading.times`).
* **Sizes are capped before reading**, from ``lstat``: :data:`NOTEBOOK_LIMIT` per notebook (the largest
  solution notebook is 74 KB), :data:`SUBMISSION_LIMIT` for everything in the folder together and
  :data:`ENTRY_LIMIT` entries. A submission over a cap is not graded,
  with a status that says which cap, and the class goes on.
* **Names are data.** nbgrader finds a submission with ``glob``, so a student id with ``[``, ``]``, ``*`` or
  ``?`` cannot be graded by it, nor one with a line break (its path patterns stop there); it strips spaces
  around an id, and the gradebook stores only UTF-8: such ids get a status asking to rename the folder
  (:func:`id_problem`). Names are shown through :func:`printable` (no control character reaches a terminal)
  and written to CSV files through :func:`csv_cell` (no formula).

:func:`take` checks a submission once, at the start of a grading run; :func:`submission_files` reads what goes
to the worker when its turn comes (so the class's notebooks are never all in memory), by the same rules.
"""
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

NOTEBOOK_LIMIT = 16 * 2**20     # bytes of one notebook (the largest solution notebook is 74 KB)
SUBMISSION_LIMIT = 256 * 2**20  # bytes of every regular file of a submission folder together, read or not
ENTRY_LIMIT = 10_000            # files and folders in a submission folder, at any depth
EXTRA_FILES = {}                # assignment name -> files graded beside the notebook, each with its size cap

GLOB = "[]*?"                   # characters nbgrader's glob reads as a pattern
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


class Refused(Exception):
    """A file or folder the intake will not read; the message says why (for the submission's status).

    ``name``: the entry of the submission folder it is about, when it is one.
    """

    def __init__(self, message, name=None):
        super().__init__(message)
        self.name = name


@dataclass
class Intake:
    """What the intake took from one submission folder.

    ``notebook``: the name of the notebook to grade as found in the folder (None: nothing to grade);
    ``expected``: the assignment's notebook name (the worker grades ``notebook`` under that name);
    ``reason``: why the submission is not graded (None: it can be); ``note``: what the status of a graded
    submission adds (a renamed notebook, extra notebooks, entries skipped unread); ``skipped``: the part of it
    that names the entries skipped unread (links, FIFOs, devices), for any status;
    ``files``: name -> bytes of what goes to the worker (the notebook and declared extras).
    """

    notebook: str = None
    expected: str = ""
    reason: str = None
    note: str = ""
    skipped: str = ""
    files: dict = field(default_factory=dict)

    @property
    def rename(self):
        """(found name, expected name) when the notebook was renamed, else None: what the worker needs."""
        return (self.notebook, self.expected) if self.notebook and self.notebook != self.expected else None


# --- names as data -------------------------------------------------------------------------------------------

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(character):
    code = ord(character)
    if character in _SHORT:
        return _SHORT[character]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _hidden(character):
    # Cc: C0 and C1 controls, DEL, ESC; Cf: bidi overrides, zero-width characters; Cs: bytes of a file name
    # that are not UTF-8 (Python's surrogate escapes); Zl, Zp: line and paragraph separators.
    return unicodedata.category(character) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def printable(text):
    """``text`` with every control or invisible character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``).

    For names a student chose (ids, file names) and statuses that quote them, before they reach a terminal or
    a page: an id holding ANSI escapes, carriage returns or bidi overrides cannot clear the screen, move the
    cursor or fake a line. Ordinary text, accents included, is unchanged; so is text already made printable.
    """
    text = str(text)
    if text.isprintable():
        return text
    return "".join(_escape(c) if _hidden(c) else c for c in text)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value):
    """A CSV cell a spreadsheet will not run: text starting with ``= + - @``, a tab or a carriage return gets a
    leading ``'`` (OWASP's CSV-injection guard). Numbers, and text that is a plain number (``-1.5``), are kept."""
    if isinstance(value, str) and value.startswith(_FORMULA) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def storable(student):
    """Whether the gradebook can store the student id ``student``: it must be UTF-8 (a folder name need not be)."""
    try:
        student.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


MARKUP = '<>&"\\`'  # in a student id, markup on the formgrader's pages (`var student_id = "{{ student_id }}"`)


def id_problem(student):
    """Why nbgrader cannot grade a submission under the student id ``student`` (a folder name), or None."""
    shown = printable(student)
    if not student:
        return "the student id is empty; rename the folder"
    if not storable(student):
        return f"the student id '{shown}' is not UTF-8, which the gradebook cannot store; rename the folder"
    glob = [c for c in GLOB if c in student]
    if glob:
        return (f"the student id '{shown}' contains {' and '.join(glob)}, which nbgrader reads as a file pattern "
                "and cannot grade; rename the folder")
    if "\n" in student:
        return (f"the student id '{shown}' contains a line break, which nbgrader's path patterns do not match "
                "and so cannot grade; rename the folder")
    if student != student.strip():
        return (f"the student id '{shown}' starts or ends with a space, which nbgrader strips and then cannot "
                "find; rename the folder")
    markup = [c for c in MARKUP if c in student]
    if markup:  # nbgrader's formgrader puts student ids into its pages without escaping them
        return (f"the student id '{shown}' contains {' and '.join(markup)}, which the formgrader's pages would "
                "read as HTML; rename the folder")
    return None


# --- reading without following ---------------------------------------------------------------------------------

def mib(size):
    """``629145600`` -> ``"600 MiB"``; under 1 MiB, in KiB or bytes."""
    for unit, scale in (("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}" if size < 10 * scale else f"{size / scale:.0f} {unit}"
    return f"{size} bytes"


def kind_of(mode):
    """What an ``lstat`` mode is, in a status's words: ``"file"``, ``"folder"``, ``"symbolic link"``, ..."""
    for test, kind in ((stat.S_ISREG, "file"), (stat.S_ISDIR, "folder"), (stat.S_ISLNK, "symbolic link"),
                       (stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def read_at(folder_fd, name, limit):
    """The bytes of the regular file ``name`` in the folder open as ``folder_fd``, at most ``limit`` of them.

    Raises
    ------
    Refused
        when ``name`` is not a regular file (it is then never opened) or is over ``limit`` (never read).
    """
    shown = printable(name)
    try:
        mode, size = _lstat(folder_fd, name)
    except FileNotFoundError:
        raise Refused(f"{shown} is missing", name) from None
    if not stat.S_ISREG(mode):
        raise Refused(f"{shown} is a {kind_of(mode)}: not read", name)
    if size > limit:
        raise Refused(f"{shown} is {mib(size)}, over the {mib(limit)} limit", name)
    try:
        descriptor = os.open(name, _FILE, dir_fd=folder_fd)
    except OSError as error:  # swapped for a link since the lstat (ELOOP), or not readable
        raise Refused(f"{shown} cannot be opened ({error.strerror})", name) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise Refused(f"{shown} is a {kind_of(status.st_mode)}: not read", name)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 2**20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew since the lstat
        raise Refused(f"{shown} is over the {mib(limit)} limit", name)
    return data


def read_file(path, limit=NOTEBOOK_LIMIT):
    """The bytes of the regular file at ``path`` (its folder is trusted), by the rules of :func:`read_at`."""
    path = Path(path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        return read_at(folder, path.name, limit)
    finally:
        os.close(folder)


def _lstat(folder_fd, name):
    status = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    return status.st_mode, status.st_size


def open_submission(submitted, student, assignment_id):
    """A descriptor of ``submitted/<student>/<assignment_id>``, each of the two folders a real folder.

    Raises
    ------
    Refused
        when the student's folder or the submission folder is a symbolic link or not a folder.
    """
    top = os.open(submitted, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)  # the course's own folder: trusted
    try:
        descriptor = top
        for name, what in ((student, f"the folder of student '{printable(student)}'"),
                           (assignment_id, f"the submission folder {assignment_id}")):
            mode, _ = _lstat(descriptor, name)
            if not stat.S_ISDIR(mode):
                raise Refused(f"{what} is a {kind_of(mode)}: not read")
            try:
                inner = os.open(name, _FOLDER, dir_fd=descriptor)
            except OSError as error:
                raise Refused(f"{what} cannot be opened ({error.strerror})") from None
            if descriptor != top:
                os.close(descriptor)
            descriptor = inner
        return descriptor
    except BaseException:
        if descriptor != top:
            os.close(descriptor)
        raise
    finally:
        os.close(top)


def survey(folder_fd, limit=None):
    """Every entry under the folder open as ``folder_fd``, never following a link: dict relative path -> (kind, size).

    ``size`` is the ``lstat`` size of regular files (0 for the others); folders are walked, links are not.

    Raises
    ------
    Refused
        when the folder holds more than ``limit`` entries (default :data:`ENTRY_LIMIT`).
    """
    limit = ENTRY_LIMIT if limit is None else limit
    found, stack = {}, [("", os.dup(folder_fd))]
    try:
        while stack:
            prefix, descriptor = stack.pop()
            try:
                with os.scandir(descriptor) as entries:
                    for entry in entries:
                        if len(found) >= limit:
                            raise Refused(f"the submission folder holds more than {limit} files and folders")
                        path = prefix + entry.name
                        status = entry.stat(follow_symlinks=False)
                        kind = kind_of(status.st_mode)
                        found[path] = (kind, status.st_size if kind == "file" else 0)
                        if kind == "folder":
                            try:
                                stack.append((path + "/", os.open(entry.name, _FOLDER, dir_fd=descriptor)))
                            except OSError:
                                found[path] = ("unreadable folder", 0)
            finally:
                os.close(descriptor)
    finally:
        for _, descriptor in stack:
            os.close(descriptor)
    return found


# --- what grading takes --------------------------------------------------------------------------------------

def locate(entries, expected):
    """Which notebook to grade, from a folder's top-level entries (name -> kind).

    Returns
    -------
    (name, note) : ``name`` is None when there is nothing to grade, and ``note`` says why; otherwise ``note``
        says what was done about a renamed notebook or extra notebooks (empty when nothing unusual). Only
        regular files are notebooks: a link named like the notebook is not graded.
    """
    others = sorted(name for name, kind in entries.items()
                    if name.endswith(".ipynb") and name != expected and kind == "file")
    listed = ", ".join(printable(name) for name in others)
    if expected in entries:
        if entries[expected] != "file":
            return None, f"{expected} is a {entries[expected]}: not read, not graded"
        return expected, f"extra notebooks ignored: {listed}" if others else ""
    if len(others) == 1:
        return others[0], f"{listed} graded as {expected}"
    found = f"; found {listed}" if others else ""
    return None, f"no {expected} in the submission{found}"


def skipped(entries):
    """The note naming the entries that are neither files nor folders (never read), or ``""``."""
    odd = [f"{printable(path)} ({kind})" for path, (kind, _) in sorted(entries.items())
           if kind not in ("file", "folder")]
    if not odd:
        return ""
    shown = odd[:5] + ([f"and {len(odd) - 5} more"] if len(odd) > 5 else [])
    return "skipped, not read: " + ", ".join(shown)


def _needed(assignment_id, notebook):
    """Files the worker needs (name -> size cap), besides the ones that may be absent."""
    from ..course import split_assignment_id

    return {notebook: NOTEBOOK_LIMIT, **EXTRA_FILES.get(split_assignment_id(assignment_id)[0].name, {})}


def take(submitted, student, assignment_id):
    """Check one submission (``submitted/<student>/<assignment_id>``) and read what grading needs from it.

    Never raises for anything in the folder: every refusal becomes :attr:`Intake.reason`, in this order: the
    folders are not real folders, too many entries, a student id nbgrader cannot grade, no notebook (or a
    notebook that is not a regular file), the folder over :data:`SUBMISSION_LIMIT`, a file over its own cap.

    Returns
    -------
    Intake
    """
    from ..course import split_assignment_id

    expected = split_assignment_id(assignment_id)[0].notebook
    taken = Intake(expected=expected)
    try:
        folder = open_submission(submitted, student, assignment_id)
    except Refused as refusal:
        taken.reason = str(refusal)
        return taken
    entries = {}
    try:
        entries = survey(folder)
        top = {path: kind for path, (kind, _) in entries.items() if "/" not in path}
        taken.note = taken.skipped = skipped(entries)
        problem = id_problem(student)
        if problem:
            raise Refused(problem)
        taken.notebook, located = locate(top, expected)
        if taken.notebook is None:
            raise Refused(located, expected if expected in top else None)
        taken.note = "; ".join(note for note in (located, taken.skipped) if note)
        total = sum(size for kind, size in entries.values() if kind == "file")
        if total > SUBMISSION_LIMIT:
            size, path = max((size, path) for path, (kind, size) in entries.items() if kind == "file")
            raise Refused(f"the submission folder holds {mib(total)} (the largest file, {printable(path)}, is "
                          f"{mib(size)}), over the {mib(SUBMISSION_LIMIT)} limit; nothing in it was read")
        for name, limit in _needed(assignment_id, taken.notebook).items():
            taken.files[name] = read_at(folder, name, limit)
    except Refused as refusal:  # the status names the refused entry once, in the reason
        taken.reason, taken.files = str(refusal), {}
        taken.note = taken.skipped = skipped({path: entry for path, entry in entries.items() if path != refusal.name})
    finally:
        os.close(folder)
    return taken


SECRET = "submission_secret.txt"  # nbgrader submit's random secret, which names the student's feedback in the exchange
SECRET_LIMIT = 1024
_SECRET = re.compile(rb"[0-9a-f]{16,512}")


def submission_secret(submitted, student, assignment_id):
    """The ``submission_secret.txt`` of a submission folder, which nbgrader's ``release_feedback`` needs beside the
    feedback (it names the file the student's ``fetch_feedback`` looks for): the bytes, when it is a regular file of
    at most SECRET_LIMIT bytes holding only lowercase hex digits (what ``nbgrader submit`` writes), else None. The
    student wrote it: it can only move where their own feedback is released."""
    try:
        folder = open_submission(submitted, student, assignment_id)
    except (Refused, OSError):
        return None
    try:
        data = read_at(folder, SECRET, SECRET_LIMIT)
    except (Refused, OSError):
        return None
    finally:
        os.close(folder)
    return data if _SECRET.fullmatch(data) else None


def submission_files(submitted, student, assignment_id, rename=None):
    """What goes to the worker for one submission: name -> bytes (the notebook as found, declared extras).

    ``rename`` is the (found name, expected name) pair the intake gave; the names are those of the folder,
    the worker renames. Read by the rules of :func:`take`; when the folder no longer passes them (it changed
    since the intake), nothing is read and the worker reports that no notebook was submitted.
    """
    taken = take(submitted, student, assignment_id)
    return {} if taken.reason or taken.rename != rename else taken.files
