"""What a grading worker returns is checked in the instructor's process (tools/grading/results.py), on the real
gradebook of a released course (real nbgrader): every forged shape a rogue worker could send is refused with a
message, a correct result passes, folders are replaced with exactly the checked files, and the late penalty is
computed by nbgrader's plugin from the gradebook's due date and the instructor's timestamp, never taken from the
worker. The same checks, through a real rogue Dask worker, are in tests/test_rogue_worker.py.
"""
import copy
import json
from datetime import datetime
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.grading import results
from tools.grading.gradebook import db_url, load_config, record
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

A = ASSIGNMENTS["regularization"]
EN = A.folder("en")
NB = A.notebook
PAGE = NB[:-len(".ipynb")] + ".html"
MIB = 1024 ** 2


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("results"), with_release=False)
    release(course, [EN])
    return course


@pytest.fixture(scope="module")
def cells(course):
    """The assignment's notebook in the gradebook: (its name, grade cell -> max score, solution cells)."""
    with Gradebook(db_url(course)) as gb:
        notebook = gb.find_assignment(EN).notebooks[0]
        return notebook.name, {c.name: c.max_score for c in notebook.grade_cells}, [c.name for c in notebook.solution_cells]


@pytest.fixture(scope="module")
def honest(course, cells):
    """A result with the shape of an honest worker's (:meth:`worker.PrivateCourse.grade`): full marks."""
    name, grades, solutions = cells
    answered = fill(notebooks.read(course / "release" / EN / NB), notebooks.read(course / "source" / EN / NB))
    return {"status": "graded",
            "recorded": {"timestamp": None, "notebooks": {name: {
                "late_submission_penalty": None, "grades": dict(grades),
                "comments": {cell: "No response." for cell in solutions}}}},
            "autograded": {NB: notebooks.dumps(answered).encode(), "timestamp.txt": b"2025-03-01 00:00:00 UTC"},
            "feedback": {PAGE: b"<html>feedback</html>", "timestamp.txt": b"2025-03-01 00:00:00 UTC"}}


def check(course, outcome):
    with Gradebook(db_url(course)) as gb:
        return results.checked(outcome, gb, EN, course / "source" / EN)


def forged(honest, change):
    outcome = copy.deepcopy(honest)
    change(outcome)
    return outcome


def grades_of(outcome):
    return next(iter(outcome["recorded"]["notebooks"].values()))["grades"]


def comments_of(outcome):
    return next(iter(outcome["recorded"]["notebooks"].values()))["comments"]


def first_cell(outcome):
    return next(iter(grades_of(outcome)))


def with_metadata(outcome, **pack):
    """The autograded notebook with ``pack`` metadata on its first test cell (what diagnosed_mistakes reads)."""
    nb = json.loads(outcome["autograded"][NB])
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade"))
    cell["metadata"].update(pack)
    outcome["autograded"][NB] = json.dumps(nb).encode()


FORGERIES = {
    # name: (change to an honest result, what the refusal says)
    "a list": (lambda o: ["graded", o], "a list, not a dict"),
    "a string": (lambda o: "graded", "a str, not a dict"),
    "None": (lambda o: None, "a NoneType, not a dict"),
    "no status": (lambda o: o.pop("status"), "no status"),
    "a status that is not one": (lambda o: o.update(status="pwned"), "no status"),
    "scores with 'not graded'": (lambda o: o.update(status="not graded: kernel died"),
                                 "scores whose status is not 'graded'"),
    "score above the maximum": (lambda o: grades_of(o).update({first_cell(o): 8000}), r"a score outside 0\.\.\d+ for"),
    "negative score": (lambda o: grades_of(o).update({first_cell(o): -1}), "a score outside"),
    "NaN score": (lambda o: grades_of(o).update({first_cell(o): float("nan")}), "a score outside"),
    "infinite score": (lambda o: grades_of(o).update({first_cell(o): float("inf")}), "a score outside"),
    "True as a score": (lambda o: grades_of(o).update({first_cell(o): True}), "a score outside"),
    "text as a score": (lambda o: grades_of(o).update({first_cell(o): "1"}), "a score outside"),
    "a grade that is not a cell": (lambda o: grades_of(o).update(not_a_cell=1), "grades other than the cells of"),
    "a cell left out": (lambda o: grades_of(o).pop(first_cell(o)), "grades other than the cells of"),
    "another notebook": (lambda o: o["recorded"]["notebooks"].update(other={"grades": {}, "comments": {}}),
                         "notebooks other than the assignment's"),
    "no notebooks": (lambda o: o["recorded"].pop("notebooks"), "no notebooks"),
    "recorded not a dict": (lambda o: o.update(recorded=["x"]), "no notebooks"),
    "grades not a dict": (lambda o: next(iter(o["recorded"]["notebooks"].values())).update(grades=[1]),
                          "no grades or comments"),
    "a comment on no cell": (lambda o: comments_of(o).update(not_a_cell="x"), "comments on cells"),
    "a comment on a test cell": (lambda o: comments_of(o).update({first_cell(o): "x"}), "comments on cells"),
    "a comment that is not text": (lambda o: comments_of(o).update({next(iter(comments_of(o))): 7}),
                                   "a comment that is not text"),
    "../../evil.txt": (lambda o: o["autograded"].update({"../../evil.txt": b"EVIL"}), "files other than"),
    "a file in a folder": (lambda o: o["autograded"].update({"sub/x": b"EVIL"}), "files other than"),
    "an extra file": (lambda o: o["autograded"].update({"extra.py": b"EVIL"}), "files other than"),
    "a feedback file outside": (lambda o: o["feedback"].update({"../evil.html": b"EVIL"}), "files other than"),
    "an absolute name": (lambda o: o["feedback"].update({"/tmp/evil.html": b"EVIL"}), "files other than"),
    "no notebook": (lambda o: o["autograded"].pop(NB), "files other than"),
    "files not a dict": (lambda o: o.update(autograded=[(NB, b"{}")]), "files other than"),
    "text instead of bytes": (lambda o: o["autograded"].update({NB: "{}"}), "is not bytes"),
    "an oversized notebook": (lambda o: o["autograded"].update({NB: b"x" * (40 * MIB)}), "over 32 MiB"),
    "an oversized feedback page": (lambda o: o["feedback"].update({PAGE: b"x" * (results.MAX_FILE_BYTES + 1)}),
                                   "over 32 MiB"),
    "a notebook that is not one": (lambda o: o["autograded"].update({NB: b"not a notebook"}),
                                   "is not a notebook the grader can read"),
    "a JSON list as the notebook": (lambda o: o["autograded"].update({NB: b"[1, 2]"}),
                                    "is not a notebook the grader can read"),
    "a diagnosis that is not text": (lambda o: with_metadata(o, pack={"mistake": ["unhashable"]}),
                                     "is not a notebook the grader can read"),
    "pack metadata not a dict": (lambda o: with_metadata(o, pack="x"), "is not a notebook the grader can read"),
}


def test_an_honest_result_passes_without_its_timestamp_and_penalties(course, honest):
    outcome = forged(honest, lambda o: next(iter(o["recorded"]["notebooks"].values())).update(
        late_submission_penalty=-100))
    outcome["recorded"]["timestamp"] = "1999-01-01 00:00:00"
    kept = check(course, outcome)
    assert kept["status"] == "graded"
    assert kept["autograded"] == honest["autograded"] and kept["feedback"] == honest["feedback"]
    assert list(kept["recorded"]) == ["notebooks"]  # the timestamp is the instructor's
    notebook = next(iter(kept["recorded"]["notebooks"].values()))
    assert set(notebook) == {"grades", "comments"}  # the penalty is the instructor's
    assert notebook["grades"] == grades_of(honest) and all(grades_of(honest).values())


def test_the_assignments_own_files_are_taken_from_the_course_not_the_worker(course, honest):
    """nbgrader's autograde copies source/<assignment>'s other files beside the notebook: a worker's copies are
    replaced by the course's own bytes."""
    source = course / "source" / EN
    outcome = forged(honest, lambda o: o["autograded"].update({"reg_utils.py": b"EVIL", "datasets/data.mat": b"EVIL"}))
    kept = check(course, outcome)
    assert kept["autograded"]["reg_utils.py"] == (source / "reg_utils.py").read_bytes() != b"EVIL"
    assert kept["autograded"]["datasets/data.mat"] == (source / "datasets" / "data.mat").read_bytes()
    with pytest.raises(results.Refused, match="files other than"):
        check(course, forged(honest, lambda o: o["autograded"].update({"datasets/../../evil.txt": b"EVIL"})))
    with pytest.raises(results.Refused, match="files other than"):
        check(course, forged(honest, lambda o: o["autograded"].update({"../source/reg_utils.py": b"EVIL"})))


def test_a_result_with_a_diagnosis_passes(course, honest):
    outcome = forged(honest, lambda o: with_metadata(o, pack={"mistake": "forgot-lambda"}))
    assert check(course, outcome)["status"] == "graded"


def test_a_not_graded_result_keeps_its_status_and_nothing_else(course, honest):
    kept = check(course, {"status": "not graded: kernel died", "recorded": None,
                          "autograded": {"../../evil.txt": b"EVIL"}, "feedback": {"x": b"y"}})
    assert kept == {"status": "not graded: kernel died", "recorded": None, "autograded": {}, "feedback": {}}
    assert check(course, {"status": "graded (x)", "recorded": None})["status"] == "not graded: graded (x)"
    assert len(check(course, {"status": "not graded: " + "x" * 10_000, "recorded": None})["status"]) \
        == results.MAX_STATUS


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_each_forged_shape_is_refused_with_a_message(course, honest, name):
    change, message = FORGERIES[name]
    outcome = copy.deepcopy(honest)
    replaced = change(outcome)
    if name in ("a list", "a string", "None"):
        outcome = replaced
    with pytest.raises(results.Refused, match=message):
        check(course, outcome)


def test_a_comment_is_capped(course, honest):
    cell = next(iter(comments_of(honest)))
    kept = check(course, forged(honest, lambda o: comments_of(o).update({cell: "x" * 50_000})))
    assert len(comments_of(kept)[cell]) == results.MAX_COMMENT


# --- replace_folder ---------------------------------------------------------------------------------------------

def tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_replace_folder_leaves_exactly_the_given_files(tmp_path):
    folder = tmp_path / "autograded" / "ana" / EN
    folder.mkdir(parents=True)
    (folder / "old.txt").write_text("old")
    (folder / "sub").mkdir()
    (folder / "sub" / "x").write_text("old")
    results.replace_folder(folder, {NB: b"{}", "timestamp.txt": b"t", "datasets/data.mat": b"d"})
    assert tree(folder) == sorted([NB, "timestamp.txt", "datasets", "datasets/data.mat"])
    assert (folder / NB).read_bytes() == b"{}" and (folder / "datasets" / "data.mat").read_bytes() == b"d"
    assert tree(tmp_path) == sorted(["autograded", "autograded/ana", f"autograded/ana/{EN}"]
                                    + [f"autograded/ana/{EN}/{name}" for name in tree(folder)])  # no temporary folder
    new = tmp_path / "feedback" / "bruno" / EN  # a folder that did not exist yet
    results.replace_folder(new, {PAGE: b"<html>"})
    assert tree(new) == [PAGE]


@pytest.mark.parametrize("name", ["../../evil.txt", "/tmp/evil.txt", "..", ".", "", "a/../evil.txt",
                                  "../" + EN + "/evil.txt"])
def test_replace_folder_refuses_paths_that_leave_and_keeps_the_old_folder(tmp_path, name):
    folder = tmp_path / "course" / "autograded" / "ana" / EN
    folder.mkdir(parents=True)
    (folder / NB).write_bytes(b"old")
    with pytest.raises(results.Refused, match="a file path that leaves its folder"):
        results.replace_folder(folder, {NB: b"new", name: b"EVIL"})
    assert tree(folder) == [NB] and (folder / NB).read_bytes() == b"old"
    assert tree(folder.parent) == [EN, f"{EN}/{NB}"]  # the half-written new folder is gone
    assert not any(p.read_bytes() == b"EVIL" for p in tmp_path.rglob("*") if p.is_file())
    assert not (Path("/tmp/evil.txt").is_file() and Path("/tmp/evil.txt").read_bytes() == b"EVIL")


def test_replace_folder_does_not_write_through_a_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    folder = tmp_path / "autograded" / "ana" / EN
    folder.parent.mkdir(parents=True)
    folder.symlink_to(outside, target_is_directory=True)
    results.replace_folder(folder, {NB: b"{}"})
    assert not folder.is_symlink() and tree(folder) == [NB]
    assert tree(outside) == ["keep.txt"]


# --- late_penalties ----------------------------------------------------------------------------------------------

DUE = "2025-03-01 00:00:00"
LATE, EARLY = datetime(2025, 3, 2), datetime(2025, 2, 28)


def recorded_as_the_instructor_does(course, honest, student, timestamp, config, penalty=-100):
    """What classroom does with a worker's result: checked, recorded with the instructor's timestamp, penalised.
    The worker claims an early submission and a penalty of ``penalty``."""
    outcome = forged(honest, lambda o: next(iter(o["recorded"]["notebooks"].values())).update(
        late_submission_penalty=penalty))
    outcome["recorded"]["timestamp"] = EARLY
    with Gradebook(db_url(course)) as gb:
        gb.update_or_create_assignment(EN, duedate=DUE)
        kept = results.checked(outcome, gb, EN, course / "source" / EN)
        record(gb, EN, student, {"timestamp": timestamp, **kept["recorded"]})
        results.late_penalties(gb, config, EN, student)
        submission = gb.find_submission(EN, student)
        notebook = submission.notebooks[0]
        return (submission.total_seconds_late, submission.score, notebook.late_submission_penalty,
                submission.late_submission_penalty)


@pytest.fixture
def zero_config(course):
    config = load_config(course)
    config.LateSubmissionPlugin.penalty_method = "zero"
    return config


def test_a_late_submission_gets_nbgraders_penalty_not_the_workers(course, honest, zero_config, cells):
    late, score, penalty, total = recorded_as_the_instructor_does(course, honest, "late", LATE, zero_config)
    assert late == 24 * 3600  # from the instructor's timestamp and the gradebook's due date, not the worker's
    assert score == sum(cells[1].values()) > 0
    assert penalty == score and total == score  # "zero": the whole score, as nbgrader's AssignLatePenalties


def test_an_on_time_submission_gets_no_penalty_whatever_the_worker_says(course, honest, zero_config):
    late, score, penalty, total = recorded_as_the_instructor_does(course, honest, "early", EARLY, zero_config,
                                                                  penalty=1000)
    assert late == 0 and score > 0 and penalty is None and not total


def test_no_penalty_method_no_penalty_and_a_regrade_resets_it(course, honest, zero_config):
    assert recorded_as_the_instructor_does(course, honest, "regraded", LATE, zero_config)[2] > 0
    _, score, penalty, _ = recorded_as_the_instructor_does(course, honest, "regraded", LATE, load_config(course))
    assert score > 0 and penalty is None  # nbgrader's default method, "none"


def test_the_penalty_is_never_negative_nor_above_the_score(course, honest, cells, monkeypatch):
    from nbgrader.plugins import LateSubmissionPlugin
    config = load_config(course)
    for claimed, expected in ((-100, 0), (10 ** 6, sum(cells[1].values())), (1.5, 1.5)):
        monkeypatch.setattr(LateSubmissionPlugin, "late_submission_penalty", lambda self, *a, c=claimed: c)
        assert recorded_as_the_instructor_does(course, honest, "clamped", LATE, config)[2] == expected



def test_the_workers_snapshot_holds_no_student(course, honest, tmp_path):
    """What the workers are given of the gradebook: the assignment and its cells, nothing of any student (a
    recorded submission, its grades and comments are not in it)."""
    from sqlalchemy import create_engine, text
    from tools.grading.gradebook import STUDENT_TABLES, snapshot
    with Gradebook(db_url(course)) as gb:
        record(gb, EN, "someone", {"timestamp": None, **results.checked(honest, gb, EN, course / "source" / EN)[
            "recorded"]})
    engine = create_engine(f"sqlite:///{snapshot(db_url(course), tmp_path / 'snapshot.db')}")
    try:
        with engine.connect() as read:
            assert all(read.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0 for table in STUDENT_TABLES)
            assert read.execute(text("SELECT COUNT(*) FROM grade_cells")).scalar() > 0
    finally:
        engine.dispose()
    with Gradebook(f"sqlite:///{tmp_path / 'snapshot.db'}") as gb:
        assert gb.find_assignment(EN).notebooks
