"""Draw the computational graph of a :class:`matgrad.Network` for one sample, at any backward step.

The picture (matplotlib) shows the graph of
:func:`~matgrad.widgets.graph.model.computational_graph`: one box per scalar
node with its name and value, one grey line per edge with its **local
gradient** (blue). At backward step ``k`` (see :mod:`matgrad.widgets.graph.walk`)
the ``k`` edges walked so far carry an orange arrow pointing back, labelled
with the **downstream gradient** (upstream x local; the latest step in red),
and every node whose gradient is complete shows ``dL/d node`` in dark red,
written as the **sum over paths** where several paths meet. The step's
caption is the title (``title=False`` leaves it out, for a widget that prints
the caption above the picture).

The layout is fixed by the graph's layers: a column of nodes per layer, spread
evenly from top to bottom; a gradient sits above a node in the upper half of its column
and below one in the lower half. A label of an edge between two nodes at the
same height sits beside its middle; on a slanted edge, at the fraction of the
way that spaces the labels of two columns evenly (:func:`label_fraction`).

Every artist has a ``gid``: ``"node:<key>"`` (text ``"<name>\\n<value>"``),
``"edge:<parent>:<child>"`` (line), ``"local:<parent>:<child>"``,
``"flow:<parent>:<child>"`` (arrow), ``"downstream:<parent>:<child>"``,
``"grad:<key>"``, ``"target"``, ``"title"`` and ``"legend"``. The artists of
steps not walked yet exist but are invisible.

>>> from matplotlib.figure import Figure
>>> from matgrad import MSELoss
>>> from matgrad.course.homework import network
>>> ax = Figure(figsize=(9, 4.5)).add_subplot()
>>> ax = draw_computational_graph(network(), -1.0, 1.0, MSELoss(), ax, step=2)
>>> texts = {t.get_gid(): t.get_text() for t in ax.texts}
>>> texts["node:h2_1"], texts["local:h2_1:yhat1"]
('h²₁\\n0.746', 'w³₁₁ = 1.000')
>>> sorted(t.get_gid() for t in ax.texts if t.get_gid().startswith("grad:") and t.get_visible())
['grad:L', 'grad:h2_1', 'grad:yhat1']
"""

import textwrap

from matgrad import _validate
from matgrad.widgets.drawing import checked_axes, number_format
from matgrad.widgets.graph.walk import backward_walk, captions, sum_text

__all__ = ["draw_computational_graph"]

LOCAL, FLOW, CURRENT, GRAD = "tab:blue", "#e66100", "#c1121f", "#7b1113"
LEGEND = ("blue: local gradient d child / d parent    orange: downstream gradient = upstream × local"
          "    dark red: dL/d node (sum over paths)")  # fmt: skip
MAX_ROWS, MAX_COLUMNS = 8, 16  # beyond this a 900-px picture is unreadable
GAPS = {"linear": 1.6, "activation": 1.25, "loss": 1.25}  # width before a column, by the edges entering it
MARGIN = {"top": 135, "bottom": 105, "left": 80, "right": 125}  # pixels at 100 dpi: title, gradients, legend
LINE_PX = 16  # one more line of a gradient label (a sum over more than two paths)
TITLE_PX = 45  # of the top margin, the title's (a picture without one is that much shorter)
NODE_PX = (56, 46)  # a node's box
GRAD_GAP = 30  # from a node to its gradient label
FLAT_OFFSET = 17  # from a horizontal edge to its (two-line) label
DOWNSTREAM_GAP, FLAT_DOWNSTREAM_GAP = 15, 26  # from a one-line and a two-line label to its downstream label
_WHITE = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}
_LABEL = {"ha": "center", "va": "center", "fontsize": 9, "zorder": 4, "bbox": _WHITE, "linespacing": 1.1}


def columns_x(graph):
    """The x of each column, in units: ``GAPS`` apart (a Linear gap half as wide again per node
    beyond two in the taller of its columns)."""
    xs = [0.0]
    for before, column in zip(graph.columns, graph.columns[1:]):
        kind = next(e.kind for e in graph.edges if e.child == column[0])
        widen = 1 + 0.5 * max(0, len(column) - 2, len(before) - 2) if kind == "linear" else 1
        xs.append(xs[-1] + GAPS[kind] * widen)
    return xs


def label_fraction(m, n):
    """Where along a slanted edge from a column of ``m`` nodes to one of ``n`` its label sits.

    The labels of all ``m * n`` edges are evenly spaced: grouped by parent near the
    parents when ``m <= n``, else grouped by child near the children (away from the
    gradient labels of the taller column). From or to a single node, the labels
    keep away from it (its gradient label is there).

    >>> label_fraction(1, 2), label_fraction(2, 1), label_fraction(2, 2), label_fraction(3, 2)
    (0.68, 0.32, 0.3333333333333333, 0.6)
    """
    if m == 1 or n == 1:
        return 0.68 if m == 1 else 0.32
    parents, children = 1 / (m - 1), 1 / (n - 1)  # the spacing of each column, its height being 1
    return (parents if m <= n else parents + 1) / (parents + children + 1)


def _margins(graph, title):
    """(top, bottom) in pixels: room for the title and for the longest gradient label."""
    paths = max(sum(e.parent == key for e in graph.edges) for column in graph.columns[:-1] for key in column)
    extra = LINE_PX * max(0, (paths + 1) // 2 - 1)  # sums are written two terms a line
    return MARGIN["top"] + extra - (0 if title else TITLE_PX), MARGIN["bottom"] + extra


def figure_size(graph, title=True):
    """(width, height) in inches at 100 dpi: 900 x 450 px for the worked homework (405 px high
    without a title); wider for more or wider layers, taller for more rows or longer sums."""
    rows = max(len(column) for column in graph.columns)
    width = (columns_x(graph)[-1] * 79 + MARGIN["left"] + MARGIN["right"]) / 0.98 / 100
    top, bottom = _margins(graph, title)
    return round(max(9.0, width), 2), (top + bottom + max(210, 170 * (rows - 1) - 30)) / 100


def node_positions(graph, width, height, title=True):
    """node key -> (x, y) in pixels (at 100 dpi) on axes of ``width`` x ``height`` pixels: a column
    of one node in the middle, the nodes of a longer one spread from top to bottom."""
    xs, (top, bottom) = columns_x(graph), _margins(graph, title)
    unit_x = (width - MARGIN["left"] - MARGIN["right"]) / xs[-1]
    low, high = bottom, height - top
    return {key: (MARGIN["left"] + x * unit_x, (low + high) / 2 if len(column) == 1
                  else high - row * (high - low) / (len(column) - 1))
            for x, column in zip(xs, graph.columns) for row, key in enumerate(column)}  # fmt: skip


def gradient_texts(walk, fmt):
    """node key -> the text of its gradient label once complete (sums two terms a line)."""
    names = {node.key: node.name for node in walk.graph.nodes}
    texts = {"L": "dL/dL = 1"}
    for s in walk.steps:
        if s.complete:
            sums = "".join(f"{'=' if i == 0 else ' '} {sum_text(fmt, s.terms[i:i + 2], i > 0)}\n"
                           for i in range(0, s.paths, 2)) if s.paths > 1 else ""  # fmt: skip
            texts[s.edge.parent] = f"dL/d{names[s.edge.parent]}\n{sums}= {fmt.format(s.total)}"
    return texts


def title_lines(caption, width=118):
    """The caption broken into lines for the figure: after each ``";"``, and to ``width`` characters.

    >>> print(title_lines("Step 1: a = 1 × 2 = 2; sum over paths: b = 2 + 3 = 5"))
    Step 1: a = 1 × 2 = 2;
    sum over paths: b = 2 + 3 = 5
    """
    return "\n".join(textwrap.fill(part, width) for part in caption.replace("; ", ";\n").split("\n"))


class GraphPicture:
    """Every artist of one drawing of ``walk`` on ``ax`` (``fmt`` checked); :meth:`show`
    switches them to a step. With ``title=False`` the caption is not drawn."""

    def __init__(self, walk, ax, fmt, title=True):
        self.walk, self.ax, self.fmt, self.captions = walk, ax, fmt, captions(walk, fmt)
        self.grad_texts = gradient_texts(walk, fmt)
        graph, f = walk.graph, fmt.format
        width, height = (size * 100 / ax.figure.dpi for size in (ax.bbox.width, ax.bbox.height))
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
        ax.axis("off")
        where = node_positions(graph, width, height, title)
        column_of = {key: column for column in graph.columns for key in column}
        side = {key: 1 if len(c) > 1 and c.index(key) < (len(c) - 1) / 2 else -1 for key, c in column_of.items()}
        self.flows, self.downstreams, self.grads = {}, {}, {}
        for edge in graph.edges:
            pair, (x0, y0), (x1, y1) = f"{edge.parent}:{edge.child}", where[edge.parent], where[edge.child]
            ax.plot([x0, x1], [y0, y1], color="0.7", lw=1.3, zorder=1, gid=f"edge:{pair}")
            self.flows[pair] = ax.add_patch(_arrow((x1, y1), (x0, y0), gid=f"flow:{pair}"))
            if y0 == y1:  # name over value, beside the middle of the edge on the inner side
                inner = -side[edge.parent]
                x, y, text = (x0 + x1) / 2, y0 + inner * FLAT_OFFSET, f"{edge.local_name}\n{f(edge.local)}"
                down = inner * FLAT_DOWNSTREAM_GAP
            else:
                t = label_fraction(len(column_of[edge.parent]), len(column_of[edge.child]))
                x, y, text = x0 + t * (x1 - x0), y0 + t * (y1 - y0), f"{edge.local_name} = {f(edge.local)}"
                down = DOWNSTREAM_GAP if y < height / 2 else -DOWNSTREAM_GAP  # towards the middle
            ax.text(x, y, text, color=LOCAL, gid=f"local:{pair}", **_LABEL)
            self.downstreams[pair] = ax.text(x, y + down, "", color=FLOW, gid=f"downstream:{pair}", visible=False,
                                             **_LABEL)  # fmt: skip
        for node in graph.nodes:
            (x, y), up = where[node.key], side[node.key] > 0
            ax.text(x, y, f"{node.name}\n{f(node.value)}", ha="center", va="center", fontsize=10, zorder=5,
                    gid=f"node:{node.key}", linespacing=1.25,
                    bbox={"boxstyle": "round,pad=0.35", "facecolor": "#e8eef7", "edgecolor": "0.3"})  # fmt: skip
            shift = -16 if node.column == 0 and len(graph.columns[0]) == 1 else 0  # clear of its edges' labels
            self.grads[node.key] = ax.text(
                x + shift, y + side[node.key] * GRAD_GAP, "", ha="center", va="bottom" if up else "top", fontsize=9.5,
                color=GRAD, zorder=6, gid=f"grad:{node.key}", visible=False, multialignment="center", bbox=_WHITE)
        names = [node.name.replace("ŷ", "y") for node in graph.nodes if node.key.startswith("yhat")]
        target = "\n".join(f"{name} = {f(v)}" for name, v in zip(names, graph.target))
        ax.text(where["L"][0] + 34, where["L"][1], f"{target}\n{graph.loss_name}", ha="left", va="center",
                fontsize=9, gid="target", color="0.25")  # fmt: skip
        self.title = ax.text(0.0, 1.0, "", transform=ax.transAxes, ha="left", va="top", fontsize=10,
                             gid="title", zorder=7, visible=title)  # fmt: skip
        ax.text(0.0, 0.0, LEGEND, transform=ax.transAxes, ha="left", va="bottom", fontsize=8,
                color="0.35", gid="legend")  # fmt: skip
        self.show(0)

    def show(self, step):
        """Switch every dynamic artist to backward step ``step`` (0 = the forward view)."""
        done = {"L"} if step > 0 else set()
        for s in self.walk.steps:
            pair = f"{s.edge.parent}:{s.edge.child}"
            walked = s.number <= step
            color = CURRENT if s.number == step else FLOW
            self.flows[pair].set(visible=walked, color=color)
            self.downstreams[pair].set(visible=walked, text=f"← {self.fmt.format(s.downstream)}", color=color)
            if walked and s.complete:
                done.add(s.edge.parent)
        for key, label in self.grads.items():
            label.set(visible=key in done, text=self.grad_texts[key])
        self.title.set_text(title_lines(self.captions[step]))


def _arrow(start, end, gid):
    """An (invisible) arrow from ``start`` to ``end`` (node centres, in pixels at 100 dpi) that
    stops at the edges of their boxes."""
    from matplotlib.patches import FancyArrowPatch

    dx, dy = abs(end[0] - start[0]) or 1e-9, abs(end[1] - start[1]) or 1e-9
    half_w, half_h = NODE_PX[0] / 2 + 4, NODE_PX[1] / 2 + 2  # a box, and a small gap
    shrink = min(half_w / dx, half_h / dy) * (dx * dx + dy * dy) ** 0.5 * 0.72  # pixels at 100 dpi -> points
    return FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, lw=2.6, color=FLOW, shrinkA=shrink,
                           shrinkB=shrink, zorder=2, gid=gid, visible=False)  # fmt: skip


def checked_step(step, total):
    """``step`` as an int in 0..total (None is 0, the forward view)."""
    return 0 if step is None else _validate.integer(step, "step", low=0, high=total)


def drawable(walk):
    """``walk``, unless its graph is too big for a readable picture."""
    columns = walk.graph.columns
    if max(len(c) for c in columns) > MAX_ROWS or len(columns) > MAX_COLUMNS:
        raise ValueError(
            f"net must have at most {MAX_ROWS} units per layer and give at most {MAX_COLUMNS} columns of "
            f"nodes to be drawn readably; its graph has columns of {tuple(len(c) for c in columns)} nodes"
        )
    return walk


def draw_computational_graph(net, x, y, loss, ax=None, *, step=None, fmt="{:.3f}", title=True):
    """Draw the computational graph of ``net`` for the sample ``(x, y)`` after ``step`` backward steps.

    Parameters
    ----------
    net, x, y, loss
        As for :func:`~matgrad.widgets.graph.model.computational_graph`:
        a Network, one sample x (shape (n_0,)), its target y (shape (n_L,))
        and MSELoss() or HalfSSELoss().
    ax : matplotlib Axes, optional
        Drawn into (the layout spreads over its size in pixels); otherwise a new
        figure of :func:`figure_size` (900 x 450 px for the worked homework).
    step : int, optional
        0 or None: the forward view; ``k``: after the first ``k`` edges of
        the backward walk; ``len(backward_walk(...).steps)``: all of it.
    fmt : str
        Format of every number, e.g. ``"{:.3f}"``.
    title : bool
        Whether the step's caption is drawn at the top (``False`` where the
        caption is printed next to the picture already).

    Returns
    -------
    matplotlib.axes.Axes
    """
    checked_axes(ax)
    fmt = number_format(fmt)
    walk = drawable(backward_walk(net, x, y, loss))
    step = checked_step(step, len(walk.steps))
    title = _validate.one_of(title, "title", (True, False))
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.figure(figsize=figure_size(walk.graph, title), dpi=100).add_axes((0.01, 0.01, 0.98, 0.98))
    GraphPicture(walk, ax, fmt, title=title).show(step)
    return ax
