"""Arrays printed the same way in a notebook cell and inside a widget.

A notebook usually starts with ``np.set_printoptions(precision=4,
suppress=True)``. Those options live in a context variable, and a widget's
callback (run when a slider moves) does not see them: the same ``print(A)``
then shows 8 decimals. :func:`format_matrix` and :func:`format_vector` pin
every option explicitly, so a view function gives the same text in the cell
that prints the default state and in the live widget.

>>> print(format_matrix([[-0.00789, 0.0007], [0.01581, -0.0014]]))
[[-0.0079  0.0007]
 [ 0.0158 -0.0014]]
>>> format_vector([9.0, 10.0, 11.0])
'[ 9. 10. 11.]'
>>> format_vector([0.11920292, 0.5, 0.95257413], decimals=2)
'[0.12 0.5  0.95]'
"""

import math
import numbers

import numpy as np

__all__ = ["format_matrix", "format_vector"]

#: numpy's print options, all pinned (``precision`` is the ``decimals`` argument).
_PINNED = {
    "suppress": True, "linewidth": 75, "threshold": 1000, "edgeitems": 3, "floatmode": "maxprec",
    "sign": "-", "nanstr": "nan", "infstr": "inf", "formatter": None, "legacy": False,
}  # fmt: skip


def _checked_decimals(decimals):
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral):
        raise TypeError(f"decimals must be an int from 0 to 15; got {decimals!r}")
    if not 0 <= decimals <= 15:
        raise ValueError(f"decimals must be an int from 0 to 15; got {decimals}")
    return int(decimals)


def _checked_array(value, name, ndim):
    kind = {1: "a 1-D vector", 2: "a 2-D matrix"}[ndim]
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be {kind} of numbers; got {value!r}")
    try:
        array = np.asarray(value)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"{name} must be {kind} of numbers (rectangular); {error}") from None
    if array.dtype == bool or not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
        raise TypeError(f"{name} must be {kind} of numbers; got entries of dtype {array.dtype}")
    if array.ndim != ndim:
        raise ValueError(f"{name} must be {kind}; got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must have at least one entry; got shape {array.shape}")
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].ravel()[0]
        raise ValueError(f"{name} must hold finite numbers; got {bad}")
    return array


def _text(array, decimals):
    with np.printoptions(precision=decimals, **_PINNED):
        return str(array)


def format_matrix(A, decimals=4):
    """``A`` (m, n) as ``print(A)`` shows it under ``np.set_printoptions(precision=decimals, suppress=True)``.

    Rows on separate lines, columns aligned, trailing zeros dropped.

    >>> print(format_matrix(np.diag([0.10499359, 0.25, 0.04517666])))
    [[0.105  0.     0.    ]
     [0.     0.25   0.    ]
     [0.     0.     0.0452]]
    >>> format_matrix([1.0, 2.0])
    Traceback (most recent call last):
    ...
    ValueError: A must be a 2-D matrix; got shape (2,)
    """
    return _text(_checked_array(A, "A", 2), _checked_decimals(decimals))


def format_vector(v, decimals=4):
    """``v`` (n,) as ``print(v)`` shows it under ``np.set_printoptions(precision=decimals, suppress=True)``.

    >>> format_vector(np.array([0.10499359, 0.25, 0.04517666]))
    '[0.105  0.25   0.0452]'
    >>> format_vector([1.0, math.nan])
    Traceback (most recent call last):
    ...
    ValueError: v must hold finite numbers; got nan
    """
    return _text(_checked_array(v, "v", 1), _checked_decimals(decimals))
