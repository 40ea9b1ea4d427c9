"""matgrad.widgets.drawing: the network drawing shows every weight, bias and node once."""

import numpy as np
import pytest
from tests.bad_input import Case, assert_clear_error
from matplotlib.figure import Figure

from matgrad import Identity, Linear, Network, Sigmoid
from matgrad.course.homework import network, parameters_of
from matgrad.widgets.drawing import draw_network


def _texts(ax, prefix):
    return {t.get_gid(): t.get_text() for t in ax.texts if t.get_gid().startswith(prefix)}


def test_every_homework_weight_and_bias_is_labelled_with_its_value():
    net = network()
    ax = draw_network(net, ax=Figure().add_subplot())
    params = parameters_of(net)
    labels = {**_texts(ax, "w"), **_texts(ax, "b")}
    assert set(labels) == set(params)  # 8 weights and 5 biases, by their seed names
    for name, value in params.items():
        shown = labels[name].removeprefix("b = ")
        assert float(shown) == value, (name, labels[name])


def test_node_and_edge_counts_follow_the_sizes():
    net = Network([
        (Linear(np.arange(6.0).reshape(2, 3), np.zeros(3)), Sigmoid()),
        (Linear(np.ones((3, 4)), np.ones(4)), Sigmoid()),
        (Linear(np.ones((4, 1)), [0.5]), Identity()),
    ])
    ax = draw_network(net, ax=Figure().add_subplot())
    nodes = [p for p in ax.patches if p.get_gid() == "node"]
    edges = [line for line in ax.lines if line.get_gid() == "edge"]
    assert len(nodes) == sum(net.sizes) == 2 + 3 + 4 + 1
    assert len(edges) == 2 * 3 + 3 * 4 + 4 * 1
    assert len(_texts(ax, "w")) == len(edges)
    assert len(_texts(ax, "b")) == 3 + 4 + 1
    assert sum(t.get_gid() == "caption" for t in ax.texts) == len(nodes)


def test_each_edge_joins_the_nodes_its_weight_connects():
    net = network(w2_12=-7.5)
    ax = draw_network(net, ax=Figure().add_subplot(), fmt="{:.2f}")
    label = next(t for t in ax.texts if t.get_gid() == "w2_12")
    assert label.get_text() == "-7.50"
    centres = {t.get_text(): t.get_position() for t in ax.texts if t.get_gid() == "caption"}
    (x0, y0), (x1, y1) = centres["$h^{1}_{1}$"], centres["$h^{2}_{2}$"]
    x, y = label.get_position()  # on the segment from h^1_1 to h^2_2
    t = (x - x0) / (x1 - x0)
    assert 0 < t < 1 and y == pytest.approx(y0 + t * (y1 - y0))


def test_names_mode_and_axes_off():
    ax = draw_network(network(), ax=Figure().add_subplot(), names=True)
    assert _texts(ax, "w3")["w3_21"] == "$w^{3}_{21}$ = 2"
    assert _texts(ax, "b3")["b3_1"] == "$b^{3}_{1}$ = 1"
    assert not ax.axison


def test_new_figure_when_no_axes_given():
    import matplotlib.pyplot as plt

    ax = draw_network(network())
    try:
        assert ax.figure is not None and len(ax.patches) == 6
    finally:
        plt.close(ax.figure)


@pytest.mark.parametrize("bad, given", [("not a network", "str"), (None, "None")])
def test_rejects_non_networks(bad, given):
    assert_clear_error(Case(lambda: draw_network(bad, ax=Figure().add_subplot()), TypeError, "net", given))


def test_rejects_label_position_outside_the_edge():
    assert_clear_error(Case(lambda: draw_network(network(), ax=Figure().add_subplot(), label_at=1.0),
                            ValueError, "label_at", "1"))
