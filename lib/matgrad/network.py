"""A stack of (Linear, activation) pairs with forward pass, backprop and one GD step.

Notation follows the multilayer derivation ("Computing backpropagation"):
for layer i, ``N_i = O_{i-1} W_i + b_i`` (the pre-activation) and
``O_i = active(N_i)``, with ``O_{-1} = X``. All layers share one convention
(row: a batch is rows; column: a batch is columns, ``N_i = W_i O_{i-1} + b_i``).
"""

from typing import NamedTuple

import numpy as np

from matgrad import _validate
from matgrad.layers import Linear, _Elementwise
from matgrad.losses import _Loss

__all__ = ["LayerTrace", "Network"]


class LayerTrace(NamedTuple):
    """What one layer saw and produced in a forward pass (2-D batches).

    Row convention: (batch, n) matrices; column convention: (n, batch).
    """

    input: np.ndarray  # O_{i-1}
    pre: np.ndarray  # N_i = O_{i-1} W_i + b_i (row) or W_i O_{i-1} + b_i (column)
    out: np.ndarray  # O_i = active(N_i)


def _pairs(layers, linear_type, activation_type, package):
    """``layers`` as a tuple of (Linear, activation) pairs that chain; each problem named by
    its index. Shared with ``matgrad.symbolic.Network`` (``package`` names the module)."""
    if isinstance(layers, (str, bytes)) or not hasattr(layers, "__iter__"):
        raise TypeError(f"layers must be a list of (Linear, activation) pairs; got {type(layers).__name__}")
    pairs = [tuple(pair) if isinstance(pair, (tuple, list)) else pair for pair in layers]
    if not pairs:
        raise ValueError("layers must hold at least one (Linear, activation) pair; got none")
    for index, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            given = f"{len(pair)} items, {_validate.shown(pair)}" if isinstance(pair, tuple) else _validate.shown(pair)
            raise TypeError(f"layers[{index}] must be a (Linear, activation) pair; got {given}")
        linear, activation = pair
        _validate.instance(linear, f"layers[{index}][0]", linear_type, f"a {package}.Linear", "W, b")
        _validate.instance(activation, f"layers[{index}][1]", activation_type,
                           f"an activation such as {package}.Sigmoid() or {package}.Identity()")
        if linear.convention != pairs[0][0].convention:
            raise ValueError(
                f"layers[{index}][0] must use the {pairs[0][0].convention} convention, as layers[0] "
                f"does; got convention={linear.convention!r}"
            )
        if index > 0 and pairs[index - 1][0].n_out != linear.n_in:
            raise ValueError(
                f"layers[{index}] must take the {pairs[index - 1][0].n_out} outputs of layers[{index - 1}]; "
                f"got a Linear with {linear.n_in} inputs (W shapes {pairs[index - 1][0].W.shape} and "
                f"{linear.W.shape} do not chain)"
            )
    return tuple(pairs)


_TOO_LARGE = "the parameters W, b or the data X, y"


class Network:
    """A feed-forward network: ``layers`` is a list of ``(Linear, activation)`` pairs.

    Every Linear must use the same convention (row by default). The network
    never changes after construction; ``step`` returns a new one.

    Examples
    --------
    >>> from matgrad import Linear, Sigmoid, Identity, HalfSSELoss
    >>> net = Network([(Linear([[0.5, -1.0]], [0.0, 0.0]), Sigmoid()),
    ...                (Linear([[1.0], [2.0]], [0.5]), Identity())])
    >>> yhat, trace = net.forward([[0.0]])
    >>> yhat
    array([[2.]])
    >>> [dW.shape for dW, db in net.gradients([[0.0]], [[1.0]], HalfSSELoss())]
    [(1, 2), (2, 1)]
    >>> net.step([[0.0]], [[1.0]], HalfSSELoss(), lr=0.1).forward([[0.0]])[0]
    array([[1.81969289]])
    """

    def __init__(self, layers):
        self.layers = _pairs(layers, Linear, _Elementwise, "matgrad")

    def __repr__(self):
        inner = ", ".join(f"({lin!r}, {act!r})" for lin, act in self.layers)
        return f"Network([{inner}])"

    @property
    def sizes(self):
        """Widths from input to output, e.g. ``(1, 2, 2, 1)``."""
        return (self.layers[0][0].n_in,) + tuple(lin.n_out for lin, _ in self.layers)

    @property
    def convention(self):
        """The convention all the layers share: ``"row"`` or ``"column"``."""
        return self.layers[0][0].convention

    def forward(self, X):
        """``X`` -> ``(yhat, trace)``: row (batch, n_in) -> (batch, n_out); column (n_in, batch)
        -> (n_out, batch).

        ``trace`` is a tuple with one :class:`LayerTrace` (input, pre, out) per
        layer. A 1-D ``X`` is one sample (batch = 1); the trace and ``yhat`` are
        then still 2-D, a batch of one.
        """
        O, _ = _validate.samples(X, "X", self.sizes[0], self.convention)
        return _validate.without_overflow(lambda: self._forward(O), "the forward pass", _TOO_LARGE)

    def _forward(self, O):
        trace = []
        for linear, activation in self.layers:
            N = linear._forward(O)
            out = activation._function(N)
            trace.append(LayerTrace(O, N, out))
            O = out
        return O, tuple(trace)

    def gradients(self, X, y, loss):
        """Backprop: ``[(dW_0, db_0), (dW_1, db_1), ...]``, one pair per Linear, in order.

        ``y`` must have the shape of ``yhat``; ``loss`` is a matgrad loss
        (e.g. ``MSELoss()``). Each ``dW_i`` has the shape of ``W_i`` and each
        ``db_i`` the shape of ``b_i`` (n_out,).
        """
        checked = self._checked(X, y, loss)
        return _validate.without_overflow(lambda: self._gradients(*checked), "backpropagation", _TOO_LARGE)

    def _gradients(self, X, y, loss):
        yhat, trace = self._forward(X)
        upstream = loss._grad(yhat, y)  # dL/dO_last
        grads = []
        for index in reversed(range(len(self.layers))):
            (linear, activation), seen = self.layers[index], trace[index]
            dN = activation._backward(seen.pre, upstream, seen.out)  # dL/dN_i
            upstream, dW, db = linear._backward(seen.input, dN, index > 0)  # upstream = dL/dO_{i-1}
            grads.append((dW, db))
        return grads[::-1]

    def _checked(self, X, y, loss):
        first, last = self.layers[0][0], self.layers[-1][0]
        X, _ = _validate.samples(X, "X", first.n_in, first.convention)
        y, _ = _validate.samples(y, "y", last.n_out, first.convention)
        axis = 0 if first.convention == "row" else 1
        if y.shape[axis] != X.shape[axis]:
            raise ValueError(f"y must have one target per sample of X ({X.shape[axis]}); got shape {y.shape}")
        _validate.instance(loss, "loss", _Loss, "a matgrad loss such as MSELoss() or HalfSSELoss()")
        return X, y, loss

    def step(self, X, y, loss, lr):
        """One gradient-descent step: a NEW network with ``W - lr dW`` and ``b - lr db``.

        Raises ``ValueError`` naming ``lr`` if the step overflows (a learning rate
        too large for these parameters makes them grow until they are infinite).
        """
        lr = _validate.real(lr, "lr", positive=True)
        checked = self._checked(X, y, loss)
        try:
            with np.errstate(over="raise", invalid="raise"):  # checked once, here
                grads = self._gradients(*checked)
                layers = tuple(
                    (Linear._trusted(linear.W - lr * dW, linear.b - lr * db, linear.convention), activation)
                    for (linear, activation), (dW, db) in zip(self.layers, grads)
                )
        except FloatingPointError as error:
            largest = max(float(np.abs(linear.W).max()) for linear, _ in self.layers)
            raise ValueError(
                f"lr must be smaller: with lr = {lr:g} the step overflowed ({error}; the largest |W| "
                f"before the step is {largest:.3g}). Training has diverged: start again with a smaller lr"
            ) from None
        network = Network.__new__(Network)
        network.layers = layers
        return network

    def loss(self, X, y, loss):
        """The loss value (a float) of this network on ``(X, y)``."""
        X, y, loss = self._checked(X, y, loss)
        return float(_validate.without_overflow(lambda: loss._value(self._forward(X)[0], y), "the loss", _TOO_LARGE))
