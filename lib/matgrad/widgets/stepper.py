"""Reveal a derivation one line at a time.

A derivation is a list of :class:`Step` (a sentence plus one LaTeX line,
usually ``lhs = sympy result``). The same list feeds two views:

* :func:`derivation_markdown` / :func:`show_derivation` -- every step at
  once, as Markdown; the static view that reads on GitHub and nbviewer.
* :class:`DerivationStepper` -- an ipywidgets panel with Previous / Next
  buttons and a slider, showing steps 1..k.
"""

import html
import numbers
from collections.abc import Iterable
from typing import NamedTuple

import sympy as sp

from matgrad import _validate
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["DerivationStepper", "Step", "derivation_markdown", "show_derivation", "step"]


class Step(NamedTuple):
    """One line of a derivation: an explanation and a LaTeX formula."""

    text: str
    latex: str


def step(text, expr=None, lhs=None):
    """Build a :class:`Step`; ``expr`` may be a sympy object or a LaTeX string.

    >>> step("The Jacobian is the weight matrix", sp.Matrix([[1, 2]]), lhs=r"\\frac{dy}{dx}").latex
    '\\\\frac{dy}{dx} = \\\\left[\\\\begin{matrix}1 & 2\\\\end{matrix}\\\\right]'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string; got {type(text).__name__}")
    if lhs is not None and not isinstance(lhs, str):
        raise TypeError(f"lhs must be a LaTeX string or None; got {_validate.shown(lhs)}")
    if expr is None:
        body = ""
    elif isinstance(expr, str):
        body = expr
    elif isinstance(expr, numbers.Real) and not isinstance(expr, bool):
        if not isinstance(expr, numbers.Integral):  # an int is exact, whatever its size
            _validate.real(expr, "expr")
        body = sp.latex(sp.sympify(expr))
    elif isinstance(expr, (sp.Basic, sp.MatrixBase)):
        body = sp.latex(expr)
    else:
        raise TypeError(f"expr must be a sympy expression, a finite number or a LaTeX string; "
                        f"got {_validate.shown(expr)}")  # fmt: skip
    latex = f"{lhs} = {body}" if lhs is not None else body
    return Step(text, latex)


def _checked(steps):
    if isinstance(steps, (str, bytes, Step)) or not isinstance(steps, Iterable):
        raise TypeError(f"steps must be a list of Step (made with step(...)); got {_validate.shown(steps)}")
    steps = list(steps)
    if not steps:
        raise ValueError("steps must not be empty: a derivation needs at least one step; got none")
    for index, item in enumerate(steps):
        if not isinstance(item, Step):
            raise TypeError(f"steps[{index}] must be a Step (made with step(...)); got {_validate.shown(item)}")
    return steps


def derivation_markdown(steps, upto=None):
    """Markdown for steps 1..``upto`` (all by default), each numbered with its formula.

    >>> print(derivation_markdown([step("Start", "y = Wx"), step("Differentiate", "J = W")], upto=1))
    **Step 1 of 2.** Start
    <BLANKLINE>
    $$y = Wx$$
    """
    steps = _checked(steps)
    upto = len(steps) if upto is None else _validate.integer(upto, "upto", low=1, high=len(steps))
    blocks = []
    for number, item in enumerate(steps[:upto], start=1):
        block = f"**Step {number} of {len(steps)}.** {item.text}"
        if item.latex:
            block += f"\n\n$${item.latex}$$"
        blocks.append(block)
    return "\n\n".join(blocks)


def show_derivation(steps):
    """Display every step at once (the static twin of the stepper).

    One :class:`~matgrad.widgets.twin.StaticView`: its plain text is
    :func:`derivation_markdown`, its HTML the steps as the stepper shows
    them; JupyterLab hides it while a widget of the notebook is live, so it
    does not spoil the stepper.
    """
    from IPython.display import display

    steps = _checked(steps)
    body = "".join(_html(number, item, len(steps)) for number, item in enumerate(steps, start=1))
    display(StaticView(derivation_markdown(steps), body_html=body))


class DerivationStepper:
    """An ipywidgets panel: Previous / Next buttons and a slider reveal steps 1..k.

    ``DerivationStepper(steps).widget`` is the panel; displaying the stepper
    itself displays it. ``controls == {"step": slider}``: setting the
    slider's value (or calling ``show(k)``, what the buttons do) reveals
    steps 1..k at once. Captions are plain text with inline math ``$...$``,
    rendered like the Markdown of :func:`show_derivation`.

    Each step is its own HTMLMath widget (``step_views``), typeset once when
    the panel is shown; revealing a step only switches its display on, so a
    move costs no new typesetting. ``html`` is the HTML of the steps shown.

    >>> stepper = DerivationStepper([step("a", "x = 1"), step("b", "y = 2")])
    >>> stepper.show(2)
    >>> stepper.current, stepper.next_button.disabled
    (2, True)
    >>> stepper.controls["step"].value = 1
    >>> stepper.html.count("Step ")
    1
    """

    def __init__(self, steps, title="Derivation"):
        import ipywidgets as widgets

        self.steps = _checked(steps)
        if not isinstance(title, str):
            raise TypeError(f"title must be a string; got {_validate.shown(title)}")
        count = len(self.steps)
        self.previous_button = widgets.Button(description="◀ Previous", layout={"width": "120px"})
        self.next_button = widgets.Button(description="Next ▶", layout={"width": "120px"})
        self.slider = widgets.IntSlider(
            value=1, min=1, max=count, description="step", continuous_update=True
        )
        self.controls = {"step": self.slider}
        self.step_views = [
            widgets.HTMLMath(_html(number, item, count), layout={"display": "none"})
            for number, item in enumerate(self.steps, start=1)
        ]
        self.body = widgets.VBox(self.step_views)
        self.previous_button.on_click(lambda _: self.show(max(1, self.current - 1)))
        self.next_button.on_click(lambda _: self.show(min(count, self.current + 1)))
        self.slider.observe(lambda change: self._reveal(change["new"]), names="value")
        header = widgets.HTMLMath(f"<b>{html.escape(title, quote=False)}</b>")  # a title may hold $math$ too
        buttons = widgets.HBox([self.previous_button, self.slider, self.next_button])
        self.widget = widgets.VBox([header, buttons, self.body])
        self.widget.add_class("matgrad-widget")
        self._reveal(1)

    @property
    def current(self):
        """The number of steps shown."""
        return self.slider.value

    @property
    def html(self):
        """The HTML of the steps shown now (what HTMLMath typesets)."""
        return "\n".join(view.value for view in self.step_views if view.layout.display != "none")

    def show(self, number):
        """Reveal steps 1..``number`` (an int from 1 to the number of steps)."""
        number = _validate.integer(number, "number", low=1, high=len(self.steps))
        if self.slider.value == number:
            self._reveal(number)
        else:
            self.slider.value = number  # its observer reveals the steps

    def _reveal(self, number):
        for shown, view in enumerate(self.step_views, start=1):
            view.layout.display = None if shown <= number else "none"
        self.previous_button.disabled = number == 1
        self.next_button.disabled = number == len(self.steps)

    def _ipython_display_(self):
        display_widget(self.widget, "A derivation, one step at a time")


def _html(number, item, total):
    """One step as HTML for HTMLMath: the caption escaped (its ``$...$`` math stays), the formula in ``$$``."""
    formula = f"$${html.escape(item.latex, quote=False)}$$" if item.latex else ""
    return f"<p><b>Step {number} of {total}.</b> {html.escape(item.text, quote=False)}</p>{formula}"
