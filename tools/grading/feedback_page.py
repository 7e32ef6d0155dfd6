"""The feedback page a student can act on, in the notebook's language (an nbconvert exporter, ``generate_feedback``).

nbgrader's own feedback template frames the notebook in English whatever its language ("Score", "Test cell",
"Student's answer") and lists the test cells by that one name. ``LocalizedFeedbackPage`` renders the page with
the pack's template (``templates/feedback.html.j2``) instead:

* at the top, the total and a summary with one row per graded function, in notebook order: the function, its
  points ("2 de 3" / "2 of 3") and, for each of its test cells, a link to the cell on the page and the message the
  grader wrote when it scored it (:mod:`.scoring`; :class:`~.feedback.FeedbackFromGrader` hands the messages over in
  ``Pack.messages``); then the other graded cells (answers, tasks) and the instructor's comments,
  if any;
* below, the notebook as :class:`~.feedback.FeedbackFromGrader` left it, each graded cell headed by what it is
  and its score.

Every fixed word of the page is in ``TEXTS``, in English and in Brazilian Portuguese; the language comes from the
assignment id (:func:`~.notebook.notebook_language`). The template escapes everything it is given (Jinja's
autoescape around the pack's parts of the page); an image without a text (``alt``) gets the page's. The page
is :class:`~.inert.FeedbackPage`'s: student markdown cleaned, no script in the page (not even MathJax: formulas
show as LaTeX) and the same Content-Security-Policy.
"""
from pathlib import Path

from jinja2 import FileSystemLoader
from traitlets import default

from . import messages
from .inert import FeedbackPage
from .notebook import function_and_label, grade_id, notebook_language
from .record import pack

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "feedback.html.j2"
HTML_LANG = {"en": "en", "pt": "pt-BR"}

TEXTS = {
    "en": {
        "page_title": "{title}: feedback",
        "subtitle": "Feedback on your submission",
        "total": "Score: {points} of {max_points} {unit}",
        "late_penalty": "Late submission penalty: −{points} {unit}",
        "unit_one": "point",  # after 1
        "unit_other": "points",  # after any other number
        "summary": "What the grader found, function by function",
        "summary_note": "Each link leads to the cell on this page where the grader wrote its message.",
        "function": "Function",
        "points": "Points",
        "messages": "Grader's messages",
        "other": "Other graded cells",
        "of": "{points} of {max_points}",
        "example": "Example test",
        "hidden": "Hidden tests",
        "test": "Test",
        "answer": "Your answer",
        "task": "Task",
        "comment": "Instructor's comment",
        "no_message": "(no message)",
        "score": "Score: {points} of {max_points}",
        "to_summary": "↑ Summary",
        "notebook": "Your notebook as submitted, with the grader's messages under the tests",
        "no_alt": "No description has been provided for this image",
    },
    "pt": {
        "page_title": "{title}: correção",
        "subtitle": "Correção da sua entrega",
        "total": "Nota: {points} de {max_points} {unit}",
        "late_penalty": "Penalidade por atraso: −{points} {unit}",
        "unit_one": "ponto",  # after a number below 2 (1; 1,5)
        "unit_other": "pontos",  # after any other number
        "summary": "O que o corretor encontrou, função por função",
        "summary_note": "Cada link leva à célula desta página em que o corretor escreveu sua mensagem.",
        "function": "Função",
        "points": "Pontos",
        "messages": "Mensagens do corretor",
        "other": "Outras células avaliadas",
        "of": "{points} de {max_points}",
        "example": "Teste do exemplo",
        "hidden": "Testes ocultos",
        "test": "Teste",
        "answer": "Sua resposta",
        "task": "Tarefa",
        "comment": "Comentário do professor",
        "no_message": "(sem mensagem)",
        "score": "Pontuação: {points} de {max_points}",
        "to_summary": "↑ Resumo",
        "notebook": "Seu notebook como foi entregue, com as mensagens do corretor abaixo dos testes",
        "no_alt": "Nenhuma descrição foi fornecida para esta imagem",
    },
}
TEST_LABELS = ("example", "hidden")  # a test cell's grade_id is <function>_<label>; these labels have a name


def number(value, language):
    """A score as a person writes it: ``2``, ``1.5`` (``1,5`` in Portuguese), at most two decimals."""
    return messages.number(round(float(value or 0), 2), language)


def unit(value, language):
    """The word for points after ``value``: singular for 1 (in Portuguese, for any number below 2), else plural."""
    value = abs(float(value or 0))
    singular = value < 2 and value != 0 if language == "pt" else value == 1
    return TEXTS[language]["unit_one" if singular else "unit_other"]


def late_line(penalty, terms, language):
    """The page's line on lateness, or None: with the course plugin's ``terms`` (:func:`.late.terms`) how late and
    what it cost ("Entregue com 2 dias de atraso: −20 % dos pontos (limite de 50 %), ou seja, −1,6 ponto."); with
    another plugin (nbgrader's "zero"), the points taken only."""
    penalty = float(penalty or 0)
    if terms:
        return messages.late(terms, f"{number(penalty, language)} {unit(penalty, language)}", language)
    if penalty > 0:
        return TEXTS[language]["late_penalty"].format(points=number(penalty, language), unit=unit(penalty, language))
    return None


def anchor(cell):
    """The id of a graded cell's panel on the page (the summary links to it)."""
    return "grade-" + grade_id(cell)


def title(resources):
    """The assignment's title in the notebook's language, else the notebook's name."""
    from ..course import split_assignment_id
    nbgrader = resources.get("nbgrader", {})
    try:
        assignment, language = split_assignment_id(nbgrader.get("assignment", ""))
    except KeyError:
        return nbgrader.get("notebook", "")
    return assignment.titles.get(language) or nbgrader.get("notebook", "")


def page_data(nb, resources):
    """What the template shows besides the cells: the texts of the page's language, the total, the summary rows
    and each graded cell's heading (by grade_id). Scores are the gradebook's (``GetGrades``); messages are the
    grader's, as it wrote them."""
    language = notebook_language(resources)
    texts = TEXTS[language]
    nbgrader = resources.get("nbgrader", {})
    messages = pack(resources).messages  # kept by FeedbackFromGrader, which runs before

    def of(points, max_points, key="of"):
        return texts[key].format(points=number(points, language), max_points=number(max_points, language))

    rows, others, cells = {}, [], {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not (meta.get("grade") or meta.get("solution") or meta.get("task")):
            continue
        score, points = meta.get("score"), meta.get("points")
        heading = {"anchor": anchor(cell), "code": None,
                   "score": of(score, points, "score") if meta.get("grade") or meta.get("task") else None}
        if meta.get("grade") and not meta.get("solution") and cell.cell_type == "code":  # a test cell
            function, label = function_and_label(cell)
            function = function or grade_id(cell)
            heading.update(label=texts[label] if label in TEST_LABELS else texts["test"], code=function or None)
            row = rows.setdefault(function, {"function": function, "score": 0.0, "points": 0.0, "tests": [],
                                             "comment": None})
            row["score"] += float(score or 0)
            row["points"] += float(points or 0)
            row["tests"].append({"href": "#" + heading["anchor"], "label": heading["label"],
                                 "message": messages.get(grade_id(cell)) or texts["no_message"]})
        else:  # the student's answer (a graded function's code, or a manually graded answer) or a task
            heading["label"] = texts["task"] if meta.get("task") else texts["answer"]
            if cell.cell_type == "code" and not meta.get("grade"):  # a graded function, named by its grade_id
                heading["code"] = grade_id(cell)
            if meta.get("grade") or meta.get("task") or meta.get("comment"):
                others.append((cell, heading))
        cells[grade_id(cell)] = heading

    # An answer's comment belongs to its function's row; other answers and tasks get rows of their own.
    other_rows = []
    for cell, heading in others:
        meta = cell.metadata.nbgrader
        comment = meta.get("comment") or None
        row = rows.get(grade_id(cell))
        if row is not None and not (meta.get("grade") or meta.get("task")):
            row["comment"] = comment and {"href": "#" + heading["anchor"], "label": texts["comment"], "text": comment}
        else:
            other_rows.append({"href": "#" + heading["anchor"], "label": heading["label"], "code": heading["code"],
                               "points": of(meta.get("score"), meta.get("points")) if heading["score"] else "",
                               "comment": comment and {"label": texts["comment"], "text": comment}})
    for row in rows.values():
        row["points_text"] = of(row["score"], row["points"])
        row["passed"] = row["points"] > 0 and row["score"] >= row["points"]

    name = title(resources)
    return {
        "lang": HTML_LANG[language],
        "t": texts,
        "title": texts["page_title"].format(title=name),
        "heading": name,
        "total": texts["total"].format(points=number(nbgrader.get("score"), language),
                                       max_points=number(nbgrader.get("max_score"), language),
                                       unit=unit(nbgrader.get("max_score"), language)),
        "late_penalty": late_line(nbgrader.get("late_penalty"), resources.get("pack_late"), language),
        "rows": list(rows.values()),
        "others": other_rows,
        "cells": cells,
    }


class LocalizedFeedbackPage(FeedbackPage):
    """:class:`~.inert.FeedbackPage` (its Content-Security-Policy included) rendered with the pack's template, in
    the notebook's language.

    The template is found by this class itself (a Jinja loader on ``TEMPLATES``, tried before nbconvert's and
    nbgrader's folders), so it is the same wherever the page is made: the instructor's machine or a Dask worker
    the code was shipped to. nbgrader's ``feedback`` template stays configured as the template *name* (its
    ``conf.json``: the classic base and the HTML mimetype); ``feedback.html.j2`` extends nbconvert's classic page.
    """

    @default("extra_loaders")
    def _pack_loader(self):
        return [FileSystemLoader(str(TEMPLATES))]

    @default("template_file")
    def _pack_template(self):
        return TEMPLATE

    def _preprocess(self, nb, resources):
        nb, resources = super()._preprocess(nb, resources)
        resources["pack_late"] = self.late_terms(resources)
        resources["pack_feedback"] = page_data(nb, resources)
        self.image_text = resources["pack_feedback"]["t"]["no_alt"]  # for an image without one, on this page
        return nb, resources

    def late_terms(self, resources):
        """The course plugin's terms for this submission (:func:`.late.terms`: how late, the percentage taken,
        the cap), from the gradebook's submission time and due date; None when it is on time, when the plugin
        has no terms of its own, or outside nbgrader (no gradebook in ``resources``)."""
        from nbgrader.api import Gradebook, MissingEntry

        from .late import terms
        nbgrader = resources.get("nbgrader", {})
        if not all(nbgrader.get(key) for key in ("db_url", "assignment", "student")):
            return None
        with Gradebook(nbgrader["db_url"]) as gb:
            try:
                seconds_late = gb.find_submission(nbgrader["assignment"], nbgrader["student"]).total_seconds_late
            except MissingEntry:
                return None
        return terms(self.config, seconds_late) if seconds_late > 0 else None
