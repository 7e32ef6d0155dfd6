"""Unit tests of utils/reg_utils.py."""
import warnings

import numpy as np
import pytest
from numerical import numerical_gradient

import language
import reg_utils
from reg_utils import (backward_propagation, compute_cost, forward_propagation, initialize_parameters,
                       load_2D_dataset, predict, predict_dec, relu, sigmoid, update_parameters)
from testCases import random_parameters


@pytest.fixture(autouse=True)
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_sigmoid_and_relu_values_and_no_overflow_warning():
    np.testing.assert_allclose(sigmoid(np.array([0.0, 2.0])), [0.5, 1 / (1 + np.exp(-2.0))])
    assert sigmoid(np.array([-1000.0]))[0] == 0.0
    np.testing.assert_array_equal(relu(np.array([[-1.0, 0.0, 2.5]])), [[0.0, 0.0, 2.5]])


def test_initialize_parameters_shapes_seed_and_scale():
    p = initialize_parameters([2, 20, 3, 1])
    assert [p[f"W{l}"].shape for l in (1, 2, 3)] == [(20, 2), (3, 20), (1, 3)]
    assert all(not p[f"b{l}"].any() for l in (1, 2, 3))
    np.random.seed(3)
    np.testing.assert_allclose(p["W1"], np.random.randn(20, 2) / np.sqrt(2))


def test_forward_propagation_cache_layout():
    p = random_parameters([3, 4, 2, 1], seed=0)
    X = np.random.randn(3, 5)
    A3, cache = forward_propagation(X, p)
    assert A3.shape == (1, 5) and len(cache) == 12
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3c, W3, b3 = cache
    np.testing.assert_allclose(A1, np.maximum(0, W1 @ X + b1))
    np.testing.assert_allclose(A3c, A3)


def test_backward_propagation_matches_a_numerical_gradient():
    p = random_parameters([3, 4, 2, 1], seed=1)
    X, Y = np.random.randn(3, 6), np.array([[1, 0, 1, 1, 0, 0]])
    grads = backward_propagation(X, Y, forward_propagation(X, p)[1])
    assert set(grads) == {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}
    for name in ("W1", "b2", "W3"):
        numerical = numerical_gradient(lambda q: compute_cost(forward_propagation(X, q)[0], Y), p, name)
        np.testing.assert_allclose(grads["d" + name], numerical, rtol=1e-5, atol=1e-8)


def test_compute_cost_value_and_saturation_without_warnings():
    Y = np.array([[1, 1, 0]])
    assert compute_cost(np.array([[0.8, 0.9, 0.4]]), Y) == pytest.approx(0.2797765635793422)
    assert compute_cost(np.array([[1.0, 1.0, 0.0]]), Y) == 0.0
    assert compute_cost(np.array([[0.0, 1.0, 0.0]]), Y) == np.inf


def test_update_parameters_returns_new_values_and_leaves_the_input():
    p = random_parameters([2, 3, 1], seed=2)
    grads = {"dW1": np.ones((3, 2)), "db1": np.ones((3, 1)), "dW2": np.ones((1, 3)), "db2": np.ones((1, 1))}
    before = {k: v.copy() for k, v in p.items()}
    new = update_parameters(p, grads, 0.5)
    np.testing.assert_allclose(new["W1"], before["W1"] - 0.5)
    np.testing.assert_allclose(p["W1"], before["W1"])


def test_predict_prints_accuracy_in_the_chosen_language(capsys):
    p = random_parameters([2, 3, 2, 1], seed=3)
    X = np.random.randn(2, 8)
    y = predict_dec(p, X).astype(int)
    predict(X, y, p)
    language.set_language("pt")
    try:
        predict(X, 1 - y, p)
    finally:
        language.set_language("en")
    assert capsys.readouterr().out.splitlines() == ["Accuracy: 1.0", "Acurácia: 0.0"]


def test_load_2D_dataset_shapes():
    train_X, train_Y, test_X, test_Y = load_2D_dataset()
    assert train_X.shape == (2, 211) and train_Y.shape == (1, 211)
    assert test_X.shape == (2, 200) and test_Y.shape == (1, 200)
    assert set(np.unique(train_Y)) <= {0, 1}


def test_plot_decision_boundary_is_the_shared_one():
    import figures
    assert reg_utils.plot_decision_boundary is figures.plot_decision_boundary
