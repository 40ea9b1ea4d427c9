"""A stack of (Linear, activation) pairs with forward pass, backprop and one GD step.

Notation follows the multilayer derivation ("Computing backpropagation"):
for layer i, ``N_i = O_{i-1} W_i + b_i`` (the pre-activation) and
``O_i = active(N_i)``, with ``O_{-1} = X``. All layers share one convention
(row: a batch is rows; column: a batch is columns, ``N_i = W_i O_{i-1} + b_i``).
"""

from typing import NamedTuple

import numpy as np

from matgrad._validate import NumericOverflowError, as_samples, class_hint, finite_result
from matgrad._validate import largest, positive_number
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


def checked_pairs(layers, linear_type, activation_type, package="matgrad"):
    """``layers`` as a tuple of (Linear, activation) pairs; every problem named by its index.

    Shared with ``matgrad.symbolic.Network`` (``package`` is ``"matgrad.symbolic"`` there).
    """
    if isinstance(layers, (str, bytes)) or not hasattr(layers, "__iter__"):
        raise TypeError(
            f"layers must be a list of (Linear, activation) pairs; got {type(layers).__name__}"
        )
    pairs = list(layers)
    if not pairs:
        raise ValueError("layers must hold at least one (Linear, activation) pair; got none")
    for index, pair in enumerate(pairs):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise TypeError(f"layers[{index}] must be a (Linear, activation) pair; got {pair!r}")
        linear, activation = pairs[index] = tuple(pair)
        if not isinstance(linear, linear_type):
            hint = class_hint(linear, linear_type, "W, b")
            raise TypeError(f"layers[{index}][0] must be a {package}.Linear; got {hint}")
        if not isinstance(activation, activation_type):
            hint = class_hint(activation, activation_type)
            raise TypeError(
                f"layers[{index}][1] must be an activation such as {package}.Sigmoid() "
                f"or {package}.Identity(); got {hint}"
            )
        if linear.convention != pairs[0][0].convention:
            raise ValueError(
                f"layers[{index}][0] must use the {pairs[0][0].convention} convention like "
                f"layers[0]; got convention={linear.convention!r}"
            )
        if index > 0 and pairs[index - 1][0].n_out != linear.n_in:
            raise ValueError(
                f"layers[{index}] expects {linear.n_in} inputs but layers[{index - 1}] "
                f"produces {pairs[index - 1][0].n_out}; W shapes "
                f"{pairs[index - 1][0].W.shape} and {linear.W.shape} do not chain"
            )
    return tuple(pairs)


def checked_loss(loss, loss_type, package="matgrad"):
    if not isinstance(loss, loss_type):
        hint = class_hint(loss, loss_type)
        raise TypeError(
            f"loss must be a {package} loss such as MSELoss() or HalfSSELoss() "
            f"(from {package}); got {hint}"
        )
    return loss


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
        self.layers = checked_pairs(layers, Linear, _Elementwise)

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
        O, _ = as_samples(X, "X", self.sizes[0], self.convention)
        trace = []
        for index, (linear, activation) in enumerate(self.layers):
            with _in_terms_of("the forward pass", index):
                N = linear.forward(O)
            out = activation.forward(N)
            trace.append(LayerTrace(O, N, out))
            O = out
        return O, tuple(trace)

    def gradients(self, X, y, loss):
        """Backprop: ``[(dW_0, db_0), (dW_1, db_1), ...]``, one pair per Linear, in order.

        ``y`` must have the shape of ``yhat``; ``loss`` is a matgrad loss
        (e.g. ``MSELoss()``). Each ``dW_i`` has the shape of ``W_i`` and each
        ``db_i`` the shape of ``b_i`` (n_out,).
        """
        yhat, trace, y = self._targets(X, y, loss)
        with _in_terms_of("the loss gradient", len(self.layers) - 1):
            upstream = loss.grad(yhat, y)  # dL/dO_last
        grads = []
        for index in reversed(range(len(self.layers))):
            (linear, activation), seen = self.layers[index], trace[index]
            dN = activation.backward(seen.pre, upstream)  # dL/dN_i
            with _in_terms_of("backpropagation", index):
                upstream, dW, db = linear.backward(seen.input, dN)  # upstream = dL/dO_{i-1}
            grads.append((dW, db))
        return grads[::-1]

    def _targets(self, X, y, loss):
        checked_loss(loss, _Loss)
        yhat, trace = self.forward(X)
        y, _ = as_samples(y, "y", self.sizes[-1], self.convention)
        return yhat, trace, y

    def step(self, X, y, loss, lr):
        """One gradient-descent step: a NEW network with ``W - lr dW`` and ``b - lr db``."""
        lr = positive_number(lr, "lr")
        new_layers = []
        for index, ((linear, activation), (dW, db)) in enumerate(
            zip(self.layers, self.gradients(X, y, loss))
        ):
            with np.errstate(all="ignore"):
                W, b = linear.W - lr * dW, linear.b - lr * db
            for name, value, grad in (("W", W, dW), ("b", b, db)):
                finite_result(
                    value,
                    f"the gradient-descent step of layers[{index}]: {name} - lr * dL/d{name}",
                    f"lr = {lr:g} times dL/d{name} (largest |entry| {largest(grad)}) is not finite; "
                    f"lr must be smaller: the learning rate or the parameters are too large",
                )
            new_layers.append((Linear(W, b, linear.convention), activation))
        return Network(new_layers)

    def loss(self, X, y, loss):
        """The loss value (a float) of this network on ``(X, y)``."""
        yhat, _, y = self._targets(X, y, loss)
        with _in_terms_of("the loss", len(self.layers) - 1):
            return loss.value(yhat, y)


class _in_terms_of:
    """Re-raise an overflow inside a layer as the network's: which pass, which layer."""

    def __init__(self, stage, index):
        self.stage, self.index = stage, index

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, NumericOverflowError):
            raise NumericOverflowError(
                f"{self.stage} overflowed at layers[{self.index}]: the parameters (W, b) or "
                f"the inputs X, y must be smaller. Details: {error}"
            ) from error
        return False
