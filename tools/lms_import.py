"""Submissions from Moodle: an assignment's "Download all submissions" zip into nbgrader's ``submitted/`` folder,
and each submission's time (from Moodle's grading worksheet) into the ledger of submission times.

``python -m tools import --moodle submissions.zip regularization_pt --roster roster.csv --identifier email
--worksheet worksheet.csv --timezone America/Sao_Paulo`` writes ``submitted/<student_id>/regularization_pt/
regularization.ipynb`` for every submission of the zip and records its time (:func:`tools.grading.times.record`,
source ``moodle ...``). Everything is checked first; when anything is wrong, nothing is written.

What Moodle writes (mod_assign's sources)
-----------------------------------------
**The zip.** Moodle names a student's files ``<prefix>_<plugin>`` where ``<prefix>`` is the student's full name
(its underscores made spaces) ``_`` the *participant id* (``assign::get_uniqueid_for_user``, not the user id),
and ``<plugin>`` is ``assignsubmission_file`` for uploaded files (``mod/assign/locallib.php``,
``download_submissions``, Moodle 3.x; ``mod/assign/classes/downloader.php``, Moodle 4.1 and later). With
"Download submissions in folders" (the default since 3.1) each student gets a folder, without it every file is
flat in the zip's root::

    Ana Beatriz Souza_123456_assignsubmission_file_/regularization.ipynb   folders, Moodle 3.x
    Ana Beatriz Souza_123456_assignsubmission_file/regularization.ipynb    folders, Moodle 4.1 and later
    Ana Beatriz Souza_123456_assignsubmission_file_regularization.ipynb    flat, both

A file uploaded into a sub-folder of the submission keeps its path inside the student's folder. Other plugins'
entries (``..._assignsubmission_onlinetext_/onlinetext.html``) and files that are not notebooks are not read:
they are listed in the command's output.

**The grading worksheet** ("Download grading worksheet", assignfeedback_offline; the table is
``mod/assign/gradingtable.php`` downloading as CSV). Its columns carry Moodle's strings in the language of the
instructor who downloaded it: ``Identifier`` (``Identificador``) holding ``Participant 123456``
(``Participante 123456``), ``Full name`` (``Nome completo``), the site's identity fields (``Email address``,
...), ``Status``, ``Grade``, ..., ``Last modified (submission)`` (``Última modificação (envio)``). The time is
``userdate()``'s default format, the language pack's ``strftimedaydatetime``, in the downloading user's time
zone, with no offset and to the minute: English ``%A, %d %B %Y, %I:%M %p`` (``Tuesday, 12 March 2024, 10:15
PM``), Brazilian Portuguese ``%A, %d %b %Y, %H:%M`` (``terça-feira, 12 mar. 2024, 22:15`` where PHP formats
with ICU, ``terça, 12 mar 2024, 22:15`` with the C library's names); ``-`` when there is no submission.
:func:`parse_moodle_time` reads both languages, both name forms and leading zeros or not; the time zone is the
instructor's to give (``--timezone``): a worksheet time is never read in a zone nobody chose.

Students
--------
A zip entry names a participant id; the worksheet gives that participant's identity field (``--identifier``:
``email``, ``username`` or ``id_number``, as in :mod:`tools.lms`), and the roster gives the nbgrader student id
of that identifier (:func:`tools.lms.read_roster`). Without a worksheet, the zip's full name is matched with the
roster's ``name`` column (``"Souza, Ana Beatriz"`` matches ``Ana Beatriz Souza``), and no time is recorded: a
submission without a time gets no late penalty.

Refusals (nothing is written, every problem is listed, names through :func:`~tools.grading.intake.printable`)
--------------------------------------------------------------------------------------------------------------
The zip as hostile input: more than :data:`MAX_ENTRIES` entries or a central directory over
:data:`MAX_DIRECTORY` (read from the end record, before the directory is parsed), an absolute name, a ``..``,
a backslash or a NUL in a name, a symbolic link or any entry that is not a file or folder, an encrypted entry,
two entries of one name, a notebook over :data:`~tools.grading.intake.NOTEBOOK_LIMIT` (declared, or found while
reading: at most that many bytes are ever read of one), notebooks over :data:`TOTAL_LIMIT` together, an entry
that does not decompress to its checksum, a notebook outside Moodle's naming. The submissions: a participant
not in the worksheet, a student not in the roster, two submissions of one student, no notebook or two notebooks
in one submission, a notebook not named as the assignment's, a student id nbgrader cannot grade. The course: a
submission folder that already exists (``--replace`` replaces it, and its recorded time with the worksheet's).

Writing: the notebooks (each with a random ``submission_secret.txt``, as ``nbgrader submit`` writes one, which
``nbgrader release_feedback`` needs) are written into a temporary folder at the course root, then each submission
folder is renamed into ``submitted/``; a failure puts back what was moved. The times are recorded last.
"""
import csv
import os
import re
import secrets
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .grading.intake import NOTEBOOK_LIMIT, id_problem, mib, printable
from .instructor_texts import text

MAX_ENTRIES = 20_000             # entries of the zip (a class of hundreds, a few files each)
MAX_DIRECTORY = 16 * 2**20       # bytes of the zip's central directory
TOTAL_LIMIT = 1024 * 2**20       # bytes of every notebook read from the zip together
WORKSHEET_LIMIT = 32 * 2**20     # bytes of the grading worksheet
SOURCE = "moodle"                # the ledger's source of an imported time starts with this
FILE_PLUGIN = "assignsubmission_file"

# The worksheet's headers (mod/assign and core language strings), English and Brazilian Portuguese.
HEADERS = {
    "identifier": ("Identifier", "Identificador"),
    "fullname": ("Full name", "Nome completo"),
    "time": ("Last modified (submission)", "Última modificação (envio)", "Última modificação (submissão)"),
    "email": ("Email address", "Endereço de email", "Endereço de e-mail", "E-mail", "Email"),
    "username": ("Username", "Nome de usuário", "Identificação de usuário"),
    "id_number": ("ID number", "Número de identificação", "Número de identificação (ID)"),
}
IDENTIFIERS = ("email", "username", "id_number")

class ImportRefused(ValueError):
    """The import cannot be done as asked; ``problems`` lists every reason (names already made printable)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class Submission(NamedTuple):
    """One submission of the zip: the participant id, the name in the zip, the notebook's path in the zip."""

    participant: str
    name: str
    entry: str


class Planned(NamedTuple):
    """What :func:`plan` decided for one submission: student id, notebook bytes, naive UTC time (or None)."""

    student: str
    data: bytes
    time: datetime
    submission: Submission


# ---------------------------------------------------------------------------------------------------------------
# The zip
# ---------------------------------------------------------------------------------------------------------------

_EOCD, _EOCD64, _LOCATOR = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07"


def directory_size(handle):
    """``(entries, bytes)`` of a zip's central directory, from its end record (zip64 too), before any parsing.

    Raises
    ------
    ImportRefused
        when there is no end record (not a zip).
    """
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    start = max(0, size - (22 + 65535))
    handle.seek(start)
    tail = handle.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise ImportRefused(["not a zip file (no end of central directory record)"])
    entries, length = struct.unpack("<HI", tail[at + 10:at + 16])
    if entries == 0xFFFF or length == 0xFFFFFFFF:  # zip64: the locator, 20 bytes before, points at the record
        locator_at = start + at - 20
        handle.seek(max(0, locator_at))
        locator = handle.read(20)
        if locator_at < 0 or locator[:4] != _LOCATOR:
            raise ImportRefused(["not a zip file (a zip64 end record without its locator)"])
        handle.seek(struct.unpack("<Q", locator[8:16])[0])
        record = handle.read(56)
        if record[:4] != _EOCD64:
            raise ImportRefused(["not a zip file (no zip64 end of central directory record)"])
        entries, length = struct.unpack("<QQ", record[32:48])
    return entries, length


def entry_name(info):
    """The name of a zip entry as its writer meant it: UTF-8 when the name is not flagged so but decodes as such
    (zipfile reads unflagged names as code page 437)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def name_problem(name):
    """Why a zip entry name is refused (absolute, ``..``, backslash, NUL, drive letter), or None."""
    shown = printable(name)
    if "\0" in name or "\\" in name:
        return f"zip entry '{shown}' holds a {'NUL' if chr(0) in name else 'backslash'}: refused"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return f"zip entry '{shown}' is an absolute path: refused"
    if ".." in PurePosixPath(name).parts:
        return f"zip entry '{shown}' goes up a folder (..): refused"
    return None


def kind_problem(info, name):
    """Why a zip entry's kind is refused (a symbolic link, a device, ..., encrypted), or None."""
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
        what = "a symbolic link" if kind == stat.S_IFLNK else "not a regular file"
        return f"zip entry '{printable(name)}' is {what}: refused"
    if info.flag_bits & 0x1:
        return f"zip entry '{printable(name)}' is encrypted: refused"
    return None


_FOLDER = re.compile(r"(?P<name>[^_/]*)_(?P<participant>\d+)_(?P<plugin>assignsubmission_[A-Za-z0-9]+?)_?")
_FLAT = re.compile(r"(?P<name>[^_/]*)_(?P<participant>\d+)_(?P<plugin>assignsubmission_file)_(?P<file>.+)")


def moodle_entry(name):
    """``(name, participant id, plugin, path in the submission)`` of a Moodle zip entry, or None when the entry is
    not named as Moodle names submission files (either mode, see the module's docstring)."""
    first, _, rest = name.partition("/")
    if rest:
        match = _FOLDER.fullmatch(first)
        if match:
            return match["name"], match["participant"], match["plugin"], rest
        return None
    match = _FLAT.fullmatch(first)
    if match:
        return match["name"], match["participant"], match["plugin"], match["file"]
    return None


def survey_zip(archive):
    """The submissions in a Moodle zip: ``(notebooks, ignored, problems)``.

    ``notebooks``: participant id -> list of :class:`Submission` (every ``.ipynb`` file of the file plugin);
    ``ignored``: the entries not read (other plugins, other files), printable; ``problems``: refusals, among
    them a submission of files without a notebook.
    """
    notebooks, ignored, problems, seen, files = {}, [], [], set(), {}
    for info in archive.infolist():
        name = entry_name(info)
        problem = name_problem(name) or kind_problem(info, name)
        if problem:
            problems.append(problem)
            continue
        if name in seen:
            problems.append(f"zip entry '{printable(name)}' is in the zip twice: refused")
            continue
        seen.add(name)
        if info.is_dir():
            continue
        parsed = moodle_entry(name)
        notebook = name.lower().endswith(".ipynb")
        if parsed is None:
            if notebook:
                problems.append(f"zip entry '{printable(name)}' is a notebook outside Moodle's naming "
                                "(<full name>_<participant id>_assignsubmission_file...): not a Moodle download?")
            else:
                ignored.append(printable(name))
            continue
        student_name, participant, plugin, _ = parsed
        if plugin != FILE_PLUGIN or not notebook:
            ignored.append(printable(name))
            if plugin == FILE_PLUGIN:
                files.setdefault(participant, (student_name, []))[1].append(printable(name))
            continue
        notebooks.setdefault(participant, []).append(Submission(participant, student_name, info.filename))
    for participant, (student_name, names) in sorted(files.items()):
        if participant not in notebooks:
            problems.append(f"{printable(student_name)} (participant {participant}): no notebook in the submission "
                            f"(its files: {', '.join(names)})")
    return notebooks, ignored, problems


def read_entry(archive, entry, limit):
    """The bytes of zip entry ``entry`` (its name as the zip stores it), at most ``limit`` of them: the declared
    size is checked first, then what decompresses (a header may lie).

    Raises
    ------
    ImportRefused
        over the limit, or when the entry does not decompress to its checksum.
    """
    info = archive.getinfo(entry)
    shown = printable(entry_name(info))
    if info.file_size > limit:
        raise ImportRefused([f"zip entry '{shown}' is {mib(info.file_size)}, over the {mib(limit)} limit"])
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
            if len(data) > limit:
                raise ImportRefused([f"zip entry '{shown}' decompresses to more than the {mib(limit)} limit"])
            handle.read(1)  # the end of the entry: zipfile checks its CRC there
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as error:
        if isinstance(error, ImportRefused):
            raise
        raise ImportRefused([f"zip entry '{shown}' cannot be read: {printable(error)}"]) from None
    return data


# ---------------------------------------------------------------------------------------------------------------
# The worksheet and its times
# ---------------------------------------------------------------------------------------------------------------

def _fold(word):
    """``"Março."`` -> ``"marco"``: lower case, no accents, no dot."""
    decomposed = unicodedata.normalize("NFKD", word.strip().rstrip(".")).casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_MONTHS_PT = ("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
              "novembro", "dezembro")
MONTHS = {name: number for names in (_MONTHS_EN, _MONTHS_PT) for number, name in enumerate(names, start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
_DAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_PT = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
WEEKDAYS = {name: number for names in (_DAYS_EN, _DAYS_PT) for number, name in enumerate(names)}
WEEKDAYS.update({f"{name}-feira": number for name, number in list(WEEKDAYS.items()) if name in _DAYS_PT[:5]})
WEEKDAYS.update({name[:3]: number for name, number in list(WEEKDAYS.items())})

_MOODLE_TIME = re.compile(r"\s*(?:(?P<weekday>[^\d,]+),\s*)?(?P<day>\d{1,2})\.?(?:\s+de)?\s+(?P<month>[^\W\d_]+\.?)"
                          r"(?:\s+de)?\s+(?P<year>\d{4}),?\s+(?:[àa]s\s+)?(?P<hour>\d{1,2})[:h](?P<minute>\d{2})"
                          r"(?::(?P<second>\d{2}))?\s*(?P<half>[ap]\.?\s?m\.?)?\s*", re.IGNORECASE)


def parse_moodle_time(value, zone):
    """A worksheet's time (``userdate()``'s default format, English or Brazilian Portuguese, see the module's
    docstring), read in the time zone ``zone`` (a ``ZoneInfo``): ``(naive UTC datetime, ambiguous)``; ``(None,
    False)`` for Moodle's ``-`` (no submission). ``ambiguous``: the local time happens twice (clocks set back);
    the earlier instant is taken.

    Raises
    ------
    ValueError
        when ``value`` is not such a time, its weekday is not its date's, or it does not exist in ``zone``.
    """
    value = unicodedata.normalize("NFC", str(value)).strip()
    if value in ("-", ""):
        return None, False
    match = _MOODLE_TIME.fullmatch(value)
    month = MONTHS.get(_fold(match["month"])) if match else None
    if month is None:
        raise ValueError(f"'{printable(value)}' is not a Moodle time such as 'Tuesday, 12 March 2024, 10:15 PM' or "
                         "'terça-feira, 12 mar. 2024, 22:15'")
    hour, half = int(match["hour"]), match["half"]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"'{printable(value)}': hour {hour} with AM/PM")
        hour = hour % 12 + (12 if _fold(half).replace(" ", "").replace(".", "").startswith("p") else 0)
    try:
        day = date(int(match["year"]), month, int(match["day"]))
        local = datetime(day.year, day.month, day.day, hour, int(match["minute"]), int(match["second"] or 0))
    except ValueError as error:
        raise ValueError(f"'{printable(value)}' is not a date: {error}") from None
    if match["weekday"]:
        weekday = WEEKDAYS.get(_fold(match["weekday"]))
        if weekday is None or weekday != day.weekday():
            raise ValueError(f"'{printable(value)}': '{printable(match['weekday'].strip())}' is not the weekday of "
                             f"{day.isoformat()}")
    first = local.replace(tzinfo=zone, fold=0)
    moment = first.astimezone(timezone.utc)
    if moment.astimezone(zone).replace(tzinfo=None) != local:
        raise ValueError(f"'{printable(value)}' does not exist in {zone.key} (clocks set forward)")
    ambiguous = first.utcoffset() != local.replace(tzinfo=zone, fold=1).utcoffset()
    return moment.replace(tzinfo=None), ambiguous


def time_zone(name):
    """``ZoneInfo(name)``; ``ImportRefused`` for a name the time zone database does not know."""
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportRefused([f"--timezone {printable(name)} is not a time zone (such as America/Sao_Paulo or "
                             "UTC)"]) from None


def _column(header, key):
    wanted = {_fold(name) for name in HEADERS[key]}
    found = [index for index, name in enumerate(header) if _fold(name) in wanted]
    return found[0] if found else None


class Worksheet(NamedTuple):
    """The worksheet's rows by participant id: ``rows[participant] = (row number, full name, identity, time)``."""

    rows: dict
    problems: list


def read_worksheet(path, identifier):
    """Moodle's grading worksheet at ``path``, its identity column the one of ``identifier``.

    Raises
    ------
    ImportRefused
        when the file is missing, too large, or lacks the identifier, the time or the identity column.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportRefused([f"worksheet {printable(path)} not found"])
    if path.stat().st_size > WORKSHEET_LIMIT:
        raise ImportRefused([f"worksheet {printable(path)} is over the {mib(WORKSHEET_LIMIT)} limit"])
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    header = [cell.strip() for cell in (lines[0] if lines else [])]
    columns = {key: _column(header, key) for key in ("identifier", "fullname", "time", identifier)}
    missing = [HEADERS[key][0] for key, index in columns.items() if index is None and key != "fullname"]
    if missing:
        raise ImportRefused([f"worksheet {printable(path)} has no column {' or '.join(missing)} (its columns: "
                             f"{printable(', '.join(header))}); download it from the assignment's 'View all "
                             "submissions' page, 'Download grading worksheet'"])
    rows, problems = {}, []
    for number, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line] + [""] * len(header)
        if not any(cells):
            continue
        found = re.fullmatch(r"\D*?(\d+)", cells[columns["identifier"]])
        if not found:
            problems.append(f"worksheet line {number}: '{printable(cells[columns['identifier']])}' is not a "
                            "participant (Participant 123456)")
            continue
        participant = found.group(1)
        if participant in rows:
            problems.append(f"worksheet line {number}: participant {participant} is on line {rows[participant][0]} "
                            "too")
            continue
        name = cells[columns["fullname"]] if columns["fullname"] is not None else ""
        rows[participant] = (number, name, cells[columns[identifier]], cells[columns["time"]])
    return Worksheet(rows, problems)


# ---------------------------------------------------------------------------------------------------------------
# Students
# ---------------------------------------------------------------------------------------------------------------

def person(name):
    """A name to compare: ``"Souza, Ana  Beatriz"`` and ``"ana beatriz souza"`` -> ``"ana beatriz souza"``."""
    name = unicodedata.normalize("NFC", name)
    last, comma, first = name.partition(",")
    if comma:
        name = f"{first} {last}"
    return " ".join(name.split()).casefold()


def folder_problem(student):
    """Why ``student`` cannot be a folder of ``submitted/`` graded by nbgrader, or None."""
    if student in (".", "..") or "/" in student or "\0" in student:
        return f"the student id '{printable(student)}' cannot be a folder name"
    return id_problem(student)


def roster_index(roster, column, normalise):
    """dict normalised value of ``column`` -> list of roster rows holding it (empty values left out)."""
    index = {}
    for row in roster:
        value = normalise(row.get(column, ""))
        if value:
            index.setdefault(value, []).append(row)
    return index


# ---------------------------------------------------------------------------------------------------------------
# The plan: everything checked, nothing written
# ---------------------------------------------------------------------------------------------------------------

def plan(course, zip_path, assignment_id, roster_path, identifier="email", worksheet=None, zone=None,
         replace=False):
    """Check a Moodle download against the course, the roster and the worksheet; read the notebooks.

    Parameters
    ----------
    course : the course root (``submitted/`` and the ledger are there)
    zip_path : Moodle's "Download all submissions" zip of the assignment
    assignment_id : e.g. ``"regularization_pt"``
    roster_path, identifier : the roster CSV and its column Moodle identifies students by (see :mod:`tools.lms`)
    worksheet : Moodle's grading worksheet CSV, or None (then no time is recorded)
    zone : the time zone name the worksheet's times are in (required with ``worksheet``)
    replace : replace existing submission folders instead of refusing

    Returns
    -------
    (list of :class:`Planned`, ignored entries, notes)

    Raises
    ------
    ImportRefused
        listing every problem found.
    """
    from .course import assignment_ids, split_assignment_id
    from .grading import times
    from .lms import LmsExportError, read_roster

    if assignment_id not in assignment_ids():
        raise ImportRefused([f"{printable(assignment_id)} is not an assignment of the course "
                             f"({', '.join(assignment_ids())})"])
    if identifier not in IDENTIFIERS:
        raise ImportRefused([f"--identifier {printable(identifier)}: choose one of {', '.join(IDENTIFIERS)}"])
    if worksheet is not None and zone is None:
        raise ImportRefused(["--worksheet needs --timezone: Moodle writes the times in the time zone of the "
                             "instructor's Moodle profile, without saying which (e.g. --timezone "
                             "America/Sao_Paulo)"])
    zone = time_zone(zone) if zone is not None else None
    expected = split_assignment_id(assignment_id)[0].notebook
    try:
        roster = read_roster(roster_path, identifier if worksheet is not None else "name")
    except LmsExportError as error:
        raise ImportRefused([printable(error)]) from None
    sheet = read_worksheet(worksheet, identifier) if worksheet is not None else None
    ledger = times.read(course)  # a broken ledger stops the import before anything is written
    problems = list(sheet.problems) if sheet else []

    zip_path = Path(zip_path)
    if not zip_path.is_file():
        raise ImportRefused([f"zip {printable(zip_path)} not found"])
    with open(zip_path, "rb") as handle:
        entries, length = directory_size(handle)
        if entries > MAX_ENTRIES or length > MAX_DIRECTORY:
            raise ImportRefused([f"the zip holds {entries} entries ({mib(length)} of directory), over the limit of "
                                 f"{MAX_ENTRIES} entries and {mib(MAX_DIRECTORY)}: not read"])
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise ImportRefused([f"{printable(zip_path)} is not a zip file Python can read: {printable(error)}"]) \
                from None
        with archive:
            if len(archive.infolist()) > MAX_ENTRIES:
                raise ImportRefused([f"the zip holds more than {MAX_ENTRIES} entries: not read"])
            notebooks, ignored, zip_problems = survey_zip(archive)
            problems += zip_problems
            planned, notes = [], []
            if worksheet is not None:
                fold = (lambda value: value.strip().casefold()) if identifier == "email" else str.strip
                index = roster_index(roster, identifier, fold)
            else:
                fold = person
                index = roster_index(roster, "name", person)
            owners, total = {}, 0
            for participant, found in sorted(notebooks.items(), key=lambda item: item[1][0].name):
                shown = f"{printable(found[0].name)} (participant {participant})"
                names = sorted({submission.name for submission in found})
                if len(names) > 1:
                    problems.append(f"participant {participant} has files under several names: "
                                    f"{', '.join(map(printable, names))}")
                    continue
                if len(found) > 1:
                    listed = ", ".join(printable(entry_name(archive.getinfo(s.entry))) for s in found)
                    problems.append(f"{shown}: {len(found)} notebooks in one submission ({listed}); keep one")
                    continue
                submission = found[0]
                inner = moodle_entry(entry_name(archive.getinfo(submission.entry)))[3]
                if PurePosixPath(inner).name != expected:
                    problems.append(f"{shown}: the notebook is '{printable(inner)}', not {expected}")
                    continue
                moment = None
                if sheet is not None:
                    row = sheet.rows.get(participant)
                    if row is None:
                        problems.append(f"{shown}: participant {participant} is not in the worksheet")
                        continue
                    number, _, key, when = row
                    try:
                        moment, ambiguous = parse_moodle_time(when, zone)
                    except ValueError as error:
                        problems.append(f"{shown}: worksheet line {number}: {error}")
                        continue
                    if moment is None:
                        problems.append(f"{shown}: worksheet line {number} has no submission time ('-')")
                        continue
                    if ambiguous:
                        notes.append(("ambiguous", shown, when))
                    described = f"{identifier} '{printable(key)}'"
                else:
                    key, described = submission.name, "name in the roster"
                rows = index.get(fold(key), []) if key else []
                if not rows:
                    problems.append(f"{shown}: unknown student, no roster row with this {described}")
                    continue
                if len(rows) > 1:
                    problems.append(f"{shown}: several roster rows with this {described}: "
                                    f"{', '.join(printable(r['student_id']) for r in rows)}")
                    continue
                student = rows[0]["student_id"]
                problem = folder_problem(student)
                if problem:
                    problems.append(f"{shown}: {problem}")
                    continue
                if student in owners:
                    problems.append(f"student '{printable(student)}' has two submissions: {owners[student]} and "
                                    f"{shown}")
                    continue
                owners[student] = shown
                target = Path(course) / "submitted" / student / assignment_id
                if os.path.lexists(target) and not replace:
                    problems.append(f"{shown}: submitted/{printable(student)}/{assignment_id} exists already "
                                    "(--replace replaces it)")
                    continue
                if os.path.lexists(target.parent) and not target.parent.is_dir() or target.parent.is_symlink():
                    problems.append(f"{shown}: submitted/{printable(student)} is not a folder")
                    continue
                if replace and sheet is None and (assignment_id, student) in ledger:
                    problems.append(f"{shown}: the ledger holds a time for the submission being replaced; give "
                                    "--worksheet so that the new submission's time replaces it")
                    continue
                try:
                    data = read_entry(archive, submission.entry, NOTEBOOK_LIMIT)
                except ImportRefused as refusal:
                    problems += [f"{shown}: {problem}" for problem in refusal.problems]
                    continue
                total += len(data)
                if total > TOTAL_LIMIT:
                    raise ImportRefused(problems + [f"the notebooks of the zip are over {mib(TOTAL_LIMIT)} together: "
                                                    "not read further"])
                planned.append(Planned(student, data, moment, submission))
    if problems:
        raise ImportRefused(problems)
    if not planned:
        raise ImportRefused([f"no notebook of {assignment_id} in {printable(zip_path)}"])
    return planned, ignored, notes


# ---------------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------------

def write(course, assignment_id, planned, source):
    """Write the planned submissions into ``course/submitted/`` and record their times; all or nothing.

    Each notebook is written into a temporary folder at the course root; then each submission folder is renamed
    into place (an existing one is moved aside first); a failure moves everything back. The times go into the
    ledger last (:func:`tools.grading.times.record`); if that fails, the folders are moved back too.
    """
    from .course import split_assignment_id
    from .grading import times

    course = Path(course)
    notebook = split_assignment_id(assignment_id)[0].notebook
    staging = Path(tempfile.mkdtemp(prefix=".lms-import-", dir=course))
    moved, made = [], []  # (target, put aside or None); student folders created
    try:
        for number, item in enumerate(planned):
            folder = staging / "new" / str(number)
            folder.mkdir(parents=True)
            path = folder / notebook
            with open(path, "xb") as handle:
                handle.write(item.data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(path, 0o644)
            # as nbgrader submit writes one: nbgrader release_feedback needs it beside every feedback page
            (folder / "submission_secret.txt").write_text(secrets.token_hex(64))
            os.chmod(folder, 0o755)
        (staging / "old").mkdir()
        submitted = course / "submitted"
        if not submitted.exists():
            submitted.mkdir()
            made.append(submitted)
        for number, item in enumerate(planned):
            target = submitted / item.student / assignment_id
            if not target.parent.exists():
                target.parent.mkdir()
                made.append(target.parent)
            aside = None
            if os.path.lexists(target):
                aside = staging / "old" / str(number)
                os.rename(target, aside)
            moved.append((target, aside))
            os.rename(staging / "new" / str(number), target)
        times.record(course, [(assignment_id, item.student, item.time, source) for item in planned
                              if item.time is not None])
    except BaseException:
        for target, aside in reversed(moved):
            if target.exists():
                shutil.rmtree(target)
            if aside is not None:
                os.rename(aside, target)
        for folder in reversed(made):
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [course / "submitted" / item.student / assignment_id / notebook for item in planned]


def import_moodle(course, zip_path, assignment_id, roster_path, identifier="email", worksheet=None, zone=None,
                  replace=False, language="en"):
    """``python -m tools import --moodle``: :func:`plan`, then :func:`write`. Returns the lines to print.

    Raises
    ------
    ImportRefused
        when anything is wrong; nothing is written then.
    """
    from .grading import times

    planned, ignored, notes = plan(course, zip_path, assignment_id, roster_path, identifier, worksheet, zone,
                                   replace)
    source = (f"{SOURCE}: worksheet {Path(worksheet).name}, Last modified (submission), {zone}"
              if worksheet is not None else SOURCE)
    write(course, assignment_id, planned, source)
    lines = [f"{printable(item.student)} / {assignment_id}: "
             + (times.time_text(item.time) if item.time is not None else "-") for item in planned]
    lines.append(text("import/imported", language, count=len(planned), assignment=assignment_id,
                      folder=Path(course) / "submitted"))
    if worksheet is not None:
        lines.append(text("import/timed", language, worksheet=printable(worksheet), zone=zone,
                          ledger=times.ledger_path(course)))
    else:
        lines.append(text("import/untimed", language))
    for _, shown, when in notes:
        lines.append(text("import/ambiguous", language, student=shown, time=printable(when), zone=zone))
    if ignored:
        shown = ignored[:10] + (["..."] if len(ignored) > 10 else [])
        lines.append(text("import/ignored", language, count=len(ignored), names=", ".join(shown)))
    return lines
