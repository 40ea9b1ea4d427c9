"""The homework explorer: its numbers are the library's, for any slider setting,
and its plot shows the loss curve with a tangent whose slope is the gradient."""

import re

import numpy as np
import pytest
from lab_harness import parse_readout

from matgrad.course import homework
from matgrad.widgets.explorer import SPAN, HomeworkExplorer, details, explorer_state, readout

NAMES = homework.PARAMETER_NAMES


def text_of(html):
    """What a browser shows of the readout HTML (tags dropped)."""
    return re.sub(r"<[^>]+>", "", html)


def library_readout(values):
    net = homework.network(**values)
    expected = {"loss": f"{net.loss(homework.X, homework.Y, homework.LOSS):.6f}"}
    expected.update({f"dL/d{n}": f"{g:.6f}" for n, g in homework.gradients_by_name(net).items()})
    return expected


def test_default_readout_is_the_library_numbers():
    text = readout()
    assert text.splitlines()[0] == "loss = 15.628558"
    assert parse_readout(text) == library_readout({})
    assert len(text.splitlines()) == 1 + len(NAMES)


def test_details_show_forward_values_and_the_step():
    text = details(explorer_state(lr=0.5))
    f = homework.forward_values(homework.network())
    assert f"{f['h2'][2, 1]:6.3f}" in text.splitlines()[4]
    after = homework.updated_by_name(homework.network(), lr=0.5)
    assert f"w3_21    2.0000 -> {after['w3_21']:8.4f}" in text
    assert "after one step with lr = 0.50" in text


def test_the_widget_has_one_slider_per_parameter_and_lr():
    ex = HomeworkExplorer()
    assert [s.description for s in ex.sliders.values()] == list(NAMES)
    assert all(s.step == 0.01 for s in ex.sliders.values())
    assert ex.lr_slider.description == "lr" and ex.lr == 0.1
    assert "matgrad-readout" in ex.readout._dom_classes
    assert parse_readout(text_of(ex.readout.value)) == library_readout({})
    assert ex.image.value[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["w3_11", "w1_12", "b2_1"])
def test_moving_a_slider_updates_every_number(name):
    ex = HomeworkExplorer()
    before = ex.readout.value
    ex.sliders[name].value = homework.DEFAULTS[name] + 0.37
    assert ex.readout.value != before
    assert parse_readout(text_of(ex.readout.value)) == library_readout({name: homework.DEFAULTS[name] + 0.37})
    updated = homework.updated_by_name(homework.network(**{name: homework.DEFAULTS[name] + 0.37}))
    assert f"{updated[name]:8.4f}" in ex.detail.value


def test_the_plot_shows_the_curve_the_point_and_the_tangent_with_the_gradient_as_slope():
    ex = HomeworkExplorer(selected="w2_12")
    ex.sliders["w3_21"].value = 1.2  # another parameter moves the curve of w2_12
    plot = ex._figure
    state = explorer_state(ex.values, ex.lr, "w2_12")
    xs, ys = plot.curve.get_data()
    np.testing.assert_allclose(ys, homework.loss_along("w2_12", xs, w3_21=1.2), rtol=1e-14)
    assert xs[0] == pytest.approx(2.0 - SPAN) and xs[-1] == pytest.approx(2.0 + SPAN)
    (px,), (py,) = plot.point.get_data()
    assert (px, py) == (2.0, pytest.approx(state.loss))
    tx, ty = plot.tangent.get_data()
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    assert slope == pytest.approx(state.gradients["w2_12"], rel=1e-12)
    # and that slope really is the curve's slope (central difference on the curve)
    h = 1e-6
    curve_slope = (homework.loss_along("w2_12", [2 + h], w3_21=1.2)[0]
                   - homework.loss_along("w2_12", [2 - h], w3_21=1.2)[0]) / (2 * h)  # fmt: skip
    assert slope == pytest.approx(curve_slope, rel=1e-6)


def test_choosing_another_parameter_redraws_the_plot():
    ex = HomeworkExplorer()
    first = ex.image.value
    ex.choice.value = "b1_2"
    assert ex.image.value != first
    assert ex._figure.ax.get_xlabel() == "b1_2"
    assert ex._figure.curve.get_data()[0][30] == pytest.approx(1.0)


def test_a_large_move_changes_the_view():
    ex = HomeworkExplorer()
    view = ex._figure.view
    ex.sliders["w3_11"].value = 2.9
    assert ex._figure.view != view
    x0, x1 = ex._figure.view[1]
    assert x0 < 2.9 < x1


def test_the_learning_rate_changes_the_step_not_the_gradients():
    ex = HomeworkExplorer()
    before = ex.readout.value
    ex.lr_slider.value = 0.5
    assert ex.readout.value == before
    assert "lr = 0.50" in ex.detail.value


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="unknown homework parameter 'w5_11'"):
        HomeworkExplorer(values={"w5_11": 1.0})
    with pytest.raises(ValueError, match="selected must be one of w1_11, .*; got 'lr'"):
        explorer_state(selected="lr")
    with pytest.raises(ValueError, match="lr must be"):
        explorer_state(lr=-1.0)
