"""matgrad.widgets rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import math

import numpy as np
import pytest

from bad_input import assert_sweep_passes, fresh, valid
from matgrad.widgets import (DerivationStepper, GradientNormPlot, HomeworkExplorer, SigmoidPlot, SliderPanel,
                             details, format_matrix, format_vector, readout, show_derivation, show_explorer,
                             show_static, step)  # fmt: skip
from matgrad.widgets.explorer import explorer_state
from matgrad.widgets.loss_plot import LossPlot
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

CASES = {
    # stepper
    "step text": (lambda: step(3, "x"), TypeError, r"text must be a string; got int"),
    "stepper empty": (lambda: DerivationStepper([]), ValueError, r"a derivation needs at least one step; got none"),
    "stepper items": (lambda: derivation_markdown(["x = 1"]), TypeError, r"steps\[0\] must be a matgrad.widgets.stepper.Step; got 'x = 1'"),
    "markdown upto": (lambda: derivation_markdown([step("a", "x")], upto=3), ValueError, r"upto must be between 1 and 1; got 3"),
    "markdown upto float": (lambda: derivation_markdown(STEPS, upto=1.5), TypeError, r"upto must be an int from 1 to 2 or None; got 1.5"),
    "stepper steps not a list": (lambda: DerivationStepper(None), TypeError, r"steps must be a list of Step \(made with step\(...\)\); got None"),
    "stepper one step not in a list": (lambda: DerivationStepper(STEPS[0]), TypeError, r"steps must be a list of Step"),
    "stepper title": (lambda: DerivationStepper(STEPS, title=3), TypeError, r"title must be a string; got 3"),
    "stepper show nan": (lambda: DerivationStepper(STEPS).show(math.nan), TypeError, r"number must be an int from 1 to 2; got nan"),
    "stepper show a string": (lambda: DerivationStepper(STEPS).show("3"), TypeError, r"number must be an int from 1 to 2; got '3'"),
    "stepper show a float": (lambda: DerivationStepper(STEPS).show(2.0), TypeError, r"number must be an int from 1 to 2; got 2.0"),
    "stepper show True": (lambda: DerivationStepper(STEPS).show(True), TypeError, r"number must be an int from 1 to 2; got True"),
    "stepper show 0": (lambda: DerivationStepper(STEPS).show(0), ValueError, r"number must be an int from 1 to 2; got 0"),
    "stepper show past the end": (lambda: DerivationStepper(STEPS).show(3), ValueError, r"number must be an int from 1 to 2; got 3"),
    "step lhs": (lambda: step("a", "x", lhs=2), TypeError, r"lhs must be a LaTeX string or None; got 2"),
    "step expr nan": (lambda: step("a", math.nan), TypeError, r"expr must be a sympy expression, a finite number or a LaTeX string; got nan"),
    "step expr object": (lambda: step("a", [1, 2]), TypeError, r"expr must be a sympy expression.*; got \[1, 2\]"),
    # formatting
    "format_matrix a vector": (lambda: format_matrix([1.0, 2.0]), ValueError, r"A must be a 2-D matrix; got shape \(2,\)"),
    "format_matrix ragged": (lambda: format_matrix([[1.0], [1.0, 2.0]]), ValueError, r"A must be a 2-D matrix of numbers \(rectangular\)"),
    "format_matrix strings": (lambda: format_matrix([["a"]]), TypeError, r"A must be a 2-D matrix of numbers; got entries of dtype <U1"),
    "format_matrix empty": (lambda: format_matrix(np.zeros((0, 2))), ValueError, r"A must have at least one entry; got shape \(0, 2\)"),
    "format_vector inf": (lambda: format_vector([1.0, math.inf]), ValueError, r"v must hold finite numbers; got inf"),
    "format_vector a matrix": (lambda: format_vector(np.eye(2)), ValueError, r"v must be a 1-D vector; got shape \(2, 2\)"),
    "format_vector decimals": (lambda: format_vector([1.0], decimals=20), ValueError, r"decimals must be an int from 0 to 15; got 20"),
    "format_vector decimals float": (lambda: format_vector([1.0], decimals=2.0), TypeError, r"decimals must be an int from 0 to 15; got 2.0"),
    # the slider panel
    "panel no sliders": (lambda: SliderPanel(area), ValueError, r"SliderPanel needs at least one slider"),
    "panel every a list": (lambda: SliderPanel(area, every=[0, 10, 0.5]), TypeError, r"every must be \(min, max, step\), the slider of every other parameter; got \[0, 10, 0.5\]"),
    "panel every with nan": (lambda: SliderPanel(area, every=(0, math.nan, 0.5)), TypeError, r"every must be \(min, max, step\)"),
    "panel every a bad range": (lambda: SliderPanel(area, every=(5, 10, 0.5)), ValueError, r"width: the view's default 2.0 must lie within the slider's range \[5, 10\]"),
    "panel unknown slider": (lambda: SliderPanel(area, depth=(0, 1, 0.1)), ValueError, r"view has no parameter 'depth'; expected one of width, height"),
    "panel unknown label": (lambda: SliderPanel(area, width=(0, 9, 1.0), labels={"w": "W"}), ValueError, r"view has no parameter 'w'"),
    "panel parameter without a default": (lambda: SliderPanel(lambda x: str(x), x=(0, 1, 0.1)), ValueError, r"view's parameter 'x' must have a default \(the panel's starting value\)"),
    "panel start differs from the default": (lambda: SliderPanel(area, width=(1.0, 0, 10, 0.5)), ValueError, r"width: the slider starts at 1.0 but the view's default is 2.0; the static twin prints the default"),
    "panel default outside the range": (lambda: SliderPanel(area, width=(5, 10, 0.5)), ValueError, r"width: the view's default 2.0 must lie within the slider's range \[5, 10\]"),
    "panel default off the steps": (lambda: SliderPanel(area, width=(0.25, 10, 0.5)), ValueError, r"width: the view's default 2.0 must be min \+ a whole number of steps \(0.5\)"),
    "panel int default, float slider": (lambda: SliderPanel(lambda k=2: str(k), k=(0, 5, 0.5)), ValueError, r"k: the view's default 2 is an int but the slider gives floats; write 2.0 so the static twin prints what the slider gives"),
    "panel min above max": (lambda: SliderPanel(area, width=(10, 0, 0.5)), ValueError, r"width must have min < max and 0 < step <= max - min"),
    "panel step zero": (lambda: SliderPanel(area, width=(0, 10, 0)), ValueError, r"width must have min < max and 0 < step"),
    "panel too many steps": (lambda: SliderPanel(area, width=(0, 10, 1e-9)), ValueError, r"at most 100000 steps"),
    "panel nan in a spec": (lambda: SliderPanel(area, width=(0, math.nan, 0.5)), TypeError, r"width must be \(min, max, step\), \(value, min, max, step\) or a list of options; got \(0, nan, 0.5\)"),
    "panel spec a number": (lambda: SliderPanel(area, width=2.0), TypeError, r"width must be \(min, max, step\)"),
    "panel dropdown default missing": (lambda: SliderPanel(area, width=[1.0, 3.0]), ValueError, r"width: the view's default 2.0 must be one of the options \[1.0, 3.0\]"),
    "panel label not a str": (lambda: SliderPanel(area, width=(0, 10, 0.5), labels={"width": 3}), TypeError, r"labels must be a dict of parameter name -> description \(str\)"),
    "panel view prints": (lambda: SliderPanel(printing_view, x=(0, 2, 0.5)), TypeError, r"view must return the text to show \(a str\), not print it; got None"),
    "panel view not callable": (lambda: SliderPanel("area", width=(0, 10, 0.5)), TypeError, r"view must be a function returning the text to show; got 'area'"),
    "panel plot without draw": (lambda: SliderPanel(area, plot=object(), width=(0, 10, 0.5)), TypeError, r"plot must have a draw\(\*\*values\) method returning PNG bytes"),
    "panel plot draws no png": (lambda: SliderPanel(area, plot=type("P", (), {"draw": lambda self, **v: "png"})(), width=(0, 10, 0.5)), TypeError, r"plot.draw must return PNG bytes; got str"),
    "static twin of a printing view": (lambda: show_static(printing_view), TypeError, r"view must return the text to show"),
    # plots
    "sigmoid plot value missing": (lambda: SigmoidPlot().draw(n1=0.0, n2=1.0), ValueError, r"draw needs a value for 'n3'; got values for \['n1', 'n2'\]"),
    "sigmoid plot value nan": (lambda: SigmoidPlot().draw(n1=0.0, n2=math.nan, n3=1.0), ValueError, r"n2 must be a finite real number; got nan"),
    "sigmoid plot names": (lambda: SigmoidPlot(names=("n1", "n1")), ValueError, r"names must be distinct; got \('n1', 'n1'\)"),
    "sigmoid plot names a string": (lambda: SigmoidPlot(names="n1"), TypeError, r"names must be a tuple of parameter names; got 'n1'"),
    "sigmoid plot z_range": (lambda: SigmoidPlot(z_range=(8, -8)), ValueError, r"z_range must be finite with low < high"),
    "norm plot not a function": (lambda: GradientNormPlot([1.0]), TypeError, r"gradients must be a function of the slider values returning arrays; got \[1.0\]"),
    "norm plot returns an array": (lambda: GradientNormPlot(lambda: np.eye(2)).draw(), TypeError, r"gradients must return a non-empty list of arrays"),
    "norm plot returns nan": (lambda: GradientNormPlot(lambda: [np.array([math.nan])]).draw(), ValueError, r"gradients must return finite arrays; their norms are \(nan,\)"),
    "norm plot layer count changes": (lambda: _draw_twice(GradientNormPlot(lambda k=2: [np.eye(2)] * k)), ValueError, r"gradients must return 2 arrays every time; got 3"),
    # the explorer
    "explorer lr outside the slider": (lambda: HomeworkExplorer(lr=5.0), ValueError, r"lr must be between 0.01 and 1.0 \(the slider's range\); got 5.0"),
    "explorer lr off the slider's steps": (lambda: HomeworkExplorer(lr=0.015), ValueError, r"lr must be a multiple of 0.01 \(the slider's step\); got 0.015"),
    "explorer lr nan": (lambda: HomeworkExplorer(lr=math.nan), TypeError, r"lr must be a finite real number; got nan"),
    "explorer value too large": (lambda: HomeworkExplorer(values={"b1_1": 60.0}), ValueError, r"b1_1 must be between -50 and 50; got 60.0"),
    "explorer values a list": (lambda: HomeworkExplorer(values=[1.0]), TypeError, r"values must be a dict of parameter name -> number, or None; got \[1.0\]"),
    "explorer selected unknown": (lambda: HomeworkExplorer(selected="lr"), ValueError, r"selected must be one of w1_11, .*b3_1; got 'lr'"),
    "readout of a dict": (lambda: readout({"loss": 1.0}), TypeError, r"state must be an ExplorerState \(from explorer_state\(...\)\) or None"),
    "explorer_state centre far away": (lambda: explorer_state(centre=9.0), ValueError, r"centre must lie within 1.5 of w3_11 = 1.0; got 9.0"),
    "explorer_state centre nan": (lambda: explorer_state(centre=math.nan), TypeError, r"centre must be a finite real number or None; got nan"),
    "loss plot of a dict": (lambda: LossPlot().draw({}), TypeError, r"state must be an ExplorerState"),
    "twin text None": (lambda: StaticView(None), TypeError, r"text must be a str; got NoneType"),
    "twin picture not PNG": (lambda: StaticView("x", None, [b"GIF89a"]), TypeError, r"pngs\[0\] must be PNG bytes"),
    "widget not a widget": (lambda: display_widget(object(), "A stepper"), TypeError,
                            r"widget must be an ipywidgets widget; got object"),
    "widget unnamed": (lambda: display_widget(DerivationStepper(STEPS).widget, ""), TypeError,
                       r"what must be a non-empty str naming the widget"),
    "loss plot centre of a string": (lambda: LossPlot().centre_for("w3_11", "1"), TypeError, r"value must be a finite real number; got '1'"),
}


def _draw_twice(plot):
    plot.draw(k=2)
    plot.draw(k=3)


VALID_CALLS = [  # one per public callable of matgrad.widgets (tests/test_bad_input_coverage.py)
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
    fresh("matgrad.widgets.SigmoidPlot.draw", lambda: SigmoidPlot().draw, n1=-2.0, n2=0.0, n3=3.0),
    valid("matgrad.widgets.GradientNormPlot", GradientNormPlot, two_layers, "norms"),
    fresh("matgrad.widgets.GradientNormPlot.draw", lambda: GradientNormPlot(two_layers).draw, a=0.5),
    valid("matgrad.widgets.HomeworkExplorer", HomeworkExplorer, {"w3_11": 1.5}, 0.2, "w2_12"),
    valid("matgrad.widgets.show_explorer", show_explorer, {"w3_11": 1.5}, 0.2, "w2_12"),
    valid("matgrad.widgets.readout", readout, explorer_state()),
    valid("matgrad.widgets.details", details, explorer_state()),
    valid("matgrad.widgets.explorer.explorer_state", explorer_state, {"w3_11": 1.5}, 0.2, "w3_11", 1.0),
    valid("matgrad.widgets.loss_plot.LossPlot", LossPlot),
    fresh("matgrad.widgets.loss_plot.LossPlot.centre_for", lambda: LossPlot().centre_for, "w3_11", 1.0),
    fresh("matgrad.widgets.loss_plot.LossPlot.draw", lambda: LossPlot().draw, explorer_state()),
    valid("matgrad.widgets.twin.StaticView", StaticView, "a = 1.00", "<p>a</p>", [b"\x89PNG..."]),
    fresh("matgrad.widgets.twin.display_widget", lambda: display_widget, DerivationStepper(STEPS).widget, "A stepper"),
]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)
