"""Bad input for matgrad.widgets (panels, plots, stepper, explorer, twins): the CASES and
VALID_CALLS tables that tests/test_bad_input.py runs (see tests/bad_input.py). The network
drawings and the computational graph are in tests/bad_input_graph.py."""

import math

import numpy as np

from tests.bad_input import Case, fresh, valid
from matgrad.widgets import (DerivationStepper, GradientNormPlot, HomeworkExplorer, SigmoidPlot, SliderPanel,
                             TrainingExplorer, details, format_matrix, format_vector, readout, show_derivation,
                             show_explorer, show_static, show_training, step)  # fmt: skip
from matgrad.widgets.explorer import explorer_state
from matgrad.widgets.stepper import derivation_markdown
from matgrad.widgets.twin import StaticView, display_widget

STEPS = [step("Start from $y = Wx$", "y = Wx"), step("Differentiate", "J = W")]


def area(width=2.0, height=3.0):
    """A small view for the panel: text from two numbers."""
    return f"area = {width * height:.2f}"


def two_layers(a=1.0):
    return [np.array([[3.0, 4.0]]) * a, np.eye(2)]


def printing_view(x=1.0):
    print(x)


def _draw_twice(plot):
    plot.draw(k=2)
    plot.draw(k=3)


class _GifPlot:
    def draw(self, **values):
        return "png"


CASES = {
    # stepper
    "step text": Case(lambda: step(3, "x"), TypeError, "text", "int"),
    "step lhs": Case(lambda: step("a", "x", lhs=2), TypeError, "lhs", "2"),
    "step expr nan": Case(lambda: step("a", math.nan), ValueError, "expr", "nan"),
    "step expr a list": Case(lambda: step("a", [1, 2]), TypeError, "expr", "[1, 2]"),
    "stepper empty": Case(lambda: DerivationStepper([]), ValueError, "steps", "none"),
    "stepper steps not a list": Case(lambda: DerivationStepper(None), TypeError, "steps", "None"),
    "stepper one step not in a list": Case(lambda: DerivationStepper(STEPS[0]), TypeError, "steps", "Step(text="),
    "stepper items": Case(lambda: derivation_markdown(["x = 1"]), TypeError, "steps[0]", "'x = 1'"),
    "stepper title": Case(lambda: DerivationStepper(STEPS, title=3), TypeError, "title", "3"),
    "markdown upto": Case(lambda: derivation_markdown([step("a", "x")], upto=3), ValueError, "upto", "3"),
    "markdown upto float": Case(lambda: derivation_markdown(STEPS, upto=1.5), TypeError, "upto", "1.5"),
    "stepper show nan": Case(lambda: DerivationStepper(STEPS).show(math.nan), TypeError, "number", "nan"),
    "stepper show a string": Case(lambda: DerivationStepper(STEPS).show("3"), TypeError, "number", "'3'"),
    "stepper show a float": Case(lambda: DerivationStepper(STEPS).show(2.0), TypeError, "number", "2.0"),
    "stepper show True": Case(lambda: DerivationStepper(STEPS).show(True), TypeError, "number", "True"),
    "stepper show 0": Case(lambda: DerivationStepper(STEPS).show(0), ValueError, "number", "0"),
    "stepper show past the end": Case(lambda: DerivationStepper(STEPS).show(3), ValueError, "number", "3"),
    # formatting
    "format_matrix a vector": Case(lambda: format_matrix([1.0, 2.0]), ValueError, "A", "(2,)"),
    "format_matrix ragged": Case(lambda: format_matrix([[1.0], [1.0, 2.0]]), ValueError, "A", "inhomogeneous"),
    "format_matrix strings": Case(lambda: format_matrix([["a"]]), TypeError, "A", "<U1"),
    "format_matrix empty": Case(lambda: format_matrix(np.zeros((0, 2))), ValueError, "A", "(0, 2)"),
    "format_vector inf": Case(lambda: format_vector([1.0, math.inf]), ValueError, "v", "inf"),
    "format_vector a matrix": Case(lambda: format_vector(np.eye(2)), ValueError, "v", "(2, 2)"),
    "format_vector decimals": Case(lambda: format_vector([1.0], decimals=20), ValueError, "decimals", "20"),
    "format_vector decimals float": Case(lambda: format_vector([1.0], decimals=2.0), TypeError, "decimals", "2.0"),
    # the slider panel
    "panel no sliders": Case(lambda: SliderPanel(area), ValueError, "every", "none"),
    "panel every a list": Case(lambda: SliderPanel(area, every=[0, 10, 0.5]), TypeError, "every", "[0, 10, 0.5]"),
    "panel every with nan": Case(lambda: SliderPanel(area, every=(0, math.nan, 0.5)), ValueError, "every", "nan"),
    "panel every backwards": Case(lambda: SliderPanel(area, every=(5, -5, 1)), ValueError, "every", "(5, -5, 1)"),
    "panel every huge": Case(lambda: SliderPanel(area, every=(0, 10**400, 1)), ValueError, "every", "too large"),
    "panel every a bad range": Case(lambda: SliderPanel(area, every=(5, 10, 0.5)), ValueError, "width", "[5, 10]"),
    "panel unknown slider": Case(lambda: SliderPanel(area, depth=(0, 1, 0.1)), ValueError, "view", "'depth'"),
    "panel unknown label": Case(lambda: SliderPanel(area, width=(0, 9, 1.0), labels={"w": "W"}), ValueError, "view", "'w'"),
    "panel parameter without a default": Case(lambda: SliderPanel(lambda x: str(x), x=(0, 1, 0.1)), ValueError, "view", "'x'"),
    "panel start differs from the default": Case(lambda: SliderPanel(area, width=(1.0, 0, 10, 0.5)), ValueError, "width", "1.0"),
    "panel default outside the range": Case(lambda: SliderPanel(area, width=(5, 10, 0.5)), ValueError, "width", "[5, 10]"),
    "panel default off the steps": Case(lambda: SliderPanel(area, width=(0.25, 10, 0.5)), ValueError, "width", "(0.5)"),
    "panel int default, float slider": Case(lambda: SliderPanel(lambda k=2: str(k), k=(0, 5, 0.5)), ValueError, "k", "2.0"),
    "panel min above max": Case(lambda: SliderPanel(area, width=(10, 0, 0.5)), ValueError, "width", "(10, 0, 0.5)"),
    "panel step zero": Case(lambda: SliderPanel(area, width=(0, 10, 0)), ValueError, "width", "(0, 10, 0)"),
    "panel too many steps": Case(lambda: SliderPanel(area, width=(0, 10, 1e-9)), ValueError, "width", "1e-09"),
    "panel nan in a spec": Case(lambda: SliderPanel(area, width=(0, math.nan, 0.5)), ValueError, "width", "nan"),
    "panel huge number in a spec": Case(lambda: SliderPanel(area, width=(0, 10**400, 1)), ValueError, "width", "too large"),
    "panel spec a number": Case(lambda: SliderPanel(area, width=2.0), TypeError, "width", "2.0"),
    "panel dropdown default missing": Case(lambda: SliderPanel(area, width=[1.0, 3.0]), ValueError, "width", "[1.0, 3.0]"),
    "panel label not a str": Case(lambda: SliderPanel(area, width=(0, 10, 0.5), labels={"width": 3}), TypeError, "labels", "3"),
    "panel view prints": Case(lambda: SliderPanel(printing_view, x=(0, 2, 0.5)), TypeError, "view", "None"),
    "panel view not callable": Case(lambda: SliderPanel("area", width=(0, 10, 0.5)), TypeError, "view", "'area'"),
    "panel plot without draw": Case(lambda: SliderPanel(area, plot=object(), width=(0, 10, 0.5)), TypeError, "plot", "object"),
    "panel plot draws no png": Case(lambda: SliderPanel(area, plot=_GifPlot(), width=(0, 10, 0.5)), TypeError, "plot.draw", "str"),
    "panel plot a class": Case(lambda: SliderPanel(area, plot=SigmoidPlot, width=(0, 10, 0.5)), TypeError, "plot", "SigmoidPlot()"),
    "static twin of a printing view": Case(lambda: show_static(printing_view), TypeError, "view", "None"),
    "static twin plot a class": Case(lambda: show_static(area, plot=SigmoidPlot), TypeError, "plot", "call it, SigmoidPlot()"),
    # plots
    "sigmoid plot value missing": Case(lambda: SigmoidPlot().draw(z1=0.0, z2=1.0), ValueError, "'z3'", "['z1', 'z2']"),
    "sigmoid plot value nan": Case(lambda: SigmoidPlot().draw(z1=0.0, z2=math.nan, z3=1.0), ValueError, "z2", "nan"),
    "sigmoid plot value huge": Case(lambda: SigmoidPlot().draw(z1=0.0, z2=10**400, z3=1.0), ValueError, "z2", "too large"),
    "sigmoid plot names": Case(lambda: SigmoidPlot(names=("n1", "n1")), ValueError, "names", "('n1', 'n1')"),
    "sigmoid plot names a string": Case(lambda: SigmoidPlot(names="n1"), TypeError, "names", "'n1'"),
    "sigmoid plot z_range": Case(lambda: SigmoidPlot(z_range=(8, -8)), ValueError, "z_range", "(8, -8)"),
    "sigmoid plot z_range huge": Case(lambda: SigmoidPlot(z_range=(0, 10**400)), ValueError, "z_range", "too large"),
    "norm plot not a function": Case(lambda: GradientNormPlot([1.0]), TypeError, "gradients", "[1.0]"),
    "norm plot returns an array": Case(lambda: GradientNormPlot(lambda: np.eye(2)).draw(), TypeError, "gradients", "array("),
    "norm plot returns nan": Case(lambda: GradientNormPlot(lambda: [np.array([math.nan])]).draw(), ValueError, "gradients", "nan"),
    "norm plot overflows": Case(lambda: GradientNormPlot(lambda: [np.array([1e200, 1e200])]).draw(), ValueError, "gradients", "1e+200"),
    "norm plot layer count changes": Case(lambda: _draw_twice(GradientNormPlot(lambda k=2: [np.eye(2)] * k)), ValueError, "gradients", "3"),
    # the explorer
    "explorer lr outside the slider": Case(lambda: HomeworkExplorer(lr=5.0), ValueError, "lr", "5"),
    "explorer lr off the slider's steps": Case(lambda: HomeworkExplorer(lr=0.015), ValueError, "lr", "0.015"),
    "explorer lr nan": Case(lambda: HomeworkExplorer(lr=math.nan), ValueError, "lr", "nan"),
    "explorer lr huge int": Case(lambda: HomeworkExplorer(lr=10**400), ValueError, "lr", "too large"),
    "explorer value too large": Case(lambda: HomeworkExplorer(values={"b1_1": 60.0}), ValueError, "b1_1", "60"),
    "explorer value off the slider's steps": Case(lambda: HomeworkExplorer(values={"w3_11": 1.005}), ValueError, "w3_11", "1.005"),
    "explorer values a list": Case(lambda: HomeworkExplorer(values=[1.0]), TypeError, "values", "list"),
    "explorer unknown parameter": Case(lambda: HomeworkExplorer(values={"w5_11": 1.0}), ValueError, "parameter name", "'w5_11'"),
    "explorer selected unknown": Case(lambda: HomeworkExplorer(selected="lr"), ValueError, "selected", "'lr'"),
    "explorer_state lr negative": Case(lambda: explorer_state(lr=-1.0), ValueError, "lr", "-1.0"),
    "explorer_state lr huge int": Case(lambda: explorer_state(lr=10**400), ValueError, "lr", "too large"),
    "explorer_state centre far away": Case(lambda: explorer_state(centre=9.0), ValueError, "centre", "9.0"),
    "explorer_state centre nan": Case(lambda: explorer_state(centre=math.nan), ValueError, "centre", "nan"),
    "explorer_state centre huge int": Case(lambda: explorer_state(centre=10**400), ValueError, "centre", "too large"),
    "readout of a dict": Case(lambda: readout({"loss": 1.0}), TypeError, "state", "dict"),
    "details of the function": Case(lambda: details(explorer_state), TypeError, "state", "function"),
    # twins
    "twin text None": Case(lambda: StaticView(None), TypeError, "text", "NoneType"),
    "twin picture not PNG": Case(lambda: StaticView("x", None, [b"GIF89a"]), TypeError, "pngs[0]", "bytes"),
    "widget not a widget": Case(lambda: display_widget(object(), "A stepper"), TypeError, "widget", "object"),
    "widget unnamed": Case(lambda: display_widget(DerivationStepper(STEPS).widget, ""), TypeError, "what", "''"),
}  # fmt: skip


VALID_CALLS = [  # one per public callable of matgrad.widgets outside matgrad.widgets.graph
    valid("matgrad.widgets.step", step, "Start from $y = Wx$", "y = Wx", lhs="y"),
    valid("matgrad.widgets.stepper.derivation_markdown", derivation_markdown, STEPS, upto=1),
    valid("matgrad.widgets.show_derivation", show_derivation, STEPS),
    valid("matgrad.widgets.DerivationStepper", DerivationStepper, STEPS, title="Two steps"),
    fresh("matgrad.widgets.DerivationStepper.show", lambda: DerivationStepper(STEPS).show, 2),
    valid("matgrad.widgets.format_matrix", format_matrix, [[1.0, 2.0], [3.0, 4.0]], decimals=4),
    valid("matgrad.widgets.format_vector", format_vector, [1.0, 2.0], decimals=4),
    valid("matgrad.widgets.SliderPanel", SliderPanel, area, None, {"width": "w"}, (0, 10, 0.5), width=(0, 10, 0.5)),
    valid("matgrad.widgets.show_static", show_static, area, SigmoidPlot(names=("width", "height"))),
    valid("matgrad.widgets.SigmoidPlot", SigmoidPlot, ("a", "b"), (-4.0, 4.0)),
    fresh("matgrad.widgets.SigmoidPlot.draw", lambda: SigmoidPlot().draw, z1=-2.0, z2=0.0, z3=3.0),
    valid("matgrad.widgets.GradientNormPlot", GradientNormPlot, two_layers, "norms"),
    fresh("matgrad.widgets.GradientNormPlot.draw", lambda: GradientNormPlot(two_layers).draw, a=0.5),
    valid("matgrad.widgets.HomeworkExplorer", HomeworkExplorer, {"w3_11": 1.5}, 0.2, "w2_12"),
    valid("matgrad.widgets.show_explorer", show_explorer, {"w3_11": 1.5}, 0.2, "w2_12"),
    valid("matgrad.widgets.readout", readout, explorer_state()),
    valid("matgrad.widgets.details", details, explorer_state()),
    valid("matgrad.widgets.explorer.explorer_state", explorer_state, {"w3_11": 1.5}, 0.2, "w3_11", 1.0),
    valid("matgrad.widgets.twin.StaticView", StaticView, "a = 1.00", "<p>a</p>", [b"\x89PNG..."]),
    fresh("matgrad.widgets.twin.display_widget", lambda: display_widget, DerivationStepper(STEPS).widget, "A stepper"),
    # matgrad.widgets.training (notebook 07)
    valid("matgrad.widgets.TrainingExplorer", TrainingExplorer, 4, 2.0, 5, 40, 0.15, 0),
    valid("matgrad.widgets.show_training", show_training, 4, 2.0, 50, 0),
]  # fmt: skip
