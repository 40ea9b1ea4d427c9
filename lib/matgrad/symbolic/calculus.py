"""Jacobians and gradients derived by sympy, and the Kronecker closed form of dY/dW.

The public functions check their arguments; ``_jacobian`` and ``_gradient``
are their twins on checked matrices, which the layers, losses and network call.
"""

import numpy as np
import sympy as sp

from matgrad import _validate
from matgrad.symbolic.symbols import _expression
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)

__all__ = ["flatten", "gradient", "jacobian", "kronecker_weight_jacobian"]


def flatten(M):
    """The entries of ``M`` row by row, as an (rows*cols, 1) column (``vec`` row-major).

    >>> flatten(symbol_matrix("w", 2, 2)).T
    Matrix([[w11, w12, w21, w22]])
    """
    return sp.Matrix(list(_validate.matrix(M, "M")))


def jacobian(Y, X):
    """dY/dX: one row per entry of ``Y``, one column per entry of ``X`` (both flattened row by row).

    Works for vectors and matrices alike: for ``Y = X W`` with a row ``X``,
    ``jacobian(Y, W)`` is the (n_out, n_in*n_out) matrix of the row-convention
    proof. ``X`` must hold symbols (1-D lists are rows).

    >>> x = symbol_row("x", 2)
    >>> jacobian(sp.Matrix([[x[0] * x[1]]]), x)
    Matrix([[x2, x1]])
    """
    Y, X = _validate.matrix(Y, "Y"), _validate.matrix(X, "X")
    _require_symbols(X, "X")
    return _jacobian(Y, X)


def _jacobian(Y, X):
    return sp.Matrix(list(Y)).jacobian(sp.Matrix(list(X)))


def gradient(expr, M):
    """dL/dM for a scalar ``expr``: a matrix of M's shape with entries d expr / d M_ij.

    >>> W = symbol_matrix("w", 1, 2)
    >>> gradient(W[0] ** 2 * W[1], W)
    Matrix([[2*w11*w12, w11**2]])
    """
    M = _validate.matrix(M, "M")
    _require_symbols(M, "M")
    if isinstance(expr, (sp.MatrixBase, list, tuple, np.ndarray)):
        matrix = _validate.matrix(expr, "expr")
        if matrix.shape != (1, 1):
            raise ValueError(f"expr must be a scalar; got a matrix of shape {matrix.shape}")
        return _gradient(matrix[0, 0], M)
    return _gradient(_expression(expr, "expr"), M)


def _gradient(expr, M):
    return M.applyfunc(lambda m: sp.diff(expr, m))


def _require_symbols(M, name):
    """Differentiating by a number or an expression has no meaning: ``M`` must hold symbols."""
    for index, entry in enumerate(M):
        if not isinstance(entry, sp.Symbol):
            raise ValueError(
                f"{name} must be a matrix of symbols to differentiate by; entry {index} (row-major) is {entry}"
            )


def kronecker_weight_jacobian(x, n_out, convention="row"):
    """The closed form of dy/dW for one sample ``x`` (W flattened row by row), a Kronecker product.

    Row convention, ``x`` a (1, n_in) row: ``kron(x, I_{n_out})``, shape
    (n_out, n_in*n_out). Column convention, ``x`` an (n_in, 1) column:
    ``kron(I_{n_out}, x^T)``, the same shape. A 1-D list is one sample in
    either convention.

    >>> kronecker_weight_jacobian(symbol_row("x", 2), 3)
    Matrix([
    [x1,  0,  0, x2,  0,  0],
    [ 0, x1,  0,  0, x2,  0],
    [ 0,  0, x1,  0,  0, x2]])
    >>> kronecker_weight_jacobian([1, 2], 1, "column")
    Matrix([[1, 2]])
    """
    convention = _validate.convention(convention)
    n_out = _validate.integer(n_out, "n_out", low=1, high=_validate.MAX_SYMBOLIC_SIZE)
    x = _validate.matrix(x, "x", vector=convention)
    if (x.rows if convention == "row" else x.cols) != 1:
        single = "(1, n_in)" if convention == "row" else "(n_in, 1)"
        raise ValueError(
            f"x must be one sample, shape (n_in,) or {single} in {convention} convention; got shape {x.shape}"
        )
    if convention == "row":
        return sp.kronecker_product(x, sp.eye(n_out))
    return sp.kronecker_product(sp.eye(n_out), x.T)
