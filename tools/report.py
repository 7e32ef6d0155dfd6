"""The instructor report: what the class got wrong, as one offline HTML page and as a terminal summary.

Everything here is written in the instructor's language, English or Portuguese (``language``: ``"en"``,
``"pt"``, or None for the locale's; ``python -m tools grade --lang``): every fixed text comes from
:data:`tools.instructor_texts.TEXTS`, numbers are written with a decimal comma in Portuguese, the fixed parts of
submissions' statuses are translated (their data never are: :func:`tools.instructor_texts.reason_text`), and a
diagnosed mistake is told by its declared explanation in that language.

``report.html`` (written at the course root, so its links to ``feedback/`` are relative) has, for the whole
course and across both languages:

* a language filter (EN + PT, EN, PT): CSS radio buttons, so it works offline, in a mail attachment and with
  JavaScript off; a few lines of script only read and write the choice in the address (``#lang=pt``);
* the students x assignments table: score, status and a link to each submission's feedback, the students
  with a submission that could not be graded first, with the reason;
* per assignment, one view of its English and Portuguese submissions: the score distribution and the pass
  rate per function (a matplotlib figure, an inline PNG), and what the class got wrong: per graded function,
  how many submissions passed it and how many made each diagnosed mistake (its explanation from
  declared explanation, else its label), failures with no diagnosis apart.

Every text that comes from a submission (student ids, file names in reasons) is data: control characters are
shown as escapes (:func:`tools.grading.intake.printable`) on the terminal and in the page, and HTML is escaped.
A score is the final score, the one ``grades.csv`` and the LMS get: nbgrader's score minus its late penalty,
at least 0, with the penalty beside it.
"""
import base64
import html
import io
import textwrap
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

from .course import ASSIGNMENTS, LANGUAGES, assignment_ids, split_assignment_id
from .exercise import exercises
from .grading.diagnosis import explanation
from .grading.gradebook import db_url
from .grading.intake import printable
from .instructor_texts import chosen, counted, decimal, note_text, reason_text, score as written_score, text

SUFFIXES = ("_example", "_hidden")
ALL = "all"  # the filter's value for both languages together
FILTERS = (ALL,) + LANGUAGES
FILTER_LABELS = {ALL: "EN + PT", **{language: language.upper() for language in LANGUAGES}}
COLOURS = {"en": "#4a7ab5", "pt": "#d08c2f"}
NOT_GRADED = "not graded: "


def function_of(grade_id):
    """The graded function a test cell checks: its grade id without ``_example`` / ``_hidden``."""
    for suffix in SUFFIXES:
        if grade_id.endswith(suffix):
            return grade_id[: -len(suffix)]
    return grade_id


def reason_of(result):
    """Why a submission was not graded (its status without ``not graded: ``)."""
    return result.status[len(NOT_GRADED):] if result.status.startswith(NOT_GRADED) else result.status


def final_score(result):
    """The score that goes to ``grades.csv`` and the LMS: nbgrader's score minus its late penalty, at least 0."""
    return max(0.0, (result.score or 0.0) - (result.penalty or 0.0))


def score_text(result, sep="/", minus="-", language="en"):
    """``"12/12"``, or for a late submission the final score and the penalty: ``"0/12 (late: -12)"``
    (``"10,5/12 (atraso: -1,5)"`` in Portuguese)."""
    shown = f"{written_score(final_score(result), language)}{sep}{written_score(result.max_score, language)}"
    if not result.penalty:
        return shown
    return text("late", language, score=shown, penalty=f"{minus}{written_score(result.penalty, language)}")


def note_of(result):
    """The note of a submission graded with one (``graded (note)``), else ``""``."""
    return result.status[len("graded ("):-1] if result.status.startswith("graded (") else ""


def name_and_language(assignment_id):
    """``"regularization_pt"`` -> ``("regularization", "pt")``; an id outside the course is split at its last ``_``."""
    try:
        assignment, language = split_assignment_id(assignment_id)
        return assignment.name, language
    except KeyError:
        name, _, language = assignment_id.rpartition("_")
        return (name, language) if name else (assignment_id, "")


def summarise(results):
    """Per assignment id: total scores of graded submissions, pass rate of every test cell, and failures.

    Returns
    -------
    dict : assignment id -> {"scores": [float], "max": float, "cells": {grade_id: (passed, graded)},
        "not_graded": [(student, reason)]}
    """
    summary = defaultdict(lambda: {"scores": [], "max": 0.0, "cells": {}, "not_graded": []})
    for r in sorted(results, key=lambda r: (r.assignment, r.student)):
        entry = summary[r.assignment]
        if not r.graded:
            entry["not_graded"].append((r.student, reason_of(r)))
            continue
        entry["scores"].append(final_score(r))
        entry["max"] = r.max_score
        for grade_id, (score, max_score) in r.cells.items():
            passed, graded = entry["cells"].get(grade_id, (0, 0))
            entry["cells"][grade_id] = (passed + (score == max_score), graded + 1)
    return dict(summary)


# --- what the class got wrong --------------------------------------------------------------------------------

def mistake_text(name, function, label, language="en"):
    """What the report says of a diagnosed mistake: its declared explanation in ``language``, or its label
    (outside the course)."""
    return explanation(name, function, label, language) if name in ASSIGNMENTS else label


def function_passes(result):
    """function -> whether the submission has full marks on every test cell of that function."""
    passes = {}
    for grade_id, (score, max_score) in result.cells.items():
        function = function_of(grade_id)
        passes[function] = passes.get(function, True) and score == max_score
    return passes


def ordered_functions(name, seen):
    """The functions in ``seen`` in notebook order (the declarations'), others after, as seen."""
    order = list(exercises(name)) if name in ASSIGNMENTS else []
    seen = list(dict.fromkeys(seen))
    return sorted(seen, key=lambda f: (order.index(f) if f in order else len(order), seen.index(f)))


def class_view(results, name):
    """One assignment's graded submissions in both languages: scores and, per function, what the class got wrong.

    Counts are per language (a ``Counter`` keyed by language); a mistake is counted when the function failed
    and the grader diagnosed it; a function left as released is ``unanswered``; any other failure without a
    diagnosis is ``undiagnosed``.

    Returns
    -------
    dict : {"scores": {language: [float]}, "max": float, "graded": Counter,
        "functions": {function: {"submissions": Counter, "passed": Counter, "mistakes": {label: Counter},
        "unanswered": Counter, "undiagnosed": Counter}}} with the functions in notebook order.
    """
    scores, graded, max_score, functions = defaultdict(list), Counter(), 0.0, {}
    for r in results:
        own, language = name_and_language(r.assignment)
        if own != name or not r.graded:
            continue
        scores[language].append(final_score(r))
        graded[language] += 1
        max_score = max(max_score, r.max_score or 0.0)
        for function, passed in function_passes(r).items():
            entry = functions.setdefault(function, {"submissions": Counter(), "passed": Counter(), "mistakes": {},
                                                    "unanswered": Counter(), "undiagnosed": Counter()})
            entry["submissions"][language] += 1
            if passed:
                entry["passed"][language] += 1
            elif r.mistakes.get(function):
                entry["mistakes"].setdefault(r.mistakes[function], Counter())[language] += 1
            elif function in r.unanswered:
                entry["unanswered"][language] += 1
            else:
                entry["undiagnosed"][language] += 1
    return {"scores": dict(scores), "max": max_score, "graded": graded,
            "functions": {f: functions[f] for f in ordered_functions(name, functions)}}


def assignment_names(results):
    """The assignments (names, not ids) of ``results``, in course order."""
    names = {name_and_language(r.assignment)[0] for r in results}
    ordered = [name for name in ASSIGNMENTS if name in names]
    return ordered + sorted(names - set(ordered))


# --- HTML ----------------------------------------------------------------------------------------------------

def esc(value):
    """``value`` as HTML text or attribute value (quotes escaped too, control characters shown as escapes)."""
    return html.escape(printable(value), quote=True)


def in_classes(languages):
    """The classes of an element the filter hides when its language is not among ``languages``."""
    return " ".join(["filtered"] + [f"in-{language}" for language in sorted(set(languages))])


def per_language(data, render):
    """One span per value of the language filter, ``render(data, value)`` in it: the CSS shows the selected one.

    ``data`` is what ``render`` reads (usually a Counter keyed by language, see :func:`total`); ``value`` is a
    language or ``all``, both languages together.
    """
    return "".join(f"<span class='v v-{value}'>{esc(render(data, value))}</span>" for value in FILTERS)


def total(counter, value):
    """``counter``'s number for a filter value: one language's, or the sum over the languages for ``all``."""
    return sum(counter.get(language, 0) for language in LANGUAGES) if value == ALL else counter.get(value, 0)


def fraction(part, whole, percent=False, language="en"):
    """A render function for :func:`per_language`: ``"12 of 40"`` (and ``" (30 %)"`` with ``percent``);
    ``"12 de 40"`` in Portuguese."""
    def render(_, value):
        k, n = total(part, value), total(whole, value)
        return text("of", language, part=k, whole=n) + (f" ({100 * k / n:.0f} %)" if percent and n else "")
    return render


def mean_score(scores, value, max_score, language="en"):
    """A render function for :func:`per_language`: ``"mean 7.50 / 12"`` (``"média 7,50 / 12"``) of one
    language's scores or of all."""
    picked = [s for submitted in LANGUAGES if value in (ALL, submitted) for s in scores.get(submitted, [])]
    if not picked:
        return text("no_score", language)
    return text("mean", language, mean=decimal(sum(picked) / len(picked), 2, language),
                max=written_score(max_score, language))


def feedback_href(student, assignment_id):
    """The feedback page of a submission, relative to the course root: ``feedback/<student>/<id>/<notebook>.html``."""
    name, _ = name_and_language(assignment_id)
    notebook = ASSIGNMENTS[name].notebook if name in ASSIGNMENTS else f"{name}.ipynb"
    page = notebook[: -len(".ipynb")] + ".html" if notebook.endswith(".ipynb") else notebook + ".html"
    return "/".join(quote(part, safe="") for part in ("feedback", student, assignment_id, page))


def submission_html(result, course, language="en"):
    """One submission in the students table: its language, score with a link to its feedback, or why not graded.

    ``language`` is the instructor's (the page's); the submission's own is the tag.
    """
    submitted = name_and_language(result.assignment)[1]
    tag = f"<span class='lang'>{esc(submitted.upper())}</span> "
    if not result.graded:
        return (f"<div class='sub notgraded {in_classes([submitted])}'>{tag}<b>{esc(text('not_graded', language))}"
                f"</b>: {esc(reason_text(reason_of(result), language))}</div>")
    score = score_text(result, " / ", "\u2212", language)
    href = feedback_href(result.student, result.assignment)
    link = (f"<a href='{esc(href)}'>{esc(score)}</a>" if (Path(course) / href).exists()
            else f"{esc(score)} <small>({esc(text('no_feedback_page', language))})</small>")
    note = note_of(result)
    note = f" <small class='note'>{esc(note_text(note, language))}</small>" if note else ""
    return f"<div class='sub {in_classes([submitted])}'>{tag}{link}{note}</div>"


def students_table(results, course, names, language="en"):
    """The students x assignments table; students with a submission that could not be graded come first."""
    by_student = defaultdict(lambda: defaultdict(list))
    for r in results:
        by_student[r.student][name_and_language(r.assignment)[0]].append(r)
    order = sorted(by_student, key=lambda s: (all(r.graded for rs in by_student[s].values() for r in rs), s))
    rows = [f"<table class='students'><thead><tr><th>{esc(text('student', language))}</th>"
            + "".join(f"<th>{esc(name)}</th>" for name in names) + "</tr></thead><tbody>"]
    for student in order:
        subs = [r for rs in by_student[student].values() for r in rs]
        languages = [name_and_language(r.assignment)[1] for r in subs]
        failed = " notgraded" if any(not r.graded for r in subs) else ""
        cells = "".join("<td>" + "".join(submission_html(r, course, language) for r in sorted(
            by_student[student].get(name, []), key=lambda r: r.assignment)) + "</td>" for name in names)
        rows.append(f"<tr class='student{failed} {in_classes(languages)}' data-student='{esc(student)}'>"
                    f"<th>{esc(student)}</th>{cells}</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def not_graded_list(results, language="en"):
    """The submissions that could not be graded, with the reason (empty when every one was graded)."""
    failed = sorted((r for r in results if not r.graded), key=lambda r: (r.student, r.assignment))
    if not failed:
        return ""
    items = "".join(f"<li class='{in_classes([name_and_language(r.assignment)[1]])}'>{esc(r.student)} / "
                    f"{esc(r.assignment)}: {esc(reason_text(reason_of(r), language))}</li>" for r in failed)
    count = per_language(Counter(name_and_language(r.assignment)[1] for r in failed), total)
    return (f"<div class='attention {in_classes(name_and_language(r.assignment)[1] for r in failed)}'>"
            f"<h3>{esc(text('could_not_be_graded', language))} ({count})</h3><ul>{items}</ul></div>")


def figure_png(name, view, language="en"):
    """The assignment's figure as base64 PNG: score histogram stacked by the submissions' language, pass rate per
    function and submission language; its labels in ``language``, the instructor's.

    Drawn on a bare matplotlib ``Figure`` (the Agg canvas): no pyplot, no global backend.
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    submitted = [code for code in LANGUAGES if view["scores"].get(code)]  # the submissions' languages
    functions = list(view["functions"])
    fig = Figure(figsize=(9, 3.2 + 0.45 * len(functions)))
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [3, 0.5 + 0.45 * len(functions)]})
    top.hist([view["scores"][code] for code in submitted], bins=12, range=(0, view["max"] or 1),
             stacked=True, color=[COLOURS.get(code, "grey") for code in submitted],
             label=[code.upper() for code in submitted], edgecolor="white")
    top.set_xlabel(text("total_score", language))
    top.set_ylabel(text("submissions_axis", language))
    top.set_title(text("distribution", language, name=name))
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.legend(loc="upper left")
    height = 0.8 / max(1, len(submitted))
    for i, code in enumerate(submitted):
        rates = [100 * view["functions"][f]["passed"][code] / (view["functions"][f]["submissions"][code] or 1)
                 for f in functions]
        bottom.barh([len(functions) - 1 - j + 0.4 - height * (i + 0.5) for j in range(len(functions))], rates,
                    height=height, color=COLOURS.get(code, "grey"), label=code.upper())
    bottom.set_yticks(range(len(functions)), functions[::-1])
    bottom.set_xlim(0, 100)
    bottom.set_xlabel("\n".join(textwrap.wrap(text("pass_axis", language), 80)))  # within the figure's width
    bottom.set_title(text("pass_rate", language))
    numbers = FuncFormatter(lambda value, _: written_score(round(value, 6), language))  # 2.5 / 2,5
    for axis in (top.xaxis, top.yaxis, bottom.xaxis):
        axis.set_major_formatter(numbers)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def mistakes_list(name, function, entry, language="en"):
    """The diagnosed mistakes of one function, most frequent first, the undiagnosed failures, the unanswered."""
    items = []
    for label, counter in sorted(entry["mistakes"].items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        counts = per_language(counter, fraction(counter, entry["submissions"], language=language))
        items.append(f"<li class='mistake {in_classes(submitted for submitted in counter if counter[submitted])}'"
                     f" data-label='{esc(label)}'>{counts} {esc(mistake_text(name, function, label, language))}</li>")
    for key in ("undiagnosed", "unanswered"):
        counter = entry[key]
        if sum(counter.values()):
            shown_in = in_classes(submitted for submitted in counter if counter[submitted])
            counts = per_language(counter, fraction(counter, entry["submissions"], language=language))
            items.append(f"<li class='{key} {shown_in}'>{counts} {esc(text(key, language))}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def assignment_section(name, view, results, language="en"):
    """One assignment, both languages: summary, figure, and the table of what the class got wrong."""
    title = ASSIGNMENTS[name].titles.get(language, name) if name in ASSIGNMENTS else name
    not_graded = Counter(name_and_language(r.assignment)[1] for r in results
                         if not r.graded and name_and_language(r.assignment)[0] == name)
    mean = per_language(view["scores"], lambda scores, value: mean_score(scores, value, view["max"], language))
    graded = per_language(view["graded"], lambda c, v: counted("graded", total(c, v), language))
    failed = per_language(not_graded, lambda c, v: counted("not_graded", total(c, v), language))
    parts = [f"<section class='assignment' id='{esc(name)}' data-assignment='{esc(name)}'>",
             f"<h2>{esc(title)} <small>({esc(name)})</small></h2>",
             f"<p class='summary'>{graded}, {mean}, {failed}</p>"]
    if not sum(view["graded"].values()):
        return "\n".join(parts + [f"<p>{esc(text('nobody_graded', language))}</p></section>"])
    parts.append(f"<img class='figure' alt='{esc(text('figure_alt', language, name=name))}' "
                 f"src='data:image/png;base64,{figure_png(name, view, language)}'>")
    parts.append(f"<h3>{esc(text('class_got_wrong', language))}</h3><table class='functions'><thead><tr>"
                 + "".join(f"<th>{esc(text(key, language))}</th>" for key in ("function", "passed", "failures"))
                 + "</tr></thead><tbody>")
    for function, entry in view["functions"].items():
        passed = per_language(entry["passed"], fraction(entry["passed"], entry["submissions"], True, language))
        parts.append(f"<tr class='function' data-function='{esc(function)}'><th>{esc(function)}</th>"
                     f"<td class='rate'>{passed}</td><td>{mistakes_list(name, function, entry, language)}</td></tr>")
    parts.append("</tbody></table></section>")
    return "\n".join(parts)


STYLE = """
body{font-family:sans-serif;max-width:1150px;margin:auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:3px 10px;text-align:left;vertical-align:top;
border-bottom:1px solid #ddd}thead th{background:#f0f0f0}img{max-width:100%}ul{margin:0;padding-left:1.2em}
.lang{font-size:75%;background:#eee;border-radius:3px;padding:0 3px}.note{color:#777}
tr.notgraded>th,.sub.notgraded{color:#a00}.attention{border:1px solid #c99;background:#fff4f4;padding:.3em 1em}
.filter{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ccc;z-index:1}
input[name=lang]{position:absolute;opacity:0}
.filter label{border:1px solid #888;border-radius:4px;padding:1px 8px;cursor:pointer}
input[name=lang]:focus-visible~.filter{outline:2px solid #4a7ab5}
.v{display:none}.v-all{display:inline}
"""


def filter_style():
    """The CSS of the language filter: per selected value, its label highlighted, its spans and rows shown."""
    rules = []
    for value in FILTERS:
        selected = f"#lang-{value}:checked~"
        rules.append(f"{selected}.filter [for=lang-{value}]{{background:#4a7ab5;color:#fff}}")
        if value != ALL:
            rules.append(f"{selected}main .v-all{{display:none}}{selected}main .v-{value}{{display:inline}}")
            rules.append(f"{selected}main .filtered:not(.in-{value}){{display:none}}")
    return "\n".join(rules)


SCRIPT = """(function () {
  var m = /lang=(\\w+)/.exec(location.hash + location.search), radio = m && document.getElementById('lang-' + m[1]);
  if (radio) radio.checked = true;
  document.querySelectorAll('input[name=lang]').forEach(function (input) {
    input.addEventListener('change', function () { history.replaceState(null, '', '#lang=' + input.value); });
  });
})();"""


def language_filter(language="en"):
    """The language filter: radio buttons, siblings before ``<main>`` (which the CSS filters), and their labels."""
    radios = "".join(f"<input type='radio' name='lang' id='lang-{value}' value='{value}'"
                     f"{' checked' if value == ALL else ''}>" for value in FILTERS)
    labels = " ".join(f"<label for='lang-{value}'>{FILTER_LABELS[value]}</label>" for value in FILTERS)
    return f"{radios}\n<div class='filter'>{esc(text('language', language))} {labels}</div>"


def headline(results, language="en"):
    """``"10 submissions of 8 students, 8 graded, 2 not graded."``, per value of the language filter."""
    def counts(results, value):
        picked = [r for r in results if value in (ALL, name_and_language(r.assignment)[1])]
        graded = sum(r.graded for r in picked)
        return text("headline", language, submissions=counted("submissions", len(picked), language),
                    students=counted("students", len({r.student for r in picked}), language),
                    graded=counted("graded", graded, language),
                    not_graded=counted("not_graded", len(picked) - graded, language))
    return per_language(results, counts)


HTML_LANG = {"en": "en", "pt": "pt-BR"}


def page(results, course, language=None):
    """The whole report as one HTML string, in ``language`` (None: the locale's): no external file, script or
    font."""
    language = chosen(language)
    names = assignment_names(results)
    views = {name: class_view(results, name) for name in names}
    title = esc(text("title", language))
    body = [f"<h1>{title}</h1><p>{headline(results, language)} {esc(text('assignments', language))} "
            + ", ".join(f"<a href='#{esc(name)}'>{esc(name)}</a>" for name in names) + "</p>",
            not_graded_list(results, language),
            f"<h2>{esc(text('students', language))}</h2>", students_table(results, course, names, language)]
    body += [assignment_section(name, views[name], results, language) for name in names]
    return (f"<!doctype html>\n<html lang='{HTML_LANG[language]}'><head><meta charset='utf-8'><title>{title}</title>"
            f"<style>{STYLE}{filter_style()}</style></head><body>\n{language_filter(language)}\n<main>\n"
            + "\n".join(body) + f"\n</main>\n<script>{SCRIPT}</script>\n</body></html>\n")


def write_html(results, path, language=None):
    """Write the report to ``path`` (at the course root: its feedback links are relative to it), in ``language``
    (None: the locale's); returns the path."""
    path = Path(path)
    path.write_text(page(results, path.parent, language), encoding="utf-8")
    return path


# --- terminal ------------------------------------------------------------------------------------------------

def print_summary(results, hardest=3, language=None):
    """Per assignment, the mean score, the test cells the class struggled with most and the mistakes named, in
    ``language`` (None: the locale's)."""
    language = chosen(language)
    for assignment, entry in summarise(results).items():
        n = len(entry["scores"])
        mean = sum(entry["scores"]) / n if n else 0
        print(text("summary", language, assignment=assignment, graded=counted("graded", n, language),
                   mean=decimal(mean, 2, language), max=written_score(entry["max"], language),
                   not_graded=counted("not_graded", len(entry["not_graded"]), language)))
        ranked = sorted(entry["cells"].items(), key=lambda kv: kv[1][0] / kv[1][1])[:hardest]
        if ranked:
            print(text("summary/hardest", language))
        for grade_id, (passed, graded) in ranked:
            full = text("full_marks", language, percent=f"{100 * passed / graded:5.0f}")
            print(f"    {full}  {grade_id}  ({function_of(grade_id)})")
    for name in assignment_names(results):
        view = class_view(results, name)
        named = [(function, label, sum(counts.values())) for function, entry in view["functions"].items()
                 for label, counts in entry["mistakes"].items()]
        if named:
            print(text("named", language, name=name,
                       graded=counted("graded", sum(view["graded"].values()), language)))
            for function, label, count in named:
                print(f"    {count} x {function}: {mistake_text(name, function, label, language)}")


WHERE = ("gradebook", "grades", "feedback", "autograded", "report")


def where(key, language):
    """``"grades:     "``: the label of an output's line, padded so that the paths line up."""
    width = max(len(text(f"where/{k}", language)) for k in WHERE) + 1
    return text(f"where/{key}", language).ljust(width)


def report(results, course, language=None):
    """Everything the instructor reads after grading, in ``language`` (None: the locale's): table, what the class
    got wrong, report.html."""
    language = chosen(language)
    print_table(results, course, language)
    print()
    print_summary(results, language=language)
    path = write_html(results, Path(course) / "report.html", language)
    print(f"\n{where('report', language)}{path}  {text('report_is', language)}")


def print_table(results, course, language=None):
    """The students x assignments table, the submissions that could not be graded, and where the outputs are, in
    ``language`` (None: the locale's)."""
    language = chosen(language)
    columns = [a for a in assignment_ids() if any(r.assignment == a for r in results)]
    students = sorted({r.student for r in results})
    by_key = {(r.student, r.assignment): r for r in results}
    rows = {student: ["" if (r := by_key.get((student, column))) is None
                      else score_text(r, language=language) if r.graded
                      else text("not_graded", language) for column in columns] for student in students}
    header = text("student", language)
    width = max([len(printable(s)) for s in students] + [7, len(header)]) + 2
    col_width = max([len(c) for c in columns] + [len(c) for cells in rows.values() for c in cells] + [0]) + 2
    print("\n" + header.ljust(width) + "".join(c.rjust(col_width) for c in columns))
    for student in students:
        print(printable(student).ljust(width) + "".join(c.rjust(col_width) for c in rows[student]))
    failed = [r for r in results if not r.graded]
    if failed:
        print("\n" + text("not_graded_list", language))
        for r in failed:
            print(f"  {printable(r.student)} / {r.assignment}: {printable(reason_text(reason_of(r), language))}")
    noted = [r for r in results if note_of(r)]
    if noted:
        print("\n" + text("noted_list", language))
        for r in noted:
            print(f"  {printable(r.student)} / {r.assignment}: {printable(note_text(note_of(r), language))}")
    course = Path(course)
    per_submission = text("per_submission", language)
    print(f"\n{where('gradebook', language)}{make_url(db_url(course)).render_as_string(hide_password=True)}  "
          f"{text('gradebook_is', language)}")
    print(f"{where('grades', language)}{course / 'grades.csv'}")
    print(f"{where('feedback', language)}{course / 'feedback'}/{per_submission}/*.html")
    print(f"{where('autograded', language)}{course / 'autograded'}/{per_submission}/")
