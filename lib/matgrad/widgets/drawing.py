"""Draw a small feed-forward :class:`matgrad.Network` as a graph, with matplotlib.

Row convention, as everywhere in the numeric library: layer ``l`` holds
``W`` of shape ``(n_in, n_out)`` and ``b`` of shape ``(n_out,)``, and
``W[i, j]`` is the weight on the edge from input node ``i`` to output node
``j``. :func:`draw_network` puts one circle per node (a column per layer),
one line per weight with the weight's value written on it, and each bias
next to the node it belongs to.

Every artist it adds carries a ``gid``, so a test (or a curious student)
can find it again: nodes ``"node"``, edges ``"edge"``, edge labels the
seed-style weight name (``"w2_12"``: layer 2, input 1, output 2), bias
labels the bias name (``"b2_1"``) and node captions ``"caption"``.

>>> from matplotlib.figure import Figure
>>> from matgrad.course.homework import network
>>> ax = draw_network(network(), ax=Figure().add_subplot())
>>> sorted(t.get_gid() for t in ax.texts if t.get_gid().startswith("w"))
['w1_11', 'w1_12', 'w2_11', 'w2_12', 'w2_21', 'w2_22', 'w3_11', 'w3_21']
>>> [t.get_text() for t in ax.texts if t.get_gid() == "w2_21"]
['3']
>>> sum(p.get_gid() == "node" for p in ax.patches)  # 1 + 2 + 2 + 1
6
"""

import numpy as np

from matgrad import _validate
from matgrad.network import Network

__all__ = ["draw_network"]

NODE_RADIUS = 0.13
MAX_NODES_PER_LAYER = 30  # a wider layer is a black smear of edges, and slow to draw
MAX_NUMBER_WIDTH = 24  # characters a fmt may ask for: "{:.17g}" needs 22 for any float


def number_format(fmt):
    """``fmt`` if it formats one number in at most MAX_NUMBER_WIDTH characters, e.g. ``"{:.3f}"``."""
    return _validate.format_string(fmt, "fmt", max_width=MAX_NUMBER_WIDTH)


def checked_axes(ax):
    """``ax`` if it is None or a matplotlib Axes."""
    if ax is not None:
        from matplotlib.axes import Axes

        _validate.instance(ax, "ax", Axes, "a matplotlib Axes (e.g. Figure().add_subplot()) or None")
    return ax


def _node_positions(sizes, spacing=1.0, layer_gap=1.6):
    """``[(n, 2) array of (x, y) centres per layer]``; layer ``l`` sits at
    ``x = l * layer_gap``, its nodes spread from top to bottom, centred on ``y = 0``."""
    return [
        np.column_stack([np.full(n, l * layer_gap), spacing * ((n - 1) / 2 - np.arange(n))])
        for l, n in enumerate(sizes)
    ]


def _caption(layer, index, sizes):
    """Mathtext name of a node: ``x`` / ``x_i`` in front, ``h^l_j`` inside, ``yhat`` last."""
    n = sizes[layer]
    if layer == 0:
        return "$x$" if n == 1 else f"$x_{{{index + 1}}}$"
    if layer == len(sizes) - 1:
        return r"$\hat{y}$" if n == 1 else rf"$\hat{{y}}_{{{index + 1}}}$"
    return f"$h^{{{layer}}}_{{{index + 1}}}$"


def draw_network(net, ax=None, *, fmt="{:g}", names=False, label_at=0.3, spacing=1.0,
                 layer_gap=1.6):
    """Draw ``net`` (a :class:`matgrad.Network`) on ``ax`` and return the Axes.

    Parameters
    ----------
    net : Network
        Layer ``l`` (1-based in the labels) has ``W`` of shape
        ``(n_{l-1}, n_l)`` and ``b`` of shape ``(n_l,)``; ``net.sizes`` gives
        the widths, e.g. ``(1, 2, 2, 1)``: ``sum(net.sizes)`` nodes and
        ``sum(n_{l-1} * n_l)`` edges are drawn.
    ax : matplotlib Axes, optional
        Drawn into when given (any backend, e.g. ``Figure().add_subplot()``);
        otherwise a new figure is made with ``matplotlib.pyplot.subplots``.
    fmt : str
        Format of every value, e.g. ``"{:.2f}"``; default ``"{:g}"``.
    names : bool
        Write ``w^l_ij = value`` and ``b^l_j = value`` instead of bare values.
    label_at : float
        Where along each edge (from 0.01, at its input node, to 0.99, at its
        output node) the weight's label sits; away from 0.5 the labels of crossing edges
        do not collide.
    spacing, layer_gap : float
        Vertical distance between the nodes of one layer, horizontal distance
        between layers.

    Returns
    -------
    matplotlib.axes.Axes
        With ``sum(net.sizes)`` node circles (gid ``"node"``), one line and
        one label per weight (gids ``"edge"`` and ``"w<l>_<i><j>"``) and one
        label per bias (gid ``"b<l>_<j>"``).

    >>> from matplotlib.figure import Figure
    >>> from matgrad import Network, Linear, Identity
    >>> net = Network([(Linear([[0.5, -1.25]], [0.0, 2.0]), Identity())])
    >>> ax = draw_network(net, ax=Figure().add_subplot(), names=True)
    >>> [t.get_text() for t in ax.texts if t.get_gid() in ("w1_12", "b1_2")]
    ['$w^{1}_{12}$ = -1.25', '$b^{1}_{2}$ = 2']
    """
    _validate.instance(net, "net", Network, "a matgrad.Network")
    checked_axes(ax)
    fmt = number_format(fmt)
    names = _validate.one_of(names, "names", (True, False))
    label_at = _validate.real(label_at, "label_at", low=0.01, high=0.99)
    spacing = _validate.real(spacing, "spacing", positive=True, high=100.0)
    layer_gap = _validate.real(layer_gap, "layer_gap", positive=True, high=100.0)
    if max(net.sizes) > MAX_NODES_PER_LAYER:
        raise ValueError(f"net must have at most {MAX_NODES_PER_LAYER} nodes per layer to be drawn readably; "
                         f"got sizes {net.sizes}")  # fmt: skip
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(2.2 * len(net.sizes), 0.8 + 1.2 * max(net.sizes)))
    from matplotlib.patches import Circle

    sizes = net.sizes
    centres = _node_positions(sizes, spacing, layer_gap)
    box = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}

    for l, (linear, _) in enumerate(net.layers, start=1):
        W, b = linear.W, linear.b  # (n_in, n_out), (n_out,)
        for i, start in enumerate(centres[l - 1]):
            for j, end in enumerate(centres[l]):
                ax.plot(*zip(start, end), color="0.55", lw=1.2, zorder=1, gid="edge")
                x, y = start + label_at * (end - start)
                value = fmt.format(W[i, j])
                text = f"$w^{{{l}}}_{{{i + 1}{j + 1}}}$ = {value}" if names else value
                ax.text(x, y, text, ha="center", va="center", fontsize=9, color="tab:blue",
                        bbox=box, zorder=3, gid=f"w{l}_{i + 1}{j + 1}")
        for j, (x, y) in enumerate(centres[l]):
            value = fmt.format(b[j])
            text = f"$b^{{{l}}}_{{{j + 1}}}$ = {value}" if names else f"b = {value}"
            ax.text(x, y + NODE_RADIUS + 0.06, text, ha="center", va="bottom", fontsize=9,
                    color="tab:red", bbox=box, zorder=3, gid=f"b{l}_{j + 1}")

    for l, layer in enumerate(centres):
        for index, (x, y) in enumerate(layer):
            ax.add_patch(Circle((x, y), NODE_RADIUS, facecolor="#e8eef7", edgecolor="0.25",
                                lw=1.2, zorder=2, gid="node"))
            ax.text(x, y, _caption(l, index, sizes), ha="center", va="center", fontsize=10,
                    zorder=4, gid="caption")

    top = max(float(c[:, 1].max()) for c in centres)
    ax.set_xlim(-0.35, (len(sizes) - 1) * layer_gap + 0.35)
    ax.set_ylim(-top - 0.35, top + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax
