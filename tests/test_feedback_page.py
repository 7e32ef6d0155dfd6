"""The feedback page a student can act on (issue 21): its frame in the notebook's language, and at its top one row per
graded function with its points and the grader's messages, each linked to its cell on the page.

The sample class's typical-mistakes students (``tools/sample_class.py``: one per language) are graded on the
Regularization assignment through the instructors' path (``grade_class``: workers running nbgrader's autograde and
generate_feedback with the course's configuration), and their feedback pages are read in full. A fast case renders
the page of a made-up notebook with the course's exporter, to check what the class does not exercise: escaping, a
late penalty, an instructor's comment, another graded cell.
"""
import copy
import re
import shutil

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tools import notebooks
from tools.course import ASSIGNMENTS, ROOT
from tools.grading import feedback_page, inert
from tools.grading.notebook import function_and_label, is_test_cell

A = ASSIGNMENTS["regularization"]
LANGUAGES = ("pt", "en")
# What nbgrader's English template wrote, and other English words no Portuguese page may show (and vice versa).
# Only words that cannot belong to the other language: "no", "a", "do", "de" are both.
ENGLISH = {"score", "test", "tests", "cell", "student", "answer", "top", "comment", "comments", "grade", "feedback",
           "points", "point", "function", "summary", "your", "the", "of", "in", "out", "late", "penalty",
           "submission", "hidden", "example", "passed", "failed", "task", "has", "wrong", "values", "output",
           "should", "is", "and", "with", "grader", "instructor"}
PORTUGUESE = {"nota", "ponto", "pontos", "pontuação", "função", "teste", "testes", "resposta", "sua", "seu",
              "correção", "resumo", "não", "passou", "falhou", "célula", "corretor", "exemplo", "ocultos",
              "mensagens", "entregue", "verificação", "errados", "saídas", "tarefa", "comentário", "professor",
              "penalidade", "atraso"}
FOREIGN = {"pt": ENGLISH, "en": PORTUGUESE}
# The frame's fixed texts as a student reads them (the words: "Nota", "Pontuação", "Função", "pontos").
EXPECTED = {
    "pt": {"title": "Regularização: correção", "total": "Nota: {score} de {max_score} pontos",
           "headers": ["Função", "Pontos", "Mensagens do corretor"], "points": "{score} de {max_score}",
           "labels": {"example": "Teste do exemplo", "hidden": "Testes ocultos"},
           "cell_score": "Pontuação: {score} de {max_score}", "answer": "Sua resposta", "back": "↑ Resumo"},
    "en": {"title": "Regularization: feedback", "total": "Score: {score} of {max_score} points",
           "headers": ["Function", "Points", "Grader's messages"], "points": "{score} of {max_score}",
           "labels": {"example": "Example test", "hidden": "Hidden tests"},
           "cell_score": "Score: {score} of {max_score}", "answer": "Your answer", "back": "↑ Summary"},
}


def typical_student(language):
    from tools.sample_class import STUDENTS
    return STUDENTS[language][1]  # (full marks, typical mistakes, blank, broken file)


def text(element):
    return " ".join(element.get_text(" ").split())


def words(string):
    """The words of ``string``, lower case (names in backticks, as the grader quotes code, left out)."""
    return {w.lower() for w in re.findall(r"[^\W\d_]+", re.sub(r"`[^`]*`", " ", string))}


def without(soup, selectors):
    """A copy of ``soup`` without the elements matching ``selectors``, and without styles and scripts."""
    soup = copy.copy(soup)
    for tag in soup.select(", ".join(["style", "script", *selectors])):
        tag.decompose()
    return soup


def frame(soup):
    """The page's own words: everything but the notebook's content (code, markdown, outputs), the grader's messages
    and the names in code."""
    return text(without(soup, [".input_area", ".text_cell_render", ".output_area", ".message", ".comment-text",
                               "code"]))


def vocabulary(language, title):
    """Every word the frame may use in ``language``: its texts and the assignment's title."""
    texts = " ".join(feedback_page.TEXTS[language].values())
    return words(re.sub(r"{\w+}", " ", texts) + " " + title)  # the texts' fields ({points}) are no words


def number(value, language):
    """A score as the page writes it: ``1.5``, in Portuguese ``1,5``."""
    return f"{value:g}".replace(".", ",") if language == "pt" else f"{value:g}"


def label_of(grade_id):
    """``"example"`` for the test cell ``compute_cost_example``."""
    return grade_id.rpartition("_")[2]


def assert_policy_and_no_script(soup):
    first = soup.head.find(True)
    assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy", first
    assert first["content"] == inert.CSP and "default-src 'none'" in first["content"]
    assert soup.find_all("script") == [] and soup.find_all(["iframe", "object", "embed", "base"]) == []
    assert not [tag for tag in soup.find_all(src=True) if not tag["src"].startswith("data:")]


def assert_links_resolve(soup):
    """Every link to the page itself leads to an element of the page, and only one."""
    targets = [a["href"][1:] for a in soup.select('a[href^="#"]')]
    assert targets
    for target in targets:
        assert len(soup.find_all(id=target)) == 1, target


# --- the sample class's typical student, graded for real ----------------------------------------------------------

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from tools.grading.classroom import grade_class
    from tools.nbgrader_run import make_course, release
    from tools.sample_class import SAMPLE
    course = make_course(tmp_path_factory.mktemp("feedback"), with_release=False)
    ids = [A.folder(language) for language in LANGUAGES]
    release(course, ids)
    for language in LANGUAGES:
        student, folder = typical_student(language), A.folder(language)
        shutil.copytree(SAMPLE / student / folder, course / "submitted" / student / folder)
    results = {r.student: r for r in grade_class(course, ids, jobs=2, progress=False)}
    for language in LANGUAGES:
        result = results[typical_student(language)]
        assert result.status.startswith("graded") and 0 < result.score < result.max_score, result
    return course


def page(course, language):
    """The feedback page of the typical student in ``language``, read in full, and parsed."""
    path = (course / "feedback" / typical_student(language) / A.folder(language) /
            A.notebook.replace(".ipynb", ".html"))
    html = path.read_text(encoding="utf-8")
    return html, BeautifulSoup(html, "html.parser")


def graded_functions(course, language):
    """The assignment's graded functions in notebook order, each with its test cells' grade_ids (source notebook)."""
    source = notebooks.read(course / "source" / A.folder(language) / A.notebook)
    functions = {}
    for cell in source.cells:
        if is_test_cell(cell):
            functions.setdefault(function_and_label(cell)[0], []).append(cell.metadata.nbgrader.grade_id)
    return functions


def grader_messages(course, language):
    """grade_id -> the message the grader wrote under each test cell of the autograded notebook."""
    nb = notebooks.read(course / "autograded" / typical_student(language) / A.folder(language) / A.notebook)
    return {cell.metadata.nbgrader.grade_id: cell.metadata["pack"]["message"] for cell in nb.cells
            if is_test_cell(cell) and cell.metadata.get("pack", {}).get("message")}


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_names_each_function_with_its_points_and_the_grader_messages_linked_to_their_cells(graded,
                                                                                                      language):
    from tools.nbgrader_run import cell_scores
    course, expected = graded, EXPECTED[language]
    _, soup = page(course, language)
    scores = cell_scores(course, A.folder(language), typical_student(language))
    messages = grader_messages(course, language)
    functions = graded_functions(course, language)
    assert len(functions) >= 3 and len(messages) == sum(len(cells) for cells in functions.values())

    summary = soup.select_one("section.summary")
    assert [text(th) for th in summary.select("table.summary thead th")] == expected["headers"]
    rows = summary.select("table.summary tr.function")
    assert [row["data-function"] for row in rows] == list(functions)  # notebook order, each function once
    total = [0.0, 0.0]
    for row, (function, grade_ids) in zip(rows, functions.items()):
        score, max_score = (sum(scores[g][i] for g in grade_ids) for i in (0, 1))
        total = [total[0] + score, total[1] + max_score]
        assert text(row.select_one("code")) == function
        assert text(row.select_one("td.points")) == expected["points"].format(score=number(score, language),
                                                                              max_score=number(max_score, language))
        tests = row.select("li.test")
        assert len(tests) == len(grade_ids)
        for item, grade_id in zip(tests, grade_ids):
            link = item.select_one("a")
            assert text(link) == expected["labels"][label_of(grade_id)]
            assert " ".join(item.select_one(".message").get_text().split()) == " ".join(messages[grade_id].split())
            # the link leads to the test cell, headed by the same name, with the same message under it
            cell = soup.find(id=link["href"][1:])
            assert cell is not None and cell.find_parent(id="notebook-container") is not None
            heading = text(cell.select_one(".panel-heading"))
            assert heading.startswith(f"{expected['labels'][label_of(grade_id)]}: {function}")
            assert expected["cell_score"].format(
                score=number(scores[grade_id][0], language), max_score=number(scores[grade_id][1], language)) in heading
            assert " ".join(messages[grade_id].split()) in text(cell.find_parent(class_="cell"))
    failed = [row["data-function"] for row in rows if "failed" in row["class"]]
    assert failed and len(failed) < len(rows)  # the typical student got some functions right, some wrong
    header = soup.select_one("header#summary")
    assert expected["total"].format(score=number(total[0], language),
                                        max_score=number(total[1], language)) in text(header)
    assert_links_resolve(soup)
    assert_policy_and_no_script(soup)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_frame_is_all_in_the_notebook_language(graded, language):
    _, soup = page(graded, language)
    expected, title = EXPECTED[language], A.titles[language]
    assert soup.html["lang"] == {"pt": "pt-BR", "en": "en"}[language]
    assert text(soup.title) == expected["title"] and text(soup.select_one("header#summary h1")) == title
    seen = frame(soup)
    # Only the words of the page's texts in its language: no "Score", "Test cell", "In [ ]:" or "(Top)" is left.
    assert words(seen) <= vocabulary(language, title), words(seen) - vocabulary(language, title)
    assert not words(seen) & FOREIGN[language], words(seen) & FOREIGN[language]
    for label in (expected["answer"], expected["back"], *expected["labels"].values()):
        assert label in seen
    assert_policy_and_no_script(soup)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_page_grader_messages_included_is_in_the_notebook_language(graded, language):
    """Everything a student reads but the code: the frame, the notebook's text and the grader's messages (their
    names of code, in backticks, left out)."""
    _, soup = page(graded, language)
    seen = text(without(soup, [".input_area", "code"]))
    assert not words(seen) & FOREIGN[language], sorted(words(seen) & FOREIGN[language])


# --- a made-up notebook, rendered by the course's exporter (no grading) -------------------------------------------

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def made_up_page(language, late_penalty=0.5):
    """The feedback page of a notebook with one graded function (one test failed, with a message holding markup),
    a commented answer, a manually graded written answer; rendered as ``generate_feedback`` does, scores set as
    ``GetGrades`` sets them."""
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import GetGrades
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    converter = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    exporter = converter.exporter_class(parent=converter, config=converter.config)
    for preprocessor in converter.preprocessors:  # as nbgrader does; GetGrades reads the gradebook: done below
        if preprocessor is not GetGrades:
            exporter.register_preprocessor(preprocessor)

    def nbgrader_cell(cell, grade_id, score=None, points=None, **flags):
        cell.metadata["nbgrader"] = {"grade_id": grade_id, "schema_version": 3, "locked": False, **flags}
        if points is not None:
            cell.metadata.nbgrader.update(score=score, points=points)
        return cell

    nb = new_notebook(cells=[
        new_markdown_cell("# Title"),
        nbgrader_cell(new_code_cell("def f(x):\n    return x"), "f", solution=True, grade=False,
               comment=f"Look at `f` {HOSTILE}"),
        nbgrader_cell(new_code_cell("assert f(1) == 1"), "f_example", 1.0, 1.0, solution=False, grade=True),
        nbgrader_cell(new_code_cell("# hidden"), "f_hidden", 0.0, 2.0, solution=False, grade=True),
        nbgrader_cell(new_markdown_cell("My answer"), "essay", 1.5, 2.0, solution=True, grade=True, comment="Good."),
    ])
    nb.cells[2].metadata["pack"] = {"points": 1.0, "message": "Passed."}
    nb.cells[3].metadata["pack"] = {"points": 0.0, "message": f"Failed: `f` printed {HOSTILE}\nsecond line"}
    resources = {"nbgrader": {"assignment": A.folder(language), "notebook": "regularization", "student": "s",
                              "score": 2.5 - late_penalty, "max_score": 5.0, "late_penalty": late_penalty}}
    html, _ = exporter.from_notebook_node(nbformat.from_dict(nb), resources=resources)
    return html, BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_made_up_page_escapes_the_grader_texts_and_names_everything_in_its_language(language):
    html, soup = made_up_page(language)
    assert_policy_and_no_script(soup)
    assert not soup.find_all(attrs={"onerror": True}) and not soup.select("section.summary img")
    alts = [img["alt"] for img in soup.find_all("img")]  # the comment's image, cleaned: nbconvert gave it a text
    assert alts and not [alt for alt in alts if words(alt) & FOREIGN[language]], alts
    rows = soup.select("table.summary tr.function")
    assert [row["data-function"] for row in rows] == ["f"]
    assert text(rows[0].select_one("td.points")) == EXPECTED[language]["points"].format(score=1, max_score=3)
    failed = rows[0].select("li.test .message")[1]
    assert failed.get_text() == f"Failed: `f` printed {HOSTILE}\nsecond line"  # shown as text, as written
    assert failed.find(True) is None
    comment = rows[0].select_one("li.comment")
    assert comment.select_one("a")["href"] == "#grade-f" and HOSTILE in comment.get_text()
    others = soup.select("table.others tr.other")
    assert len(others) == 1 and others[0].select_one("a")["href"] == "#grade-essay"
    assert text(others[0].select_one("td.points")) == EXPECTED[language]["points"].format(
        score=number(1.5, language), max_score=2)
    total = {"pt": "Nota: 2 de 5 pontos", "en": "Score: 2 of 5 points"}[language]  # 2.5 less the late penalty
    assert text(soup.select_one("header .total")) == total
    penalty = text(soup.select_one(".late-penalty"))
    assert penalty == {"pt": "Penalidade por atraso: −0,5 ponto",
                       "en": "Late submission penalty: −0.5 points"}[language]
    assert_links_resolve(soup)
    seen = frame(soup)
    assert words(seen) <= vocabulary(language, A.titles[language]), words(seen) - vocabulary(language,
                                                                                             A.titles[language])
    assert not words(seen) & FOREIGN[language]


def test_every_text_exists_in_both_languages():
    assert set(feedback_page.TEXTS["pt"]) == set(feedback_page.TEXTS["en"])
    for key, english in feedback_page.TEXTS["en"].items():
        portuguese = feedback_page.TEXTS["pt"][key]
        assert set(re.findall(r"{\w+}", english)) == set(re.findall(r"{\w+}", portuguese)), key
        english, portuguese = (re.sub(r"{\w+}", " ", t) for t in (english, portuguese))  # fields are no words
        assert not words(portuguese) & ENGLISH and not words(english) & PORTUGUESE, key
