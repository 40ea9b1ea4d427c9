"""Argument checks shared by the symbolic modules (one clear sentence per bad input)."""

import numbers

import numpy as np
import sympy as sp

from matgrad._validate import CONVENTIONS, class_hint

MAX_SIZE = 64  # rows or columns of a symbol matrix; a course needs a few dozen at most
_NOT_FINITE = (sp.nan, sp.zoo, sp.oo, -sp.oo)


def _check_name(name):
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"a symbol name must be an identifier such as 'w'; got {name!r}")


def _check_size(value, what):
    integer = isinstance(value, (int, np.integer, sp.Integer)) and not isinstance(value, (bool, np.bool_))
    if not integer or value < 1:
        raise ValueError(f"{what} must be a positive integer; got {value!r}")
    if value > MAX_SIZE:
        raise ValueError(
            f"{what} must be at most {MAX_SIZE} (symbol matrices are for course-sized "
            f"layers; use numbers and matgrad for bigger ones); got {value!r}"
        )
    return int(value)


def _check_convention(convention):
    if not isinstance(convention, str) or convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}; got {convention!r}")
    return convention


def _scalar(entry, name):
    """``entry`` as a finite sympy expression, or a clear error naming ``name``."""
    if isinstance(entry, (list, tuple, np.ndarray, sp.MatrixBase)):
        raise ValueError(f"{name} must be a rectangular matrix (a 1-D or 2-D nested list); got ragged rows")
    if isinstance(entry, (str, bytes, bool, np.bool_)) or entry is None:
        raise TypeError(
            f"{name} must hold numbers or sympy expressions; got an entry {entry!r} of type {type(entry).__name__}"
        )
    try:
        value = sp.sympify(entry, strict=True)
    except (sp.SympifyError, TypeError, ValueError):
        raise TypeError(
            f"{name} must hold numbers or sympy expressions; got an entry of type {type(entry).__name__}"
        ) from None
    if not isinstance(value, sp.Expr):
        raise TypeError(f"{name} must hold numbers or sympy expressions; got the entry {value!r}")
    if value.has(*_NOT_FINITE):
        raise ValueError(f"{name} must be finite; got an entry equal to {value}")
    return value


def _as_matrix(value, name, vector="row"):
    """``value`` as a non-empty sympy Matrix (a private copy) of finite entries.

    A 1-D list or array becomes a (1, n) row (``vector="row"``) or an (n, 1)
    column (``vector="column"``); ``vector=None`` refuses 1-D input.
    """
    if isinstance(value, sp.MatrixBase):
        entries, shape = list(value), value.shape
    elif isinstance(value, (list, tuple, np.ndarray)):
        try:
            array = np.array(value, dtype=object)
        except ValueError:
            raise ValueError(f"{name} must be a rectangular matrix; got ragged rows") from None
        if array.ndim == 1 and any(isinstance(e, (list, tuple, np.ndarray)) for e in array):
            raise ValueError(f"{name} must be a rectangular matrix (a 1-D or 2-D nested list); got ragged rows")
        if array.ndim not in (1, 2) or (array.ndim == 1 and vector is None):
            allowed = "2-D" if vector is None else "1-D or 2-D"
            raise ValueError(f"{name} must be {allowed}; got a {array.ndim}-D array of shape {array.shape}")
        if array.ndim == 1:
            array = array.reshape((1, -1) if vector == "row" else (-1, 1))
        entries, shape = list(array.ravel()), array.shape
    else:
        hint = class_hint(value, sp.MatrixBase)
        raise TypeError(f"{name} must be a sympy Matrix (or nested list); got {hint}")
    if 0 in shape:
        raise ValueError(f"{name} must not be empty (at least one sample, one entry); got shape {shape}")
    return sp.Matrix(*shape, [_scalar(entry, name) for entry in entries])


def _one_dimensional(value):
    return isinstance(value, (list, tuple, np.ndarray)) and np.ndim(np.array(value, dtype=object)) == 1


def _as_samples(value, name, n, convention):
    """A batch of samples: (batch, n) in row convention, (n, batch) in column convention.

    A 1-D input is one sample: a (1, n) row or an (n, 1) column.
    """
    M = _as_matrix(value, name, vector=convention)
    if _one_dimensional(value) and len(M) != n:
        raise ValueError(f"{name} (one sample, 1-D) must have {n} entries; got {len(M)}")
    if convention == "row" and M.shape[1] != n:
        raise ValueError(f"{name} must have shape (batch, {n}) in row convention; got shape {M.shape}")
    if convention == "column" and M.shape[0] != n:
        raise ValueError(
            f"{name} must have shape ({n}, batch) in column convention (one column per sample); "
            f"got shape {M.shape}"
        )
    return M


def _one_sample(value, name, n, convention):
    """One sample, as a (1, n) row (row convention) or an (n, 1) column."""
    M = _as_matrix(value, name, vector=convention)
    single = (1, n) if convention == "row" else (n, 1)
    if M.shape != single:
        given = (len(M),) if _one_dimensional(value) else M.shape
        raise ValueError(f"{name} must be one sample: shape ({n},) or {single}; got shape {given}")
    return M


def _require_symbols(M, name):
    for index, entry in enumerate(M):
        if not isinstance(entry, sp.Symbol):
            raise ValueError(
                f"{name} must be a matrix of symbols to differentiate by; "
                f"entry {index} (row-major) is {entry}"
            )


def _placeholders(M, prefix):
    """Fresh symbols of ``M``'s shape, and the mapping that puts ``M``'s entries back.

    Differentiating by placeholders works whatever ``M`` holds (numbers,
    expressions, symbols used twice), one independent variable per entry.
    """
    P = sp.Matrix(*M.shape, lambda i, j: sp.Dummy(f"{prefix}{i + 1}{j + 1}"))
    return P, dict(zip(P, M))


def _require_shape(M, shape, name):
    if M.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {M.shape}")


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


def _check_positive_rate(lr):
    """``lr`` as a sympy number or expression that is not known to be <= 0."""
    if isinstance(lr, (bool, np.bool_)) or not isinstance(lr, (numbers.Real, sp.Expr)):
        raise TypeError(f"lr must be a positive number or a sympy symbol; got {lr!r:.40}")
    rate = sp.sympify(lr)
    if rate.has(*_NOT_FINITE) or rate.is_positive is False:
        raise ValueError(f"lr must be a positive finite number; got {lr}")
    return rate
