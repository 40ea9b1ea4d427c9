"""Symbolic twins of the numeric layers: Linear, Sigmoid, Identity."""

import sympy as sp

from matgrad.symbolic._checks import _as_matrix, _check_convention, _symbols_like
from matgrad.symbolic.calculus import jacobian
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)


class Linear:
    """Symbolic affine layer. Row: ``Y = X W + B``; column: ``y = W x + b``.

    Row convention: ``W`` (n_in, n_out), ``b`` a (1, n_out) row; ``X`` is
    (batch, n_in), each row a sample (the bias is added to every row).
    Column convention: ``W`` (n_out, n_in), ``b`` an (n_out, 1) column;
    ``x`` is (n_in, 1). ``b`` defaults to zeros.

    >>> W, b = symbol_matrix("w", 2, 3), symbol_row("b", 3)
    >>> Linear(W, b).forward(symbol_row("x", 2))
    Matrix([[b1 + w11*x1 + w21*x2, b2 + w12*x1 + w22*x2, b3 + w13*x1 + w23*x2]])
    """

    def __init__(self, W, b=None, convention="row"):
        self.convention = _check_convention(convention)
        self.W = _as_matrix(W, "W")
        rows, cols = self.W.shape
        self.n_in, self.n_out = (rows, cols) if convention == "row" else (cols, rows)
        bias_shape = (1, self.n_out) if convention == "row" else (self.n_out, 1)
        if b is None:
            b = sp.zeros(*bias_shape)
        self.b = _as_matrix(b, "b")
        if self.b.shape != bias_shape:
            raise ValueError(
                f"b must have shape {bias_shape} to match W of shape {self.W.shape} "
                f"in {convention} convention; got shape {self.b.shape}"
            )

    def __repr__(self):
        return (
            f"symbolic.Linear(n_in={self.n_in}, n_out={self.n_out}, convention={self.convention!r})"
        )

    def _check_input(self, x):
        x = _as_matrix(x, "x")
        if self.convention == "row" and x.shape[1:] != (self.n_in,):
            raise ValueError(
                f"x must have shape (batch, {self.n_in}) in row convention; got shape {x.shape}"
            )
        if self.convention == "column" and x.shape != (self.n_in, 1):
            raise ValueError(
                f"x must have shape ({self.n_in}, 1) in column convention; got shape {x.shape}"
            )
        return x

    def forward(self, x):
        """Row: ``x W + b`` (batch, n_out). Column: ``W x + b`` (n_out, 1)."""
        x = self._check_input(x)
        if self.convention == "row":
            return x * self.W + sp.ones(x.shape[0], 1) * self.b
        return self.W * x + self.b

    def _single(self, x):
        x = self._check_input(x)
        if x.shape[0] != 1 and self.convention == "row":
            raise ValueError(f"x must be one sample, shape (1, {self.n_in}); got shape {x.shape}")
        return x

    def jacobian_input(self, x):
        """dY/dx derived by sympy, shape (n_out, n_in): ``W.T`` (row) or ``W`` (column)."""
        x = self._single(x)
        return jacobian(self.forward(x), x)

    def jacobian_weights(self, x):
        """dY/dW derived by sympy, W flattened row by row: shape (n_out, n_in*n_out)."""
        x = self._single(x)
        return jacobian(self.forward(x), self.W)

    def jacobian_bias(self, x):
        """dY/db derived by sympy: the (n_out, n_out) identity (``b`` must be symbols)."""
        x = self._single(x)
        return jacobian(self.forward(x), self.b)


def sigmoid(t):
    """The logistic function as a sympy expression: ``1 / (1 + exp(-t))``."""
    return 1 / (1 + sp.exp(-t))


class _Elementwise:
    def _function(self, t):
        raise NotImplementedError

    def __repr__(self):
        return f"symbolic.{type(self).__name__}()"

    def forward(self, z):
        """Apply the activation to every entry of ``z`` (any shape)."""
        return _as_matrix(z, "z").applyfunc(self._function)

    def jacobian(self, z):
        """dO/dz derived by sympy for a vector ``z`` (symbols or expressions): diagonal, (n, n)."""
        z = _as_matrix(z, "z")
        if 1 not in z.shape:
            raise ValueError(f"z must be a vector (1, n) or (n, 1); got shape {z.shape}")
        # z may hold expressions (say a pre-activation N = x W): differentiate
        # by stand-in symbols, then put z back.
        placeholders, values = _symbols_like(z, "z")
        return jacobian(self.forward(placeholders), placeholders).xreplace(values)


class Sigmoid(_Elementwise):
    """Symbolic sigmoid. Its Jacobian is diagonal with entries s(z)(1 - s(z)).

    >>> z = symbol_row("z", 2)
    >>> J = Sigmoid().jacobian(z)
    >>> J.is_diagonal(), sp.simplify(J[0, 0] - sigmoid(z[0]) * (1 - sigmoid(z[0])))
    (True, 0)
    """

    def _function(self, t):
        return sigmoid(t)


class Identity(_Elementwise):
    """Symbolic identity activation (Jacobian = identity matrix)."""

    def _function(self, t):
        return t
