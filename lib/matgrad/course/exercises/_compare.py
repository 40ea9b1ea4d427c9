"""Reading a student's answer, and deciding when two answers are equal.

The rule for numbers (used for every array or number answer):

    an entry ``g`` of the given answer equals the expected entry ``e`` when
    ``|g - e| <= RTOL * |e| + SCALE_TOL * s + FLOOR``, where ``s`` is the
    largest ``|e|`` of the whole expected answer.

``RTOL = 6e-4`` accepts an answer rounded to 4 significant digits (rounding
moves an entry by at most 5e-4 of itself), and rejects one that is off by
0.1 %. ``SCALE_TOL`` lets an entry that is tiny next to the others be
written as 0. Two answers are *clearly different* (the margin used when an
instance is drawn) when they have different shapes or an entry differs by
more than ``MARGIN`` times the larger of their two scales, which is far
outside the tolerance: no answer can be equal to two clearly different ones.

>>> close(np.array([39.02, 54.0]), np.array([39.0, 54.0]))
True
>>> close(np.array([39.05, 54.0]), np.array([39.0, 54.0]))
False
>>> as_array([[1, 2, 3]], (3,))
(array([1., 2., 3.]), None)
>>> print(as_array("abc", (3,))[1])
Your answer is text (a string). Write the numbers without quotes, e.g. [1.5, -2].
"""

import math
import numbers
import warnings

import numpy as np

RTOL = 6e-4
SCALE_TOL = 1e-6
FLOOR = 1e-9
MARGIN = 0.02


def scale(array):
    """The largest absolute entry of ``array`` (0.0 when it is empty)."""
    return float(np.max(np.abs(array))) if array.size else 0.0


def close(given, expected):
    """``given`` equals ``expected`` (same shape, every entry within the tolerance)."""
    if given.shape != expected.shape or not np.all(np.isfinite(given)):
        return False
    tolerance = RTOL * np.abs(expected) + SCALE_TOL * scale(expected) + FLOOR
    return bool(np.all(np.abs(given - expected) <= tolerance))


def differs(a, b):
    """``a`` and ``b`` are clearly different: another shape, or far apart."""
    if a.shape != b.shape:
        return True
    with np.errstate(all="ignore"):
        gap = float(np.max(np.abs(a - b))) if a.size else 0.0
    return not gap <= MARGIN * max(scale(a), scale(b))


def first_difference(given, expected):
    """``(index, expected entry, given entry)`` of the first entry that is not equal.

    >>> first_difference(np.array([[1.0, 2.0], [3.0, 5.0]]), np.array([[1.0, 2.0], [3.0, 4.0]]))
    ((1, 1), 4.0, 5.0)
    """
    tolerance = RTOL * np.abs(expected) + SCALE_TOL * scale(expected) + FLOOR
    with np.errstate(all="ignore"):
        bad = ~(np.abs(given - expected) <= tolerance)
    index = tuple(int(i) for i in np.argwhere(bad)[0]) if bad.ndim else ()
    return index, float(expected[index]), float(given[index])


def fmt(value):
    """A number written the same way every time: integers plain, else 6 significant digits.

    >>> fmt(88.0), fmt(0.104993585), fmt(-0.0), fmt(float("nan"))
    ('88', '0.104994', '0', 'nan')
    """
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    if value.is_integer() and abs(value) < 1e12:
        return str(int(value))
    return format(value, ".6g")


def fmt_array(array):
    """Nested lists of :func:`fmt` numbers: ``[[1, 2], [3, 4.5]]``."""
    array = np.asarray(array)
    if array.ndim == 0:
        return fmt(array)
    return "[" + ", ".join(fmt_array(row) for row in array) + "]"


def fmt_shape(shape):
    """``(2, 3)``, ``(3,)`` or ``()``, as Python writes a shape."""
    return str(tuple(int(n) for n in shape))


def fmt_index(index):
    return "[" + ", ".join(str(i) for i in index) + "]"


def adapt(array, shape):
    """Reshape a vector given in another orientation to the expected ``shape``.

    An expected 1-D vector (n,) accepts (1, n) and (n, 1); an expected row
    or column (1, n) / (n, 1) accepts a 1-D (n,); an answer with one entry
    (a number) accepts any array with one entry. Anything else is returned unchanged (and then fails).
    """
    if array.shape == shape:
        return array
    if array.size == 1 and int(np.prod(shape)) == 1:
        return array.reshape(shape)
    if len(shape) == 1 and array.ndim == 2 and 1 in array.shape and array.size == shape[0]:
        return array.reshape(shape)
    if len(shape) == 2 and 1 in shape and array.ndim == 1 and array.size == shape[0] * shape[1]:
        return array.reshape(shape)
    return array


def describe(value):
    """``value`` as a short text that is the same in every run (no object addresses)."""
    if isinstance(value, (numbers.Number, str)) and len(repr(value)) <= 40:
        return repr(value)
    return _kind_of(value)


def _kind_of(answer):
    if isinstance(answer, type):
        return f"the type {answer.__name__}"
    return f"a value of type {type(answer).__name__}"


def as_array(answer, shape):
    """``(float array, None)`` for a readable answer, else ``(None, what is wrong)``.

    Lists, tuples, numpy arrays, numbers and numeric sympy matrices are read;
    the result is adapted to ``shape`` (see :func:`adapt`; ``None`` keeps it). NaN entries are
    kept (they then fail :func:`close`).
    """
    if answer is None:
        return None, "Your answer is None. Did you forget to assign a value, or a `return` in a function?"
    if isinstance(answer, (str, bytes)):
        return None, "Your answer is text (a string). Write the numbers without quotes, e.g. [1.5, -2]."
    if callable(answer) and not isinstance(answer, np.ndarray):
        return None, "Your answer is a function. This exercise asks for numbers: call your function and give its result."
    if isinstance(answer, (dict, set, frozenset)) or not _is_numeric_like(answer):
        return None, f"Your answer is {_kind_of(answer)}. Give a number, a list of numbers or a numpy array."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            raw = np.asarray(answer)
    except (ValueError, TypeError, OverflowError):
        return None, "Your answer could not be read as an array: are all rows the same length?"
    if raw.dtype.kind == "b":
        return None, "Your answer holds True/False values. Give numbers."
    if raw.dtype.kind == "c":
        return None, "Your answer holds complex numbers. Give real numbers."
    if raw.dtype.kind in "US":
        return None, "Your answer holds text (strings). Write the numbers without quotes, e.g. [1.5, -2]."
    if raw.dtype.kind not in "iufO":
        return None, f"Your answer has entries of type {raw.dtype}. Give numbers."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.array(raw, dtype=np.float64)
    except OverflowError:
        return None, "Your answer holds a number too large for a float (beyond 1e308)."
    except (ValueError, TypeError):
        return None, "Some entries of your answer are not numbers (symbols, None or text?). Give numbers."
    return (array if shape is None else adapt(array, tuple(shape))), None


def _is_numeric_like(answer):
    return isinstance(answer, (numbers.Number, list, tuple, np.ndarray, np.generic)) or hasattr(
        answer, "__array__"
    ) or hasattr(answer, "tolist")


def as_shape(answer):
    """``(tuple of ints, None)`` for a shape such as ``(2, 3)``, else ``(None, what is wrong)``.

    >>> as_shape([2, 3]), as_shape(np.zeros((2, 3)).shape)
    (((2, 3), None), ((2, 3), None))
    """
    if isinstance(answer, np.ndarray):
        return None, "Your answer is an array. This exercise asks for its shape: a tuple such as (4, 5) (for an array A, that is A.shape)."
    if not isinstance(answer, (tuple, list)):
        return None, f"Your answer is {_kind_of(answer)}. Give a shape: a tuple of whole numbers such as (4, 5)."
    sizes = []
    for size in answer:
        if isinstance(size, bool) or not isinstance(size, numbers.Integral):
            return None, f"A shape holds whole numbers, such as (4, 5); your answer holds {describe(size)}."
        if size < 0:
            return None, f"A shape holds sizes (whole numbers >= 0); your answer holds {int(size)}."
        sizes.append(int(size))
    return tuple(sizes), None
