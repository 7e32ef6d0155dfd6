"""Unit tests of utils/init_utils.py and utils/init_figures.py."""
import warnings

import numpy as np
import pytest
from numerical import numerical_gradient
import sklearn.datasets

import language
import init_figures
import init_utils
from init_utils import (backward_propagation, compute_loss, forward_propagation, load_dataset, predict, predict_dec,
                        relu, sigmoid, update_parameters)
from testCases import random_parameters


@pytest.fixture(autouse=True)
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.fixture
def plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot
    yield pyplot
    pyplot.close("all")


def test_sigmoid_and_relu_values_and_no_overflow_warning():
    np.testing.assert_allclose(sigmoid(np.array([0.0, 2.0])), [0.5, 1 / (1 + np.exp(-2.0))])
    assert sigmoid(np.array([-1000.0]))[0] == 0.0 and sigmoid(np.array([1000.0]))[0] == 1.0
    np.testing.assert_array_equal(relu(np.array([[-1.0, 0.0, 2.5]])), [[0.0, 0.0, 2.5]])


def test_forward_propagation_cache_layout():
    p = random_parameters([3, 4, 2, 1], seed=0)
    X = np.random.randn(3, 5)
    a3, cache = forward_propagation(X, p)
    assert a3.shape == (1, 5) and len(cache) == 12
    z1, a1, W1, b1, z2, a2, W2, b2, z3, a3c, W3, b3 = cache
    np.testing.assert_allclose(a1, np.maximum(0, W1 @ X + b1))
    np.testing.assert_allclose(z3, W3 @ a2 + b3)
    np.testing.assert_allclose(a3c, a3)


def test_backward_propagation_matches_a_numerical_gradient():
    p = random_parameters([3, 4, 2, 1], seed=1)
    X, Y = np.random.randn(3, 6), np.array([[1, 0, 1, 1, 0, 0]])
    grads = backward_propagation(X, Y, forward_propagation(X, p)[1])
    assert set(grads) == {"dz3", "dW3", "db3", "da2", "dz2", "dW2", "db2", "da1", "dz1", "dW1", "db1"}
    for name in ("W1", "b1", "W2", "b2", "W3", "b3"):
        assert grads["d" + name].shape == p[name].shape
        numerical = numerical_gradient(lambda q: compute_loss(forward_propagation(X, q)[0], Y), p, name)
        np.testing.assert_allclose(grads["d" + name], numerical, rtol=1e-5, atol=1e-8)


def test_compute_loss_value_and_the_classic_formula():
    Y = np.array([[1, 1, 0]])
    # The facts' cost to 12 digits, as test_dnn_testcases checks it: its last bits depend on the CPU's np.log
    # (numpy/numpy#26117: 1 ulp apart between two x86-64 CPUs), so rel=1e-15 (5 ulps) tested the machine too;
    # a wrong formula is off by more than 1e-3.
    assert compute_loss(np.array([[0.8, 0.9, 0.4]]), Y) == pytest.approx(0.2797765635793422, rel=1e-12)
    np.random.seed(0)
    a3, Y = np.random.uniform(0.01, 0.99, (1, 50)), np.random.randint(0, 2, (1, 50))
    classic = -np.mean(Y * np.log(a3) + (1 - Y) * np.log(1 - a3))
    assert compute_loss(a3, Y) == pytest.approx(classic, rel=1e-13)
    assert isinstance(compute_loss(a3, Y), float)


def test_compute_loss_of_a_saturated_network_does_not_warn():
    """The x10 model's sigmoid returns exactly 0 and 1: right answers cost 0, a wrong one makes the loss inf."""
    Y = np.array([[1, 1, 0, 0]])
    assert compute_loss(np.array([[1.0, 1.0, 0.0, 0.0]]), Y) == 0.0
    assert compute_loss(np.array([[0.0, 1.0, 0.0, 1.0]]), Y) == np.inf
    parameters = {k: v * 10 for k, v in random_parameters([2, 10, 5, 1], seed=3).items()}
    a3, _ = forward_propagation(np.random.randn(2, 40) * 3, parameters)
    assert np.isin(a3, [0.0, 1.0]).any()
    assert compute_loss(a3, (np.arange(40) % 2).reshape(1, 40)) > 0


def test_update_parameters_returns_new_values_and_leaves_the_input():
    p = random_parameters([2, 3, 1], seed=2)
    grads = {"dW1": np.ones((3, 2)), "db1": np.ones((3, 1)), "dW2": np.ones((1, 3)), "db2": np.ones((1, 1)),
             "dz2": np.ones((1, 4))}
    before = {k: v.copy() for k, v in p.items()}
    new = update_parameters(p, grads, 0.5)
    assert set(new) == {"W1", "b1", "W2", "b2"}
    np.testing.assert_allclose(new["W1"], before["W1"] - 0.5)
    np.testing.assert_allclose(new["b2"], before["b2"] - 0.5)
    np.testing.assert_allclose(p["W1"], before["W1"])


def test_predict_prints_accuracy_in_the_chosen_language(capsys):
    p = random_parameters([2, 3, 2, 1], seed=3)
    X = np.random.randn(2, 8)
    y = predict_dec(p, X).astype(int)
    assert predict(X, y, p).dtype.kind == "i"
    language.set_language("pt")
    try:
        predict(X, 1 - y, p)
    finally:
        language.set_language("en")
    assert capsys.readouterr().out.splitlines() == ["Accuracy: 1.0", "Acurácia: 0.0"]
    assert init_utils.accuracy(X, y, p) == 1.0


def test_load_dataset_is_make_circles_with_the_facts_seeds(plt):
    train_X, train_Y, test_X, test_Y = load_dataset()
    assert train_X.shape == (2, 300) and train_Y.shape == (1, 300)
    assert test_X.shape == (2, 100) and test_Y.shape == (1, 100)
    assert set(np.unique(train_Y)) == {0, 1} and train_Y.sum() == 150
    np.random.seed(1)
    X, y = sklearn.datasets.make_circles(n_samples=300, noise=.05)
    np.testing.assert_array_equal(train_X, X.T)
    np.testing.assert_array_equal(train_Y, y.reshape(1, 300))
    np.random.seed(2)
    X, y = sklearn.datasets.make_circles(n_samples=100, noise=.05)
    np.testing.assert_array_equal(test_X, X.T)
    np.testing.assert_array_equal(test_Y, y.reshape(1, 100))
    assert plt.get_fignums() == []  # no plotting inside


def test_plot_decision_boundary_is_the_shared_one():
    import figures
    assert init_utils.plot_decision_boundary is figures.plot_decision_boundary


def test_layer_spreads_reads_z1_z2_z3_from_the_cache():
    p = random_parameters([2, 10, 5, 1], seed=5)
    X = np.random.randn(2, 30)
    _, cache = forward_propagation(X, p)
    np.testing.assert_allclose(init_figures.layer_spreads(cache), [np.std(cache[0]), np.std(cache[4]), np.std(cache[8])])
    zeros = {k: np.zeros_like(v) for k, v in p.items()}
    np.testing.assert_array_equal(init_figures.layer_spreads(forward_propagation(X, zeros)[1]), [0, 0, 0])


def test_spread_and_histogram_figures(plt):
    spreads = [[0, 0, 0], [8.9, 241.2, 2244.5], [0.9, 1.1, 0.6]]
    ax = init_figures.plot_layer_spreads(spreads, ["a", "b", "c"], layer_names=["z1", "z2", "z3"], title="t",
                                         xlabel="x", ylabel="y")
    ax.figure.canvas.draw()
    assert len(ax.get_lines()) == 3 and ax.get_yscale() == "symlog" and ax.get_title() == "t"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["z1", "z2", "z3"]
    with pytest.raises(ValueError):
        init_figures.plot_layer_spreads(spreads, ["a", "b"])
    outputs = [np.full((1, 10), 0.5), np.ones((1, 10)), np.linspace(0, 1, 10)]
    _, ax = plt.subplots()
    assert init_figures.plot_output_histograms(outputs, ["a", "b", "c"], ax=ax, xlabel="a3") is ax
    ax.figure.canvas.draw()
    assert len(ax.patches) == 3 and ax.get_xlim() == (0, 1)
    with pytest.raises(ValueError):
        init_figures.plot_output_histograms(outputs, ["a"])
