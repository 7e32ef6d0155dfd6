"""``python -m tools build``: masters -> ``source/<assignment>_<lang>/`` and ``reference/``."""
import shutil
from pathlib import Path

import json

from . import exercise, notebooks
from .bilingual import build_all_languages, reference_module
from .course import ROOT, discover, write_built_list
from .grading.notebook import grade_id, is_test_cell, student_solutions
from .hints import write_hints
from .submissions import solution_code


class DeclarationError(Exception):
    """The declarations of ``exercises/`` disagree with the masters (each problem names its function)."""


def build_assignment(assignment, root=ROOT):
    """Write both language folders of ``assignment`` under ``root/source`` and its reference module.

    A folder holds the notebook, its helper files from ``utils/`` and the visible tests' mistake hints.

    The declarations of ``exercises/<assignment>.py`` are checked against the master first: when they disagree,
    :class:`DeclarationError` says how and nothing is written.

    Returns the list of written paths, relative to ``root``.
    """
    built = build_all_languages(assignment.master)
    reference_source = reference_module(assignment.master)
    compiled = compiled_mistakes(assignment, built["en"], reference_source)
    written = []
    for language, nb in built.items():
        folder = root / "source" / assignment.folder(language)
        if folder.exists():
            shutil.rmtree(folder)
        written.append(notebooks.write(nb, folder / assignment.notebook))
        for name in assignment.files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / "utils" / name, target)
            written.append(target)
        written.append(write_hints(folder, assignment, language))
    reference = root / "reference" / f"{assignment.name}.py"
    reference.parent.mkdir(parents=True, exist_ok=True)
    reference.write_text(reference_source, encoding="utf-8")
    written.append(reference)
    mistakes = exercise.mistakes_path(assignment.name, root)
    mistakes.write_text(json.dumps(compiled, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(mistakes)
    return [Path(p).relative_to(root) for p in written]


def compiled_mistakes(assignment, nb, reference_source):
    """Check ``exercises/<assignment>.py`` against the master's English notebook ``nb`` and its reference module's
    source, then compile each declared mistake's code (what ``reference/<assignment>_mistakes.json`` holds).

    Raises :class:`DeclarationError` naming every disagreement (a function or test cell missing or out of order,
    a renamed output, a mistake without its explanation in one language, an edit that does not apply).
    """
    solutions = {name: solution_code(code) for name, code in student_solutions(nb).items()}
    tests = [grade_id(c) for c in nb.cells if is_test_cell(c)]
    found = exercise.problems(assignment.name, solutions, tests, reference_source)
    if found:
        raise DeclarationError("exercises/ and masters/ disagree:\n  " + "\n  ".join(found))
    return exercise.compiled_mistakes(assignment.name, solutions)


def build(root=ROOT):
    """Build every assignment; return the written paths."""
    assignments = discover()
    written = [p for a in assignments.values() for p in build_assignment(a, root)]
    return written + [write_built_list(assignments, root).relative_to(root)]
