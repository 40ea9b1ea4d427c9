"""One off-screen matplotlib figure, redrawn by blitting and returned as PNG bytes.

The plots of the widgets keep one :class:`BlitCanvas` for their whole life:
the static part (axes, ticks, labels, fixed curves) is drawn once into a
saved background; each update restores that background, draws only the
moving artists (created with ``animated=True``) and encodes the pixels.

>>> canvas = BlitCanvas((2.0, 1.0), dpi=50)
>>> ax = canvas.figure.add_subplot()
>>> (line,) = ax.plot([0, 1], [0, 1], animated=True)
>>> png = canvas.png([line])
>>> png[:8] == PNG_SIGNATURE, canvas.pixel_size
(True, (100, 50))
"""

import io

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class BlitCanvas:
    """A Figure on FigureCanvasAgg; ``png(artists)`` blits ``artists`` on the saved background."""

    def __init__(self, figsize, dpi=80):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=figsize, dpi=dpi)
        self.canvas = FigureCanvasAgg(self.figure)
        self.background = None

    @property
    def pixel_size(self):
        """``(width, height)`` of the PNG in pixels."""
        width, height = self.canvas.get_width_height()
        return width, height

    def draw_background(self):
        """Draw everything that is not animated and keep it (after the axes changed)."""
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)

    def png(self, artists):
        """The figure as PNG bytes: the background plus ``artists`` drawn on it."""
        from PIL import Image

        if self.background is None:
            self.draw_background()
        self.canvas.restore_region(self.background)
        for artist in artists:
            self.figure.draw_artist(artist)
        rgb = np.asarray(self.canvas.buffer_rgba())[:, :, :3]
        buffer = io.BytesIO()
        Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()
