"""exercises/: one declaration per graded function, checked by the build; every grader message in one language.

The build (``tools.build.write_mistakes``) refuses declarations that disagree with their master and names the
function; the messages of :mod:`tools.grading.messages`, rendered for every verdict code, both case kinds and
every declared output, read as one language each.
"""
import dataclasses
import io
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from tools import exercise
from tools.bilingual import build_all_languages
from tools.build import DeclarationError, build_assignment
from tools.course import ASSIGNMENTS, ROOT
from tools.exercise import Case, exercises
from tools.grading import messages
from tools.grading.cluster import grader_code
from tools.grading.notebook import grade_id, is_test_cell, student_solutions
from tools.grading.oracle import CODES, public_verdict
from tools.submissions import solution_code

NAMES = list(ASSIGNMENTS)
REG = "regularization"


def master_parts(name):
    """(solutions, test cell ids, reference source) as the build reads them."""
    nb = build_all_languages(ASSIGNMENTS[name].master)["en"]
    solutions = {n: solution_code(code) for n, code in student_solutions(nb).items()}
    tests = [grade_id(c) for c in nb.cells if is_test_cell(c)]
    return solutions, tests, (ROOT / "reference" / f"{name}.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_the_declarations_agree_with_their_master(name):
    assert exercise.problems(name, *master_parts(name)) == []


def with_declared(monkeypatch, function, **changes):
    """The regularization declarations with ``function``'s exercise changed (for this test)."""
    changed = {f: dataclasses.replace(e, **changes) if f == function else e for f, e in exercises(REG).items()}
    real = exercise.declared
    monkeypatch.setattr(exercise, "declared", lambda module: changed if module == f"exercises.{REG}" else real(module))


def test_the_build_names_a_missing_test_cell_and_a_renamed_output():
    solutions, tests, reference = master_parts(REG)
    cost = "compute_cost_with_regularization"
    tests = [t for t in tests if t != f"{cost}_hidden"]
    reference = reference.replace("    return cost\n", "    return J\n")
    found = exercise.problems(REG, solutions, tests, reference)
    assert f"{REG}.{cost}: the master has no test cell {cost}_hidden" in found
    assert f"{REG}.{cost}: outputs are declared as ('cost',), the master returns ('J',)" in found


def test_the_build_refuses_a_mistake_without_its_portuguese_and_an_edit_that_does_not_apply(monkeypatch, tmp_path):
    function = "backward_propagation_with_dropout"
    first, *rest = exercises(REG)[function].mistakes
    with_declared(monkeypatch, function, mistakes=[dataclasses.replace(first, pt=" "), *rest],
                  variants={"gone": [("no such code", "x")]})
    with pytest.raises(DeclarationError) as refused:
        build_assignment(ASSIGNMENTS[REG], tmp_path)
    assert f"{REG}.{function}: mistake {first.label!r} has no pt explanation" in str(refused.value)
    assert f"{REG}.{function}: 'gone' edits 'no such code', which occurs 0 times in the solution" in str(refused.value)
    assert not list(tmp_path.rglob("*"))  # a refused declaration: nothing of the assignment is written


def test_the_build_refuses_functions_out_of_the_notebooks_order(monkeypatch):
    declared = exercises(REG)
    swapped = dict(reversed(list(declared.items())))
    monkeypatch.setattr(exercise, "declared", lambda module: swapped)
    found = exercise.problems(REG, *master_parts(REG))
    assert found and found[0].startswith(f"{REG}: the declared functions")


def test_outputs_are_named_as_the_notebook_names_them():
    names = {f: e.output_name for a in NAMES for f, e in exercises(a).items()}
    assert names["linear_backward"]([2]) == "db"
    assert names["linear_activation_forward"]([1, 0, 2]) == "cache[0][2]"
    assert names["backward_propagation_with_dropout"](["dA2"]) == "dA2"
    assert names["compute_cost_with_regularization"]([]) == "cost"
    assert names["initialize_parameters_he"](["W1", 0]) == "W1[0]"


# --- every message in one language --------------------------------------------------------------------------

ENGLISH = {"the", "has", "have", "wrong", "values", "should", "raised", "output", "answer", "inputs", "failed",
           "passed", "points", "point", "check", "checked", "shape", "missing", "with", "outside", "your", "is",
           "are", "of", "grader", "came", "back", "within", "below", "exception", "could", "not"}
PORTUGUESE = {"não", "função", "saída", "valores", "errados", "deveria", "lançou", "entradas", "resposta", "pontos",
              "ponto", "corretor", "verificou", "falhou", "passou", "formato", "chave", "uma", "um", "de", "com",
              "seu", "sua", "em", "tem", "que", "ela", "voltou", "exceção", "errado", "outras"}
EXAMPLE_VERDICTS = [
    {"code": "values", "path": []}, {"code": "values", "path": [0, 1]}, {"code": "values", "path": ["dW1"]},
    {"code": "shape", "path": [0], "got": [3, 1], "want": [1, 3]}, {"code": "key", "path": [], "key": "db2"},
    {"code": "type", "path": [], "want": "dict"}, {"code": "type", "path": [1], "want": "sequence", "length": 2},
    {"code": "type", "path": [1], "want": "sequence", "length": 1}, {"code": "type", "path": [], "want": "number"},
    {"code": "type", "path": [], "want": "value", "value": "'relu'"}, {"code": "raised", "error": "ValueError"},
    {"code": "raised", "error": None}, {"code": "no_answer"}, {"code": "no_answer", "seconds": 20},
    {"code": "unreadable"}, {"code": "not_below", "path": [], "limit": 1e-7}, {"code": "changed_arguments"},
    {"code": "too_many_calls", "limit": 2000}, {"code": "not_started"},
]


class Code(dict):
    """Fills every placeholder of a fixed text with a code span (a name, as the grader fills them)."""

    def __missing__(self, key):
        return "`x`"


def every_message(language):
    """Every text the grader can write into a notebook, in ``language``: each verdict on an example and a hidden
    case, for every declared output of every graded function; every fixed text; every mistake's explanation."""
    texts = [messages.text(kind, language).format_map(Code()) for kind in messages.TEXTS]
    texts += [messages.passed(p, p, language) for p in (1, 1.5, 2)]
    for name in NAMES:
        for function, declared in exercises(name).items():
            for label in ("example", "hidden"):
                case = messages.CASE_NAMES[language][label]
                for verdict in EXAMPLE_VERDICTS:
                    public = public_verdict(Case(label, ()), verdict)
                    reason = messages.reason(public, label, declared.output_name, language)
                    texts.append(messages.text(messages.FAILED_CHECK, language).format(
                        function=function, case=case, reason=reason))
            texts += [m.explanation(language) for m in declared.mistakes]
            units = [[i] for i in range(len(declared.outputs))] if len(declared.outputs) > 1 else [["a"], ["b"]]
            for relation in RELATIONS:
                texts.append(messages.findings({"wrong": units[:1], "right": units[1:], "relations": [
                    {"path": units[0], **relation}]}, declared.output_name, language))
    return texts


RELATIONS = [{"rule": "factor", "factor": factor, "values": [0.8]}
             for factor in ("2", "1/2", "-1", "m", "1/m", "keep_prob", "1/keep_prob")]
RELATIONS += [{"rule": rule, "input": "X"} for rule in ("transposed", "reshaped", "input", "not_finite")]


def words(text):
    """The words of ``text`` outside code: backtick spans, and chunks with code's punctuation (``Y.shape[1]``)."""
    prose = re.sub(r"\S*[._()\[\]=*/]\S*", " ", re.sub(r"`[^`]*`", " ", text))
    return set(re.findall(r"[a-zà-ú]+", prose.lower()))


def test_every_verdict_code_has_a_sentence():
    assert {v["code"] for v in EXAMPLE_VERDICTS} == set(CODES)


@pytest.mark.parametrize("language, foreign", [("pt", ENGLISH), ("en", PORTUGUESE)])
def test_every_message_reads_as_one_language(language, foreign):
    for text in every_message(language):
        assert not words(text) & foreign, (text, words(text) & foreign)
        assert "output[" not in text and not re.search(r"\{[a-z_]{2,}\}", text), text


def test_hidden_verdicts_say_nothing_produced_on_hidden_inputs():
    """On a hidden case, a shape, a key, an exception's name or a threshold never reaches the sentence."""
    for language in ("en", "pt"):
        for verdict in EXAMPLE_VERDICTS:
            text = messages.reason(public_verdict(Case("hidden", ()), verdict), "hidden", lambda p: "y", language)
            for secret in ("(3, 1)", "db2", "ValueError", "relu", "1e-07"):
                assert secret not in text, (verdict, text)


# --- the grader reads only what the build wrote -------------------------------------------------------------


def test_grading_needs_no_master(tmp_path):
    """With only the folders a Dask worker is sent (tools/, reference/, utils/, exercises/: no masters/), the
    grader knows the assignments, loads every case, computes the expected values and runs the diagnosis."""
    names = zipfile.ZipFile(io.BytesIO(grader_code())).namelist()
    assert {n.split("/")[0] for n in names} == {"tools", "reference", "utils", "exercises"}
    for folder in ("tools", "reference", "utils", "exercises"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    code = ("import sys; sys.path[:] = [p for p in sys.path if 'site-packages' in p or 'lib/python' in p]; "
            "sys.path.insert(0, '.')\n"
            "from tools.course import ASSIGNMENTS\n"
            "from tools.exercise import load_cases\n"
            "from tools.grading import diagnosis, feedback, referee, scoring\n"
            "from tools.grading.oracle import expected_outputs\n"
            "for name in ASSIGNMENTS:\n"
            "    for function in load_cases(name):\n"
            "        expected_outputs(name, function)\n"
            "f = 'compute_cost_with_regularization'\n"
            "outputs = diagnosis.mistake_outputs('regularization', f)['missing 1/2']\n"
            "print(len(ASSIGNMENTS), diagnosis.diagnose('regularization', f, outputs))\n"
            "print(sorted(m for m in sys.modules if m.startswith('tools.')))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    first, loaded = done.stdout.splitlines()
    assert first == "4 missing 1/2"
    assert "tools.bilingual" not in loaded and "tools.submissions" not in loaded  # the authoring code stays out
