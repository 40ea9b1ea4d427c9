"""Symbolic twin of ``matgrad.Network``: sympy differentiates the whole loss."""

import sympy as sp

from matgrad.symbolic._checks import _as_matrix, _symbols_like
from matgrad.symbolic.calculus import gradient
from matgrad.symbolic.layers import Identity, Linear, _Elementwise
from matgrad.symbolic.losses import HalfSSELoss  # noqa: F401 (doctests)
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)


class Network:
    """Symbolic twin of ``matgrad.Network`` (row convention).

    ``layers`` is a list of ``(Linear, activation)`` pairs. ``gradients``
    differentiates the whole loss expression with sympy -- no chain rule
    written by hand -- so it checks the numeric backprop independently.

    >>> l1 = Linear(symbol_matrix("w", 1, 1), symbol_row("b", 1))
    >>> net = Network([(l1, Identity())])
    >>> net.gradients(sp.Matrix([[2]]), sp.Matrix([[0]]), HalfSSELoss())
    [(Matrix([[2*b1 + 4*w11]]), Matrix([[b1 + 2*w11]]))]
    """

    def __init__(self, layers):
        self.layers = tuple(layers)
        for index, pair in enumerate(self.layers):
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise TypeError(
                    f"layers[{index}] must be a (Linear, activation) pair; got {pair!r}"
                )
            linear, activation = pair
            if not isinstance(linear, Linear) or linear.convention != "row":
                raise TypeError(f"layers[{index}][0] must be a row-convention symbolic.Linear")
            if not isinstance(activation, _Elementwise):
                raise TypeError(f"layers[{index}][1] must be symbolic.Sigmoid() or Identity()")
            if index and self.layers[index - 1][0].n_out != linear.n_in:
                raise ValueError(
                    f"layers[{index}] expects {linear.n_in} inputs but layers[{index - 1}] "
                    f"produces {self.layers[index - 1][0].n_out}"
                )

    def forward(self, X):
        """``X`` (batch, n_in) -> ``(O_last, trace)``; trace holds ``(input, pre, out)`` per layer."""
        O, trace = _as_matrix(X, "X"), []
        for linear, activation in self.layers:
            N = linear.forward(O)
            out = activation.forward(N)
            trace.append((O, N, out))
            O = out
        return O, trace

    def loss(self, X, y, loss):
        """The loss as one sympy expression in all the layers' symbols."""
        yhat, _ = self.forward(X)
        return loss.value(yhat, y)

    def gradients(self, X, y, loss):
        """``[(dL/dW_0, dL/db_0), ...]`` as sympy matrices of the parameters' shapes.

        Parameters given as numbers (say a zero bias) are differentiated too:
        they are swapped for placeholder symbols, and the numbers put back
        into the result.
        """
        layers, values, placeholders = [], {}, []
        for linear, activation in self.layers:
            W, W_values = _symbols_like(linear.W, "W")
            b, b_values = _symbols_like(linear.b, "b")
            values.update(W_values)
            values.update(b_values)
            placeholders.append((W, b))
            layers.append((Linear(W, b), activation))
        L = Network(layers).loss(X, y, loss)
        return [
            (gradient(L, W).xreplace(values), gradient(L, b).xreplace(values))
            for W, b in placeholders
        ]
