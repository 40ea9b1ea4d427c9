"""Plots that a :class:`~matgrad.widgets.panel.SliderPanel` redraws in place.

Each plot owns one off-screen figure made at construction; ``draw(**values)``
moves its artists to the slider values and returns the figure as PNG bytes
(the panel puts them into an ``Image`` widget; the static twin displays them).

* :class:`SigmoidPlot` -- σ(z) and σ'(z), and for each pre-activation z_k the
  point (z_k, σ(z_k)) with its tangent of slope σ'(z_k) and the marker
  (z_k, σ'(z_k)) on the derivative curve.
* :class:`GradientNormPlot` -- one bar per layer: the Frobenius norm of
  dLoss/dW_i, from a function the notebook gives.

>>> plot = SigmoidPlot()
>>> plot.draw(z1=-2.0, z2=0.0, z3=3.0)[:8] == PNG_SIGNATURE
True
>>> [round(float(y), 4) for y in plot.points[2].get_ydata()]   # s(3)
[0.9526]
"""

import numpy as np

from matgrad import _validate
from matgrad.layers import sigmoid
from matgrad.widgets._canvas import PNG_SIGNATURE, BlitCanvas

__all__ = ["GradientNormPlot", "SigmoidPlot"]

TANGENT_HALF_WIDTH = 1.5  # each tangent is drawn over n_k +- this


def _value(values, name):
    if name not in values:
        raise ValueError(f"draw needs a value for {name!r}; got values for {sorted(values)}")
    return _validate.real(values[name], name)


def _names(names):
    if isinstance(names, str) or not isinstance(names, (tuple, list)):
        raise TypeError(f"names must be a tuple of parameter names; got {_validate.shown(names)}")
    if not 1 <= len(names) <= 6 or not all(isinstance(n, str) and n.isidentifier() for n in names):
        raise ValueError(f"names must be 1 to 6 distinct identifiers; got {_validate.shown(names)}")
    if len(set(names)) != len(names):
        raise ValueError(f"names must be distinct; got {_validate.shown(names)}")
    return tuple(names)


class SigmoidPlot:
    """σ(z), σ'(z) (drawn once) and, per pre-activation, a tangent on σ and a marker on σ'.

    ``names`` are the keywords of ``draw`` that hold n_1, n_2, ... The y-range
    is fixed (-0.2 to 1.2), the z-range is ``z_range``. Moving artists per
    z_k: ``tangents[k]``, ``points[k]`` (on σ), ``markers[k]`` (on σ'); the
    legend (drawn once) names each n_k by its colour. The numbers belong in
    the panel's text, not on the picture (text is the slowest thing to draw).

    >>> plot = SigmoidPlot(names=("a",))
    >>> _ = plot.draw(a=0.0)
    >>> plot.tangents[0].get_data()
    (array([-1.5,  1.5]), array([0.125, 0.875]))
    """

    def __init__(self, names=("z1", "z2", "z3"), z_range=(-8.0, 8.0)):
        self.names = _names(names)
        low, high = _range(z_range)
        self.canvas = BlitCanvas((6.0, 3.0), dpi=80)
        self.figure = self.canvas.figure
        self.figure.subplots_adjust(left=0.09, right=0.98, bottom=0.15, top=0.97)
        self.ax = ax = self.figure.add_subplot()
        z = np.linspace(low, high, 401)
        s = sigmoid(z)
        ax.plot(z, s, color="C0", label="σ(z)")
        ax.plot(z, s * (1 - s), color="C1", label="σ'(z) = σ(z)(1 - σ(z))")
        ax.set_xlim(low, high)
        ax.set_ylim(-0.2, 1.2)
        ax.set_xlabel("z")
        ax.grid(alpha=0.3)
        self.tangents, self.points, self.markers = [], [], []
        for k, name in enumerate(self.names):
            color = f"C{k + 2}"
            ax.plot([], [], "o-", color=color, label=f"{name}: point and tangent on σ, marker on σ'")
            self.tangents += ax.plot([], [], color=color, lw=1.5, animated=True)
            self.points += ax.plot([], [], "o", color=color, animated=True)
            self.markers += ax.plot([], [], "s", color=color, animated=True)
        ax.legend(loc="upper left", fontsize=8)

    def draw(self, **values):
        """Move every n_k to ``values[name_k]``; return the figure as PNG bytes."""
        moving = []
        for k, name in enumerate(self.names):
            n = _value(values, name)
            s = float(sigmoid(np.array([n]))[0])
            slope = s * (1 - s)
            zz = np.array([n - TANGENT_HALF_WIDTH, n + TANGENT_HALF_WIDTH])
            self.tangents[k].set_data(zz, s + slope * (zz - n))
            self.points[k].set_data([n], [s])
            self.markers[k].set_data([n], [slope])
            moving += [self.tangents[k], self.points[k], self.markers[k]]
        return self.canvas.png(moving)


def _range(z_range):
    if not isinstance(z_range, (tuple, list, np.ndarray)) or len(z_range) != 2:
        raise TypeError(f"z_range must be two numbers (low, high); got {_validate.shown(z_range)}")
    low, high = (_validate.real(v, f"z_range ({side})") for v, side in zip(z_range, ("low", "high")))
    if not (low < high and high - low <= 1000):
        raise ValueError(f"z_range must have low < high (at most 1000 apart); got {_validate.shown(z_range)}")
    return low, high


class GradientNormPlot:
    """One bar per layer: ||dLoss/dW_i||_F for the gradients ``gradients(**values)`` returns.

    ``gradients`` is the notebook's function of the slider values returning
    one array per layer. Bar heights move on every draw; the y-axis is
    rescaled only when the tallest bar leaves it or shrinks below a fifth of it.

    >>> plot = GradientNormPlot(lambda a=1.0: [np.array([[3.0, 4.0]]), np.eye(2) * a])
    >>> _ = plot.draw(a=1.0)
    >>> [round(n, 4) for n in plot.norms], [t.get_text() for t in plot.ax.get_xticklabels()]
    ([5.0, 1.4142], ['W_0', 'W_1'])
    """

    def __init__(self, gradients, title="size of dLoss/dW_i per layer"):
        if not callable(gradients):
            raise TypeError(f"gradients must be a function of the slider values returning arrays; "
                            f"got {_validate.shown(gradients)}")  # fmt: skip
        if not isinstance(title, str):
            raise TypeError(f"title must be a string; got {_validate.shown(title)}")
        self.gradients = gradients
        self.canvas = BlitCanvas((4.8, 2.8), dpi=80)
        self.figure = self.canvas.figure
        self.figure.subplots_adjust(left=0.16, right=0.97, bottom=0.12, top=0.88)
        self.ax = self.figure.add_subplot()
        self.ax.set_ylabel("Frobenius norm")
        self.ax.set_title(title, fontsize=10)
        self.bars, self.values_text, self.norms = [], [], ()

    def _norms(self, values):
        grads = self.gradients(**values)
        if isinstance(grads, np.ndarray) or not isinstance(grads, (list, tuple)) or not grads:
            raise TypeError(f"gradients must return a non-empty list of arrays; got {_validate.shown(grads)}")
        if self.bars and len(grads) != len(self.bars):
            raise ValueError(f"gradients must return {len(self.bars)} arrays every time; got {len(grads)}")
        arrays = [_validate.array(g, f"gradients(...)[{i}]", ndims=None, allow_empty=True) for i, g in enumerate(grads)]
        largest = max(float(np.abs(a).max(initial=0.0)) for a in arrays)
        return _validate.without_overflow(lambda: tuple(float(np.linalg.norm(a)) for a in arrays),
                                          "the norm of a gradient", f"the arrays gradients returns (largest "
                                          f"entry {largest:.3g})")  # fmt: skip

    def _rescale(self, tallest):
        top = self.ax.get_ylim()[1]
        if self.canvas.background is not None and tallest <= top and (tallest >= top / 5 or top <= 1e-9):
            return
        self.ax.set_ylim(0, max(1.3 * tallest, 1e-9))
        self.canvas.draw_background()

    def draw(self, **values):
        """Set each bar to the norm of its layer's gradient; return the figure as PNG bytes."""
        norms = self._norms(values)
        if not self.bars:
            names = [f"W_{i}" for i in range(len(norms))]
            self.bars = list(self.ax.bar(names, norms, color=[f"C{i}" for i in range(len(norms))], animated=True))
            self.values_text = [self.ax.text(i, 0, "", ha="center", va="bottom", fontsize=9, animated=True)
                                for i in range(len(norms))]  # fmt: skip
        self._rescale(max(norms))
        for bar, text, norm in zip(self.bars, self.values_text, norms):
            bar.set_height(norm)
            text.set_position((bar.get_x() + bar.get_width() / 2, norm))
            text.set_text(f"{norm:.4f}")
        self.norms = norms
        return self.canvas.png([*self.bars, *self.values_text])
