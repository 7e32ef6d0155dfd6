"""The instructor report (tools/report.py) on a made-up mixed class: no grading, and one real headless browser.

The class: the Regularization assignment submitted in English and in Portuguese (full marks, diagnosed and
undiagnosed mistakes, one submission of each language that could not be graded), and Initialization, one
submission per language, one graded with a note.

Every check runs for the report in English and in Portuguese (the instructor's language, ``language``): the
expected texts of each are in :data:`SAID`, written here by hand.
"""
import json
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from servers import chromium
from tools import report as report_module
from tools.course import ASSIGNMENTS, ROOT
from tools.grading.classroom import Result
from tools.exercise import exercises

EVIL = "o'brien<script>alert(1)</script>"
REG_FUNCTIONS = list(exercises("regularization"))
COST, BACK_L2, FORWARD_DROP, BACK_DROP = REG_FUNCTIONS
INIT = ["initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he"]
EXPLAINED = {"regularization": {COST: {"missing 1/2": {"en": "leave out the 1/2 of the L2 term",
                                                       "pt": "esquecem o 1/2 do termo L2"}}}}
EMPTY = "<b>regularization</b>.ipynb"  # a renamed notebook whose name holds markup, and that is empty
LANGUAGES = ("en", "pt")

# What the report says, per instructor language (the data in it, ids and file names, are the same in both).
SAID = {
    "en": {"of": "of", "missing": "leave out the 1/2 of the L2 term",
           "undiagnosed": "failed with no diagnosed mistake (undiagnosed)",
           "unanswered": "left it unanswered (as released)",
           "summary": "6 graded, mean 10.50 / 12, 2 not graded",
           "summary_en": "3 graded, mean 10.50 / 12, 1 not graded",
           "student": "student", "empty": f"{EMPTY} is an empty file",
           "no_notebook": "no regularization.ipynb in the submission", "no_feedback_page": "no feedback page",
           "note": "extra notebooks ignored: copy.ipynb", "could_not": "Could not be graded",
           "headline": "10 submissions of 8 students, 8 graded, 2 not graded.",
           "headline_en": "5 submissions of 4 students, 4 graded, 1 not graded.", "nobody": "could be graded",
           "zero": "0 submissions", "html_lang": "en", "title": "Class report", "not_graded_list": "not graded:",
           "report_line": "report:", "pedro": "10.5 / 12", "late": "0 / 12 (late: \u221212)",
           "late_terminal": ["0/12 (late: -12)", "8.5/12 (late: -3.5)"]},
    "pt": {"of": "de", "missing": "esquecem o 1/2 do termo L2",
           "undiagnosed": "falharam sem erro diagnosticado (sem diagnóstico)",
           "unanswered": "deixaram sem resposta (como foi distribuída)",
           "summary": "6 corrigidas, média 10,50 / 12, 2 não corrigidas",
           "summary_en": "3 corrigidas, média 10,50 / 12, 1 não corrigida",
           "student": "aluno", "empty": f"{EMPTY} é um arquivo vazio",
           "no_notebook": "não há regularization.ipynb na entrega", "no_feedback_page": "sem página de feedback",
           "note": "notebooks a mais ignorados: copy.ipynb", "could_not": "Não puderam ser corrigidas",
           "headline": "10 entregas de 8 alunos, 8 corrigidas, 2 não corrigidas.",
           "headline_en": "5 entregas de 4 alunos, 4 corrigidas, 1 não corrigida.", "nobody": "pôde ser corrigida",
           "zero": "0 entregas", "html_lang": "pt-BR", "title": "Relatório da turma",
           "not_graded_list": "não corrigidas:", "report_line": "relatório:", "pedro": "10,5 / 12",
           "late": "0 / 12 (atraso: \u221212)", "late_terminal": ["0/12 (atraso: -12)", "8,5/12 (atraso: -3,5)"]},
}


@pytest.fixture(params=LANGUAGES)
def language(request):
    """The instructor's language: each test runs for both."""
    return request.param


def of(k, n, language, percent=None):
    """``"2 of 6"`` / ``"2 de 6"``, with ``" (33 %)"`` after it when ``percent`` is given."""
    return f"{k} {SAID[language]['of']} {n}" + (f" ({percent} %)" if percent is not None else "")


def graded(student, assignment, functions, failing=(), mistakes=None, status="graded", unanswered=()):
    """A graded Result: 1.5 points per test cell, the ``failing`` functions lose their hidden cell's marks."""
    cells = {}
    for function in functions:
        cells[f"{function}_example"] = (1.5, 1.5)
        cells[f"{function}_hidden"] = (0.0 if function in failing else 1.5, 1.5)
    return Result(student, assignment, score=sum(s for s, _ in cells.values()), max_score=3.0 * len(functions),
                  status=status, cells=cells, mistakes=dict(mistakes or {}), unanswered=set(unanswered))


def mixed_class():
    """The made-up class of this module (see its docstring)."""
    reg_en, reg_pt = "regularization_en", "regularization_pt"
    return [
        graded("ana", reg_en, REG_FUNCTIONS),
        graded("bruno", reg_en, REG_FUNCTIONS, [COST, BACK_DROP],
               {COST: "missing 1/2", BACK_DROP: "no division by keep_prob"}),
        graded("carla", reg_en, REG_FUNCTIONS, [COST]),
        Result(EVIL, reg_en, status=f"not graded: {EMPTY} is an empty file"),
        graded("joana", reg_pt, REG_FUNCTIONS),
        graded("pedro", reg_pt, REG_FUNCTIONS, [COST], {COST: "missing 1/2"}),
        graded("rita", reg_pt, REG_FUNCTIONS, [COST, FORWARD_DROP], {COST: "square of the sum"}),
        Result("tiago", reg_pt, status="not graded: no regularization.ipynb in the submission"),
        graded("ana", "initialization_en", INIT),
        graded("joana", "initialization_pt", INIT[::-1], [INIT[2]],
               status="graded (extra notebooks ignored: copy.ipynb)", unanswered=[INIT[2]]),
    ]


def feedback_page(course, student, assignment_id):
    """Create the feedback page nbgrader would have written for a submission."""
    name = assignment_id.rsplit("_", 1)[0]
    page = course / "feedback" / student / assignment_id / ASSIGNMENTS[name].notebook.replace(".ipynb", ".html")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<p>feedback</p>", encoding="utf-8")
    return page


def explained(name, function, label, language="en"):
    """:func:`tools.report.mistake_text` with this module's made-up explanations."""
    return EXPLAINED.get(name, {}).get(function, {}).get(label, {}).get(language, label)


@pytest.fixture
def written(tmp_path, monkeypatch, language):
    """The report of the mixed class, in ``language``, at a course root with some feedback pages; its text."""
    monkeypatch.setattr(report_module, "mistake_text", explained)
    for student, assignment_id in (("ana", "regularization_en"), ("bruno", "regularization_en"),
                                   ("joana", "regularization_pt"), ("pedro", "regularization_pt"),
                                   ("rita", "regularization_pt"), ("ana", "initialization_en")):
        feedback_page(tmp_path, student, assignment_id)
    path = report_module.write_html(mixed_class(), tmp_path / "report.html", language)
    return path, path.read_text(encoding="utf-8")


def visible_text(element, language="all"):
    """The text of ``element`` as shown with the language filter at ``language`` (other values' spans left out)."""
    element = BeautifulSoup(str(element), "html.parser")
    for span in element.select("span.v"):
        if f"v-{language}" not in span["class"]:
            span.decompose()
    return " ".join(element.get_text().split())


def test_one_row_per_function_across_languages_with_pass_rates_and_mistakes(written, language):
    said = SAID[language]
    soup = BeautifulSoup(written[1], "html.parser")
    section = soup.select_one("section[data-assignment=regularization]")
    rows = section.select("tr.function")
    assert [row["data-function"] for row in rows] == REG_FUNCTIONS  # notebook order, each function once
    assert [s["data-assignment"] for s in soup.select("section.assignment")] == ["initialization", "regularization"]
    cost = rows[0]
    assert visible_text(cost.select_one("td.rate")) == of(2, 6, language, 33)
    assert visible_text(cost.select_one("td.rate"), "en") == of(1, 3, language, 33)
    mistakes = [visible_text(li) for li in cost.select("li")]
    assert mistakes == [f"{of(2, 6, language)} {said['missing']}",  # the explanation, most frequent first
                        f"{of(1, 6, language)} square of the sum",  # no explanation: the label
                        f"{of(1, 6, language)} {said['undiagnosed']}"]
    assert [visible_text(li, "pt") for li in cost.select("li")][:2] == [f"{of(1, 3, language)} {said['missing']}",
                                                                        f"{of(1, 3, language)} square of the sum"]
    square, undiagnosed = cost.select("li")[1:]
    assert "in-pt" in square["class"] and "in-en" not in square["class"]  # the EN filter hides it
    assert "in-en" in undiagnosed["class"] and "in-pt" not in undiagnosed["class"]
    assert visible_text(rows[1].select_one("td.rate")) == of(6, 6, language, 100) and not rows[1].select("li")
    undiagnosed_only = [f"{of(1, 6, language)} {said['undiagnosed']}"]
    assert [visible_text(li) for li in rows[2].select("li")] == undiagnosed_only
    assert [visible_text(li) for li in rows[3].select("li")] == [f"{of(1, 6, language)} no division by keep_prob"]
    summary = section.select_one("p.summary")
    assert visible_text(summary) == said["summary"]
    assert visible_text(summary, "en") == said["summary_en"]
    init = soup.select_one("section[data-assignment=initialization]")
    assert [row["data-function"] for row in init.select("tr.function")] == INIT  # not the submission's order


def test_students_table_links_feedback_and_puts_the_not_graded_first(written, tmp_path, language):
    said = SAID[language]
    soup = BeautifulSoup(written[1], "html.parser")
    table = soup.select_one("table.students")
    assert [th.get_text() for th in table.select("thead th")] == [said["student"], "initialization", "regularization"]
    rows = table.select("tbody tr")
    assert [row["data-student"] for row in rows] == [EVIL, "tiago", "ana", "bruno", "carla", "joana", "pedro", "rita"]
    evil, tiago, ana = rows[:3]
    assert "notgraded" in evil["class"] and said["empty"] in evil.get_text() and "in-en" in evil["class"]
    assert "in-pt" in tiago["class"] and said["no_notebook"] in tiago.get_text()
    assert sorted(ana["class"]) == ["filtered", "in-en", "student"]
    links = {a["href"]: a.get_text() for a in table.select("a")}
    assert links == {"feedback/ana/initialization_en/initialization.html": "9 / 9",
                     "feedback/ana/regularization_en/regularization.html": "12 / 12",
                     "feedback/bruno/regularization_en/regularization.html": "9 / 12",
                     "feedback/joana/regularization_pt/regularization.html": "12 / 12",
                     "feedback/pedro/regularization_pt/regularization.html": said["pedro"],
                     "feedback/rita/regularization_pt/regularization.html": "9 / 12"}
    assert all((tmp_path / href).exists() for href in links)  # relative to report.html, at the course root
    carla = rows[4]
    assert not carla.select("a") and said["no_feedback_page"] in carla.get_text()
    joana = rows[5]
    assert said["note"] in joana.get_text() and "PT" in joana.get_text()
    attention = soup.select_one(".attention")
    assert visible_text(attention.h3) == f"{said['could_not']} (2)" and EVIL in attention.get_text()
    assert visible_text(attention.h3, "pt") == f"{said['could_not']} (1)"
    assert f"{EVIL} / regularization_en: {said['empty']}" in attention.get_text()
    headline = soup.select_one("h1 + p")
    assert visible_text(headline).startswith(said["headline"])
    assert visible_text(headline, "en").startswith(said["headline_en"])


def test_everything_untrusted_is_escaped_and_the_page_is_self_contained(written, language):
    text = written[1]
    assert EVIL not in text and EMPTY not in text
    assert "o&#x27;brien&lt;script&gt;" in text and "&lt;b&gt;regularization&lt;/b&gt;.ipynb" in text
    soup = BeautifulSoup(text, "html.parser")
    assert soup.html["lang"] == SAID[language]["html_lang"] and soup.title.get_text() == SAID[language]["title"]
    assert len(soup.find_all("script")) == 1  # the language filter's own
    assert not soup.select("[src^=http], link, [href^=http]")
    images = soup.select("img.figure")
    assert len(images) == 2 and all(img["src"].startswith("data:image/png;base64,iVBOR") for img in images)
    assert soup.select_one("input#lang-all").has_attr("checked")  # with JS off, every row is shown


def test_explanation_is_the_instructors_language_and_falls_back_to_the_label(language):
    from tools.grading.diagnosis import explanation
    said = report_module.mistake_text("regularization", COST, "missing 1/2", language)
    assert said == explanation("regularization", COST, "missing 1/2", language)
    other = "pt" if language == "en" else "en"
    assert said != explanation("regularization", COST, "missing 1/2", other)
    assert report_module.mistake_text("no_such_assignment", COST, "missing 1/2", language) == "missing 1/2"


def test_report_prints_the_table_and_where_the_page_is(tmp_path, capsys, language):
    said = SAID[language]
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)  # the gradebook's address it prints
    report_module.report(mixed_class(), tmp_path, language)
    printed = capsys.readouterr().out
    assert said["not_graded_list"] in printed and said["report_line"] in printed
    assert (tmp_path / "report.html").exists()
    assert f"{EVIL} / regularization_en: {said['empty']}" in printed
    page = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == said["html_lang"]


PROBE = """<script>
window.addEventListener('load', function () {
  var REG = 'section[data-assignment=regularization]';
  function shown(element) { return element.getClientRects().length > 0; }
  function state() {
    return {hash: location.hash,
            students: Array.from(document.querySelectorAll('tr.student')).filter(shown).map(r => r.dataset.student),
            mistakes: Array.from(document.querySelectorAll(REG + ' tr.function li')).filter(shown)
                           .map(li => li.innerText.trim()),
            rates: Array.from(document.querySelectorAll(REG + ' td.rate')).map(td => td.innerText.trim())};
  }
  var out = {images: Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight]),
             lang: document.documentElement.lang, title: document.title,
             tables: Array.from(document.querySelectorAll('table')).map(t => t.className), initial: state()};
  ['all', 'en', 'pt'].forEach(function (value) { document.querySelector('label[for=lang-' + value + ']').click();
                                                 out[value] = state(); });
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def test_the_page_renders_in_a_real_browser_with_its_figures_and_language_filter(written, tmp_path, language):
    said = SAID[language]
    path, text = written
    probe = path.with_name("probe.html")  # beside report.html: the same relative links
    probe.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}",
               "--dump-dom", probe.as_uri() + "#lang=pt"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    dom = BeautifulSoup(done.stdout, "html.parser").select_one("pre#probe")
    assert dom is not None, f"chromium did not run the page: {done.returncode}\n{done.stderr[-2000:]}"
    out = json.loads(dom.get_text())
    assert len(out["images"]) == 2 and all(complete and w > 300 and h > 200 for complete, w, h in out["images"])
    assert out["tables"] == ["students", "functions", "functions"]
    everyone = [EVIL, "tiago", "ana", "bruno", "carla", "joana", "pedro", "rita"]
    assert out["initial"]["students"] == ["tiago", "joana", "pedro", "rita"]  # #lang=pt selected Portuguese
    assert out["pt"]["students"] == out["initial"]["students"] and out["pt"]["hash"] == "#lang=pt"
    assert out["all"]["students"] == everyone  # ana submitted in both languages: one row
    assert out["en"]["students"] == [EVIL, "ana", "bruno", "carla"] and out["en"]["hash"] == "#lang=en"
    assert out["all"]["rates"][0] == of(2, 6, language, 33)
    assert out["en"]["rates"][0] == out["pt"]["rates"][0] == of(1, 3, language, 33)
    assert out["all"]["mistakes"][:3] == [f"{of(2, 6, language)} {said['missing']}",
                                          f"{of(1, 6, language)} square of the sum",
                                          f"{of(1, 6, language)} {said['undiagnosed']}"]
    assert out["pt"]["mistakes"][:2] == [f"{of(1, 3, language)} {said['missing']}",
                                         f"{of(1, 3, language)} square of the sum"]
    assert out["en"]["mistakes"][:2] == [f"{of(1, 3, language)} {said['missing']}",
                                         f"{of(1, 3, language)} {said['undiagnosed']}"]
    assert out["lang"] == said["html_lang"] and out["title"] == said["title"]


def test_an_assignment_nobody_could_be_graded_in_and_an_empty_class(tmp_path, language):
    said = SAID[language]
    nobody = [Result("ze", "regularization_pt", status="not graded: timeout")]
    soup = BeautifulSoup(report_module.page(nobody, tmp_path, language), "html.parser")
    section = soup.select_one("section[data-assignment=regularization]")
    assert said["nobody"] in section.get_text() and not section.select("img, tr.function")
    assert soup.select_one("tr.student")["data-student"] == "ze"
    assert ": timeout" in soup.get_text()  # a reason that is not one of the pack's texts: as the grader wrote it
    empty = BeautifulSoup(report_module.page([], tmp_path, language), "html.parser")
    assert said["zero"] in visible_text(empty.p)


def test_unanswered_functions_are_counted_apart(written, language):
    """A function left as released (nbgrader's "No response.") is neither a mistake nor an undiagnosed failure."""
    soup = BeautifulSoup(written[1], "html.parser")
    section = soup.select_one("section[data-assignment=initialization]")
    row = section.select_one(f"tr.function[data-function={INIT[2]}]")
    assert [visible_text(li) for li in row.select("li")] == [f"{of(1, 2, language)} {SAID[language]['unanswered']}"]


def test_a_late_score_is_written_in_the_instructors_language(tmp_path, capsys, language):
    """The final score and the late penalty beside it: the words and the decimal separator are the language's."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    results = [Result("late", "regularization_en", score=12.0, max_score=12.0, penalty=12.0),
               Result("partly", "regularization_pt", score=12.0, max_score=12.0, penalty=3.5)]
    report_module.print_table(results, tmp_path, language)
    printed = capsys.readouterr().out
    assert all(score in printed for score in SAID[language]["late_terminal"])
    page = report_module.page(results, tmp_path, language)
    row = page[page.index("data-student='late'"):]
    assert SAID[language]["late"] in row[:row.index("</tr>")]
