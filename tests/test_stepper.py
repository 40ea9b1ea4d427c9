"""DerivationStepper follows the widget contract; captions keep their inline
math for HTMLMath and Markdown alike; bad step numbers get clear errors."""

import math

import pytest
import sympy as sp
from tests.bad_input import Case, assert_clear_error

from matgrad.widgets import DerivationStepper, show_derivation, step
from matgrad.widgets.stepper import derivation_markdown

STEPS = [
    step("Start from $y = Wx$ with $W \\in \\mathbb{R}^{2 \\times 3}$", "y = Wx"),
    step("Entry by entry, $y_i = \\sum_j w_{ij} x_j$", "\\frac{\\partial y_i}{\\partial x_j} = w_{ij}"),
    step("So the Jacobian is $W$ (and $a < b$ stays text)", sp.Matrix([[1, 2]]), lhs="J"),
]


def test_controls_is_the_step_slider_and_setting_it_reveals_steps():
    stepper = DerivationStepper(STEPS, title="y = Wx")
    assert list(stepper.controls) == ["step"] and stepper.controls["step"] is stepper.slider
    assert stepper.html.count("<p>") == 1
    views = list(stepper.step_views)
    stepper.controls["step"].value = 3
    assert stepper.step_views == views  # the same widgets, only shown or hidden
    assert stepper.html.count("<p>") == 3
    assert (stepper.previous_button.disabled, stepper.next_button.disabled) == (False, True)
    stepper.controls["step"].value = 1
    assert stepper.html.count("<p>") == 1 and stepper.previous_button.disabled


def test_buttons_move_one_step_and_show_jumps():
    stepper = DerivationStepper(STEPS)
    stepper.next_button.click()
    stepper.next_button.click()
    assert stepper.current == 3
    stepper.next_button.click()  # disabled in the browser; from code it stays at the end
    assert stepper.current == 3
    stepper.show(1)
    stepper.previous_button.click()
    assert stepper.current == 1 and stepper.html.count("<p>") == 1


def test_captions_keep_inline_math_in_the_widget_and_in_the_markdown():
    stepper = DerivationStepper(STEPS)
    stepper.show(3)
    body = stepper.html
    assert "Start from $y = Wx$ with $W \\in \\mathbb{R}^{2 \\times 3}$" in body
    assert "$y_i = \\sum_j w_{ij} x_j$" in body
    assert "(and $a &lt; b$ stays text)" in body  # escaped for HTML; the browser gives MathJax '<'
    assert "$$J = \\left[\\begin{matrix}1 &amp; 2\\end{matrix}\\right]$$" in body
    markdown = derivation_markdown(STEPS)
    assert "**Step 1 of 3.** Start from $y = Wx$ with $W \\in \\mathbb{R}^{2 \\times 3}$" in markdown
    assert "$$J = \\left[\\begin{matrix}1 & 2\\end{matrix}\\right]$$" in markdown


def test_the_static_twin_is_one_display_of_every_step(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs: shown.append(objs))
    show_derivation(STEPS)
    assert len(shown) == 1 and len(shown[0]) == 1
    twin = shown[0][0]
    assert repr(twin) == derivation_markdown(STEPS)  # the plain text nbval compares
    for number, item in enumerate(STEPS, start=1):  # the HTML shows every step as the stepper does
        assert f"<b>Step {number} of {len(STEPS)}.</b>" in twin._repr_html_()


@pytest.mark.parametrize(
    "number, error, given",
    [(math.nan, TypeError, "nan"), ("3", TypeError, "'3'"), (2.0, TypeError, "2.0"), (None, TypeError, "None"),
     (0, ValueError, "0"), (4, ValueError, "4"), (-1, ValueError, "-1")],
)  # fmt: skip
def test_show_rejects_what_is_not_a_step_number(number, error, given):
    stepper = DerivationStepper(STEPS)
    assert_clear_error(Case(lambda: stepper.show(number), error, "number", given))
    assert stepper.current == 1  # unchanged
