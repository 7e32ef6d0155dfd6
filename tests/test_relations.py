"""tools/grading/relations.py: what is wrong when no declared mistake matches, said only when it is true.

Each rule speaks when its relation holds on every example case and stays silent on what could match by accident
(zeros, a single informative entry, a symmetric matrix, a factor that two candidates explain). The sentences of
every rule exist in both languages; through the oracle's own reply, a wrong answer outside the catalogue gets them.
"""
import importlib
import inspect
import json

import numpy as np
import pytest

from tools.exercise import Case, exercises, load_cases
from tools.grading import messages, plain
from tools.grading.oracle import expected_outputs, judge_results, sound_findings, subject
from tools.grading.relations import MISSING, findings


def f(X, keep_prob=0.5):
    """A stand-in signature: an (n, m) input and keep_prob."""


SIGNATURE = inspect.signature(f)
RNG = np.random.default_rng(7)
X = RNG.standard_normal((3, 5))  # m = 5
RIGHT = RNG.standard_normal((2, 4))


def example(*args, label="example"):
    return Case(label, args)


def relations(expected, results, cases=None, outputs=("y",)):
    cases = cases or [example(X, 0.8)] * len(expected)
    found = findings(outputs, cases, expected, results, SIGNATURE)
    return found and found["relations"]


@pytest.mark.parametrize("multiplier, name", [(2, "2"), (0.5, "1/2"), (-1, "-1"), (5, "m"), (1 / 5, "1/m"),
                                              (0.8, "keep_prob"), (1 / 0.8, "1/keep_prob")])
def test_a_factor_is_named(multiplier, name):
    assert relations([RIGHT], [multiplier * RIGHT]) == [{"path": [], "rule": "factor", "factor": name,
                                                         "values": [pytest.approx(multiplier)]}]


def test_a_factor_must_hold_on_every_example_case():
    other = RNG.standard_normal((2, 4))
    cases = [example(X, 0.8), example(X[:, :3], 0.8)]  # m = 5, then m = 3
    assert relations([RIGHT, other], [5 * RIGHT, 3 * other], cases)[0]["factor"] == "m"
    assert relations([RIGHT, other], [5 * RIGHT, 5 * other], cases) == []  # 5 is m on one case only


def test_accidents_stay_silent():
    zeros = np.zeros((2, 4))
    assert relations([zeros], [2 * zeros + 1]) == []  # no informative entry: nothing is "twice" zero
    one = np.array([[0.0, 0.0, 3.0]])
    assert relations([one], [2 * one]) == []  # a single informative entry
    assert relations([RIGHT], [3 * RIGHT]) == []  # a factor outside the list is not guessed
    m_is_two = [example(X[:, :2], 0.8)]  # m = 2: "×2" and "×m" both hold, so neither is said
    assert relations([RIGHT], [2 * RIGHT], m_is_two) == []


def test_transposed_reshaped_input_and_not_finite():
    assert relations([RIGHT], [RIGHT.T])[0]["rule"] == "transposed"
    assert relations([RIGHT], [RIGHT.reshape(4, 2)])[0]["rule"] == "reshaped"
    wrong = X.copy()
    assert relations([RIGHT[:, :3] @ np.ones((3, 5))], [wrong])[0] == {"path": [], "rule": "input", "input": "X"}
    assert relations([RIGHT], [RIGHT * np.nan])[0]["rule"] == "not_finite"


def test_hidden_cases_only_say_which_outputs_are_wrong():
    """A relation on a hidden case is never said; which outputs are wrong is (their names are the reference's)."""
    expected = [{"dW": RIGHT, "db": RIGHT[:, :1]}]
    found = findings(("gradients",), [example(X, 0.8, label="hidden")], expected, [{"dW": 2 * RIGHT,
                                                                                    "db": RIGHT[:, :1]}], SIGNATURE)
    assert found == {"wrong": [["dW"]], "right": [["db"]], "relations": []}
    assert findings(("y",), [example(X)], [RIGHT], [MISSING], SIGNATURE) is None  # it raised: nothing to add


@pytest.mark.parametrize("language", ["en", "pt"])
def test_every_rule_has_a_sentence(language):
    name = lambda path: path[0] if path else "y"  # noqa: E731
    rules = [{"path": ["dW2"], "rule": "factor", "factor": factor, "values": [5.0]}
             for factor in ("2", "1/2", "-1", "m", "1/m", "keep_prob", "1/keep_prob")]
    rules += [{"path": ["dW2"], "rule": rule, "input": "dZ"} for rule in ("transposed", "reshaped", "input",
                                                                           "not_finite")]
    for relation in rules:
        text = messages.findings({"wrong": [["dW2"]], "right": [["db2"], ["dW1"]], "relations": [relation]}, name,
                                 language)
        assert "`dW2`" in text and "{" not in text, text
    said = messages.findings({"wrong": [["dW2"]], "right": [["db2"], ["dW1"]], "relations": []}, name, language)
    assert said == {"en": "The output `dW2` is wrong; `db2` and `dW1` are right.",
                    "pt": "A saída `dW2` está errada; `db2` e `dW1` estão certas."}[language]


def test_the_oracle_says_it_for_a_wrong_answer_outside_the_catalogue():
    """judge_results, as the oracle process runs it: dW doubled in linear_backward (no declared mistake) gets
    which outputs are wrong and the factor, and the grading process keeps it after its own checks."""
    name, function = "deep_nn", "linear_backward"
    answers = []
    for value in expected_outputs(name, function):
        dA_prev, dW, db = value
        answers.append({"value": plain.encode((dA_prev, 2 * dW, db))})
    header = {"subject": list(subject(name)), "function": function, "diagnose": True}
    reply = judge_results(header, json.dumps(answers).encode())
    assert reply["mistake"] is None
    kept = sound_findings(json.loads(json.dumps(reply["findings"])))
    assert kept["wrong"] == [[1]] and kept["right"] == [[0], [2]]
    assert kept["relations"] == [{"path": [1], "rule": "factor", "factor": "2", "values": [2.0]}]
    text = messages.findings(kept, exercises(name)[function].output_name, "pt")
    assert text == ("A saída `dW` está errada; `dA_prev` e `db` estão certas. Com as entradas do exemplo, o seu `dW` "
                    "é o valor certo multiplicado por 2.")


@pytest.mark.parametrize("forged", [None, [], "x", {"wrong": "dW"}, {"wrong": [["a" * 99]], "right": []},
                                    {"wrong": [[1]], "right": [], "relations": [{"path": [1], "rule": "eval"}]}])
def test_the_grading_process_keeps_only_sound_findings(forged):
    kept = sound_findings(forged)
    assert kept is None or kept["relations"] == []


def test_no_reference_case_is_related_to_itself():
    """The reference's own values are right on every case: no findings for any graded function."""
    for name in ("deep_nn", "regularization", "initialization"):
        reference = importlib.import_module(f"reference.{name}")
        for function, declared in exercises(name).items():
            expected = expected_outputs(name, function)
            assert findings(declared.outputs, load_cases(name)[function], expected, expected,
                            inspect.signature(getattr(reference, function))) is None, function


def test_outputs_of_cases_with_other_keys_are_all_spoken_of():
    """A deeper hidden network returns more keys than the example's: each is judged on the cases that have it."""
    example_value = {"W1": RIGHT, "b1": RIGHT[:, :1]}
    hidden_value = {"W1": RIGHT, "b1": RIGHT[:, :1], "W2": RIGHT.T}
    cases = [example(X, 0.8), example(X, 0.8, label="hidden")]
    results = [{"W1": RIGHT, "b1": RIGHT[:, :1]}, {"W1": RIGHT, "b1": RIGHT[:, :1], "W2": 2 * RIGHT.T}]
    found = findings(("parameters",), cases, [example_value, hidden_value], results, SIGNATURE)
    assert found == {"wrong": [["W2"]], "right": [["W1"], ["b1"]], "relations": []}
