"""The widgets the notebooks display, in one place.

* :class:`SliderPanel` (static twin :func:`show_static`): sliders over a
  plain function that returns text, with an optional plot
  (:class:`SigmoidPlot`, :class:`GradientNormPlot`) redrawn in place.
* :class:`DerivationStepper` (with :func:`step` and its static twin
  :func:`show_derivation`): reveal a derivation one line at a time.
* :class:`HomeworkExplorer` (static twins :func:`show_explorer`,
  :func:`readout` and :func:`details`): a slider for every parameter of the
  worked homework's network, with a live readout of the loss and all
  gradients and the loss curve with its tangent.
* :func:`format_matrix`, :func:`format_vector`: arrays printed alike in a
  cell and in a widget (numpy's print options do not reach widgets).
* :func:`draw_network`: any :class:`matgrad.Network` drawn with its weights.
* :class:`ComputationalGraphWalk` (static twin :func:`show_graph_walk`; its
  parts :func:`graph_walk_text` and :func:`draw_computational_graph`): any network on one sample as a
  computational graph, its backward pass walked edge by edge
  (:func:`computational_graph`, :func:`backward_walk` hold the numbers).

The widget contract: every widget has ``.widget`` (the panel), ``.controls``
(name -> slider or dropdown; setting a value updates the outputs before it
returns) and displays ``.widget`` when shown. Outputs are replaced in place;
plots reuse one figure. Every widget has a plain function beside it that
shows what the widget shows in its default state, so a notebook reads
correctly without a kernel; a twin is shown as one
:class:`~matgrad.widgets.twin.StaticView`, which JupyterLab hides while a
widget of the notebook is live (so a stepper is not spoiled by its twin,
even after Run All unfolds every output). Only the names in :data:`WIDGET_CLASSES` display
a widget; the others return, print or display plain values.

Names are imported on first use, so ``from matgrad.widgets import
HomeworkExplorer`` does not pay for importing SymPy (the stepper needs it,
the explorer does not).

>>> sorted(__all__)  # doctest: +NORMALIZE_WHITESPACE
['ComputationalGraphWalk', 'DerivationStepper', 'GradientNormPlot', 'HomeworkExplorer', 'SigmoidPlot',
 'SliderPanel', 'backward_walk', 'computational_graph', 'details', 'draw_computational_graph',
 'draw_network', 'format_matrix', 'format_vector', 'graph_walk_text', 'readout', 'show_derivation',
 'show_explorer', 'show_graph_walk', 'show_static', 'step']
>>> WIDGET_CLASSES
('DerivationStepper', 'HomeworkExplorer', 'SliderPanel', 'ComputationalGraphWalk')
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
    "show_explorer": "matgrad.widgets.explorer",
    "SliderPanel": "matgrad.widgets.panel",
    "show_static": "matgrad.widgets.panel",
    "SigmoidPlot": "matgrad.widgets.plots",
    "GradientNormPlot": "matgrad.widgets.plots",
    "format_matrix": "matgrad.widgets.formatting",
    "format_vector": "matgrad.widgets.formatting",
    "ComputationalGraphWalk": "matgrad.widgets.graph_widget",
    "draw_computational_graph": "matgrad.widgets.graph_drawing",
    "graph_walk_text": "matgrad.widgets.graph_walk",
    "backward_walk": "matgrad.widgets.graph_walk",
    "computational_graph": "matgrad.widgets.graph_model",
    "show_graph_walk": "matgrad.widgets.graph_widget",
}

#: The names that display an interactive widget when called (or shown).
WIDGET_CLASSES = ("DerivationStepper", "HomeworkExplorer", "SliderPanel", "ComputationalGraphWalk")

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
