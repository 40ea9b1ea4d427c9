"""SliderPanel: sliders over a plain view function; the text and the plot are
updated in place, synchronously, and the static twin shows the default state."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matgrad.widgets import GradientNormPlot, SigmoidPlot, SliderPanel, format_matrix, format_vector, show_static
from matgrad.widgets.twin import StaticView


def layer_readout(w11=1.0, w12=2.0, x1=9.0, x2=10.0):
    """A view like notebook 01's: y = W x for a 1x2 W (text only)."""
    W = np.array([[w11, w12]])
    x = np.array([x1, x2])
    return f"W =\n{format_matrix(W)}\nx = {format_vector(x)}\ny = W x = {format_vector(W @ x)}"


def sigmoid_readout(n1=-2.0, n2=0.0, n3=3.0):
    s = 1 / (1 + np.exp(-np.array([n1, n2, n3])))
    return f"s(N) = {format_vector(s)}"


SPECS = {"w11": (-12, 12, 0.5), "w12": (-12, 12, 0.5), "x1": (-12, 12, 0.5), "x2": (-12, 12, 0.5)}


def test_the_default_text_is_the_view_at_its_defaults():
    panel = SliderPanel(layer_readout, **SPECS)
    assert panel.text == layer_readout()
    assert panel.values == {"w11": 1.0, "w12": 2.0, "x1": 9.0, "x2": 10.0}
    assert "<pre>" in panel.output.value and "matgrad-output" in panel.output._dom_classes
    assert panel.image is None


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(SPECS)), st.integers(-24, 24))
def test_setting_a_control_updates_the_text_before_returning(name, ticks):
    panel = SliderPanel(layer_readout, **SPECS)
    panel.controls[name].value = ticks * 0.5
    expected = layer_readout(**{**panel.values, name: ticks * 0.5})
    assert panel.text == expected


def test_text_is_escaped_in_the_html_and_read_back_unchanged():
    def view(a=1.0):
        return f"a < b & c > {a}"

    panel = SliderPanel(view, a=(0, 2, 1.0))
    assert "a &lt; b &amp; c &gt; 1.0" in panel.output.value
    assert panel.text == "a < b & c > 1.0"


def test_the_text_does_not_depend_on_numpy_print_options():
    panel = SliderPanel(layer_readout, **SPECS)
    with np.printoptions(precision=8, suppress=False):
        panel.controls["w11"].value = 1.5
        inside = panel.text
    assert "[[1.5 2. ]]" in inside
    assert inside == layer_readout(w11=1.5)


def test_a_plot_is_redrawn_on_its_one_figure():
    plot = SigmoidPlot(names=("n1", "n2", "n3"))
    panel = SliderPanel(sigmoid_readout, plot=plot, n1=(-8, 8, 0.1), n2=(-8, 8, 0.1), n3=(-8, 8, 0.1))
    figure, lines = plot.figure, len(plot.ax.lines)
    first = panel.image.value
    assert first == SigmoidPlot(names=("n1", "n2", "n3")).draw(n1=-2.0, n2=0.0, n3=3.0)  # the default picture
    panel.controls["n2"].value = 1.0
    assert panel.image.value != first
    assert panel.image.value == SigmoidPlot(names=("n1", "n2", "n3")).draw(n1=-2.0, n2=1.0, n3=3.0)
    assert plot.figure is figure and len(plot.ax.lines) == lines
    assert plot.points[1].get_xdata()[0] == 1.0


def test_labels_describe_sliders_and_int_and_dropdown_controls():
    def view(x1=9.0, k=2, mode="sum"):
        return f"{x1} {k} {mode}"

    panel = SliderPanel(view, labels={"x1": "dL/dy1"}, x1=(9.0, -12, 12, 0.5), k=(1, 5, 1), mode=["sum", "mean"])
    kinds = {n: type(c).__name__ for n, c in panel.controls.items()}
    assert kinds == {"x1": "FloatSlider", "k": "IntSlider", "mode": "Dropdown"}
    assert panel.controls["x1"].description == "dL/dy1"
    assert panel.controls["x1"].readout_format == ".1f"
    panel.controls["mode"].value = "mean"
    panel.controls["k"].value = 4
    assert panel.text == "9.0 4 mean"


def test_a_view_that_fails_for_some_values_shows_the_error_in_place():
    def view(x=1.0):
        if x == 0:
            raise ValueError("x must not be zero")
        return f"1/x = {1 / x:.4f}"

    panel = SliderPanel(view, x=(-2, 2, 1.0))
    panel.controls["x"].value = 0.0
    assert panel.text == "ValueError: x must not be zero"
    panel.controls["x"].value = 2.0
    assert panel.text == "1/x = 0.5000"


def test_the_static_twin_shows_the_default_text_and_the_default_picture(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    grads = lambda a=1.0: [np.eye(2) * a, np.ones((2, 1))]  # noqa: E731

    def view(a=1.0):
        return f"a = {a:.2f}"

    show_static(view, GradientNormPlot(grads))
    (twin,) = shown  # one display: text (plain, what nbval compares) and picture together
    assert isinstance(twin, StaticView) and repr(twin) == "a = 1.00"
    panel = SliderPanel(view, plot=GradientNormPlot(grads), a=(0, 2, 0.5))
    assert twin.pngs == (panel.image.value,)


def test_displaying_the_panel_displays_its_widget(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    panel = SliderPanel(layer_readout, **SPECS)
    panel._ipython_display_()
    ((bundle, raw),) = shown
    assert raw and bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == panel.widget.model_id
    assert bundle["text/plain"].startswith("A slider panel: an interactive widget")
    assert "matgrad-widget" in panel.widget._dom_classes
