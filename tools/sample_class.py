"""The bundled sample class (examples/sample_class/submitted/), made from the release.

Per language: a full-marks student, a student with typical mistakes, a blank
submission and a broken file. ``python -m tools sample-class`` rewrites it; a
test checks that the committed copy is what this produces.
"""
import shutil
from pathlib import Path

from . import notebooks
from .course import ASSIGNMENTS, ROOT
from .exercise import mistakes as declared_mistakes, typical, variants
from .submissions import fill

SAMPLE = ROOT / "examples" / "sample_class" / "submitted"

# language -> (full marks, typical mistakes, blank, broken file)
STUDENTS = {"en": ("ana", "bruno", "carla", "diego"), "pt": ("joana", "marcos", "paula", "rafael")}
BROKEN = {
    "en": '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": "def compute_cost_with_regularization(A3, Y',
    "pt": "",
}


def write_sample_class(target=SAMPLE, root=ROOT):
    """Write the sample class under ``target`` from the release and source notebooks of ``root``."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    for assignment in ASSIGNMENTS.values():
        for language, (full, mistakes, blank, broken) in STUDENTS.items():
            folder = assignment.folder(language)
            release = notebooks.read(root / "release" / folder / assignment.notebook)
            source = notebooks.read(root / "source" / folder / assignment.notebook)
            edits = {f: declared_mistakes(assignment.name)[f][label] for f, label in typical(assignment.name).items()}
            for student, nb in ((full, fill(release, source)), (mistakes, fill(release, source, edits)),
                                (blank, release)):
                notebooks.write(nb, target / student / folder / assignment.notebook)
            path = target / broken / folder / assignment.notebook
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(BROKEN[language], encoding="utf-8")
    return target


KINDS = (("correct", 0.35), ("mistakes", 0.35), ("blank", 0.15), ("broken", 0.15))


def generate_class(target, students, seed=0, ids=None, root=ROOT):
    """A random class for demos, tests and benchmarks: ``students`` submissions per notebook.

    Each submission is, with the probabilities of ``KINDS``, a correct answer (a
    correct variant of one function half of the time), one to three functions
    with a realistic mistake, the blank release, or a broken file (malformed
    JSON, empty, or a notebook without cells). The same ``seed`` gives the same class.

    Returns
    -------
    dict : (student, assignment id) -> kind
    """
    import random

    from .course import split_assignment_id
    rng = random.Random(seed)
    target = Path(target)
    kinds = {}
    for assignment_id in ids or [a.folder(lang) for a in ASSIGNMENTS.values() for lang in STUDENTS]:
        assignment, _ = split_assignment_id(assignment_id)
        mistakes_of, variants_of = declared_mistakes(assignment.name), variants(assignment.name)
        release = notebooks.read(root / "release" / assignment_id / assignment.notebook)
        source = notebooks.read(root / "source" / assignment_id / assignment.notebook)
        for i in range(students):
            student = f"s{i:04d}"
            kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
            path = target / student / assignment_id / assignment.notebook
            if kind == "correct":
                function = rng.choice(list(variants_of))
                edits = {function: rng.choice(list(variants_of[function].values()))} if rng.random() < 0.5 else {}
                notebooks.write(fill(release, source, edits), path)
            elif kind == "mistakes":
                functions = rng.sample(list(mistakes_of), k=min(len(mistakes_of), rng.randint(1, 3)))
                edits = {f: rng.choice(list(mistakes_of[f].values())) for f in functions}
                notebooks.write(fill(release, source, edits), path)
            elif kind == "blank":
                notebooks.write(release, path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(rng.choice(['{"cells": [', "", '{"nbformat": 4, "nbformat_minor": 5}']), encoding="utf-8")
            kinds[student, assignment_id] = kind
    return kinds
