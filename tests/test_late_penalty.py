"""Late penalties an instructor sets in one place (issue 26).

* the course's plugin (``tools/grading/late.py``'s ``PerPeriodPenalty``): a percentage of the points the notebook
  earned per started day (or hour) late, at most a cap, none within a grace period, never above the score, and
  nbgrader's own methods ("none", "zero") still reachable; the expected values are computed from the inputs;
* ``python -m tools due``: one due date for both languages of an assignment (or one id), listed, cleared, a time
  without its offset refused, set before or after the release, which keeps it;
* the feedback page says how late and what it cost, in the notebook's language, escaped;
* end to end on a course copy: ``due``, ``times set`` and ``grade``: the per-day penalty in ``grades.csv`` and on
  the Portuguese and English feedback pages.
"""
import csv
import math
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from nbgrader.api import Gradebook
from nbgrader.plugins import LateSubmissionPlugin
from traitlets import TraitError
from traitlets.config import Config

from tools import notebooks
from tools.course import ASSIGNMENTS, ROOT
from tools.grading import feedback_page, late, messages
from tools.grading.gradebook import db_url, load_config
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

from test_submission_times import at, run  # noqa: F401 (at: a fixture)

A = ASSIGNMENTS["regularization"]
EN, PT, NB = A.folder("en"), A.folder("pt"), A.notebook
DAY, HOUR = 24 * 3600, 3600


def plugin(**settings):
    """The course's plugin as nbgrader's AssignLatePenalties sets it up, with ``settings`` (PerPeriodPenalty's
    traits) over the course's configuration."""
    config = load_config(ROOT)
    for name, value in settings.items():
        setattr(config.PerPeriodPenalty, name, value)
    return late.course_plugin(config)


def expected(score, seconds, percent, cap=100.0, period=DAY, grace_minutes=0.0):
    """The rule, from the inputs: every started period costs ``percent`` % of ``score``, at most ``cap`` %."""
    if seconds <= grace_minutes * 60:
        return 0.0
    return score * min(math.ceil(seconds / period) * percent, cap) / 100


# --- the plugin's arithmetic -------------------------------------------------------------------------------------

def test_the_course_default_is_no_penalty():
    step = plugin()
    assert isinstance(step, late.PerPeriodPenalty) and step.percent_per_period == 0 and step.cap_percent == 100
    assert step.late_submission_penalty("ana", 12.0, 30 * DAY) is None  # nbgrader's "none": no penalty recorded
    assert late.terms(load_config(ROOT), 30 * DAY) is None  # and nothing said on the feedback page


@pytest.mark.parametrize("seconds", [1, HOUR, DAY - 1, DAY, DAY + 1, 2 * DAY + 5, 4 * DAY, 5 * DAY + 1, 40 * DAY])
@pytest.mark.parametrize("score", [12.0, 7.5, 0.0])
def test_a_started_day_counts_up_to_the_cap(seconds, score):
    step = plugin(percent_per_period=10, cap_percent=45)
    penalty = step.late_submission_penalty("ana", score, seconds)
    assert penalty == pytest.approx(expected(score, seconds, 10, 45))
    assert 0 <= penalty <= score * 0.45 + 1e-9


@pytest.mark.parametrize("seconds", [1, HOUR - 1, HOUR, HOUR + 1, 7 * HOUR + 30, 30 * HOUR])
def test_per_hour(seconds):
    step = plugin(percent_per_period=2.5, period="hour", cap_percent=50)
    assert step.late_submission_penalty("ana", 8.0, seconds) == pytest.approx(
        expected(8.0, seconds, 2.5, 50, period=HOUR))


def test_never_above_the_score_and_nothing_when_on_time():
    step = plugin(percent_per_period=60)  # no cap: 100 %
    for seconds in (DAY, 2 * DAY, 10 * DAY):
        assert step.late_submission_penalty("ana", 12.0, seconds) == min(12.0, expected(12.0, seconds, 60))
    assert step.late_submission_penalty("ana", 12.0, 10 * DAY) == 12.0
    assert step.late_submission_penalty("ana", 12.0, 0) == 0.0
    assert step.late_submission_penalty("ana", 0.0, 3 * DAY) == 0.0
    assert step.periods(0) == 0 and step.percent(0) == 0


def test_a_grace_period_forgives_a_few_minutes_then_counts_from_the_due_date():
    step = plugin(percent_per_period=10, grace_minutes=15)
    for seconds in (60, 15 * 60):
        assert step.late_submission_penalty("ana", 12.0, seconds) == 0.0
        assert step.terms(seconds)["within_grace"]
    for seconds in (15 * 60 + 1, DAY + 60):
        assert step.late_submission_penalty("ana", 12.0, seconds) == pytest.approx(
            expected(12.0, seconds, 10, grace_minutes=15))
        assert not step.terms(seconds)["within_grace"]


def test_nbgraders_methods_stay_reachable():
    assert plugin(percent_per_period=10, penalty_method="zero").late_submission_penalty("ana", 12.0, 60) == 12.0
    assert plugin(percent_per_period=10, penalty_method="none").late_submission_penalty("ana", 12.0, DAY) is None
    assert plugin(percent_per_period=10, penalty_method="zero").terms(DAY) is None  # no terms of its own
    config = load_config(ROOT)
    config.LateSubmissionPlugin.penalty_method = "zero"  # nbgrader's documented setting reaches the subclass
    assert late.course_plugin(config).late_submission_penalty("ana", 12.0, 60) == 12.0
    config = load_config(ROOT)
    config.AssignLatePenalties.plugin_class = LateSubmissionPlugin  # nbgrader's own plugin, back
    assert type(late.course_plugin(config)) is LateSubmissionPlugin and late.terms(config, DAY) is None


@pytest.mark.parametrize("settings", [{"percent_per_period": -1}, {"percent_per_period": 101},
                                      {"cap_percent": 150}, {"period": "week"}, {"grace_minutes": -5}])
def test_impossible_settings_are_refused(settings):
    config = Config()
    for name, value in settings.items():
        setattr(config.PerPeriodPenalty, name, value)
    with pytest.raises(TraitError):
        late.PerPeriodPenalty(config=config)


# --- what the student reads ----------------------------------------------------------------------------------------

def test_the_sentence_in_each_language():
    step = plugin(percent_per_period=10, cap_percent=50)
    two_days = step.terms(DAY + 1)
    points = {"en": "2.4 points", "pt": "2,4 pontos"}
    assert messages.late(two_days, points["en"], "en") == \
        "Submitted 2 days late: \u221220 % of the points (cap 50 %), that is \u22122.4 points."
    assert messages.late(two_days, points["pt"], "pt") == \
        "Entregue com 2 dias de atraso: \u221220 % dos pontos (limite de 50 %), ou seja, \u22122,4 pontos."
    one_hour = plugin(percent_per_period=2.5, period="hour").terms(60)  # no cap: not mentioned
    assert messages.late(one_hour, "0.2 points", "en") == \
        "Submitted 1 hour late: \u22122.5 % of the points, that is \u22120.2 points."
    assert messages.late(one_hour, "0,2 ponto", "pt") == \
        "Entregue com 1 hora de atraso: \u22122,5 % dos pontos, ou seja, \u22120,2 ponto."
    capped = step.terms(9 * DAY)
    assert messages.late(capped, "6 pontos", "pt").startswith("Entregue com 9 dias de atraso: \u221250 % dos pontos")
    grace = plugin(percent_per_period=10, grace_minutes=15).terms(7 * 60 + 1)
    assert messages.late(grace, "0 points", "en") == \
        "Submitted 8 minutes after the due date, within the grace period of 15 minutes: no penalty."
    assert messages.late(grace, "0 ponto", "pt") == \
        "Entregue 8 minutos depois do prazo, dentro da tolerância de 15 minutos: sem penalidade."


@pytest.mark.parametrize("language", ("pt", "en"))
def test_the_feedback_page_says_it_escaped_in_the_notebooks_language(language, monkeypatch):
    """The course's exporter on a made-up notebook (tests/test_feedback_page.py's), its submission 2 days late."""
    from test_feedback_page import HOSTILE, made_up_page
    step = plugin(percent_per_period=10, cap_percent=50)
    monkeypatch.setattr(feedback_page.LocalizedFeedbackPage, "late_terms", lambda self, resources: step.terms(DAY + 1))
    html, soup = made_up_page(language, late_penalty=0.5)
    line = " ".join(soup.select_one(".late-penalty").get_text(" ").split())
    assert line == {"pt": "Entregue com 2 dias de atraso: \u221220 % dos pontos (limite de 50 %), ou seja, "
                          "\u22120,5 ponto.",
                    "en": "Submitted 2 days late: \u221220 % of the points (cap 50 %), that is \u22120.5 points."}[
        language]
    assert soup.select_one(".late-penalty").find(True) is None and HOSTILE not in html  # text only, escaped
    assert "white-space: pre-wrap; overflow-wrap: anywhere" in html  # the grader's messages wrap


# --- the due command -----------------------------------------------------------------------------------------------

def due_dates(course):
    with Gradebook(db_url(course)) as gb:
        return {a.name: a.duedate for a in gb.assignments}


@pytest.mark.slow
def test_due_dates_for_both_languages_before_and_after_the_release(tmp_path, at):
    course = make_course(tmp_path / "course", with_release=False)
    at(course)
    code, out, err = run("due", "regularization", "2027-04-10 23:59 -03:00")  # no gradebook yet: nbgrader's made
    due = datetime(2027, 4, 11, 2, 59)
    assert code == 0 and out.splitlines() == [f"{EN}: due 2027-04-11 02:59:00 UTC",
                                              f"{PT}: due 2027-04-11 02:59:00 UTC"], err
    assert due_dates(course) == {EN: due, PT: due}
    code, out, _ = run("due", "--list")
    listed = dict(line.split("\t") for line in out.splitlines())
    assert code == 0 and set(listed) == {a.folder(lang) for a in ASSIGNMENTS.values() for lang in ("en", "pt")}
    assert listed[EN] == listed[PT] == "2027-04-11 02:59:00 UTC" and listed["deep_nn_en"] == "no due date"

    release(course, [EN, PT])  # what `python -m tools release` runs: nbgrader generate_assignment, on this course
    with Gradebook(db_url(course)) as gb:
        assert gb.find_assignment(EN).duedate == due and [nb.name for nb in gb.find_assignment(PT).notebooks]
    code, out, _ = run("due", PT, "2027-04-17 12:00 UTC")  # one id, after the release
    assert code == 0 and out.splitlines() == [f"{PT}: due 2027-04-17 12:00:00 UTC"]
    release(course, [PT])  # released again (--force): kept
    assert due_dates(course) == {EN: due, PT: datetime(2027, 4, 17, 12)}

    for wrong in ("2027-04-10 23:59", "next friday"):  # no offset: refused with how to write one, nothing changed
        code, out, err = run("due", "regularization", wrong)
        assert code == 2 and not out and f"{wrong!r} is not a date and time with its UTC offset" in err
        assert "'2027-04-10 23:59 -03:00'" in err
    code, _, err = run("due", "homework", "2027-04-10 23:59 UTC")
    assert code == 2 and "'homework' is not an assignment of the course" in err
    for usage in (["due", "regularization"], ["due", "regularization", "2027-04-10 23:59 UTC", "--clear"],
                  ["due", "--list", "regularization"]):
        assert run(*usage)[0] == 2
    assert due_dates(course) == {EN: due, PT: datetime(2027, 4, 17, 12)}

    code, out, _ = run("due", "regularization", "--clear")
    assert code == 0 and out.splitlines() == [f"{EN}: no due date", f"{PT}: no due date"]
    assert due_dates(course) == {EN: None, PT: None}
    assert run("due", "deep_nn", "--clear")[0] == 0 and "deep_nn_en" not in due_dates(course)  # nothing created


# --- end to end: due, times set, grade -----------------------------------------------------------------------------

PERCENT, CAP = 10, 50
DUE = "2026-05-04 23:59 -03:00"
DUE_UTC = datetime(2026, 5, 5, 2, 59)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with 10 % a day, at most 50 %: regularization due DUE in both languages (``due``); ``ana`` hands in
    both 1 day 2 hours late (``times set``: counted as 2 days), ``bruno`` the English one on time; ``grade``."""
    course = make_course(tmp_path_factory.mktemp("late") / "course", with_release=False)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.PerPeriodPenalty.percent_per_period = {PERCENT}\nc.PerPeriodPenalty.cap_percent = {CAP}\n")
    release(course, [EN, PT])
    late_by = timedelta(days=1, hours=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tools.course.ROOT", course)
        assert run("due", "regularization", DUE)[0] == 0
        correct = {folder: fill(notebooks.read(course / "release" / folder / NB),
                                notebooks.read(course / "source" / folder / NB)) for folder in (EN, PT)}
        for folder in (EN, PT):
            notebooks.write(correct[folder], course / "submitted" / "ana" / folder / NB)
            moment = (DUE_UTC + late_by).strftime("%Y-%m-%d %H:%M UTC")
            assert run("times", "set", folder, "ana", moment)[0] == 0
        notebooks.write(correct[EN], course / "submitted" / "bruno" / EN / NB)
        assert run("times", "set", EN, "bruno", "2026-05-04 20:00 -03:00")[0] == 0
        code, printed, err = run("grade", "--jobs", "2")
    assert code == 0, (printed, err)
    return course, late_by.total_seconds(), printed


def feedback_line(course, student, folder):
    page = (course / "feedback" / student / folder / NB.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    line = BeautifulSoup(page, "html.parser").select_one(".late-penalty")
    return None if line is None else " ".join(line.get_text(" ").split())


@pytest.mark.slow
def test_a_late_submission_gets_the_per_day_penalty_in_grades_csv_and_its_feedback(graded):
    """One test on the graded course (a second one would grade it again on another xdist worker)."""
    course, seconds, printed = graded
    with open(course / "grades.csv", encoding="utf-8", newline="") as handle:
        rows = {(row["assignment"], row["student_id"]): row for row in csv.DictReader(handle)}
    for folder in (EN, PT):
        row = rows[folder, "ana"]
        raw = float(row["raw_score"])
        penalty = expected(raw, seconds, PERCENT, CAP)  # 2 started days: 20 %
        assert raw > 0 and float(row["late_submission_penalty"]) == pytest.approx(penalty), (row, printed)
        assert float(row["score"]) == pytest.approx(raw - penalty)
    bruno = rows[EN, "bruno"]
    assert float(bruno["late_submission_penalty"]) == 0 and bruno["score"] == bruno["raw_score"]

    # the feedback says it in the student's language
    with Gradebook(db_url(course)) as gb:
        penalty = {folder: gb.find_submission(folder, "ana").late_submission_penalty for folder in (EN, PT)}
    assert feedback_line(course, "ana", PT) == (
        f"Entregue com 2 dias de atraso: \u221220 % dos pontos (limite de 50 %), ou seja, "
        f"\u2212{feedback_page.number(penalty[PT], 'pt')} {feedback_page.unit(penalty[PT], 'pt')}.")
    assert feedback_line(course, "ana", EN) == (
        f"Submitted 2 days late: \u221220 % of the points (cap 50 %), that is "
        f"\u2212{feedback_page.number(penalty[EN], 'en')} {feedback_page.unit(penalty[EN], 'en')}.")
    assert "," in feedback_page.number(penalty[PT], "pt") or float(penalty[PT]).is_integer()
    assert feedback_line(course, "bruno", EN) is None  # on time: nothing said
    ana = [line for line in printed.splitlines() if line.split()[:1] == ["ana"]]  # the instructor's table
    assert ana and all("(late: -" in line for line in ana), printed
