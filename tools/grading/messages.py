"""Every text the grader writes into a notebook or its feedback, in both languages.

Only these texts (and the student's own cells as submitted) reach the
feedback: nothing that student code printed or raised during grading does.
"""
KERNEL_DIED, TIMEOUT, BUDGET, OUTPUT_CUT = "KernelDied", "CellTimeoutError", "NotebookTimeBudget", "OutputCut"
PASSED, FAILED_IN_KERNEL, FAILED_CHECK, NO_CHECK, DEPENDENCY = "Passed", "FailedInKernel", "FailedCheck", "NoCheck", \
    "Dependency"
NO_JAIL, DIAGNOSIS = "NoJail", "Diagnosis"

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
        "en": "Passed: {points:g} of {max_points:g} points.",
        "pt": "Passou: {points:g} de {max_points:g} pontos.",
    },
    FAILED_IN_KERNEL: {
        "en": "Failed: this test ended with an error when your notebook ran. Run the cell in your notebook to see it.",
        "pt": "Falhou: este teste terminou com um erro quando o seu notebook rodou. Rode a célula no seu notebook "
              "para vê-lo.",
    },
    FAILED_CHECK: {
        "en": "Failed: the grader's own check of `{function}` (run outside your notebook, on {case} inputs) "
              "disagrees: {reason}.",
        "pt": "Falhou: a verificação do corretor para `{function}` (feita fora do seu notebook, com entradas {case}) "
              "discorda: {reason}.",
    },
    DIAGNOSIS: {
        "en": "Your outputs are exactly those of a common mistake: {explanation}",
        "pt": "As suas saídas são exatamente as de um erro comum: {explanation}",
    },
    NO_CHECK: {
        "en": "Failed: the grader could not check `{function}` ({reason}).",
        "pt": "Falhou: o corretor não conseguiu verificar `{function}` ({reason}).",
    },
    DEPENDENCY: {
        "en": "This test failed in your notebook because a graded function it uses ({names}) is wrong; "
              "`{function}` itself was checked with correct versions of those and is not charged for it.",
        "pt": "Este teste falhou no seu notebook porque uma função avaliada que ele usa ({names}) está errada; "
              "`{function}` foi verificada com versões corretas dessas funções e não perde pontos por isso.",
    },
    NO_JAIL: {
        "en": "Graded without a jail: the student's code ran with the grader's rights.",
        "pt": "Corrigido sem isolamento (jail): o código do aluno rodou com os direitos do corretor.",
    },
}
CASE_NAMES = {"en": {"example": "the example's", "hidden": "other"}, "pt": {"example": "as do exemplo", "hidden": "outras"}}


def text(kind, language):
    """The text of ``kind`` in ``language`` (English when the language is unknown)."""
    return TEXTS[kind].get(language, TEXTS[kind]["en"])
