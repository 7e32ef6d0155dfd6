"""Benchmark: the grading processes' peak memory under the grader-boundary attacks, with an honest control.

For each memory attack of ``tests/test_grader_boundary.py`` (the oracle memory bomb, a kernel message amplified
by 14 frames of one 250 MB buffer, and by 110 frames of 30 MB), a fresh course grades one honest submission and
the attacker with ``grade --jobs 1``, in a child process of this one; the figure is the largest resident size
any process of that grading tree reached (``RUSAGE_CHILDREN``: the grading process, its worker, the oracle,
the kernels), and the attacker's status. The honest row is the baseline: what grading costs without an attack.

Run it from a checkout to measure that checkout (an older checkout, without the fix, is measured by copying
this file and ``tests/test_grader_boundary.py`` into it)::

    .venv/bin/python bench/boundary_memory.py
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from test_grader_boundary import ATTACKS as BOUNDARY  # noqa: E402 - the attacks, as the tests write them

ATTACKS = {"honest only": ("regularization", {}, None),
           **{name: (assignment.name, edits, cell) for name, (assignment, edits, cell) in BOUNDARY.items()
              if name != "leak-shape"}}

CHILD = """
import json, resource, sys
sys.path.insert(0, sys.argv[1])
from nbformat.v4 import new_code_cell
from tools import notebooks
from tools.course import ASSIGNMENTS
from tools.grading.classroom import grade_class
from tools.nbgrader_run import make_course, release
from tools.submissions import fill
name, edits, cell = json.loads(sys.argv[3])
assignment = ASSIGNMENTS[name]
folder = assignment.folder("en")
course = make_course(sys.argv[2], with_release=False)
release(course, [folder])
release_nb, source_nb = (notebooks.read(course / s / folder / assignment.notebook) for s in ("release", "source"))
notebooks.write(fill(release_nb, source_nb), course / "submitted" / "honest" / folder / assignment.notebook)
if edits or cell:
    nb = fill(release_nb, source_nb, {k: [tuple(e) for e in v] for k, v in edits.items()})
    if cell:
        nb.cells.insert(2, new_code_cell(cell))
    notebooks.write(nb, course / "submitted" / "attacker" / folder / assignment.notebook)
results = grade_class(course, [folder], jobs=1, progress=False)
peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(json.dumps({"peak_kib": peak, "statuses": {r.student: [r.status, r.score, r.max_score] for r in results}}))
"""


def measure(attack):
    name, edits, cell = ATTACKS[attack]
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(Path(folder) / "course"),
                              json.dumps([name, edits, cell])], capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        return {"peak_kib": None, "statuses": {"run": [f"exit {run.returncode}: {run.stderr[-300:]!r}", None, None]}}
    return json.loads(run.stdout.strip().splitlines()[-1])


def main():
    print(f"checkout: {ROOT}")
    print(f"{'attack':<22} {'peak RSS of the grading tree':>30}   statuses")
    for attack in ATTACKS:
        found = measure(attack)
        peak = "-" if found["peak_kib"] is None else f"{found['peak_kib'] / 1024 ** 2:.2f} GiB"
        statuses = "; ".join(f"{student}: {status} ({score}/{top})" for student, (status, score, top)
                             in sorted(found["statuses"].items()))
        print(f"{attack:<22} {peak:>30}   {statuses}")


if __name__ == "__main__":
    main()
