"""``mistake_hints.json``: what each catalogued mistake gives on a notebook's visible tests (part of the build).

For every mistake declared in ``exercises/<assignment>.py``, the notebook's own setup cells, the reference solution
cells (the mistake's function with the mistake in it) and that function's example test cell run, with the
checks recording the call that failed. The file maps each failed check (``testCases.hint_key``: the check,
the output's name and the expected value the test cell wrote) to the mistakes' results there
(``testCases.image``) and their explanations in the notebook's language. Mistakes that give the same result
on the same check are left out: the hint names a mistake only when exactly one fits; so are those whose result
changes from one run to the next (uninitialised memory).

It holds nothing the student does not see: the inputs are the visible example's, the expected values are the
test cell's own, and the mistakes' code stays in the grader. The collection runs in a child process, in the
notebook's folder, as the notebook does (``python -m tools.hints <folder> <assignment> <language>``).
"""
import contextlib
import io
import json
import os
import subprocess
import sys
import warnings
from collections import defaultdict
from pathlib import Path

from .course import ASSIGNMENTS, ROOT

FILE = "mistake_hints.json"
CHECKS = ("check_close", "check_keys", "check_length", "check_scalar", "check_parameters")


def write_hints(folder, assignment, language):
    """Write ``folder/mistake_hints.json`` for ``assignment`` in ``language``; return its path."""
    folder = Path(folder)
    done = subprocess.run([sys.executable, "-m", "tools.hints", str(folder), assignment.name, language],
                          cwd=folder, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                                           "MPLBACKEND": "Agg"})
    if done.returncode != 0:
        raise RuntimeError(f"collecting the mistake hints of {folder} failed:\n{done.stderr}")
    path = folder / FILE
    path.write_text(done.stdout, encoding="utf-8")
    return path


def failed_check(setup, solutions, test):
    """``(hint key, image of the result)`` of the first check ``test`` fails after ``setup`` and ``solutions``.

    None when the test passes or stops on something other than a failed check.
    """
    scope = {"__name__": "__main__"}
    failures = []
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for code in setup + solutions:
            exec(code, scope)  # noqa: S102 - the course's own notebook and catalogue
        import testCases

        def recording(check):
            def recorded(name, actual, *args, **kwargs):
                try:
                    return check(name, actual, *args, **kwargs)
                except AssertionError:
                    failures.append((testCases.hint_key(check.__name__, name, args, kwargs), testCases.image(actual)))
                    raise
            return recorded

        for name in CHECKS:
            if name in scope:
                scope[name] = recording(scope[name])
        try:
            exec(test, scope)  # noqa: S102
        except Exception:  # noqa: BLE001 - a mistake may make the test raise anything
            pass
    return failures[0] if failures else None


def collect(folder, assignment_name, language):
    """hint key -> [{"actual": image, "hint": text}] for the notebook in ``folder`` (see the module docstring)."""
    import nbformat
    import numpy as np

    from .grading.notebook import definition_cells, function_and_label, is_test_cell, student_solutions
    from .exercise import exercises
    from .submissions import apply_edits, solution_code
    assignment = ASSIGNMENTS[assignment_name]
    nb = nbformat.read(str(Path(folder) / assignment.notebook), as_version=4)
    setup = definition_cells(nb, first_cell_too=True)
    solutions = {name: solution_code(code) for name, code in student_solutions(nb).items()}
    tests = {function: c.source for c in nb.cells if is_test_cell(c)
             for function, label in [function_and_label(c)] if label == "example"}
    found = defaultdict(list)
    for function, exercise in exercises(assignment_name).items():
        for mistake in exercise.mistakes:
            label = mistake.label
            cells = [apply_edits(code, mistake.edits) if name == function else code for name, code in solutions.items()]
            with np.errstate(all="ignore"):
                failure, again = (failed_check(setup, cells, tests[function]) for _ in range(2))
            import testCases
            if failure and again and failure[0] == again[0] and testCases.same(failure[1], again[1]):
                # (a mistake whose result changes from run to run, such as np.empty's, names nothing)
                found[failure[0]].append({"function": function, "mistake": label, "actual": failure[1],
                                          "hint": mistake.explanation(language)})
    return {key: [e for e in entries if not any(testCases.same(e["actual"], o["actual"]) for o in entries if o is not e)]
            for key, entries in sorted(found.items())}


def main():
    folder, assignment_name, language = sys.argv[1:4]
    sys.path.insert(0, str(Path(folder).resolve()))
    hints = {key: entries for key, entries in collect(folder, assignment_name, language).items() if entries}
    # One mistake a line: diffs of the generated file stay readable.
    print("{\n" + ",\n".join(f"{json.dumps(key)}: [\n  " + ",\n  ".join(json.dumps(e, ensure_ascii=False) for e in entries)
                             + "\n]" for key, entries in hints.items()) + "\n}")


if __name__ == "__main__":
    main()
