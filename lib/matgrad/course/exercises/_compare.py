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

A reader returns ``(value, None)`` or ``(None, problem)``, where a problem
is a message key of :mod:`matgrad.course.exercises._messages` and its fields.

>>> close(np.array([39.02, 54.0]), np.array([39.0, 54.0]))
True
>>> close(np.array([39.05, 54.0]), np.array([39.0, 54.0]))
False
>>> as_array([[1, 2, 3]], (3,))
(array([1., 2., 3.]), None)
>>> as_array("abc", (3,))
(None, ('read.text', {}))
"""

import math
import numbers
import warnings

import numpy as np

from matgrad import _validate

RTOL = 6e-4
SCALE_TOL = 1e-6
FLOOR = 1e-9
MARGIN = 0.02


def scale(array):
    """The largest absolute entry of ``array`` (0.0 when it is empty)."""
    return float(np.max(np.abs(array))) if array.size else 0.0


def tolerance(expected):
    """How far each entry of an answer may be from ``expected`` and still count as equal."""
    return RTOL * np.abs(expected) + SCALE_TOL * scale(expected) + FLOOR


def close(given, expected):
    """``given`` equals ``expected`` (same shape, every entry within the tolerance)."""
    if given.shape != expected.shape:
        return False
    with np.errstate(invalid="ignore"):
        return bool(np.all(np.abs(given - expected) <= tolerance(expected)))


def unequal(given, expected):
    """A boolean mask of the entries of ``given`` that are not equal to ``expected`` (same shape)."""
    with np.errstate(invalid="ignore"):
        return ~(np.abs(given - expected) <= tolerance(expected))


def differs(a, b, unit=0.0):
    """``a`` and ``b`` are clearly different: another shape (a vector in another orientation
    counts as the same shape, see :func:`adapt`), or far apart -- relative to their own
    scales and to ``unit`` (the solution's scale: two answers near 0 are not far apart)."""
    a = adapt(a, b.shape)
    if a.shape != b.shape:
        return True
    with np.errstate(all="ignore"):
        gap = float(np.max(np.abs(a - b))) if a.size else 0.0
    return not gap <= MARGIN * max(scale(a), scale(b), unit)


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


def adapt(array, shape):
    """Reshape a vector given in another orientation to the expected ``shape``.

    An expected 1-D vector (n,) accepts (1, n) and (n, 1); an expected row
    (1, n) accepts a 1-D (n,) (a column stays a column: it is the transpose);
    an expected column (n, 1) accepts a 1-D (n,); an answer with one entry
    (a number) accepts any array with one entry. Anything else is returned
    unchanged (and then fails).
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


def _kind_of(answer):
    return answer.__name__ if isinstance(answer, type) else type(answer).__name__


def as_array(answer, shape):
    """``(float array, None)`` for a readable answer, else ``(None, problem)``.

    Lists, tuples, numpy arrays, numbers and numeric sympy matrices are read;
    the result is adapted to ``shape`` (see :func:`adapt`; ``None`` keeps it).
    NaN and infinite entries are kept (the checker has its own words for them).
    """
    if answer is None:
        return None, ("read.none", {})
    if isinstance(answer, (str, bytes)):
        return None, ("read.text", {})
    if callable(answer) and not isinstance(answer, np.ndarray):
        return None, ("read.function", {})
    if isinstance(answer, (dict, set, frozenset)) or not _is_numeric_like(answer):
        return None, ("read.other", {"kind": _kind_of(answer)})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            raw = np.asarray(answer)
    except (ValueError, TypeError, OverflowError):
        return None, ("read.ragged", {})
    kind = raw.dtype.kind
    if kind in "bcUS" or kind not in "iufO":
        key = {"b": "read.bool", "c": "read.complex", "U": "read.text", "S": "read.text"}.get(kind, "read.dtype")
        return None, (key, {"dtype": str(raw.dtype)})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.array(raw, dtype=np.float64)
    except OverflowError:
        return None, ("read.huge", {})
    except (ValueError, TypeError):
        return None, ("read.symbols", {})
    return (array if shape is None else adapt(array, tuple(shape))), None


def _is_numeric_like(answer):
    return isinstance(answer, (numbers.Number, list, tuple, np.ndarray, np.generic)) or hasattr(
        answer, "__array__"
    ) or hasattr(answer, "tolist")


def as_shape(answer):
    """``(tuple of ints, None)`` for a shape such as ``(2, 3)``, else ``(None, problem)``.

    >>> as_shape([2, 3]), as_shape(np.zeros((2, 3)).shape)
    (((2, 3), None), ((2, 3), None))
    """
    if isinstance(answer, np.ndarray):
        return None, ("read.shape_array", {})
    if not isinstance(answer, (tuple, list)):
        return None, ("read.shape_other", {"kind": _kind_of(answer)})
    sizes = []
    for size in answer:
        try:
            sizes.append(_validate.integer(size, "size", low=0))
        except TypeError:
            shown = repr(size) if isinstance(size, (numbers.Number, str)) and len(repr(size)) <= 20 else _kind_of(size)
            return None, ("read.shape_entry", {"entry": shown})
        except ValueError:
            return None, ("read.shape_negative", {"entry": int(size)})
    return tuple(sizes), None
