"""One time limit per function: ``JailedExecute.timeout`` holds for a graded function wherever it runs.

The Referee's checks take the limit of the kernel's cells from the same configuration (``Referee.timeout`` can only
lower it), and running out of it costs the same on both sides: the function scores 0 on all its test cells,
visible and hidden, and nothing else. Tested through the instructors' command, ``python -m tools grade``, on a
course copy whose ``nbgrader_config.py`` sets a 5 s limit: one student's first graded function sleeps 15 s (3x the
limit) on every call, another's sleeps only in the notebook's kernel (outside it, in the Referee's check, it is
fast: the case of issue 26, where it kept its hidden points), a third submits the solution. Initialization is the
assignment: its cells take well under a second and its checks a tenth of one, so the limit has a wide margin.
"""
import contextlib
import io
import signal
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from traitlets.config import Config

from tools import notebooks
from tools.__main__ import main
from tools.course import ASSIGNMENTS
from tools.grading.gradebook import db_url
from tools.grading.messages import TIMEOUT
from tools.grading.referee import Referee, kernel_time_outs, timed_out
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

A = ASSIGNMENTS["initialization"]
EN, NB = A.folder("en"), A.notebook
LIMIT = 5
SLOW = "initialize_parameters_zeros"  # the first graded function
OLD = "L = len(layers_dims) - 1"
SLEEPS = {  # 3x the limit: any machine notices
    "slow": f"import time\n    time.sleep({3 * LIMIT})\n    {OLD}",
    "slow-in-kernel": f"if 'get_ipython' in globals():  # the notebook's kernel only, not the Referee's check\n"
                      f"        import time\n        time.sleep({3 * LIMIT})\n    {OLD}",
}


# --- the limit the Referee takes ---------------------------------------------------------------------------------

def referee(**settings):
    config = Config()
    for name, value in settings.items():
        cls, trait = name.split("__")
        setattr(getattr(config, cls), trait, value)
    return Referee(config=config)


def test_the_referee_takes_the_kernels_limit_from_the_same_config():
    assert referee().time_limit() == 30  # nbgrader's Execute.timeout
    assert referee(JailedExecute__timeout=7).time_limit() == 7
    assert referee(Execute__timeout=8).time_limit() == 8  # the kernel's limit, however the config names it
    assert referee(JailedExecute__timeout=7, Referee__timeout=2.5).time_limit() == 2.5  # lower: kept
    assert referee(JailedExecute__timeout=7, Referee__timeout=20).time_limit() == 7  # never above the kernel's
    assert referee(JailedExecute__timeout=None, JailedExecute__notebook_timeout=90).time_limit() == 90  # no per-cell


def test_the_course_config_sets_one_limit():
    from tools.course import ROOT
    from tools.grading.gradebook import load_config
    config = load_config(ROOT)
    assert "timeout" not in config.Referee
    assert Referee(config=config).time_limit() == config.JailedExecute.timeout


def test_a_kernel_time_out_fails_every_check_of_its_function():
    functions = {"f": [], "g": [], "h": []}
    incidents = [(TIMEOUT, "f_example"), ("KernelDied", "g_example"), ("NotebookTimeBudget", "h_hidden"),
                 (TIMEOUT, "cell 4"), (TIMEOUT, "f")]
    assert kernel_time_outs(incidents, functions) == ["f"]
    assert kernel_time_outs([(TIMEOUT, "h")], functions) == ["h"]  # its own (solution) cell
    checks = {("f", "example"): [None, None], ("f", "hidden"): [None, {"code": "values", "path": []}],
              ("g", "example"): [None], ("g", "hidden"): [None]}
    timed_out(checks, ["f"], {"f": [], "g": []}, 3.0)
    late = {"code": "no_answer", "seconds": 3.0}
    assert checks == {("f", "example"): [late, late], ("f", "hidden"): [late, {"code": "values", "path": []}],
                      ("g", "example"): [None], ("g", "hidden"): [None]}


def test_a_time_out_caused_by_a_failed_dependency_is_charged_to_it_only():
    late = {"code": "no_answer", "seconds": 3.0}
    checks = {("f", "example"): [None], ("g", "example"): [None]}
    timed_out(checks, ["f", "g"], {"f": ["g"], "g": []}, 3.0)  # f's test cell timed out in g, which timed out too
    assert checks == {("f", "example"): [None], ("g", "example"): [late]}
    checks = {("f", "example"): [None], ("g", "example"): [{"code": "values", "path": []}]}
    timed_out(checks, ["f"], {"f": ["g"], "g": []}, 3.0)  # g failed its own check
    assert checks[("f", "example")] == [None]
    checks = {("f", "example"): [None], ("g", "example"): [None]}
    timed_out(checks, ["f", "g"], {"f": ["g"], "g": ["f"]}, 3.0)  # a cycle: both ran out, both are charged
    assert checks == {("f", "example"): [late], ("g", "example"): [late]}


# --- through `python -m tools grade` -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """(course, {student: {grade_id: (score, max)}}, printed) after `python -m tools grade` of the three."""
    course = make_course(tmp_path_factory.mktemp("time-limit") / "course", with_release=False)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.JailedExecute.timeout = {LIMIT}\n")
    release(course, [EN])
    release_nb, source = (notebooks.read(course / step / EN / NB) for step in ("release", "source"))
    students = {"fast": fill(release_nb, source)}
    students.update({name: fill(release_nb, source, {SLOW: [(OLD, new)]}) for name, new in SLEEPS.items()})
    for student, nb in students.items():
        notebooks.write(nb, course / "submitted" / student / EN / NB)
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("grading blocked")))
    signal.alarm(600)
    try:
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            patch.setattr("tools.course.ROOT", Path(course))
            code = main(["grade", EN, "--jobs", "3", "--lang", "en"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 0, (out.getvalue(), err.getvalue())
    with Gradebook(db_url(course)) as gb:
        scores = {student: {grade.name: (grade.score, grade.max_score) for notebook in
                            gb.find_submission(EN, student).notebooks for grade in notebook.grades}
                  for student in students}
    return course, scores, out.getvalue()


def own_cells(function, scores):
    return {k: v for k, v in scores.items() if k.rpartition("_")[0] == function}


@pytest.mark.slow
def test_a_fast_submission_keeps_full_marks(graded):
    _, scores, printed = graded
    assert all(score == top for score, top in scores["fast"].values()), scores["fast"]
    row = next(line.split() for line in printed.splitlines() if line.startswith("fast "))
    total = sum(top for _, top in scores["fast"].values())
    assert row == ["fast", f"{total:g}/{total:g}"]


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(SLEEPS))
def test_a_function_past_the_limit_scores_0_on_its_visible_and_hidden_cells(graded, student):
    course, scores, _ = graded
    own = own_cells(SLOW, scores[student])
    assert sorted(own) == [f"{SLOW}_example", f"{SLOW}_hidden"]
    assert all(score == 0 for score, _ in own.values()), own
    others = {k: v for k, v in scores[student].items() if k not in own}
    assert others and all(score == top for score, top in others.values()), others
    cells = {c.metadata["nbgrader"]["grade_id"]: c.metadata.get("pack", {}) for c in
             notebooks.read(course / "autograded" / student / EN / NB).cells if "nbgrader" in c.metadata}
    assert f"no answer came back within {LIMIT} s" in cells[f"{SLOW}_hidden"]["message"]


@pytest.mark.slow
def test_the_summary_heads_its_per_test_lines(graded):
    _, _, printed = graded
    lines = printed.splitlines()
    heading = lines.index("  test cells with the fewest full marks (% of graded submissions, test cell, function):")
    assert lines[heading - 1].startswith(f"{EN}: 3 graded, mean ")
    assert f"% full marks  {SLOW}_" in lines[heading + 1]
