"""Every text the instructor reads, in English and Brazilian Portuguese: the terminal table and summary, the
grade command's messages and ``report.html``; and which of the two languages the instructor reads.

The language is the one asked for (``python -m tools grade --lang pt|en``), else the locale's: the first of
``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set (POSIX's order) decides, Portuguese when it starts with
``pt`` (``pt_BR.UTF-8``), English otherwise.

All texts are in :data:`TEXTS`, English and Portuguese side by side. Statuses of submissions are written by the
grader in English (``not graded: ...``, ``graded (...)``) and hold data: student ids, file names, the text of
an exception. :func:`reason_text` and :func:`note_text` translate the parts that are the pack's own fixed
texts (the ``reason/``, ``incident/``, ``note/`` and ``skipped/`` entries) and keep every data field as it is,
character for character. A status is translated only when it reads one way only against these texts; any
other (a name that itself holds one of the fixed texts, a message of nbgrader or of the operating system) is
shown as the grader wrote it, in English.
"""
import os
import re

from .grading.messages import number

LANGUAGES = ("en", "pt")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX: the first one set decides


def default_language(environ=None):
    """``"pt"`` when the locale's language is Portuguese (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``), else
    ``"en"``."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            return "pt" if value.lower().startswith("pt") else "en"
    return "en"


def chosen(language=None):
    """``language`` (``"en"`` or ``"pt"``), or the locale's when it is None."""
    if language is None:
        return default_language()
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r}: choose one of {', '.join(LANGUAGES)}")
    return language


TEXTS = {
    # --- report.html
    "title": {"en": "Class report", "pt": "Relatório da turma"},
    "language": {"en": "Language:", "pt": "Idioma:"},
    "assignments": {"en": "Assignments:", "pt": "Tarefas:"},
    "students": {"en": "Students", "pt": "Alunos"},
    "student": {"en": "student", "pt": "aluno"},
    "headline": {"en": "{submissions} of {students}, {graded}, {not_graded}.",
                 "pt": "{submissions} de {students}, {graded}, {not_graded}."},
    "could_not_be_graded": {"en": "Could not be graded", "pt": "Não puderam ser corrigidas"},
    "not_graded": {"en": "not graded", "pt": "não corrigida"},
    "no_feedback_page": {"en": "no feedback page", "pt": "sem página de feedback"},
    "of": {"en": "{part} of {whole}", "pt": "{part} de {whole}"},
    "mean": {"en": "mean {mean} / {max}", "pt": "média {mean} / {max}"},
    "no_score": {"en": "no score", "pt": "sem nota"},
    "late": {"en": "{score} (late: {penalty})", "pt": "{score} (atraso: {penalty})"},
    "nobody_graded": {"en": "No submission of this assignment could be graded.",
                      "pt": "Nenhuma entrega desta tarefa pôde ser corrigida."},
    "class_got_wrong": {"en": "What the class got wrong", "pt": "O que a turma errou"},
    "function": {"en": "function", "pt": "função"},
    "passed": {"en": "passed", "pt": "acertaram"},
    "failures": {"en": "failures: diagnosed mistakes, then undiagnosed, then unanswered",
                 "pt": "falhas: erros diagnosticados, depois sem diagnóstico, depois sem resposta"},
    "undiagnosed": {"en": "failed with no diagnosed mistake (undiagnosed)",
                    "pt": "falharam sem erro diagnosticado (sem diagnóstico)"},
    "unanswered": {"en": "left it unanswered (as released)", "pt": "deixaram sem resposta (como foi distribuída)"},
    "figure_alt": {"en": "{name}: score distribution and pass rate per function",
                   "pt": "{name}: distribuição das notas e taxa de acerto por função"},
    "total_score": {"en": "total score", "pt": "nota total"},
    "submissions_axis": {"en": "submissions", "pt": "entregas"},
    "distribution": {"en": "{name}: score distribution", "pt": "{name}: distribuição das notas"},
    "pass_axis": {"en": "% of graded submissions passing the function (all its test cells full marks)",
                  "pt": "% das entregas corrigidas que acertam a função (nota máxima em todas as suas células "
                        "de teste)"},
    "pass_rate": {"en": "pass rate per function", "pt": "taxa de acerto por função"},
    # --- the terminal
    "not_graded_list": {"en": "not graded:", "pt": "não corrigidas:"},
    "noted_list": {"en": "graded, with a note:", "pt": "corrigidas, com uma observação:"},
    "summary": {"en": "{assignment}: {graded}, mean {mean}/{max}, {not_graded}",
                "pt": "{assignment}: {graded}, média {mean}/{max}, {not_graded}"},
    "full_marks": {"en": "{percent} % full marks", "pt": "{percent} % nota máxima"},
    "named": {"en": "{name}: mistakes the grader named (EN + PT, of {graded})",
              "pt": "{name}: erros que o corretor identificou (EN + PT, de {graded})"},
    "where/gradebook": {"en": "gradebook:", "pt": "gradebook:"},
    "where/grades": {"en": "grades:", "pt": "notas:"},
    "where/feedback": {"en": "feedback:", "pt": "feedback:"},
    "where/autograded": {"en": "autograded:", "pt": "autograded:"},
    "where/report": {"en": "report:", "pt": "relatório:"},
    "gradebook_is": {"en": "(nbgrader's gradebook; `make lab` opens the formgrader)",
                     "pt": "(o gradebook do nbgrader; o `make lab` abre o formgrader)"},
    "per_submission": {"en": "<student>/<assignment>", "pt": "<aluno>/<tarefa>"},
    "report_is": {"en": "(per assignment, EN + PT: scores, pass rate per function, the class's mistakes, "
                        "links to feedback)",
                  "pt": "(por tarefa, EN + PT: notas, taxa de acerto por função, os erros da turma, links para o "
                        "feedback)"},
    # --- the grade command
    "tls_needs_scheduler": {"en": "--tls-ca-file, --tls-cert, --tls-key and --allow-plaintext go with --scheduler",
                            "pt": "--tls-ca-file, --tls-cert, --tls-key e --allow-plaintext só valem com "
                                  "--scheduler"},
    "cannot_grade": {"en": "cannot grade: {error}", "pt": "não é possível corrigir: {error}"},
    "not_in_gradebook": {"en": "not released into the gradebook: {ids}; run `python -m tools release {release}` "
                               "first (a due date already set is kept)",
                         "pt": "não liberada no gradebook: {ids}; rode `python -m tools release {release}` antes "
                               "(um prazo já definido é mantido)"},
    "progress": {"en": "autograde", "pt": "correção"},
    "progress_unit": {"en": "submission", "pt": "entrega"},
    # --- counted nouns: (singular, plural); 1 takes the singular, any other number the plural
    "count/submissions": {"en": ("{n} submission", "{n} submissions"), "pt": ("{n} entrega", "{n} entregas")},
    "count/students": {"en": ("{n} student", "{n} students"), "pt": ("{n} aluno", "{n} alunos")},
    "count/graded": {"en": ("{n} graded", "{n} graded"), "pt": ("{n} corrigida", "{n} corrigidas")},
    "count/not_graded": {"en": ("{n} not graded", "{n} not graded"),
                         "pt": ("{n} não corrigida", "{n} não corrigidas")},
    # --- statuses (see the module's docstring). What an entry of a submission folder is
    # (tools/grading/intake.kind_of), with its article; a list of skipped entries uses the word alone.
    "kind/file": {"en": "a file", "pt": "um arquivo"},
    "kind/folder": {"en": "a folder", "pt": "uma pasta"},
    "kind/symbolic link": {"en": "a symbolic link", "pt": "um link simbólico"},
    "kind/FIFO": {"en": "a FIFO", "pt": "um FIFO"},
    "kind/character device": {"en": "a character device", "pt": "um dispositivo de caracteres"},
    "kind/block device": {"en": "a block device", "pt": "um dispositivo de blocos"},
    "kind/socket": {"en": "a socket", "pt": "um socket"},
    "kind/special file": {"en": "a special file", "pt": "um arquivo especial"},
    "kind/unreadable folder": {"en": "a unreadable folder", "pt": "uma pasta ilegível"},
    # Why a submission was not graded (its status after "not graded: "), as tools/grading/intake.py,
    # classroom.py and worker.py write it; an intake reason may end with " (skipped, not read: ...)".
    "reason/empty": {"en": "{notebook} is an empty file", "pt": "{notebook} é um arquivo vazio"},
    "reason/invalid": {"en": "{notebook} is not a valid notebook ({detail})",
                       "pt": "{notebook} não é um notebook válido ({detail})"},
    "reason/no_notebook": {"en": "no {expected} in the submission", "pt": "não há {expected} na entrega"},
    "reason/no_notebook_found": {"en": "no {expected} in the submission; found {listed}",
                                 "pt": "não há {expected} na entrega; há {listed}"},
    "reason/notebook_kind": {"en": "{expected} is {kind}: not read, not graded",
                             "pt": "{expected} é {kind}: não lido, não corrigido"},
    "reason/missing": {"en": "{file} is missing", "pt": "{file} está faltando"},
    "reason/file_kind": {"en": "{file} is {kind}: not read", "pt": "{file} é {kind}: não lido"},
    "reason/file_size": {"en": "{file} is {size}, over the {limit} limit",
                         "pt": "{file} tem {size}, acima do limite de {limit}"},
    "reason/file_grew": {"en": "{file} is over the {limit} limit", "pt": "{file} passa do limite de {limit}"},
    "reason/file_open": {"en": "{file} cannot be opened ({error})", "pt": "{file} não pode ser aberto ({error})"},
    "reason/student_folder_kind": {"en": "the folder of student '{student}' is {kind}: not read",
                                   "pt": "a pasta do aluno '{student}' é {kind}: não lida"},
    "reason/student_folder_open": {"en": "the folder of student '{student}' cannot be opened ({error})",
                                   "pt": "a pasta do aluno '{student}' não pode ser aberta ({error})"},
    "reason/submission_folder_kind": {"en": "the submission folder {assignment} is {kind}: not read",
                                      "pt": "a pasta de entrega {assignment} é {kind}: não lida"},
    "reason/submission_folder_open": {"en": "the submission folder {assignment} cannot be opened ({error})",
                                      "pt": "a pasta de entrega {assignment} não pode ser aberta ({error})"},
    "reason/too_many": {"en": "the submission folder holds more than {count} files and folders",
                        "pt": "a pasta de entrega tem mais de {count} arquivos e pastas"},
    "reason/folder_size": {"en": "the submission folder holds {total} (the largest file, {path}, is {size}), over "
                                 "the {limit} limit; nothing in it was read",
                           "pt": "a pasta de entrega tem {total} (o maior arquivo, {path}, tem {size}), acima do "
                                 "limite de {limit}; nada nela foi lido"},
    "reason/id_empty": {"en": "the student id is empty; rename the folder",
                        "pt": "o id do aluno está vazio; renomeie a pasta"},
    "reason/id_utf8": {"en": "the student id '{student}' is not UTF-8, which the gradebook cannot store; rename the "
                             "folder",
                       "pt": "o id do aluno '{student}' não é UTF-8, e o gradebook não consegue guardá-lo; "
                             "renomeie a pasta"},
    "reason/id_glob": {"en": "the student id '{student}' contains {chars}, which nbgrader reads as a file pattern "
                             "and cannot grade; rename the folder",
                       "pt": "o id do aluno '{student}' contém {chars}, que o nbgrader lê como padrão de arquivos, "
                             "e assim não consegue corrigir; renomeie a pasta"},
    "reason/id_line_break": {"en": "the student id '{student}' contains a line break, which nbgrader's path "
                                   "patterns do not match and so cannot grade; rename the folder",
                             "pt": "o id do aluno '{student}' contém uma quebra de linha, que os padrões de caminho "
                                   "do nbgrader não reconhecem, e assim não consegue corrigir; renomeie a pasta"},
    "reason/id_space": {"en": "the student id '{student}' starts or ends with a space, which nbgrader strips and "
                              "then cannot find; rename the folder",
                        "pt": "o id do aluno '{student}' começa ou termina com um espaço, que o nbgrader remove e "
                              "depois não encontra; renomeie a pasta"},
    "reason/id_markup": {"en": "the student id '{student}' contains {chars}, which the formgrader's pages would "
                               "read as HTML; rename the folder",
                         "pt": "o id do aluno '{student}' contém {chars}, que as páginas do formgrader leriam como "
                               "HTML; renomeie a pasta"},
    "reason/refused": {"en": "the worker's result was refused: {detail}",
                       "pt": "o resultado do worker foi recusado: {detail}"},
    "reason/died_alone": {"en": "the grading worker died while grading this submission alone (over its memory cap "
                                "of {gib} GiB, or a crash)",
                          "pt": "o worker de correção morreu ao corrigir só esta entrega (acima do seu limite de "
                                "memória de {gib} GiB, ou uma falha)"},
    "reason/die_at_start": {"en": "the grading workers die as they start; see worker.log in the run folder, or "
                                  "grade with --jobs 1 to see why",
                            "pt": "os workers de correção morrem ao iniciar; veja o worker.log na pasta da "
                                  "execução, ou corrija com --jobs 1 para ver o motivo"},
    "reason/crashed": {"en": "grader crashed ({detail}", "pt": "o corretor falhou ({detail}"},
    # What a graded submission's status says in parentheses ("graded (a; b; c)"), in the order the grader
    # writes it: the incidents (tools/grading/worker.py), then the intake's note, then classroom.UNTIMED.
    "incident/kernel_died": {"en": "kernel died in {cell}", "pt": "o kernel morreu em {cell}"},
    "incident/timeout": {"en": "timeout in {cell}", "pt": "tempo esgotado em {cell}"},
    "incident/budget": {"en": "time budget used up in {cell}", "pt": "orçamento de tempo esgotado em {cell}"},
    "incident/overruled": {"en": "referee overruled {cell}", "pt": "o árbitro anulou {cell}"},
    "note/no_jail": {"en": "graded without a jail", "pt": "corrigida sem isolamento (jail)"},
    "note/no_feedback": {"en": "no feedback", "pt": "sem feedback"},
    "note/extra": {"en": "extra notebooks ignored: {listed}", "pt": "notebooks a mais ignorados: {listed}"},
    "note/renamed": {"en": "{notebook} graded as {expected}", "pt": "{notebook} corrigido como {expected}"},
    "note/skipped": {"en": "skipped, not read: {skipped}", "pt": "ignorados, sem leitura: {skipped}"},
    "note/untimed": {"en": "no submission time on record, so no late penalty",
                     "pt": "sem horário de entrega registrado, portanto sem penalidade por atraso"},
    # One entry of the list of entries skipped unread ("pipe (FIFO)"), and its tail past the fifth.
    "skipped/entry": {"en": "{name} ({kind_alone})", "pt": "{name} ({kind_alone})"},
    "skipped/more": {"en": "and {count} more", "pt": "e mais {count}"},
}


# --- due dates: `python -m tools due` (tools/grading/late.py) ------------------------------------------------------
TEXTS.update({
    "due/set": {"en": "{assignment}: due {time}", "pt": "{assignment}: prazo {time}"},
    "due/cleared": {"en": "{assignment}: no due date", "pt": "{assignment}: sem prazo"},
    "due/none": {"en": "no due date", "pt": "sem prazo"},
    "due/regrade": {"en": "{assignment}: {submissions} in the gradebook keep the penalty of the earlier due date "
                          "until graded again (python -m tools grade {assignment})",
                    "pt": "{assignment}: {submissions} no gradebook mantêm a penalidade do prazo anterior até serem "
                          "corrigidas de novo (python -m tools grade {assignment})"},
    "due/naive": {"en": "{time!r} is not a date and time with its UTC offset: write it as '{example}' (or with "
                        "UTC: '2027-04-11 02:59 UTC')",
                  "pt": "{time!r} não é uma data e hora com o seu fuso (deslocamento de UTC): escreva como "
                        "'{example}' (ou em UTC: '2027-04-11 02:59 UTC')"},
    "due/unknown": {"en": "{name!r} is not an assignment of the course (one of: {names}) nor an assignment id "
                          "(<name>_en, <name>_pt)",
                    "pt": "{name!r} não é uma tarefa do curso (uma de: {names}) nem o id de uma tarefa "
                          "(<nome>_en, <nome>_pt)"},
    "due/usage": {"en": "give an assignment and a time ('{example}'), an assignment and --clear, or --list",
                  "pt": "informe uma tarefa e um horário ('{example}'), uma tarefa e --clear, ou --list"},
})

# --- the terminal summary: the heading of its per-test lines (tools/report.py, print_summary) ---------------------
TEXTS.update({
    "summary/hardest": {"en": "  test cells with the fewest full marks (% of graded submissions, test cell, "
                              "function):",
                        "pt": "  células de teste com menos notas máximas (% das entregas corrigidas, célula de teste, "
                              "função):"},
})


# --- re-grading only what changed: `python -m tools grade` (tools/grading/unchanged.py) ------------------------------
TEXTS.update({
    "unchanged": {"en": "{submissions} unchanged since last graded: kept as they were, not graded again (--force "
                        "grades everything again)",
                  "pt": "{submissions} sem mudança desde a última correção: mantidas como estavam, sem corrigir de "
                        "novo (--force corrige tudo de novo)"},
})


# --- `python -m tools import --moodle` (tools/lms_import.py) ------------------------------------------------------
TEXTS.update({
    "import/imported": {"en": "imported {count} submissions of {assignment} into {folder}",
                        "pt": "{count} entregas de {assignment} importadas em {folder}"},
    "import/timed": {"en": "recorded their submission times (worksheet {worksheet}, time zone {zone}) in {ledger}",
                     "pt": "horários de entrega registrados (planilha {worksheet}, fuso horário {zone}) em {ledger}"},
    "import/untimed": {"en": "no worksheet given: no submission time recorded, so no late penalty for these "
                             "submissions (give --worksheet and --timezone, or `python -m tools times set`)",
                       "pt": "nenhuma planilha informada: nenhum horário de entrega registrado, portanto sem "
                             "penalidade por atraso para estas entregas (use --worksheet e --timezone, ou `python -m "
                             "tools times set`)"},
    "import/ignored": {"en": "not read ({count}): {names}", "pt": "não lidos ({count}): {names}"},
    "import/ambiguous": {"en": "{student}: {time} happens twice in {zone} (clocks set back); the earlier was taken",
                         "pt": "{student}: {time} ocorre duas vezes em {zone} (relógio atrasado); a primeira foi "
                               "usada"},
    "import/refused": {"en": "nothing was imported, nothing was written:",
                       "pt": "nada foi importado, nada foi gravado:"},
})


def text(key, language, **fields):
    """The text ``key`` in ``language``, its ``{fields}`` filled in."""
    return TEXTS[key][language].format(**fields)


def counted(key, n, language):
    """``"1 submission"``, ``"3 submissions"``, ``"3 entregas"``: the noun agrees with the number."""
    singular, plural = TEXTS[f"count/{key}"][language]
    return (singular if n == 1 else plural).format(n=n)


def decimal(value, digits, language):
    """``value`` with ``digits`` decimals, a comma before them in Portuguese: ``10.50`` / ``10,50``."""
    written = f"{value:.{digits}f}"
    return written.replace(".", ",") if language == "pt" else written


def score(value, language):
    """A score as the language writes it (``g`` format): ``10.5`` / ``10,5``."""
    return number(value, language)


# --- statuses ----------------------------------------------------------------------------------------------------

_KINDS = {entry["en"]: entry["pt"] for key, entry in TEXTS.items() if key.startswith("kind/")}
_ALONE = {en.split(" ", 1)[1]: pt.split(" ", 1)[1] for en, pt in _KINDS.items()}
_SIZE = r"\d+(?:\.\d+)? (?:MiB|KiB|bytes)"
_NAME = r"[^\s';]+"  # a name the pack chose (a notebook, an assignment id, a grade id): no spaces or quotes


def _alternatives(words):
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _comma(value):
    return value.replace(".", ",")


# A field of a status is data unless its name is here: what it may hold (a regular expression, and the same
# matching as little as it can) and how it is written in Portuguese (None: as it is). Data fields hold anything
# the grader's texts allow (a notebook's name ends in .ipynb) and are kept as they are.
_DATA = ".+"
_ALONE_ALTERNATIVES = _alternatives(_ALONE)
FIELDS = {
    "expected": (_NAME, _NAME, None), "assignment": (_NAME, _NAME, None), "file": (_NAME, _NAME, None),
    "cell": (_NAME, _NAME, None),
    "kind": (_alternatives(_KINDS), _alternatives(_KINDS), _KINDS.get),
    "kind_alone": (_ALONE_ALTERNATIVES, _ALONE_ALTERNATIVES, _ALONE.get),
    "size": (_SIZE, _SIZE, _comma), "total": (_SIZE, _SIZE, _comma), "limit": (_SIZE, _SIZE, _comma),
    "count": (r"\d+", r"\d+", None), "gib": (r"\d+(?:\.\d+)?", r"\d+(?:\.\d+)?", _comma),
    "chars": (r"\S(?: and \S)*", r"\S(?: and \S)*", lambda chars: chars.replace(" and ", " e ")),
    # data, with the form the grader gives it: notebooks (tools/grading/intake.locate) and the entries skipped
    "notebook": (r".+\.ipynb", r".+?\.ipynb", None), "listed": (r".+\.ipynb", r".+?\.ipynb", None),
    "skipped": (rf".+(?: \((?:{_ALONE_ALTERNATIVES})\)|, and \d+ more)",
                rf".+?(?: \((?:{_ALONE_ALTERNATIVES})\)|, and \d+ more)", None),
}
MAX_PIECES = 64  # a note or list of more parts than this (names full of separators) is shown as it is
MAX_LENGTH = 4000  # a longer status (thousands of names in it) is shown as it is: reading it costs too much


class _Template:
    """One English status text with fields and its Portuguese: reads an English text, writes the Portuguese."""

    def __init__(self, key):
        self.key, self.pt = key, TEXTS[key]["pt"]
        parts = re.split(r"\{(\w+)\}", TEXTS[key]["en"])
        lazy, greedy = [], []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                lazy.append(re.escape(part))
                greedy.append(re.escape(part))
            else:
                pattern, shortest, _ = FIELDS.get(part, (_DATA, _DATA + "?", None))
                lazy.append(f"(?P<{part}>{shortest})")
                greedy.append(f"(?P<{part}>{pattern})")
        self.lazy = re.compile("".join(lazy), re.DOTALL)
        self.greedy = re.compile("".join(greedy), re.DOTALL)

    def readings(self, english, nested):
        """The Portuguese of each way ``english`` reads as this text: none, one, or two (it is ambiguous).

        The shortest and the longest first data field are both tried: when they differ, there are two readings.
        ``nested``: field -> a function that writes that field in Portuguese (a list with texts of its own).
        """
        lazy, greedy = self.lazy.fullmatch(english), self.greedy.fullmatch(english)
        if not lazy:
            return []
        matches = [lazy] if lazy.groupdict() == greedy.groupdict() else [lazy, greedy]
        return [self.portuguese(match.groupdict(), nested) for match in matches]

    def portuguese(self, fields, nested):
        written = {}
        for name, value in fields.items():
            convert = nested.get(name) or FIELDS.get(name, (None, None, None))[2]
            written[name] = convert(value) if convert else value
        return self.pt.format(**written)


_TEMPLATES = {key: _Template(key) for key, entry in TEXTS.items()
              if key.split("/")[0] in ("reason", "incident", "note", "skipped")}


def _group(prefix):
    return [template for key, template in _TEMPLATES.items() if key.startswith(prefix)]


def _sequence(separator, english, slots, nested):
    """The Portuguese of ``english``, read as ``slots`` in order, its parts joined by ``separator``; None when it
    does not read so or reads more than one way.

    ``slots``: (templates, repeats): each slot is there at most once (any number of times with ``repeats``),
    and each time it takes one or more consecutive separated pieces (a data field may hold the separator).
    """
    pieces = english.split(separator)
    if len(pieces) > MAX_PIECES:
        return None
    memo = {}

    def readings(start, slot):  # the readings of pieces[start:] from slot on, at most two
        if (start, slot) in memo:
            return memo[start, slot]
        found = [[]] if start == len(pieces) else []
        if slot < len(slots) and start < len(pieces):
            templates, repeats = slots[slot]
            found += readings(start, slot + 1)  # the slot is not there
            for end in range(start + 1, len(pieces) + 1):
                if len(found) > 1:
                    break
                part = separator.join(pieces[start:end])
                for template in templates:
                    for portuguese in template.readings(part, nested):
                        found += [[portuguese] + rest for rest in readings(end, slot if repeats else slot + 1)]
        memo[start, slot] = found[:2]
        return memo[start, slot]

    found = readings(0, 0)
    return separator.join(found[0]) if len(found) == 1 else None


def skipped_text(english):
    """The list of entries skipped unread (``pipe (FIFO), link (symbolic link)``) in Portuguese, or as it is when
    it reads more than one way."""
    written = _sequence(", ", english, [(_group("skipped/entry"), True), (_group("skipped/more"), False)], {})
    return english if written is None else written


_NESTED = {"skipped": skipped_text}
_SKIPPED_NOTE = _group("note/skipped")
_SKIPPED_SUFFIX = " (" + TEXTS["note/skipped"]["en"].split("{")[0]
_NOTE_SLOTS = [(_group("incident/"), True)] + [(_group(f"note/{key}"), False) for key in
                                               ("no_jail", "no_feedback", "extra", "renamed", "skipped", "untimed")]


def reason_text(reason, language):
    """Why a submission was not graded, in ``language``: the grader's English reason with its fixed texts in
    Portuguese and its data as they are; the reason as it is when it is not one of the ``reason/`` texts (with
    perhaps the entries skipped unread after it) or reads more than one way."""
    if language != "pt" or len(reason) > MAX_LENGTH:
        return reason
    readings = [portuguese for template in _group("reason/") for portuguese in template.readings(reason, _NESTED)]
    start = reason.find(_SKIPPED_SUFFIX) if reason.endswith(")") else -1
    while start >= 0 and len(readings) < 2:
        cores = [portuguese for template in _group("reason/")
                 for portuguese in template.readings(reason[:start], _NESTED)]
        skipped = [portuguese for template in _SKIPPED_NOTE
                   for portuguese in template.readings(reason[start + 2:-1], _NESTED)]
        readings += [f"{core} ({tail})" for core in cores for tail in skipped]
        start = reason.find(_SKIPPED_SUFFIX, start + 1)
    return readings[0] if len(readings) == 1 else reason


def note_text(note, language):
    """A graded submission's note (``graded (note)``) in ``language``: its fixed texts in Portuguese, its data as
    they are; the note as it is when a part is not one of the ``incident/`` and ``note/`` texts or the note reads
    more than one way."""
    if language != "pt" or not note or len(note) > MAX_LENGTH:
        return note
    written = _sequence("; ", note, _NOTE_SLOTS, _NESTED)
    return note if written is None else written
