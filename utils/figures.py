"""Plotting helpers shared by the assignments (numpy + matplotlib only).

Every function draws on ``ax`` (a new figure is created only when ``ax`` is
None) and returns the Axes. Nothing here shows, prints or warns, and no text
is language specific: titles and labels are passed in by the notebook.

In :func:`draw_network` artists carry a ``gid`` so they can be told apart:
``"unit"`` / ``"dropped"`` circles, ``"connection"`` and ``"cross"`` lines.
"""
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle

_LAYER_COLORS = ("#cfe2f3", "#fff2cc", "#f9cb9c")  # input, hidden, output


def _get_ax(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def draw_network(layer_sizes, dropped=None, ax=None, labels=None):
    """Draw a fully connected network: one column of circles per layer.

    Parameters
    ----------
    layer_sizes : sequence of int
        Number of units per layer, input layer first, e.g. ``[2, 20, 3, 1]``.
    dropped : list or None, optional
        One entry per layer, each None or a boolean array of that layer's size
        marking units shut down by dropout. Dropped units are greyed and
        crossed out and their connections are not drawn.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when None.
    labels : list of str, optional
        One column title per layer, e.g. ``["x", "a[1]", "a[2]", "ŷ"]``.

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    sizes = [int(n) for n in layer_sizes]
    if not sizes or min(sizes) < 1:
        raise ValueError("layer_sizes must be a non-empty list of positive ints")
    L = len(sizes)
    if dropped is None:
        dropped = [None] * L
    if len(dropped) != L:
        raise ValueError("dropped needs one entry (or None) per layer")
    masks = []
    for n, d in zip(sizes, dropped):
        d = np.zeros(n, bool) if d is None else np.asarray(d, bool).ravel()
        if d.size != n:
            raise ValueError("each dropped mask must have one entry per unit")
        masks.append(d)
    if labels is not None and len(labels) != L:
        raise ValueError("labels needs one title per layer")

    ax = _get_ax(ax, (1.8 * L + 1, 0.45 * max(sizes) + 2))
    top = max(sizes)
    dx, r = max(2.5, 0.15 * top), 0.3
    pos = [[(l * dx, (n - 1) / 2 - i) for i in range(n)] for l, n in enumerate(sizes)]
    for l in range(L - 1):
        for i, p in enumerate(pos[l]):
            for j, q in enumerate(pos[l + 1]):
                if not (masks[l][i] or masks[l + 1][j]):
                    ax.add_line(Line2D([p[0], q[0]], [p[1], q[1]], color="0.55",
                                       lw=0.6, zorder=1, gid="connection"))
    for l in range(L):
        face = _LAYER_COLORS[0 if l == 0 else 2 if l == L - 1 else 1]
        for (x, y), off in zip(pos[l], masks[l]):
            ax.add_patch(Circle((x, y), r, zorder=2, lw=1,
                                facecolor="0.85" if off else face,
                                edgecolor="0.6" if off else "k",
                                gid="dropped" if off else "unit"))
            if off:
                for s in (1, -1):
                    ax.add_line(Line2D([x - r, x + r], [y - s * r, y + s * r],
                                       color="#c00000", lw=1.5, zorder=3, gid="cross"))
        if labels is not None:
            ax.text(l * dx, (top - 1) / 2 + 0.9, labels[l], ha="center", va="bottom")
    ax.set_xlim(-1, (L - 1) * dx + 1)
    ax.set_ylim(-(top - 1) / 2 - 1, (top - 1) / 2 + 1.8)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


def plot_field(X, Y, ax=None, title=None, pitch=True):
    """Scatter the 2-D dataset: blue for label 1, red for label 0.

    Parameters
    ----------
    X : ndarray of shape (2, m)
        Positions on the field, one example per column.
    Y : ndarray of shape (1, m) or (m,)
        Binary labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when None.
    title : str, optional
    pitch : bool, optional
        Draw a faint green rectangle behind the data, like a pitch.

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    X = np.asarray(X, float)
    y = np.asarray(Y, float).ravel()
    ax = _get_ax(ax, (6, 4))
    if pitch and X.shape[1] > 0:
        lo, hi = X.min(axis=1), X.max(axis=1)
        pad = 0.05 * np.maximum(hi - lo, 1e-9)
        ax.add_patch(Rectangle(lo - pad, *(hi - lo + 2 * pad), facecolor="#8fd18f",
                               edgecolor="white", alpha=0.3, zorder=0, gid="pitch"))
    ax.scatter(X[0], X[1], c=y, cmap=ListedColormap(["red", "blue"]), vmin=0, vmax=1,
               s=30, edgecolors="k", linewidths=0.5, zorder=2)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    if title is not None:
        ax.set_title(title)
    return ax


def plot_costs(costs, ax=None, every=1000, title=None,
               xlabel="iterations (per thousands)", ylabel="cost"):
    """Plot a cost curve recorded once every ``every`` iterations.

    Parameters
    ----------
    costs : sequence of float
        Recorded costs, one every ``every`` iterations, starting at iteration 0.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when None.
    every : int, optional
        Iterations between two recorded costs; the x axis is in thousands.
    title, xlabel, ylabel : str, optional
        Text supplied by the notebook (already translated).

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    costs = np.asarray(costs, float).ravel()
    ax = _get_ax(ax, (6, 4))
    ax.plot(np.arange(costs.size) * every / 1000, costs)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)
    return ax


def plot_dropout_masks(masks, ax=None, labels=None):
    """Show dropout masks side by side (white = kept, black = dropped).

    Parameters
    ----------
    masks : list of array_like of bool
        Each of shape (n_l, m) (units x examples) or (n_l,).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when None.
    labels : list of str, optional
        One tick label per mask, e.g. ``["D[1]", "D[2]"]``.

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    imgs = [np.asarray(m, float).reshape(np.shape(m)[0], -1) for m in masks]
    ax = _get_ax(ax, (6, 4))
    x0, right, centers = 0.0, 1.0, []
    for img in imgs:
        n, w = img.shape
        ax.imshow(img, cmap="gray", vmin=0, vmax=1, interpolation="nearest",
                  extent=(x0, x0 + w, n, 0))
        centers.append(x0 + w / 2)
        right = x0 + w
        x0 = right + max(1.0, 0.2 * w)
    height = max((img.shape[0] for img in imgs), default=1)
    ax.set_xlim(-0.5, right + 0.5)
    ax.set_ylim(height + 0.5, -0.5)
    ax.set_aspect("auto")
    ax.set_xticks(centers, labels if labels is not None else [""] * len(centers))
    return ax


def plot_decision_boundary(model, X, y, ax=None, resolution=0.01, title=None):
    """Shade the plane by the label that ``model`` predicts and scatter the data.

    Parameters
    ----------
    model : callable taking an ndarray of shape (k, 2) and returning k labels
        (for example ``lambda x: predict_dec(parameters, x.T)``)
    X : ndarray of shape (2, m)
    y : ndarray of shape (1, m) or (m,)
    ax : matplotlib Axes, optional; a new figure is made when omitted
    resolution : float, grid step of the shading
    title : str, optional

    Returns
    -------
    ax : the matplotlib Axes drawn on
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    x_min, x_max = X[0, :].min() - 0.1, X[0, :].max() + 0.1
    y_min, y_max = X[1, :].min() - 0.1, X[1, :].max() + 0.1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, resolution), np.arange(y_min, y_max, resolution))
    Z = np.asarray(model(np.c_[xx.ravel(), yy.ravel()])).reshape(xx.shape).astype(float)
    ax.contourf(xx, yy, Z, levels=[-0.5, 0.5, 1.5], cmap="Spectral", alpha=0.8)
    ax.scatter(X[0, :], X[1, :], c=np.ravel(y), s=20, cmap="Spectral", vmin=0, vmax=1,
               edgecolors="k", linewidths=0.3)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    if title:
        ax.set_title(title)
    return ax
