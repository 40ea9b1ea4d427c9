"""Input checks shared by the numeric layers.

Every public entry point turns its inputs into float64 arrays here, so a
student who passes the wrong thing gets one clear sentence naming what was
expected and what was given -- never a bare numpy broadcast error.
"""

import numbers

import numpy as np


def as_float_array(value, name, ndims=(1, 2)):
    """Return ``value`` as a finite float64 array with one of ``ndims`` dimensions.

    Raises ``TypeError`` for non-numeric input and ``ValueError`` for the
    wrong number of dimensions or for NaN / infinite entries.

    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    >>> as_float_array("abc", "x")
    Traceback (most recent call last):
    ...
    TypeError: x must be numeric (int or float entries); got a value of type str
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(
            f"{name} must be numeric (int or float entries); "
            f"got a value of type {type(value).__name__}"
        )
    try:
        array = np.asarray(value)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array; {error}") from None
    if array.dtype == bool or not (
        np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
    ):
        raise TypeError(
            f"{name} must be numeric (int or float entries); got dtype {array.dtype}"
        )
    array = array.astype(np.float64)
    if array.ndim not in ndims:
        allowed = " or ".join(f"{d}-D" for d in ndims)
        raise ValueError(
            f"{name} must be {allowed}; got a {array.ndim}-D array of shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].ravel()[0]
        raise ValueError(f"{name} must be finite; got an entry equal to {bad}")
    return array


def as_rows(value, name, n_cols=None):
    """Return ``(X2d, was_1d)``: ``value`` as a (batch, n_cols) float64 matrix.

    A 1-D input is one row. ``n_cols`` (if given) is checked.

    >>> X, was_1d = as_rows([1.0, 2.0], "X", n_cols=2)
    >>> X.shape, was_1d
    ((1, 2), True)
    >>> as_rows([[1.0, 2.0, 3.0]], "X", n_cols=2)
    Traceback (most recent call last):
    ...
    ValueError: X must have 2 columns (shape (batch, 2)); got shape (1, 3)
    """
    array = as_float_array(value, name)
    was_1d = array.ndim == 1
    rows = array[np.newaxis, :] if was_1d else array
    if n_cols is not None and rows.shape[1] != n_cols:
        given = array.shape
        raise ValueError(
            f"{name} must have {n_cols} columns (shape (batch, {n_cols})); got shape {given}"
        )
    return rows, was_1d


def same_shape(a, b, name_a, name_b):
    """Raise ``ValueError`` unless arrays ``a`` and ``b`` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape; "
            f"got {name_a} {a.shape} and {name_b} {b.shape}"
        )


def positive_number(value, name):
    """Return ``value`` as a positive finite float, or raise a clear error.

    >>> positive_number(0.1, "lr")
    0.1
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number; got {value!r}")
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number; got {value}")
    return value
