"""The widgets the notebooks display, in one place.

* :class:`DerivationStepper` (with :func:`step` and its static twin
  :func:`show_derivation`): reveal a derivation one line at a time.
* :class:`HomeworkExplorer` (static twins :func:`readout` and
  :func:`details`): a slider for every parameter of the worked homework's
  network, with a live readout of the loss and all gradients.
* :func:`draw_network`: any :class:`matgrad.Network` drawn with its weights.

Every widget has a plain function beside it that prints what the widget
shows in its default state, so a notebook reads correctly without a kernel.
Only the names in :data:`WIDGET_CLASSES` display a widget; the others return
or print plain values.

Names are imported on first use, so ``from matgrad.widgets import
HomeworkExplorer`` does not pay for importing SymPy (the stepper needs it,
the explorer does not).

>>> sorted(__all__)
['DerivationStepper', 'HomeworkExplorer', 'details', 'draw_network', 'readout', 'show_derivation', 'step']
>>> WIDGET_CLASSES
('DerivationStepper', 'HomeworkExplorer')
>>> from matgrad.widgets import readout
>>> readout.__module__
'matgrad.widgets.explorer'
"""

import importlib

_HOME_MODULE = {
    "DerivationStepper": "matgrad.widgets.stepper",
    "show_derivation": "matgrad.widgets.stepper",
    "step": "matgrad.widgets.stepper",
    "HomeworkExplorer": "matgrad.widgets.explorer",
    "draw_network": "matgrad.widgets.drawing",
    "details": "matgrad.widgets.explorer",
    "readout": "matgrad.widgets.explorer",
}

#: The names that display an interactive widget when called (or shown).
WIDGET_CLASSES = ("DerivationStepper", "HomeworkExplorer")

__all__ = sorted(_HOME_MODULE)


def __getattr__(name):
    """Import a widget name from its home module the first time it is used."""
    if name not in _HOME_MODULE:
        raise AttributeError(
            f"module 'matgrad.widgets' has no attribute {name!r}; it offers {', '.join(__all__)}"
        )
    value = getattr(importlib.import_module(_HOME_MODULE[name]), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
