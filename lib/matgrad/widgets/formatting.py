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

import numpy as np

from matgrad import _validate

__all__ = ["format_matrix", "format_vector"]

#: numpy's print options, all pinned (``precision`` is the ``decimals`` argument).
_PINNED = {
    "suppress": True, "linewidth": 75, "threshold": 1000, "edgeitems": 3, "floatmode": "maxprec",
    "sign": "-", "nanstr": "nan", "infstr": "inf", "formatter": None, "legacy": False,
}  # fmt: skip


def _text(array, decimals):
    with np.printoptions(precision=decimals, **_PINNED):
        return str(array + 0.0)  # + 0.0 turns -0.0 (a zero times a negative number) into 0.0


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
    ValueError: A must be 2-D; got a 1-D array of shape (2,)
    """
    return _text(_validate.array(A, "A", ndims=(2,)), _validate.integer(decimals, "decimals", low=0, high=15))


def format_vector(v, decimals=4):
    """``v`` (n,) as ``print(v)`` shows it under ``np.set_printoptions(precision=decimals, suppress=True)``.

    >>> format_vector(np.array([0.10499359, 0.25, 0.04517666]))
    '[0.105  0.25   0.0452]'
    >>> format_vector([1.0, float("nan")])
    Traceback (most recent call last):
    ...
    ValueError: v must hold finite numbers; got an entry equal to nan
    """
    return _text(_validate.array(v, "v", ndims=(1,)), _validate.integer(decimals, "decimals", low=0, high=15))
