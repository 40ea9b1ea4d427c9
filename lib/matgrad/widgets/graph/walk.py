"""The backward pass over a computational graph, one edge at a time, with captions.

Backpropagation on the graph of :mod:`matgrad.widgets.graph.model` starts at
``dL/dL = 1`` and walks every edge ``parent -> child`` once, from the loss
back to the inputs. At each edge the **upstream gradient** ``dL/d child``
(already complete) is multiplied by the edge's **local gradient**
``d child / d parent``; the product is the **downstream gradient**, this
path's share of ``dL/d parent``. Where several paths leave a node (an input
or a hidden activation feeds every unit of the next layer), their
downstream gradients add up: the **sum over paths** is ``dL/d node``.

The walk goes column by column from the right; within a column, node by
node from the top, and each node's paths from the top, so the step that
walks a node's last path also completes its gradient.

>>> from matgrad import MSELoss
>>> from matgrad.course.homework import network
>>> walk = backward_walk(network(), [-1.0], [1.0], MSELoss())
>>> len(walk.steps), f"{walk.gradients['x1']:.4f}"
(13, '2.6671')
>>> print(walk_captions(walk)[4])
Step 4 of 13: dL/dz²₁ = upstream dL/dh²₁ × local σ'(z²₁) = 5.218 × 0.190 = 0.990
>>> print(walk_captions(walk)[7])
Step 7 of 13: path 2 of 2 from h¹₁, via z²₂: downstream = upstream dL/dz²₂ × local w²₁₂ = 0.664 × 2.000 = 1.328; sum over paths: dL/dh¹₁ = 0.990 + 1.328 = 2.317
"""

from types import MappingProxyType
from typing import NamedTuple

from matgrad import _validate
from matgrad.widgets.drawing import number_format
from matgrad.widgets.graph.model import ComputationalGraph, GraphEdge, computational_graph

__all__ = ["BackwardStep", "BackwardWalk", "backward_walk", "graph_walk_text", "walk_captions"]

class BackwardStep(NamedTuple):
    """Walking one edge: ``downstream = upstream * local`` is path ``path`` of the
    ``paths`` leaving ``edge.parent``; ``terms`` are the downstream gradients of
    that node's paths walked so far and ``total`` their sum, which is
    ``dL/d edge.parent`` once ``complete``."""

    number: int  # 1-based
    edge: GraphEdge
    upstream: float  # dL/d edge.child
    local: float  # d edge.child / d edge.parent
    downstream: float  # upstream * local
    path: int
    paths: int
    terms: tuple
    total: float
    complete: bool


class BackwardWalk(NamedTuple):
    """The graph, its steps in order, and ``gradients``: node key -> dL/d node (read-only)."""

    graph: ComputationalGraph
    steps: tuple
    gradients: MappingProxyType


def backward_walk(net, x, y, loss):
    """Backpropagation on the graph of ``net`` for one sample, as a :class:`BackwardWalk`.

    ``net``, ``x`` (shape (n_0,)), ``y`` (shape (n_L,)) and ``loss`` are those of
    :func:`~matgrad.widgets.graph.model.computational_graph`. There is one step
    per edge; ``gradients`` holds dL/d node for every node (``dL/dL = 1``).

    >>> from matgrad import Linear, Network, Sigmoid, HalfSSELoss
    >>> net = Network([(Linear([[2.0]], [0.0]), Sigmoid())])
    >>> walk = backward_walk(net, 0.0, 1.0, HalfSSELoss())  # yhat = s(0) = 0.5
    >>> [(s.upstream, s.local, s.downstream) for s in walk.steps]
    [(1.0, -0.5, -0.5), (-0.5, 0.25, -0.125), (-0.125, 2.0, -0.25)]
    """
    graph = computational_graph(net, x, y, loss)
    gradients = {"L": 1.0}
    steps = []
    for column in reversed(graph.columns[:-1]):
        for key in column:
            leaving = [edge for edge in graph.edges if edge.parent == key]
            terms = []
            for path, edge in enumerate(leaving, start=1):
                upstream = gradients[edge.child]
                terms.append(upstream * edge.local)
                complete = path == len(leaving)
                total = sum(terms)
                if complete:
                    gradients[key] = total
                steps.append(BackwardStep(len(steps) + 1, edge, upstream, edge.local, terms[-1],
                                          path, len(leaving), tuple(terms), total, complete))  # fmt: skip
    return BackwardWalk(graph, tuple(steps), MappingProxyType(gradients))


def _factor(fmt, value):
    """A formatted number, in parentheses when negative (for products)."""
    text = fmt.format(value)
    return f"({text})" if text.startswith("-") else text


def sum_text(fmt, terms, continued=False):
    """``"0.119 + 0.193"``, negative terms as ``"- 0.5"``; ``continued``: a sign before the first."""
    text = "" if continued else fmt.format(terms[0])
    for term in terms[0 if continued else 1:]:
        text += f" - {fmt.format(-term)}" if term < 0 else f" + {fmt.format(term)}"
    return text.lstrip()


def _caption(step, total_steps, names, fmt):
    edge = step.edge
    parent, child = names[edge.parent], names[edge.child]
    upstream, local = _factor(fmt, step.upstream), _factor(fmt, step.local)
    product = (f"upstream dL/d{child} × local {edge.local_name} = "
               f"{upstream} × {local} = {fmt.format(step.downstream)}")  # fmt: skip
    head = f"Step {step.number} of {total_steps}: "
    if step.paths == 1:
        return f"{head}dL/d{parent} = {product}"
    text = f"{head}path {step.path} of {step.paths} from {parent}, via {child}: downstream = {product}"
    if step.complete:
        text += f"; sum over paths: dL/d{parent} = {sum_text(fmt, step.terms)} = {fmt.format(step.total)}"
    return text


FORWARD_CAPTION = (
    "Step 0 of {total}: the forward pass. Each node shows its value, each edge its local "
    "gradient (d child / d parent). The backward walk starts at dL/dL = 1."
)


def captions(walk, fmt):
    """One caption per step, ``0..len(walk.steps)``, for a walk and a checked ``fmt``."""
    names = {node.key: node.name for node in walk.graph.nodes}
    total = len(walk.steps)
    return (FORWARD_CAPTION.format(total=total), *(_caption(step, total, names, fmt) for step in walk.steps))


def walk_captions(walk, fmt="{:.3f}"):
    """One caption per step, ``0..len(walk.steps)`` (step 0 is the forward view).

    Every number is written with ``fmt`` (e.g. ``"{:.3f}"``); the widget shows
    exactly these strings, and :func:`graph_walk_text` prints them.
    """
    _validate.instance(walk, "walk", BackwardWalk, "a BackwardWalk from backward_walk(...)")
    return captions(walk, number_format(fmt))


def graph_walk_text(net, x, y, loss, fmt="{:.3f}"):
    """The static twin of :class:`ComputationalGraphWalk`: every step's caption, one per line.

    >>> from matgrad import MSELoss
    >>> from matgrad.course.homework import network
    >>> print(graph_walk_text(network(), -1.0, 1.0, MSELoss()).splitlines()[1])
    Step 1 of 13: dL/dŷ = upstream dL/dL × local dL/dŷ = 1.000 × 5.218 = 5.218
    """
    fmt = number_format(fmt)
    return "\n".join(captions(backward_walk(net, x, y, loss), fmt))
