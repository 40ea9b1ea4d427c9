"""The homework explorer: its numbers are the library's, for any slider setting,
and its plot shows the loss curve with a tangent whose slope is the gradient."""

import re

import numpy as np
import pytest
from tests.bad_input import Case, assert_clear_error
from tests.lab_harness import parse_readout

from matgrad.course import homework
from matgrad.widgets.explorer import HomeworkExplorer, details, explorer_state, readout, show_explorer
from matgrad.widgets.loss_plot import CAPTION, SPAN

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
    ex.controls[name].value = homework.DEFAULTS[name] + 0.37
    assert ex.readout.value != before
    assert parse_readout(text_of(ex.readout.value)) == library_readout({name: homework.DEFAULTS[name] + 0.37})
    updated = homework.updated_by_name(homework.network(**{name: homework.DEFAULTS[name] + 0.37}))
    assert f"{updated[name]:8.4f}" in ex.detail.value


def test_the_plot_shows_the_curve_the_point_and_the_tangent_with_the_gradient_as_slope():
    ex = HomeworkExplorer(selected="w2_12")
    ex.controls["w3_21"].value = 1.2  # another parameter moves the curve of w2_12
    plot = ex.plot
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
    ex.controls["selected"].value = "b1_2"
    assert ex.image.value != first
    assert ex.plot.ax.get_xlabel() == "b1_2"
    assert "blue: the loss along b1_2; orange: its tangent, of slope dL/db1_2" in ex.caption.value
    assert ex.plot.curve.get_data()[0][30] == pytest.approx(1.0)


def assert_the_curve_spans_the_view(ex):
    x0, x1 = ex.plot.ax.get_xlim()
    xs, ys = ex.plot.curve.get_data()
    assert (xs[0], xs[-1]) == (pytest.approx(x0, abs=1e-12), pytest.approx(x1, abs=1e-12))
    value = ex.values[ex.selected]
    assert x0 + SPAN / 2 - 1e-9 <= value <= x1 - SPAN / 2 + 1e-9, "the value stays in the middle half"
    y0, y1 = ex.plot.ax.get_ylim()
    assert y0 <= ys.min() and ys.max() <= y1, "the curve stays inside the y-range"


def test_after_a_large_move_the_view_follows_and_the_curve_spans_it():
    ex = HomeworkExplorer()
    assert ex.plot.ax.get_xlim() == (1.0 - SPAN, 1.0 + SPAN)
    ex.controls["w3_11"].value = 3.9
    assert ex.plot.ax.get_xlim() == (pytest.approx(3.9 - SPAN), pytest.approx(3.9 + SPAN))
    assert_the_curve_spans_the_view(ex)


@pytest.mark.parametrize("name", ["w3_11", "w2_22", "b1_1"])
def test_the_curve_spans_the_view_after_any_walk(name):
    ex = HomeworkExplorer(selected=name)
    rng = np.random.default_rng(7)
    slider = ex.controls[name]
    for move in rng.integers(-120, 121, size=25):  # steps of 0.01, small and large, both ways
        slider.value = float(np.clip(round(slider.value + 0.01 * move, 2), slider.min, slider.max))
        assert_the_curve_spans_the_view(ex)
        # and the curve is the loss along that view, for the current values
        xs, ys = ex.plot.curve.get_data()
        np.testing.assert_allclose(ys, homework.loss_along(name, xs, **ex.values), rtol=1e-13)


def test_controls_are_every_slider_lr_and_the_plotted_parameter():
    ex = HomeworkExplorer()
    assert list(ex.controls) == [*NAMES, "lr", "selected"]
    assert ex.controls["lr"] is ex.lr_slider and ex.controls["selected"] is ex.choice
    assert "matgrad-widget" in ex.widget._dom_classes


def test_what_is_shown_is_what_is_computed():
    # a start the sliders cannot show is refused: lr within 0.01..1, values within +-50, all in steps of 0.01
    for make, argument, given in [(lambda: HomeworkExplorer(lr=5.0), "lr", "5"),
                                  (lambda: HomeworkExplorer(lr=0.123), "lr", "0.123"),
                                  (lambda: HomeworkExplorer(values={"w3_11": 1.005}), "w3_11", "1.005"),
                                  (lambda: HomeworkExplorer(values={"w3_11": 1000.0}), "w3_11", "1000")]:  # fmt: skip
        assert_clear_error(Case(make, ValueError, argument, given))
    ex = HomeworkExplorer(values={"w3_11": 0.25}, lr=0.5)
    assert (ex.values["w3_11"], ex.lr) == (0.25, 0.5)
    assert "after one step with lr = 0.50" in ex.detail.value
    assert parse_readout(text_of(ex.readout.value)) == library_readout({"w3_11": 0.25})


def test_the_static_twin_shows_the_numbers_and_the_picture(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    show_explorer()
    (twin,) = shown
    assert repr(twin) == readout() + "\n\n" + details() + "\n" + CAPTION.format(name="w3_11")
    (picture,) = twin.pngs
    assert picture == HomeworkExplorer().image.value  # the widget's picture at the defaults
    assert picture[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_learning_rate_changes_the_step_not_the_gradients():
    ex = HomeworkExplorer()
    before = ex.readout.value
    ex.controls["lr"].value = 0.5
    assert ex.readout.value == before
    assert "lr = 0.50" in ex.detail.value
