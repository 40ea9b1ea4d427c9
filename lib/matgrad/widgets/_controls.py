"""The ipywidgets controls a :class:`~matgrad.widgets.panel.SliderPanel` builds from short specs.

* ``(min, max, step)`` -- a slider starting at the view's default;
* ``(value, min, max, step)`` -- the same, with the start written out (it
  must equal the view's default: the static twin prints the default);
* a list of options -- a dropdown starting at the view's default.

Sliders of whole numbers are ``IntSlider``; others ``FloatSlider`` whose
readout shows as many decimals as the step has.

>>> s = slider_or_dropdown("x", (-12, 12, 0.5), 9.0, "x")
>>> type(s).__name__, s.value, s.min, s.max, s.step, s.readout_format
('FloatSlider', 9.0, -12.0, 12.0, 0.5, '.1f')
>>> slider_or_dropdown("k", (1, 5, 1), 2, "k").__class__.__name__
'IntSlider'
>>> slider_or_dropdown("x", (0, 1, 0.1), 3.0, "x")
Traceback (most recent call last):
...
ValueError: x: the view's default 3.0 must lie within the slider's range [0, 1]
"""

import math
import numbers


def _look():
    """Layout and style of every control (fresh dicts: ipywidgets keeps what it is given)."""
    return {"layout": {"width": "320px"}, "style": {"description_width": "64px"}}


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _decimals(step):
    """Decimals needed to print multiples of ``step`` exactly (0.5 -> 1, 0.25 -> 2, 2 -> 0)."""
    for d in range(7):
        if abs(round(step, d) - step) <= 1e-9 * step:
            return d
    return 6


def _dropdown(name, options, default, description):
    import ipywidgets as widgets

    if not options or len(set(map(repr, options))) != len(options):
        raise ValueError(f"{name}: a dropdown needs a list of distinct options; got {options!r}")
    if default not in options:
        raise ValueError(f"{name}: the view's default {default!r} must be one of the options {options!r}")
    return widgets.Dropdown(options=list(options), value=default, description=description, **_look())


def slider_or_dropdown(name, spec, default, description):
    """The control for parameter ``name`` from ``spec``, starting at ``default``."""
    import ipywidgets as widgets

    if not isinstance(description, str):
        raise TypeError(f"{name}: the description must be a string; got {description!r}")
    if isinstance(spec, list):
        return _dropdown(name, spec, default, description)
    if not isinstance(spec, tuple) or len(spec) not in (3, 4) or not all(map(_is_number, spec)):
        raise TypeError(
            f"{name} must be (min, max, step), (value, min, max, step) or a list of options; got {spec!r}"
        )
    if len(spec) == 4:
        value, low, high, step = spec
        if value != default:
            raise ValueError(f"{name}: the slider starts at {value} but the view's default is {default!r}; "
                             "the static twin prints the default, so they must agree")  # fmt: skip
    else:
        low, high, step = spec
    if not _is_number(default):
        raise ValueError(f"{name}: a slider needs a finite number as the view's default; got {default!r}")
    if not (low < high and 0 < step <= high - low and (high - low) / step <= 100_000):
        raise ValueError(f"{name} must have min < max and 0 < step <= max - min (at most 100000 steps); got {spec!r}")
    if not low <= default <= high:
        raise ValueError(f"{name}: the view's default {default!r} must lie within the slider's range [{low}, {high}]")
    if isinstance(default, numbers.Integral) and not all(isinstance(v, numbers.Integral) for v in (low, high, step)):
        raise ValueError(f"{name}: the view's default {default!r} is an int but the slider gives floats; "
                         f"write {float(default)!r} so the static twin prints what the slider gives")  # fmt: skip
    ticks = (default - low) / step
    if abs(ticks - round(ticks)) > 1e-6:
        raise ValueError(f"{name}: the view's default {default!r} must be min + a whole number of steps ({step})")
    common = {"description": description, "continuous_update": True, **_look()}
    if all(isinstance(v, numbers.Integral) for v in (low, high, step, default)):
        return widgets.IntSlider(value=int(default), min=int(low), max=int(high), step=int(step), **common)
    return widgets.FloatSlider(value=float(default), min=float(low), max=float(high), step=float(step),
                               readout_format=f".{_decimals(float(step))}f", **common)  # fmt: skip
