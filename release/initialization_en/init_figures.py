"""Figures of the Initialization assignment (numpy + matplotlib only).

Every function draws on ``ax`` (a new figure is created only when ``ax`` is
None) and returns the Axes. Nothing here shows, prints or warns, and no text
is language specific: titles, labels and legend entries come from the notebook.
"""
import numpy as np
import matplotlib.pyplot as plt

_COLORS = ("#7f7f7f", "#d62728", "#1f77b4", "#2ca02c", "#9467bd")


def _get_ax(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def layer_spreads(cache):
    """The spread (standard deviation over units and examples) of each layer's pre-activation.

    Parameters
    ----------
    cache : tuple ``(z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)``, as
        returned by ``init_utils.forward_propagation``

    Returns
    -------
    spreads : ndarray of shape (3,), ``[std(z1), std(z2), std(z3)]``
    """
    return np.array([np.std(cache[0]), np.std(cache[4]), np.std(cache[8])], dtype=float)


def plot_layer_spreads(spreads, labels, ax=None, layer_names=None, title=None, xlabel=None, ylabel=None,
                       linthresh=0.01):
    """One line per initialization: the spread of the values of each layer.

    The y axis is "symlog" (linear near 0, logarithmic above ``linthresh``), so
    a spread of exactly 0 and spreads of thousands fit on the same axis.

    Parameters
    ----------
    spreads : array-like of shape (k, n_layers), one row per initialization
    labels : sequence of k str, the legend entry of each row
    ax : matplotlib.axes.Axes, optional
    layer_names : sequence of n_layers str, optional, the x tick labels
        (default ``"1"``, ``"2"``, ...)
    title, xlabel, ylabel : str, optional
    linthresh : float, the range around 0 drawn linearly

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    spreads = np.atleast_2d(np.asarray(spreads, float))
    if len(labels) != spreads.shape[0]:
        raise ValueError("labels needs one entry per row of spreads")
    n_layers = spreads.shape[1]
    if layer_names is None:
        layer_names = [str(l) for l in range(1, n_layers + 1)]
    if len(layer_names) != n_layers:
        raise ValueError("layer_names needs one entry per column of spreads")
    ax = _get_ax(ax, (5, 4))
    x = np.arange(1, n_layers + 1)
    for k, (row, label) in enumerate(zip(spreads, labels)):
        ax.plot(x, row, marker="o", color=_COLORS[k % len(_COLORS)], label=label)
    ax.set_yscale("symlog", linthresh=linthresh)
    ax.set_ylim(bottom=-linthresh / 2)
    ax.set_xticks(x, layer_names)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend()
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)
    return ax


def plot_output_histograms(outputs, labels, ax=None, bins=20, title=None, xlabel=None, ylabel=None):
    """Overlaid histograms of the network's output probabilities, one per initialization.

    Parameters
    ----------
    outputs : sequence of k array-like, the values of ``a3`` (any shape), in [0, 1]
    labels : sequence of k str, the legend entry of each histogram
    ax : matplotlib.axes.Axes, optional
    bins : int, the number of bins over [0, 1]
    title, xlabel, ylabel : str, optional

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    if len(labels) != len(outputs):
        raise ValueError("labels needs one entry per output")
    ax = _get_ax(ax, (5, 4))
    edges = np.linspace(0.0, 1.0, bins + 1)
    for k, (values, label) in enumerate(zip(outputs, labels)):
        values = np.clip(np.ravel(np.asarray(values, float)), 0.0, 1.0)
        ax.hist(values, bins=edges, histtype="step", linewidth=2, color=_COLORS[k % len(_COLORS)], label=label)
    ax.set_xlim(0, 1)
    ax.legend()
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)
    return ax
