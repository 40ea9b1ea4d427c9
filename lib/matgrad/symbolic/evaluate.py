"""Numbers from symbols: compile a sympy expression into a numpy function."""

import numpy as np
import sympy as sp

from matgrad.symbolic.layers import Linear  # noqa: F401 (doctests)
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)


def lambdify(args, expr):
    """A numpy function of ``args`` (symbols or symbol matrices) computing ``expr``.

    The function takes one numeric array per arg (shape checked) and
    returns a float64 array (or a float for a scalar ``expr``).

    >>> W, x = symbol_matrix("w", 2, 2), symbol_row("x", 2)
    >>> f = lambdify([W, x], Linear(W).jacobian_weights(x))
    >>> f(np.eye(2), [[3.0, 4.0]])
    array([[3., 0., 4., 0.],
           [0., 3., 0., 4.]])
    """
    args = list(args)
    shapes = []
    flat_symbols = []
    for position, arg in enumerate(args):
        if isinstance(arg, sp.Symbol):
            shapes.append(())
            flat_symbols.append(arg)
        elif isinstance(arg, sp.MatrixBase) and all(isinstance(s, sp.Symbol) for s in arg):
            shapes.append(arg.shape)
            flat_symbols.extend(list(arg))
        else:
            raise TypeError(
                f"args[{position}] must be a Symbol or a matrix of Symbols; got {arg!r}"
            )
    expr_is_matrix = isinstance(expr, sp.MatrixBase)
    expr = sp.Matrix(expr) if expr_is_matrix else sp.sympify(expr)
    missing = expr.free_symbols - set(flat_symbols)
    if missing:
        names = ", ".join(sorted(str(s) for s in missing))
        raise ValueError(f"expr has symbols with no value given: {names}")
    compiled = sp.lambdify(flat_symbols, expr, modules="numpy")

    def numeric(*values):
        if len(values) != len(args):
            raise TypeError(f"expected {len(args)} arrays (one per arg); got {len(values)}")
        flat = []
        for position, (value, shape) in enumerate(zip(values, shapes)):
            array = np.asarray(value, dtype=np.float64)
            if not _fits(array.shape, shape):
                raise ValueError(
                    f"value {position} must have shape {shape} to match its symbols; "
                    f"got shape {array.shape}"
                )
            flat.extend(array.reshape(-1).tolist())
        result = np.asarray(compiled(*flat), dtype=np.float64)
        return result if expr_is_matrix else float(result)

    return numeric


def _fits(given, expected):
    """A value fits its symbols if shapes agree; a 1-D array may stand for a row or column."""
    if given == expected:
        return True
    is_vector = len(expected) == 2 and 1 in expected
    return is_vector and len(given) == 1 and given[0] == max(expected)


def evaluate(expr, values):
    """Evaluate ``expr`` numerically at ``values``: (symbols, number-array) pairs.

    ``values`` is a list of pairs, or a dict whose keys are Symbols (sympy
    matrices are unhashable, so pairs are the way to pass them).

    >>> W = symbol_matrix("w", 1, 2)
    >>> evaluate(W * W.T, [(W, [[3.0, 4.0]])])
    array([[25.]])
    """
    pairs = list(values.items()) if isinstance(values, dict) else list(values)
    for position, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise TypeError(f"values[{position}] must be a (symbols, value) pair; got {pair!r}")
    return lambdify([key for key, _ in pairs], expr)(*[value for _, value in pairs])
