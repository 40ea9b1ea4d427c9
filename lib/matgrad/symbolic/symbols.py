"""Matrices of sympy symbols named like the source material: ``w11, w12, ...``."""

import sympy as sp

from matgrad.symbolic._checks import _check_name, _check_size

__all__ = ["symbol_column", "symbol_matrix", "symbol_row"]


def symbol_matrix(name, rows, cols):
    """A (rows, cols) matrix of symbols named like the source material: ``w11, w12, ...``.

    Indices start at 1. When an index can exceed 9 an underscore separates
    them (``w1_10``) so names stay unambiguous. ``rows`` and ``cols`` are
    positive integers (Python, numpy or sympy) of at most ``MAX_SIZE`` (64).

    >>> symbol_matrix("w", 2, 2)
    Matrix([
    [w11, w12],
    [w21, w22]])
    """
    _check_name(name)
    rows, cols = _check_size(rows, "rows"), _check_size(cols, "cols")
    sep = "_" if max(rows, cols) > 9 else ""
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}{i + 1}{sep}{j + 1}", real=True))


def symbol_row(name, n):
    """A (1, n) row of symbols ``name1 ... name_n``.

    >>> symbol_row("x", 3)
    Matrix([[x1, x2, x3]])
    """
    _check_name(name)
    n = _check_size(n, "n")
    return sp.Matrix(1, n, lambda i, j: sp.Symbol(f"{name}{j + 1}", real=True))


def symbol_column(name, n):
    """An (n, 1) column of symbols ``name1 ... name_n``.

    >>> symbol_column("x", 2).T
    Matrix([[x1, x2]])
    """
    return symbol_row(name, n).T
