"""ComputationalGraphWalk: the slider and the buttons walk the backward pass; the caption
is the static twin's line for that step and the picture is the static drawing's."""

import html
import io
import re

import numpy as np
import pytest
from tests.bad_input import Case, assert_clear_error
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid
from matgrad.course import homework
from matgrad.widgets import ComputationalGraphWalk, draw_computational_graph, graph_walk_text
from matgrad.widgets.graph.picture import figure_size

CASE = (homework.network(), -1.0, 1.0, MSELoss())
STEPS = 13


def shown_text(widget):
    """What a browser shows of the caption HTML."""
    return html.unescape(re.sub(r"<[^>]+>", "", widget.caption.value))


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB")).astype(int)


@pytest.fixture(scope="module")
def built_walk():
    return ComputationalGraphWalk(*CASE)  # renders all 14 pictures: once for the module


@pytest.fixture
def walk(built_walk):
    """The homework's walk, back at step 0 (the state a new one starts in) for every test."""
    built_walk.show(0)
    assert built_walk.current == 0 and built_walk.previous_button.disabled
    return built_walk


def test_the_widget_contract(walk):
    assert walk.controls == {"step": walk.slider}
    assert (walk.slider.min, walk.slider.max, walk.slider.value) == (0, STEPS, 0)
    assert walk.slider in walk.widget.children[0].children
    assert walk.caption in walk.widget.children and walk.image in walk.widget.children
    assert callable(walk._ipython_display_)
    assert bytes(walk.image.value[:8]) == b"\x89PNG\r\n\x1a\n"


def test_setting_the_slider_changes_the_caption_and_the_image(walk):
    lines = graph_walk_text(*CASE).splitlines()
    assert shown_text(walk) == walk.caption_text == lines[0]
    before = bytes(walk.image.value)
    for step in (1, 7, 13, 2, 0):
        walk.controls["step"].value = step
        assert walk.current == step
        assert shown_text(walk) == walk.caption_text == lines[step]
        assert bytes(walk.image.value) != before
        before = bytes(walk.image.value)


def test_previous_and_next_walk_and_are_disabled_at_the_ends(walk):
    assert walk.previous_button.disabled and not walk.next_button.disabled
    for expected in range(1, STEPS + 1):
        walk.next_button.click()
        assert walk.current == expected and not walk.previous_button.disabled
    assert walk.next_button.disabled
    walk.next_button.click()  # a click on a disabled button changes nothing
    assert walk.current == STEPS
    walk.previous_button.click()
    assert walk.current == STEPS - 1 and not walk.next_button.disabled
    walk.show(0)
    assert walk.previous_button.disabled and walk.current == 0


@pytest.mark.parametrize("step", [0, 6, 13])
def test_the_image_is_the_static_drawing_of_that_step(walk, step):
    walk.show(step)
    figure = Figure(figsize=figure_size(walk.walk.graph, title=False), dpi=100)
    FigureCanvasAgg(figure)
    # without the title: the caption is printed above the picture, once
    draw_computational_graph(*CASE, figure.add_axes((0.01, 0.01, 0.98, 0.98)), step=step, title=False)
    figure.canvas.draw()
    drawn = np.asarray(figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    live = pixels(walk.image.value)
    assert live.shape == drawn.shape == (405, 900, 3)
    difference = np.abs(live - drawn)
    assert difference.max() <= 8 and difference.mean() < 0.1  # blending rounds; nothing is missing


def test_every_step_is_rendered_once_at_construction(walk):
    walk.show(5)
    first = walk.pngs[5]
    walk.show(6)
    walk.show(5)
    assert len(walk.pngs) == STEPS + 1 and walk.pngs[5] is first and bytes(walk.image.value) == first


def test_start_step_and_fmt():
    net = Network([(Linear([[1.0, -2.0]], [0.5, 0.0]), Sigmoid()), (Linear([[1.0], [1.0]]), Identity())])
    walk = ComputationalGraphWalk(net, 0.25, -1.0, HalfSSELoss(), step=7, fmt="{:.2f}")
    assert walk.current == 7 == walk.slider.max and walk.next_button.disabled
    assert shown_text(walk) == graph_walk_text(net, 0.25, -1.0, HalfSSELoss(), fmt="{:.2f}").splitlines()[7]
    assert re.search(r"= -?\d+\.\d\d$", walk.caption_text)


def test_show_refuses_steps_outside_the_walk(walk):
    assert_clear_error(Case(lambda: walk.show(14), ValueError, "step", "14"))
    assert_clear_error(Case(lambda: walk.show(2.0), TypeError, "step", "2.0"))
    assert walk.current == 0
