"""Walk the backward pass of a computational graph edge by edge: a slider, two buttons, a picture.

:class:`ComputationalGraphWalk` is a thin panel over tested pieces: the walk
(:func:`~matgrad.widgets.graph.walk.backward_walk`), its captions (which the
static twin :func:`~matgrad.widgets.graph.walk.graph_walk_text` prints) and the
drawing (:class:`~matgrad.widgets.graph.picture.GraphPicture`).

Every step's picture is rendered once, at construction, on one off-screen
figure (about 1.5 s for the worked homework), so a step change only swaps the
caption, the PNG bytes and the buttons' state: a few milliseconds, whatever
the machine is busy with. The caption is printed above the picture, so the
picture leaves out its title.

>>> from matgrad import MSELoss
>>> from matgrad.course.homework import network
>>> from matgrad.widgets.graph.walk import graph_walk_text
>>> walk = ComputationalGraphWalk(network(), -1.0, 1.0, MSELoss())
>>> walk.controls["step"].value = 3
>>> walk.caption_text == graph_walk_text(network(), -1.0, 1.0, MSELoss()).splitlines()[3]
True
>>> walk.next_button.disabled, bytes(walk.image.value[:4])
(False, b'\\x89PNG')
"""

import html
import io
import textwrap

import numpy as np

from matgrad import _validate
from matgrad.widgets.drawing import number_format
from matgrad.widgets.graph.picture import GraphPicture, checked_step, drawable, figure_size
from matgrad.widgets.graph.walk import backward_walk
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["ComputationalGraphWalk", "show_graph_walk"]


def _untitled_picture(walk, fmt):
    """The walk drawn on a new off-screen figure of ``figure_size(graph, title=False)``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figure_size(walk.graph, title=False), dpi=100)
    FigureCanvasAgg(figure)
    return GraphPicture(walk, figure.add_axes((0.01, 0.01, 0.98, 0.98)), fmt, title=False)


def _png(picture, step):
    """The picture at ``step`` as PNG bytes."""
    from PIL import Image

    picture.show(step)
    canvas = picture.ax.figure.canvas
    canvas.draw()
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(canvas.buffer_rgba())[:, :, :3]).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


class ComputationalGraphWalk:
    """The backward walk of ``net`` on one sample ``(x, y)``, one edge per step.

    Parameters are those of :func:`~matgrad.widgets.graph.picture.draw_computational_graph`;
    ``step`` is the step shown first (0, the forward view, by default).

    Attributes: ``widget`` (the panel), ``controls`` (``{"step": IntSlider}``:
    setting its value updates the panel at once), ``previous_button``,
    ``next_button``, ``caption`` (HTML), ``image`` (the PNG), ``captions``
    (every step's text), ``pngs`` (every step's picture) and ``walk`` (the numbers).
    """

    def __init__(self, net, x, y, loss, *, step=0, fmt="{:.3f}"):
        import ipywidgets as widgets

        fmt = number_format(fmt)
        self.walk = drawable(backward_walk(net, x, y, loss))
        total = len(self.walk.steps)
        step = checked_step(step, total)
        picture = _untitled_picture(self.walk, fmt)
        self.captions = picture.captions
        self.pngs = tuple(_png(picture, k) for k in range(total + 1))
        width = int(picture.ax.figure.get_figwidth() * 100)
        self.slider = widgets.IntSlider(value=step, min=0, max=total, description="step",
                                        continuous_update=True, layout={"width": "420px"})  # fmt: skip
        self.previous_button = widgets.Button(description="◀ Previous", layout={"width": "120px"})
        self.next_button = widgets.Button(description="Next ▶", layout={"width": "120px"})
        self.caption = widgets.HTML()
        self.caption.add_class("matgrad-graph-caption")
        # no side margins: at width 100% the widgets' default 2 px margins would stick out of the cell
        self.image = widgets.Image(format="png", layout={"width": "100%", "max_width": f"{width}px",
                                                         "margin": "2px 0"})  # fmt: skip
        self.controls = {"step": self.slider}
        self.previous_button.on_click(lambda _: self.show(max(self.current - 1, 0)))
        self.next_button.on_click(lambda _: self.show(min(self.current + 1, total)))
        self.slider.observe(lambda change: self._update(change["new"]), names="value")
        buttons = widgets.HBox([self.previous_button, self.slider, self.next_button])
        self.widget = widgets.VBox([buttons, self.caption, self.image], layout={"max_width": f"{width + 20}px"})
        self.widget.add_class("matgrad-widget")  # the browser test's geometry check looks inside it
        self._update(step)

    @property
    def current(self):
        """The step shown (0 = the forward view)."""
        return self.slider.value

    @property
    def caption_text(self):
        """The caption as plain text (what the static twin prints for this step)."""
        return self.captions[self.current]

    def show(self, step):
        """Go to ``step`` (0..number of edges), as the slider and the buttons do."""
        step = checked_step(step, len(self.walk.steps))
        if step == self.slider.value:
            self._update(step)
        else:
            self.slider.value = step  # the observer updates the panel

    def _update(self, step):
        caption = html.escape(self.captions[step])
        self.caption.value = f"<div style='white-space:normal;margin:2px 0;line-height:1.45'>{caption}</div>"
        self.image.value = self.pngs[step]
        self.previous_button.disabled = step == 0
        self.next_button.disabled = step == len(self.walk.steps)

    def _ipython_display_(self):
        display_widget(self.widget, "The backward walk, step by step")


def show_graph_walk(net, x, y, loss, *, fmt="{:.3f}", width=90):
    """The static twin of :class:`ComputationalGraphWalk`: every step's caption (wrapped at
    ``width`` characters) and the graph after the last step (without a title: the last caption
    is right above it), as one :class:`StaticView`."""
    from IPython.display import display

    fmt = number_format(fmt)
    width = _validate.integer(width, "width", low=40)
    walk = drawable(backward_walk(net, x, y, loss))
    picture = _untitled_picture(walk, fmt)
    lines = [textwrap.fill(caption, width, subsequent_indent="    ") for caption in picture.captions]
    display(StaticView("\n".join(lines), pngs=[_png(picture, len(walk.steps))]))
