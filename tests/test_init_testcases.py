"""utils/init_testcases.py and the facts of Initialization, through the generated reference module.

Also checks that the conclusions table of masters/initialization.py (both
languages) quotes the accuracies that the reference ``model`` really reaches
with the facts' settings (learning rate 0.01, 15 000 iterations).
"""
import re

import numpy as np
import pytest

import init_testcases
import init_utils
import language
from init_testcases import check_parameters
from reference import initialization as ref
from tools.bilingual import read_master
from tools.course import ASSIGNMENTS

FACTS_RANDOM = {"W1": [[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]],
                "W2": [[-0.82741481, -6.27000677]]}
FACTS_HE = {"W1": [[1.78862847, 0.43650985], [0.09649747, -1.8634927], [-0.2773882, -0.35475898],
                   [-0.08274148, -0.62700068]],
            "W2": [[-0.03098412, -0.33744411, -0.92904268, 0.62552248]]}
# Facts §2: (train accuracy, test accuracy) with learning rate 0.01 and 15 000 iterations.
FACTS_ACCURACY = {"zeros": (0.5, 0.5), "random": (0.83, 0.86), "he": (0.9933333333333333, 0.96)}
INITIALIZATIONS = ("zeros", "random", "he")


def test_test_cases_return_fresh_inputs_only():
    assert init_testcases.initialize_parameters_zeros_test_case() == [3, 2, 1]
    assert init_testcases.initialize_parameters_random_test_case() == [3, 2, 1]
    dims = init_testcases.initialize_parameters_he_test_case()
    assert dims == [2, 4, 1]
    dims.append(7)
    assert init_testcases.initialize_parameters_he_test_case() == [2, 4, 1]
    assert not [name for name in init_testcases.__all__ if name.startswith("initialize_parameters_")
                and not name.endswith("_test_case")]


def test_reference_zeros_matches_facts():
    p = ref.initialize_parameters_zeros(init_testcases.initialize_parameters_zeros_test_case())
    check_parameters("parameters", p, [3, 2, 1])
    assert all(not v.any() for v in p.values())


def test_reference_random_matches_facts():
    p = ref.initialize_parameters_random(init_testcases.initialize_parameters_random_test_case())
    check_parameters("parameters", p, [3, 2, 1])
    for name, expected in FACTS_RANDOM.items():
        np.testing.assert_allclose(p[name], expected, atol=1e-8)
    assert not p["b1"].any() and not p["b2"].any()


def test_reference_he_matches_facts_and_its_scale():
    p = ref.initialize_parameters_he(init_testcases.initialize_parameters_he_test_case())
    check_parameters("parameters", p, [2, 4, 1])
    for name, expected in FACTS_HE.items():
        np.testing.assert_allclose(p[name], expected, atol=1e-8)
    big = ref.initialize_parameters_he([400, 300, 1])
    assert np.std(big["W1"]) == pytest.approx(np.sqrt(2 / 400), rel=0.02)


def test_reference_random_functions_seed_themselves():
    for initialize in (ref.initialize_parameters_random, ref.initialize_parameters_he):
        np.random.seed(0)
        first = initialize([4, 3, 2])
        np.random.seed(1)
        second = initialize([4, 3, 2])
        for name in first:
            np.testing.assert_array_equal(first[name], second[name])


@pytest.mark.parametrize("initialize", [ref.initialize_parameters_zeros, ref.initialize_parameters_random,
                                        ref.initialize_parameters_he])
def test_check_parameters_accepts_the_reference_for_other_networks(initialize):
    for dims in ([5, 4, 3, 2, 1], [1, 7, 1], [6, 1]):
        check_parameters("parameters", initialize(list(dims)), dims)


def test_check_parameters_rejects_each_form_error_with_a_message_in_the_notebook_language():
    good = ref.initialize_parameters_zeros([3, 2, 1])
    cases = {
        "missing": ({"W1": good["W1"], "b1": good["b1"], "W2": good["W2"]}, "b2"),
        "extra": (dict(good, W0=np.zeros((3, 1))), "W0"),
        "shape": (dict(good, b1=np.zeros((1, 2))), "(2, 1)"),
        "dtype": (dict(good, W2=np.zeros((1, 2), dtype=int)), "float"),
        "array": (dict(good, b2=0.0), "numpy"),
        "dict": ([good["W1"]], "dict"),
    }
    for name, (parameters, fragment) in cases.items():
        with pytest.raises(AssertionError, match=re.escape(fragment)):
            check_parameters("parameters", parameters, [3, 2, 1])
    language.set_language("pt")
    try:
        with pytest.raises(AssertionError, match="chaves que não deveria ter"):
            check_parameters("parameters", cases["extra"][0], [3, 2, 1])
        with pytest.raises(AssertionError, match="ponto flutuante"):
            check_parameters("parameters", cases["dtype"][0], [3, 2, 1])
    finally:
        language.set_language("en")


@pytest.fixture(scope="module")
def trained():
    """The reference model trained with each initialization (facts' settings): costs and accuracies."""
    assert not ref.GRADING, "unset NBGRADER_EXECUTION to run this test"
    train_X, train_Y, test_X, test_Y = init_utils.load_dataset()
    results = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ref, "tqdm", lambda iterable, **kwargs: iterable)  # no progress bar on stderr
        for initialization in INITIALIZATIONS:
            parameters, costs = ref.model(train_X, train_Y, learning_rate=0.01, num_iterations=15000,
                                          print_cost=False, initialization=initialization)
            results[initialization] = {"costs": costs,
                                       "train": init_utils.accuracy(train_X, train_Y, parameters),
                                       "test": init_utils.accuracy(test_X, test_Y, parameters)}
    return results


def test_trained_models_reproduce_the_facts(trained):
    for initialization, (train, test) in FACTS_ACCURACY.items():
        assert (trained[initialization]["train"], trained[initialization]["test"]) == pytest.approx((train, test))
    assert len(trained["he"]["costs"]) == 15
    # ln 2, as a mean of 300 equal terms: how it rounds depends on the summation order (up to m·eps ≈ 7e-14;
    # numpy's pairwise sum gives ln 2 exactly, a plain loop 13 ulps above it), not on the model.
    assert trained["zeros"]["costs"][0] == pytest.approx(0.6931471805599453, rel=1e-13)
    assert max(trained["zeros"]["costs"]) - min(trained["zeros"]["costs"]) < 1e-12
    assert trained["random"]["costs"][0] == np.inf and np.isfinite(trained["random"]["costs"][1:]).all()
    assert trained["he"]["costs"][0] == pytest.approx(0.8830537463419761, rel=1e-12)


def conclusions_table(language_code):
    """The (train, test) accuracy cells of each row of the master's conclusions table, as written ("99.3 %")."""
    master = read_master(ASSIGNMENTS["initialization"].master)
    cells = [c.source for c in master.cells if c.cell_type == "markdown" and c.metadata.get("lang") == language_code
             and re.search(r"^## \d+ - Conclus", c.source, re.M)]
    assert len(cells) == 1, f"one conclusions cell expected in {language_code}"
    rows = [line for line in cells[0].split("\n") if line.startswith("|")][2:]
    return [tuple(c.strip() for c in row.strip("|").split("|")[1:3]) for row in rows]


def as_percent(accuracy, language_code):
    """An accuracy as the table writes it: one decimal, a decimal comma in Portuguese."""
    text = f"{100 * accuracy:.1f} %"
    return text.replace(".", ",") if language_code == "pt" else text


@pytest.mark.parametrize("language_code", ["en", "pt"])
def test_conclusions_table_quotes_the_accuracies_the_model_prints(trained, language_code):
    table = conclusions_table(language_code)
    assert len(table) == len(INITIALIZATIONS)
    for row, initialization in zip(table, INITIALIZATIONS):
        got = trained[initialization]
        assert row == (as_percent(got["train"], language_code), as_percent(got["test"], language_code)), initialization
