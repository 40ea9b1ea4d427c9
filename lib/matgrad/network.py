"""A stack of (Linear, activation) pairs with forward pass, backprop and one GD step.

Notation follows seed 002: for layer i, ``N_i = O_{i-1} W_i + b_i`` (the
pre-activation) and ``O_i = active(N_i)``, with ``O_{-1} = X``.
"""

from typing import NamedTuple

import numpy as np

from matgrad._validate import as_rows, positive_number
from matgrad.layers import Linear, _Elementwise
from matgrad.losses import _Loss


class LayerTrace(NamedTuple):
    """What one layer saw and produced in a forward pass (all (batch, ...) arrays)."""

    input: np.ndarray  # O_{i-1}, shape (batch, n_in)
    pre: np.ndarray  # N_i = O_{i-1} W_i + b_i, shape (batch, n_out)
    out: np.ndarray  # O_i = active(N_i), shape (batch, n_out)


class Network:
    """A feed-forward network: ``layers`` is a list of ``(Linear, activation)`` pairs.

    The network never changes after construction; ``step`` returns a new one.

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
        try:
            pairs = list(layers)
        except TypeError:
            raise TypeError(
                f"layers must be a list of (Linear, activation) pairs; got {type(layers).__name__}"
            ) from None
        if not pairs:
            raise ValueError("layers must hold at least one (Linear, activation) pair; got none")
        for index, pair in enumerate(pairs):
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise TypeError(
                    f"layers[{index}] must be a (Linear, activation) pair; got {pair!r}"
                )
            linear, activation = pair
            if not isinstance(linear, Linear):
                raise TypeError(
                    f"layers[{index}][0] must be a matgrad.Linear; got {type(linear).__name__}"
                )
            if not isinstance(activation, _Elementwise):
                raise TypeError(
                    f"layers[{index}][1] must be an activation such as matgrad.Sigmoid() "
                    f"or matgrad.Identity(); got {type(activation).__name__}"
                )
            if index > 0 and pairs[index - 1][0].n_out != linear.n_in:
                raise ValueError(
                    f"layers[{index}] expects {linear.n_in} inputs but layers[{index - 1}] "
                    f"produces {pairs[index - 1][0].n_out}; W shapes "
                    f"{pairs[index - 1][0].W.shape} and {linear.W.shape} do not chain"
                )
        self.layers = tuple(pairs)

    def __repr__(self):
        inner = ", ".join(f"({lin!r}, {act!r})" for lin, act in self.layers)
        return f"Network([{inner}])"

    @property
    def sizes(self):
        """Widths from input to output, e.g. ``(1, 2, 2, 1)``."""
        return (self.layers[0][0].n_in,) + tuple(lin.n_out for lin, _ in self.layers)

    def forward(self, X):
        """``X`` (batch, n_in) -> ``(yhat, trace)``.

        ``yhat`` has shape (batch, n_out); ``trace`` is a tuple with one
        :class:`LayerTrace` (input, pre, out) per layer. A 1-D ``X`` is one
        sample (batch = 1); the trace and ``yhat`` are then still 2-D.
        """
        O, _ = as_rows(X, "X", n_cols=self.sizes[0])
        trace = []
        for linear, activation in self.layers:
            N = linear.forward(O)
            out = activation.forward(N)
            trace.append(LayerTrace(O, N, out))
            O = out
        return O, tuple(trace)

    def gradients(self, X, y, loss):
        """Backprop: ``[(dW_0, db_0), (dW_1, db_1), ...]``, one pair per Linear, in order.

        ``y`` must have the shape of ``yhat`` (batch, n_out); ``loss`` is a
        matgrad loss (e.g. ``MSELoss()``). Each ``dW_i`` has the shape of
        ``W_i`` and each ``db_i`` the shape of ``b_i``.
        """
        _check_loss(loss)
        yhat, trace = self.forward(X)
        y, _ = as_rows(y, "y", n_cols=self.sizes[-1])
        upstream = loss.grad(yhat, y)  # dL/dO_last, (batch, n_out)
        grads = []
        for (linear, activation), seen in zip(reversed(self.layers), reversed(trace)):
            dN = activation.backward(seen.pre, upstream)  # dL/dN_i
            upstream, dW, db = linear.backward(seen.input, dN)  # upstream = dL/dO_{i-1}
            grads.append((dW, db))
        return grads[::-1]

    def step(self, X, y, loss, lr):
        """One gradient-descent step: a NEW network with ``W - lr dW`` and ``b - lr db``."""
        lr = positive_number(lr, "lr")
        grads = self.gradients(X, y, loss)
        return Network(
            [
                (Linear(linear.W - lr * dW, linear.b - lr * db), activation)
                for (linear, activation), (dW, db) in zip(self.layers, grads)
            ]
        )

    def loss(self, X, y, loss):
        """The loss value (a float) of this network on ``(X, y)``."""
        _check_loss(loss)
        yhat, _ = self.forward(X)
        y, _ = as_rows(y, "y", n_cols=self.sizes[-1])
        return loss.value(yhat, y)


def _check_loss(loss):
    if not isinstance(loss, _Loss):
        raise TypeError(
            f"loss must be a matgrad loss such as MSELoss() or HalfSSELoss(); "
            f"got {type(loss).__name__}"
        )
