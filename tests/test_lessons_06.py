"""What notebook 06 (the worked homework) tells a student, checked where it is a library property.

* The graph walk and the author's B(h) vectors: for any parameters of the homework network,
  the walk of sample k with the one-sample loss l_k = 1/2 (yhat_k - y_k)^2 reaches every
  pre-activation z with dl_k/dz = (3/2) B (the author's bracket), and the homework's
  full-batch gradient is 2/3 times the sum of the three walks (L = 2/3 sum_k l_k).
* "What to watch" in the explorer, done by moving the widget's own controls as a student
  would: the numbers the readout and details show, that the plot's window follows a large
  move and the curve spans it, and that the y-axis is rescaled for each curve (along w2_22
  the loss spans about 0.33 where along w3_11 it spans about 21, yet both fill the axes).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.lab_harness import parse_readout
from tests.support import assert_close

from matgrad import HalfSSELoss
from matgrad.course import homework
from matgrad.widgets import HomeworkExplorer, backward_walk
from matgrad.widgets.loss_plot import SPAN

PARAMETERS = st.fixed_dictionaries(
    {name: st.floats(-3.0, 3.0, allow_nan=False) for name in homework.PARAMETER_NAMES}
)


def author_brackets(values):
    """(3/2) B(h2) and (3/2) B(h1), each (3, 2), by the worked homework's scalar formulas."""
    net = homework.network(**values)
    f = homework.forward_values(net)
    W2, W3 = net.layers[1][0].W, net.layers[2][0].W
    B2 = (2 / 3) * f["residual"][:, None] * W3[:, 0] * f["h2"] * (1 - f["h2"])
    B1 = (B2 @ W2.T) * f["h1"] * (1 - f["h1"])
    return 1.5 * B2, 1.5 * B1, f


@settings(max_examples=40, deadline=None)
@given(PARAMETERS)
def test_the_walks_pre_activation_gradients_are_the_authors_brackets(values):
    net = homework.network(**values)
    bracket2, bracket1, f = author_brackets(values)
    for k in range(3):
        walk = backward_walk(net, homework.X[k], homework.Y[k], HalfSSELoss())
        got = [walk.gradients[z] for z in ("z2_1", "z2_2", "z1_1", "z1_2")]
        expected = [*bracket2[k], *bracket1[k]]
        scale = 1.0 + abs(f["residual"][k]) * 50.0  # |r| times the largest weight products
        assert_close(got, expected, terms=scale)
        assert walk.gradients["yhat1"] == pytest.approx(f["residual"][k], rel=1e-12, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(PARAMETERS)
def test_the_full_batch_gradient_is_two_thirds_of_the_sum_of_the_walks(values):
    net = homework.network(**values)
    f = homework.forward_values(net)
    walks = [backward_walk(net, homework.X[k], homework.Y[k], HalfSSELoss()) for k in range(3)]
    inputs = {"1": homework.X[:, 0][:, None] * np.ones((3, 2)), "2": f["h1"], "3": f["h2"]}
    expected = homework.gradients_by_name(net)
    for name in homework.PARAMETER_NAMES:
        layer, node = name[1], ("yhat1" if name[1] == "3" else f"z{name[1]}_{name[-1]}")
        feed = np.ones(3) if name[0] == "b" else inputs[layer][:, int(name[3]) - 1]
        terms = [feed[k] * walks[k].gradients[node] for k in range(3)]
        total = 2 / 3 * sum(terms)
        assert_close(total, expected[name], terms=1.0 + np.sum(np.abs(terms)) * 10)


def readout_of(ex):
    return parse_readout(ex.readout.value.replace("<pre style='margin:0'>", ""))


def test_what_to_watch_moving_w3_11_down():
    ex = HomeworkExplorer()
    assert ex.plot.ax.get_xlim() == (1.0 - SPAN, 1.0 + SPAN)
    ex.controls["w3_11"].value = 0.30
    shown = readout_of(ex)
    assert shown["loss"] == "11.138350" and shown["dL/dw3_11"] == "5.859188"
    assert ex.plot.ax.get_xlim() == (1.0 - SPAN, 1.0 + SPAN), "a move of 0.7 keeps the window"
    ex.controls["w3_11"].value = -2.00
    assert ex.controls["w3_11"].value == ex.controls["w3_11"].min == -2.0, "the slider's end"
    assert readout_of(ex)["loss"] == "1.859417"
    assert ex.plot.ax.get_xlim() == (pytest.approx(-3.5), pytest.approx(-0.5)), "the window follows"
    xs, ys = ex.plot.curve.get_data()
    assert xs[0] == pytest.approx(-3.5) and xs[-1] == pytest.approx(-0.5), "the curve spans it"
    assert np.argmin(ys) > 0, "the parabola's lowest point (w3_11 ~ -3.39) shows, left of -2"
    assert xs[np.argmin(ys)] == pytest.approx(-3.4, abs=0.05)


def test_what_to_watch_the_learning_rate():
    ex = HomeworkExplorer()
    for lr, after in ((0.2, "0.777387"), (0.5, "43.212902"), (0.1, "3.707947")):
        ex.controls["lr"].value = lr
        assert f"loss 15.628558 -> {after}" in ex.detail.value


def test_what_to_watch_the_y_axis_is_rescaled_for_each_curve():
    ex = HomeworkExplorer()
    y0, y1 = ex.plot.ax.get_ylim()
    low, high = ex.plot.curve.get_data()[1].min(), ex.plot.curve.get_data()[1].max()
    assert (f"{low:.2f}", f"{high:.2f}") == ("6.96", "27.87")
    ex.controls["selected"].value = "w2_22"
    z0, z1 = ex.plot.ax.get_ylim()
    ys = ex.plot.curve.get_data()[1]
    assert (f"{ys.min():.2f}", f"{ys.max():.2f}") == ("15.41", "15.74")
    # both curves fill most of their axes, so w2_22's does not look flat ...
    for (a, b), (lo, hi) in (((y0, y1), (low, high)), ((z0, z1), (ys.min(), ys.max()))):
        assert (hi - lo) / (b - a) > 0.7
    # ... though its loss changes about 60 times less over a window of the same width
    assert (high - low) / (ys.max() - ys.min()) > 50
    assert readout_of(ex)["dL/dw2_22"] == "0.098767"


def test_the_graph_walk_fits_its_cell():
    """At width 100% the image must not add side margins (ipywidgets' default 2 px would make
    the panel 4 px wider than the cell, which tests/test_browser.py measured in notebook 06),
    and the panel carries the class the browser test's geometry check looks inside."""
    from matgrad.widgets import ComputationalGraphWalk

    walk = ComputationalGraphWalk(homework.network(), homework.X[0], homework.Y[0], HalfSSELoss())
    assert walk.image.layout.width == "100%"
    assert walk.image.layout.margin == "2px 0"
    assert "matgrad-widget" in walk.widget._dom_classes
