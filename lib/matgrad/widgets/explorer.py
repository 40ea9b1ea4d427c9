"""Sliders for every parameter of the worked homework, with live numbers.

:func:`explorer_state` is the plain, tested computation: loss, gradients,
forward values, one gradient-descent step, and the loss curve along one
parameter. :func:`readout` and :func:`details` format it as text;
:func:`show_explorer` (the static twin) prints them and shows the plot.

:class:`HomeworkExplorer` is the thin widget over it: one slider per
parameter and one for the learning rate ``lr``; a move recomputes the state,
rewrites the readout (HTML with CSS class ``matgrad-readout``, one
``name = value`` line per number) and redraws the plot in place.

>>> state = explorer_state()
>>> print(readout(state).splitlines()[0])
loss = 15.628558
>>> ex = HomeworkExplorer()
>>> ex.controls["w3_11"].value = 1.01
>>> print(ex.readout.value.splitlines()[0])
<pre style='margin:0'>loss = 15.698337
"""

from typing import NamedTuple

import numpy as np

from matgrad import _validate
from matgrad.course import homework
from matgrad.widgets.loss_plot import CAPTION, POINTS, SPAN, LossPlot
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["ExplorerState", "HomeworkExplorer", "details", "explorer_state", "readout", "show_explorer"]

LR_RANGE = (0.01, 1.0)  # the lr slider's range
VALUE_LIMIT = 50.0  # a parameter's start must lie within +- this


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
    centre: float  # the middle of the grid
    grid: np.ndarray  # (POINTS,) values of the selected parameter, centre +- SPAN
    curve: np.ndarray  # (POINTS,) the loss along the grid


def explorer_state(values=None, lr=homework.LEARNING_RATE, selected="w3_11", centre=None):
    """Compute what the explorer shows; ``values`` overrides homework.DEFAULTS.

    The loss curve covers ``centre +- SPAN`` (``centre`` defaults to the
    selected parameter's value; the widget passes its plot's view centre).

    >>> s = explorer_state({"w3_11": 1.5}, selected="w3_11")
    >>> f"{s.gradients['w3_11']:.6f}", s.grid.shape, float(s.grid[0])
    ('7.763399', (61,), 0.0)
    """
    selected = _validate.one_of(selected, "selected", homework.PARAMETER_NAMES)
    values = {**homework.DEFAULTS, **homework.check_parameters({} if values is None else values)}
    lr = _validate.real(lr, "lr", positive=True)
    if centre is not None:
        centre = _validate.real(centre, "centre")
        if abs(centre - values[selected]) > SPAN:
            raise ValueError(f"centre must lie within {SPAN} of {selected} = {values[selected]}; got {centre}")
    return _state(values, lr, selected, centre)


def _state(values, lr, selected, centre=None):
    """:func:`explorer_state` for checked arguments (``values`` holds every parameter)."""
    net = homework.network(**values)
    updated = homework.updated_by_name(net, lr)  # refuses an lr that diverges
    centre = values[selected] if centre is None else centre
    grid = np.linspace(centre - SPAN, centre + SPAN, POINTS)
    return ExplorerState(
        values=values,
        lr=lr,
        selected=selected,
        loss=net.loss(homework.X, homework.Y, homework.LOSS),
        gradients=homework.gradients_by_name(net),
        forward=homework.forward_values(net),
        updated=updated,
        updated_loss=homework.network(**updated).loss(homework.X, homework.Y, homework.LOSS),
        centre=float(centre),
        grid=grid,
        curve=homework.loss_along(selected, grid, **values),
    )


def _checked_state(state):
    if state is None:
        return explorer_state()
    return _validate.instance(state, "state", ExplorerState, "an ExplorerState (from explorer_state(...)) or None")


def readout(state=None):
    """``loss = ...`` and one ``dL/d<name> = ...`` line per parameter (6 decimals)."""
    return _readout(_checked_state(state))


def _readout(state):
    lines = [f"loss = {state.loss:.6f}"]
    lines += [f"dL/d{name} = {g:.6f}" for name, g in state.gradients.items()]
    return "\n".join(lines)


def details(state=None):
    """The forward values per sample and the parameters after one step, as text.

    >>> print(details().splitlines()[1])
    k      x      h1_1    h1_2    h2_1    h2_2    yhat  yhat-y
    """
    return _details(_checked_state(state))


def _details(state):
    f = state.forward
    lines = ["forward pass (one row per sample)",
             f"{'k':2} {'x':>5}  " + "  ".join(f"{c:>6}" for c in ("h1_1", "h1_2", "h2_1", "h2_2", "yhat", "yhat-y"))]
    for k in range(3):
        row = (f["h1"][k, 0], f["h1"][k, 1], f["h2"][k, 0], f["h2"][k, 1], f["yhat"][k], f["residual"][k])
        lines.append(f"{k + 1:<2} {homework.X[k, 0]:5.1f}  " + "  ".join(f"{v:6.3f}" for v in row))
    lines.append(f"after one step with lr = {state.lr:.2f}: loss {state.loss:.6f} -> {state.updated_loss:.6f}")
    lines += [f"  {name:6} {state.values[name]:8.4f} -> {state.updated[name]:8.4f}" for name in state.values]
    return "\n".join(lines)  # fmt: skip


def _start(values, lr, selected):
    """The explorer's first state; each value and lr on its slider's grid (step 0.01), lr in [0.01, 1]."""
    values = homework.check_parameters({} if values is None else values)
    values = {name: _validate.real(v, name, low=-VALUE_LIMIT, high=VALUE_LIMIT) for name, v in values.items()}
    lr = _validate.real(lr, "lr", low=LR_RANGE[0], high=LR_RANGE[1])
    for name, value in {**values, "lr": lr}.items():
        if abs(round(value, 2) - value) > 1e-9:
            raise ValueError(f"{name} must be a multiple of 0.01 (the slider's step); got {value}")
    return explorer_state(values, lr, selected)


class HomeworkExplorer:
    """The homework's network under sliders; display the object to show the panel.

    ``controls`` maps every parameter name, ``"lr"`` and ``"selected"`` (the
    parameter the plot runs along) to its widget; setting a control's value
    recomputes and redraws before returning. ``readout`` and ``detail`` (HTML)
    and ``image`` (the PNG of ``plot``, a :class:`LossPlot`) are the outputs.
    Each parameter's slider covers its start +- 3 and ``lr`` 0.01..1, both in
    steps of 0.01; a start outside that is refused, so what is shown is what
    is computed.
    """

    def __init__(self, values=None, lr=homework.LEARNING_RATE, selected="w3_11"):
        import ipywidgets as widgets

        start = _start(values, lr, selected)  # validates everything first
        look = lambda: {"layout": {"width": "270px"}, "style": {"description_width": "48px"}}  # noqa: E731
        self.sliders = {
            name: widgets.FloatSlider(
                value=v, min=round(v - 3, 2), max=round(v + 3, 2), step=0.01,
                description=name, readout_format=".2f", continuous_update=True, **look(),
            )
            for name, v in start.values.items()
        }  # fmt: skip
        self.lr_slider = widgets.FloatSlider(
            value=start.lr, min=LR_RANGE[0], max=LR_RANGE[1], step=0.01, description="lr",
            readout_format=".2f", continuous_update=True, **look(),
        )  # fmt: skip
        self.choice = widgets.Dropdown(
            options=homework.PARAMETER_NAMES, value=selected, description="plot along",
            layout={"width": "220px"},
        )  # fmt: skip
        self.controls = {**self.sliders, "lr": self.lr_slider, "selected": self.choice}
        self.readout = widgets.HTML()
        self.detail = widgets.HTML()
        self.image = widgets.Image(format="png", layout={"width": "384px", "max_width": "100%"})
        self.caption = widgets.HTML(layout={"width": "384px"})
        self.readout.add_class("matgrad-readout")
        for output in (self.readout, self.detail, self.image):
            output.add_class("matgrad-output")
        self.plot = LossPlot()
        layers = [
            widgets.VBox([widgets.HTML(f"<b>layer {n}</b>")]
                         + [s for name, s in self.sliders.items() if name[1] == str(n)])
            for n in (1, 2, 3)
        ]  # fmt: skip
        layers[2].children += (widgets.HTML("<b>gradient descent</b>"), self.lr_slider)
        self.widget = widgets.VBox([
            widgets.HBox(layers, layout={"flex_flow": "row wrap"}),
            widgets.HBox([widgets.VBox([self.choice, self.image, self.caption]), self.readout],
                         layout={"flex_flow": "row wrap"}),
            self.detail,
        ])  # fmt: skip
        self.widget.add_class("matgrad-widget")
        self.update()
        for control in self.controls.values():
            control.observe(self._changed, names="value")

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
        """Recompute from the controls' values and redraw; returns the state shown."""
        values, selected = self.values, self.selected
        centre = self.plot.centre_for(selected, values[selected])
        state = _state(values, self.lr, selected, centre)
        png = self.plot.draw(state)  # everything computed first: the outputs then change together
        self.readout.value = f"<pre style='margin:0'>{_readout(state)}</pre>"
        self.detail.value = f"<pre style='margin:0'>{_details(state)}</pre>"
        self.image.value = png
        self.caption.value = f"<small>{CAPTION.format(name=selected)}</small>"
        return state

    def _changed(self, _change):
        self.update()

    def _ipython_display_(self):
        display_widget(self.widget, "The homework explorer")


def show_explorer(values=None, lr=homework.LEARNING_RATE, selected="w3_11"):
    """The explorer's static twin: prints its readout and details, and shows its plot."""
    from IPython.display import display

    state = _start(values, lr, selected)
    png = LossPlot().draw(state)
    text = "\n".join([_readout(state), "", _details(state), CAPTION.format(name=selected)])
    display(StaticView(text, pngs=(png,)))
