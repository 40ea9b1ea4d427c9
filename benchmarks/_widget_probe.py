"""Kernel-side half of benchmarks/bench_widgets.py: find the widgets a notebook made, time them.

Imported *inside the notebook's kernel* (the benchmark puts this folder on
the kernel's ``sys.path``). A widget is anything that follows the widget
contract of ``matgrad.widgets`` -- an object with ``.widget`` (an ipywidgets
widget) and ``.controls`` (a dict of value widgets) in its instance dict --
or an ``ipywidgets.interactive`` (what ``interact`` builds; it has no
contract, but it is still a widget of the course and is measured the same
way: set a control's value, the update runs before the assignment returns).

* ``mark(cell)`` after each cell remembers which widget models exist, so a
  widget is reported with the notebook cell that created it;
* ``found()`` lists the widgets, in creation order;
* ``time_controls(n)`` sets every control of every widget ``n`` times (one
  step at a time, bouncing between min and max) and returns the times;
* ``tag()`` adds CSS classes ``mgb-w<i>`` (root) and ``mgb-w<i>-c<j>``
  (controls) so the browser half can find them, and returns the same list.

Every function prints one ``MGBENCH <json>`` line for the caller to parse.
"""

import gc
import json
import time

CONTRACT = "contract"
INTERACT = "interact (no contract)"
_MARKS = []  # (cell index, model ids existing after that cell), in run order


def _instances():
    from ipywidgets.widgets.widget import _instances as live

    return live


def mark(cell):
    """Remember the widget models that exist after notebook cell ``cell``."""
    _MARKS.append((cell, set(_instances())))


def _cell_of(model_id):
    return next((cell for cell, ids in _MARKS if model_id in ids), None)


def _describe(obj):
    """``(kind, label, root, controls)`` for a widget, or ``None``."""
    import ipywidgets

    if isinstance(obj, ipywidgets.interactive):
        return INTERACT, getattr(obj.f, "__name__", "?"), obj, {w._kwarg: w for w in obj.kwargs_widgets}
    attrs = getattr(obj, "__dict__", None)
    if not isinstance(attrs, dict) or isinstance(obj, type):
        return None
    root, controls = attrs.get("widget"), attrs.get("controls")
    if not (isinstance(root, ipywidgets.Widget) and isinstance(controls, dict)):
        return None
    if not all(isinstance(c, ipywidgets.ValueWidget) for c in controls.values()):
        return None
    view = attrs.get("view") or attrs.get("f")
    label = type(obj).__name__ + (f"({view.__name__})" if hasattr(view, "__name__") else "")
    return CONTRACT, label, root, controls


def found():
    """``[(kind, label, root, controls, cell)]`` for every live widget, in creation order."""
    live = _instances()
    order = {model_id: k for k, model_id in enumerate(live)}
    widgets = []
    for obj in gc.get_objects():
        try:
            described = _describe(obj)
        except Exception:  # noqa: BLE001 -- an odd object is simply not a widget
            described = None
        if described and described[2].model_id in order:
            kind, label, root, controls = described
            widgets.append((order[root.model_id], (kind, label, root, controls, _cell_of(root.model_id))))
    widgets.sort(key=lambda pair: pair[0])
    return [w for _, w in widgets]


def _control_info(name, control):
    info = {"name": name, "type": type(control).__name__, "description": getattr(control, "description", "")}
    if hasattr(control, "options"):
        info["options"] = len(control.options)
    for key in ("min", "max", "step"):
        if hasattr(control, key):
            info[key] = getattr(control, key)
    return info


def _path(control, n):
    """``n`` values for ``control``: one step (or option) at a time, bouncing at the ends."""
    if hasattr(control, "options"):
        count, k = len(control.options), control.index
        values, direction = [], 1
        for _ in range(n):
            if not 0 <= k + direction < count:
                direction = -direction
            k += direction
            values.append(control.options[k])
        return [v[1] if isinstance(v, tuple) else v for v in values]
    low, high, step = control.min, control.max, control.step
    k, top = round((control.value - low) / step), round((high - low) / step)
    values, direction = [], 1
    for _ in range(n):
        if not 0 <= k + direction <= top:
            direction = -direction
        k += direction
        values.append(type(control.value)(round(low + k * step, 12)))
    return values


def _report(payload):
    print("MGBENCH " + json.dumps(payload))


def time_controls(n):
    """Time ``n`` value changes of every control of every widget (seconds each)."""
    results = []
    for kind, label, _root, controls, cell in found():
        for name, control in controls.items():
            start, times = control.value, []
            for value in _path(control, n):
                t0 = time.perf_counter()
                control.value = value  # observers recompute and redraw before this returns
                times.append(time.perf_counter() - t0)
            control.value = start
            results.append({"kind": kind, "label": label, "cell": cell, "control": name, "times": times})
    _report(results)


def tag():
    """Add CSS classes the browser can find; report each widget and its controls."""
    listed = []
    for i, (kind, label, root, controls, cell) in enumerate(found()):
        root.add_class(f"mgb-w{i}")
        infos = []
        for j, (name, control) in enumerate(controls.items()):
            control.add_class(f"mgb-w{i}-c{j}")
            infos.append(_control_info(name, control))
        listed.append({"index": i, "kind": kind, "label": label, "cell": cell, "controls": infos})
    _report(listed)


def parse(text):
    """The payload of the last ``MGBENCH`` line in ``text``."""
    lines = [line for line in text.splitlines() if line.startswith("MGBENCH ")]
    if not lines:
        raise ValueError(f"no MGBENCH line in the kernel's output: {text[-2000:]!r}")
    return json.loads(lines[-1][len("MGBENCH "):])
