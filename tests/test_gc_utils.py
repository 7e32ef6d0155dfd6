"""Unit tests of utils/gc_utils.py (and of utils/gc_figures.py, the figures of the same notebook)."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

import gc_figures  # noqa: E402
import language  # noqa: E402
from gc_utils import (LAYOUT, block_differences, block_of, block_slices, dictionary_to_vector,  # noqa: E402
                      gradients_to_vector, relu, sigmoid, vector_size, vector_to_dictionary)

EXPECTED_ROWS = {"W1": (0, 20), "b1": (20, 25), "W2": (25, 40), "b2": (40, 43), "W3": (43, 46), "b3": (46, 47)}


@pytest.fixture(autouse=True)
def strict():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


def random_parameters(seed, prefix=""):
    rng = np.random.default_rng(seed)
    return {prefix + name: rng.standard_normal(shape) for name, shape in LAYOUT}


def test_sigmoid_and_relu_values_and_no_overflow_warning():
    np.testing.assert_allclose(sigmoid(np.array([0.0, 2.0])), [0.5, 1 / (1 + np.exp(-2.0))])
    assert sigmoid(np.array([-1000.0]))[0] == 0.0
    np.testing.assert_array_equal(relu(np.array([[-1.0, 0.0, 2.5]])), [[0.0, 0.0, 2.5]])


def test_layout_is_the_documented_one():
    assert [name for name, _ in LAYOUT] == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert dict(LAYOUT) == {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    assert vector_size() == 47
    assert {name: (s.start, s.stop) for name, s in block_slices().items()} == EXPECTED_ROWS
    assert list(block_slices()) == [name for name, _ in LAYOUT]


def test_block_of_maps_every_row_to_its_block_like_the_keys():
    theta, keys = dictionary_to_vector(random_parameters(0))
    assert len(keys) == 47 == theta.shape[0]
    assert [block_of(i) for i in range(47)] == keys
    for name, (start, stop) in EXPECTED_ROWS.items():
        assert block_of(start) == block_of(stop - 1) == name
    with pytest.raises(IndexError):
        block_of(47)
    with pytest.raises(IndexError):
        block_of(-1)


def test_dictionary_to_vector_order_is_blocks_in_layout_order_each_row_by_row():
    p = random_parameters(1)
    theta, _ = dictionary_to_vector(p)
    assert theta.shape == (47, 1) and theta.dtype == float
    np.testing.assert_array_equal(theta[0:4, 0], p["W1"][0])          # first row of W1 first
    np.testing.assert_array_equal(theta[4:8, 0], p["W1"][1])
    np.testing.assert_array_equal(theta[20:25], p["b1"])
    np.testing.assert_array_equal(theta[25:30, 0], p["W2"][0])
    np.testing.assert_array_equal(theta[43:46, 0], p["W3"][0])
    assert theta[46, 0] == p["b3"][0, 0]


@pytest.mark.parametrize("seed", range(5))
def test_vector_to_dictionary_and_dictionary_to_vector_are_exact_inverses(seed):
    p = random_parameters(seed)
    back = vector_to_dictionary(dictionary_to_vector(p)[0])
    assert list(back) == [name for name, _ in LAYOUT]
    for name, shape in LAYOUT:
        assert back[name].shape == shape
        np.testing.assert_array_equal(back[name], p[name])
    theta = np.random.default_rng(seed + 10).standard_normal((47, 1))
    np.testing.assert_array_equal(dictionary_to_vector(vector_to_dictionary(theta))[0], theta)
    np.testing.assert_array_equal(dictionary_to_vector(vector_to_dictionary(theta.ravel()))[0], theta)


def test_conversions_return_new_arrays():
    p = random_parameters(2)
    before = {k: v.copy() for k, v in p.items()}
    theta, _ = dictionary_to_vector(p)
    theta += 1.0
    for name in p:
        np.testing.assert_array_equal(p[name], before[name])
    theta0 = theta.copy()
    d = vector_to_dictionary(theta)
    d["W2"][0, 0] += 5.0
    np.testing.assert_array_equal(theta, theta0)


def test_integer_parameters_give_a_float_vector():
    p = {name: np.ones(shape, dtype=int) for name, shape in LAYOUT}
    theta, _ = dictionary_to_vector(p)
    assert theta.dtype == float and theta.sum() == 47


def test_gradients_to_vector_uses_the_same_layout_and_ignores_other_keys():
    p = random_parameters(3)
    gradients = {"d" + k: v for k, v in p.items()}
    gradients.update({"dZ1": np.ones((5, 3)), "dA2": np.ones((3, 3)), "dZ3": np.ones((1, 3))})
    np.testing.assert_array_equal(gradients_to_vector(gradients), dictionary_to_vector(p)[0])


def test_wrong_shapes_and_missing_keys_are_reported_in_the_chosen_language():
    p = random_parameters(4)
    p["W2"] = p["W2"].T
    with pytest.raises(ValueError, match=r"parameters\['W2'\] has shape \(5, 3\); expected \(3, 5\)"):
        dictionary_to_vector(p)
    gradients = {"d" + k: v for k, v in random_parameters(4).items()}
    del gradients["db3"]
    language.set_language("pt")
    try:
        with pytest.raises(KeyError, match="gradients não tem a chave 'db3'"):
            gradients_to_vector(gradients)
        with pytest.raises(ValueError, match="o formato esperado é"):
            vector_to_dictionary(np.zeros((46, 1)))
    finally:
        language.set_language("en")
    with pytest.raises(ValueError, match=r"expected \(47, 1\)"):
        vector_to_dictionary(np.zeros((47, 2)))


def test_block_differences_formula_per_block():
    grad = dictionary_to_vector(random_parameters(5))[0]
    approx = grad.copy()
    approx[block_slices()["W2"]] *= 0.5           # grad twice too large on W2: (2 - 1) / (2 + 1)
    approx[block_slices()["b1"]] *= 0.25          # four times: (4 - 1) / (4 + 1)
    differences = block_differences(grad, approx)
    assert list(differences) == [name for name, _ in LAYOUT]
    assert differences["W2"] == pytest.approx(1 / 3)
    assert differences["b1"] == pytest.approx(0.6)
    assert all(differences[name] == 0.0 for name in ("W1", "b2", "W3", "b3"))
    assert block_differences(np.zeros((47, 1)), np.zeros((47, 1)))["b3"] == 0.0


# gc_figures: every figure draws (and renders) without a warning and carries its gids.

def _render(ax):
    ax.figure.canvas.draw()
    return ax


def test_computation_graph_has_two_inputs_an_operation_an_output_and_both_directions():
    ax = _render(gc_figures.draw_computation_graph(forward_label="forward", backward_label="backward"))
    gids = [p.get_gid() for p in ax.patches]
    assert gids.count("input") == 2 and gids.count("operation") == 1 and gids.count("output") == 1
    assert gids.count("forward") == 3 and gids.count("backward") == 1
    assert {"forward", "backward"} <= {t.get_text() for t in ax.texts}


def test_centred_difference_plot_draws_the_secants():
    labels = {"cost": "J", "tangent": "t", "centred": "c", "one_sided": "o"}
    ax = _render(gc_figures.plot_centred_difference(lambda t: t ** 3 / 3 - t, lambda t: t ** 2 - 1, 1.2, 0.6,
                                                    labels=labels))
    lines = {line.get_gid(): line for line in ax.lines}
    assert {"cost", "tangent", "centred", "one_sided", "points"} <= set(lines)
    slope = lambda line: np.polyfit(*line.get_data(), 1)[0]  # noqa: E731
    # the centred secant is closer to the tangent than the one-sided one
    assert abs(slope(lines["centred"]) - 0.44) < abs(slope(lines["one_sided"]) - 0.44)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["J", "t", "c", "o"]


def test_vector_layout_has_one_cell_per_entry_of_theta():
    ax = _render(gc_figures.draw_vector_layout(LAYOUT, xlabel="row"))
    cells = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(cells) == 47
    assert [p.get_gid() for p in cells] == dictionary_to_vector(random_parameters(0))[1]


def test_block_report_colours_the_blocks_above_the_threshold_and_accepts_zeros():
    differences = {"W1": 1e-9, "b1": 0.6, "W2": 1 / 3, "b2": 0.0, "W3": 2e-10, "b3": 5e-9}
    ax = _render(gc_figures.plot_block_report(differences, 2e-7, ylabel="d", threshold_label="2e-7", title="t"))
    bars = [p for p in ax.patches if p.get_gid() in ("agree", "disagree")]
    assert [b.get_gid() for b in bars] == ["agree", "disagree", "disagree", "agree", "agree", "agree"]
    assert ax.get_yscale() == "log" and ax.get_title() == "t"
    assert [line.get_ydata()[0] for line in ax.lines if line.get_gid() == "threshold"] == [2e-7]
