"""The plots the panels redraw: the picture is right (points, tangents, bars)
and each update moves artists on the same figure instead of drawing a new one."""

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from matgrad.layers import sigmoid
from matgrad.widgets import GradientNormPlot, SigmoidPlot

finite_z = st.floats(-8, 8, allow_nan=False)


def pixels(png):
    return Image.open(io.BytesIO(png)).size


@settings(max_examples=30, deadline=None)
@given(finite_z, finite_z, finite_z)
def test_each_pre_activation_gets_a_point_on_sigma_its_tangent_and_a_marker_on_sigma_prime(z1, z2, z3):
    plot = SigmoidPlot()
    plot.draw(z1=z1, z2=z2, z3=z3)
    for k, n in enumerate((z1, z2, z3)):
        s = float(sigmoid(np.array([n]))[0])
        (px,), (py,) = plot.points[k].get_data()
        assert (px, py) == (n, pytest.approx(s, rel=1e-12))
        (mx,), (my,) = plot.markers[k].get_data()
        assert (mx, my) == (n, pytest.approx(s * (1 - s), rel=1e-12))
        tx, ty = plot.tangents[k].get_data()
        slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
        assert slope == pytest.approx(s * (1 - s), rel=1e-9, abs=1e-12)
        assert np.interp(n, tx, ty) == pytest.approx(s, rel=1e-9, abs=1e-12)  # the tangent touches s at n


def test_the_tangent_slope_is_the_curve_slope():
    plot = SigmoidPlot(names=("z",))
    plot.draw(z=0.7)
    tx, ty = plot.tangents[0].get_data()
    h = 1e-6
    numeric = (sigmoid(np.array([0.7 + h]))[0] - sigmoid(np.array([0.7 - h]))[0]) / (2 * h)
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(numeric, rel=1e-7)


def test_sigmoid_updates_reuse_the_figure_and_keep_the_ranges():
    plot = SigmoidPlot()
    figure, artists = plot.figure, len(plot.ax.get_children())
    first = plot.draw(z1=-2.0, z2=0.0, z3=3.0)
    second = plot.draw(z1=-1.0, z2=0.5, z3=7.5)
    assert first != second and pixels(first) == pixels(second) == (480, 240)
    assert plot.figure is figure and len(plot.ax.get_children()) == artists
    assert plot.ax.get_ylim() == (-0.2, 1.2) and plot.ax.get_xlim() == (-8.0, 8.0)
    assert plot.draw(z1=-2.0, z2=0.0, z3=3.0) == first  # the same values give the same picture


def layer_gradients(a=1.0, b=1.0):
    return [np.array([[3.0 * a, 4.0 * a]]), np.full((2, 2), b), np.array([[0.5]])]


def test_bars_are_the_frobenius_norms():
    plot = GradientNormPlot(layer_gradients)
    plot.draw(a=2.0, b=-0.5)
    heights = [bar.get_height() for bar in plot.bars]
    expected = [float(np.linalg.norm(g)) for g in layer_gradients(2.0, -0.5)]
    assert heights == pytest.approx(expected, rel=1e-15)
    assert plot.norms == pytest.approx((10.0, 1.0, 0.5))
    assert [t.get_text() for t in plot.values_text] == ["10.0000", "1.0000", "0.5000"]
    assert [t.get_text() for t in plot.ax.get_xticklabels()] == ["W_0", "W_1", "W_2"]


def test_the_y_axis_is_rescaled_only_when_needed():
    plot = GradientNormPlot(layer_gradients)
    figure = plot.figure
    plot.draw(a=1.0)  # tallest bar 5
    top = plot.ax.get_ylim()[1]
    assert top == pytest.approx(6.5)
    plot.draw(a=1.2)  # 6 still fits
    assert plot.ax.get_ylim()[1] == top
    plot.draw(a=0.3)  # 1.5 is still more than a fifth of the axis
    assert plot.ax.get_ylim()[1] == top
    plot.draw(a=2.0)  # 10 leaves the axis
    assert plot.ax.get_ylim()[1] == pytest.approx(13.0)
    plot.draw(a=0.1)  # the tallest is now W_1's 2.0, less than a fifth of 13: shrink
    assert plot.ax.get_ylim()[1] == pytest.approx(2.6)
    assert plot.figure is figure and len(plot.bars) == 3 and len(plot.ax.patches) == 3


def test_all_zero_gradients_draw_without_error():
    plot = GradientNormPlot(lambda: [np.zeros((2, 2)), np.zeros(3)])
    png = plot.draw()
    assert png[:4] == b"\x89PNG" and plot.norms == (0.0, 0.0)
