"""Symbolic twin of ``matgrad.Linear``: same methods, every derivative derived by sympy."""

import sympy as sp

from matgrad import _validate
from matgrad.symbolic.calculus import _gradient, _jacobian
from matgrad.symbolic.symbols import _placeholders, _reused_symbols
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)

__all__ = ["Linear"]


class Linear:
    """Symbolic affine layer. Row convention: ``Y = X W + b``; column: ``y = W x + b``.

    Row convention (default): ``W`` (n_in, n_out); ``X`` (batch, n_in), one
    sample per row. Column convention: ``W`` (n_out, n_in); ``X`` (n_in,
    batch), one sample per column. A 1-D input is one sample, returned as
    a (1, n) row (row convention) or an (n, 1) column (column convention).

    ``b`` may be any vector of n_out entries (1-D, a row or a column;
    zeros if omitted). SymPy has no 1-D matrices, so it is stored as a
    (1, n_out) row in row convention and an (n_out, 1) column in column
    convention. Entries of ``W`` and ``b`` may be numbers or expressions; a
    symbol may be only one parameter entry (else ``ValueError``).

    Every derivative (``backward``, the Jacobians) is derived by sympy from
    the forward expression, never typed in, so it checks ``matgrad.Linear``.

    >>> W, b = symbol_matrix("w", 2, 3), symbol_row("b", 3)
    >>> Linear(W, b).forward(symbol_row("x", 2))
    Matrix([[b1 + w11*x1 + w21*x2, b2 + w12*x1 + w22*x2, b3 + w13*x1 + w23*x2]])
    >>> Linear([[1, 2, 3], [4, 5, 6]], convention="column").backward([9, 10, 11], [7, 8])[1]
    Matrix([
    [63, 70, 77],
    [72, 80, 88]])
    """

    def __init__(self, W, b=None, convention="row"):
        self._convention = _validate.convention(convention)
        self.W = _validate.matrix(W, "W", vector=None)
        bias_shape = (1, self.n_out) if convention == "row" else (self.n_out, 1)
        b = sp.zeros(*bias_shape) if b is None else _validate.matrix(b, "b", vector=convention)
        if 1 not in b.shape or len(b) != self.n_out:
            raise ValueError(f"b must have n_out = {self.n_out} entries, one per output of W; got shape {b.shape}")
        self.b = b.reshape(*bias_shape)
        shared = _reused_symbols([("W", self.W), ("b", self.b)])
        if shared:
            where = "; ".join(f"{s} in {' and '.join(places)}" for s, places in shared.items())
            vector = "symbol_row" if convention == "row" else "symbol_column"
            raise ValueError(
                f"W and b must not reuse a symbol (each symbol is one parameter entry); got {where}. "
                f'Give every entry its own name, e.g. W = symbol_matrix("w", {self.W.rows}, '
                f'{self.W.cols}) and b = {vector}("b", {self.n_out})'
            )

    @classmethod
    def _trusted(cls, W, b, convention):
        """A layer of matrices the library computed itself (no checks)."""
        layer = cls.__new__(cls)
        layer._convention, layer.W, layer.b = convention, W, b
        return layer

    @property
    def convention(self):
        """``"row"`` (``Y = X W + b``) or ``"column"`` (``y = W x + b``)."""
        return self._convention

    @property
    def n_in(self):
        """Inputs per sample."""
        return self.W.shape[0 if self._convention == "row" else 1]

    @property
    def n_out(self):
        """Outputs per sample."""
        return self.W.shape[1 if self._convention == "row" else 0]

    def __repr__(self):
        return f"symbolic.Linear(n_in={self.n_in}, n_out={self.n_out}, convention={self._convention!r})"

    def _affine(self, X, W, b):
        """``X W + b`` (row) or ``W X + b`` (column) on checked matrices, b added to every sample."""
        if self._convention == "row":
            return X * W + sp.ones(X.rows, 1) * b
        return W * X + b * sp.ones(1, X.cols)

    def forward(self, X):
        """Row: ``X`` (batch, n_in) -> ``X W + b`` (batch, n_out). Column: ``X`` (n_in, batch)
        -> ``W X + b`` (n_out, batch). A 1-D ``X`` is one sample (a row or a column)."""
        return self._affine(_validate.matrix_samples(X, "X", self.n_in, self._convention), self.W, self.b)

    def backward(self, X, dY):
        """``(dX, dW, db)``: sympy's gradients of ``L = sum(dY o Y)`` by X, W and b.

        ``dY = dL/dY`` has Y's shape; ``dX`` has X's (2-D), ``dW`` W's and
        ``db`` b's (stored) shape; the parameters' gradients are summed over
        the batch, as in ``matgrad.Linear.backward``.
        """
        X = _validate.matrix_samples(X, "X", self.n_in, self._convention)
        dY = _validate.matrix_samples(dY, "dY", self.n_out, self._convention)
        axis, unit = (0, "row") if self._convention == "row" else (1, "column")
        if dY.shape[axis] != X.shape[axis]:
            raise ValueError(f"dY must have one {unit} per sample, as X has; got X {X.shape} and dY {dY.shape}")
        (Xp, back_x), (Wp, back_w), (bp, back_b) = (
            _placeholders(X, "x"), _placeholders(self.W, "w"), _placeholders(self.b, "b")
        )
        L = sum((g * y for g, y in zip(dY, self._affine(Xp, Wp, bp))), sp.S.Zero)
        back = {**back_x, **back_w, **back_b}
        return tuple(_gradient(L, P).xreplace(back) for P in (Xp, Wp, bp))

    def _sample_or_placeholder(self, x):
        if x is not None:
            return _validate.matrix_one_sample(x, "x", self.n_in, self._convention)
        shape = (1, self.n_in) if self._convention == "row" else (self.n_in, 1)
        return _placeholders(sp.zeros(*shape), "x")[0]

    def jacobian_input(self, x=None):
        """dy/dx for one sample, derived by sympy: (n_out, n_in), ``W^T`` (row) or ``W`` (column).

        The Jacobian of a Linear layer is the same for every ``x``; without
        ``x`` a placeholder sample is used.

        >>> Linear(symbol_matrix("w", 2, 1)).jacobian_input()
        Matrix([[w11, w21]])
        """
        x = self._sample_or_placeholder(x)
        xp, back = _placeholders(x, "x")
        return _jacobian(self._affine(xp, self.W, self.b), xp).xreplace(back)

    def jacobian_weights(self, x):
        """dy/dW for one sample ``x``, derived by sympy, W flattened row by row: (n_out, n_in*n_out)."""
        x = _validate.matrix_one_sample(x, "x", self.n_in, self._convention)
        Wp, back = _placeholders(self.W, "w")
        return _jacobian(self._affine(x, Wp, self.b), Wp).xreplace(back)

    def jacobian_bias(self, x=None):
        """dy/db for one sample, derived by sympy: the (n_out, n_out) identity, for every ``x``."""
        x = self._sample_or_placeholder(x)
        bp, back = _placeholders(self.b, "b")
        return _jacobian(self._affine(x, self.W, bp), bp).xreplace(back)
