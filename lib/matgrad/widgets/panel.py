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
``every=(min, max, step)`` gives every other parameter a slider.

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

import html
import inspect

from matgrad.widgets._controls import _is_number, slider_or_dropdown
from matgrad.widgets.twin import StaticView, display_widget

__all__ = ["SliderPanel", "show_static"]


def _defaults(view):
    """``{name: default}`` of ``view``'s parameters (all must have one)."""
    if not callable(view):
        raise TypeError(f"view must be a function returning the text to show; got {view!r}")
    try:
        parameters = inspect.signature(view).parameters
    except (TypeError, ValueError):
        raise TypeError(f"view must be a plain Python function; got {view!r}") from None
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
        raise TypeError(f"view must return the text to show (a str), not print it; got {text!r}")
    return text


def _check_plot(plot):
    if plot is not None and not callable(getattr(plot, "draw", None)):
        raise TypeError(f"plot must have a draw(**values) method returning PNG bytes; got {plot!r}")


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
        if every is not None:
            if not isinstance(every, tuple) or len(every) != 3 or not all(map(_is_number, every)):
                raise TypeError(f"every must be (min, max, step), the slider of every other parameter; got {every!r}")
            controls = {**{name: every for name in defaults if name not in controls}, **controls}
        if not controls:
            raise ValueError("SliderPanel needs at least one slider, e.g. x=(-12, 12, 0.5) or every=(-12, 12, 0.5)")
        labels = {} if labels is None else labels
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise TypeError(f"labels must be a dict of parameter name -> description (str); got {labels!r}")
        unknown = sorted((set(controls) | set(labels)) - set(defaults))
        if unknown:
            raise ValueError(f"view has no parameter {unknown[0]!r}; expected one of {', '.join(defaults)}")
        self.view, self.plot = view, plot
        self.controls = {
            name: slider_or_dropdown(name, spec, defaults[name], labels.get(name, name))
            for name, spec in controls.items()
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
