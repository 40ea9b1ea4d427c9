"""Walk the backward pass of a computational graph edge by edge: a slider, two buttons, a picture.

:class:`ComputationalGraphWalk` is a thin panel over tested pieces: the
walk (:func:`~matgrad.widgets.graph_walk.backward_walk`), its captions
(:func:`~matgrad.widgets.graph_walk.walk_captions`, which the static twin
:func:`~matgrad.widgets.graph_walk.graph_walk_text` prints) and the drawing
(:class:`~matgrad.widgets.graph_drawing.GraphPicture`).

The figure is built once, off screen, and every step's picture is made at
construction (about 1 s for the worked homework, see :class:`StepImages`),
so a step change only swaps the caption, the PNG bytes and the buttons'
state: a few milliseconds, whatever the machine is busy with. The caption is
printed above the picture, so the picture leaves out its title.

>>> from matgrad import MSELoss
>>> from matgrad.course.homework import network
>>> from matgrad.widgets.graph_walk import graph_walk_text
>>> walk = ComputationalGraphWalk(network(), -1.0, 1.0, MSELoss())
>>> walk.controls["step"].value = 3
>>> walk.caption_text == graph_walk_text(network(), -1.0, 1.0, MSELoss()).splitlines()[3]
True
>>> walk.next_button.disabled, bytes(walk.image.value[:4])
(False, b'\\x89PNG')
"""

import html
import io

import numpy as np
from matplotlib.colors import to_hex

from matgrad.widgets.drawing import check_format
from matgrad.widgets.graph_drawing import GraphPicture, check_drawable, check_step, figure_size
from matgrad.widgets.graph_walk import backward_walk, walk_captions
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["ComputationalGraphWalk", "show_graph_walk"]


def untitled_axes(graph):
    """Axes on a new off-screen figure of ``figure_size(graph, title=False)``, as the walk draws
    them (the caption is printed above the picture); ``ax.figure.canvas`` renders it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figure_size(graph, title=False), dpi=100)
    FigureCanvasAgg(figure)
    return figure.add_axes((0.01, 0.01, 0.98, 0.98))


class StepImages:
    """One off-screen figure of ``walk``; ``png(step)`` returns that step's picture as PNG bytes.

    Drawing text is what costs (about 3 ms per label), so each step-dependent
    artist is rendered alone, once per look (text and colour), into a small
    transparent sprite; a step is then the static background with its visible
    sprites blended over it in drawing order -- the same pixels as drawing
    them -- encoded as PNG (about 12 ms a step). All of it happens here, once.
    """

    def __init__(self, walk, fmt):
        ax = untitled_axes(walk.graph)
        self.figure, self.canvas = ax.figure, ax.figure.canvas
        self.picture = GraphPicture(walk, ax, fmt, animated=True, title=False)  # the caption is above it
        self.canvas.draw()  # everything but the animated (step-dependent) artists
        self.background = np.asarray(self.canvas.buffer_rgba())[:, :, :3].astype(np.float32)
        self._sprites = {}
        self._png = tuple(self._render(step) for step in range(len(walk.steps) + 1))

    def _sprite(self, index, artist):
        """``(row, column, rgba)``: ``artist`` drawn alone, cropped to its pixels."""
        look = (index, getattr(artist, "get_text", lambda: None)(), to_hex(_colour(artist), keep_alpha=True))
        if look not in self._sprites:
            renderer = self.canvas.get_renderer()
            renderer.clear()  # transparent
            self.picture.ax.draw_artist(artist)
            rgba = np.asarray(self.canvas.buffer_rgba())
            rows, cols = np.flatnonzero(rgba[:, :, 3].any(axis=1)), np.flatnonzero(rgba[:, :, 3].any(axis=0))
            if rows.size == 0:
                self._sprites[look] = None
            else:
                r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
                self._sprites[look] = (r0, c0, rgba[r0:r1, c0:c1].astype(np.float32) / 255.0)
        return self._sprites[look]

    def png(self, step):
        """The picture at ``step`` (0..number of edges) as PNG bytes."""
        return self._png[step]

    def _render(self, step):
        from PIL import Image

        self.picture.show(step)
        image = self.background.copy()
        for index, artist in enumerate(self.picture.layered):
            sprite = self._sprite(index, artist) if artist.get_visible() else None
            if sprite is not None:
                r0, c0, rgba = sprite
                region = image[r0:r0 + rgba.shape[0], c0:c0 + rgba.shape[1]]
                alpha = rgba[:, :, 3:]
                region[...] = rgba[:, :, :3] * 255.0 * alpha + region * (1.0 - alpha)
        buffer = io.BytesIO()
        Image.fromarray(np.rint(image).astype(np.uint8)).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def _colour(artist):
    return artist.get_color() if hasattr(artist, "get_text") else artist.get_edgecolor()


class ComputationalGraphWalk:
    """The backward walk of ``net`` on one sample ``(x, y)``, one edge per step.

    Parameters are those of :func:`~matgrad.widgets.graph_drawing.draw_computational_graph`;
    ``step`` is the step shown first (0, the forward view, by default).

    Attributes: ``widget`` (the panel), ``controls`` (``{"step": IntSlider}``:
    setting its value updates the panel at once), ``previous_button``,
    ``next_button``, ``caption`` (HTML), ``image`` (the PNG), ``captions``
    (every step's text) and ``walk`` (the numbers).
    """

    def __init__(self, net, x, y, loss, *, step=0, fmt="{:.3f}"):
        import ipywidgets as widgets

        fmt = check_format(fmt)
        self.walk = backward_walk(net, x, y, loss)
        check_drawable(self.walk)
        total = len(self.walk.steps)
        step = check_step(step, total)
        self.captions = walk_captions(self.walk, fmt)
        self.images = StepImages(self.walk, fmt)
        width = int(self.images.figure.get_figwidth() * 100)
        self.slider = widgets.IntSlider(value=step, min=0, max=total, description="step",
                                        continuous_update=True, layout={"width": "420px"})  # fmt: skip
        self.previous_button = widgets.Button(description="◀ Previous", layout={"width": "120px"})
        self.next_button = widgets.Button(description="Next ▶", layout={"width": "120px"})
        self.caption = widgets.HTML()
        self.caption.add_class("matgrad-graph-caption")
        # no side margins: at width 100% the widgets' default 2 px margins would stick out of the cell
        self.image = widgets.Image(format="png", layout={"width": "100%", "max_width": f"{width}px",
                                                         "margin": "2px 0"})
        self.controls = {"step": self.slider}
        self.previous_button.on_click(lambda _: self.show(max(self.current - 1, 0)))
        self.next_button.on_click(lambda _: self.show(min(self.current + 1, total)))
        self.slider.observe(lambda change: self._update(change["new"]), names="value")
        buttons = widgets.HBox([self.previous_button, self.slider, self.next_button])
        self.widget = widgets.VBox([buttons, self.caption, self.image],
                                   layout={"max_width": f"{width + 20}px"})  # fmt: skip
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
        step = check_step(step, len(self.walk.steps))
        if step == self.slider.value:
            self._update(step)
        else:
            self.slider.value = step  # the observer updates the panel

    def _update(self, step):
        self.caption.value = f"<div style='white-space:normal;margin:2px 0;line-height:1.45'>{html.escape(self.captions[step])}</div>"
        self.image.value = self.images.png(step)
        self.previous_button.disabled = step == 0
        self.next_button.disabled = step == len(self.walk.steps)

    def _ipython_display_(self):
        display_widget(self.widget, "The backward walk, step by step")


def show_graph_walk(net, x, y, loss, *, fmt="{:.3f}", width=90):
    """The static twin of :class:`ComputationalGraphWalk`: every step's caption (wrapped at
    ``width`` characters) and the graph after the last step (without a title: the last caption
    is right above it), as one :class:`StaticView`."""
    import textwrap

    from IPython.display import display

    fmt = check_format(fmt)
    if isinstance(width, bool) or not isinstance(width, int) or width < 40:
        raise ValueError(f"width must be an int of at least 40 (characters); got {width!r}")
    walk = backward_walk(net, x, y, loss)
    check_drawable(walk)
    lines = [textwrap.fill(c, width, subsequent_indent="    ") for c in walk_captions(walk, fmt)]
    ax = untitled_axes(walk.graph)
    GraphPicture(walk, ax, fmt, title=False).show(len(walk.steps))  # the walk computed above, drawn
    buffer = io.BytesIO()
    ax.figure.canvas.print_png(buffer)
    display(StaticView("\n".join(lines), pngs=[buffer.getvalue()]))
