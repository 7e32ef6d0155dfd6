"""Grading correctness through real `nbgrader autograde` runs on submissions made from the release.

Every expected mark is derived from the gradebook's own max scores: full marks
for the solution and for correct variants, zero for a blank notebook, and a
loss on (and only on) the function that a mistake is in.
"""
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.nbgrader_run import autograde, cell_scores
from tools.submissions import MISTAKES, VARIANTS, fill

ASSIGNMENT = ASSIGNMENTS["regularization"]
FUNCTIONS = list(MISTAKES)


def cells_of(function, scores):
    """The test cells that check ``function`` (grade ids start with its name)."""
    return {k: v for k, v in scores.items() if k.startswith(function + "_")}


def submit(course, assignment_id, student, nb):
    notebooks.write(nb, course / "submitted" / student / assignment_id / ASSIGNMENT.notebook)


def graded_class(course, language, students):
    """Submit ``students`` (name -> notebook), autograde them in one nbgrader run, return their cell scores."""
    assignment_id = ASSIGNMENT.folder(language)
    for student, nb in students.items():
        submit(course, assignment_id, student, nb)
    autograde(course, assignment_id)
    return {student: cell_scores(course, assignment_id, student) for student in students}


def release_and_source(course, language):
    folder = ASSIGNMENT.folder(language)
    return (notebooks.read(course / "release" / folder / ASSIGNMENT.notebook),
            notebooks.read(course / "source" / folder / ASSIGNMENT.notebook))


@pytest.fixture(scope="module")
def english(course):
    """The English class: solution, blank, one student per mistake and one per variant."""
    release, source = release_and_source(course, "en")
    students = {"solution": fill(release, source), "blank": release}
    students["infinite-loop"] = fill(release, source, {FUNCTIONS[0]: [("m = Y.shape[1]", "m = Y.shape[1]\n    while True:\n        pass")]})
    students["deleted-tests"] = fill(release, source)
    students["deleted-tests"].cells = [c for c in students["deleted-tests"].cells
                                       if not c.metadata.get("nbgrader", {}).get("grade_id", "").startswith(FUNCTIONS[2] + "_")]
    for function in FUNCTIONS:
        for k, edits in enumerate(MISTAKES[function].values()):
            students[f"mistake-{function}-{k}"] = fill(release, source, {function: edits})
        for k, edits in enumerate(VARIANTS[function].values()):
            students[f"variant-{function}-{k}"] = fill(release, source, {function: edits})
    return graded_class(course, "en", students)


@pytest.fixture(scope="module")
def portuguese(course):
    """The Portuguese class: solution, blank, and one mistake in every function at once."""
    release, source = release_and_source(course, "pt")
    first_mistakes = {f: next(iter(MISTAKES[f].values())) for f in FUNCTIONS}
    return graded_class(course, "pt", {"solution": fill(release, source), "blank": release,
                                       "mistakes": fill(release, source, first_mistakes)})


def assert_full(scores):
    lost = {k: v for k, v in scores.items() if v[0] != v[1]}
    assert not lost, f"cells below full marks: {lost}"


def test_solution_scores_full_marks(english, portuguese):
    assert len(english["solution"]) == 2 * len(FUNCTIONS)
    assert_full(english["solution"])
    assert_full(portuguese["solution"])


def test_correct_solution_writes_nothing_to_stderr(course, english):
    """nbgrader fails a test cell on any stderr output: correct code must print none, anywhere."""
    autograded = course / "autograded" / "solution" / ASSIGNMENT.folder("en") / ASSIGNMENT.notebook
    streams = [o for c in notebooks.read(autograded).cells if c.cell_type == "code" for o in c.outputs
               if o.output_type == "stream" and o.name == "stderr"]
    assert streams == []


def test_infinite_loop_costs_only_its_function(english):
    """The per-cell timeout of nbgrader_config.py stops the loop; the kernel goes on with the other tests."""
    scores = english["infinite-loop"]
    assert all(score == 0 for score, _ in cells_of(FUNCTIONS[0], scores).values())
    assert_full({k: v for k, v in scores.items() if not k.startswith(FUNCTIONS[0] + "_")})


def test_deleted_test_cells_are_restored_and_graded(english):
    assert_full(english["deleted-tests"])
    assert len(english["deleted-tests"]) == len(english["solution"])


def test_blank_release_scores_zero_everywhere(english, portuguese):
    for scores in (english["blank"], portuguese["blank"]):
        assert scores and all(score == 0 for score, _ in scores.values()), scores


@pytest.mark.parametrize("function", FUNCTIONS)
def test_each_mistake_loses_points_on_its_function_only(english, function):
    assert len(MISTAKES[function]) >= 3
    for k, label in enumerate(MISTAKES[function]):
        scores = english[f"mistake-{function}-{k}"]
        own = cells_of(function, scores)
        assert sum(s for s, _ in own.values()) < sum(m for _, m in own.values()), f"{label!r} kept full marks: {own}"
        assert_full({name: v for name, v in scores.items() if name not in own})


@pytest.mark.parametrize("function", FUNCTIONS)
def test_correct_variants_keep_full_marks(english, function):
    assert len(VARIANTS[function]) >= 2
    for k, label in enumerate(VARIANTS[function]):
        scores = english[f"variant-{function}-{k}"]
        assert all(s == m for s, m in scores.values()), f"{label!r} lost points: {scores}"


def test_portuguese_mistakes_lose_points_on_every_function(portuguese):
    for function in FUNCTIONS:
        own = cells_of(function, portuguese["mistakes"])
        assert sum(s for s, _ in own.values()) < sum(m for _, m in own.values()), (function, own)
