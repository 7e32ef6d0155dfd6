"""The figures of the Gradient Checking notebook, drawn by code (numpy + matplotlib only).

Every function draws on ``ax`` (a new figure is created only when ``ax`` is
None) and returns the Axes. Nothing here shows, prints or warns, and no text
is language specific: words are passed in by the notebook; only symbols
(``x``, ``θ``, ``J``, block names) are drawn as they are.

Artists carry a ``gid`` so that tests can tell them apart.
"""
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

_BLOCK_COLORS = ("#cfe2f3", "#fff2cc", "#d9ead3", "#f4cccc", "#d9d2e9", "#fce5cd")
_AGREE, _DISAGREE = "#6aa84f", "#cc0000"


def _get_ax(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _arrow(ax, start, end, color, gid, style="-|>", linestyle="-", rad=0.0):
    arrow = FancyArrowPatch(start, end, arrowstyle=style, mutation_scale=14, color=color, lw=1.5,
                            linestyle=linestyle, connectionstyle=f"arc3,rad={rad}", gid=gid, zorder=1)
    ax.add_patch(arrow)
    return arrow


def draw_computation_graph(ax=None, forward_label=None, backward_label=None):
    """The one-dimensional model as a computation graph: x and θ enter a product that gives J = θx.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
    forward_label, backward_label : str, optional
        Captions of the forward arrows (left to right) and of the backward arrow
        (from J back to θ), e.g. "forward propagation" / "backward propagation".

    Returns
    -------
    ax : matplotlib.axes.Axes, with circles ``gid="input"``, the square ``gid="operation"``,
        the circle ``gid="output"`` and arrows ``gid="forward"`` / ``gid="backward"``
    """
    ax = _get_ax(ax, (7, 3))
    r = 0.35
    inputs = {"$x$": (0.0, 1.0), r"$\theta$": (0.0, -1.0)}
    product, output = (2.5, 0.0), (5.0, 0.0)
    for label, (x, y) in inputs.items():
        ax.add_patch(Circle((x, y), r, facecolor="#cfe2f3", edgecolor="k", gid="input", zorder=2))
        ax.text(x, y, label, ha="center", va="center", fontsize=14, zorder=3)
        _arrow(ax, (x + r, y), (product[0] - r, product[1] + 0.15 * np.sign(y)), "k", "forward")
    ax.add_patch(Rectangle((product[0] - r, product[1] - r), 2 * r, 2 * r, facecolor="#fff2cc",
                           edgecolor="k", gid="operation", zorder=2))
    ax.text(*product, r"$\times$", ha="center", va="center", fontsize=16, zorder=3)
    ax.add_patch(Circle(output, r, facecolor="#f9cb9c", edgecolor="k", gid="output", zorder=2))
    ax.text(*output, "$J$", ha="center", va="center", fontsize=14, zorder=3)
    _arrow(ax, (product[0] + r, 0.0), (output[0] - r, 0.0), "k", "forward")
    ax.text(output[0] + 0.6, 0.0, r"$J(\theta) = \theta x$", ha="left", va="center", fontsize=13)
    _arrow(ax, (output[0] - 0.1, -r), (r, -1.15), "#cc0000", "backward", linestyle="--", rad=-0.25)
    if forward_label:
        ax.text(2.5, 1.3, forward_label, ha="center", va="bottom", fontsize=11)
    if backward_label:
        ax.text(2.5, -1.75, backward_label, ha="center", va="top", fontsize=11, color="#cc0000")
    ax.set_xlim(-0.8, 7.6)
    ax.set_ylim(-2.4, 1.9)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def plot_centred_difference(J, derivative, theta, epsilon, ax=None, labels=None):
    """A cost curve near θ, its tangent, and the centred and one-sided secants of the numerical gradient.

    Parameters
    ----------
    J : callable, the cost as a function of θ (vectorised over a numpy array)
    derivative : callable, its exact derivative
    theta, epsilon : float, the point and the (visible) step
    ax : matplotlib.axes.Axes, optional
    labels : dict, optional
        Legend entries for the keys ``"cost"``, ``"tangent"``, ``"centred"`` and
        ``"one_sided"``; a missing key leaves that line out of the legend.

    Returns
    -------
    ax : matplotlib.axes.Axes, with lines ``gid="cost"``, ``"tangent"``, ``"centred"``, ``"one_sided"``
    """
    labels = labels or {}
    ax = _get_ax(ax, (6, 4))
    t = np.linspace(theta - 2.2 * epsilon, theta + 2.2 * epsilon, 200)
    slope = derivative(theta)
    centred = (J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon)
    one_sided = (J(theta + epsilon) - J(theta)) / epsilon
    ax.plot(t, J(t), color="k", lw=2, label=labels.get("cost"), gid="cost")
    ax.plot(t, J(theta) + slope * (t - theta), color="#3d85c6", lw=1.5, label=labels.get("tangent"), gid="tangent")
    ax.plot(t, J(theta + epsilon) + centred * (t - theta - epsilon), color="#6aa84f", lw=1.5, linestyle="--",
            label=labels.get("centred"), gid="centred")
    ax.plot(t, J(theta) + one_sided * (t - theta), color="#cc0000", lw=1.2, linestyle=":",
            label=labels.get("one_sided"), gid="one_sided")
    points = np.array([theta - epsilon, theta, theta + epsilon])
    ax.plot(points, J(points), "o", color="k", gid="points")
    for p in points:
        ax.axvline(p, color="0.8", lw=0.8, zorder=0)
    ax.set_xticks(points, [r"$\theta-\varepsilon$", r"$\theta$", r"$\theta+\varepsilon$"])
    ax.set_yticks([])
    ax.set_ylabel(r"$J(\theta)$")
    if any(labels.get(k) for k in ("cost", "tangent", "centred", "one_sided")):
        ax.legend(loc="upper left", fontsize=9)
    return ax


def draw_vector_layout(layout, ax=None, xlabel=None):
    """The column vector θ drawn as a strip of entries, one colour per block of ``layout``.

    Parameters
    ----------
    layout : sequence of (name, shape), the blocks in vector order, e.g. ``gc_utils.LAYOUT``
    ax : matplotlib.axes.Axes, optional
    xlabel : str, optional, a caption under the strip (e.g. "row of theta")

    Returns
    -------
    ax : matplotlib.axes.Axes, with one ``Rectangle`` per entry, ``gid`` = the block name
    """
    ax = _get_ax(ax, (11, 1.8))
    start = 0
    for k, (name, shape) in enumerate(layout):
        size = int(np.prod(shape))
        color = _BLOCK_COLORS[k % len(_BLOCK_COLORS)]
        for i in range(start, start + size):
            ax.add_patch(Rectangle((i, 0), 1, 1, facecolor=color, edgecolor="0.5", lw=0.5, gid=name))
        # Names of short blocks alternate between two heights so that they never overlap.
        height = 1.15 if size >= 5 or k % 2 == 0 else 1.65
        ax.text(start + size / 2, height, name, ha="center", va="bottom", fontsize=10)
        ax.text(start + 0.5, -0.25, str(start), ha="center", va="top", fontsize=7)
        start += size
    ax.set_xlim(-0.5, start + 0.5)
    ax.set_ylim(-1.2 if xlabel else -0.8, 2.3)
    if xlabel:
        ax.text(start / 2, -0.8, xlabel, ha="center", va="top", fontsize=10)
    ax.axis("off")
    return ax


def plot_block_report(differences, threshold, ax=None, ylabel=None, threshold_label=None, title=None):
    """One bar per parameter block: its relative difference, on a log scale, against the threshold.

    Parameters
    ----------
    differences : dict, block name -> relative difference (e.g. ``{"W1": 1.6e-10, ...}``)
    threshold : float, the largest difference accepted (a dashed line)
    ax : matplotlib.axes.Axes, optional
    ylabel, threshold_label, title : str, optional

    Returns
    -------
    ax : matplotlib.axes.Axes; the bars above the threshold have ``gid="disagree"``, the others
        ``gid="agree"``. Differences of 0 are drawn at 1e-16 (a log axis has no 0).
    """
    ax = _get_ax(ax, (7, 3.5))
    names = list(differences)
    values = np.maximum(np.array([differences[n] for n in names], dtype=float), 1e-16)
    bars = ax.bar(names, values, color=[_DISAGREE if v > threshold else _AGREE for v in values])
    for bar, v in zip(bars, values):
        bar.set_gid("disagree" if v > threshold else "agree")
    ax.set_yscale("log")
    ax.axhline(threshold, color="k", linestyle="--", lw=1, label=threshold_label, gid="threshold")
    ax.set_ylim(min(values.min(), threshold) / 10, max(values.max(), threshold) * 10)
    if ylabel:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if threshold_label:
        ax.legend(loc="upper right", fontsize=9)
    return ax
