"""The explorer's plot: the loss along one parameter, with the tangent at the current value.

One off-screen matplotlib figure is kept for the life of the widget; each
update moves its artists and re-renders one small PNG (see :class:`LossPlot`).
"""

import io

import numpy as np

SPAN = 1.5  # the loss curve covers value +- SPAN
POINTS = 61


class LossPlot:
    """One off-screen matplotlib figure; ``draw(state)`` returns it as PNG bytes.

    The axes, ticks and labels are drawn only when the view must change (a
    new parameter is selected, or the curve leaves the view); otherwise the
    saved background is restored and only the moving artists (curve,
    tangent, point, slope label) are drawn on it (blitting).
    """

    def __init__(self):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(4.8, 3.0), dpi=80)
        self.figure.subplots_adjust(left=0.14, right=0.97, bottom=0.16, top=0.9)
        self.canvas = FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_subplot()
        self.ax.set_ylabel("loss")
        self.ax.grid(alpha=0.3)
        (self.curve,) = self.ax.plot([], [], color="tab:blue", animated=True)
        (self.tangent,) = self.ax.plot([], [], color="tab:orange", lw=2, animated=True)
        (self.point,) = self.ax.plot([], [], "o", color="black", animated=True)
        self.label = self.ax.text(0.03, 0.93, "", transform=self.ax.transAxes, va="top", animated=True)
        self.view = None  # (name, xlim, ylim) of the drawn background
        self.background = None

    def _needs_new_view(self, state):
        if self.view is None or self.view[0] != state.selected:
            return True
        _, (x0, x1), (y0, y1) = self.view
        v = state.values[state.selected]
        inside = (state.grid >= x0) & (state.grid <= x1)
        low, high = float(state.curve[inside].min()), float(state.curve[inside].max())
        off_centre = abs(v - (x0 + x1) / 2) > SPAN / 2
        return off_centre or low < y0 or high > y1 or (high - low) < 0.3 * (y1 - y0)

    def _draw_background(self, state):
        v = state.values[state.selected]
        low, high = float(state.curve.min()), float(state.curve.max())
        pad = 0.15 * (high - low) + 1e-3
        xlim, ylim = (v - SPAN, v + SPAN), (low - pad, high + pad)
        self.ax.set_xlim(*xlim)
        self.ax.set_ylim(*ylim)
        self.ax.set_xlabel(state.selected)
        self.ax.set_title(f"loss along {state.selected}, tangent of slope dL/d{state.selected}", fontsize=10)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        self.view = (state.selected, xlim, ylim)

    def draw(self, state):
        from PIL import Image

        if self._needs_new_view(state):
            self._draw_background(state)
        name, v = state.selected, state.values[state.selected]
        slope = state.gradients[name]
        ts = np.array([v - SPAN / 3, v + SPAN / 3])
        self.curve.set_data(state.grid, state.curve)
        self.tangent.set_data(ts, state.loss + slope * (ts - v))
        self.point.set_data([v], [state.loss])
        self.label.set_text(f"loss = {state.loss:.4f}\ndL/d{name} = {slope:.4f}")
        self.canvas.restore_region(self.background)
        for artist in (self.curve, self.tangent, self.point, self.label):
            self.ax.draw_artist(artist)
        buffer = io.BytesIO()
        rgba = np.asarray(self.canvas.buffer_rgba())
        Image.fromarray(rgba).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()
