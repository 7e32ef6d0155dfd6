"""The bundled sample class (examples/sample_class/submitted/), made from the release.

Per language: a full-marks student, a student with typical mistakes, a blank
submission and a broken file. ``python -m tools sample-class`` rewrites it; a
test checks that the committed copy is what this produces.
"""
import shutil
from pathlib import Path

from . import notebooks
from .course import ASSIGNMENTS, ROOT
from .submissions import catalogue, fill

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
            mistakes_of = catalogue(assignment)
            edits = {f: mistakes_of.MISTAKES[f][label] for f, label in mistakes_of.TYPICAL.items()}
            for student, nb in ((full, fill(release, source)), (mistakes, fill(release, source, edits)),
                                (blank, release)):
                notebooks.write(nb, target / student / folder / assignment.notebook)
            path = target / broken / folder / assignment.notebook
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(BROKEN[language], encoding="utf-8")
    return target
