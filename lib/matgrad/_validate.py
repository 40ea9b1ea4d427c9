"""Input checks shared by the numeric layers.

Every public entry point turns its inputs into float64 arrays here, so a
student who passes the wrong thing gets one clear sentence naming what was
expected and what was given -- never a bare numpy broadcast error, a NaN or
a RuntimeWarning.
"""

import inspect
import numbers

import numpy as np

CONVENTIONS = ("row", "column")


class NumericOverflowError(ValueError):
    """A result became infinite or NaN although every input was finite."""


def as_float_array(value, name, ndims=(1, 2), allow_empty=False):
    """Return ``value`` as a finite float64 array with one of ``ndims`` dimensions.

    Raises ``TypeError`` for non-numeric input and ``ValueError`` for the
    wrong number of dimensions, for NaN / infinite entries and (unless
    ``allow_empty``) for an array with no entries, such as an empty batch.
    ``ndims=None`` accepts any number of dimensions.

    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    >>> as_float_array("abc", "x")
    Traceback (most recent call last):
    ...
    TypeError: x must be numeric (int or float entries); got a value of type str
    >>> as_float_array(np.zeros((0, 2)), "X")
    Traceback (most recent call last):
    ...
    ValueError: X must not be empty (at least one sample, one entry); got shape (0, 2)
    """
    if isinstance(value, (str, bytes)) or value is None or inspect.isclass(value):
        given = f"the class {value.__name__}" if inspect.isclass(value) else f"a value of type {type(value).__name__}"
        raise TypeError(f"{name} must be numeric (int or float entries); got {given}")
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
    if ndims is not None and array.ndim not in ndims:
        allowed = " or ".join(f"{d}-D" for d in ndims)
        raise ValueError(
            f"{name} must be {allowed}; got a {array.ndim}-D array of shape {array.shape}"
        )
    if array.size == 0 and not allow_empty:
        raise ValueError(
            f"{name} must not be empty (at least one sample, one entry); got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].ravel()[0]
        raise ValueError(f"{name} must be finite; got an entry equal to {bad}")
    return array


def check_convention(convention):
    """Return ``convention`` if it is ``"row"`` or ``"column"``, else raise ``ValueError``."""
    if not isinstance(convention, str) or convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}; got {convention!r}")
    return convention


def as_samples(value, name, n_features, convention="row"):
    """Return ``(M, was_1d)``: ``value`` as a 2-D float64 batch of samples.

    Row convention: ``M`` is (batch, n_features), one sample per row.
    Column convention: ``M`` is (n_features, batch), one sample per column.
    A 1-D input is ONE sample in either convention.

    >>> X, was_1d = as_samples([1.0, 2.0], "X", 2)
    >>> X.shape, was_1d
    ((1, 2), True)
    >>> as_samples([1.0, 2.0], "X", 2, "column")[0].shape
    (2, 1)
    >>> as_samples([[1.0, 2.0, 3.0]], "X", 2)
    Traceback (most recent call last):
    ...
    ValueError: X must have 2 columns (shape (batch, 2)); got shape (1, 3)
    """
    array = as_float_array(value, name)
    if array.ndim == 1:
        if array.size != n_features:
            raise ValueError(
                f"{name} (one sample, 1-D) must have {n_features} entries; got shape {array.shape}"
            )
        return (array[np.newaxis, :] if convention == "row" else array[:, np.newaxis]), True
    if convention == "row" and array.shape[1] != n_features:
        raise ValueError(
            f"{name} must have {n_features} columns (shape (batch, {n_features})); got shape {array.shape}"
        )
    if convention == "column" and array.shape[0] != n_features:
        raise ValueError(
            f"{name} must have {n_features} rows (shape ({n_features}, batch): one column "
            f"per sample in column convention); got shape {array.shape}"
        )
    return array, False


def one_sample(value, name, n_features, convention="row"):
    """Return one sample as a 1-D array of ``n_features`` entries.

    Accepted: a 1-D array, or a 2-D single sample in the convention's
    orientation -- a (1, n) row (row convention) or an (n, 1) column.

    >>> one_sample([[1.0], [2.0]], "x", 2, "column")
    array([1., 2.])
    """
    array = as_float_array(value, name)
    single = (1, n_features) if convention == "row" else (n_features, 1)
    if array.shape not in ((n_features,), single):
        raise ValueError(
            f"{name} must be one sample: shape ({n_features},) or {single}; got shape {array.shape}"
        )
    return array.ravel()


def bias_vector(b, n_out, W_shape, convention):
    """``b`` as an (n_out,) array: any vector of n_out entries (1-D, a row or a column).

    ``None`` gives zeros.

    >>> bias_vector([[1.0], [2.0]], 2, (3, 2), "row")
    array([1., 2.])
    """
    if b is None:
        return np.zeros(n_out)
    b = as_float_array(b, "b")
    if b.shape not in ((n_out,), (1, n_out), (n_out, 1)):
        raise ValueError(
            f"b must have n_out = {n_out} entries (shape ({n_out},), (1, {n_out}) or ({n_out}, 1)) "
            f"to match W of shape {W_shape} in {convention} convention; got shape {b.shape}"
        )
    return b.ravel()


def frozen(array):
    """A private, read-only float64 copy of ``array``."""
    array = np.array(array, dtype=np.float64)
    array.flags.writeable = False
    return array


def same_shape(a, b, name_a, name_b):
    """Raise ``ValueError`` unless arrays ``a`` and ``b`` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape; "
            f"got {name_a} {a.shape} and {name_b} {b.shape}"
        )


def finite_result(array, what, cause):
    """Return ``array`` if every entry is finite; else raise :class:`NumericOverflowError`.

    Compute ``array`` under ``np.errstate(all="ignore")`` so that no
    RuntimeWarning escapes; the message says what overflowed (``what``) and
    why, in the caller's terms (``cause``).

    >>> finite_result(np.array([1.0, np.inf]), "X @ W + b", "X or W must be smaller")
    Traceback (most recent call last):
    ...
    matgrad._validate.NumericOverflowError: X @ W + b overflowed (an entry is inf although every input was finite); X or W must be smaller
    """
    array = np.asarray(array)
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].ravel()[0]
        raise NumericOverflowError(
            f"{what} overflowed (an entry is {bad} although every input was finite); {cause}"
        )
    return array


def largest(array):
    """The largest absolute entry of ``array``, for messages (``'1e+308'``)."""
    return f"{float(np.max(np.abs(array))):.3g}"


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


def class_hint(value, expected_type, arguments=""):
    """What ``value`` is, for a message; a class where an instance belongs gets a hint.

    >>> class Sigmoid: pass
    >>> class_hint(Sigmoid, Sigmoid)
    'the class Sigmoid; call it: Sigmoid()'
    >>> class_hint(3, Sigmoid)
    'int'
    """
    if inspect.isclass(value):
        if issubclass(value, expected_type):
            return f"the class {value.__name__}; call it: {value.__name__}({arguments})"
        return f"the class {value.__name__}"
    kind = type(value)
    return f"{kind.__module__}.{kind.__name__}" if kind.__module__.startswith("matgrad") else kind.__name__
