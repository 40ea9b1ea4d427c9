"""Numbers from symbols: compile a sympy expression into a numpy function."""

import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from matgrad import _validate
from matgrad.symbolic.layers import Linear  # noqa: F401 (doctests)
from matgrad.symbolic.symbols import _expression, _symbol_key
from matgrad.symbolic.symbols import symbol_matrix, symbol_row  # noqa: F401 (doctests)

__all__ = ["evaluate", "lambdify"]


def lambdify(args, expr):
    """A numpy function of ``args`` (a list of symbols or symbol matrices) computing ``expr``.

    ``expr`` is a sympy expression, a sympy Matrix, or a list (a 1-D list
    gives 1-D results, a nested list 2-D ones). The function takes one
    numeric array per arg (shape checked; a 1-D array may stand for a row or
    a column of symbols) and returns a float64 array (a float for a scalar
    ``expr``). Every symbol must get exactly one value.

    >>> W, x = symbol_matrix("w", 2, 2), symbol_row("x", 2)
    >>> f = lambdify([W, x], Linear(W).jacobian_weights(x))
    >>> f(np.eye(2), [[3.0, 4.0]])
    array([[3., 0., 4., 0.],
           [0., 3., 0., 4.]])
    >>> t = sp.Symbol("t")
    >>> lambdify([t], [t, t**2])(3.0)
    array([3., 9.])
    """
    return _compile(args, expr, "args")


def _compile(args, expr, argname):
    if isinstance(args, (sp.Basic, sp.MatrixBase)) or not isinstance(args, (list, tuple)):
        raise TypeError(
            f"{argname} must be a list of symbols or symbol matrices, e.g. [W, x]; got {_validate.shown(args)}"
        )
    shapes, flat_symbols, owner = [], [], {}
    for position, arg in enumerate(args):
        if isinstance(arg, sp.Symbol):
            shapes.append(())
            symbols = [arg]
        elif isinstance(arg, sp.MatrixBase) and len(arg) and all(isinstance(s, sp.Symbol) for s in arg):
            shapes.append(arg.shape)
            symbols = list(arg)
        else:
            given = _validate.shown(arg)
            raise TypeError(f"{argname}[{position}] must be a Symbol or a matrix of Symbols; got {given}")
        for symbol in symbols:
            if _symbol_key(symbol) in owner:
                raise ValueError(
                    f"{argname}[{position}] must not repeat the symbol {symbol}: "
                    f"{argname}[{owner[_symbol_key(symbol)]}] already gives it a value; "
                    f"each symbol must get exactly one value"
                )
            owner[_symbol_key(symbol)] = position
        flat_symbols.extend(symbols)
    if isinstance(expr, (sp.MatrixBase, list, tuple, np.ndarray)):
        matrix = _validate.matrix(expr, "expr")
        one_dimensional = not isinstance(expr, sp.MatrixBase) and np.ndim(np.array(expr, dtype=object)) == 1
        expr, out_shape = matrix, (len(matrix),) if one_dimensional else None
    else:
        expr, out_shape = _expression(expr, "expr"), ()
    missing = expr.free_symbols - set(flat_symbols)
    if missing:
        names = ", ".join(sorted(str(s) for s in missing))
        alike = sorted({s.name for s in missing} & {s.name for s in flat_symbols})
        note = f" (a symbol named {', '.join(alike)} was given, with other assumptions such as real=True)" if alike else ""
        raise ValueError(
            f"{argname} must give every symbol of expr a value; expr has symbols with no value given: {names}{note}"
        )
    unknown = expr.atoms(AppliedUndef)
    if unknown:
        raise ValueError(f"expr must hold only known functions (exp, sin, ...); got {sorted(map(str, unknown))}")
    compiled = sp.lambdify(flat_symbols, expr, modules="numpy")

    def numeric(*values):
        if len(values) != len(shapes):
            raise TypeError(f"values must be {len(shapes)} array(s), one per arg; got {len(values)}")
        flat = []
        for position, (value, shape) in enumerate(zip(values, shapes)):
            array = _validate.array(value, f"value {position}", ndims=(0, 1, 2))
            if not _fits(array.shape, shape):
                raise ValueError(
                    f"value {position} must have shape {shape} to match its symbols; "
                    f"got shape {array.shape}"
                )
            flat.extend(array.reshape(-1).tolist())
        with np.errstate(all="ignore"):
            result = np.asarray(compiled(*flat), dtype=np.float64)
        if not np.all(np.isfinite(result)):
            raise ValueError(
                f"expr evaluated to {result[~np.isfinite(result)].ravel()[0]} at these values "
                f"(an overflow or a division by zero); the values must keep expr finite"
            )
        if out_shape is None:
            return result
        return result.reshape(out_shape) if out_shape else float(result.reshape(()))

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
    matrices are unhashable, so pairs are the way to pass them). Every
    symbol of ``expr`` must get exactly one value.

    >>> W = symbol_matrix("w", 1, 2)
    >>> evaluate(W * W.T, [(W, [[3.0, 4.0]])])
    array([[25.]])
    """
    if isinstance(values, dict):
        pairs = list(values.items())
    elif isinstance(values, (list, tuple)):
        pairs = list(values)
    else:
        raise TypeError(f"values must be a list of (symbols, value) pairs or a dict; got {_validate.shown(values)}")
    for position, pair in enumerate(pairs):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise TypeError(f"values[{position}] must be a (symbols, value) pair; got {_validate.shown(pair)}")
    function = _compile([key for key, _ in pairs], expr, "values")
    return function(*[value for _, value in pairs])
