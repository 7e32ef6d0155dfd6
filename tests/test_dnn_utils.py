"""Unit tests of utils/dnn_utils.py and of the figures of the same notebook (utils/dnn_figures.py)."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

import dnn_figures  # noqa: E402
from dnn_utils import load_moons, relu, relu_backward, sigmoid, sigmoid_backward  # noqa: E402


@pytest.fixture(autouse=True)
def strict_and_closed():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
        plt.gcf().canvas.draw()  # rendering must not warn either (e.g. missing glyphs)
    plt.close("all")


def test_sigmoid_returns_the_activation_and_z_as_cache():
    Z = np.array([[0.0, 2.0], [-1.0, 3.0]])
    A, cache = sigmoid(Z)
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-Z)))
    assert cache is Z


def test_sigmoid_saturates_without_overflow_warning():
    A, _ = sigmoid(np.array([[-1000.0, 1000.0]]))
    np.testing.assert_array_equal(A, [[0.0, 1.0]])


def test_relu_returns_the_activation_and_z_as_cache():
    Z = np.array([[-1.0, 0.0, 2.5]])
    A, cache = relu(Z)
    np.testing.assert_array_equal(A, [[0.0, 0.0, 2.5]])
    assert cache is Z


def test_relu_backward_is_a_copy_of_da_with_zeros_where_z_is_not_positive():
    dA = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    Z = np.array([[-1.0, 0.0, 0.5], [2.0, -3.0, 0.0]])
    before = dA.copy()
    dZ = relu_backward(dA, Z)
    np.testing.assert_array_equal(dZ, [[0.0, 0.0, 3.0], [4.0, 0.0, 0.0]])
    np.testing.assert_array_equal(dA, before)
    assert dZ is not dA and dZ.shape == dA.shape


def test_sigmoid_backward_is_da_times_s_times_one_minus_s():
    rng = np.random.default_rng(0)
    dA, Z = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    s = 1 / (1 + np.exp(-Z))
    np.testing.assert_allclose(sigmoid_backward(dA, Z), dA * s * (1 - s))


@pytest.mark.parametrize("forward, backward", [(sigmoid, sigmoid_backward), (relu, relu_backward)])
def test_backward_steps_match_a_numerical_derivative(forward, backward):
    rng = np.random.default_rng(1)
    Z = rng.standard_normal((4, 5))
    Z[np.abs(Z) < 1e-3] = 0.5  # keep away from the kink of ReLU
    dA = rng.standard_normal(Z.shape)
    h = 1e-6
    numerical = dA * (forward(Z + h)[0] - forward(Z - h)[0]) / (2 * h)
    np.testing.assert_allclose(backward(dA, Z), numerical, rtol=1e-5, atol=1e-8)


def test_load_moons_shapes_labels_and_repeatability():
    train_X, train_Y, test_X, test_Y = load_moons()
    assert train_X.shape == (2, 300) and train_Y.shape == (1, 300)
    assert test_X.shape == (2, 200) and test_Y.shape == (1, 200)
    assert set(np.unique(train_Y)) == {0, 1} and set(np.unique(test_Y)) == {0, 1}
    again = load_moons()
    np.testing.assert_array_equal(again[0], train_X)
    np.testing.assert_array_equal(again[3], test_Y)
    assert not np.allclose(train_X[:, :200], test_X)


def test_load_moons_leaves_numpy_global_generator_alone():
    np.random.seed(123)
    expected = np.random.rand(3)
    np.random.seed(123)
    load_moons(n_train=20, n_test=10)
    np.testing.assert_array_equal(np.random.rand(3), expected)


def _gids(ax, kind, gid):
    return [p for p in ax.patches if isinstance(p, kind) and p.get_gid() == gid]


@pytest.mark.parametrize("L", [1, 3, 5])
def test_draw_modules_has_one_forward_box_backward_box_and_cache_per_layer(L):
    ax = dnn_figures.draw_modules(L, forward="forward", backward="backward", cache="cache", cost="cost")
    assert len(_gids(ax, FancyBboxPatch, "forward")) == L
    assert len(_gids(ax, FancyBboxPatch, "backward")) == L
    assert len(_gids(ax, FancyBboxPatch, "cost")) == 1
    assert len(_gids(ax, FancyArrowPatch, "cache")) == L
    # X -> ... -> A[L] -> cost on top, cost -> dA[L] -> ... -> dA[0] at the bottom
    assert len(_gids(ax, FancyArrowPatch, "flow")) == 2 * (L + 1)
    texts = [t.get_text() for t in ax.texts]
    assert sum("SIGMOID" in t for t in texts) == 2 and sum("RELU" in t for t in texts) == 2 * (L - 1)
    assert {"forward", "backward", "cost"} <= set(texts)
    assert sum(t.startswith("cache") for t in texts) == L


def test_draw_modules_without_words_and_on_given_axes():
    _, ax = plt.subplots()
    assert dnn_figures.draw_modules(2, ax=ax) is ax
    assert not any(t.get_text().startswith("cache") for t in ax.texts)
    with pytest.raises(ValueError):
        dnn_figures.draw_modules(0)


def test_plot_boundary_shades_by_prediction_and_keeps_the_title():
    train_X, train_Y, _, _ = load_moons(n_train=40, n_test=10)
    ax = dnn_figures.plot_boundary(lambda x: x[1] > 0.25, train_X, train_Y, title="t", resolution=50)
    assert ax.get_title() == "t" and ax.get_xlabel() == "x1"
    assert len(ax.collections) >= 2  # the shading and the points
