"""Argument checks shared by the symbolic modules (one clear sentence per bad input)."""

import numpy as np
import sympy as sp

CONVENTIONS = ("row", "column")


def _check_name(name):
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"a symbol name must be an identifier such as 'w'; got {name!r}")


def _check_size(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{what} must be a positive integer; got {value!r}")
    return int(value)


def _as_matrix(value, name):
    if isinstance(value, sp.MatrixBase):
        return sp.Matrix(value)
    if isinstance(value, (list, tuple, np.ndarray)):
        try:
            return sp.Matrix(value)
        except (ValueError, TypeError, sp.SympifyError) as error:
            raise ValueError(f"{name} must be a rectangular matrix; {error}") from None
    raise TypeError(f"{name} must be a sympy Matrix (or nested list); got {type(value).__name__}")


def _check_convention(convention):
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}; got {convention!r}")
    return convention


def _require_symbols(M, name):
    for index, entry in enumerate(M):
        if not isinstance(entry, sp.Symbol):
            raise ValueError(
                f"{name} must be a matrix of symbols to differentiate by; "
                f"entry {index} (row-major) is {entry}"
            )


def _symbols_like(M, prefix):
    """``M`` itself if it holds only symbols, else fresh placeholder symbols of its shape."""
    if all(isinstance(entry, sp.Symbol) for entry in M):
        return M, {}
    placeholders = sp.Matrix(*M.shape, lambda i, j: sp.Dummy(f"{prefix}{i + 1}{j + 1}"))
    return placeholders, dict(zip(placeholders, M))


def _require_shape(M, shape, name):
    if M.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {M.shape}")
