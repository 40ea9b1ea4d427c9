"""matgrad.widgets.graph.picture: the computational graph drawn at any backward step.

Like tests/test_drawing.py for draw_network, the artists are found by their
gids and their texts are compared with the computed numbers; a rendered
figure is checked for labels that overlap or leave the picture.
"""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import same_color
from matplotlib.figure import Figure

from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid
from matgrad.course import homework
from matgrad.widgets.graph.picture import CURRENT, FLOW, draw_computational_graph, figure_size
from matgrad.widgets.graph.walk import backward_walk, walk_captions

SHAPES = {  # name: (net, x, y, loss), sizes (1, 2, 2, 1), (2, 3, 1), (2, 2), (3, 2, 2, 1)
    "homework": (homework.network(), -1.0, 1.0, MSELoss()),
    "2-3-1": (Network([(Linear([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], [0.1, 0.0, -0.2]), Sigmoid()),
                       (Linear([[1.0], [-2.0], [0.5]], [0.3]), Identity())]), [0.5, -1.0], -1.0, HalfSSELoss()),
    "2-2": (Network([(Linear([[1.0, -2.0], [0.5, 3.0]], [0.0, 1.0]), Sigmoid())]), [0.3, -0.7], [1.0, 0.0],
            MSELoss()),
    "3-2-2-1": (Network([(Linear(np.arange(6.0).reshape(3, 2) / 4 - 0.5), Identity()),
                         (Linear([[1.0, -1.0], [2.0, 0.5]]), Sigmoid()), (Linear([[1.5], [-0.5]]), Sigmoid())]),
                [1.0, 2.0, -1.0], 0.25, MSELoss()),
}  # fmt: skip
COUNTS = {"homework": (11, 13), "2-3-1": (10, 13), "2-2": (7, 8), "3-2-2-1": (12, 16)}  # nodes, edges


def draw(name, step=None, fmt="{:.3f}", **options):
    net, x, y, loss = SHAPES[name]
    walk = backward_walk(net, x, y, loss)
    figure = Figure(figsize=figure_size(walk.graph, options.get("title", True)), dpi=100)
    FigureCanvasAgg(figure)
    ax = draw_computational_graph(net, x, y, loss, figure.add_axes((0.01, 0.01, 0.98, 0.98)), step=step, fmt=fmt,
                                  **options)
    return walk, ax


def by_gid(ax, prefix, visible_only=False):
    artists = [*ax.texts, *ax.lines, *ax.patches]
    return {a.get_gid(): a for a in artists
            if (a.get_gid() or "").startswith(prefix) and (a.get_visible() or not visible_only)}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_one_box_per_node_and_one_line_label_and_arrow_per_edge(name):
    walk, ax = draw(name)
    nodes, edges = COUNTS[name]
    assert len(walk.graph.nodes) == nodes and len(walk.graph.edges) == edges
    assert len(by_gid(ax, "node:")) == nodes and len(by_gid(ax, "grad:")) == nodes
    for prefix in ("edge:", "local:", "flow:", "downstream:"):
        assert len(by_gid(ax, prefix)) == edges, prefix
    assert {f"edge:{e.parent}:{e.child}" for e in walk.graph.edges} == set(by_gid(ax, "edge:"))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_node_and_edge_texts_are_the_computed_numbers(name):
    walk, ax = draw(name)
    nodes = by_gid(ax, "node:")
    for node in walk.graph.nodes:
        assert nodes[f"node:{node.key}"].get_text() == f"{node.name}\n{node.value:.3f}"
    local = by_gid(ax, "local:")
    for edge in walk.graph.edges:
        name_part, value_part = local[f"local:{edge.parent}:{edge.child}"].get_text().replace(" = ", "\n").split("\n")
        assert (name_part, value_part) == (edge.local_name, f"{edge.local:.3f}")


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_the_layout_is_fixed_by_the_layers(name):
    """A column of nodes per layer, left to right; a single node in the middle, a longer column
    spread from the same top to the same bottom as every other."""
    walk, ax = draw(name)
    where = {gid.removeprefix("node:"): t.get_position() for gid, t in by_gid(ax, "node:").items()}
    xs = [{where[key][0] for key in column} for column in walk.graph.columns]
    assert all(len(x) == 1 for x in xs) and [x.pop() for x in xs] == sorted(where[c[0]][0] for c in walk.graph.columns)
    tall = [column for column in walk.graph.columns if len(column) > 1]
    tops, bottoms = {where[c[0]][1] for c in tall}, {where[c[-1]][1] for c in tall}
    assert len(tops) == len(bottoms) == 1
    middle = (tops.pop() + bottoms.pop()) / 2
    assert all(where[c[0]][1] == pytest.approx(middle) for c in walk.graph.columns if len(c) == 1)
    for column in tall:
        gaps = np.diff([where[key][1] for key in column])
        assert gaps == pytest.approx(np.full(len(gaps), gaps[0])) and gaps[0] < 0  # evenly, top to bottom


def test_every_edge_joins_the_boxes_of_its_two_nodes():
    walk, ax = draw("2-3-1")
    centres = {gid.removeprefix("node:"): t.get_position() for gid, t in by_gid(ax, "node:").items()}
    for gid, line in by_gid(ax, "edge:").items():
        _, parent, child = gid.split(":")
        assert list(zip(*line.get_data())) == [tuple(centres[parent]), tuple(centres[child])]
        arrow = by_gid(ax, f"flow:{parent}:{child}")[f"flow:{parent}:{child}"]
        start, end = arrow._posA_posB  # drawn from the child back to the parent
        assert (tuple(start), tuple(end)) == (tuple(centres[child]), tuple(centres[parent]))


def test_the_forward_view_shows_no_backward_artist():
    for step in (None, 0):
        walk, ax = draw("homework", step=step)
        for prefix in ("flow:", "downstream:", "grad:"):
            assert not by_gid(ax, prefix, visible_only=True), (step, prefix)
        assert by_gid(ax, "title")["title"].get_text().startswith("Step 0 of 13: the forward pass")


@pytest.mark.parametrize("name, step", [("homework", 1), ("homework", 7), ("homework", 13), ("2-3-1", 5),
                                        ("2-3-1", 13), ("3-2-2-1", 9)])  # fmt: skip
def test_step_k_shows_the_k_walked_edges_and_the_completed_gradients(name, step):
    walk, ax = draw(name, step=step)
    walked = walk.steps[:step]
    flows, downs = by_gid(ax, "flow:", visible_only=True), by_gid(ax, "downstream:", visible_only=True)
    assert set(flows) == {f"flow:{s.edge.parent}:{s.edge.child}" for s in walked}
    for s in walked:
        pair = f"{s.edge.parent}:{s.edge.child}"
        assert downs[f"downstream:{pair}"].get_text() == f"← {s.downstream:.3f}"
        colour = CURRENT if s.number == step else FLOW
        assert same_color(flows[f"flow:{pair}"].get_edgecolor(), colour)
        assert same_color(downs[f"downstream:{pair}"].get_color(), colour)
    complete = {s.edge.parent: s for s in walked if s.complete}
    grads = by_gid(ax, "grad:", visible_only=True)
    assert set(grads) == {f"grad:{k}" for k in complete} | {"grad:L"}
    assert grads["grad:L"].get_text() == "dL/dL = 1"
    for key, s in complete.items():
        lines = grads[f"grad:{key}"].get_text().split("\n")
        assert lines[0] == f"dL/d{walk.graph.node(key).name}" and lines[-1] == f"= {walk.gradients[key]:.3f}"
        if s.paths > 1:  # the sum over paths written out
            written = " ".join(lines[1:-1]).removeprefix("= ").replace(" - ", " + -").split(" + ")
            assert [float(t) for t in written] == pytest.approx([round(t, 3) for t in s.terms], abs=1e-12)
    title = by_gid(ax, "title")["title"].get_text()
    assert " ".join(title.split()) == walk_captions(walk)[step]


def test_the_title_is_the_caption_unless_left_out():
    walk, ax = draw("homework", step=4)
    assert by_gid(ax, "title", visible_only=True)["title"].get_text().startswith("Step 4 of 13")
    _, untitled = draw("homework", step=4, title=False)
    assert not by_gid(untitled, "title", visible_only=True)
    assert {t.get_gid() for t in ax.texts if t.get_visible()} - {"title"} == {
        t.get_gid() for t in untitled.texts if t.get_visible()}  # the rest is the same


def test_fmt_reaches_every_number():
    walk, ax = draw("homework", step=13, fmt="{:.5f}")
    assert by_gid(ax, "node:")["node:L"].get_text() == f"L\n{walk.graph.node('L').value:.5f}"
    assert by_gid(ax, "grad:")["grad:x1"].get_text().endswith(f"= {walk.gradients['x1']:.5f}")
    assert f"{walk.steps[-1].downstream:.5f}" in by_gid(ax, "title")["title"].get_text()


def _extents(ax):
    renderer = ax.figure.canvas.get_renderer()
    texts = [t for t in ax.texts if t.get_visible() and t.get_text() and t.get_gid() not in ("title", "legend")]
    return renderer, {t.get_gid(): t.get_window_extent(renderer) for t in texts}


# every step of the homework; without the title (the widget's picture, shorter by TITLE_PX) the
# steps that show the most gradient labels near the top
@pytest.mark.parametrize("name, step, title", [("homework", k, True) for k in range(14)]
                         + [("2-3-1", 6, True), ("2-3-1", 13, True), ("2-2", 8, True)]
                         + [("homework", 12, False), ("homework", 13, False), ("2-3-1", 13, False), ("2-2", 8, False)])
def test_the_picture_has_no_overlapping_labels_and_nothing_outside(name, step, title):
    _, ax = draw(name, step=step, title=title)
    ax.figure.canvas.draw()
    renderer, boxes = _extents(ax)
    if name == "homework":
        assert ax.figure.canvas.get_width_height() == (900, 450 if title else 405)
    items = sorted(boxes.items())
    clashes = [(a, b) for i, (a, box_a) in enumerate(items) for b, box_b in items[i + 1:]
               if box_a.expanded(1.0, 1.0).overlaps(box_b)]  # fmt: skip
    assert not clashes
    figure_box = ax.figure.bbox
    for gid in ("title", "legend") if title else ("legend",):
        t = by_gid(ax, gid)[gid]
        boxes[gid] = t.get_window_extent(renderer)
    outside = [gid for gid, box in boxes.items() if not (figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1
                                                         and figure_box.y0 <= box.y0 and box.y1 <= figure_box.y1)]
    assert not outside
    if title:
        title_box = boxes.pop("title")
        assert not [gid for gid, box in boxes.items() if box.overlaps(title_box)]


def test_a_new_figure_of_900_by_450_pixels_when_no_axes_given():
    import matplotlib.pyplot as plt

    net, x, y, loss = SHAPES["homework"]
    ax = draw_computational_graph(net, x, y, loss, step=3)
    try:
        assert tuple(ax.figure.get_size_inches() * ax.figure.dpi) == (900, 450)
        assert len(by_gid(ax, "flow:", visible_only=True)) == 3 and not ax.axison
    finally:
        plt.close(ax.figure)
