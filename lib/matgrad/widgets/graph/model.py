"""A :class:`matgrad.Network` on ONE sample as a computational graph of scalars.

Row convention, as in the numeric library: layer ``l`` (1-based in names)
holds ``W`` of shape ``(n_{l-1}, n_l)`` and ``b`` of shape ``(n_l,)``. For one
sample ``x`` (shape ``(n_0,)``) and its target ``y`` (shape ``(n_L,)``) the
network is a chain of scalar operations, and :func:`computational_graph`
lists them:

* **nodes**, one per scalar value, column by column from the input to the
  loss: the inputs ``x_i``; per layer the pre-activations
  ``z^l_j = sum_i h^{l-1}_i w^l_ij + b^l_j`` and the activations
  ``h^l_j = s(z^l_j)``; the outputs ``ŷ_j`` (the last layer's activations);
  the loss ``L``. An Identity activation adds no node: its ``h`` is its ``z``
  (so the worked homework's ``ŷ = w^3_11 h^2_1 + w^3_21 h^2_2 + b^3_1`` is one
  node, as the homework writes it).
* **edges** ``parent -> child``, each carrying its *local gradient*
  d child / d parent: ``w^l_ij`` on a Linear edge ``h^{l-1}_i -> z^l_j``,
  ``σ'(z^l_j)`` on an activation edge, ``dL/dŷ_j`` on an edge into ``L``.

Every value comes from the library itself (the network's forward pass, the
activation's derivative, the loss's value and gradient).

>>> from matgrad import MSELoss
>>> from matgrad.course.homework import network
>>> graph = computational_graph(network(), [-1.0], [1.0], MSELoss())
>>> [len(column) for column in graph.columns]  # x | z1 | h1 | z2 | h2 | yhat | L
[1, 2, 2, 2, 2, 1, 1]
>>> len(graph.edges)  # 2 + 2 + 4 + 2 + 2 + 1
13
>>> print(graph.node("h1_2").name, f"{graph.node('h1_2').value:.4f}")
h¹₂ 0.2689
>>> edge = graph.edges[-1]
>>> print(edge.parent, "->", edge.child, edge.local_name, f"{edge.local:.4f}")
yhat1 -> L dL/dŷ 5.2183
"""

import numbers
from typing import NamedTuple

import numpy as np

from matgrad import _validate
from matgrad.layers import Identity, Sigmoid
from matgrad.losses import _Loss
from matgrad.network import Network

__all__ = ["ComputationalGraph", "GraphEdge", "GraphNode", "computational_graph"]

MAX_EDGES = 2000  # one node per scalar: the graph is a picture for small networks
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUB = str.maketrans("0123456789,", "₀₁₂₃₄₅₆₇₈₉,")


class GraphNode(NamedTuple):
    """One scalar value: ``key`` (``"x1"``, ``"z2_1"``, ``"h1_2"``, ``"yhat1"``, ``"L"``)
    names it in gids, ``name`` (``"h¹₂"``) in text; drawn at (``column``, ``row``)."""

    key: str
    name: str
    column: int
    row: int
    value: float


class GraphEdge(NamedTuple):
    """``parent -> child`` with ``local`` = d child / d parent, named ``local_name``
    (``"w²₁₂"``, ``"σ'(z¹₁)"``, ``"dL/dŷ"``); ``kind`` is linear, activation or loss."""

    parent: str
    child: str
    kind: str
    local: float
    local_name: str


class ComputationalGraph(NamedTuple):
    """Nodes (column by column, top to bottom), edges (by parent, then child),
    ``columns`` (the node keys per column), the ``target`` y and the loss's name."""

    nodes: tuple
    edges: tuple
    columns: tuple
    target: tuple
    loss_name: str

    def node(self, key):
        """The :class:`GraphNode` called ``key``."""
        for node in self.nodes:
            if node.key == key:
                return node
        raise KeyError(f"no node {key!r}; the nodes are {', '.join(n.key for n in self.nodes)}")


def sup(number):
    """``sup(12) == "¹²"``."""
    return str(number).translate(_SUP)


def sub(*indices):
    """``sub(1, 2) == "₁₂"``; indices above 9 are separated by a comma."""
    glue = "," if any(i > 9 for i in indices) else ""
    return glue.join(str(i) for i in indices).translate(_SUB)


def _sample(value, name, length, convention):
    """One sample as a 1-D array of ``length`` entries (a number when ``length == 1``)."""
    if length == 1 and (isinstance(value, numbers.Real) or (isinstance(value, np.ndarray) and value.ndim == 0)):
        value = np.reshape(value, 1)
    return _validate.one_sample(value, name, length, convention)


def _checked(net, x, y, loss):
    _validate.instance(net, "net", Network, "a matgrad.Network")
    _validate.instance(loss, "loss", _Loss, "a matgrad loss such as MSELoss() or HalfSSELoss()")
    sizes = net.sizes
    edges = sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes[1:]) + sizes[-1]
    if edges > MAX_EDGES:
        raise ValueError(f"net must be small enough to draw as a graph of scalars (at most {MAX_EDGES} "
                         f"edges); sizes {sizes} give {edges}")  # fmt: skip
    return _sample(x, "x", sizes[0], net.convention), _sample(y, "y", sizes[-1], net.convention)


def _numbers(net, x, y, loss):
    """The trace of the forward pass, each layer's σ'(z), dL/dŷ and L, all 1-D (one sample)."""
    as_batch = (lambda v: v[np.newaxis, :]) if net.convention == "row" else (lambda v: v[:, np.newaxis])
    yhat, trace = net._forward(as_batch(x))
    slopes = [act._derivative(seen.pre.ravel()) for (_, act), seen in zip(net.layers, trace)]
    yhat = yhat.ravel()
    return trace, slopes, loss._grad(yhat, y), float(loss._value(yhat, y))


def computational_graph(net, x, y, loss):
    """The :class:`ComputationalGraph` of ``net`` on one sample.

    Parameters
    ----------
    net : Network
        Any :class:`matgrad.Network`; ``net.sizes = (n_0, ..., n_L)``.
    x : array of shape (n_0,)
        One input sample (a number when ``n_0 == 1``).
    y : array of shape (n_L,)
        Its target (a number when ``n_L == 1``).
    loss : MSELoss or HalfSSELoss
        Evaluated on this one sample (``MSELoss`` averages over the ``n_L`` outputs).

    >>> from matgrad import Linear, Network, Sigmoid, HalfSSELoss
    >>> net = Network([(Linear([[2.0]], [0.0]), Sigmoid())])
    >>> g = computational_graph(net, 0.0, 1.0, HalfSSELoss())
    >>> [(e.parent, e.child, e.local_name, e.local) for e in g.edges]
    [('x1', 'z1_1', 'w¹₁₁', 2.0), ('z1_1', 'yhat1', "σ'(z¹₁)", 0.25), ('yhat1', 'L', 'dL/dŷ', -0.5)]
    """
    x, y = _checked(net, x, y, loss)
    given = f"x = {_validate.shown(x.tolist())} and y = {_validate.shown(y.tolist())}"
    trace, slopes, dyhat, loss_value = _validate.without_overflow(
        lambda: _numbers(net, x, y, loss), "the forward pass or the loss", given)
    nodes, edges, columns = [], [], []

    def add_column(keys, names, values):
        columns.append(tuple(keys))
        nodes.extend(GraphNode(k, n, len(columns) - 1, row, float(v))
                     for row, (k, n, v) in enumerate(zip(keys, names, values)))  # fmt: skip

    n_in, n_out = net.sizes[0], net.sizes[-1]
    add_column([f"x{i + 1}" for i in range(n_in)], ["x" if n_in == 1 else f"x{sub(i + 1)}" for i in range(n_in)], x)
    previous = columns[-1]
    for l, ((linear, activation), seen, slope) in enumerate(zip(net.layers, trace, slopes), 1):
        width, last = linear.n_out, l == len(net.layers)
        out_keys = [f"yhat{j + 1}" if last else f"h{l}_{j + 1}" for j in range(width)]
        out_names = [("ŷ" if n_out == 1 else f"ŷ{sub(j + 1)}") if last else f"h{sup(l)}{sub(j + 1)}"
                     for j in range(width)]  # fmt: skip
        merged = type(activation) is Identity
        if merged:
            add_column(out_keys, out_names, seen.out.ravel())
        else:
            add_column([f"z{l}_{j + 1}" for j in range(width)],
                       [f"z{sup(l)}{sub(j + 1)}" for j in range(width)], seen.pre.ravel())  # fmt: skip
        z_keys = columns[-1]
        W = linear.W if linear.convention == "row" else linear.W.T  # (n_in, n_out)
        edges += [GraphEdge(p, z, "linear", float(W[i, j]), f"w{sup(l)}{sub(i + 1, j + 1)}")
                  for i, p in enumerate(previous) for j, z in enumerate(z_keys)]  # fmt: skip
        if not merged:
            add_column(out_keys, out_names, seen.out.ravel())
            f = "σ" if isinstance(activation, Sigmoid) else "f"
            edges += [GraphEdge(z, h, "activation", float(slope[j]), f"{f}'(z{sup(l)}{sub(j + 1)})")
                      for j, (z, h) in enumerate(zip(z_keys, out_keys))]  # fmt: skip
        previous = columns[-1]
    add_column(["L"], ["L"], [loss_value])
    edges += [GraphEdge(k, "L", "loss", float(dyhat[j]), "dL/dŷ" if n_out == 1 else f"dL/dŷ{sub(j + 1)}")
              for j, k in enumerate(previous)]  # fmt: skip
    return ComputationalGraph(tuple(nodes), tuple(edges), tuple(columns), tuple(float(v) for v in y),
                              type(loss).__name__)  # fmt: skip
