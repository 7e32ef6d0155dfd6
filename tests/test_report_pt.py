"""The instructor's side in Portuguese (tools/instructor_texts.py): the language chosen (``--lang``, else the
locale's), the grade command's table and messages, no word of the other language in the fixed texts of the
table, the summary, report.html and its figures, and the grader's statuses translated with their data intact.

The report's own checks run in both languages in tests/test_report.py.
"""
import re
import shutil
import sys
import types

import nbformat

import pytest
from bs4 import BeautifulSoup

from test_report import EMPTY, EVIL, INIT, REG_FUNCTIONS, explained, mixed_class
from tools import __main__ as cli
from tools import course as course_module
from tools import report as report_module
from tools.course import ROOT
from tools.grading import classroom, intake, worker
from tools.grading.classroom import UNTIMED, Result
from tools.grading.messages import BUDGET, KERNEL_DIED, TIMEOUT
from tools.instructor_texts import chosen, default_language, note_text, reason_text

# Words of each language that the other's fixed texts must not hold (the data, ids and file names, left out);
# words both languages use ("total", "link", "feedback", "notebook") are in neither list.
ENGLISH = {"graded", "submission", "submissions", "student", "students", "mean", "score", "scores", "not", "of",
           "the", "passed", "function", "failures", "failed", "mistakes", "mistake", "diagnosed", "undiagnosed",
           "unanswered", "released", "could", "class", "report", "language", "assignment", "assignments", "late",
           "page", "empty", "file", "ignored", "extra", "with", "note", "full", "marks", "named", "grader", "grades",
           "distribution", "rate", "per", "skipped", "read", "folder", "symbolic", "kernel",
           "died", "timeout", "jail", "without", "penalty", "time", "record", "contains", "rename", "in", "is"}
PORTUGUESE = {"corrigida", "corrigidas", "entrega", "entregas", "aluno", "alunos", "média", "nota", "notas", "não",
              "de", "da", "do", "função", "turma", "relatório", "idioma", "tarefa", "tarefas", "erros", "acertaram",
              "sem", "atraso", "falhas", "deixaram", "arquivo", "vazio", "há", "na", "ignorados", "observação",
              "máxima", "distribuição", "taxa", "acerto", "por", "que", "corretor", "leitura", "pasta", "é"}
FORBIDDEN = {"pt": ENGLISH, "en": PORTUGUESE}


def words(text, data=()):
    """The words of ``text`` (lower case), the ``data`` strings (ids, names, paths) taken out first."""
    for item in sorted(data, key=len, reverse=True):
        text = text.replace(item, " ")
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def class_data(course):
    """Every data string of the mixed class as the report shows it: ids, names, labels, paths."""
    results = mixed_class()
    names = {r.assignment.rpartition("_")[0] for r in results}
    functions = REG_FUNCTIONS + INIT
    grade_ids = [f"{function}_{kind}" for function in functions for kind in ("example", "hidden")]
    return ({r.student for r in results} | {r.assignment for r in results} | names | set(functions)
            | set(grade_ids) | {EMPTY, "regularization.ipynb", "copy.ipynb", "square of the sum",
                                "no division by keep_prob", str(course), "gradebook.db"})


# --- the language ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("environ, language", [
    ({"LANG": "pt_BR.UTF-8"}, "pt"), ({"LANG": "pt_PT.UTF-8"}, "pt"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"), ({}, "en"), ({"LANG": ""}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "pt_BR.UTF-8"}, "pt"),  # LC_MESSAGES before LANG
    ({"LANG": "pt_BR.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL before both
    ({"LANG": "pt_BR.UTF-8", "LC_ALL": ""}, "pt"),  # an empty variable is not set
])
def test_the_default_language_is_the_locales(environ, language):
    assert default_language(environ) == language


def test_an_explicit_language_wins_and_an_unknown_one_is_refused(monkeypatch):
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    assert chosen() == "pt" and chosen("en") == "en" and chosen("pt") == "pt"
    with pytest.raises(ValueError):
        chosen("fr")


# --- the grade command ---------------------------------------------------------------------------------------------

@pytest.fixture
def command(tmp_path, monkeypatch):
    """``python -m tools grade`` on the mixed class at a temporary course root (no grading: ``grade_class``
    returns the class); returns a function of the arguments and the environment -> (exit code, stdout, stderr,
    the language grade_class was given)."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    monkeypatch.setattr(course_module, "ROOT", tmp_path)
    monkeypatch.setattr(report_module, "mistake_text", explained)
    given = {}

    def grade_class(course, ids=None, **options):
        given["language"] = options.get("language")
        return mixed_class()

    monkeypatch.setattr(classroom, "grade_class", grade_class)

    def run(capsys, *argv, **environ):
        for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
            monkeypatch.delenv(variable, raising=False)
        for variable, value in environ.items():
            monkeypatch.setenv(variable, value)
        code = cli.main(["grade", *argv])
        out, err = capsys.readouterr()
        return code, out, err, given.get("language")
    return run


def table_header(printed):
    return printed.strip().splitlines()[0].split()


def test_grade_with_lang_pt_prints_the_table_in_portuguese(command, capsys, tmp_path):
    code, printed, _, given = command(capsys, "--lang", "pt", LANG="en_US.UTF-8")
    assert code == 0 and given == "pt"
    assert table_header(printed) == ["aluno", "initialization_en", "initialization_pt", "regularization_en",
                                     "regularization_pt"]
    rows = {line.split()[0]: line for line in printed.split("\n\n")[0].strip().splitlines()[1:]}
    assert rows["tiago"].endswith(" não corrigida") and rows["carla"].split()[1:] == ["10,5/12"]
    assert "\nnão corrigidas:\n" in printed and "\ncorrigidas, com uma observação:\n" in printed
    assert f"  {EVIL} / regularization_en: {EMPTY} é um arquivo vazio\n" in printed  # the data as they are
    assert "  tiago / regularization_pt: não há regularization.ipynb na entrega\n" in printed
    assert "  joana / initialization_pt: notebooks a mais ignorados: copy.ipynb\n" in printed
    assert f"notas:      {tmp_path / 'grades.csv'}\n" in printed
    assert f"feedback:   {tmp_path / 'feedback'}/<aluno>/<tarefa>/*.html\n" in printed
    assert "regularization_en: 3 corrigidas, média 10,50/12, 1 não corrigida\n" in printed
    assert "% nota máxima  compute_cost_with_regularization_hidden" in printed
    assert "regularization: erros que o corretor identificou (EN + PT, de 6 corrigidas)\n" in printed
    assert "    2 x compute_cost_with_regularization: esquecem o 1/2 do termo L2\n" in printed
    assert f"relatório:  {tmp_path / 'report.html'}  (por tarefa, EN + PT:" in printed
    page = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "pt-BR" and page.h1.get_text() == "Relatório da turma"


def test_grade_follows_the_locale_unless_told(command, capsys, tmp_path):
    code, printed, _, given = command(capsys, LANG="pt_BR.UTF-8")
    assert code == 0 and given == "pt" and table_header(printed)[0] == "aluno" and "relatório:" in printed
    code, printed, _, given = command(capsys, LANG="C.UTF-8")
    assert code == 0 and given == "en" and table_header(printed)[0] == "student" and "\nreport:" in printed
    assert "  tiago / regularization_pt: no regularization.ipynb in the submission\n" in printed
    page = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "en"
    code, printed, _, given = command(capsys, "--lang", "en", LANG="pt_BR.UTF-8")
    assert code == 0 and given == "en" and table_header(printed)[0] == "student"
    code, printed, _, given = command(capsys, LANG="pt_BR.UTF-8", LC_ALL="C")
    assert given == "en" and table_header(printed)[0] == "student"


def test_the_grade_commands_own_messages_are_in_the_language(command, capsys):
    code, _, err, _ = command(capsys, "--lang", "pt", "--tls-cert", "client.pem")
    assert code == 2 and err == "--tls-ca-file, --tls-cert, --tls-key e --allow-plaintext só valem com --scheduler\n"
    code, _, err, _ = command(capsys, "--tls-cert", "client.pem", LANG="en_GB.UTF-8")
    assert code == 2 and err.startswith("--tls-ca-file, --tls-cert, --tls-key and --allow-plaintext go with")

    class Gradebook:  # regularization_pt was never generated; regularization_en only given a due date
        def find_assignment(self, assignment_id):
            if assignment_id == "regularization_en":
                return types.SimpleNamespace(notebooks=[])
            raise classroom.MissingEntry()

    ids = ["regularization_pt", "regularization_en"]
    for language, said in (("pt", "não liberada no gradebook: regularization_pt, regularization_en; rode "
                                  "`python -m tools release regularization_pt regularization_en` antes (um prazo já "
                                  "definido é mantido)"),
                           ("en", "not released into the gradebook: regularization_pt, regularization_en; run "
                                  "`python -m tools release regularization_pt regularization_en` first (a due date "
                                  "already set is kept)")):
        with pytest.raises(SystemExit) as stopped:
            classroom._check_released(Gradebook(), ids, language)
        assert str(stopped.value) == said


def test_lang_takes_only_en_or_pt(capsys):
    with pytest.raises(SystemExit):
        cli.main(["grade", "--lang", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


# --- no word of the other language --------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["pt", "en"])
def test_no_word_of_the_other_language_in_the_fixed_texts(language, tmp_path, monkeypatch, capsys):
    """The table, the summary, report.html (every filter value's text, the figures' alt texts, the title) and the
    figures' own texts hold no word of the other language once the data (ids, names, paths) are taken out."""
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    monkeypatch.setattr(report_module, "mistake_text", explained)
    drawn, savefig = [], Figure.savefig

    def recording(figure, *args, **kwargs):  # the texts as drawn, tick labels included
        saved = savefig(figure, *args, **kwargs)
        drawn.extend(text.get_text() for text in figure.findobj(Text))
        return saved

    monkeypatch.setattr(Figure, "savefig", recording)
    report_module.report(mixed_class(), tmp_path, language)
    printed = capsys.readouterr().out
    soup = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "html.parser")
    for code in soup.select("script, style"):
        code.decompose()
    shown = " ".join([soup.get_text(" "), *(img["alt"] for img in soup.select("img"))])
    data = class_data(tmp_path)
    assert drawn and soup.title.get_text()
    for where, text in (("report.html", shown), ("terminal", printed), ("figures", " ".join(drawn))):
        found = words(re.sub(rf"\S*{re.escape(str(tmp_path))}\S*", " ", text), data)
        assert not found & FORBIDDEN[language], (where, sorted(found & FORBIDDEN[language]))
        assert found & FORBIDDEN["en" if language == "pt" else "pt"], where  # it is in its own language


@pytest.mark.parametrize("language, written", [("pt", "1,5"), ("en", "1.5")])
def test_the_figures_numbers_are_written_as_the_language_writes_them(language, written, monkeypatch):
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    drawn, savefig = [], Figure.savefig

    def recording(figure, *args, **kwargs):  # the texts as drawn, tick labels included
        saved = savefig(figure, *args, **kwargs)
        drawn.extend(text.get_text() for text in figure.findobj(Text))
        return saved

    monkeypatch.setattr(Figure, "savefig", recording)
    results = [Result(f"s{i}", "initialization_pt", score=score, max_score=2.5, cells={"f_hidden": (score, 2.5)})
               for i, score in enumerate((0.5, 1.5, 2.5))]  # the score axis has ticks at halves
    report_module.figure_png("initialization", report_module.class_view(results, "initialization"), language)
    assert written in drawn and ("1.5" if language == "pt" else "1,5") not in drawn, drawn


# --- statuses: the pack's texts translated, the data as they are --------------------------------------------------

def statuses_of_the_intake(tmp_path):
    """(reason or note, data it holds) as tools/grading/intake.py and classroom.py write them, from real folders."""
    nb = "regularization.ipynb"
    said = [
        (intake.locate({}, nb)[1], [nb]),
        (intake.locate({"a b.ipynb": "file", "c.ipynb": "file"}, nb)[1], [nb, "a b.ipynb, c.ipynb"]),
        (intake.locate({nb: "symbolic link"}, nb)[1], [nb]),
        (intake.locate({nb: "FIFO"}, nb)[1], [nb]),
        (intake.locate({"Meu notebook (1).ipynb": "file"}, nb)[1], ["Meu notebook (1).ipynb", nb]),
        (intake.locate({nb: "file", "cópia.ipynb": "file", "x; y.ipynb": "file"}, nb)[1],
         ["cópia.ipynb, x; y.ipynb"]),
        (intake.skipped({"pipe": ("FIFO", 0)}), ["pipe"]),
        (intake.skipped({"dados": ("symbolic link", 0)}), ["dados"]),
        (intake.id_problem(""), []),
        (intake.id_problem("br[a]ck"), ["br[a]ck"]),
        (intake.id_problem("eve\nhonest"), ["eve\\nhonest"]),
        (intake.id_problem(" ana"), [" ana"]),
        (intake.id_problem("<b>ana</b>"), ["<b>ana</b>"]),
        (intake.id_problem("ana\udcff"), ["ana\\udcff"]),
        (UNTIMED, []),
    ]
    submitted = tmp_path / "submitted"
    (submitted / "real").mkdir(parents=True)
    (submitted / "linked").symlink_to(submitted / "real")
    said.append((intake.take(submitted, "linked", "regularization_en").reason, ["linked"]))
    (submitted / "ana" / "regularization_en").mkdir(parents=True)
    with open(submitted / "ana" / "regularization_en" / "big.bin", "wb") as big:
        big.truncate(300 * 2**20)  # sparse: nothing written
    (submitted / "ana" / "regularization_en" / nb).write_text("{}")
    said.append((intake.take(submitted, "ana", "regularization_en").reason, ["big.bin"]))
    (submitted / "bia" / "regularization_en").mkdir(parents=True)
    with open(submitted / "bia" / "regularization_en" / nb, "wb") as huge:
        huge.truncate(20 * 2**20)
    said.append((intake.take(submitted, "bia", "regularization_en").reason, [nb]))
    empty, broken = tmp_path / "vazio.ipynb", tmp_path / "quebrado.ipynb"
    empty.write_text("")
    broken.write_text("{not json")
    invalid = classroom.unreadable_reason(broken)  # nbformat's own message in parentheses: data, as it is
    said += [(classroom.unreadable_reason(empty), ["vazio.ipynb"]),
             (invalid, ["quebrado.ipynb", invalid[invalid.index("(") + 1:-1]])]
    return said


def graded_note():
    """A graded status's note as tools/grading/worker.py and classroom.py write it: every incident, then the
    intake's note, then the missing submission time."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["pack"] = {"incidents": [[KERNEL_DIED, "compute_cost_hidden"], [TIMEOUT, "a_example"],
                                         [BUDGET, "b_hidden"]], "jailed": False}
    cell = nbformat.v4.new_code_cell(metadata={"nbgrader": {"grade_id": "c_hidden"}, "pack": {"overruled": True}})
    nb.cells.append(cell)
    incidents = worker.incidents_in(nb) + ["no feedback"]
    return "; ".join(incidents + ["extra notebooks ignored: cópia.ipynb", "skipped, not read: pipe (FIFO)", UNTIMED])


def test_every_status_the_grader_writes_is_translated_with_its_data_intact(tmp_path):
    statuses = statuses_of_the_intake(tmp_path)
    assert all(said for said, _ in statuses)
    for said, data in statuses:
        translate = note_text if said.startswith(("skipped", "extra", "Meu", "no submission time")) else reason_text
        portuguese = translate(said, "pt")
        assert translate(said, "en") == said
        assert portuguese != said, said
        assert all(item in portuguese for item in data), (said, portuguese)
        assert not words(portuguese, data) & ENGLISH, (said, portuguese)
    note = graded_note()
    assert note_text(note, "pt") == (
        "o kernel morreu em compute_cost_hidden; tempo esgotado em a_example; orçamento de tempo esgotado em "
        "b_hidden; o árbitro anulou c_hidden; corrigida sem isolamento (jail); sem feedback; notebooks a mais "
        "ignorados: cópia.ipynb; ignorados, sem leitura: pipe (FIFO); sem horário de entrega registrado, portanto "
        "sem penalidade por atraso")


def test_a_status_is_translated_only_where_it_reads_one_way():
    """A name may hold a separator or one of the pack's texts: then what could be data stays as the grader wrote
    it, and a text that is not the pack's (nbgrader's, the system's) too."""
    could_be_a_name = "graded without a jail; no feedback; x.ipynb graded as regularization.ipynb"
    assert note_text(could_be_a_name, "pt") == could_be_a_name  # a notebook named "no feedback; x.ipynb"?
    assert note_text("x.ipynb graded as regularization.ipynb", "pt") == "x.ipynb corrigido como regularization.ipynb"
    listed = "skipped, not read: a (symbolic link), b (FIFO)"  # one entry named "a (symbolic link), b"?
    assert note_text(listed, "pt") == "ignorados, sem leitura: a (symbolic link), b (FIFO)"
    assert note_text("skipped, not read: a (symbolic link)", "pt") == "ignorados, sem leitura: a (link simbólico)"
    named = "no feedback.ipynb is an empty file"
    assert reason_text(named, "pt") == "no feedback.ipynb é um arquivo vazio"
    for foreign in ("timeout", "NbGraderException: something", "nbgrader failed", "graded (something new)"):
        assert reason_text(foreign, "pt") == foreign and note_text(foreign, "pt") == foreign
    hostile = "\\x1bc\\x07mallory (FIFO)"
    assert note_text(f"skipped, not read: {hostile}", "pt") == f"ignorados, sem leitura: {hostile}"
    long = "skipped, not read: " + ", ".join(["a (FIFO)"] * 3000)
    assert note_text(long, "pt") == long  # too long to read: as it is, at once


def test_the_terminal_shows_translated_statuses_safely(tmp_path, capsys):
    """A status's data are made printable after the translation: control characters still show as escapes."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    results = [Result("\x1b[2Jeve", "regularization_en", status="not graded: \x1b[2J.ipynb is an empty file"),
               Result("ana", "regularization_en", score=6.0, max_score=12.0,
                      status="graded (skipped, not read: \x1bc (FIFO))")]
    report_module.print_table(results, tmp_path, "pt")
    printed = capsys.readouterr().out
    assert "\\x1b[2Jeve / regularization_en: \\x1b[2J.ipynb é um arquivo vazio" in printed
    assert "ana / regularization_en: ignorados, sem leitura: \\x1bc (FIFO)" in printed
    assert all(c.isprintable() or c == "\n" for c in printed)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
