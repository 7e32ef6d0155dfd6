"""The instructor report: what the class got wrong, as HTML with plots and as a terminal summary."""
import base64
import html
import io
from collections import defaultdict
from pathlib import Path

from sqlalchemy.engine import make_url

from .course import assignment_ids
from .grading.gradebook import db_url

SUFFIXES = ("_example", "_hidden")


def function_of(grade_id):
    """The graded function a test cell checks: its grade id without ``_example`` / ``_hidden``."""
    for suffix in SUFFIXES:
        if grade_id.endswith(suffix):
            return grade_id[: -len(suffix)]
    return grade_id


def summarise(results):
    """Per assignment: total scores of graded submissions, pass rate of every test cell, and failures.

    Returns
    -------
    dict : assignment id -> {"scores": [float], "max": float, "cells": {grade_id: (passed, graded)},
        "not_graded": [(student, reason)]}
    """
    summary = defaultdict(lambda: {"scores": [], "max": 0.0, "cells": {}, "not_graded": []})
    for r in sorted(results, key=lambda r: (r.assignment, r.student)):
        entry = summary[r.assignment]
        if not r.graded:
            entry["not_graded"].append((r.student, r.status[len("not graded: "):]))
            continue
        entry["scores"].append(r.score)
        entry["max"] = r.max_score
        for grade_id, (score, max_score) in r.cells.items():
            passed, graded = entry["cells"].get(grade_id, (0, 0))
            entry["cells"][grade_id] = (passed + (score == max_score), graded + 1)
    return dict(summary)


def _png(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _figures(assignment, entry):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from matplotlib.ticker import MaxNLocator

    fig, (left, right) = plt.subplots(2, 1, figsize=(9, 3.5 + 0.3 * len(entry["cells"])),
                                      gridspec_kw={"height_ratios": [3, 1 + 0.3 * len(entry["cells"])]})
    left.hist(entry["scores"], bins=min(12, max(4, len(entry["scores"]))), range=(0, entry["max"] or 1),
              color="#4a7ab5", edgecolor="white")
    left.set_xlabel("total score")
    left.set_ylabel("submissions")
    left.set_title(f"{assignment}: score distribution")
    left.yaxis.set_major_locator(MaxNLocator(integer=True))
    names = list(entry["cells"])
    rates = [100 * p / g for p, g in entry["cells"].values()]
    right.barh(names[::-1], rates[::-1], color=["#c0504d" if r < 50 else "#9bbb59" for r in rates[::-1]])
    right.set_xlim(0, 100)
    right.set_xlabel("% of graded submissions with full marks")
    right.set_title("pass rate per test cell")
    fig.tight_layout()
    image = _png(fig)
    plt.close(fig)
    return image


def write_html(results, path):
    """Write the report to ``path``: per assignment, the score histogram, the test-cell pass rates, the failures."""
    parts = ["<!doctype html><meta charset='utf-8'><title>Class report</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}td,th{padding:2px 10px;text-align:left}"
             "img{max-width:100%}</style><h1>Class report</h1>"]
    for assignment, entry in summarise(results).items():
        parts.append(f"<h2>{html.escape(assignment)}</h2>")
        n = len(entry["scores"])
        if n:
            mean = sum(entry["scores"]) / n
            parts.append(f"<p>{n} graded, mean {mean:.2f} / {entry['max']:g}</p>")
            parts.append(f"<img alt='plots of {html.escape(assignment)}' src='data:image/png;base64,"
                         f"{_figures(assignment, entry)}'>")
            parts.append("<table><tr><th>test cell</th><th>function</th><th>full marks</th></tr>")
            for grade_id, (passed, graded) in sorted(entry["cells"].items(), key=lambda kv: kv[1][0] / kv[1][1]):
                parts.append(f"<tr><td>{html.escape(grade_id)}</td><td>{html.escape(function_of(grade_id))}</td>"
                             f"<td>{passed}/{graded} ({100 * passed / graded:.0f} %)</td></tr>")
            parts.append("</table>")
        if entry["not_graded"]:
            parts.append("<h3>Could not be graded</h3><ul>")
            parts += [f"<li>{html.escape(s)}: {html.escape(reason)}</li>" for s, reason in entry["not_graded"]]
            parts.append("</ul>")
    path = Path(path)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def print_summary(results, hardest=3):
    """Per assignment, the mean score and the test cells the class struggled with most."""
    for assignment, entry in summarise(results).items():
        n = len(entry["scores"])
        mean = sum(entry["scores"]) / n if n else 0
        print(f"{assignment}: {n} graded, mean {mean:.2f}/{entry['max']:g}, {len(entry['not_graded'])} not graded")
        ranked = sorted(entry["cells"].items(), key=lambda kv: kv[1][0] / kv[1][1])[:hardest]
        for grade_id, (passed, graded) in ranked:
            print(f"    {100 * passed / graded:5.0f} % full marks  {grade_id}  ({function_of(grade_id)})")


def report(results, course):
    """Everything the instructor reads after grading: table, what the class got wrong, report.html."""
    print_table(results, course)
    print()
    print_summary(results)
    print(f"\nreport:     {write_html(results, Path(course) / 'report.html')}  (score distributions, pass rate per test cell)")


def print_table(results, course):
    """The students x assignments table, the submissions that could not be graded, and where the outputs are."""
    columns = [a for a in assignment_ids() if any(r.assignment == a for r in results)]
    students = sorted({r.student for r in results})
    by_key = {(r.student, r.assignment): r for r in results}
    width = max([len(s) for s in students] + [7]) + 2
    col_width = max(len(c) for c in columns) + 2
    print("\n" + "student".ljust(width) + "".join(c.rjust(col_width) for c in columns))
    for student in students:
        cells = []
        for column in columns:
            r = by_key.get((student, column))
            cells.append("" if r is None else f"{r.score:g}/{r.max_score:g}" if r.graded else "not graded")
        print(student.ljust(width) + "".join(c.rjust(col_width) for c in cells))
    failed = [r for r in results if not r.graded]
    if failed:
        print("\nnot graded:")
        for r in failed:
            print(f"  {r.student} / {r.assignment}: {r.status[len('not graded: '):]}")
    noted = [r for r in results if r.graded and r.status != "graded"]
    if noted:
        print("\ngraded, with a note:")
        for r in noted:
            print(f"  {r.student} / {r.assignment}: {r.status[len('graded ('):-1]}")
    course = Path(course)
    print(f"\ngradebook:  {make_url(db_url(course)).render_as_string(hide_password=True)}  "
          "(nbgrader's gradebook; `make lab` opens the formgrader)")
    print(f"grades:     {course / 'grades.csv'}")
    print(f"feedback:   {course / 'feedback'}/<student>/<assignment>/*.html")
    print(f"autograded: {course / 'autograded'}/<student>/<assignment>/")
