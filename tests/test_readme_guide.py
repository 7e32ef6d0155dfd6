"""The README's semester guide, run: every command of it, in English and in Portuguese, in a copy of the course.

The guide (README.md, "A semester, step by step" and "Um semestre, passo a passo") marks each of its shell blocks
with an HTML comment that says who runs it: ``<!-- guide: instructor -->`` (at the course root),
``<!-- guide: student NAME -->`` (in that student's home folder) or ``<!-- guide: elsewhere TEST_FILE -->`` (a
command that rewrites the repository or starts a server, run by that test file instead). A shell block without a
mark fails the test, so that no command of the guide escapes it. The two guides must give the same commands.

The English guide is run on ``regularization_en`` and the Portuguese one on ``regularization_pt``, each in a
fresh course folder (``tools/`` copied, so that ``python -m tools`` works on that folder and never on this
repository). What the test changes, and why:

- ``/srv/nbgrader/exchange`` and ``/etc/jupyter`` become temporary folders (``JUPYTER_CONFIG_PATH`` points at the
  second one) and ``sudo`` is dropped: the test writes nothing outside its folders;
- the due date becomes tomorrow, so that a submission made now is on time on any day the test runs;
- the test is one unix user, so a student's ``nbgrader`` commands get ``--student=NAME``, nbgrader's own way of
  naming the student;
- ``pip install -r requirements.txt`` would need the network: instead, every requirement must be installed here
  at its pinned version;
- between ``fetch_assignment`` and ``submit`` the student solves the notebook: the test copies in a notebook of
  the sample class (the full-marks student's); the Moodle student's work comes in a zip built like Moodle's
  *Download all submissions*, with its grading worksheet, whose time for the student is two days after the due
  date.
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path

import pytest

from tools import notebooks
from tools.course import ROOT
from tools.nbgrader_run import make_course
from tools.sample_class import SAMPLE, STUDENTS

pytestmark = pytest.mark.slow

GUIDES = {"en": ("## A semester, step by step", "## More"), "pt": ("## Um semestre, passo a passo", None)}
MARK = re.compile(r"<!-- guide: (instructor|student \w+|elsewhere \S+) -->\s*\n\s*```bash\n(.*?)```", re.S)
BLOCK = re.compile(r"```bash\n")
EXAMPLE = "regularization_pt"
DUE = '"2027-04-10 23:59 -03:00"'
NOTEBOOK = "regularization.ipynb"


def guide(language):
    """The README's guide in ``language``: its text between its heading and the next one named in GUIDES."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = GUIDES[language]
    text = text[text.index(start):]
    return text[:text.index(end)] if end else text


def blocks(language):
    """The guide's shell blocks in order: (who, [command lines]), comment lines and blank lines dropped."""
    text = guide(language)
    marked = [(who, [line.split("  #")[0].strip() for line in body.splitlines()
                     if line.strip() and not line.strip().startswith("#")])
              for who, body in MARK.findall(text)]
    assert len(marked) == len(BLOCK.findall(text)), f"a shell block of the {language} guide has no <!-- guide: --> mark"
    return marked


def test_every_block_is_marked_and_both_guides_give_the_same_commands():
    english, portuguese = blocks("en"), blocks("pt")
    assert english == portuguese
    for who, _ in english:
        if who.startswith("elsewhere"):
            assert (ROOT / who.split()[1]).is_file(), who


def moodle_zip(path, notebook, participant, name):
    """A zip as Moodle's *Download all submissions* writes it (one folder per submission)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}_{participant}_assignsubmission_file_/{NOTEBOOK}", notebook)


def moodle_worksheet(path, participant, name, email, moment):
    """Moodle's grading worksheet (English), the submission's time in Moodle's format, in São Paulo's time."""
    local = moment.astimezone(timezone(timedelta(hours=-3)))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade",
                         "Grade can be changed", "Last modified (submission)", "Last modified (grade)",
                         "Feedback comments"])
        writer.writerow([f"Participant {participant}", name, email, "Submitted for grading", "", "12.00", "Yes",
                         local.strftime("%A, %-d %B %Y, %-I:%M %p"), "-", ""])


def check_requirements(folder):
    """What ``pip install -r requirements.txt`` would install is installed here, at the same versions."""
    for line in (folder / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            assert metadata.version(name) == version, line


class Term:
    """One course folder, its exchange and its students' homes; ``run`` runs one line of the guide."""

    def __init__(self, base, assignment_id, due):
        self.course = base / "course"
        shutil.copytree(ROOT / "tools", self.course / "tools", ignore=shutil.ignore_patterns("__pycache__"))
        make_course(self.course)
        (self.course / "utils").symlink_to(ROOT / "utils", target_is_directory=True)
        shutil.copy(ROOT / "Makefile", self.course / "Makefile")
        shutil.copy(ROOT / "examples" / "roster.csv", self.course / "roster.csv")  # the instructor's roster
        self.exchange, self.etc = base / "exchange", base / "etc-jupyter"
        self.homes = base / "home"
        self.assignment_id, self.due = assignment_id, due
        self.env = {**os.environ, "JUPYTER_CONFIG_PATH": str(self.etc), "PATH": f"{Path(sys.executable).parent}:"
                    f"{os.environ['PATH']}", "PYTHONDONTWRITEBYTECODE": "1"}
        self.cwd = {}
        self.printed = []

    def line(self, text):
        text = text.replace("/srv/nbgrader/exchange", str(self.exchange)).replace("/etc/jupyter", str(self.etc))
        text = text.replace("sudo ", "").replace(DUE, f'"{self.due}"')
        return text.replace(EXAMPLE, self.assignment_id)

    def home(self, student):
        home = self.homes / student
        home.mkdir(parents=True, exist_ok=True)
        return self.cwd.setdefault(student, home)

    def run(self, who, text):
        text = self.line(text)
        if who == "instructor":
            cwd, env = self.course, self.env
        else:
            student = who.split()[1]
            cwd, env = self.home(student), {**self.env, "HOME": str(self.homes / student)}
            if text.startswith("nbgrader "):
                text += f" --student={student}"
            if text.startswith("nbgrader submit"):
                self.solve(student)
            if text.startswith("python -m pip install -r"):
                return check_requirements(cwd)
            if text.startswith("unzip") or text.startswith("python -m zipfile -e"):
                shutil.copy(self.course / f"{self.assignment_id}.zip", cwd)
        commands = text.split(" && ")
        for command in commands:
            if command.startswith("cd "):
                self.cwd[who.split()[1]] = cwd = cwd / command[3:]
                continue
            done = subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
            self.printed.append((command, done.stdout, done.stderr))
            assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"

    def solve(self, student):
        """The student's work: the sample class's full-marks notebook in place of the fetched one."""
        language = self.assignment_id.rsplit("_", 1)[1]
        full = SAMPLE / STUDENTS[language][0] / self.assignment_id / NOTEBOOK
        shutil.copy(full, self.home(student) / self.assignment_id / NOTEBOOK)


def gradebook_rows(course):
    with open(course / "grades.csv", encoding="utf-8") as handle:
        return {(row["assignment"], row["student_id"]): row for row in csv.DictReader(handle)}


@pytest.mark.parametrize("language", ["en", "pt"])
def test_the_guide_runs_a_semester(tmp_path, language):
    assignment_id = f"regularization_{language}"
    now = datetime.now(timezone.utc)
    due = (now + timedelta(days=1)).replace(microsecond=0)
    term = Term(tmp_path, assignment_id, due.strftime("%Y-%m-%d %H:%M:%S +00:00"))
    steps = blocks(language)
    moodle_student = [who for who, _ in steps if who.startswith("student") and who != "student joana"][0].split()[1]
    roster = {row["student_id"]: row for row in csv.DictReader(open(term.course / "roster.csv", encoding="utf-8"))}
    late = due + timedelta(days=2, hours=1)
    mistaken = SAMPLE / STUDENTS[language][1] / assignment_id / NOTEBOOK  # the sample class's typical mistakes
    for who, lines in steps:
        if who.startswith("elsewhere"):
            continue
        if any("tools import --moodle" in line for line in lines):  # what the instructor downloaded from Moodle
            person = roster[moodle_student]
            moodle_zip(term.course / "submissions.zip", mistaken.read_bytes(), "4810", person["name"])
            moodle_worksheet(term.course / "worksheet.csv", "4810", person["name"], person["email"], late)
        for line in lines:
            term.run(who, line)

    course = term.course
    rows = gradebook_rows(course)
    joana, moodle = rows[assignment_id, "joana"], rows[assignment_id, moodle_student]
    assert float(joana["raw_score"]) == float(joana["max_score"]) == float(joana["score"])  # on time, full marks
    assert float(joana["late_submission_penalty"]) == 0
    # two days and an hour late by Moodle's time: three started days, at the guide's percentage and cap
    setting = {name: float(value)
               for name, value in re.findall(r"PerPeriodPenalty\.(\w+) = ([\d.]+)", guide(language))}
    percent = min(3 * setting["percent_per_period"], setting["cap_percent"])
    assert float(moodle["late_submission_penalty"]) == pytest.approx(float(moodle["raw_score"]) * percent / 100)
    assert 0 < percent < 100
    assert float(moodle["score"]) == max(0.0, float(moodle["raw_score"]) - float(moodle["late_submission_penalty"]))
    page = (course / "feedback" / moodle_student / assignment_id / NOTEBOOK.replace(".ipynb", ".html")).read_text()
    assert ("3 dias de atraso" if language == "pt" else "3 days late") in page  # told in the notebook's language
    # the feedback came back to joana through the exchange
    fetched = list((term.homes / "joana" / assignment_id / "feedback").glob(f"*/{NOTEBOOK.replace('.ipynb', '.html')}"))
    assert len(fetched) == 1
    # the LMS file has both students, the late one with the penalty taken off
    with open(course / "moodle.csv", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    column = table[0].index("regularization")
    scores = {row[0]: row[column] for row in table[1:]}
    assert float(scores[roster["joana"]["email"]]) == float(joana["score"])
    assert float(scores[roster[moodle_student]["email"]]) == float(moodle["score"])
    assert notebooks.read(course / "submitted" / moodle_student / assignment_id / NOTEBOOK)  # imported as a notebook

