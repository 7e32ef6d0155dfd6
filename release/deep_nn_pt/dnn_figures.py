"""Figures of "Building a deep neural network, step by step" (numpy + matplotlib only).

Every function draws on ``ax`` (a new figure is created only when ``ax`` is
None) and returns the Axes. Nothing here shows, prints or warns, and no text is
language specific: words are passed in by the notebook; the names of layers
(LINEAR, RELU, SIGMOID) and the math symbols are the same in every language.

In :func:`draw_modules` artists carry a ``gid``: ``"forward"`` and
``"backward"`` boxes, ``"flow"`` arrows (activations and gradients),
``"cache"`` arrows (from each forward box to its backward box) and the
``"cost"`` box.
"""
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

_FORWARD, _BACKWARD, _COST = "#cfe2f3", "#f9cb9c", "#fff2cc"


def _get_ax(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _box(ax, x, y, w, h, label, color, gid):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05", facecolor=color,
                                edgecolor="k", lw=1, zorder=2, gid=gid))
    ax.text(x, y, label, ha="center", va="center", fontsize=9, zorder=3)


def _arrow(ax, start, end, gid, label=None, offset=(0, 0.18), dashed=False, color="k"):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, lw=1.2, color=color,
                                 linestyle="--" if dashed else "-", zorder=1, gid=gid))
    if label:
        ax.text((start[0] + end[0]) / 2 + offset[0], (start[1] + end[1]) / 2 + offset[1], label,
                ha="center", va="bottom" if offset[1] >= 0 else "top", fontsize=9, color=color)


def draw_modules(L, ax=None, forward=None, backward=None, cache=None, cost=None):
    """Draw the forward and backward modules of an L-layer network and the caches between them.

    Top row, left to right: ``X`` goes through ``L - 1`` boxes LINEAR->RELU and
    one box LINEAR->SIGMOID to ``A[L]``, then to the cost. Bottom row, right to
    left: ``dA[L]`` goes back through the matching backward boxes, each of which
    also outputs ``dW[l]`` and ``db[l]``. A dashed arrow carries the cache of
    each forward box down to its backward box.

    Parameters
    ----------
    L : int, the number of layers (at least 1)
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when None.
    forward, backward : str, optional
        Titles of the two rows, e.g. "forward propagation".
    cache : str, optional
        The word written beside each dashed cache arrow, e.g. "cache".
    cost : str, optional
        The text of the cost box (default: the symbol of the cost, J).

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    L = int(L)
    if L < 1:
        raise ValueError("L must be a positive number of layers")
    ax = _get_ax(ax, (2.85 * L + 3.2, 4.0))
    w, h, step = 2.05, 0.8, 2.85
    y_f, y_b = 2.2, 0.0
    xs = [2.0 + step * k for k in range(L)]
    x_cost = xs[-1] + step
    for l, x in enumerate(xs, start=1):
        kind = "SIGMOID" if l == L else "RELU"
        _box(ax, x, y_f, w, h, f"LINEAR$\\rightarrow${kind}\n$[{l}]$", _FORWARD, "forward")
        _box(ax, x, y_b, w, h, f"LINEAR$\\leftarrow${kind}\n$[{l}]$", _BACKWARD, "backward")
        _arrow(ax, (x, y_f - h / 2 - 0.08), (x, y_b + h / 2 + 0.08), "cache", dashed=True, color="0.35",
               label=(cache + f" $^{{[{l}]}}$") if cache else None, offset=(0.45, -0.1))
        ax.text(x, y_b - h / 2 - 0.2, f"$dW^{{[{l}]}}, db^{{[{l}]}}$", ha="center", va="top", fontsize=9)
    # forward flow: X -> A[1] -> ... -> A[L] -> cost
    _arrow(ax, (0.0, y_f), (xs[0] - w / 2 - 0.08, y_f), "flow", "$X = A^{[0]}$")
    for l in range(1, L):
        _arrow(ax, (xs[l - 1] + w / 2 + 0.08, y_f), (xs[l] - w / 2 - 0.08, y_f), "flow", f"$A^{{[{l}]}}$")
    _arrow(ax, (xs[-1] + w / 2 + 0.08, y_f), (x_cost - 0.55, y_f), "flow", f"$A^{{[{L}]}}$")
    _box(ax, x_cost, (y_f + y_b) / 2, 1.0, y_f + h, cost or "$J$", _COST, "cost")
    # backward flow: cost -> dA[L] -> ... -> dA[0]
    _arrow(ax, (x_cost - 0.55, y_b), (xs[-1] + w / 2 + 0.08, y_b), "flow", f"$dA^{{[{L}]}}$")
    for l in range(L - 1, 0, -1):
        _arrow(ax, (xs[l] - w / 2 - 0.08, y_b), (xs[l - 1] + w / 2 + 0.08, y_b), "flow", f"$dA^{{[{l}]}}$")
    _arrow(ax, (xs[0] - w / 2 - 0.08, y_b), (0.0, y_b), "flow", "$dA^{[0]}$")
    if forward:
        ax.text(xs[0] - w / 2, y_f + h / 2 + 0.35, forward, ha="left", va="bottom", fontsize=10, weight="bold")
    if backward:
        ax.text(xs[0] - w / 2, y_b - h / 2 - 0.6, backward, ha="left", va="top", fontsize=10, weight="bold")
    ax.set_xlim(-0.3, x_cost + 0.8)
    ax.set_ylim(y_b - h / 2 - 1.1, y_f + h / 2 + 0.9)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


def plot_boundary(predict, X, Y, ax=None, title=None, resolution=200):
    """Shade the plane by the label that ``predict`` gives and scatter the labelled points.

    Parameters
    ----------
    predict : callable taking an ndarray of shape (2, k) and returning k labels (0/1 or bool)
    X : ndarray of shape (2, m)
    Y : ndarray of shape (1, m) or (m,), labels 0 or 1
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when None.
    title : str, optional
    resolution : int, the number of grid points along each axis

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    X = np.asarray(X, float)
    ax = _get_ax(ax, (5, 4))
    lo, hi = X.min(axis=1) - 0.3, X.max(axis=1) + 0.3
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    labels = np.asarray(predict(np.vstack([xx.ravel(), yy.ravel()])), float).reshape(xx.shape)
    colors = ListedColormap(["#f4b6b6", "#b6c8f4"])
    ax.contourf(xx, yy, labels, levels=[-0.5, 0.5, 1.5], cmap=colors)
    ax.scatter(X[0], X[1], c=np.asarray(Y, float).ravel(), cmap=ListedColormap(["red", "blue"]), vmin=0, vmax=1,
               s=18, edgecolors="k", linewidths=0.4)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    if title is not None:
        ax.set_title(title)
    return ax
