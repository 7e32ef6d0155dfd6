"""``python -m tools import --moodle``: Moodle's "Download all submissions" zip into ``submitted/``, the grading
worksheet's times into the ledger, and every refusal of a hostile or inconsistent download leaving nothing written.

The zips are named as Moodle names them (``mod/assign/locallib.php`` 3.x and ``classes/downloader.php`` 4.x: folders
``<name>_<participant>_assignsubmission_file_/`` or ``..._file/``, or flat ``..._assignsubmission_file_<file>``); the
worksheets have Moodle's English and Brazilian Portuguese headers and dates written by Babel (CLDR, the data PHP's
ICU formats Moodle's dates with) in the language packs' formats, ``%A, %d %B %Y, %I:%M %p`` (en) and ``%A, %d %b %Y,
%H:%M`` (pt_br). Every command is the instructor's ``python -m tools import ...`` on a copy of the course: through
the command's ``main`` in this process (ROOT patched), and once, with the grading at the end, as its own process
in the copy (its own ``tools``, so its root is the copy).
"""
import contextlib
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_datetime

from tools.__main__ import main
from tools.course import ASSIGNMENTS, ROOT
from tools.grading import times
from tools.grading.intake import NOTEBOOK_LIMIT, SECRET
from tools.nbgrader_run import make_course

A = ASSIGNMENTS["regularization"]
EN, PT, NB = A.folder("en"), A.folder("pt"), A.notebook
ZONE = "America/Sao_Paulo"
STUDENTS = [  # student_id, roster name, email, Moodle full name, participant id, local submission time
    ("ana", "Souza, Ana Júlia", "ana.souza@example.com", "Ana Júlia Souza", "480101",
     datetime(2025, 3, 1, 9, 5)),
    ("bruno", "Carvalho, Bruno", "Bruno.Carvalho@example.com", "Bruno Carvalho", "480102",
     datetime(2025, 2, 28, 23, 59)),
    ("carla", "Lima, Carla", "carla.lima@example.com", "Carla Lima", "480103", datetime(2025, 3, 2, 12, 0)),
]
EN_HEADER = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade", "Grade can be changed",
             "Last modified (submission)", "File submissions", "Last modified (grade)", "Feedback comments"]
PT_HEADER = ["Identificador", "Nome completo", "Endereço de email", "Status", "Nota", "Nota máxima",
             "Nota pode ser alterada", "Última modificação (envio)", "Envios de arquivo", "Última modificação (nota)",
             "Comentários de feedback"]


# --- how Moodle writes -----------------------------------------------------------------------------------------

def moodle_date(moment, language, names="icu"):
    """``userdate()`` of a local time: the language pack's ``strftimedaydatetime``, day and 12-hour hour without
    their leading zero. ``names="libc"``: the C library's Portuguese names (``terça``, ``mar``)."""
    if language == "en":
        return format_datetime(moment, "EEEE, d MMMM y, h:mm a", locale="en")
    weekday = format_datetime(moment, "EEEE", locale="pt_BR")
    month = format_datetime(moment, "MMM", locale="pt_BR")
    if names == "libc":
        weekday, month = weekday.split("-")[0], month.rstrip(".")
    return f"{weekday}, {moment.day} {month} {moment.year}, {moment:%H:%M}"


def entry(full_name, participant, file, mode):
    """A zip entry name as Moodle writes it: ``folder3`` (3.x), ``folder4`` (4.1+) or ``flat``."""
    prefix = f"{full_name.replace('_', ' ')}_{participant}_assignsubmission_file"
    return {"folder3": f"{prefix}_/{file}", "folder4": f"{prefix}/{file}", "flat": f"{prefix}_{file}"}[mode]


def write_zip(path, entries):
    """``entries``: (name, bytes) or (name, bytes, unix mode)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, *mode in entries:
            info = zipfile.ZipInfo(name, (2025, 3, 1, 0, 0, 0))
            info.external_attr = (mode[0] if mode else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def write_worksheet(path, language, rows, names="icu"):
    """Moodle's grading worksheet: ``rows`` of (participant, full name, email, local time or None)."""
    header = EN_HEADER if language == "en" else PT_HEADER
    hidden = "Participant " if language == "en" else "Participante "
    status = "Submitted for grading" if language == "en" else "Enviado para avaliação"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for participant, name, email, moment in rows:
            when = moodle_date(moment, language, names) if moment else "-"
            writer.writerow([f"{hidden}{participant}", name, email, status, "", "12.00", "Yes", when, NB, "-", ""])
    return path


def utc(local, zone=ZONE):
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc).replace(tzinfo=None)


# --- the course ------------------------------------------------------------------------------------------------

@pytest.fixture
def course(tmp_path):
    """A course copy with its own ``tools`` (so ``python -m tools`` run there has it as its root) and a roster."""
    path = make_course(tmp_path / "course")
    (path / "tools").unlink()
    shutil.copytree(ROOT / "tools", path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    with open(path / "roster.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "name", "email"])
        writer.writerows([student, name, email] for student, name, email, *_ in STUDENTS)
    return path


def run(course, *args):
    """``python -m tools import ARGS`` on ``course``, in this process (the command's own ``main``, ROOT patched):
    (exit code, stdout, stderr). The slow test at the end runs it as its own process."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        patch.setattr("tools.course.ROOT", Path(course))
        code = main(["import", *map(str, args)])
    return code or 0, out.getvalue(), err.getvalue()


def run_process(course, *args):
    done = subprocess.run([sys.executable, "-m", "tools", "import", *map(str, args)], cwd=course,
                          capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def notebooks_of(students):
    """A distinct notebook per student (the release's, with the student's name in its metadata)."""
    release = json.loads((ROOT / "release" / EN / NB).read_text(encoding="utf-8"))
    made = {}
    for student in students:
        release["metadata"]["imported_for"] = student
        made[student] = json.dumps(release, ensure_ascii=False).encode()
    return made


def state(course):
    """Everything the import may write: the files under submitted/, the ledger, the course root's entries."""
    files = sorted(str(p.relative_to(course)) for p in (course / "submitted").rglob("*")) \
        if (course / "submitted").exists() else []
    ledger = (course / times.LEDGER).read_bytes() if (course / times.LEDGER).exists() else None
    return files, ledger, sorted(p.name for p in course.iterdir())


# --- imports ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language, mode, names", [("en", "folder3", "icu"), ("pt", "folder4", "icu"),
                                                   ("pt", "flat", "libc"), ("en", "flat", "icu")])
def test_a_moodle_download_lands_in_submitted_with_its_times(course, tmp_path, language, mode, names):
    data = notebooks_of([s[0] for s in STUDENTS])
    entries = [(entry(full, pid, NB, mode), data[student]) for student, _, _, full, pid, _ in STUDENTS]
    entries.append((f"Ana Júlia Souza_480101_assignsubmission_onlinetext_{'/' if mode != 'flat' else ''}"
                    "onlinetext.html", b"<p>hello</p>"))
    entries.append((entry("Carla Lima", "480103", "notes.pdf", mode), b"%PDF"))
    archive = write_zip(tmp_path / "download.zip", entries)
    sheet = write_worksheet(tmp_path / "worksheet.csv", language,
                            [(pid, full, email.upper() if student == "bruno" else email, moment)
                             for student, _, email, full, pid, moment in STUDENTS]
                            + [("480199", "Nobody Submitted", "nobody@example.com", None)], names)
    code, out, err = run(course, "--moodle", archive, EN, "--worksheet", sheet, "--timezone", ZONE,
                         "--roster", course / "roster.csv", "--lang", language)
    assert code == 0, (out, err)
    ledger = times.read(course)
    for student, _, _, _, _, moment in STUDENTS:
        assert (course / "submitted" / student / EN / NB).read_bytes() == data[student]
        assert ledger[EN, student].time == utc(moment)
        assert ledger[EN, student].source.startswith("moodle") and ZONE in ledger[EN, student].source
        assert f"{student} / {EN}: {times.time_text(utc(moment))}" in out
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(s[0] for s in STUDENTS)
    assert sorted(p.name for p in (course / "submitted" / "ana" / EN).iterdir()) == sorted([NB, SECRET])
    assert re.fullmatch("[0-9a-f]{128}", (course / "submitted" / "ana" / EN / SECRET).read_text())  # as submit writes
    assert "onlinetext.html" in out and "notes.pdf" in out  # not read, and said so
    assert not [p for p in course.iterdir() if p.name.startswith(".lms-import")]


def test_without_a_worksheet_names_match_the_roster_and_no_time_is_recorded(course, tmp_path):
    data = notebooks_of(["ana", "bruno"])
    archive = write_zip(tmp_path / "download.zip", [(entry("Ana Júlia Souza", "480101", NB, "folder3"), data["ana"]),
                                                    (entry("BRUNO  Carvalho", "480102", NB, "flat"), data["bruno"])])
    code, out, err = run(course, "--moodle", archive, PT)
    assert code == 0, (out, err)
    assert (course / "submitted" / "bruno" / PT / NB).read_bytes() == data["bruno"]
    assert times.read(course) == {}
    assert "no submission time recorded, so no late penalty" in out


def test_an_existing_submission_is_replaced_only_when_asked(course, tmp_path):
    old, new = notebooks_of(["old"])["old"], notebooks_of(["new"])["new"]
    pid, full, moment = STUDENTS[0][4], STUDENTS[0][3], STUDENTS[0][5]
    sheet = write_worksheet(tmp_path / "w.csv", "en", [(pid, full, STUDENTS[0][2], moment)])
    first = write_zip(tmp_path / "first.zip", [(entry(full, pid, NB, "folder3"), old)])
    assert run(course, "--moodle", first, EN, "--worksheet", sheet, "--timezone", ZONE)[0] == 0
    second = write_zip(tmp_path / "second.zip", [(entry(full, pid, NB, "folder3"), new)])
    later = write_worksheet(tmp_path / "later.csv", "en", [(pid, full, STUDENTS[0][2], moment.replace(hour=20))])
    before = state(course)
    code, _, err = run(course, "--moodle", second, EN, "--worksheet", later, "--timezone", ZONE)
    assert code == 1 and "exists already (--replace replaces it)" in err and "nothing was written" in err
    assert state(course) == before
    code, _, err = run(course, "--moodle", second, EN, "--replace")  # a new submission would keep the old time
    assert code == 1 and "the ledger holds a time" in err and state(course) == before
    code, out, err = run(course, "--moodle", second, EN, "--worksheet", later, "--timezone", ZONE, "--replace")
    assert code == 0, err
    assert (course / "submitted" / "ana" / EN / NB).read_bytes() == new
    assert times.read(course)[EN, "ana"].time == utc(moment.replace(hour=20))


def test_the_worksheet_needs_its_time_zone(course, tmp_path):
    pid, full, email, moment = STUDENTS[0][4], STUDENTS[0][3], STUDENTS[0][2], STUDENTS[0][5]
    archive = write_zip(tmp_path / "d.zip", [(entry(full, pid, NB, "flat"), notebooks_of(["ana"])["ana"])])
    sheet = write_worksheet(tmp_path / "w.csv", "en", [(pid, full, email, moment)])
    code, _, err = run(course, "--moodle", archive, EN, "--worksheet", sheet)
    assert code == 1 and "--worksheet needs --timezone" in err and not (course / "submitted").exists()
    code, _, err = run(course, "--moodle", archive, EN, "--worksheet", sheet, "--timezone", "Mars/Olympus")
    assert code == 1 and "is not a time zone" in err and not (course / "submitted").exists()


# --- refusals: nothing written ---------------------------------------------------------------------------------

def lying_zip(path, name, real, declared):
    """A zip whose headers declare ``declared`` bytes for an entry that decompresses to ``real``."""
    write_zip(path, [(name, real)])
    raw = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.index(signature)
        while raw[at + (30 if signature == b"PK\x03\x04" else 46):][:len(encoded)] != encoded:
            at = raw.index(signature, at + 1)
        raw[at + size_at:at + size_at + 4] = declared.to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    return path


EVIL = "Eve\x1b[2J\u202eEvil"


@pytest.mark.parametrize("case", ["traversal", "absolute", "symlink", "oversize", "lying header", "unknown student",
                                  "unknown participant", "duplicate student", "two notebooks", "no notebook",
                                  "renamed notebook", "stray notebook"])
def test_a_hostile_or_inconsistent_download_is_refused_whole(course, tmp_path, case):
    data = notebooks_of(["ana", "bruno"])
    good = [(entry("Ana Júlia Souza", "480101", NB, "folder3"), data["ana"])]
    rows = [(pid, full, email, moment) for _, _, email, full, pid, moment in STUDENTS]
    bruno = entry("Bruno Carvalho", "480102", NB, "folder3")
    expected = {
        "traversal": ([(f"Bruno Carvalho_480102_assignsubmission_file_/../../{NB}", data["bruno"])],
                      "goes up a folder (..)"),
        "absolute": ([(f"/tmp/{NB}", data["bruno"])], "is an absolute path"),
        "symlink": ([(bruno, b"/etc/passwd", 0o120777)], "is a symbolic link"),
        "oversize": ([(bruno, b" " * (NOTEBOOK_LIMIT + 1))], "over the 16 MiB limit"),
        "unknown student": ([(entry(EVIL, "480104", NB, "flat"), data["bruno"])], "unknown student"),
        "unknown participant": ([(entry("Bruno Carvalho", "480177", NB, "flat"), data["bruno"])],
                                "participant 480177 is not in the worksheet"),
        "duplicate student": ([(entry("Bruno Carvalho", "480102", NB, "folder3"), data["bruno"]),
                               (entry("Bruno C", "480105", NB, "flat"), data["bruno"])], "has two submissions"),
        "two notebooks": ([(bruno, data["bruno"]), (entry("Bruno Carvalho", "480102", "copy.ipynb", "folder3"),
                                                    data["bruno"])], "2 notebooks in one submission"),
        "no notebook": ([(entry("Bruno Carvalho", "480102", "answers.py", "folder3"), b"x = 1")],
                        "Bruno Carvalho (participant 480102): no notebook in the submission"),
        "renamed notebook": ([(entry("Bruno Carvalho", "480102", "regularization (1).ipynb", "folder3"),
                               data["bruno"])], f"not {NB}"),
        "stray notebook": ([(f"bruno/{NB}", data["bruno"])], "outside Moodle's naming"),
    }
    if case == "unknown student":
        rows.append(("480104", EVIL, "eve@example.com", datetime(2025, 3, 1)))
    if case == "duplicate student":
        rows.append(("480105", "Bruno C", STUDENTS[1][2], datetime(2025, 3, 1)))
    sheet = write_worksheet(tmp_path / "w.csv", "en", rows)
    if case == "lying header":
        archive = lying_zip(tmp_path / "d.zip", bruno, data["bruno"] * 3, len(data["bruno"]))
        message = "cannot be read"
    else:
        extra, message = expected[case]
        archive = write_zip(tmp_path / "d.zip", good + extra)
    before = state(course)
    code, out, err = run(course, "--moodle", archive, EN, "--worksheet", sheet, "--timezone", ZONE)
    assert code == 1, (out, err)
    assert "nothing was imported, nothing was written" in err and message in err, err
    assert "\x1b" not in err and "\u202e" not in err
    if case == "unknown student":
        assert "Eve\\x1b[2J\\u202eEvil" in err
    assert state(course) == before and not (course / "submitted").exists()


def test_too_many_entries_are_refused_before_the_directory_is_read(course, tmp_path):
    from tools import lms_import
    archive = write_zip(tmp_path / "d.zip", [(f"f{i}.txt", b"") for i in range(lms_import.MAX_ENTRIES + 1)])
    code, _, err = run(course, "--moodle", archive, EN)
    assert code == 1 and f"over the limit of {lms_import.MAX_ENTRIES} entries" in err
    assert not (course / "submitted").exists()


# --- unit: Moodle's dates --------------------------------------------------------------------------------------

def test_moodle_dates_in_both_languages_read_back_to_the_same_instant():
    from tools.lms_import import parse_moodle_time
    zone = ZoneInfo(ZONE)
    for moment in (datetime(2024, 3, 12, 22, 15), datetime(2025, 1, 5, 0, 7), datetime(2025, 12, 31, 12, 30)):
        for language, names in (("en", "icu"), ("pt", "icu"), ("pt", "libc")):
            assert parse_moodle_time(moodle_date(moment, language, names), zone) == (utc(moment), False)
    assert parse_moodle_time("-", zone) == (None, False)
    wrong_day = moodle_date(datetime(2024, 3, 12, 22, 15), "en").replace("Tuesday", "Monday")
    for text in (wrong_day, "12/03/2024 22:15", "Tuesday, 12 Smarch 2024, 10:15 PM",
                 "Tuesday, 12 March 2024, 13:15 PM"):
        with pytest.raises(ValueError):
            parse_moodle_time(text, zone)
    new_york = ZoneInfo("America/New_York")  # 2024-11-03 01:30 happens twice there, 2024-03-10 02:30 never
    assert parse_moodle_time(moodle_date(datetime(2024, 11, 3, 1, 30), "en"), new_york) == \
        (utc(datetime(2024, 11, 3, 1, 30), "America/New_York"), True)
    with pytest.raises(ValueError, match="does not exist"):
        parse_moodle_time(moodle_date(datetime(2024, 3, 10, 2, 30), "en"), new_york)


# --- grading an imported submission ----------------------------------------------------------------------------

@pytest.mark.slow
def test_an_imported_late_submission_gets_its_late_penalty(course, tmp_path):
    from nbgrader.api import Gradebook

    from tools import notebooks
    from tools.grading.gradebook import db_url
    from tools.nbgrader_run import release
    from tools.submissions import fill
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    release(course, [EN])
    due = datetime(2025, 3, 1, 3, 0)  # UTC: 2025-03-01 00:00 in São Paulo
    with Gradebook(db_url(course)) as gb:
        gb.update_or_create_assignment(EN, duedate=due)
    correct = notebooks.read(course / "release" / EN / NB)
    correct = fill(correct, notebooks.read(course / "source" / EN / NB))
    path = tmp_path / NB
    notebooks.write(correct, path)
    late, on_time = STUDENTS[0], STUDENTS[1]  # ana 2025-03-01 09:05 local: late; bruno 2025-02-28 23:59: on time
    archive = write_zip(tmp_path / "d.zip", [(entry(s[3], s[4], NB, "folder4"), path.read_bytes())
                                             for s in (late, on_time)])
    sheet = write_worksheet(tmp_path / "w.csv", "pt", [(s[4], s[3], s[2], s[5]) for s in (late, on_time)])
    assert run_process(course, "--moodle", archive, EN, "--worksheet", sheet, "--timezone", ZONE)[0] == 0
    done = subprocess.run([sys.executable, "-m", "tools", "grade", EN, "--jobs", "2"], cwd=course,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    with Gradebook(db_url(course)) as gb:
        rows = {s.student.id: s for s in gb.assignment_submissions(EN)}
        for student, moment in (("ana", late[5]), ("bruno", on_time[5])):
            submission = rows[student]
            assert submission.timestamp == utc(moment)
            seconds_late = max(0.0, (utc(moment) - due).total_seconds())
            assert submission.total_seconds_late == seconds_late
            assert submission.late_submission_penalty == (submission.score if seconds_late else 0.0)
        assert rows["ana"].score > 0 and rows["ana"].late_submission_penalty == rows["ana"].score
