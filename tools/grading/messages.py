"""Every text the grader writes into a notebook or its feedback, in both languages.

Only these texts (and the student's own cells as submitted) reach the
feedback: nothing that student code printed or raised during grading does.
"""
KERNEL_DIED, TIMEOUT, BUDGET, OUTPUT_CUT = "KernelDied", "CellTimeoutError", "NotebookTimeBudget", "OutputCut"
PASSED, FAILED_IN_KERNEL, FAILED_CHECK, NO_CHECK, DEPENDENCY = "Passed", "FailedInKernel", "FailedCheck", "NoCheck", \
    "Dependency"
NO_JAIL, DIAGNOSIS, DEPENDENCIES = "NoJail", "Diagnosis", "Dependencies"

TEXTS = {
    KERNEL_DIED: {
        "en": "The kernel died while running this cell (os._exit, a crash or the memory limit). "
              "It was restarted and grading went on with the next cells.",
        "pt": "O kernel morreu ao rodar esta célula (os._exit, uma falha grave ou o limite de memória). "
              "Ele foi reiniciado e a correção seguiu com as próximas células.",
    },
    TIMEOUT: {
        "en": "This cell ran longer than the time allowed per cell and was stopped.",
        "pt": "Esta célula rodou mais que o tempo permitido por célula e foi interrompida.",
    },
    BUDGET: {
        "en": "Stopped or not run: the notebook used up its total time budget.",
        "pt": "Interrompida ou não executada: o notebook esgotou o seu tempo total.",
    },
    OUTPUT_CUT: {
        "en": "[output cut after {n} characters]",
        "pt": "[saída cortada depois de {n} caracteres]",
    },
    PASSED: {
        "en": "Passed: {points} of {max_points}.",
        "pt": "Passou: {points} de {max_points}.",
    },
    FAILED_IN_KERNEL: {
        "en": "Failed: this test ended with an error when your notebook ran. Run the cell in your notebook to see it.",
        "pt": "Falhou: este teste terminou com um erro quando o seu notebook rodou. Rode a célula no seu notebook "
              "para vê-lo.",
    },
    FAILED_CHECK: {
        "en": "Failed: the grader checked `{function}` outside your notebook, on {case}: {reason}.",
        "pt": "Falhou: o corretor verificou `{function}` fora do seu notebook, com {case}: {reason}.",
    },
    DIAGNOSIS: {
        "en": "Your outputs are exactly those of a common mistake: {explanation}",
        "pt": "As suas saídas são exatamente as de um erro comum: {explanation}",
    },
    NO_CHECK: {
        "en": "Failed: the grader could not check `{function}`.",
        "pt": "Falhou: o corretor não conseguiu verificar `{function}`.",
    },
    DEPENDENCY: {
        "en": "This test failed in your notebook because a graded function it uses ({names}) is wrong; "
              "`{function}` itself was checked with a correct version of it and is not charged for it.",
        "pt": "Este teste falhou no seu notebook porque uma função avaliada que ele usa ({names}) está errada; "
              "`{function}` foi verificada com uma versão correta dela e não perde pontos por isso.",
    },
    DEPENDENCIES: {
        "en": "This test failed in your notebook because graded functions it uses ({names}) are wrong; "
              "`{function}` itself was checked with correct versions of those and is not charged for it.",
        "pt": "Este teste falhou no seu notebook porque funções avaliadas que ele usa ({names}) estão erradas; "
              "`{function}` foi verificada com versões corretas dessas funções e não perde pontos por isso.",
    },
    NO_JAIL: {
        "en": "Graded without a jail: the student's code ran with the grader's rights.",
        "pt": "Corrigido sem isolamento (jail): o código do aluno rodou com os direitos do corretor.",
    },
}
CASE_NAMES = {"en": {"example": "the example's inputs", "hidden": "other inputs"},
              "pt": {"example": "as entradas do exemplo", "hidden": "outras entradas"}}

# Why a check failed: a verdict's code (see tools.grading.oracle.judge) -> its sentence. ``{name}``: the output as
# the notebook names it, in code; the other fields are the verdict's.
REASONS = {
    "values": {"en": "{name} has wrong values", "pt": "{name} tem valores errados"},
    "shape": {"en": "{name} has shape {got}, not {want}", "pt": "{name} tem formato {got}, e não {want}"},
    "shape/hidden": {"en": "{name} has the wrong shape", "pt": "{name} tem o formato errado"},
    "key": {"en": "{name} has no key {key}", "pt": "falta a chave {key} em {name}"},
    "key/hidden": {"en": "{name} is missing a key", "pt": "falta uma chave em {name}"},
    "type/dict": {"en": "{name} should be a dict", "pt": "{name} deveria ser um dicionário"},
    "type/sequence": {"en": "{name} should be a tuple or a list of {length} elements",
                      "pt": "{name} deveria ser uma tupla ou lista de {length} elementos"},
    "type/sequence/1": {"en": "{name} should be a tuple or a list of 1 element",
                        "pt": "{name} deveria ser uma tupla ou lista de 1 elemento"},
    "type/number": {"en": "{name} should be a number or an array", "pt": "{name} deveria ser um número ou um array"},
    "type/value": {"en": "{name} should be {value}", "pt": "{name} deveria ser {value}"},
    "type/hidden": {"en": "{name} has the wrong type", "pt": "{name} tem o tipo errado"},
    "raised": {"en": "it raised {error}", "pt": "ela lançou {error}"},
    "raised/other": {"en": "it raised an exception", "pt": "ela lançou uma exceção"},
    "no_answer": {"en": "no answer came back", "pt": "nenhuma resposta voltou"},
    "no_answer/seconds": {"en": "no answer came back within {seconds} s",
                          "pt": "nenhuma resposta voltou em {seconds} s"},
    "unreadable": {"en": "its answer could not be read (it is not plain data: numbers, arrays, tuples, lists, dicts)",
                   "pt": "a resposta não pôde ser lida (não são dados simples: números, arrays, tuplas, listas, "
                         "dicionários)"},
    "not_below": {"en": "{name} should be below {limit} for a correct gradient",
                  "pt": "{name} deveria ser menor que {limit} para um gradiente correto"},
    "not_below/hidden": {"en": "{name} should be below the threshold for a correct gradient",
                         "pt": "{name} deveria ficar abaixo do limiar de um gradiente correto"},
    "changed_arguments": {"en": "the function changed the arguments it was given (work on copies)",
                          "pt": "a função alterou os argumentos que recebeu (trabalhe com cópias)"},
    "too_many_calls": {"en": "it made more than {limit} calls of other graded functions",
                       "pt": "ela fez mais de {limit} chamadas de outras funções avaliadas"},
    "not_started": {"en": "the check could not start", "pt": "a verificação não pôde começar"},
}
POINTS = {"en": ("point", "points"), "pt": ("ponto", "pontos")}
MAX_RELATIONS = 2  # relations said, in the output's order (a wrong first output often makes later ones wrong too)

# What is wrong when no declared mistake matches (tools.grading.relations): which outputs, then each relation that
# holds on every example case. ``{names}``: a list of outputs in code; ``{name}``: one.
FINDINGS = {
    "wrong/1": {"en": "The output {names} is wrong", "pt": "A saída {names} está errada"},
    "wrong/n": {"en": "The outputs {names} are wrong", "pt": "As saídas {names} estão erradas"},
    "right/1": {"en": "{names} is right", "pt": "{names} está certa"},
    "right/n": {"en": "{names} are right", "pt": "{names} estão certas"},
    "and": {"en": "and", "pt": "e"},
    "example": {"en": "On the example's inputs, ", "pt": "Com as entradas do exemplo, "},
    "factor/2": {"en": "your {name} is the right value multiplied by 2",
                 "pt": "o seu {name} é o valor certo multiplicado por 2"},
    "factor/1/2": {"en": "your {name} is the right value divided by 2",
                   "pt": "o seu {name} é o valor certo dividido por 2"},
    "factor/-1": {"en": "your {name} is the right value with the opposite sign",
                  "pt": "o seu {name} é o valor certo com o sinal trocado"},
    "factor/m": {"en": "your {name} is the right value multiplied by m, the number of examples{values}",
                 "pt": "o seu {name} é o valor certo multiplicado por m, o número de exemplos{values}"},
    "factor/1/m": {"en": "your {name} is the right value divided by m, the number of examples{values}",
                   "pt": "o seu {name} é o valor certo dividido por m, o número de exemplos{values}"},
    "factor/keep_prob": {"en": "your {name} is the right value multiplied by keep_prob{values}",
                         "pt": "o seu {name} é o valor certo multiplicado por keep_prob{values}"},
    "factor/1/keep_prob": {"en": "your {name} is the right value divided by keep_prob{values}",
                           "pt": "o seu {name} é o valor certo dividido por keep_prob{values}"},
    "transposed": {"en": "your {name} is the right value transposed", "pt": "o seu {name} é o valor certo transposto"},
    "reshaped": {"en": "your {name} has the right values in the wrong shape",
                 "pt": "o seu {name} tem os valores certos num formato errado"},
    "input": {"en": "your {name} is the input {input}, unchanged", "pt": "o seu {name} é a entrada {input}, sem mudança"},
    "not_finite": {"en": "your {name} is NaN or infinite where the right value is finite",
                   "pt": "o seu {name} é NaN ou infinito onde o valor certo é finito"},
}


# The late penalty on the feedback page (tools/grading/late.py's PerPeriodPenalty, tools/grading/feedback_page.py).
# ``{late}``: a duration of LATE_UNITS; numbers as :func:`number` writes them; the percent sign after a space.
LATE = {
    "penalty": {"en": "Submitted {late} late: \u2212{percent} % of the points{cap}, that is \u2212{points}.",
                "pt": "Entregue com {late} de atraso: \u2212{percent} % dos pontos{cap}, ou seja, \u2212{points}."},
    "cap": {"en": " (cap {cap} %)", "pt": " (limite de {cap} %)"},
    "grace": {"en": "Submitted {late} after the due date, within the grace period of {grace}: no penalty.",
              "pt": "Entregue {late} depois do prazo, dentro da tolerância de {grace}: sem penalidade."},
}
LATE_UNITS = {  # (singular, plural)
    "day": {"en": ("{n} day", "{n} days"), "pt": ("{n} dia", "{n} dias")},
    "hour": {"en": ("{n} hour", "{n} hours"), "pt": ("{n} hora", "{n} horas")},
    "minute": {"en": ("{n} minute", "{n} minutes"), "pt": ("{n} minuto", "{n} minutos")},
}


def duration(count, unit, language):
    """``1 day``, ``2 days``, ``1,5 minuto``...: ``count`` of ``unit`` (``day``, ``hour``, ``minute``)."""
    language = language if language in ("en", "pt") else "en"
    singular, plural = LATE_UNITS[unit][language]
    one = 0 < abs(count) < 2 if language == "pt" else count == 1
    return (singular if one else plural).format(n=number(count, language))


def late(terms, points_text, language):
    """The feedback's sentence for a late submission (``terms``: :meth:`tools.grading.late.PerPeriodPenalty.terms`);
    ``points_text``: the points taken, written (``1,6 ponto``)."""
    language = language if language in ("en", "pt") else "en"
    if terms["within_grace"]:
        return LATE["grace"][language].format(late=duration(terms["minutes"], "minute", language),
                                              grace=duration(terms["grace_minutes"], "minute", language))
    cap = LATE["cap"][language].format(cap=number(terms["cap_percent"], language)) \
        if terms["cap_percent"] < 100 else ""
    return LATE["penalty"][language].format(late=duration(terms["periods"], terms["period"], language),
                                            percent=number(round(terms["percent"], 2), language), cap=cap,
                                            points=points_text)


def text(kind, language):
    """The text of ``kind`` in ``language`` (English when the language is unknown)."""
    return TEXTS[kind].get(language, TEXTS[kind]["en"])


def number(value, language):
    """``1.5`` as the language writes it: ``1.5`` in English, ``1,5`` in Portuguese (``g`` format)."""
    written = f"{value:g}"
    return written.replace(".", ",") if language == "pt" else written


def points(value, language):
    """``1 point`` / ``2.5 points``, ``1 ponto`` / ``2,5 pontos``: the noun agrees with the number."""
    singular, plural = POINTS.get(language, POINTS["en"])
    return f"{number(value, language)} {singular if value == 1 else plural}"


def passed(points_, max_points, language):
    """The message of a test cell that scored ``points_`` of ``max_points``."""
    return text(PASSED, language).format(points=number(points_, language), max_points=points(max_points, language))


def reason(verdict, label, outputs_name, language):
    """The sentence for ``verdict`` (see :func:`tools.grading.oracle.judge`) on a case of ``label``.

    ``outputs_name(path)`` names the part of the output at ``path`` as the notebook does
    (:meth:`tools.exercise.Exercise.output_name`). On a hidden case only the fixed form of a code is used.
    """
    language = language if language in ("en", "pt") else "en"
    code = verdict.get("code", "values")
    fields = {"name": f"`{outputs_name(verdict.get('path', []))}`"}
    hidden = label == "hidden"
    if code == "shape":
        key = "shape/hidden" if hidden or "got" not in verdict or "want" not in verdict else "shape"
        fields.update(got=shape(verdict.get("got")), want=shape(verdict.get("want")))
    elif code == "key":
        key = "key/hidden" if hidden or "key" not in verdict else "key"
        fields["key"] = f"`{verdict.get('key')!r}`"
    elif code == "type":
        want = verdict.get("want")
        if hidden or want not in ("dict", "sequence", "number", "value"):
            key = "type/hidden"
        elif want == "sequence":
            key = "type/sequence/1" if verdict.get("length") == 1 else "type/sequence"
            fields["length"] = verdict.get("length")
        else:
            key = f"type/{want}"
            fields["value"] = f"`{verdict.get('value')}`"
    elif code == "raised":
        error = None if hidden else verdict.get("error")
        key = "raised" if error else "raised/other"
        fields["error"] = f"`{error}`"
    elif code == "no_answer":
        key = "no_answer/seconds" if verdict.get("seconds") else "no_answer"
        fields["seconds"] = number(verdict.get("seconds") or 0, language)
    elif code == "not_below":
        key = "not_below/hidden" if hidden or "limit" not in verdict else "not_below"
        fields["limit"] = f"{verdict.get('limit', 0):g}"
    elif code == "too_many_calls":
        key = code
        fields["limit"] = verdict.get("limit")
    else:
        key = code if code in REASONS else "values"
    return REASONS[key][language].format(**fields)


def listed(names, language):
    """``a``, ``a and b``, ``a, b and c`` (``e`` in Portuguese)."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {FINDINGS['and'][language]} " + names[-1]


def findings(found, outputs_name, language):
    """The sentences for ``found`` (see :mod:`tools.grading.relations`), or "" when there is nothing to say.

    ``outputs_name(path)`` names an output as the notebook does. The list of wrong and right outputs is said only
    when the function has several.
    """
    language = language if language in ("en", "pt") else "en"
    name = lambda path: f"`{outputs_name(path)}`"  # noqa: E731
    sentences = []
    wrong, right = found.get("wrong", []), found.get("right", [])
    if len(wrong) + len(right) > 1 and wrong:
        said = FINDINGS["wrong/1" if len(wrong) == 1 else "wrong/n"][language].format(
            names=listed(map(name, wrong), language))
        if right:
            said += "; " + FINDINGS["right/1" if len(right) == 1 else "right/n"][language].format(
                names=listed(map(name, right), language))
        sentences.append(said + ".")
    for relation in found.get("relations", [])[:MAX_RELATIONS]:
        rule = relation["rule"]
        key = f"factor/{relation['factor']}" if rule == "factor" else rule
        values = sorted(set(relation.get("values", [])))
        shown = ""
        if rule == "factor" and relation["factor"] in ("m", "1/m", "keep_prob", "1/keep_prob") and len(values) == 1:
            quantity = values[0] if relation["factor"] in ("m", "keep_prob") else 1 / values[0]
            shown = f" ({relation['factor'].lstrip('1/')} = {number(round(quantity, 6), language)})"
        sentences.append(FINDINGS["example"][language] + FINDINGS[key][language].format(
            name=name(relation["path"]), input=f"`{relation.get('input')}`", values=shown) + ".")
    return " ".join(sentences)


def shape(dimensions):
    """``(3, 1)``, ``(5,)`` or ``()``, as numpy writes a shape."""
    return str(tuple(dimensions or ()))
