"""Jacobians and gradients derived by sympy, and the Kronecker closed form of dY/dW."""

import sympy as sp

from matgrad.symbolic._checks import (
    _as_matrix,
    _check_convention,
    _check_size,
    _require_shape,
    _require_symbols,
)
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)


def flatten(M):
    """The entries of ``M`` row by row, as an (rows*cols, 1) column (``vec`` row-major).

    >>> flatten(symbol_matrix("w", 2, 2)).T
    Matrix([[w11, w12, w21, w22]])
    """
    M = _as_matrix(M, "M")
    return sp.Matrix(list(M))


def jacobian(Y, X):
    """dY/dX: one row per entry of ``Y``, one column per entry of ``X`` (both flattened row by row).

    Works for vectors and matrices alike: for ``Y = X W`` with a row ``X``,
    ``jacobian(Y, W)`` is the (n_out, n_in*n_out) matrix of seed 000.

    >>> x = symbol_row("x", 2)
    >>> jacobian(sp.Matrix([[x[0] * x[1]]]), x)
    Matrix([[x2, x1]])
    """
    Y, X = _as_matrix(Y, "Y"), _as_matrix(X, "X")
    _require_symbols(X, "X")
    return flatten(Y).jacobian(flatten(X))


def gradient(expr, M):
    """dL/dM for a scalar ``expr``: a matrix of M's shape with entries d expr / d M_ij.

    >>> W = symbol_matrix("w", 1, 2)
    >>> gradient(W[0] ** 2 * W[1], W)
    Matrix([[2*w11*w12, w11**2]])
    """
    M = _as_matrix(M, "M")
    _require_symbols(M, "M")
    expr = sp.sympify(expr)
    if isinstance(expr, sp.MatrixBase):
        if expr.shape != (1, 1):
            raise ValueError(f"expr must be a scalar; got a matrix of shape {expr.shape}")
        expr = expr[0, 0]
    return M.applyfunc(lambda m: sp.diff(expr, m))


def kronecker_weight_jacobian(x, n_out, convention="row"):
    """The closed form of dY/dW (W flattened row by row) as a Kronecker product.

    Row convention, ``x`` a (1, n_in) row: ``kron(x, I_{n_out})``.
    Column convention, ``x`` an (n_in, 1) column: ``kron(I_{n_out}, x.T)``.

    >>> kronecker_weight_jacobian(symbol_row("x", 2), 3)
    Matrix([
    [x1,  0,  0, x2,  0,  0],
    [ 0, x1,  0,  0, x2,  0],
    [ 0,  0, x1,  0,  0, x2]])
    """
    x = _as_matrix(x, "x")
    n_out = _check_size(n_out, "n_out")
    if _check_convention(convention) == "row":
        _require_shape(x, (1, x.shape[1]), "x (a row)")
        return sp.kronecker_product(x, sp.eye(n_out))
    _require_shape(x, (x.shape[0], 1), "x (a column)")
    return sp.kronecker_product(sp.eye(n_out), x.T)
