"""The explorer's plot: the loss along one parameter, with the tangent at the current value.

One off-screen matplotlib figure is kept for the life of the widget; each
update moves its artists and re-renders one small PNG (see :class:`LossPlot`).
The plot is a part of :class:`~matgrad.widgets.explorer.HomeworkExplorer`, which
checks what it is given and draws its own states: the plot checks nothing.

The view's x-range is ``centre +- SPAN``. The centre stays put while the
value moves within the middle half of the view (so the axes need not be
redrawn) and jumps to the value when it leaves it; the widget computes the
curve over the whole view (:meth:`LossPlot.centre_for`), so the curve always
spans the axis.

>>> plot = LossPlot()
>>> plot.centre_for("w3_11", 1.0), plot.centre_for("w3_11", 1.7)
(1.0, 1.7)
"""

import numpy as np

from matgrad.widgets._canvas import BlitCanvas

__all__ = ["CAPTION", "POINTS", "SPAN"]  # LossPlot is the explorer's part

SPAN = 1.5  # the view covers centre +- SPAN
POINTS = 61
CAPTION = "blue: the loss along {name}; orange: its tangent, of slope dL/d{name}; black: the current value"


class LossPlot:
    """One off-screen matplotlib figure; ``draw(state)`` returns it as PNG bytes.

    ``state`` is the explorer's :class:`~matgrad.widgets.explorer.ExplorerState`. The axes,
    ticks and labels are drawn only when the view must change (another
    parameter, a new centre, or the curve leaving or shrinking within the
    y-range); otherwise only the moving artists (curve, tangent, point) are
    drawn on the saved background (blitting). Text is the slowest thing to
    draw, so the picture has few ticks and no legend: :data:`CAPTION` says
    what the colours are, and the numbers are in the explorer's readout.
    """

    def __init__(self):
        from matplotlib.ticker import MaxNLocator

        self.canvas = BlitCanvas((4.8, 3.0), dpi=80)
        self.figure = self.canvas.figure
        self.figure.subplots_adjust(left=0.14, right=0.97, bottom=0.16, top=0.97)
        self.ax = self.figure.add_subplot()
        self.ax.set_ylabel("loss")
        self.ax.grid(alpha=0.3)
        for axis in (self.ax.xaxis, self.ax.yaxis):
            axis.set_major_locator(MaxNLocator(4))
        # fixed label positions: matplotlib then skips measuring every tick label
        self.ax.xaxis.set_label_coords(0.5, -0.12)
        self.ax.yaxis.set_label_coords(-0.11, 0.5)
        (self.curve,) = self.ax.plot([], [], color="tab:blue", animated=True)
        (self.tangent,) = self.ax.plot([], [], color="tab:orange", lw=2, animated=True)
        (self.point,) = self.ax.plot([], [], "o", color="black", animated=True)
        self._view = None  # (name, centre, ylim) of the drawn background

    def centre_for(self, name, value):
        """The x-centre of the view for parameter ``name`` at ``value``."""
        if self._view is not None and self._view[0] == name and abs(value - self._view[1]) <= SPAN / 2:
            return self._view[1]
        return float(value)

    def _needs_new_view(self, state, centre):
        if self._view is None or self._view[:2] != (state.selected, centre):
            return True
        y0, y1 = self._view[2]
        low, high = float(state.curve.min()), float(state.curve.max())
        return low < y0 or high > y1 or (high - low) < 0.3 * (y1 - y0)

    def _draw_background(self, state, centre):
        low, high = float(state.curve.min()), float(state.curve.max())
        pad = 0.15 * (high - low) + 1e-3
        ylim = (low - pad, high + pad)
        self.ax.set_xlim(centre - SPAN, centre + SPAN)
        self.ax.set_ylim(*ylim)
        self.ax.set_xlabel(state.selected)
        self.canvas.draw_background()
        self._view = (state.selected, centre, ylim)

    def draw(self, state):
        """Move the curve, tangent and point to ``state``; return the PNG bytes."""
        name, v = state.selected, state.values[state.selected]
        centre = state.centre
        if self._needs_new_view(state, centre):
            self._draw_background(state, centre)
        slope = state.gradients[name]
        ts = np.array([v - SPAN / 3, v + SPAN / 3])
        self.curve.set_data(state.grid, state.curve)
        self.tangent.set_data(ts, state.loss + slope * (ts - v))
        self.point.set_data([v], [state.loss])
        return self.canvas.png([self.curve, self.tangent, self.point])
