"""Reveal a derivation one line at a time.

A derivation is a list of :class:`Step` (a sentence plus one LaTeX line,
usually ``lhs = sympy result``). The same list feeds two views:

* :func:`derivation_markdown` / :func:`show_derivation` -- every step at
  once, as Markdown; the static view that reads on GitHub and nbviewer.
* :class:`DerivationStepper` -- an ipywidgets panel with Previous / Next
  buttons and a slider, showing steps 1..k.
"""

from typing import NamedTuple

import sympy as sp


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
    if expr is None:
        body = ""
    elif isinstance(expr, str):
        body = expr
    else:
        body = sp.latex(expr)
    latex = f"{lhs} = {body}" if lhs is not None else body
    return Step(text, latex)


def _checked(steps):
    steps = list(steps)
    if not steps:
        raise ValueError("a derivation needs at least one step; got none")
    for index, item in enumerate(steps):
        if not isinstance(item, Step):
            raise TypeError(f"steps[{index}] must be a matgrad.widgets.stepper.Step; got {item!r}")
    return steps


def derivation_markdown(steps, upto=None):
    """Markdown for steps 1..``upto`` (all by default), each numbered with its formula.

    >>> print(derivation_markdown([step("Start", "y = Wx"), step("Differentiate", "J = W")], upto=1))
    **Step 1 of 2.** Start
    <BLANKLINE>
    $$y = Wx$$
    """
    steps = _checked(steps)
    upto = len(steps) if upto is None else upto
    if not 1 <= upto <= len(steps):
        raise ValueError(f"upto must be between 1 and {len(steps)}; got {upto}")
    blocks = []
    for number, item in enumerate(steps[:upto], start=1):
        block = f"**Step {number} of {len(steps)}.** {item.text}"
        if item.latex:
            block += f"\n\n$${item.latex}$$"
        blocks.append(block)
    return "\n\n".join(blocks)


def show_derivation(steps):
    """Display every step at once as Markdown (the static twin of the stepper)."""
    from IPython.display import Markdown, display

    display(Markdown(derivation_markdown(steps)))


class DerivationStepper:
    """An ipywidgets panel: Previous / Next buttons and a slider reveal steps 1..k.

    ``DerivationStepper(steps).widget`` is the panel; displaying the stepper
    itself displays the panel. ``show(k)`` jumps to step k (what the
    buttons call), so it can also be driven from code.

    >>> stepper = DerivationStepper([step("a", "x = 1"), step("b", "y = 2")])
    >>> stepper.show(2)
    >>> stepper.current
    2
    >>> stepper.next_button.disabled
    True
    """

    def __init__(self, steps, title="Derivation"):
        import ipywidgets as widgets

        self.steps = _checked(steps)
        count = len(self.steps)
        self.previous_button = widgets.Button(description="◀ Previous", layout={"width": "120px"})
        self.next_button = widgets.Button(description="Next ▶", layout={"width": "120px"})
        self.slider = widgets.IntSlider(
            value=1, min=1, max=count, description="step", continuous_update=True
        )
        self.body = widgets.HTMLMath()
        self.previous_button.on_click(lambda _: self.show(self.current - 1))
        self.next_button.on_click(lambda _: self.show(self.current + 1))
        self.slider.observe(lambda change: self.show(change["new"]), names="value")
        header = widgets.HTML(f"<b>{title}</b>")
        controls = widgets.HBox([self.previous_button, self.slider, self.next_button])
        self.widget = widgets.VBox([header, controls, self.body])
        self.show(1)

    @property
    def current(self):
        return self.slider.value

    def show(self, number):
        """Reveal steps 1..``number`` (clipped to the valid range)."""
        number = max(1, min(len(self.steps), int(number)))
        self.slider.value = number  # re-enters show() once via observe; harmless
        self.body.value = _html(self.steps[:number], len(self.steps))
        self.previous_button.disabled = number == 1
        self.next_button.disabled = number == len(self.steps)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def _html(steps, total):
    rows = []
    for number, item in enumerate(steps, start=1):
        formula = f"$${item.latex}$$" if item.latex else ""
        rows.append(f"<p><b>Step {number} of {total}.</b> {item.text}</p>{formula}")
    return "\n".join(rows)
