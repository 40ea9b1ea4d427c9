"""Sliders over a plain function that returns text, with an optional plot.

A notebook defines ``view(**values) -> str`` (short and readable, its
parameters' defaults are the starting point) and shows it two ways:

* ``SliderPanel(view, x=(-12, 12, 0.5), ...)`` -- one slider per named
  parameter; every move calls ``view`` again and replaces the text of one
  ``<pre>`` in place (and redraws the plot's one figure, if there is a plot);
* ``show_static(view, plot)`` -- the static twin: prints ``view()`` and shows
  the plot's picture at the defaults, so GitHub and nbviewer show both.

A slider is ``(min, max, step)`` (its value is the view's default) or
``(value, min, max, step)``; a list of options makes a dropdown;
``every=(min, max, step)`` gives every other parameter a slider. Sliders of
whole numbers are ``IntSlider``; others ``FloatSlider`` whose readout shows
as many decimals as the step has.

>>> def area(width=2.0, height=3.0):
...     return f"area = {width * height:.2f}"
>>> panel = SliderPanel(area, width=(0, 10, 0.5), height=(0, 10, 0.5))
>>> panel.text
'area = 6.00'
>>> panel.controls["width"].value = 4.0
>>> panel.text
'area = 12.00'
>>> show_static(area)
area = 6.00
"""

import abc
import html
import inspect
import numbers

from matgrad import _validate
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["SliderPanel", "show_static"]


def _defaults(view):
    """``{name: default}`` of ``view``'s parameters (all must have one)."""
    if not callable(view):
        raise TypeError(f"view must be a function returning the text to show; got {_validate.shown(view)}")
    try:
        parameters = inspect.signature(view).parameters
    except (TypeError, ValueError):
        raise TypeError(f"view must be a plain Python function; got {_validate.shown(view)}") from None
    defaults = {}
    for name, p in parameters.items():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is p.empty:
            raise ValueError(f"view's parameter {name!r} must have a default (the panel's starting value)")
        defaults[name] = p.default
    return defaults


def _text(view, values):
    text = view(**values)
    if not isinstance(text, str):
        raise TypeError(f"view must return the text to show (a str), not print it; got {_validate.shown(text)}")
    return text


class _Plot(abc.ABC):
    """What a panel shows beside its text: anything with a ``draw(**values)`` method returning
    PNG bytes, such as a :class:`~matgrad.widgets.plots.SigmoidPlot` (a class is not one)."""

    @classmethod
    def __subclasshook__(cls, other):
        return callable(getattr(other, "draw", None)) or NotImplemented


def _check_plot(plot):
    if plot is not None:
        _validate.instance(plot, "plot", _Plot, "an object with a draw(**values) method returning PNG bytes, "
                                                "such as SigmoidPlot()")  # fmt: skip


def _png(plot, values):
    png = plot.draw(**values)
    if not isinstance(png, bytes) or not png.startswith(b"\x89PNG"):
        raise TypeError(f"plot.draw must return PNG bytes; got {type(png).__name__}")
    return png


def show_static(view, plot=None):
    """The panel's static twin: ``view()`` at its defaults and ``plot``'s picture for them,
    displayed as one :class:`~matgrad.widgets.twin.StaticView` (hidden while a widget is live)."""
    defaults = _defaults(view)
    _check_plot(plot)
    text = _text(view, defaults)
    png = None if plot is None else _png(plot, defaults)
    from IPython.display import display

    display(StaticView(text, pngs=() if png is None else (png,)))


class SliderPanel:
    """Sliders over ``view`` (text in a ``<pre>``) and an optional plot, updated in place.

    ``controls`` maps each parameter to its slider (or dropdown); setting a
    control's ``value`` updates ``text`` (the ``<pre>`` of ``output``) and
    ``image`` (the plot's PNG) before returning. ``widget`` is the panel;
    displaying the object displays it. ``labels`` gives sliders a description
    other than the parameter name (e.g. ``{"g1": "dL/dy1"}``). A view that
    raises for some slider setting shows the error in place of the text.

    >>> def y(w1=1.0, w2=2.0, x=3.0):
    ...     return f"y = {w1 * x + w2:.2f}"
    >>> panel = SliderPanel(y, every=(-12, 12, 0.5), x=(0, 5, 1.0))
    >>> [(c.description, c.min, c.step) for c in panel.controls.values()]
    [('w1', -12.0, 0.5), ('w2', -12.0, 0.5), ('x', 0.0, 1.0)]
    """

    def __init__(self, view, plot=None, labels=None, every=None, **controls):
        import ipywidgets as widgets

        defaults = _defaults(view)
        _check_plot(plot)
        specs = {name: (spec, name) for name, spec in controls.items()}
        if every is not None:
            if not isinstance(every, tuple) or len(every) != 3:
                raise TypeError(f"every must be (min, max, step), the slider of every other parameter; "
                                f"got {_validate.shown(every)}")  # fmt: skip
            _slider_range(every, "every")
            specs = {**{name: (every, "every") for name in defaults if name not in controls}, **specs}
        if not specs:
            raise ValueError("SliderPanel needs at least one slider: a parameter's, e.g. x=(-12, 12, 0.5), or "
                             "every=(-12, 12, 0.5) for all of them; got none")  # fmt: skip
        labels = {} if labels is None else labels
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise TypeError(f"labels must be a dict of parameter name -> description (str); got {_validate.shown(labels)}")
        unknown = sorted((set(specs) | set(labels)) - set(defaults))
        if unknown:
            raise ValueError(f"view has no parameter {unknown[0]!r}; expected one of {', '.join(defaults)}")
        self.view, self.plot = view, plot
        self.controls = {
            name: _control(name, spec, source, defaults[name], labels.get(name, name))
            for name, (spec, source) in specs.items()
        }
        self.output = widgets.HTML(layout={"margin": "0 0 0 12px"})
        self.output.add_class("matgrad-output")
        parts = [self.output]
        self.image = None
        if plot is not None:
            self.image = widgets.Image(format="png", layout={"max_width": "100%"})
            self.image.add_class("matgrad-output")
            parts.insert(0, self.image)
        column = widgets.VBox(list(self.controls.values()))
        self.widget = widgets.HBox([column, widgets.VBox(parts)], layout={"flex_flow": "row wrap"})
        self.widget.add_class("matgrad-widget")
        self._defaults = defaults
        self.update()  # the default state: errors here are the caller's to see
        for control in self.controls.values():
            control.observe(self._changed, names="value")

    @property
    def values(self):
        """The view's arguments now: its defaults, overridden by the controls."""
        return {**self._defaults, **{name: c.value for name, c in self.controls.items()}}

    @property
    def text(self):
        """The text shown now (what ``view(**values)`` returned)."""
        return html.unescape(self.output.value.removeprefix("<pre>").removesuffix("</pre>"))

    def update(self):
        """Call ``view`` (and the plot) for the current values and show the results."""
        values = self.values
        text = _text(self.view, values)
        png = None if self.plot is None else _png(self.plot, values)
        self.output.value = f"<pre>{html.escape(text)}</pre>"
        if png is not None:
            self.image.value = png

    def _changed(self, _change):
        try:
            self.update()
        except Exception as error:  # noqa: BLE001 -- shown to the student instead of lost in a log
            self.output.value = f"<pre>{html.escape(f'{type(error).__name__}: {error}')}</pre>"

    def _ipython_display_(self):
        display_widget(self.widget, "A slider panel")


# ------------------------------------------------------------------ the controls
def _look():
    """Layout and style of every control (fresh dicts: ipywidgets keeps what it is given)."""
    return {"layout": {"width": "320px"}, "style": {"description_width": "64px"}}


def _decimals(step):
    """Decimals needed to print multiples of ``step`` exactly (0.5 -> 1, 0.25 -> 2, 2 -> 0)."""
    for d in range(7):
        if abs(round(step, d) - step) <= 1e-9 * step:
            return d
    return 6


def _slider_range(spec, source):
    """``(min, max, step)`` of a slider spec of 3 or 4 numbers, as floats; ``source`` names it."""
    labels = ("min", "max", "step") if len(spec) == 3 else ("value", "min", "max", "step")
    checked = [_validate.real(v, f"{source} ({label})") for label, v in zip(labels, spec)]
    low, high, step = checked[-3:]
    if not (low < high and 0 < step <= high - low and (high - low) / step <= 100_000):
        raise ValueError(f"{source} must have min < max and 0 < step <= max - min (at most 100000 steps); "
                         f"got {_validate.shown(spec)}")  # fmt: skip
    return low, high, step


def _dropdown(name, options, default, description):
    import ipywidgets as widgets

    if not options or len(set(map(repr, options))) != len(options):
        raise ValueError(f"{name}: a dropdown needs a list of distinct options; got {_validate.shown(options)}")
    if default not in options:
        raise ValueError(f"{name}: the view's default {default!r} must be one of the options {options!r}")
    return widgets.Dropdown(options=list(options), value=default, description=description, **_look())


def _control(name, spec, source, default, description):
    """The control of parameter ``name`` from ``spec`` (given as ``source``: ``name`` or ``"every"``),
    starting at the view's ``default``.

    >>> s = _control("x", (-12, 12, 0.5), "x", 9.0, "x")
    >>> type(s).__name__, s.value, s.min, s.max, s.step, s.readout_format
    ('FloatSlider', 9.0, -12.0, 12.0, 0.5, '.1f')
    >>> _control("k", (1, 5, 1), "every", 2, "k").__class__.__name__
    'IntSlider'
    """
    import ipywidgets as widgets

    if isinstance(spec, list):
        return _dropdown(name, spec, default, description)
    if not isinstance(spec, tuple) or len(spec) not in (3, 4):
        raise TypeError(f"{name} must be (min, max, step), (value, min, max, step) or a list of options; "
                        f"got {_validate.shown(spec)}")  # fmt: skip
    low, high, step = _slider_range(spec, source)
    given = "" if source == name else f" (every={spec!r})"
    if len(spec) == 4 and spec[0] != default:
        raise ValueError(f"{name}: the slider starts at {spec[0]} but the view's default is {default!r}; "
                         "the static twin prints the default, so they must agree")  # fmt: skip
    _validate.real(default, f"{name}: the view's default (a slider's start)")
    if not low <= default <= high:
        raise ValueError(f"{name}: the view's default {default!r} must lie within the slider's range "
                         f"[{spec[-3]}, {spec[-2]}]{given}")  # fmt: skip
    whole = all(isinstance(v, numbers.Integral) for v in spec[-3:])
    if isinstance(default, numbers.Integral) and not whole:
        raise ValueError(f"{name}: the view's default {default!r} is an int but the slider gives floats{given}; "
                         f"write {float(default)!r} so the static twin prints what the slider gives")  # fmt: skip
    ticks = (default - low) / step
    if abs(ticks - round(ticks)) > 1e-6:
        raise ValueError(f"{name}: the view's default {default!r} must be min + a whole number of steps "
                         f"({spec[-1]}){given}")  # fmt: skip
    common = {"description": description, "continuous_update": True, **_look()}
    if whole and isinstance(default, numbers.Integral):
        return widgets.IntSlider(value=int(default), min=int(low), max=int(high), step=int(step), **common)
    return widgets.FloatSlider(value=float(default), min=low, max=high, step=step,
                               readout_format=f".{_decimals(step)}f", **common)  # fmt: skip
