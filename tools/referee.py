"""The referee: an nbgrader preprocessor that re-checks every graded function outside the student's kernel.

nbgrader runs the tests in the student's own kernel, after the student's
code, so that code can patch whatever the tests use (``np.allclose``,
``isinstance``, the check helpers), return objects that fake equality, or
behave differently under the grader. The referee closes that gap:

1. for each graded function with cases in ``tools/referee_cases/<assignment>.py``,
   it runs the student's cell of that function (with the reference versions of
   the other graded functions it calls) in a throw-away sandbox process (:mod:`tools.sandbox`)
   started from a copy of the trusted helper files, with the notebook's
   trusted imports, a memory cap, a timeout and no grading environment;
2. the sandbox returns the outputs as plain numbers; the referee compares them,
   in the grader's own process, with the reference solution (``reference/``)
   on the same inputs: the visible example's inputs for ``<fn>_example``,
   other inputs for ``<fn>_hidden``;
3. a test cell whose case the function fails gets an error output saying so,
   so nbgrader's ``SaveAutoGrades`` gives it 0 however the in-kernel test ended.

The referee can only take points away: a test that failed in the kernel stays
failed. It runs after ``ResilientExecute`` and before ``SaveAutoGrades``.
"""
import ast
import contextlib
import copy
import importlib
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer

from .course import ROOT, split_assignment_id
from .resilient import notebook_language
from .sandbox import SETUP_OK, encode

SANDBOX = Path(__file__).resolve().parent / "sandbox.py"
REFEREE_FAILED = {
    "en": "The grader's own check of `{function}` (run outside this notebook, on {case} inputs) disagrees: {reason}",
    "pt": "A verificação do corretor para `{function}` (feita fora deste notebook, com entradas {case}) discorda: {reason}",
}
CASE_NAMES = {"en": {"example": "the example's", "hidden": "other"}, "pt": {"example": "as do exemplo", "hidden": "outras"}}


def compare(expected, actual, rtol=1e-5, atol=1e-7, path="output"):
    """Why the plain-data ``actual`` differs from ``expected`` (None when it matches).

    Dicts must hold every expected key (extra keys are fine); sequences must
    have the same length; numbers and arrays must have the same shape (a size-1
    array matches a scalar) and close values.
    """
    if "dict" in expected:
        if "dict" not in actual:
            return f"{path} should be a dict"
        for key, value in expected["dict"].items():
            if key not in actual["dict"]:
                return f"{path} has no key {key!r}"
            reason = compare(value, actual["dict"][key], rtol, atol, f"{path}[{key!r}]")
            if reason:
                return reason
        return None
    if "seq" in expected:
        if "seq" not in actual or len(actual["seq"]) != len(expected["seq"]):
            return f"{path} should be a tuple or list of {len(expected['seq'])} elements"
        for i, (want, got) in enumerate(zip(expected["seq"], actual["seq"])):
            reason = compare(want, got, rtol, atol, f"{path}[{i}]")
            if reason:
                return reason
        return None
    if "array" in expected:
        if "array" not in actual:
            return f"{path} should be numeric"
        want, got = (np.array([float(x) for x in side["array"]["data"]], dtype=float).reshape(side["array"]["shape"])
                     for side in (expected, actual))
        if want.shape != got.shape and not (want.size == got.size == 1):
            return f"{path} has shape {got.shape}, not {want.shape}"
        if not np.allclose(got.reshape(want.shape), want, rtol=rtol, atol=atol, equal_nan=True):
            return f"{path} has wrong values"
    return None


def pick(value, keys):
    """Keep only ``keys`` of a plain-data dict (all of it when ``keys`` is None)."""
    if keys is None or "dict" not in value:
        return value
    return {"dict": {k: v for k, v in value["dict"].items() if k in keys}}


def needed_cells(function, solutions, reference_source):
    """What the sandbox runs before calling ``function``: the reference versions of the other graded
    functions it calls (so a mistake elsewhere costs nothing here, as in the notebook's tests), then
    the student's cell of ``function``.
    """
    own = solutions.get(function)
    if own is None:
        return []
    try:
        names = {n.id for n in ast.walk(ast.parse(own)) if isinstance(n, ast.Name)}
    except SyntaxError:
        return [own]
    tree = ast.parse(reference_source)
    dependencies = [ast.unparse(node) for node in tree.body if isinstance(node, ast.FunctionDef)
                    and node.name in names and node.name in solutions and node.name != function]
    return dependencies + [own]


DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)


def definition_cells(notebook, first_cell_too=False):
    """Code of the plain (non-nbgrader) cells of ``notebook`` that only import and define things.

    With ``first_cell_too``, the first code cell (the notebook's imports and settings) is kept whatever it holds.
    """
    kept = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or "nbgrader" in cell.metadata:
            continue
        code = "\n".join(l for l in cell.source.split("\n") if not l.lstrip().startswith(("%", "!")))
        try:
            body = ast.parse(code).body
        except SyntaxError:
            continue
        if (first_cell_too and not kept) or (body and all(isinstance(s, DEFINITIONS) for s in body)):
            kept.append(code)
    return kept


def trusted_setup(source_nb):
    """The source notebook's first code cell (its imports) and its provided cells that only define things."""
    return definition_cells(source_nb, first_cell_too=True)


class Referee(NbGraderPreprocessor):
    """Re-check the graded functions outside the student's kernel; zero the test cells they fail."""

    enabled = Bool(True, help="Run the referee").tag(config=True)
    timeout = Float(20.0, help="Seconds for all the cases of one function").tag(config=True)
    memory = Integer(2 * 1024 ** 3, help="Address-space cap of the sandbox, in bytes").tag(config=True)

    def preprocess(self, nb, resources):
        if not self.enabled:
            return nb, resources
        assignment_id = resources["nbgrader"]["assignment"]
        try:
            assignment, _ = split_assignment_id(assignment_id)
            cases_module = importlib.import_module(f"tools.referee_cases.{assignment.name}")
        except (KeyError, ModuleNotFoundError):
            return nb, resources
        import nbformat
        source_folder = ROOT / "source" / assignment_id
        source_nb = nbformat.read(str(source_folder / assignment.notebook), as_version=4)
        solutions = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
                     if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}
        cases = {f: [(label, *build()) for label, build in cases_module.cases(f)] for f in cases_module.FUNCTIONS}
        reference_source = (ROOT / "reference" / f"{assignment.name}.py").read_text(encoding="utf-8")
        setup = trusted_setup(source_nb)
        # The student's own helper cells (definitions only) run first among the student's code.
        helpers = [c for c in definition_cells(nb) if c not in setup]
        report = self._run_sandbox(source_folder, setup,
                                   {f: helpers + needed_cells(f, solutions, reference_source) for f in cases}, cases)
        if report is None:
            return nb, resources
        verdicts = self._verdicts(assignment.name, cases_module, cases, report)
        language = notebook_language(resources)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if cell.cell_type != "code" or not cell.metadata.get("nbgrader", {}).get("grade"):
                continue
            function, _, label = grade_id.rpartition("_")
            reason = verdicts.get((function, label))
            if reason and not any(o.output_type == "error" for o in cell.outputs):
                text = REFEREE_FAILED[language].format(function=function, case=CASE_NAMES[language][label],
                                                       reason=reason)
                cell.outputs.append(new_output("error", ename="RefereeCheckFailed", evalue=text, traceback=[text]))
        return nb, resources

    def _run_sandbox(self, source_folder, setup, cells, cases):
        with tempfile.TemporaryDirectory(prefix="referee-") as tmp:
            folder = Path(tmp) / "work"
            shutil.copytree(source_folder, folder, ignore=shutil.ignore_patterns("*.ipynb", "__pycache__"))
            job = {"folder": str(folder), "setup": setup, "cells": cells, "cases": cases,
                   "timeout": self.timeout, "memory": self.memory}
            env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "MPLBACKEND": "Agg",
                   "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
            try:
                done = subprocess.run([sys.executable, "-I", str(SANDBOX)], input=pickle.dumps(job), env=env,
                                      cwd=tmp, capture_output=True, timeout=self.timeout * len(cases) + 60)
            except subprocess.TimeoutExpired:
                return {}
            first, _, rest = done.stdout.decode("utf-8", "replace").partition("\n")
            if first != SETUP_OK:
                # Nothing of the student's ran yet: the grader's own setup failed. Say so, judge nothing.
                self.log.warning("referee skipped: its sandbox setup failed: %s", done.stderr.decode()[-500:])
                return None
            try:
                return json.loads(rest or "{}")
            except ValueError:
                return {}

    def _verdicts(self, name, cases_module, cases, report):
        """(function, "example"|"hidden") -> reason it failed, for every failed case."""
        reference = importlib.import_module(f"reference.{name}")
        verdicts = {}
        for function, function_cases in cases.items():
            answer = report.get(function) or {"crash": "the check did not run"}
            if "crash" in answer:
                for label, _, _ in function_cases:
                    verdicts.setdefault((function, label), answer["crash"])
                continue
            keys = getattr(cases_module, "KEYS", {}).get(function)
            for (label, args, kwargs), (_, status, value) in zip(function_cases, answer["results"]):
                if status != "ok":
                    verdicts.setdefault((function, label), value)
                    continue
                with contextlib.redirect_stdout(io.StringIO()):
                    expected = encode(getattr(reference, function)(*copy.deepcopy(args), **copy.deepcopy(kwargs)))
                reason = compare(pick(expected, keys), value)
                if reason:
                    verdicts.setdefault((function, label), reason)
        return verdicts
