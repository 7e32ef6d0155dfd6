"""Tests for utils/figures.py (Agg backend, every warning is an error)."""
import os
import sys
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.patches import Circle  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "utils"))
import figures  # noqa: E402


@pytest.fixture(autouse=True)
def strict_and_closed():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
        plt.gcf().canvas.draw()  # rendering must not warn either (e.g. glyphs)
    plt.close("all")


def _circles(ax, gid=None):
    return [p for p in ax.patches if isinstance(p, Circle) and gid in (None, p.get_gid())]


def _lines(ax, gid):
    return [ln for ln in ax.lines if ln.get_gid() == gid]


def test_network_counts():
    sizes = [2, 5, 3, 1]
    ax = figures.draw_network(sizes, labels=["x", "a[1]", "a[2]", "ŷ"])
    assert isinstance(ax, Axes)
    assert len(_circles(ax)) == sum(sizes)
    assert len(_lines(ax, "connection")) == 2 * 5 + 5 * 3 + 3 * 1
    assert not _circles(ax, "dropped") and not _lines(ax, "cross")
    assert [t.get_text() for t in ax.texts] == ["x", "a[1]", "a[2]", "ŷ"]


def test_network_dropped_units_lose_connections():
    sizes = [3, 4, 2]
    dropped = [None, np.array([True, False, False, True]), np.array([False, True])]
    ax = figures.draw_network(sizes, dropped=dropped)
    assert len(_circles(ax)) == sum(sizes)
    off = _circles(ax, "dropped")
    assert len(off) == 3 and len(_lines(ax, "cross")) == 2 * 3
    conns = _lines(ax, "connection")
    assert len(conns) == 3 * 2 + 2 * 1  # surviving units per layer: 3, 2, 1
    dead = {tuple(c.center) for c in off}
    for ln in conns:
        ends = set(zip(ln.get_xdata(), ln.get_ydata()))
        assert not ends & dead


def test_network_own_axes_and_bad_input():
    fig, ax = plt.subplots()
    assert figures.draw_network([2, 2], ax=ax) is ax
    with pytest.raises(ValueError):
        figures.draw_network([2, 3], dropped=[None])
    with pytest.raises(ValueError):
        figures.draw_network([2, 3], dropped=[None, [True, False]])


def test_plot_field():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(2, 50)), (rng.random((1, 50)) > 0.5).astype(int)
    ax = figures.plot_field(X, Y, title="t")
    assert isinstance(ax, Axes)
    (sc,) = ax.collections
    assert sc.get_offsets().shape == (50, 2)
    ax.figure.canvas.draw()
    colors = sc.get_facecolors()
    assert np.allclose(colors[Y.ravel() == 1][:, :3], [0, 0, 1])
    assert np.allclose(colors[Y.ravel() == 0][:, :3], [1, 0, 0])
    assert [p.get_gid() for p in ax.patches] == ["pitch"]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x1", "x2", "t")
    assert not figures.plot_field(X, Y, pitch=False).patches


def test_plot_costs():
    ax = figures.plot_costs([0.7, 0.5, 0.3], every=1000, title="c", xlabel="iterações")
    assert isinstance(ax, Axes)
    (ln,) = ax.lines
    assert np.allclose(ln.get_xdata(), [0, 1, 2]) and np.allclose(ln.get_ydata(), [0.7, 0.5, 0.3])
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("iterações", "cost", "c")
    ln2 = figures.plot_costs(np.array([1.0, 0.5]), every=100).lines[0]
    assert np.allclose(ln2.get_xdata(), [0, 0.1])


def test_plot_dropout_masks():
    rng = np.random.default_rng(1)
    masks = [rng.random((5, 8)) < 0.8, rng.random(3) < 0.5]
    ax = figures.plot_dropout_masks(masks, labels=["D[1]", "D[2]"])
    assert isinstance(ax, Axes) and len(ax.images) == 2
    assert [t.get_text() for t in ax.get_xticklabels()] == ["D[1]", "D[2]"]


def test_plot_decision_boundary_on_given_or_new_axes():
    """Shared by reg_utils and init_utils (they re-export it): two labels, or one label everywhere."""
    X, y = np.random.default_rng(4).standard_normal((2, 20)), np.arange(20).reshape(1, 20) % 2
    _, ax = plt.subplots()
    assert figures.plot_decision_boundary(lambda x: x[:, 0] > 0, X, y, ax=ax, resolution=0.1, title="t") is ax
    ax2 = figures.plot_decision_boundary(lambda x: np.zeros(len(x), bool), X, y, resolution=0.1)
    for a in (ax, ax2):
        a.figure.canvas.draw()
    assert ax.get_title() == "t" and ax2 is not ax
