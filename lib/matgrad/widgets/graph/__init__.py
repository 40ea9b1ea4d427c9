"""The computational graph of a network on one sample, and its backward pass walked edge by edge.

* :mod:`~matgrad.widgets.graph.model` -- :func:`computational_graph`: the network as
  a graph of scalars, every value and local gradient from the library.
* :mod:`~matgrad.widgets.graph.walk` -- :func:`backward_walk` (the numbers of each
  step) and the captions :func:`graph_walk_text` prints.
* :mod:`~matgrad.widgets.graph.picture` -- :func:`draw_computational_graph`, the
  picture at any step, in a fixed layered layout.
* :mod:`~matgrad.widgets.graph.widget` -- :class:`ComputationalGraphWalk` (a slider
  over the steps) and its static twin :func:`show_graph_walk`.
"""

from matgrad.widgets.graph.model import computational_graph
from matgrad.widgets.graph.picture import draw_computational_graph
from matgrad.widgets.graph.walk import backward_walk, graph_walk_text, walk_captions
from matgrad.widgets.graph.widget import ComputationalGraphWalk, show_graph_walk

__all__ = ["ComputationalGraphWalk", "backward_walk", "computational_graph", "draw_computational_graph",
           "graph_walk_text", "show_graph_walk", "walk_captions"]  # fmt: skip
