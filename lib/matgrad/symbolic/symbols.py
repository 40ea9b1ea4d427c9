"""Matrices of sympy symbols named like the source material: ``w11, w12, ...``.

Also the private symbol helpers the other modules share: placeholders to
differentiate by, and how two symbols are told apart.
"""

import sympy as sp

from matgrad import _validate

__all__ = ["symbol_column", "symbol_matrix", "symbol_row"]


def symbol_matrix(name, rows, cols):
    """A (rows, cols) matrix of symbols named like the source material: ``w11, w12, ...``.

    Indices start at 1. When an index can exceed 9 an underscore separates
    them (``w1_10``) so names stay unambiguous. ``rows`` and ``cols`` are
    integers (Python, numpy or sympy) from 1 to ``MAX_SIZE`` (64).

    >>> symbol_matrix("w", 2, 2)
    Matrix([
    [w11, w12],
    [w21, w22]])
    """
    _validate.identifier(name, "name")
    rows = _validate.integer(rows, "rows", low=1, high=_validate.MAX_SYMBOLIC_SIZE)
    cols = _validate.integer(cols, "cols", low=1, high=_validate.MAX_SYMBOLIC_SIZE)
    sep = "_" if max(rows, cols) > 9 else ""
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}{i + 1}{sep}{j + 1}", real=True))


def symbol_row(name, n):
    """A (1, n) row of symbols ``name1 ... name_n``.

    >>> symbol_row("x", 3)
    Matrix([[x1, x2, x3]])
    """
    _validate.identifier(name, "name")
    n = _validate.integer(n, "n", low=1, high=_validate.MAX_SYMBOLIC_SIZE)
    return sp.Matrix(1, n, lambda i, j: sp.Symbol(f"{name}{j + 1}", real=True))


def symbol_column(name, n):
    """An (n, 1) column of symbols ``name1 ... name_n``.

    >>> symbol_column("x", 2).T
    Matrix([[x1, x2]])
    """
    return symbol_row(name, n).T


def _expression(value, name):
    """``value`` (a number or a sympy expression) as one finite sympy expression; the
    checks are those of ``_validate.matrix`` for a (1, 1) matrix."""
    return _validate.matrix([value], name)[0]


def _placeholders(M, prefix):
    """Fresh symbols of ``M``'s shape, and the mapping that puts ``M``'s entries back.

    Differentiating by placeholders works whatever ``M`` holds (numbers,
    expressions, symbols used twice), one independent variable per entry.
    """
    P = sp.Matrix(*M.shape, lambda i, j: sp.Dummy(f"{prefix}{i + 1}{j + 1}"))
    return P, dict(zip(P, M))


def _reused_symbols(named):
    """``{symbol name: [names...]}`` for every bare symbol that is more than one entry of ``named``.

    ``named`` is a list of ``(name, matrix)``; a name is listed once per entry.
    """
    places = {}
    for name, M in named:
        for entry in M:
            if isinstance(entry, sp.Symbol):
                places.setdefault(_symbol_key(entry), []).append(name)
    return {s: where for s, where in places.items() if len(where) > 1}


def _symbol_key(symbol):
    """Symbols are told apart by name (``w11`` and ``w11`` with other assumptions print
    and compile alike); placeholders (``Dummy``) are always distinct."""
    return symbol if isinstance(symbol, sp.Dummy) else symbol.name
