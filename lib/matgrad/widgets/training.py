"""Watch a network learn: the decision boundary and the loss curve, live (notebook 07).

:class:`TrainingExplorer` trains a 2-``hidden``-1 sigmoid classifier
(:func:`matgrad.course.capstone.classifier`) on the two-moons data by
gradient descent, in frames of a few steps, and redraws after each frame:
on the left the plane coloured by the network's output (the decision
boundary is where it crosses 0.5) with the data on top; on the right the
loss after every step. Buttons train / pause, step (one frame) and reset;
sliders set the learning rate (used from the next step on) and the hidden
width (a new network, as if reset). :func:`show_training` is its static view.

>>> explorer = TrainingExplorer()
>>> explorer.step(); explorer.steps_done
25
>>> explorer.controls["hidden"].value = 4; explorer.steps_done  # a new network
0
"""

import asyncio

import numpy as np

from matgrad import _validate
from matgrad.course.capstone import accuracy, classifier, train, two_moons
from matgrad.losses import MSELoss
from matgrad.widgets._canvas import BlitCanvas
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["TrainingExplorer", "show_training"]

GRID = 60  # the boundary picture is GRID x GRID network outputs
RATES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)  # the lr slider's stops
MAX_STEPS = 3000  # the loss plot's x-range; training stops there
LOSS_RANGE = (1e-3, 0.6)  # the loss plot's y-range (log scale)


class TrainingPlot:
    """The two pictures on one off-screen figure; ``draw(network, X, y, losses)`` -> PNG bytes."""

    def __init__(self, X):
        self.canvas = BlitCanvas((7.2, 3.0), dpi=80)
        figure = self.canvas.figure
        figure.subplots_adjust(left=0.06, right=0.98, bottom=0.16, top=0.9, wspace=0.25)
        plane, curve = figure.add_subplot(1, 2, 1), figure.add_subplot(1, 2, 2)
        low, high = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
        xs, ys = np.linspace(low[0], high[0], GRID), np.linspace(low[1], high[1], GRID)
        self.grid = np.column_stack([g.ravel() for g in np.meshgrid(xs, ys)])  # (GRID^2, 2)
        self.image = plane.imshow(np.zeros((GRID, GRID)), origin="lower", extent=(low[0], high[0], low[1], high[1]),
                                  cmap="RdBu", vmin=-0.8, vmax=1.8, aspect="auto", animated=True)  # pale
        self.points = plane.scatter(X[:, 0], X[:, 1], s=14, c="white", edgecolors="white", linewidths=0.5,
                                    animated=True)
        plane.set_title("network output: red 0 (upper moon), blue 1 (lower moon)", fontsize=9)
        curve.set(xlim=(0, MAX_STEPS), ylim=LOSS_RANGE, yscale="log", xlabel="step")
        curve.set_title("loss (mean squared error)", fontsize=9)
        curve.grid(alpha=0.3)
        (self.line,) = curve.plot([], [], color="tab:blue", animated=True)

    def draw(self, network, y, losses):
        """PNG bytes: ``network``'s output over the plane, the data coloured by ``y``, and ``losses``."""
        self.image.set_data(network._forward(self.grid)[0].reshape(GRID, GRID))
        self.points.set_facecolors(np.where(y.ravel() > 0.5, "#2166ac", "#b2182b"))
        self.line.set_data(np.arange(len(losses)), np.clip(losses, *LOSS_RANGE))
        return self.canvas.png([self.image, self.points, self.line])


class TrainingExplorer:
    """Train a classifier on two moons, watching its boundary and loss (see the module docstring).

    ``controls`` holds the ``"lr"`` and ``"hidden"`` sliders; setting one
    redraws before it returns. ``frame`` steps are taken per redraw.
    """

    def __init__(self, hidden=8, lr=2.0, frame=25, n=200, noise=0.15, seed=0):
        import ipywidgets as widgets

        hidden = _validate.integer(hidden, "hidden", low=1, high=16)
        lr = _validate.one_of(_validate.real(lr, "lr"), "lr", RATES)
        self.frame = _validate.integer(frame, "frame", low=1, high=MAX_STEPS)
        self.seed = _validate.integer(seed, "seed", low=0)
        self.X, self.y = two_moons(n, noise, seed)
        self.plot = TrainingPlot(self.X)
        self.controls = {
            "lr": widgets.SelectionSlider(options=[(f"{rate:g}", rate) for rate in RATES], value=lr,
                                          description="lr", continuous_update=True),
            "hidden": widgets.IntSlider(value=hidden, min=1, max=16, description="hidden",
                                        continuous_update=True),
        }
        self.buttons = {name: widgets.Button(description=name) for name in ("train", "step", "reset")}
        self.image = widgets.Image(format="png", layout={"width": "576px", "max_width": "100%"})
        self.readout = widgets.HTML()
        for output in (self.image, self.readout):
            output.add_class("matgrad-output")
        self.widget = widgets.VBox([
            widgets.HBox([*self.controls.values(), *self.buttons.values()], layout={"flex_flow": "row wrap"}),
            self.image, self.readout,
        ])
        self.widget.add_class("matgrad-widget")
        self._task = None
        self.reset()
        self.controls["lr"].observe(lambda _: self._show_readout(), names="value")  # used from the next step
        self.controls["hidden"].observe(lambda _: self.reset(), names="value")
        self.buttons["train"].on_click(lambda _: self.toggle())
        self.buttons["step"].on_click(lambda _: self.step())
        self.buttons["reset"].on_click(lambda _: self.reset())

    @property
    def steps_done(self):
        return len(self.losses) - 1

    def reset(self):
        """A new network of the chosen width (same seed), not yet trained."""
        self.pause()
        self.network = classifier(self.controls["hidden"].value, seed=self.seed)
        self.losses = [self.network.loss(self.X, self.y, MSELoss())]
        self._show()

    def step(self):
        """Train one frame (``frame`` steps, fewer at the end) and redraw."""
        loss, lr = MSELoss(), self.controls["lr"].value
        for _ in range(min(self.frame, MAX_STEPS - self.steps_done)):
            self.network = self.network.step(self.X, self.y, loss, lr)
            self.losses.append(self.network.loss(self.X, self.y, loss))
        self._show()

    def toggle(self):
        """Start training frame after frame (in the background), or pause it."""
        if self._task is not None and not self._task.done():
            self.pause()
        else:
            self._task = asyncio.ensure_future(self._train())
            self.buttons["train"].description = "pause"

    def pause(self):
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.buttons["train"].description = "train"

    async def _train(self):
        while self.steps_done < MAX_STEPS:
            self.step()
            await asyncio.sleep(0.01)  # lets the kernel handle a click or a slider in between
        self.buttons["train"].description = "train"

    def _show(self):
        self.image.value = self.plot.draw(self.network, self.y, np.array(self.losses))
        self._show_readout()

    def _show_readout(self):
        lr, hidden = self.controls["lr"].value, self.controls["hidden"].value
        text = _readout(self.steps_done, lr, hidden, self.losses[-1], accuracy(self.network, self.X, self.y))
        self.readout.value = f"<pre style='margin:0'>{text}</pre>"

    def _ipython_display_(self):
        display_widget(self.widget, "The training explorer")


def _readout(steps, lr, hidden, loss, correct):
    """The numbers under the picture: steps, learning rate, width, loss and accuracy."""
    return (f"step {steps:4d} of {MAX_STEPS}   lr {lr:g}   hidden {hidden:2d}   loss {loss:.4f}   "
            f"accuracy {correct:.1%}")


def show_training(hidden=8, lr=2.0, steps=2000, seed=0):
    """The explorer's static view: the boundary and the loss curve after ``steps`` steps of training
    (what the explorer shows after pressing train until that step)."""
    from IPython.display import display

    hidden = _validate.integer(hidden, "hidden", low=1, high=16)
    lr = _validate.one_of(_validate.real(lr, "lr"), "lr", RATES)
    steps = _validate.integer(steps, "steps", low=0, high=MAX_STEPS)
    X, y = two_moons(200, 0.15, _validate.integer(seed, "seed", low=0))
    network, losses = train(classifier(hidden, seed=seed), X, y, lr, steps)
    png = TrainingPlot(X).draw(network, y, losses)
    display(StaticView(_readout(steps, lr, hidden, losses[-1], accuracy(network, X, y)), pngs=(png,)))
