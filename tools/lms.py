"""Grades into Moodle or Canvas: nbgrader export plugins that write the CSV file each LMS imports.

Run at the course root (nbgrader puts it on ``sys.path``, so ``tools`` imports)::

    nbgrader export --exporter=tools.lms.MoodleExportPlugin --to=moodle.csv
    nbgrader export --exporter=tools.lms.CanvasExportPlugin --to=canvas.csv

(or ``python -m tools export --lms moodle|canvas``, which runs the same command), with the roster and
the identifier in ``nbgrader_config.py``::

    c.MoodleExportPlugin.roster = "roster.csv"
    c.MoodleExportPlugin.identifier = "email"         # or "username", "id_number"
    c.CanvasExportPlugin.roster = "roster.csv"
    c.CanvasExportPlugin.identifier = "sis_login_id"  # or "id", "sis_user_id"

or on the command line (``--MoodleExportPlugin.roster=roster.csv --MoodleExportPlugin.identifier=email``).
nbgrader's own ``--assignment`` and ``--student`` options narrow the export (assignment ids such as
``regularization_pt`` or assignment names such as ``regularization``). ``grades.csv`` (nbgrader's default
exporter, ``nbgrader export``) is not touched.

Roster
------
A CSV file (UTF-8; a BOM, as Excel writes it, is fine) with a header row and one row per student of the
class: the LMS's class list. ``student_id`` (the nbgrader student id: the folder name under
``submitted/``) is required, and so is the column of the chosen identifier; the others are optional:
``name``, ``email``, ``username``, ``id_number`` (Moodle's user fields), ``id`` (the Canvas user id),
``sis_user_id``, ``sis_login_id``, ``section`` (Canvas). ``examples/roster.csv`` is the sample class's.

Rows, columns and cells (both LMSs)
-----------------------------------
- One row per roster row, in roster order, so students who never submitted get a row too.
- One column per assignment *name*, in course order: a student does an assignment in one language, so the
  column ``regularization`` holds ``regularization_en`` and ``regularization_pt``. If a student has
  submissions in both languages, the higher score counts.
- A cell is nbgrader's final score, the ``score`` column of ``grades.csv``: the submission's score minus
  its late-submission penalty, never below 0, rounded to 4 decimals. A student with no submission of the
  assignment in either language gets an empty cell (Moodle and Canvas read an empty cell as "no grade").

Cells are data: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'``, so a spreadsheet opening the file runs no formula (a student id or a roster name like
``=HYPERLINK(...)``); scores stay numbers. Student ids in messages are shown with control characters escaped.

Errors: the export writes nothing and exits with status 1 and a message naming the students when a student
of the gradebook is not in the roster (the LMS would never get that student's grades), when a roster row
lacks the chosen identifier or shares it with another row (the LMS could not tell who the row is), when
``student_id`` is missing, empty or repeated, or when a ``--student`` or ``--assignment`` is unknown.

Moodle (:class:`MoodleExportPlugin`)
------------------------------------
Grader report import, "Import grades from CSV" (MoodleDocs, "Grade import",
https://docs.moodle.org/en/Grade_import; the importer is ``grade/import/csv/classes/load_data.php``)::

    Email address,deep_nn,initialization,regularization,gradient_checking
    ana.souza@example.com,30,9,,4.5

A header row, then one row per student: the column identifying the user, headed with Moodle's own name
for the field ("Username", "Email address" or "ID number"), then one column per grade item. Moodle does
not read the headers: at import time the instructor maps the user column ("Identify user by": *Map from*
that column, *Map to* the same field) and each grade column to a grade item or to "New grade item".
Moodle imports an empty cell into an existing grade item as "no grade"; into a *new* grade item its
importer only skips ``-`` cells, so map the columns to grade items created beforehand (maximum grade =
the assignment's points) to keep "no submission" apart from 0. Moodle caps imported grades at 100 unless
``gradepointmax`` is raised; the pack's assignments are worth 9 to 30 points.

grades.csv (:class:`GradesCsvExportPlugin`)
-------------------------------------------
``python -m tools grade`` writes ``grades.csv`` with nbgrader's own exporter's rows and columns, byte for byte
the same for ordinary ids, but as well-formed CSV (a cell holding a comma, a quote or a line break is quoted,
so a student id cannot add rows or columns) with the formula guard above.

Canvas (:class:`CanvasExportPlugin`)
------------------------------------
Gradebook import (Canvas Instructor Guide, "How do I import grades in the Gradebook?"; the importer is
``app/models/gradebook_importer.rb`` of canvas-lms)::

    Student,ID,SIS User ID,SIS Login ID,Section,deep_nn,initialization,regularization,gradient_checking
    Points Possible,,,,,30,9,12,12
    "Souza, Ana Beatriz",,,ana.souza,Turma A,30,9,,4.5

The header ``Student, ID, SIS User ID, SIS Login ID, Section`` then one column per assignment; a second
row whose first cell is ``Points Possible`` giving each assignment's maximum score (the gradebook's
``max_score``; Canvas sets it on assignments the import creates); then one row per student. Canvas finds
the student by the first non-empty of ``ID``, ``SIS User ID``, ``SIS Login ID``, then by name, so only
the chosen identifier's column is filled (from the roster) and the other two stay empty: Canvas matches on
the identifier you chose. ``Student`` is the roster's ``name`` (else nbgrader's "last, first", else the
student id), ``Section`` the roster's ``section`` (Canvas does not match on it). A column whose header is
not an existing assignment's title becomes a new assignment when the import is confirmed.
"""
import csv
from pathlib import Path

from nbgrader.plugins import CsvExportPlugin, ExportPlugin
from traitlets import Unicode

from .course import LANGUAGES, assignment_ids
from .grading.gradebook import submission_scores
from .grading.intake import csv_cell, printable


class LmsExportError(ValueError):
    """The export cannot be written as asked; the message says why and names the students."""


ROSTER_HELP = ("CSV file with a header row and one row per student: student_id (the nbgrader student id) and the "
               "identifier column. A relative path is taken from the folder nbgrader runs in (the course root).")


# ---------------------------------------------------------------------------------------------------------------
# Roster
# ---------------------------------------------------------------------------------------------------------------

def read_roster(path, identifier):
    """The roster rows at ``path``: a list of dicts with stripped keys and values, in file order.

    Raises
    ------
    LmsExportError
        if the file is missing, lacks the ``student_id`` or ``identifier`` column, or a ``student_id`` is
        empty or repeated.
    """
    path = Path(path)
    if not path.is_file():
        raise LmsExportError(f"roster {path} not found: give a CSV file with the columns student_id and {identifier}")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        lines = [(reader.line_num, {key.strip(): (value or "").strip() for key, value in row.items() if key})
                 for row in reader]
    missing = [column for column in ("student_id", identifier) if column not in header]
    if missing:
        raise LmsExportError(f"roster {path} has no column {' or '.join(missing)} (its columns: {', '.join(header)})")
    lines = [(number, row) for number, row in lines if any(row.values())]  # a row of bare commas is no student
    empty = [str(number) for number, row in lines if not row["student_id"]]
    if empty:
        raise LmsExportError(f"roster {path}: no student_id on line(s) {', '.join(empty)}")
    rows = [row for _, row in lines]
    repeated = duplicates(row["student_id"] for row in rows)
    if repeated:
        raise LmsExportError(f"roster {path}: student_id repeated: {', '.join(map(printable, repeated))}")
    return rows


def duplicates(values):
    """The values that occur more than once, sorted."""
    seen, repeated = set(), set()
    for value in values:
        (repeated if value in seen else seen).add(value)
    return sorted(repeated)


def select_rows(roster, gradebook_students, identifier, wanted=(), source="the roster"):
    """The roster rows to export, after checking that nothing is dropped and every row identifies its student.

    Parameters
    ----------
    roster : list of dict, from :func:`read_roster`
    gradebook_students : iterable of str, every student id of the nbgrader gradebook
    identifier : str, the roster column the LMS matches students on
    wanted : iterable of str, nbgrader's ``--student`` list (empty: everyone)

    Raises
    ------
    LmsExportError
        naming the students of the gradebook (or of ``wanted``) missing from the roster, the rows without the
        identifier, and the identifier values shared by several rows.
    """
    wanted = set(wanted)
    listed = {row["student_id"] for row in roster}
    expected = set(gradebook_students) if not wanted else wanted
    unlisted = sorted(expected - listed)
    if unlisted:
        raise LmsExportError(f"student(s) not in {source}: {', '.join(map(printable, unlisted))}. Add a row for "
                             f"each (column student_id = the nbgrader student id, and their {identifier}); nothing "
                             "was written")
    rows = [row for row in roster if not wanted or row["student_id"] in wanted]
    without = [row["student_id"] for row in rows if not row.get(identifier)]
    if without:
        raise LmsExportError(f"no {identifier} in {source} for student(s): {', '.join(map(printable, without))}; "
                             "the LMS could not tell who they are. Fill it in, or choose another identifier; "
                             "nothing was written")
    shared = duplicates(row[identifier] for row in rows)
    if shared:
        names = [f"{printable(value)} ({', '.join(printable(r['student_id']) for r in rows if r[identifier] == value)})"
                 for value in shared]
        raise LmsExportError(f"the same {identifier} on several rows of {source}: {'; '.join(names)}; "
                             "nothing was written")
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Gradebook: columns and scores
# ---------------------------------------------------------------------------------------------------------------

def column_name(assignment_id):
    """The LMS column of an nbgrader assignment: ``"regularization_pt"`` -> ``"regularization"``.

    An id without a language suffix is its own column.
    """
    name, _, language = assignment_id.rpartition("_")
    return name if name and language in LANGUAGES else assignment_id


def course_order(assignment_id):
    """Sort key: the course's assignments in course order (``tools/course.py``), any other after, by id."""
    known = assignment_ids()
    return (known.index(assignment_id), "") if assignment_id in known else (len(known), assignment_id)


def select_columns(assignments, wanted=()):
    """The LMS columns: list of ``(name, [nbgrader assignments])`` in course order.

    ``wanted`` (nbgrader's ``--assignment`` list) may hold assignment ids or names; an unknown one is an error.
    """
    wanted = set(wanted)
    unknown = sorted(wanted - {a.name for a in assignments} - {column_name(a.name) for a in assignments})
    if unknown:
        raise LmsExportError(f"assignment(s) not in the gradebook: {', '.join(map(printable, unknown))}")
    chosen = sorted((a for a in assignments if not wanted or a.name in wanted or column_name(a.name) in wanted),
                    key=lambda a: course_order(a.name))
    columns = {}
    for assignment in chosen:
        columns.setdefault(column_name(assignment.name), []).append(assignment)
    return list(columns.items())


def final_score(submission):
    """nbgrader's final score of a submission, as in ``grades.csv``: score minus late penalty, at least 0."""
    return max(0.0, submission.score - (submission.late_submission_penalty or 0.0))


def merged_scores(columns):
    """dict ``(student id, column name) -> score``: the best final score over the column's languages."""
    scores = {}
    for name, assignments in columns:
        for assignment in assignments:
            for submission in assignment.submissions:
                key = (submission.student_id, name)
                scores[key] = max(scores.get(key, 0.0), final_score(submission))
    return scores


def points_possible(name, assignments):
    """The maximum score of a column; its languages must agree (they are built from one master)."""
    maxima = {a.name: a.max_score for a in assignments}
    if len(set(maxima.values())) > 1:
        listed = ", ".join(f"{key} {value:g}" for key, value in sorted(maxima.items()))
        raise LmsExportError(f"the languages of {name} have different maximum scores ({listed}): run `make release`")
    return next(iter(maxima.values()))


def format_score(value):
    """A score for the CSV: ``12.0`` -> ``"12"``, ``7.25`` -> ``"7.25"``, ``1/3`` -> ``"0.3333"``; None -> ``""``."""
    if value is None:
        return ""
    text = f"{round(float(value), 4):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def gradebook_name(student):
    """nbgrader's name of a student, "last, first", or '' when the gradebook has none."""
    return ", ".join(part for part in (student.last_name, student.first_name) if part)


# ---------------------------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------------------------

MOODLE_FIELDS = {"username": "Username", "email": "Email address", "id_number": "ID number"}
CANVAS_FIELDS = {"id": "ID", "sis_user_id": "SIS User ID", "sis_login_id": "SIS Login ID"}
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def grade_cells(student_id, columns, scores):
    """A student's cells, one per column; empty where the student has no submission."""
    return [format_score(scores.get((student_id, name))) for name, _ in columns]


def moodle_table(rows, columns, scores, identifier, names=None):
    """Moodle's grade import rows: header (the user field's name, the assignments), then one row per student.

    ``names`` (student id -> gradebook name) is not used: Moodle's import matches on the identifier only.
    """
    header = [MOODLE_FIELDS[identifier]] + [name for name, _ in columns]
    return [header] + [[row[identifier]] + grade_cells(row["student_id"], columns, scores) for row in rows]


def canvas_table(rows, columns, scores, identifier, names=None):
    """Canvas's gradebook import rows: header, Points Possible, then one row per student (see the module doc)."""
    names = names or {}
    header = CANVAS_HEADER + [name for name, _ in columns]
    points = ["Points Possible", "", "", "", ""] + [format_score(points_possible(*column)) for column in columns]
    students = []
    for row in rows:
        student_id = row["student_id"]
        ids = ["" if field != identifier else row[identifier] for field in CANVAS_FIELDS]
        student = row.get("name") or names.get(student_id) or student_id
        students.append([student, *ids, row.get("section", "")] + grade_cells(student_id, columns, scores))
    return [header, points] + students


def write_csv(path, table):
    """Write ``table`` (a list of rows) to ``path`` as UTF-8 CSV, each cell through :func:`csv_cell`; return it."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([csv_cell(cell) for cell in row] for row in table)
    return path


def csv_line(cells):
    """One line of ``grades.csv``: nbgrader's ``",".join`` for ordinary cells; a cell holding a comma, a quote,
    a carriage return or a line feed is quoted (Python's ``csv`` leaves a lone carriage return unquoted when
    lines end in a line feed), and every cell goes through :func:`csv_cell`."""
    cells = [csv_cell(cell) for cell in cells]
    return ",".join('"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell
                    for cell in cells) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# nbgrader plugins
# ---------------------------------------------------------------------------------------------------------------

class LmsExportPlugin(ExportPlugin):
    """Common part of the LMS exporters: the roster, the checks, the columns; subclasses give the layout."""

    roster = Unicode("roster.csv", help=ROSTER_HELP).tag(config=True)
    identifier = Unicode("", help="Roster column the LMS matches students on.").tag(config=True)

    lms = "LMS"           # the LMS's name, for messages
    fields = {}           # identifier -> the LMS's name for it
    default_to = ""       # the file written without --to
    layout = None         # function (rows, columns, scores, identifier, names) -> CSV rows
    preamble = 1          # rows before the first student's

    def table(self, gradebook):
        """The CSV rows for ``gradebook``; raises :class:`LmsExportError` if it cannot be written as asked."""
        if self.identifier not in self.fields:
            raise LmsExportError(f"{type(self).__name__}.identifier must be one of {', '.join(self.fields)}, "
                                 f"not {self.identifier!r}")
        roster = read_roster(self.roster, self.identifier)
        students = gradebook.students
        rows = select_rows(roster, [s.id for s in students], self.identifier, [str(s) for s in self.student],
                           source=f"the roster {self.roster}")
        columns = select_columns(gradebook.assignments, [str(a) for a in self.assignment])
        names = {s.id: gradebook_name(s) for s in students}
        return self.layout(rows, columns, merged_scores(columns), self.identifier, names)

    def export(self, gradebook):
        """Write the LMS's CSV file to ``--to`` (default ``moodle.csv`` or ``canvas.csv``)."""
        dest = self.to or self.default_to
        try:
            table = self.table(gradebook)
        except LmsExportError as error:
            self.log.error("%s export: %s", self.lms, error)
            raise SystemExit(1)
        write_csv(dest, table)
        self.log.info("Wrote %s grades of %d students to %s", self.lms, len(table) - self.preamble, dest)


class MoodleExportPlugin(LmsExportPlugin):
    """nbgrader exporter to Moodle's "Import grades from CSV"; the layout is in the module's docstring.

    ``identifier``: ``email`` (default), ``username`` or ``id_number``, the roster column written as
    Moodle's "Email address", "Username" or "ID number".
    """

    identifier = Unicode("email", help="Roster column Moodle matches students on: email (Moodle's 'Email address'), "
                                       "username ('Username') or id_number ('ID number').").tag(config=True)
    lms = "Moodle"
    fields = MOODLE_FIELDS
    default_to = "moodle.csv"
    layout = staticmethod(moodle_table)
    preamble = 1


class CanvasExportPlugin(LmsExportPlugin):
    """nbgrader exporter to the Canvas Gradebook's CSV import; the layout is in the module's docstring.

    ``identifier``: ``sis_login_id`` (default), ``sis_user_id`` or ``id`` (the Canvas user id), the roster
    column written in Canvas's "SIS Login ID", "SIS User ID" or "ID" column.
    """

    identifier = Unicode("sis_login_id", help="Roster column Canvas matches students on: sis_login_id ('SIS Login "
                                              "ID'), sis_user_id ('SIS User ID') or id (the Canvas user 'ID')."
                         ).tag(config=True)
    lms = "Canvas"
    fields = CANVAS_FIELDS
    default_to = "canvas.csv"
    layout = staticmethod(canvas_table)
    preamble = 2


class GradesCsvExportPlugin(CsvExportPlugin):
    """nbgrader's ``grades.csv`` exporter (``CsvExportPlugin``: the same rows, columns and values, byte for byte
    for ordinary ids), written as well-formed CSV with the formula guard (:func:`csv_line`).

    ``nbgrader export --exporter=tools.lms.GradesCsvExportPlugin`` (what ``python -m tools grade`` runs);
    nbgrader's ``--to``, ``--student`` and ``--assignment`` options work as with nbgrader's exporter.
    """

    def export(self, gradebook):
        dest = self.to or "grades.csv"
        students = [str(item) for item in self.student]
        assignments = [str(item) for item in self.assignment]
        self.log.info("Exporting grades to %s", dest)
        keys = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
                "raw_score", "late_submission_penalty", "score", "max_score"]
        with open(dest, "w", encoding="utf-8") as handle:  # text mode, as nbgrader's: its line endings
            handle.write(",".join(keys) + "\n")
            for assignment in gradebook.assignments:
                if assignments and assignment.name not in assignments:
                    continue
                submitted = submission_scores(gradebook, assignment.name, cells=False)  # one query, not ~5 each
                for student in gradebook.students:
                    if students and student.id not in students:
                        continue
                    row = {"assignment": assignment.name, "duedate": assignment.duedate, "student_id": student.id,
                           "last_name": student.last_name, "first_name": student.first_name,
                           "email": student.email, "max_score": assignment.max_score}
                    submission = submitted.get(student.id)
                    if submission is None:  # nothing submitted: zero, as nbgrader's exporter writes it
                        row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0)
                    else:
                        penalty = submission.penalty
                        row.update(timestamp=submission.timestamp, raw_score=submission.score,
                                   late_submission_penalty=penalty, score=max(0.0, submission.score - penalty))
                    handle.write(csv_line(["" if row[key] is None else str(row[key]) for key in keys]))
