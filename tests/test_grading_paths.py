"""Both grading paths grade alike: the fork server's (the fast path) and fresh jailed processes (the fallback).

The machines instructors have decide the path: the fork server needs Landlock ABI 6 (Linux 6.12), so Ubuntu
22.04 and 24.04, Debian 12 and GitHub's runners grade with fresh jailed processes, and ``PACK_NO_FORK=1``
forces them anywhere. One small class, graded through the instructors' path (``grade_class``) once per path
of ``--grading-path`` (tests/conftest.py; both by default): the solution, a correct variant, one mistake per
function, cheats and faults of tests/test_adversarial.py (among them one that kills the kernel's parent, the
fork server on the fast path). Every submission carries a cell that prints who started its kernel, so each
test knows the path really taken; the last test compares the two paths' grades cell by cell.
"""
import pytest

from tools import notebooks
from tools.course import ROOT
from tools.exercise import mistakes, variants
from tools.grading.classroom import grade_class
from tools.nbgrader_run import make_course, release
from tools.submissions import fill

from test_adversarial import (A, CHEATS, EN, F, FAULTS, G, SEALED_CHEATS, aimed_at, full, others, own, with_plain_cell,
                              zero)

pytestmark = pytest.mark.slow  # real nbgrader runs: left out by `make test-fast`, run by `make test`

# cheats on the kernel's values, and on the referee's check process (which kills its parent: the fork server on the
# fast path), the course and the reference
CHEAT_NAMES = ["patch-isclose", "fake-ndarray-subclass", "import-reference-solution", "referee-kill-its-parent",
               "write-the-course", "search-the-disk-for-reference"]
FAULT_NAMES = ["memory-bomb", "fork-bomb", "detached-process", "kill-the-fork-server", "segfault"]
# Who started this kernel: the fork server (its command line ends with `serve()`) or bubblewrap.
WHO = ("import os\n_parent = open(f'/proc/{os.getppid()}/cmdline', 'rb').read()\n"
       "print('GRADED-BY', 'fork-server' if b'serve()' in _parent else 'fresh-process')")
PATH_SEEN = {"fork": "fork-server", "fresh": "fresh-process"}
GRADES = {}  # path -> student -> (status, cells, mistakes): what the last test compares


def build_class(course):
    release_nb = notebooks.read(course / "release" / EN / A.notebook)
    source_nb = notebooks.read(course / "source" / EN / A.notebook)
    table, alternatives = mistakes(A.name), variants(A.name)
    students = {"solution": fill(release_nb, source_nb),
                "variants": fill(release_nb, source_nb, {f: next(iter(v.values())) for f, v in alternatives.items()}),
                "mistakes": fill(release_nb, source_nb, {f: next(iter(m.values())) for f, m in table.items()})}
    for name in CHEAT_NAMES:
        students[name] = fill(release_nb, source_nb, {**CHEATS, **SEALED_CHEATS}[name])
    for name in FAULT_NAMES:
        students[name] = fill(release_nb, source_nb, FAULTS[name])
    for name, nb in students.items():
        notebooks.write(aimed_at(with_plain_cell(nb, WHO), course), course / "submitted" / name / EN / A.notebook)
    return list(students)


@pytest.fixture(scope="module")
def graded(grading_path, tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp(f"path-{grading_path}"), with_release=False)
    release(course, [EN])
    names = build_class(course)
    results = {r.student: r for r in grade_class(course, [EN], jobs=2, progress=False)}
    assert sorted(results) == sorted(names)
    GRADES[grading_path] = {s: (r.status, r.cells, r.mistakes) for s, r in results.items()}
    return course, results


def graded_by(course, student):
    nb = notebooks.read(course / "autograded" / student / EN / A.notebook)
    texts = [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    return [line.split()[1] for text in texts for line in text.splitlines() if line.startswith("GRADED-BY ")]


def test_the_chosen_path_is_the_one_taken(graded, grading_path):
    """Every kernel of the class was started the chosen way: forked by the fork server, or by bubblewrap."""
    course, results = graded
    for student in ("solution", "variants", "mistakes", *CHEAT_NAMES):
        assert graded_by(course, student) == [PATH_SEEN[grading_path]], student


def test_correct_class(graded):
    _, results = graded
    assert full(results["solution"].cells) and full(results["variants"].cells)
    scores = results["mistakes"].cells
    assert all(not full(own(scores, f)) for f in mistakes(A.name)), scores
    assert results["mistakes"].mistakes  # diagnosed on either path


@pytest.mark.parametrize("name", CHEAT_NAMES)
def test_cheat_gets_no_points_for_its_function(graded, name):
    scores = graded[1][name].cells
    assert zero(own(scores, F)), own(scores, F)
    assert full(others(scores, F)), others(scores, F)


@pytest.mark.parametrize("name", FAULT_NAMES)
def test_fault_costs_only_the_broken_function(graded, name):
    result = graded[1][name]
    assert result.graded, result.status
    assert zero(own(result.cells, G)), own(result.cells, G)
    assert full(others(result.cells, G)), others(result.cells, G)


def test_student_code_cannot_write_the_course(graded):
    course, _ = graded
    assert (course / "nbgrader_config.py").read_bytes() == (ROOT / "nbgrader_config.py").read_bytes()
    for path in (course / "tools" / "pwned.py", ROOT / "tools" / "pwned.py", course / "reference" / "pwned.py"):
        assert not path.exists(), path


def test_both_paths_give_identical_grades(graded, grading_path):
    """Run last (after both paths graded): the same statuses, cell scores and diagnoses on both paths."""
    if grading_path == "fork":
        pytest.skip("compared once, after the fresh path graded")
    if "fork" not in GRADES:
        pytest.skip("the fork path did not grade in this run (--grading-path, or no fast path here)")
    fork, fresh = GRADES["fork"], GRADES["fresh"]
    assert fork == fresh
