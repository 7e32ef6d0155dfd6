"""Are the committed generated files (source/, reference/, release/, the sample class) what the tools produce now?

Files are compared byte for byte, except ``mistake_hints.json``: the mistakes' results it records are computed
(summation order, libm), so they are compared as the visible tests compare them (``testCases.same``).
"""
import filecmp
import json
import tempfile
from pathlib import Path

from .build import build
from .course import ROOT
from .nbgrader_run import make_course, release
from .sample_class import SAMPLE, write_sample_class


def _tree(folder):
    folder = Path(folder)
    return {p.relative_to(folder) for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts}


def compare_trees(expected, actual, label):
    """Differences between two folders, as readable lines (empty when identical)."""
    want, have = _tree(expected), _tree(actual)
    problems = [f"{label}/{p}: missing from the repository" for p in sorted(want - have)]
    problems += [f"{label}/{p}: not produced by the tools" for p in sorted(have - want)]
    problems += [f"{label}/{p}: differs" for p in sorted(want & have)
                 if not same_file(Path(expected) / p, Path(actual) / p)]
    return problems


def same_file(expected, actual):
    """Whether two generated files agree (see the module docstring)."""
    if filecmp.cmp(expected, actual, shallow=False):
        return True
    if expected.name != "mistake_hints.json":
        return False
    import reference  # noqa: F401 - puts utils/ on sys.path
    from testCases import same
    want, have = (json.loads(p.read_text(encoding="utf-8")) for p in (expected, actual))
    if list(want) != list(have) or any(len(want[k]) != len(have[k]) for k in want):
        return False
    return all({**a, "actual": None} == {**b, "actual": None} and same(a["actual"], b["actual"])
               for key in want for a, b in zip(want[key], have[key]))


def check_generated(fresh_course=None):
    """Rebuild and re-release in temporary folders and compare with the repository.

    Parameters
    ----------
    fresh_course : path of a course already released from this repository's
        source/ (the test session has one), to skip running nbgrader again.

    Returns
    -------
    problems : list of str, empty when everything is up to date
    """
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        generated = build(root=tmp / "build")
        problems += compare_trees(tmp / "build" / "source", ROOT / "source", "source")
        for path in generated:
            if path.parts[0] == "reference" and not filecmp.cmp(tmp / "build" / path, ROOT / path, shallow=False):
                problems.append(f"{path}: differs")
        if fresh_course is None:
            fresh_course = make_course(tmp / "course", with_release=False)
            release(fresh_course)
        problems += compare_trees(Path(fresh_course) / "release", ROOT / "release", "release")
        problems += compare_trees(write_sample_class(tmp / "sample"), SAMPLE, "examples/sample_class/submitted")
    return problems
