"""The worked homework: a 1-2-2-1 sigmoid network on three samples.

Row convention (a batch is rows). Layer 1 (1 -> 2) and layer 2 (2 -> 2) use
a sigmoid, layer 3 (2 -> 1) the identity; the loss is the mean squared
error over the three samples; one gradient-descent step uses rate 0.1.

Parameters have flat names, as in the worked homework: ``w2_12`` is the
weight of layer 2 from input 1 to output 2 (``W2[0, 1]``), ``b1_2`` the bias
of output 2 of layer 1, ``w3_21`` the weight from input 2 of layer 3 to its
single output. Each must lie within +-``PARAMETER_BOUND`` (1e6, far beyond
the course's values, so that no loss or gradient overflows).

The data are read-only: ``X``, ``Y`` are read-only arrays and ``DEFAULTS`` a
read-only mapping, so no caller can change another caller's numbers.

>>> net = network()
>>> net.sizes
(1, 2, 2, 1)
>>> f"{net.loss(X, Y, LOSS):.6f}"
'15.628558'
>>> f"{gradients_by_name(net)['w3_11']:.5f}"
'6.96998'
>>> f"{gradients_by_name(network(w3_11=1.5))['w3_11']:.5f}"
'7.76340'
>>> X[0, 0] = 5.0
Traceback (most recent call last):
...
ValueError: assignment destination is read-only
"""

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

from matgrad import _validate
from matgrad.layers import Identity, Linear, Sigmoid, _sigmoid
from matgrad.losses import MSELoss
from matgrad.network import Network

__all__ = [
    "X", "Y", "LOSS", "LEARNING_RATE", "PARAMETER_NAMES", "DEFAULTS", "PARAMETER_BOUND", "MAX_GRID",
    "check_parameters", "network", "parameters_of", "gradients_by_name", "updated_by_name",
    "forward_values", "chain_rule_gradients", "loss_along",
]  # fmt: skip


X = _validate.read_only([[-1.0], [0.0], [1.0]])  # three samples, one feature: (3, 1)
Y = _validate.read_only([[1.0], [0.0], [-1.0]])  # their targets: (3, 1)
LOSS = MSELoss()  # L = 1/3 sum_k (yhat_k - y_k)^2
LEARNING_RATE = 0.1
# Every parameter must lie in [-PARAMETER_BOUND, PARAMETER_BOUND]. The course uses values of a
# few units; at 1e6 the loss is below 1e14 and every gradient below 1e19: nothing overflows.
PARAMETER_BOUND = 1e6
MAX_GRID = 100_000  # points of a loss curve; a plot needs a few hundred

# name -> (layer index, "W" or "b", index into that array)
_SLOTS = MappingProxyType({
    "w1_11": (0, "W", (0, 0)), "w1_12": (0, "W", (0, 1)), "b1_1": (0, "b", 0), "b1_2": (0, "b", 1),
    "w2_11": (1, "W", (0, 0)), "w2_12": (1, "W", (0, 1)), "w2_21": (1, "W", (1, 0)),
    "w2_22": (1, "W", (1, 1)), "b2_1": (1, "b", 0), "b2_2": (1, "b", 1),
    "w3_11": (2, "W", (0, 0)), "w3_21": (2, "W", (1, 0)), "b3_1": (2, "b", 0),
})  # fmt: skip
PARAMETER_NAMES = tuple(_SLOTS)
DEFAULTS = MappingProxyType({
    "w1_11": 1.0, "w1_12": 2.0, "b1_1": 0.0, "b1_2": 1.0,
    "w2_11": 1.0, "w2_12": 2.0, "w2_21": 3.0, "w2_22": 4.0, "b2_1": 0.0, "b2_2": 1.0,
    "w3_11": 1.0, "w3_21": 2.0, "b3_1": 1.0,
})  # fmt: skip
_SHAPES = ((1, 2), (2, 2), (2, 1))
_ACTIVATIONS = (Sigmoid, Sigmoid, Identity)


def check_parameters(values):
    """Return ``values`` (a mapping name -> number) as a new dict of floats, or raise.

    Names must be in :data:`PARAMETER_NAMES`; values real, finite and within
    +-:data:`PARAMETER_BOUND`. An empty mapping is fine (no overrides).

    >>> check_parameters({"w3_11": 2})
    {'w3_11': 2.0}
    >>> check_parameters({"w9_99": 1.0})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: a parameter name must be one of 'w1_11', 'w1_12', ..., 'b3_1'; got 'w9_99'
    """
    _validate.instance(values, "values", Mapping, "a mapping of parameter names to numbers, e.g. {'w3_11': 1.5}")
    return {
        _validate.one_of(name, "a parameter name", PARAMETER_NAMES):
            _validate.real(value, name, low=-PARAMETER_BOUND, high=PARAMETER_BOUND)
        for name, value in values.items()
    }  # fmt: skip


def _parameters(overrides):
    """The defaults with ``overrides`` (checked) applied: a new dict name -> float."""
    return {**DEFAULTS, **check_parameters(overrides)}


def network(**overrides):
    """The homework network (a new :class:`~matgrad.Network`), with any parameters overridden by name.

    ``network()`` is the worked homework's network; ``network(w3_11=1.5)``
    changes one weight. Unknown names, non-numbers, non-finite values and
    values beyond +-:data:`PARAMETER_BOUND` raise, naming the parameter.

    >>> network(w3_11=1.5).layers[2][0].W.tolist()
    [[1.5], [2.0]]
    >>> network(w1_11=float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: w1_11 must be a finite number; got nan
    """
    values = _parameters(overrides)
    Ws = [np.zeros(shape) for shape in _SHAPES]
    bs = [np.zeros(shape[1]) for shape in _SHAPES]
    for name, (layer, kind, index) in _SLOTS.items():
        (Ws if kind == "W" else bs)[layer][index] = values[name]
    activations = (Sigmoid(), Sigmoid(), Identity())
    return Network([(Linear(W, b), act) for W, b, act in zip(Ws, bs, activations)])


def _checked(net):
    """``net`` if it is a homework network (1-2-2-1, Sigmoid, Sigmoid, Identity, row convention)
    with every weight and bias within +-PARAMETER_BOUND; else an error naming ``net``."""
    expected = "the homework's 1-2-2-1 row-convention network of Sigmoid, Sigmoid, Identity (see network())"
    _validate.instance(net, "net", Network, expected)
    kinds = tuple(type(activation) for _, activation in net.layers)
    if net.sizes != (1, 2, 2, 1) or kinds != _ACTIVATIONS or net.convention != "row":
        got = ", ".join(kind.__name__ for kind in kinds)
        raise ValueError(f"net must be {expected}; got sizes {net.sizes} in {net.convention} convention: {got}")
    largest = max(float(np.abs(array).max()) for linear, _ in net.layers for array in (linear.W, linear.b))
    if largest > PARAMETER_BOUND:
        raise ValueError(
            f"net must have every weight and bias within +-{PARAMETER_BOUND:g} (larger ones "
            f"overflow the loss or its gradients); got {largest:.6g}"
        )
    return net


def _by_name(arrays_per_layer):
    """``[(W, b), ...]`` (one pair per layer) -> ``{name: float}`` in PARAMETER_NAMES order."""
    return {
        name: float(arrays_per_layer[layer][0 if kind == "W" else 1][index])
        for name, (layer, kind, index) in _SLOTS.items()
    }


def parameters_of(net):
    """``{name: value}`` (a new dict of floats) for every parameter of a homework network.

    ``net`` must be a 1-2-2-1 Sigmoid-Sigmoid-Identity :class:`~matgrad.Network`,
    such as ``network()`` or a network it stepped to.

    >>> parameters_of(network(b3_1=-2))["b3_1"]
    -2.0
    """
    return _by_name([(lin.W, lin.b) for lin, _ in _checked(net).layers])


def gradients_by_name(net):
    """``{name: dL/dname}`` on the homework data ``X`` (3, 1), ``Y`` (3, 1), from ``Network.gradients``.

    >>> f"{gradients_by_name(network())['b3_1']:.5f}"
    '7.66713'
    """
    return _by_name(_checked(net)._gradients(X, Y, LOSS))


def updated_by_name(net, lr=None):
    """``{name: value - lr * dL/dname}``: each parameter after one gradient-descent step.

    ``lr`` is the learning rate, a positive number; ``None`` (the default)
    means the homework's rate, :data:`LEARNING_RATE` (0.1), read at call time.
    A step that would carry a parameter beyond +-:data:`PARAMETER_BOUND` raises
    (the learning rate or the parameters are too large).

    >>> f"{updated_by_name(network())['w3_11']:.6f}"
    '0.303002'
    >>> f"{updated_by_name(network(), lr=0.5)['w3_11']:.6f}"
    '-2.484990'
    """
    lr = LEARNING_RATE if lr is None else _validate.real(lr, "lr", positive=True)
    before, gradients = parameters_of(net), gradients_by_name(net)
    after = {name: before[name] - lr * gradients[name] for name in PARAMETER_NAMES}  # floats: inf, no warning
    for name, value in after.items():
        if not abs(value) <= PARAMETER_BOUND:
            raise ValueError(
                f"lr must keep the step within +-{PARAMETER_BOUND:g}: lr = {lr:g} takes {name} from "
                f"{before[name]:g} to {value:.6g} (the learning rate or the parameters are too large)"
            )
    return after


def forward_values(net):
    """Every intermediate of the forward pass on ``X``, in the course's letters (the worked
    homework writes l for the pre-activations z).

    ``z1``, ``h1``, ``z2``, ``h2`` have shape (3, 2) (one row per sample);
    ``yhat`` and ``residual`` (= yhat - y) have shape (3,). New arrays on every call.

    >>> forward_values(network())["residual"].round(2)
    array([2.61, 3.92, 4.97])
    """
    yhat, (first, second, _) = _checked(net)._forward(X)
    return {
        "z1": first.pre, "h1": first.out, "z2": second.pre, "h2": second.out,
        "yhat": yhat[:, 0], "residual": yhat[:, 0] - Y[:, 0],
    }  # fmt: skip


def _scalar_forward(p, x):
    """The forward pass written entry by entry, as in the worked homework: ``h1``, ``h2``
    (dicts of per-output arrays) and ``yhat``. Parameter values may be arrays (they broadcast)."""
    h1 = {i: _sigmoid(p[f"w1_1{i}"] * x + p[f"b1_{i}"]) for i in (1, 2)}
    h2 = {j: _sigmoid(sum(p[f"w2_{i}{j}"] * h1[i] for i in (1, 2)) + p[f"b2_{j}"]) for j in (1, 2)}
    yhat = sum(p[f"w3_{i}1"] * h2[i] for i in (1, 2)) + p["b3_1"]
    return h1, h2, yhat


def chain_rule_gradients(**overrides):
    """Every gradient by the worked homework's own scalar chain-rule formulas (no matrices).

    Parameters are the defaults with ``overrides`` applied (checked as in
    :func:`network`). With ``r_k = yhat_k - y_k`` and ``dL/dyhat_k = (2/3) r_k``,
    the worked homework writes ``B(h2_j)_k = dL/dyhat_k * w3_j1 * h2_j(1 - h2_j)`` and
    ``B(h1_i)_k = (sum_j w2_ij B(h2_j)_k) * h1_i(1 - h1_i)``; then every
    gradient is a sum over the three samples k:
    ``dL/dw3_i1 = sum dL/dyhat * h2_i``, ``dL/dw2_ij = sum B(h2_j) h1_i``,
    ``dL/dw1_1i = sum B(h1_i) x``, and a bias gradient is ``sum`` of the
    same factor without the input. Returns ``{name: float}``.

    >>> f"{chain_rule_gradients()['b1_1']:.5f}"
    '0.23134'
    """
    p = _parameters(overrides)
    x, y = X[:, 0], Y[:, 0]
    h1, h2, yhat = _scalar_forward(p, x)
    dL_dyhat = 2.0 / len(x) * (yhat - y)
    B2 = {j: dL_dyhat * p[f"w3_{j}1"] * h2[j] * (1 - h2[j]) for j in (1, 2)}
    B1 = {i: sum(p[f"w2_{i}{j}"] * B2[j] for j in (1, 2)) * h1[i] * (1 - h1[i]) for i in (1, 2)}
    grads = {}
    for i in (1, 2):
        grads[f"w1_1{i}"] = float(np.sum(B1[i] * x))
        grads[f"b1_{i}"] = float(np.sum(B1[i]))
    for i in (1, 2):
        for j in (1, 2):
            grads[f"w2_{i}{j}"] = float(np.sum(B2[j] * h1[i]))
    for j in (1, 2):
        grads[f"b2_{j}"] = float(np.sum(B2[j]))
    for i in (1, 2):
        grads[f"w3_{i}1"] = float(np.sum(dL_dyhat * h2[i]))
    grads["b3_1"] = float(np.sum(dL_dyhat))
    return {name: grads[name] for name in PARAMETER_NAMES}


def loss_along(name, grid, **overrides):
    """The loss as parameter ``name`` runs over ``grid`` (the others fixed): shape ``(len(grid),)``.

    ``grid`` is a non-empty 1-D sequence of G <= :data:`MAX_GRID` numbers within
    +-:data:`PARAMETER_BOUND`;
    the other parameters are the defaults with ``overrides`` applied (an
    override of ``name`` itself is checked, then replaced by the grid).
    Vectorised over the grid with the worked homework's scalar formulas, so a
    plot of the loss curve costs one pass instead of one network per point.

    >>> grid = [0.0, 1.0, 2.0]
    >>> loss_along("w3_11", grid).round(4)
    array([ 9.452 , 15.6286, 23.392 ])
    >>> f"{network(w3_11=2.0).loss(X, Y, LOSS):.4f}"
    '23.3920'
    """
    _validate.one_of(name, "name", PARAMETER_NAMES)
    p = _parameters(overrides)
    values = _validate.array(grid, "grid", ndims=(1,))
    if values.size > MAX_GRID:
        raise ValueError(f"grid must hold at most {MAX_GRID} values; got {values.size}")
    if np.abs(values).max() > PARAMETER_BOUND:
        raise ValueError(f"grid must lie within +-{PARAMETER_BOUND:g}; got {np.abs(values).max():.6g}")
    p[name] = values[:, None]  # (G, 1) broadcasts against the three samples (3,)
    x, y = X[:, 0], Y[:, 0]
    _, _, yhat = _scalar_forward(p, x)
    return np.mean(np.broadcast_to((yhat - y) ** 2, (len(values), len(x))), axis=1)
