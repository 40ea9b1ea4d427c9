"""Jacobians and gradients derived by sympy, and the Kronecker closed form of dY/dW."""

import sympy as sp

from matgrad.symbolic._checks import (
    _as_matrix,
    _check_convention,
    _check_size,
    _one_sample,
    _require_symbols,
    _scalar,
)
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)

__all__ = ["flatten", "gradient", "jacobian", "kronecker_weight_jacobian"]


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
    ``jacobian(Y, W)`` is the (n_out, n_in*n_out) matrix of the row-convention
    proof. ``X`` must hold symbols (1-D lists are rows).

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
    if isinstance(expr, (sp.MatrixBase, list, tuple)):
        matrix = _as_matrix(expr, "expr")
        if matrix.shape != (1, 1):
            raise ValueError(f"expr must be a scalar; got a matrix of shape {matrix.shape}")
        expr = matrix[0, 0]
    expr = _scalar(expr, "expr")
    return M.applyfunc(lambda m: sp.diff(expr, m))


def kronecker_weight_jacobian(x, n_out, convention="row"):
    """The closed form of dy/dW for one sample ``x`` (W flattened row by row), a Kronecker product.

    Row convention, ``x`` a (1, n_in) row: ``kron(x, I_{n_out})``.
    Column convention, ``x`` an (n_in, 1) column: ``kron(I_{n_out}, x^T)``.
    A 1-D list is one sample in either convention.

    >>> kronecker_weight_jacobian(symbol_row("x", 2), 3)
    Matrix([
    [x1,  0,  0, x2,  0,  0],
    [ 0, x1,  0,  0, x2,  0],
    [ 0,  0, x1,  0,  0, x2]])
    >>> kronecker_weight_jacobian([1, 2], 1, "column")
    Matrix([[1, 2]])
    """
    convention = _check_convention(convention)
    n_out = _check_size(n_out, "n_out")
    matrix = _as_matrix(x, "x", vector=convention)
    if 1 not in matrix.shape:
        raise ValueError(f"x must be one sample (a row or a column vector); got shape {matrix.shape}")
    x = _one_sample(x, "x", len(matrix), convention)
    if convention == "row":
        return sp.kronecker_product(x, sp.eye(n_out))
    return sp.kronecker_product(sp.eye(n_out), x.T)
