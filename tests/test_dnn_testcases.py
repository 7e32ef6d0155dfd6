"""utils/dnn_testcases.py: the visible tests' inputs give the facts' numbers (course facts §1) through the reference.

Also: the small test tools of the module (check_scalar), and the numbers that the
master's closing section quotes in both languages.
"""
import contextlib
import io
import re

import numpy as np
import pytest

import dnn_testcases
import language
from reference import deep_nn as ref
from tools.course import ASSIGNMENTS

GRADED = ["initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
          "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward", "L_model_backward",
          "update_parameters"]


def test_test_cases_hold_inputs_only_and_are_repeatable():
    for name in GRADED:
        assert not hasattr(dnn_testcases, name), f"dnn_testcases must not define {name}"
    a, b = dnn_testcases.L_model_forward_test_case_2hidden(), dnn_testcases.L_model_forward_test_case_2hidden()
    np.testing.assert_array_equal(a[0], b[0])
    assert set(a[1]) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert len(dnn_testcases.L_model_backward_test_case()[2]) == 2


def test_initialization_matches_facts():
    p = ref.initialize_parameters(3, 2, 1)
    np.testing.assert_allclose(p["W1"], [[0.01624345, -0.00611756, -0.00528172],
                                         [-0.01072969, 0.00865408, -0.02301539]], atol=1e-8)
    np.testing.assert_allclose(p["W2"], [[0.01744812, -0.00761207]], atol=1e-8)
    assert p["b1"].shape == (2, 1) and not p["b1"].any() and p["b2"].shape == (1, 1)
    p = ref.initialize_parameters_deep([5, 4, 3])
    np.testing.assert_allclose(p["W1"][0], [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388], atol=1e-8)
    np.testing.assert_allclose(p["W2"], [[-0.01185047, -0.0020565, 0.01486148, 0.00236716],
                                         [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
                                         [-0.00768836, -0.00230031, 0.00745056, 0.01976111]], atol=1e-8)
    assert sorted(p) == ["W1", "W2", "b1", "b2"]


def test_normal_with_scale_001_draws_exactly_randn_times_001():
    """The variant np.random.normal(0, 0.01, shape) consumes the legacy generator like randn(shape) * 0.01."""
    np.random.seed(1)
    a, b = np.random.randn(4, 3) * 0.01, np.random.randn(2, 4) * 0.01
    np.random.seed(1)
    np.testing.assert_array_equal(np.random.normal(0, 0.01, (4, 3)), a)
    np.testing.assert_array_equal(np.random.normal(0, 0.01, (2, 4)), b)


def test_forward_cases_match_facts():
    Z, cache = ref.linear_forward(*dnn_testcases.linear_forward_test_case())
    np.testing.assert_allclose(Z, [[3.26295337, -1.23429987]], atol=1e-8)
    assert len(cache) == 3
    A_prev, W, b = dnn_testcases.linear_activation_forward_test_case()
    np.testing.assert_allclose(ref.linear_activation_forward(A_prev, W, b, "sigmoid")[0],
                               [[0.96890023, 0.11013289]], atol=1e-8)
    np.testing.assert_allclose(ref.linear_activation_forward(A_prev, W, b, "relu")[0], [[3.43896131, 0.0]], atol=1e-8)
    AL, caches = ref.L_model_forward(*dnn_testcases.L_model_forward_test_case_2hidden())
    np.testing.assert_allclose(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]], atol=1e-8)
    assert isinstance(caches, list) and len(caches) == 3


def test_cost_case_has_a_zero_label_and_catches_log_al_in_both_terms():
    Y, AL = dnn_testcases.compute_cost_test_case()
    assert (Y == 0).any() and (Y == 1).any()
    cost = ref.compute_cost(AL, Y)
    assert np.ndim(cost) == 0 and float(cost) == pytest.approx(0.2797765635793422, rel=1e-12)
    wrong = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(AL))
    assert wrong == pytest.approx(0.41493159961539694) and not np.isclose(wrong, cost, rtol=1e-5)


def test_backward_cases_match_facts():
    dA_prev, dW, db = ref.linear_backward(*dnn_testcases.linear_backward_test_case())
    np.testing.assert_allclose(db, [[-0.14713786], [-0.11313155], [-0.13209101]], atol=1e-8)
    np.testing.assert_allclose(dA_prev[0], [-1.15171336, 0.06718465, -0.3204696, 2.09812712], atol=1e-8)
    np.testing.assert_allclose(dW[0], [0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716], atol=1e-8)

    dA, cache = dnn_testcases.linear_activation_backward_test_case()
    dA_prev, dW, db = ref.linear_activation_backward(dA, cache, "sigmoid")
    np.testing.assert_allclose(dA_prev, [[0.11017994, 0.01105339], [0.09466817, 0.00949723],
                                         [-0.05743092, -0.00576154]], atol=1e-8)
    np.testing.assert_allclose(dW, [[0.10266786, 0.09778551, -0.01968084]], atol=1e-8)
    np.testing.assert_allclose(db, [[-0.05729622]], atol=1e-8)
    dA_prev, dW, db = ref.linear_activation_backward(dA, cache, "relu")
    np.testing.assert_allclose(dA_prev[:, 0], [0.44090989, 0.37883606, -0.2298228], atol=1e-8)
    np.testing.assert_array_equal(dA_prev[:, 1], 0)
    np.testing.assert_allclose(dW, [[0.44513824, 0.37371418, -0.10478989]], atol=1e-8)
    np.testing.assert_allclose(db, [[-0.20837892]], atol=1e-8)


def test_l_model_backward_case_matches_facts_with_the_da_convention():
    AL, Y, caches = dnn_testcases.L_model_backward_test_case()
    grads = ref.L_model_backward(AL, Y, caches)
    assert set(grads) == {"dA0", "dA1", "dW1", "db1", "dW2", "db2"}
    np.testing.assert_allclose(grads["dW1"], [[0.41010002, 0.07807203, 0.13798444, 0.10502167], [0, 0, 0, 0],
                                              [0.05283652, 0.01005865, 0.01777766, 0.0135308]], atol=1e-8)
    np.testing.assert_allclose(grads["db1"], [[-0.22007063], [0], [-0.02835349]], atol=1e-8)
    np.testing.assert_allclose(grads["dA1"], [[0.12913162, -0.44014127], [-0.14175655, 0.48317296],
                                              [0.01663708, -0.05670698]], atol=1e-8)
    # dA{l} is the gradient with respect to A[l]: dA1 has the shape of A[1] (the input of layer 2), dA0 that of X
    assert grads["dA1"].shape == caches[1][0][0].shape and grads["dA0"].shape == caches[0][0][0].shape


def test_update_case_matches_facts_and_the_reference_with_copies():
    parameters, grads = dnn_testcases.update_parameters_test_case()
    new = ref.update_parameters({k: v.copy() for k, v in parameters.items()}, grads, 0.1)
    np.testing.assert_allclose(new["W1"][0], [-0.59562069, -0.09991781, -2.14584584, 1.82662008], atol=1e-8)
    np.testing.assert_allclose(new["b1"], [[-0.04659241], [-1.28888275], [0.53405496]], atol=1e-8)
    np.testing.assert_allclose(new["W2"], [[-0.55569196, 0.0354055, 1.32964895]], atol=1e-8)
    np.testing.assert_allclose(new["b2"], [[-0.84610769]], atol=1e-8)
    np.testing.assert_array_equal(parameters["W1"], dnn_testcases.update_parameters_test_case()[0]["W1"])


def test_reference_backward_matches_a_numerical_gradient_of_the_cost():
    from testCases import random_parameters
    parameters = random_parameters([3, 4, 3, 1], seed=2)
    X, Y = np.random.randn(3, 5), np.array([[1, 0, 1, 1, 0]])
    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    for name in ("W1", "b2", "W3"):
        numerical = np.zeros_like(parameters[name])
        for index in np.ndindex(numerical.shape):
            shifted = []
            for h in (1e-6, -1e-6):
                p = {k: v.copy() for k, v in parameters.items()}
                p[name][index] += h
                shifted.append(ref.compute_cost(ref.L_model_forward(X, p)[0], Y))
            numerical[index] = (shifted[0] - shifted[1]) / 2e-6
        np.testing.assert_allclose(grads["d" + name], numerical, rtol=1e-5, atol=1e-8)


def test_check_scalar_accepts_numbers_and_rejects_arrays_in_both_languages():
    for value in (0.5, np.float64(0.5), np.array(0.5), np.squeeze(np.array([[0.5]]))):
        dnn_testcases.check_scalar("cost", value)
    with pytest.raises(AssertionError, match=r"shape \(1, 1\): use np.squeeze"):
        dnn_testcases.check_scalar("cost", np.array([[0.5]]))
    with pytest.raises(AssertionError, match="should be a number"):
        dnn_testcases.check_scalar("cost", "0.5")
    language.set_language("pt")
    try:
        with pytest.raises(AssertionError, match="deveria ser um único número"):
            dnn_testcases.check_scalar("cost", np.array([0.5]))
    finally:
        language.set_language("en")


def test_visible_inputs_are_not_shared_between_calls():
    p1, g1 = dnn_testcases.update_parameters_test_case()
    p1["W1"] -= 1  # a student who updates in place must not change the next call's inputs
    p2, _ = dnn_testcases.update_parameters_test_case()
    assert not np.allclose(p1["W1"], p2["W1"])


@pytest.fixture(scope="module")
def trained():
    """The closing section of the notebook, run with the reference functions (quietly)."""
    train_X, train_Y, test_X, test_Y = ref.load_moons()
    with contextlib.redirect_stderr(io.StringIO()):
        parameters, costs = ref.L_layer_model(train_X, train_Y, [2, 16, 8, 1], print_cost=False)
        _, deep_costs = ref.L_layer_model(train_X, train_Y, [2, 20, 7, 5, 1], print_cost=False)
    return {"train": ref.accuracy(train_X, train_Y, parameters), "test": ref.accuracy(test_X, test_Y, parameters),
            "costs": costs, "deep_costs": deep_costs}


def _markdown(language_code):
    from tools.bilingual import read_master
    master = read_master(ASSIGNMENTS["deep_nn"].master)
    return "\n".join(c.source for c in master.cells
                     if c.cell_type == "markdown" and c.metadata.get("lang") == language_code)


@pytest.mark.parametrize("language_code, train, test", [
    ("en", r"training accuracy of (\d+) %", r"test\s+accuracy of (\d+) %"),
    ("pt", r"acurácia de treinamento de (\d+) %", r"acurácia de teste de (\d+) %"),
])
def test_quoted_accuracies_are_what_the_model_prints(trained, language_code, train, test):
    text = re.sub(r"\s+", " ", _markdown(language_code).replace("\n# ", " "))
    assert int(re.search(train, text)[1]) == round(100 * trained["train"])
    assert int(re.search(test, text)[1]) == round(100 * trained["test"])


def test_quoted_cost_curves(trained):
    """The text says: flat at log 2 for about a hundred iterations; [2, 20, 7, 5, 1] never leaves 0.693."""
    costs = np.array(trained["costs"])
    assert costs[0] == pytest.approx(np.log(2), abs=1e-4) and costs[1] == pytest.approx(np.log(2), abs=1e-3)
    assert costs[2] < 0.5 and costs[-1] < 0.1
    assert np.allclose(trained["deep_costs"], np.log(2), atol=1e-3)
    for language_code in ("en", "pt"):
        assert "[2, 20, 7, 5, 1]" in _markdown(language_code)
