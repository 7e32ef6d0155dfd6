"""Late submissions: due dates in the gradebook, and a penalty per day (or hour) late with a cap.

Due dates
    nbgrader's own: the ``duedate`` of each assignment in the course gradebook. ``python -m tools due <name>
    "<date time offset>"`` sets it for ``<name>_en`` and ``<name>_pt`` at once (:func:`set_due`), or for one id;
    ``--clear`` removes it, ``--list`` shows them. A time is written with its offset (``2027-04-10 23:59 -03:00``,
    ``... UTC``) and stored as nbgrader stores it, in UTC. Setting one before the assignment is released creates
    the assignment in the gradebook; ``nbgrader generate_assignment`` (``python -m tools release``) then adds its
    notebooks and keeps the due date (it updates an existing assignment with no new fields).

The penalty
    :class:`PerPeriodPenalty`, an nbgrader ``LateSubmissionPlugin`` (``c.AssignLatePenalties.plugin_class`` in
    ``nbgrader_config.py``). nbgrader calls it once per notebook with the notebook's score (the points the
    notebook earned, auto and manual grades together, before any penalty) and how many seconds late the
    submission is (from the submission time and the due date, extensions included). It returns, in points::

        periods = ceil((seconds late) / (86400 for "day", 3600 for "hour"))    # a started day counts
        percent = min(periods * percent_per_period, cap_percent)
        penalty = score * percent / 100                                        # never above the score

    A submission at most ``grace_minutes`` late gets none; a later one is counted from the due date, not from
    the end of the grace period. nbgrader's methods stay reachable: ``penalty_method = "none"`` (no penalty) or
    ``"zero"`` (the whole score), and with ``percent_per_period = 0`` (the course's default) the plugin is
    nbgrader's own default, no penalty.

    The penalty is computed when a submission is graded: a due date or a setting changed later applies to a
    submission once it is graded again (``python -m tools grade``). A manual grade given afterwards in the
    formgrader changes the score, not the penalty (nbgrader keeps the points it recorded).

The feedback page says how late and what it cost, in the notebook's language (:func:`terms`,
:mod:`.feedback_page`).
"""
import math
import os
import sys
from pathlib import Path

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Enum, Float

PERIOD_SECONDS = {"day": 24 * 3600, "hour": 3600}


class PerPeriodPenalty(LateSubmissionPlugin):
    """A percentage of the notebook's points per started day (or hour) late, up to a cap, after a grace period."""

    penalty_method = Enum(
        ("per_period", "none", "zero"), default_value="per_period",
        help='"per_period": percent_per_period of the points per started period late, at most cap_percent; '
             'nbgrader\'s own "none" (no penalty) and "zero" (the whole score).',
    ).tag(config=True)
    percent_per_period = Float(
        0.0, min=0.0, max=100.0,
        help="Percent of the points the notebook earned (its score, before the penalty) taken per started period "
             "late; 0: no penalty.",
    ).tag(config=True)
    period = Enum(("day", "hour"), default_value="day",
                  help='The period counted: "day" (24 hours) or "hour"; a started period counts whole.',
                  ).tag(config=True)
    cap_percent = Float(100.0, min=0.0, max=100.0,
                        help="The most a late submission loses, in percent of its points.").tag(config=True)
    grace_minutes = Float(0.0, min=0.0,
                          help="A submission at most this many minutes late gets no penalty; a later one is "
                               "counted from the due date.").tag(config=True)

    @property
    def per_period(self):
        """True when this plugin applies its own rule (not one of nbgrader's methods, not a zero percentage)."""
        return self.penalty_method == "per_period" and self.percent_per_period > 0

    def periods(self, seconds_late):
        """Started periods in ``seconds_late`` (0 when on time or within the grace period)."""
        if seconds_late <= 0 or seconds_late <= self.grace_minutes * 60:
            return 0
        return math.ceil(seconds_late / PERIOD_SECONDS[self.period])

    def percent(self, seconds_late):
        """The percentage of the points taken for ``seconds_late`` (capped)."""
        return min(self.periods(seconds_late) * self.percent_per_period, self.cap_percent)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        """The penalty in points for a notebook that earned ``score`` and is ``total_seconds_late`` late."""
        if not self.per_period:  # nbgrader's methods: "none", "zero" (and no percentage: nothing)
            return super().late_submission_penalty(student_id, score, total_seconds_late)
        score = max(float(score or 0), 0.0)
        return min(round(score * self.percent(total_seconds_late) / 100, 6), score)

    def terms(self, total_seconds_late):
        """What the feedback says of a submission ``total_seconds_late`` late: a dict (``periods``, ``period``,
        ``percent`` taken, ``percent_per_period``, ``cap_percent``, ``grace_minutes``, ``minutes`` late,
        ``within_grace``), or None when this plugin applies no rule of its own or the submission is on time."""
        if not self.per_period or total_seconds_late <= 0:
            return None
        return {"periods": self.periods(total_seconds_late), "period": self.period,
                "percent": self.percent(total_seconds_late), "percent_per_period": self.percent_per_period,
                "cap_percent": self.cap_percent, "grace_minutes": self.grace_minutes,
                "minutes": math.ceil(total_seconds_late / 60),
                "within_grace": total_seconds_late <= self.grace_minutes * 60}


def course_plugin(config):
    """The late-penalty plugin the course's configuration chooses (``AssignLatePenalties.plugin_class``), set up
    as nbgrader's ``AssignLatePenalties`` sets it up."""
    from nbgrader.preprocessors import AssignLatePenalties
    step = AssignLatePenalties(config=config)
    step.init_plugin()
    return step.plugin_inst


def terms(config, total_seconds_late):
    """:meth:`PerPeriodPenalty.terms` of the course's plugin, or None for any other plugin or method."""
    plugin = course_plugin(config)
    return plugin.terms(total_seconds_late) if isinstance(plugin, PerPeriodPenalty) else None


# --- due dates ---------------------------------------------------------------------------------------------------

EXAMPLE = "2027-04-10 23:59 -03:00"


class DueError(ValueError):
    """A due date that cannot be set: an unknown assignment or a time without its offset (the key of the
    instructor's text and its fields)."""

    def __init__(self, key, **fields):
        super().__init__(key)
        self.key, self.fields = key, fields


def due_ids(name):
    """``regularization`` -> both languages' ids; a full id (``regularization_pt``) -> itself.

    Raises
    ------
    DueError
        when ``name`` is neither an assignment nor an assignment id of the course.
    """
    from ..course import ASSIGNMENTS, LANGUAGES, assignment_ids
    if name in ASSIGNMENTS:
        return [ASSIGNMENTS[name].folder(language) for language in LANGUAGES]
    if name in assignment_ids():
        return [name]
    raise DueError("due/unknown", name=name, names=", ".join(ASSIGNMENTS))


def due_time(text):
    """``"2027-04-10 23:59 -03:00"`` -> naive UTC datetime (:func:`.times.parse_time`).

    Raises
    ------
    DueError
        when ``text`` has no offset or is not a time (the message shows how to write one).
    """
    from .times import LedgerError, parse_time
    try:
        return parse_time(text)
    except LedgerError:
        raise DueError("due/naive", time=text, example=EXAMPLE) from None


def _gradebook(course):
    from nbgrader.api import Gradebook
    from nbgrader.coursedir import CourseDirectory

    from .gradebook import load_config
    config = load_config(course)
    coursedir = CourseDirectory(config=config)
    # a new gradebook asks the `alembic` command for its schema version: this interpreter's scripts first on PATH
    # (as tools.nbgrader_run does for nbgrader's commands), for that moment only
    path = os.environ.get("PATH")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), path or ""])
    try:
        return Gradebook(coursedir.db_url, coursedir.course_id)
    finally:
        if path is None:
            os.environ.pop("PATH", None)
        else:
            os.environ["PATH"] = path


def set_due(course, ids, moment):
    """Set (``moment``: naive UTC datetime) or clear (None) the due date of ``ids`` in the course gradebook; an
    assignment not yet released is created there (its release adds its notebooks). Returns, per id, how many
    submissions of it the gradebook holds (they keep their penalty until they are graded again)."""
    from nbgrader.api import MissingEntry
    with _gradebook(course) as gb:
        graded = {}
        for assignment_id in ids:
            try:
                gb.find_assignment(assignment_id)
            except MissingEntry:
                if moment is None:  # nothing to clear
                    graded[assignment_id] = 0
                    continue
            gb.update_or_create_assignment(assignment_id, duedate=moment)
            graded[assignment_id] = len(gb.find_assignment(assignment_id).submissions)
        return graded


def due_dates(course):
    """Every assignment id of the course -> its due date (naive UTC datetime) or None."""
    from nbgrader.api import MissingEntry

    from ..course import assignment_ids
    found = {}
    with _gradebook(course) as gb:
        for assignment_id in assignment_ids():
            try:
                found[assignment_id] = gb.find_assignment(assignment_id).duedate
            except MissingEntry:
                found[assignment_id] = None
    return found
