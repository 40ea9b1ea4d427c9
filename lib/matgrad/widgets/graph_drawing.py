"""Draw the computational graph of a :class:`matgrad.Network` for one sample, at any backward step.

The picture (matplotlib) shows the graph of
:func:`~matgrad.widgets.graph_model.computational_graph`: one box per scalar
node with its name and value, one grey line per edge with its **local
gradient** (blue). At backward step ``k`` (see
:mod:`matgrad.widgets.graph_walk`) the ``k`` edges walked so far carry an
orange arrow pointing back, labelled with the **downstream gradient**
(upstream x local; the latest step in red), and every node whose gradient
is complete shows ``dL/d node`` in dark red, written as the **sum over
paths** where several paths meet. The step's caption is the title (``title=False``
leaves it out, for a widget that prints the caption above the picture).

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

import numbers
import textwrap

from matplotlib.patches import FancyArrowPatch

from matgrad.widgets.drawing import check_axes, check_format
from matgrad.widgets.graph_layout import (GRAD_GAP_PX, MARGIN_PX, NODE_PX, TITLE_PX, graph_layout, is_flat,
                                          node_centres)
from matgrad.widgets.graph_walk import BackwardWalk, backward_walk, sum_text, walk_captions

__all__ = ["draw_computational_graph"]

LOCAL, FLOW, CURRENT, GRAD = "tab:blue", "#e66100", "#c1121f", "#7b1113"
LEGEND = ("blue: local gradient d child / d parent    orange: downstream gradient = upstream × local"
          "    dark red: dL/d node (sum over paths)")  # fmt: skip
MAX_ROWS, MAX_COLUMNS = 8, 16  # beyond this a 900-px picture is unreadable
PX_PER_UNIT = 79.0


def figure_size(graph, title=True):
    """(width, height) in inches at 100 dpi: 900 x 450 px for the worked homework; wider
    for more or wider layers (at least ``PX_PER_UNIT`` between columns one unit apart);
    ``TITLE_PX`` shorter without a title (900 x 405 px)."""
    rows = max(len(column) for column in graph.columns)
    span = max(x for x, _ in node_centres(graph).values())
    width = (span * PX_PER_UNIT + MARGIN_PX["left"] + MARGIN_PX["right"]) / 0.98 / 100
    return round(max(9.0, width), 2), max(4.5, 2.1 + 1.7 * (rows - 1)) - (0 if title else TITLE_PX / 100)


def gradient_texts(walk, fmt):
    """node key -> the text of its gradient label once complete (sums two terms a line)."""
    f, names = fmt.format, {node.key: node.name for node in walk.graph.nodes}
    texts = {"L": "dL/dL = 1"}
    for s in walk.steps:
        if s.complete:
            key = s.edge.parent
            sums = "".join(f"{'=' if i == 0 else ' '} {sum_text(fmt, s.terms[i:i + 2], i > 0)}\n"
                           for i in range(0, s.paths, 2)) if s.paths > 1 else ""  # fmt: skip
            texts[key] = f"dL/d{names[key]}\n{sums}= {f(s.total)}"
    return texts


class GraphPicture:
    """Every artist of one drawing of ``walk`` on ``ax``; :meth:`show` switches them to a step.

    ``layered`` lists, in drawing order (by zorder), the artists a step may
    change and the node boxes they may touch; with ``animated=True`` they are
    left out of ``canvas.draw``, so a widget can draw them over a saved
    background in the same order. With ``title=False`` the caption is not
    drawn (its artist exists, invisible).
    """

    def __init__(self, walk, ax, fmt="{:.3f}", animated=False, title=True):
        self.walk, self.ax, self.fmt = walk, ax, fmt
        self.captions = walk_captions(walk, fmt)
        graph, f = walk.graph, fmt.format
        self.grad_texts = gradient_texts(walk, fmt)
        centres = node_centres(graph)  # a horizontal edge's label: name over value, to fit the gap
        local_texts = {f"{e.parent}:{e.child}": f"{e.local_name}{chr(10) if is_flat(centres, e) else ' = '}"
                       f"{f(e.local)}" for e in graph.edges}  # fmt: skip
        texts = {**{f"local:{k}": v for k, v in local_texts.items()},
                 **{f"downstream:{s.edge.parent}:{s.edge.child}": f"← {f(s.downstream)}" for s in walk.steps},
                 **{f"grad:{k}": v for k, v in self.grad_texts.items()}}  # fmt: skip
        layout = graph_layout(walk, ax.bbox.width * 100 / ax.figure.dpi, ax.bbox.height * 100 / ax.figure.dpi,
                              fmt, texts, title)  # fmt: skip
        self.layout, where, points = layout, layout.where, 72.0 / 100  # layout pixels are at 100 dpi
        ax.set_xlim(*layout.xlim)
        ax.set_ylim(*layout.ylim)
        self.flows, self.downstreams, self.grads = {}, {}, {}
        labels, nodes = [], []
        for edge in graph.edges:
            pair = f"{edge.parent}:{edge.child}"
            (x0, y0), (x1, y1) = where[edge.parent], where[edge.child]
            ax.plot([x0, x1], [y0, y1], color="0.7", lw=1.3, zorder=1, gid=f"edge:{pair}")
            self.flows[pair] = ax.add_patch(self._arrow(pair, (x0, y0), (x1, y1)))
            cx, cy, dx, dy = layout.spots[pair]
            labels.append(ax.annotate(local_texts[pair], (cx, cy), xytext=(0, 0), color=LOCAL,
                                      gid=f"local:{pair}", **_LABEL))  # fmt: skip
            self.downstreams[pair] = ax.annotate("", (cx, cy), xytext=(dx * points, dy * points), color=FLOW,
                                                 gid=f"downstream:{pair}", visible=False, **_LABEL)  # fmt: skip
        for node in graph.nodes:
            x, y = where[node.key]
            nodes.append(ax.text(
                x, y, f"{node.name}\n{f(node.value)}", ha="center", va="center", fontsize=10, zorder=5,
                gid=f"node:{node.key}", linespacing=1.25,
                bbox={"boxstyle": "round,pad=0.35", "facecolor": "#e8eef7", "edgecolor": "0.3"}))
            side = layout.grad_side[node.key]
            self.grads[node.key] = ax.annotate(
                "", (x, y), xytext=(layout.grad_shift[node.key] * points, GRAD_GAP_PX * side * points),
                textcoords="offset points", ha="center", va="bottom" if side > 0 else "top", fontsize=9.5,
                color=GRAD, zorder=6, gid=f"grad:{node.key}", visible=False, multialignment="center",
                bbox=_WHITE)  # fmt: skip
        ys = [node.name.replace("ŷ", "y") for node in graph.nodes if node.key.startswith("yhat")]
        target = "\n".join(f"{name} = {f(v)}" for name, v in zip(ys, graph.target))
        ax.annotate(f"{target}\n{graph.loss_name}", where["L"], xytext=(24, 0), ha="left",
                    textcoords="offset points", va="center", fontsize=9, gid="target", color="0.25")  # fmt: skip
        self.title = ax.text(0.0, 1.0, "", transform=ax.transAxes, ha="left", va="top", fontsize=10,
                             gid="title", zorder=7, visible=title)  # fmt: skip
        ax.text(0.0, 0.0, LEGEND, transform=ax.transAxes, ha="left", va="bottom", fontsize=8,
                color="0.35", gid="legend")  # fmt: skip
        ax.axis("off")
        self.layered = sorted([*self.flows.values(), *labels, *self.downstreams.values(), *nodes,
                               *self.grads.values(), self.title], key=lambda a: a.get_zorder())  # fmt: skip
        for artist in self.layered:
            artist.set_animated(animated)
        self.show(0)

    def _arrow(self, pair, parent, child):
        """An arrow from the child back to the parent, stopping at the node boxes."""
        unit_x, unit_y = self.layout.unit
        dx, dy = (child[0] - parent[0]) * unit_x, (child[1] - parent[1]) * unit_y
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        half_w, half_h = NODE_PX[0] / 2 + 4, NODE_PX[1] / 2 + 2  # pixels, plus a small gap
        gap = min(half_w * length / max(abs(dx), 1e-9), half_h * length / max(abs(dy), 1e-9))
        return FancyArrowPatch(child, parent, arrowstyle="-|>", mutation_scale=14, lw=2.6, color=FLOW,
                               shrinkA=gap * 0.72, shrinkB=gap * 0.72, zorder=2, gid=f"flow:{pair}",
                               visible=False)  # fmt: skip

    def show(self, step):
        """Switch every dynamic artist to backward step ``step`` (0 = the forward view)."""
        f, steps = self.fmt.format, self.walk.steps
        done = {"L"} if step > 0 else set()
        for s in steps:
            pair = f"{s.edge.parent}:{s.edge.child}"
            walked = s.number <= step
            color = CURRENT if s.number == step else FLOW
            self.flows[pair].set(visible=walked, color=color)
            self.downstreams[pair].set(visible=walked, text=f"← {f(s.downstream)}", color=color)
            if walked and s.complete:
                done.add(s.edge.parent)
        for key, label in self.grads.items():
            label.set(visible=key in done, text=self.grad_texts[key])
        self.title.set_text(title_lines(self.captions[step]))


_WHITE = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}
_LABEL = {"textcoords": "offset points", "ha": "center", "va": "center", "fontsize": 9, "zorder": 4,
          "bbox": _WHITE, "linespacing": 1.1}


def title_lines(caption, width=118):
    """The caption broken into lines for the figure: after each ``";"``, and to ``width`` characters.

    >>> print(title_lines("Step 1: a = 1 × 2 = 2; sum over paths: b = 2 + 3 = 5"))
    Step 1: a = 1 × 2 = 2;
    sum over paths: b = 2 + 3 = 5
    """
    return "\n".join(textwrap.fill(part, width) for part in caption.replace("; ", ";\n").split("\n"))


def check_step(step, total):
    """``step`` as an int in 0..total (None is 0, the forward view)."""
    if step is None:
        return 0
    if isinstance(step, bool) or not isinstance(step, numbers.Integral):
        raise TypeError(f"step must be an integer from 0 to {total}; got {type(step).__name__}")
    if not 0 <= step <= total:
        raise ValueError(
            f"step must be from 0 (the forward pass) to {total} (every edge walked); got {step}"
        )
    return int(step)


def draw_computational_graph(net, x, y, loss, ax=None, *, step=None, fmt="{:.3f}", title=True):
    """Draw the computational graph of ``net`` for the sample ``(x, y)`` after ``step`` backward steps.

    Parameters
    ----------
    net, x, y, loss
        As for :func:`~matgrad.widgets.graph_model.computational_graph`:
        a Network, one sample x (shape (n_0,)), its target y (shape (n_L,))
        and MSELoss() or HalfSSELoss().
    ax : matplotlib Axes, optional
        Drawn into (the layout adapts to its size in pixels); otherwise a new
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
    check_axes(ax)
    fmt = check_format(fmt)
    walk = backward_walk(net, x, y, loss)
    step = check_step(step, len(walk.steps))
    check_drawable(walk)
    if not isinstance(title, bool):
        raise TypeError(f"title must be True or False; got {title!r}")
    if ax is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=figure_size(walk.graph, title), dpi=100)
        ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))
    GraphPicture(walk, ax, fmt, title=title).show(step)
    return ax


def check_drawable(walk):
    """Raise ValueError when the graph is too big for a readable picture."""
    if not isinstance(walk, BackwardWalk):
        raise TypeError(f"walk must be a BackwardWalk; got {type(walk).__name__}")
    columns = walk.graph.columns
    if max(len(c) for c in columns) > MAX_ROWS or len(columns) > MAX_COLUMNS:
        sizes = tuple(len(c) for c in columns)
        raise ValueError(
            f"net must have at most {MAX_ROWS} units per layer and give at most {MAX_COLUMNS} "
            f"columns of nodes to be drawn readably; its graph has columns of {sizes} nodes"
        )
