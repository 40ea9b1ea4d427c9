"""Sliders for every parameter of the worked homework, with live numbers.

:func:`explorer_state` is the plain, tested computation: loss, every
gradient, the forward values, the parameters after one gradient-descent
step, and the loss curve along one parameter with its tangent.
:func:`readout` formats it as text; a notebook prints ``readout()`` beside
the widget so the default numbers read without a kernel.

:class:`HomeworkExplorer` is the thin widget over it: one slider per
parameter (described by its name, step 0.01) and one for the learning rate
``lr``; moving any of them recomputes the state, rewrites the readout (an
HTML widget with CSS class ``matgrad-readout``, one ``name = value`` line per
number) and redraws the plot by moving the existing matplotlib artists and
re-rendering one small PNG.

>>> state = explorer_state()
>>> print(readout(state).splitlines()[0])
loss = 15.628558
>>> ex = HomeworkExplorer()
>>> ex.sliders["w3_11"].value = 1.01
>>> ex.readout.value == readout_html(explorer_state(ex.values, ex.lr, ex.selected))
True
"""

from typing import NamedTuple

import numpy as np

from matgrad.course import homework
from matgrad.widgets.loss_plot import POINTS, SPAN, LossPlot



class ExplorerState(NamedTuple):
    """Everything the explorer shows for one setting of the sliders."""

    values: dict  # name -> value, in homework.PARAMETER_NAMES order
    lr: float
    selected: str  # the parameter along which the loss is plotted
    loss: float
    gradients: dict  # name -> dL/dname
    forward: dict  # homework.forward_values(...)
    updated: dict  # name -> value after one gradient-descent step with rate lr
    updated_loss: float
    grid: np.ndarray  # (POINTS,) values of the selected parameter
    curve: np.ndarray  # (POINTS,) the loss along the grid


def explorer_state(values=None, lr=homework.LEARNING_RATE, selected="w3_11"):
    """Compute what the explorer shows; ``values`` overrides homework.DEFAULTS.

    >>> s = explorer_state({"w3_11": 1.5}, selected="w3_11")
    >>> f"{s.gradients['w3_11']:.6f}", s.grid.shape
    ('7.763399', (61,))
    """
    if selected not in homework.PARAMETER_NAMES:
        raise ValueError(
            f"selected must be one of {', '.join(homework.PARAMETER_NAMES)}; got {selected!r}"
        )
    values = {**homework.DEFAULTS, **homework.check_parameters(values or {})}
    net = homework.network(**values)
    yhat, _ = net.forward(homework.X)
    updated = net.step(homework.X, homework.Y, homework.LOSS, lr)
    centre = values[selected]
    grid = np.linspace(centre - SPAN, centre + SPAN, POINTS)
    return ExplorerState(
        values=values,
        lr=float(lr),
        selected=selected,
        loss=homework.LOSS.value(yhat, homework.Y),
        gradients=homework.gradients_by_name(net),
        forward=homework.forward_values(net),
        updated=homework.parameters_of(updated),
        updated_loss=updated.loss(homework.X, homework.Y, homework.LOSS),
        grid=grid,
        curve=homework.loss_along(selected, grid, **values),
    )


def readout(state=None):
    """``loss = ...`` and one ``dL/d<name> = ...`` line per parameter (6 decimals)."""
    state = explorer_state() if state is None else state
    lines = [f"loss = {state.loss:.6f}"]
    lines += [f"dL/d{name} = {g:.6f}" for name, g in state.gradients.items()]
    return "\n".join(lines)


def readout_html(state):
    return f"<pre style='margin:0'>{readout(state)}</pre>"


def details(state=None):
    """The forward values per sample and the parameters after one step, as text.

    >>> print(details().splitlines()[1])
    k      x      h1_1    h1_2    h2_1    h2_2    yhat  yhat-y
    """
    state = explorer_state() if state is None else state
    f = state.forward
    lines = ["forward pass (one row per sample)",
             f"{'k':2} {'x':>5}  " + "  ".join(f"{c:>6}" for c in ("h1_1", "h1_2", "h2_1", "h2_2", "yhat", "yhat-y"))]
    for k in range(3):
        row = (f["h1"][k, 0], f["h1"][k, 1], f["h2"][k, 0], f["h2"][k, 1], f["yhat"][k], f["residual"][k])
        lines.append(f"{k + 1:<2} {homework.X[k, 0]:5.1f}  " + "  ".join(f"{v:6.3f}" for v in row))
    lines.append(f"after one step with lr = {state.lr:.2f}: loss {state.loss:.6f} -> {state.updated_loss:.6f}")
    lines += [f"  {name:6} {state.values[name]:8.4f} -> {state.updated[name]:8.4f}" for name in state.values]
    return "\n".join(lines)  # fmt: skip


class HomeworkExplorer:
    """The homework's network under sliders; display the object to show the panel.

    ``sliders`` (name -> FloatSlider), ``lr_slider``, ``choice`` (the plotted
    parameter), ``readout`` and ``detail`` (HTML) and ``image`` (the plot) are
    public, so the panel can be driven from code as well as by hand.
    """

    def __init__(self, values=None, lr=homework.LEARNING_RATE, selected="w3_11"):
        import ipywidgets as widgets

        start = explorer_state(values, lr, selected)  # validates everything first
        self.sliders = {
            name: widgets.FloatSlider(
                value=v, min=round(v - 3, 2), max=round(v + 3, 2), step=0.01,
                description=name, readout_format=".2f", continuous_update=True,
                layout={"width": "290px"}, style={"description_width": "48px"},
            )
            for name, v in start.values.items()
        }  # fmt: skip
        self.lr_slider = widgets.FloatSlider(
            value=start.lr, min=0.01, max=1.0, step=0.01, description="lr",
            readout_format=".2f", layout={"width": "290px"}, style={"description_width": "48px"},
        )  # fmt: skip
        self.choice = widgets.Dropdown(
            options=homework.PARAMETER_NAMES, value=selected, description="plot along",
            layout={"width": "220px"},
        )  # fmt: skip
        self.readout = widgets.HTML()
        self.readout.add_class("matgrad-readout")
        self.detail = widgets.HTML()
        self.image = widgets.Image(format="png", layout={"width": "480px"})
        self._figure = LossPlot()
        for control in [*self.sliders.values(), self.lr_slider, self.choice]:
            control.observe(self._changed, names="value")
        layers = [
            widgets.VBox([widgets.HTML(f"<b>layer {n}</b>")]
                         + [s for name, s in self.sliders.items() if name[1] == str(n)])
            for n in (1, 2, 3)
        ]  # fmt: skip
        layers[2].children += (widgets.HTML("<b>gradient descent</b>"), self.lr_slider)
        self.widget = widgets.VBox([
            widgets.HBox(layers),
            widgets.HBox([widgets.VBox([self.choice, self.image]), self.readout]),
            self.detail,
        ])  # fmt: skip
        self.show(start)

    @property
    def values(self):
        return {name: s.value for name, s in self.sliders.items()}

    @property
    def lr(self):
        return self.lr_slider.value

    @property
    def selected(self):
        return self.choice.value

    def update(self):
        """Recompute from the current slider values and redraw; returns the state."""
        state = explorer_state(self.values, self.lr, self.selected)
        self.show(state)
        return state

    def show(self, state):
        self.readout.value = readout_html(state)
        self.detail.value = f"<pre style='margin:0'>{details(state)}</pre>"
        self.image.value = self._figure.draw(state)

    def _changed(self, _change):
        self.update()

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
