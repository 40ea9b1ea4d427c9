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
* :class:`TrainingExplorer` (static twin :func:`show_training`): a network
  learning to classify, its decision boundary and loss curve redrawn live.
* :func:`format_matrix`, :func:`format_vector`: arrays printed alike in a
  cell and in a widget (numpy's print options do not reach widgets).
* :func:`draw_network`: any :class:`matgrad.Network` drawn with its weights.
* :class:`ComputationalGraphWalk` (static twin :func:`show_graph_walk`; its
  parts :func:`graph_walk_text` and :func:`draw_computational_graph`): any
  network on one sample as a computational graph, its backward pass walked
  edge by edge (:func:`computational_graph`, :func:`backward_walk` hold the
  numbers). They live in :mod:`matgrad.widgets.graph`.

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
"""

from matgrad.widgets.drawing import draw_network
from matgrad.widgets.explorer import HomeworkExplorer, details, readout, show_explorer
from matgrad.widgets.formatting import format_matrix, format_vector
from matgrad.widgets.graph import (ComputationalGraphWalk, backward_walk, computational_graph,
                                   draw_computational_graph, graph_walk_text, show_graph_walk)  # fmt: skip
from matgrad.widgets.panel import SliderPanel, show_static
from matgrad.widgets.plots import GradientNormPlot, SigmoidPlot
from matgrad.widgets.stepper import DerivationStepper, show_derivation, step
from matgrad.widgets.training import TrainingExplorer, show_training

__all__ = [
    "ComputationalGraphWalk", "DerivationStepper", "GradientNormPlot", "HomeworkExplorer", "SigmoidPlot",
    "SliderPanel", "TrainingExplorer", "backward_walk", "computational_graph", "details",
    "draw_computational_graph", "draw_network", "format_matrix", "format_vector", "graph_walk_text", "readout",
    "show_derivation", "show_explorer", "show_graph_walk", "show_static", "show_training", "step",
]  # fmt: skip

#: The names that display an interactive widget when called (or shown).
WIDGET_CLASSES = ("DerivationStepper", "HomeworkExplorer", "SliderPanel", "ComputationalGraphWalk",
                  "TrainingExplorer")  # fmt: skip
