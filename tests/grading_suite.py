"""The grading-correctness suite, run once per assignment through real `nbgrader autograde`.

A test module sets ``ASSIGNMENT = "<name>"`` and star-imports this module.
Every expected mark is derived from the gradebook's own max scores: full marks
for the solution and for correct variants, zero for a blank notebook, and a
loss on (and only on) the function that a mistake is in.
"""
import pytest

from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.nbgrader_run import autograde, cell_scores, make_course, release
from tools.exercise import infinite_loop, mistakes, variants
from tools.submissions import fill

pytestmark = pytest.mark.slow  # real nbgrader runs: left out by `make test-fast`, run by `make test`

__all__ = ["pytestmark", "graded", "english", "portuguese", "test_solution_scores_full_marks",
           "test_correct_solution_writes_nothing_to_stderr", "test_infinite_loop_costs_only_its_function",
           "test_deleted_test_cells_are_restored_and_graded", "test_blank_release_scores_zero_everywhere",
           "test_each_mistake_loses_points_on_its_function", "test_a_mistake_costs_nothing_on_the_other_functions",
           "test_correct_variants_keep_full_marks",
           "test_portuguese_mistakes_lose_points_on_every_function", "test_each_mistake_is_diagnosed_as_itself",
           "test_portuguese_diagnoses_speak_portuguese", "test_visible_tests_name_the_mistake"]


def cells_of(function, scores):
    """The test cells that check ``function`` (their grade ids start with its name)."""
    return {k: v for k, v in scores.items() if k.startswith(function + "_")}


def assert_full(scores):
    lost = {k: v for k, v in scores.items() if v[0] != v[1]}
    assert not lost, f"cells below full marks: {lost}"


def lost_points(scores):
    return sum(s for s, _ in scores.values()) < sum(m for _, m in scores.values())


class Graded:
    """One assignment released in a fresh course, and helpers to grade classes of it."""

    def __init__(self, assignment, path, loop_test=False):
        self.assignment = assignment
        self.loop_test = loop_test
        self.course = make_course(path, with_release=False)
        if loop_test:
            # The mechanism, not the course's 30 s value, is under test: a short timeout keeps the suite fast.
            with open(self.course / "nbgrader_config.py", "a", encoding="utf-8") as config:
                config.write("\nc.JailedExecute.timeout = 6\nc.Referee.timeout = 6\n")
        release(self.course, [assignment.folder(lang) for lang in ("en", "pt")])
        self.mistakes, self.variants = mistakes(assignment.name), variants(assignment.name)
        self.infinite_loop = infinite_loop(assignment.name)
        self.functions = list(self.mistakes)

    def notebooks(self, language):
        folder = self.assignment.folder(language)
        return (notebooks.read(self.course / "release" / folder / self.assignment.notebook),
                notebooks.read(self.course / "source" / folder / self.assignment.notebook))

    def grade(self, language, students):
        """Submit ``students`` (name -> notebook), autograde them in one nbgrader run, return their cell scores."""
        assignment_id = self.assignment.folder(language)
        for student, nb in students.items():
            notebooks.write(nb, self.course / "submitted" / student / assignment_id / self.assignment.notebook)
        autograde(self.course, assignment_id)
        return {student: cell_scores(self.course, assignment_id, student) for student in students}


@pytest.fixture(scope="module")
def graded(request, tmp_path_factory):
    return Graded(ASSIGNMENTS[request.module.ASSIGNMENT], tmp_path_factory.mktemp("course"),
                  loop_test=getattr(request.module, "LOOP_TEST", False))


@pytest.fixture(scope="module")
def english(graded):
    """The English class: solution, blank, deleted test cells, batched mistakes and variants, one-mistake notebooks."""
    release_nb, source = graded.notebooks("en")
    students = {"solution": fill(release_nb, source), "blank": release_nb, "deleted-tests": fill(release_nb, source)}
    if graded.loop_test:
        students["infinite-loop"] = fill(release_nb, source, {graded.functions[0]: [graded.infinite_loop]})
    students["deleted-tests"].cells = [c for c in students["deleted-tests"].cells
                                       if not c.metadata.get("nbgrader", {}).get("grade_id", "").startswith(
                                           graded.functions[-1] + "_")]
    # Submission k carries the k-th mistake (or variant) of every function at once: the functions' tests are
    # independent, so each function's cells still show its own mistake. Grading one notebook per mistake
    # would multiply the suite's time by the number of functions.
    for kind, table in (("mistakes", graded.mistakes), ("variants", graded.variants)):
        for k in range(max(len(v) for v in table.values())):
            edits = {f: list(table[f].values())[k] for f in graded.functions if k < len(table[f])}
            students[f"{kind}-{k}"] = fill(release_nb, source, edits)
    # And one notebook per function with only its first mistake: the others must keep full marks.
    for function in graded.functions:
        students[f"only-{function}"] = fill(release_nb, source,
                                            {function: next(iter(graded.mistakes[function].values()))})
    return graded.grade("en", students)


@pytest.fixture(scope="module")
def portuguese(graded):
    """The Portuguese class: solution, blank, and one mistake in every function at once."""
    release_nb, source = graded.notebooks("pt")
    first_mistakes = {f: next(iter(graded.mistakes[f].values())) for f in graded.functions}
    return graded.grade("pt", {"solution": fill(release_nb, source), "blank": release_nb,
                               "mistakes": fill(release_nb, source, first_mistakes)})


def test_solution_scores_full_marks(graded, english, portuguese):
    assert len(english["solution"]) >= 2 * len(graded.functions)
    assert_full(english["solution"])
    assert_full(portuguese["solution"])


def test_correct_solution_writes_nothing_to_stderr(graded, english):
    """nbgrader fails a test cell on any stderr output: correct code must print none, anywhere."""
    a = graded.assignment
    autograded = graded.course / "autograded" / "solution" / a.folder("en") / a.notebook
    streams = [o.text for c in notebooks.read(autograded).cells if c.cell_type == "code" for o in c.outputs
               if o.output_type == "stream" and o.name == "stderr"]
    assert streams == []


def test_infinite_loop_costs_only_its_function(graded, english):
    """The per-cell timeout of nbgrader_config.py stops the loop; the kernel goes on with the other tests.

    It costs two timeouts of wall time, so it runs for the assignments whose test module sets LOOP_TEST,
    with a shorter timeout than the course's.
    """
    if not graded.loop_test:
        pytest.skip("the timeout is a course setting, tested once (regularization)")
    first = graded.functions[0]
    scores = english["infinite-loop"]
    assert all(score == 0 for score, _ in cells_of(first, scores).values())
    assert_full({k: v for k, v in scores.items() if not k.startswith(first + "_")})


def test_deleted_test_cells_are_restored_and_graded(english):
    assert_full(english["deleted-tests"])
    assert len(english["deleted-tests"]) == len(english["solution"])


def test_blank_release_scores_zero_everywhere(english, portuguese):
    for scores in (english["blank"], portuguese["blank"]):
        assert scores and all(score == 0 for score, _ in scores.values()), scores


def test_each_mistake_loses_points_on_its_function(graded, english):
    for function in graded.functions:
        assert len(graded.mistakes[function]) >= 3, function
        for k, label in enumerate(graded.mistakes[function]):
            own = cells_of(function, english[f"mistakes-{k}"])
            assert own and lost_points(own), f"{function}: {label!r} kept full marks: {own}"


def test_a_mistake_costs_nothing_on_the_other_functions(graded, english):
    for function in graded.functions:
        scores = english[f"only-{function}"]
        own = cells_of(function, scores)
        assert lost_points(own), (function, own)
        assert_full({name: v for name, v in scores.items() if name not in own})


def test_correct_variants_keep_full_marks(graded, english):
    for function in graded.functions:
        assert len(graded.variants[function]) >= 2, function
    for k in range(max(len(v) for v in graded.variants.values())):
        scores = english[f"variants-{k}"]
        assert all(s == m for s, m in scores.values()), f"variants #{k} lost points: {scores}"


def test_portuguese_mistakes_lose_points_on_every_function(graded, portuguese):
    for function in graded.functions:
        assert lost_points(cells_of(function, portuguese["mistakes"])), function


def autograded(graded, student, language):
    a = graded.assignment
    return notebooks.read(graded.course / "autograded" / student / a.folder(language) / a.notebook)


def test_each_mistake_is_diagnosed_as_itself(graded, english):
    """Through real nbgrader: every mistake the cases tell apart is named as itself; variants and the solution
    get no diagnosis; the others (``coverage`` says why) none either."""
    from tools.grading.classroom import diagnosed_mistakes
    from tools.grading.diagnosis import coverage
    told = coverage(graded.assignment.name)
    folder = graded.assignment.folder("en")
    named = 0
    for kind, table in (("mistakes", graded.mistakes), ("variants", graded.variants)):
        for k in range(max(len(v) for v in table.values())):
            expected = {} if kind == "variants" else {
                f: list(table[f])[k] for f in graded.functions
                if k < len(table[f]) and told[f][list(table[f])[k]] is None}
            assert diagnosed_mistakes(graded.course, f"{kind}-{k}", folder) == expected, (kind, k)
            named += len(expected)
    assert diagnosed_mistakes(graded.course, "solution", folder) == {}
    assert named >= 0.8 * sum(len(v) for v in graded.mistakes.values())


def test_portuguese_diagnoses_speak_portuguese(graded, portuguese):
    from tools.grading.diagnosis import explanation
    messages = [(c.metadata["pack"]["message"], c.metadata["nbgrader"]["grade_id"].rpartition("_")[0],
                 c.metadata["pack"].get("mistake")) for c in autograded(graded, "mistakes", "pt").cells
                if "pack" in c.metadata]
    diagnosed = [(m, f, label) for m, f, label in messages if label]
    assert diagnosed
    for message, function, label in diagnosed:
        assert message.startswith("Falhou") and "erro comum" in message
        assert explanation(graded.assignment.name, function, label, "pt") in message


def test_visible_tests_name_the_mistake(graded, english):
    """In the student's kernel, the example test of a function names its mistake when the release's
    mistake_hints.json has it (the mistake alone gives that result there), and names nothing otherwise."""
    import json
    a = graded.assignment
    hints = json.loads((graded.course / "release" / a.folder("en") / "mistake_hints.json").read_text(encoding="utf-8"))
    texts = {(e["function"], e["mistake"]): e["hint"] for entries in hints.values() for e in entries}
    from tools.submissions import solution_cells
    from tools.grading.referee import dependencies
    from tools.grading.scoring import called
    cells = solution_cells(a.name)
    calls = {f: called(f, {g: dependencies(g, cells[g], cells) for g in graded.functions}) for f in graded.functions}
    shown = 0
    for k in range(max(len(v) for v in graded.mistakes.values())):
        cells = {c.metadata["nbgrader"]["grade_id"]: c for c in autograded(graded, f"mistakes-{k}", "en").cells
                 if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_example")}
        for function in graded.functions:
            if k >= len(graded.mistakes[function]) or any(
                    k < len(graded.mistakes[f]) for f in calls[function]):
                continue  # its example also runs the k-th mistakes of the graded functions it calls
            label = list(graded.mistakes[function])[k]
            output = "\n".join(o.get("evalue", "") for o in cells[function + "_example"].outputs)
            hint = texts.get((function, label))
            if hint:
                assert "Hint: your result is exactly what a common mistake gives. " + hint in output, (function, label)
                shown += 1
            else:
                assert "Hint:" not in output, (function, label, output)
    assert shown >= len(graded.functions) // 2
