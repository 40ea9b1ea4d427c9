"""Where everything of a computational-graph drawing goes, in data units and pixels.

Pure geometry (no matplotlib): the node centres (a column per
:class:`~matgrad.widgets.graph_model.ComputationalGraph` column, its nodes
one unit apart), the axes limits that keep a margin in pixels for the
title, the legend and the labels, and a spot for every label. Text sizes are
estimated from the number of characters (``CHAR_PX`` per character at 9 pt and
100 dpi), which is close enough to keep labels from overlapping.

The local label of a horizontal edge sits on its middle when it fits between
the two node boxes, else just beside it, on the side away from the node
gradients; the downstream label goes beside that. On a slanted edge (a
Linear edge between rows) the local label may sit anywhere from 20% to 80%
of the way; each spot is scored by how much its two labels (local, and the
downstream one just beside it) would overlap the node boxes, the node
gradients and the labels placed before it, and the best one is taken.

>>> from matgrad import MSELoss
>>> from matgrad.course.homework import network
>>> from matgrad.widgets.graph_walk import backward_walk
>>> layout = graph_layout(backward_walk(network(), -1.0, 1.0, MSELoss()), 882, 441)
>>> layout.where["x1"], layout.where["z1_2"]
((0.0, 0.0), (1.6, -0.5))
>>> layout.grad_side["z1_1"], layout.grad_side["z1_2"], layout.grad_side["x1"]
(1, -1, -1)
"""

from typing import NamedTuple

__all__ = ["GraphLayout"]  # the record; the functions serve graph_drawing

GAPS = {"linear": 1.6, "activation": 1.25, "loss": 1.25}  # width before a column, by the edges entering it
MARGIN_PX = {"top": 135, "bottom": 105, "left": 80, "right": 125}  # title, legend, outer labels
TITLE_PX = 45  # of the top margin, the room for a two-line title (a picture without one is that much shorter)
CHAR_PX, LINE_PX = 7.0, 15.0  # one character and one line of 9-pt text at 100 dpi
NODE_PX = (56.0, 46.0)  # a node box: two lines of 10-pt text with padding
GRAD_GAP_PX = 30.0  # from a node's centre to its gradient label
DOWNSTREAM_PX = 19.0  # from a slanted edge's local label to its downstream label
SPOTS = (0.3, 0.25, 0.35, 0.4, 0.7, 0.75, 0.65, 0.6, 0.2, 0.8)  # preferred first


class GraphLayout(NamedTuple):
    """``where``: node key -> (x, y); ``xlim``, ``ylim``; ``unit``: pixels per data unit (x, y);
    ``grad_side``: +1 (gradient label above the node) or -1 (below); ``grad_shift``: its
    horizontal shift in pixels; ``spots``: "parent:child" -> (x, y, dx, dy): the local
    label's centre and the downstream label's offset from it in pixels (dy up)."""

    where: dict
    xlim: tuple
    ylim: tuple
    unit: tuple
    grad_side: dict
    grad_shift: dict
    spots: dict


def text_box(text, cx, cy):
    """Estimated (x0, y0, x1, y1) pixel box of ``text`` centred at (cx, cy)."""
    lines = text.split("\n")
    half_w, half_h = max(len(line) for line in lines) * CHAR_PX / 2 + 3, len(lines) * LINE_PX / 2 + 2
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def overlap(a, b):
    """Area shared by two boxes (x0, y0, x1, y1)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _outward(row, count):
    """+1 (above) for the upper half of a column, -1 (below) otherwise."""
    return 1 if count > 1 and row < (count - 1) / 2 else -1


def node_centres(graph):
    """node key -> (x, y) in data units: columns ``GAPS`` apart (a Linear gap a quarter wider
    per node beyond two in the taller of its columns), rows one unit apart, centred on 0.

    >>> from matgrad import HalfSSELoss, Linear, Network, Sigmoid
    >>> from matgrad.widgets.graph_model import computational_graph
    >>> net = Network([(Linear([[1.0, 2.0]]), Sigmoid())])
    >>> node_centres(computational_graph(net, 0.0, [0.0, 1.0], HalfSSELoss()))["yhat2"]
    (2.85, -0.5)
    """
    centres, x = {}, 0.0
    for before, column in zip((None, *graph.columns), graph.columns):
        kind = next((e.kind for e in graph.edges if e.child == column[0]), None)
        if kind:
            x += GAPS[kind] * (1 + 0.25 * max(0, len(column) - 2, len(before) - 2) if kind == "linear" else 1)
        centres.update({key: (round(x, 12), (len(column) - 1) / 2 - row) for row, key in enumerate(column)})
    return centres


def is_flat(centres, edge):
    """Whether ``edge`` is horizontal (its two nodes on the same height)."""
    return centres[edge.parent][1] == centres[edge.child][1]


def graph_layout(walk, width_px, height_px, fmt="{:.3f}", texts=None, title=True):
    """The :class:`GraphLayout` of ``walk`` (a BackwardWalk) on axes of ``width_px x height_px``.

    ``texts`` (optional) maps ``"local:<pair>"``, ``"downstream:<pair>"`` and
    ``"grad:<key>"`` to the longest text each label will show (the drawing
    passes them; otherwise they are estimated from ``fmt``). ``title=False``:
    no room is kept for a title at the top.
    """
    graph = walk.graph
    texts = texts or {}
    where = node_centres(graph)
    xs = [where[column[0]][0] for column in graph.columns]
    rows = max(len(column) for column in graph.columns)
    top = MARGIN_PX["top"] - (0 if title else TITLE_PX)
    spare_h = max(height_px - top - MARGIN_PX["bottom"], 40.0)
    unit_y = spare_h / (rows - 1) if rows > 1 else spare_h
    unit_x = max(width_px - MARGIN_PX["left"] - MARGIN_PX["right"], 40.0) / xs[-1]
    half = (rows - 1) / 2
    xlim = (-MARGIN_PX["left"] / unit_x, xs[-1] + MARGIN_PX["right"] / unit_x)
    ylim = (-half - MARGIN_PX["bottom"] / unit_y, half + top / unit_y)
    count = {key: len(column) for column in graph.columns for key in column}
    row_of = {node.key: node.row for node in graph.nodes}

    def px(point):
        return point[0] * unit_x, point[1] * unit_y

    grad_side = {key: _outward(row_of[key], count[key]) for key in where}
    grad_shift = {key: (-16.0 if xs.index(where[key][0]) == 0 and count[key] == 1 else 0.0) for key in where}
    half_w, half_h = NODE_PX[0] / 2, NODE_PX[1] / 2
    taken = [(cx - half_w, cy - half_h, cx + half_w, cy + half_h) for cx, cy in map(px, where.values())]
    for key, (cx, cy) in ((k, px(p)) for k, p in where.items()):
        text = texts.get(f"grad:{key}", "dL/dh¹₁\n= 0.000 + 0.000\n= 0.000")
        lines = text.count("\n") + 1
        centre_y = cy + grad_side[key] * (GRAD_GAP_PX + lines * LINE_PX / 2)
        taken.append(text_box(text, cx + grad_shift[key], centre_y))
    sample = fmt.format(-1.5)
    spots = {}
    flat = [e for e in graph.edges if is_flat(where, e)]
    for edge in flat + [e for e in graph.edges if e not in flat]:
        pair = f"{edge.parent}:{edge.child}"
        local = texts.get(f"local:{pair}", f"{edge.local_name} = {sample}")
        down = texts.get(f"downstream:{pair}", f"← {sample}")
        (x0, y0), (x1, y1) = px(where[edge.parent]), px(where[edge.child])
        if edge in flat:
            inner = -grad_side[edge.parent]
            x_min, y_min, x_max, _ = text_box(local, 0.0, 0.0)
            fits = x_max - x_min <= abs(x1 - x0) - NODE_PX[0] - 6
            lift = 0.0 if fits else inner * (-y_min + 3)
            options = [(0.5, 0.0, inner * (-y_min + (DOWNSTREAM_PX - 8 if fits else 10)))]
        else:
            lift, options = 0.0, [(at, 0.0, side * DOWNSTREAM_PX) for at in SPOTS for side in (1, -1)]

        def cost(option):
            at, dx, dy = option
            cx, cy = x0 + at * (x1 - x0), y0 + at * (y1 - y0) + lift
            boxes = (text_box(local, cx, cy), text_box(down, cx + dx, cy + dy))
            return sum(overlap(a, b) for a in boxes for b in taken)

        best = min(options, key=cost)  # the first (preferred) of equally good spots
        at, dx, dy = best
        cx, cy = x0 + at * (x1 - x0), y0 + at * (y1 - y0) + lift
        taken += [text_box(local, cx, cy), text_box(down, cx + dx, cy + dy)]
        spots[pair] = (cx / unit_x, cy / unit_y, dx, dy)
    return GraphLayout(where, xlim, ylim, (unit_x, unit_y), grad_side, grad_shift, spots)
