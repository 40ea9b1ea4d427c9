"""Symbolic twin of ``matgrad.Network``: sympy differentiates the whole loss."""

from matgrad import _validate
from matgrad.network import LayerTrace, _pairs
from matgrad.symbolic.activations import Identity, _Elementwise
from matgrad.symbolic.calculus import _gradient
from matgrad.symbolic.layers import Linear
from matgrad.symbolic.losses import HalfSSELoss, _Loss
from matgrad.symbolic.symbols import _placeholders, _reused_symbols
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)

__all__ = ["LayerTrace", "Network"]

_A_LOSS = "a matgrad.symbolic loss such as symbolic.MSELoss() (a numeric matgrad loss does not take symbols)"


class Network:
    """Symbolic twin of ``matgrad.Network``: ``layers`` is a list of ``(Linear, activation)`` pairs.

    Same methods and shapes as the numeric network (``forward`` returns
    ``(yhat, trace)`` with one :class:`matgrad.LayerTrace` per layer).
    ``gradients`` differentiates the whole loss expression with sympy -- no
    chain rule written by hand -- so it checks the numeric backprop
    independently. Every layer must use the same convention, and every
    symbol may be only one parameter entry: two layers built from the same
    symbols would silently share their weights, so they are refused.

    >>> l1 = Linear(symbol_matrix("w", 1, 1), symbol_row("b", 1))
    >>> net = Network([(l1, Identity())])
    >>> net.gradients([[2]], [[0]], HalfSSELoss())
    [(Matrix([[2*b1 + 4*w11]]), Matrix([[b1 + 2*w11]]))]
    """

    def __init__(self, layers):
        self.layers = _pairs(layers, Linear, _Elementwise, "matgrad.symbolic")
        named = [(f"layers[{i}]", M) for i, (lin, _) in enumerate(self.layers) for M in (lin.W, lin.b)]
        shared = _reused_symbols(named)
        if shared:
            first, second = shared[next(iter(shared))][:2]
            W = dict(named[::2])[second]
            names = ", ".join(str(s) for s in shared)
            raise ValueError(
                f"{first} and {second} must not share parameter symbols ({names}): their "
                f"weights would silently be the same. Give each layer its own names, e.g. "
                f'symbol_matrix("u", {W.rows}, {W.cols}) for {second}'
            )

    def __repr__(self):
        inner = ", ".join(f"({lin!r}, {act!r})" for lin, act in self.layers)
        return f"symbolic.Network([{inner}])"

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
        -> (n_out, batch). A 1-D ``X`` is one sample (a batch of one); trace holds
        one ``LayerTrace(input, pre, out)`` per layer."""
        O = _validate.matrix_samples(X, "X", self.sizes[0], self.convention)
        return self._forward(O, [(linear.W, linear.b) for linear, _ in self.layers])

    def _forward(self, O, parameters):
        """The forward pass of a checked batch ``O``, layer i using ``parameters[i] = (W, b)``."""
        trace = []
        for (linear, activation), (W, b) in zip(self.layers, parameters):
            N = linear._affine(O, W, b)
            out = activation._apply(N)
            trace.append(LayerTrace(O, N, out))
            O = out
        return O, tuple(trace)

    def _checked(self, X, y, loss):
        X = _validate.matrix_samples(X, "X", self.sizes[0], self.convention)
        y = _validate.matrix_samples(y, "y", self.sizes[-1], self.convention)
        axis = 0 if self.convention == "row" else 1
        if y.shape[axis] != X.shape[axis]:
            raise ValueError(f"y must have one target per sample of X ({X.shape[axis]}); got shape {y.shape}")
        _validate.instance(loss, "loss", _Loss, _A_LOSS)
        return X, y, loss

    def loss(self, X, y, loss):
        """The loss as one sympy expression in all the layers' symbols."""
        X, y, loss = self._checked(X, y, loss)
        yhat, _ = self._forward(X, [(linear.W, linear.b) for linear, _ in self.layers])
        return loss._value(yhat, y)

    def gradients(self, X, y, loss):
        """``[(dL/dW_0, dL/db_0), ...]`` as sympy matrices of the parameters' shapes.

        Every parameter entry (a symbol, a number or an expression) is
        swapped for its own placeholder symbol, sympy differentiates the loss
        by the placeholders, and the entries are put back into the result.
        """
        X, y, loss = self._checked(X, y, loss)
        placeholders, back = [], {}
        for linear, _ in self.layers:
            (W, back_w), (b, back_b) = _placeholders(linear.W, "W"), _placeholders(linear.b, "b")
            back.update(back_w)
            back.update(back_b)
            placeholders.append((W, b))
        L = loss._value(self._forward(X, placeholders)[0], y)
        return [(_gradient(L, W).xreplace(back), _gradient(L, b).xreplace(back)) for W, b in placeholders]

    def step(self, X, y, loss, lr):
        """One gradient-descent step: a NEW network with ``W - lr dW`` and ``b - lr db``.

        ``lr`` is a positive number or a sympy symbol (a learning rate left open).
        """
        lr = _validate.rate(lr)
        network = Network.__new__(Network)
        network.layers = tuple(
            (Linear._trusted(lin.W - lr * dW, lin.b - lr * db, lin.convention), activation)
            for (lin, activation), (dW, db) in zip(self.layers, self.gradients(X, y, loss))
        )
        return network
