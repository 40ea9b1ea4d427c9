"""Argument checks: the one place where matgrad validates what a caller passes.

Every public entry point of the library (core, ``symbolic``, ``course``,
``widgets``) checks its arguments with these helpers, once, so a student who
passes the wrong thing -- a wrong shape, a list of strings, ``None``, NaN, a
class where an instance belongs -- gets one sentence naming the argument,
what was expected and what was given. Inside the library, objects trust each
other: nothing here is called on the library's own intermediate results.

One helper per kind of argument:

==================  ===========================================================
``array``           a numeric array (float64), of given dimensions
``samples``         a batch of samples of a layer (row or column convention)
``one_sample``      one sample of a layer, as a 1-D array
``bias``            a bias vector of ``n_out`` entries
``convention``      ``"row"`` or ``"column"``
``real``            a real number (optionally positive, or within bounds)
``integer``         an integer within bounds
``one_of``          one of a few allowed values
``instance``        an instance of a type (a class gets "call it: Name()")
``format_string``   a format string with one field for a number
``matrix``          a SymPy matrix of finite entries (``matgrad.symbolic``)
==================  ===========================================================

``read_only`` makes the private, read-only copies that objects keep, and
``shown`` shortens a value for a message. ``without_overflow`` runs a public
method's computation once and turns a float64 overflow into one sentence
naming the arguments (results are checked there, never inside the library).
"""

import inspect
import math
import numbers
import string

import numpy as np

CONVENTIONS = ("row", "column")
MAX_ENTRIES = 10_000_000  # 80 MB of float64; a course array is at most a few thousand entries


def shown(value, limit=60):
    """``repr(value)``, shortened to ``limit`` characters, for a message.

    >>> shown("x" * 100, limit=10)
    "'xxxxxx..."
    """
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _given(value):
    """What ``value`` is, for a message: ``'None'``, ``'the class Sigmoid'``, ``'str'``."""
    if value is None:
        return "None"
    if inspect.isclass(value):
        return f"the class {value.__name__}"
    kind = type(value)  # a matgrad class by its module: matgrad.layers.Linear vs matgrad.symbolic.layers.Linear
    return f"{kind.__module__}.{kind.__name__}" if kind.__module__.startswith("matgrad") else kind.__name__


def array(value, name, ndims=(1, 2), allow_empty=False):
    """``value`` as a finite float64 array with one of ``ndims`` dimensions (``None``: any).

    ``TypeError`` for non-numeric input; ``ValueError`` for the wrong number of
    dimensions, NaN or infinite entries and (unless ``allow_empty``) no entries.

    >>> array([1, 2], "x")
    array([1., 2.])
    >>> array("abc", "x")
    Traceback (most recent call last):
    ...
    TypeError: x must be an array of numbers; got str
    >>> array([[1.0, float("nan")]], "X")
    Traceback (most recent call last):
    ...
    ValueError: X must hold finite numbers; got an entry equal to nan
    """
    if isinstance(value, (str, bytes)) or value is None or inspect.isclass(value):
        raise TypeError(f"{name} must be an array of numbers; got {_given(value)}")
    try:
        result = np.asarray(value)
    except (ValueError, TypeError) as error:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers; {error}") from None
    if result.dtype == bool or result.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be an array of numbers; got entries of dtype {result.dtype}")
    if ndims is not None and result.ndim not in ndims:
        allowed = " or ".join(f"{d}-D" for d in ndims)
        raise ValueError(f"{name} must be {allowed}; got a {result.ndim}-D array of shape {result.shape}")
    if result.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty; got shape {result.shape}")
    if result.size > MAX_ENTRIES:
        raise ValueError(f"{name} must have at most {MAX_ENTRIES:,} entries; got shape {result.shape}")
    result = result.astype(np.float64, copy=False)
    if not np.isfinite(result).all():
        bad = result[~np.isfinite(result)].ravel()[0]
        raise ValueError(f"{name} must hold finite numbers; got an entry equal to {bad}")
    return result


def convention(value):
    """``value`` if it is ``"row"`` or ``"column"``, else ``ValueError``."""
    return one_of(value, "convention", CONVENTIONS)


def samples(value, name, n_features, convention="row"):
    """``(M, was_1d)``: ``value`` as a 2-D float64 batch of samples.

    Row convention: ``M`` is (batch, n_features), one sample per row.
    Column convention: ``M`` is (n_features, batch), one sample per column.
    A 1-D input is ONE sample in either convention.

    >>> X, was_1d = samples([1.0, 2.0], "X", 2)
    >>> X.shape, was_1d
    ((1, 2), True)
    >>> samples([1.0, 2.0], "X", 2, "column")[0].shape
    (2, 1)
    >>> samples([[1.0, 2.0, 3.0]], "X", 2)
    Traceback (most recent call last):
    ...
    ValueError: X must have shape (batch, 2) in row convention; got shape (1, 3)
    """
    M = array(value, name)
    if M.ndim == 1:
        if M.size != n_features:
            raise ValueError(f"{name} (one sample, 1-D) must have {n_features} entries; got shape {M.shape}")
        return (M[np.newaxis, :] if convention == "row" else M[:, np.newaxis]), True
    axis, expected = (1, f"(batch, {n_features})") if convention == "row" else (0, f"({n_features}, batch)")
    if M.shape[axis] != n_features:
        raise ValueError(f"{name} must have shape {expected} in {convention} convention; got shape {M.shape}")
    return M, False


def one_sample(value, name, n_features, convention="row"):
    """One sample as a 1-D array of ``n_features`` entries: a 1-D array, or a 2-D single
    sample in the convention's orientation ((1, n) in row convention, (n, 1) in column).

    >>> one_sample([[1.0], [2.0]], "x", 2, "column")
    array([1., 2.])
    """
    M = array(value, name)
    single = (1, n_features) if convention == "row" else (n_features, 1)
    if M.shape not in ((n_features,), single):
        raise ValueError(f"{name} must be one sample: shape ({n_features},) or {single}; got shape {M.shape}")
    return M.ravel()


def bias(value, n_out):
    """``value`` as an (n_out,) array: any vector of ``n_out`` entries (1-D, a row or a
    column). ``None`` gives zeros.

    >>> bias([[1.0], [2.0]], 2)
    array([1., 2.])
    """
    if value is None:
        return np.zeros(n_out)
    b = array(value, "b")
    if b.shape not in ((n_out,), (1, n_out), (n_out, 1)):
        raise ValueError(f"b must have n_out = {n_out} entries, one per output of W; got shape {b.shape}")
    return b.ravel()


def read_only(values):
    """A private, read-only float64 copy of ``values`` (what an object keeps).

    >>> read_only([1, 2]).flags.writeable
    False
    """
    copy = np.array(values, dtype=np.float64)
    copy.setflags(write=False)
    return copy


def without_overflow(compute, what, arguments):
    """``compute()``, or a ``ValueError`` saying that ``what`` overflowed float64 and that
    ``arguments`` must be smaller (checked by numpy's floating-point flags: no extra pass).

    >>> without_overflow(lambda: np.array([1e200]) ** 2, "x ** 2", "x")
    Traceback (most recent call last):
    ...
    ValueError: x ** 2 overflowed float64 (overflow encountered in square): x must be smaller
    """
    try:
        with np.errstate(over="raise", invalid="raise"):
            return compute()
    except FloatingPointError as error:
        raise ValueError(f"{what} overflowed float64 ({error}): {arguments} must be smaller") from None


def real(value, name, positive=False, low=None, high=None):
    """``value`` as a finite float; ``positive`` refuses ``<= 0``, ``low``/``high`` bound it.

    >>> real(2, "lr")
    2.0
    >>> real(10**400, "lr")
    Traceback (most recent call last):
    ...
    ValueError: lr must be a finite number; got an integer too large for a float
    >>> real(0.0, "lr", positive=True)
    Traceback (most recent call last):
    ...
    ValueError: lr must be a positive number; got 0.0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number; got {shown(value)} ({_given(value)})")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{name} must be a finite number; got an integer too large for a float") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number; got {number}")
    if positive and number <= 0:
        raise ValueError(f"{name} must be a positive number; got {number}")
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(f"{name} must be a number {_bounds(low, high)}; got {number:.6g}")
    return number


def _bounds(low, high):
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    return f"at least {low:g}" if low is not None else f"at most {high:g}"


def integer(value, name, low=None, high=None):
    """``value`` as an int in ``[low, high]`` (either bound may be ``None``).

    >>> integer(3, "step", low=0, high=5)
    3
    >>> integer(2.0, "step")
    Traceback (most recent call last):
    ...
    TypeError: step must be an integer; got 2.0 (float)
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer; got {shown(value)} ({_given(value)})")
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(f"{name} must be an integer {_bounds(low, high)}; got {number}")
    return number


def one_of(value, name, options):
    """``value`` if it is one of ``options``, else ``ValueError`` listing them.

    >>> one_of("col", "convention", ("row", "column"))
    Traceback (most recent call last):
    ...
    ValueError: convention must be one of 'row', 'column'; got 'col'
    """
    if not any(value is option or (type(value) is type(option) and value == option) for option in options):
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {shown(value)}")
    return value


def instance(value, name, expected_type, expected, arguments=""):
    """``value`` if it is an instance of ``expected_type``; else ``TypeError`` saying
    ``expected`` and what was given. A class where an instance belongs gets the fix.

    >>> class Sigmoid: pass
    >>> instance(Sigmoid, "act", Sigmoid, "an activation such as Sigmoid()")
    Traceback (most recent call last):
    ...
    TypeError: act must be an activation such as Sigmoid(); got the class Sigmoid: call it, Sigmoid()
    """
    if isinstance(value, expected_type):
        return value
    given = _given(value)
    if inspect.isclass(value) and issubclass(value, expected_type):
        given += f": call it, {value.__name__}({arguments})"
    raise TypeError(f"{name} must be {expected}; got {given}")


def format_string(fmt, name="fmt", max_width=200):
    """``fmt`` if it is a format string with ONE field for a float, e.g. ``"{:.3f}"``.

    >>> format_string("{:d}")
    Traceback (most recent call last):
    ...
    ValueError: fmt must format a float, e.g. '{:.3f}'; '{:d}'.format(1.5) fails: Unknown format code 'd' for object of type 'float'
    """
    if not isinstance(fmt, str):
        raise TypeError(f"{name} must be a format string such as '{{:.3f}}'; got {_given(fmt)}")
    try:
        fields = [(field, spec) for _, field, spec, _ in string.Formatter().parse(fmt) if field is not None]
    except ValueError as error:
        raise ValueError(f"{name} must be a format string such as '{{:.3f}}'; got {fmt!r} ({error})") from None
    if [field for field, _ in fields] not in (["0"], [""]):
        raise ValueError(f"{name} must have exactly one field for the number, such as '{{:.3f}}'; got {fmt!r}")
    widths = [int(digits) for digits in "".join(c if c.isdigit() else " " for c in fields[0][1]).split()]
    if any(width > max_width for width in widths):
        raise ValueError(f"{name} must ask for at most {max_width} characters; got {fmt!r}")
    try:
        fmt.format(1.5)
    except (ValueError, TypeError, IndexError, KeyError) as error:
        raise ValueError(f"{name} must format a float, e.g. '{{:.3f}}'; {fmt!r}.format(1.5) fails: {error}") from None
    return fmt


# ------------------------------------------------------------------ SymPy arguments
# (sympy is imported inside these helpers, so that `import matgrad` stays numpy-only)

MAX_SYMBOLIC_SIZE = 64  # rows or columns of a symbolic matrix; a course needs a few dozen at most


def matrix(value, name, vector="row"):
    """``value`` as a non-empty SymPy Matrix (a private copy) of finite entries.

    A 1-D list or array becomes a (1, n) row (``vector="row"``) or an (n, 1)
    column (``vector="column"``); ``vector=None`` refuses 1-D input. Each side
    is at most ``MAX_SYMBOLIC_SIZE``: symbolic algebra on a bigger matrix
    would run for hours.

    >>> matrix([1, 2], "x", vector="column").shape
    (2, 1)
    """
    import sympy as sp

    if isinstance(value, sp.MatrixBase):
        entries, shape = list(value), value.shape
    elif isinstance(value, (list, tuple, np.ndarray)):
        try:
            grid = np.array(value, dtype=object)
        except ValueError:
            raise ValueError(f"{name} must be a rectangular matrix; got ragged rows") from None
        if grid.ndim == 1 and any(isinstance(e, (list, tuple, np.ndarray)) for e in grid):
            raise ValueError(f"{name} must be a rectangular matrix; got ragged rows")
        if grid.ndim not in (1, 2) or (grid.ndim == 1 and vector is None):
            allowed = "2-D" if vector is None else "1-D or 2-D"
            raise ValueError(f"{name} must be {allowed}; got a {grid.ndim}-D array of shape {grid.shape}")
        if grid.ndim == 1:
            grid = grid.reshape((1, -1) if vector == "row" else (-1, 1))
        entries, shape = grid.ravel().tolist(), grid.shape
    else:
        raise TypeError(f"{name} must be a sympy Matrix or a nested list; got {_given(value)}")
    if 0 in shape:
        raise ValueError(f"{name} must not be empty; got shape {shape}")
    if max(shape) > MAX_SYMBOLIC_SIZE:
        raise ValueError(
            f"{name} must have at most {MAX_SYMBOLIC_SIZE} rows and columns (symbolic algebra is "
            f"for course-sized layers; use numbers and matgrad for bigger ones); got shape {shape}"
        )
    return sp.Matrix(*shape, [_sympy_entry(entry, name) for entry in entries])


def _sympy_entry(entry, name):
    import sympy as sp

    if isinstance(entry, (str, bytes, bool, np.bool_)) or entry is None:
        raise TypeError(f"{name} must hold numbers or sympy expressions; got an entry {shown(entry)} ({_given(entry)})")
    try:
        value = sp.sympify(entry, strict=True)
    except (sp.SympifyError, TypeError, ValueError):
        raise TypeError(f"{name} must hold numbers or sympy expressions; got an entry of type {_given(entry)}") from None
    if not isinstance(value, sp.Expr):
        raise TypeError(f"{name} must hold numbers or sympy expressions; got the entry {shown(value)}")
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise ValueError(f"{name} must hold finite entries; got an entry equal to {value}")
    return value


def _one_dimensional(value):
    return isinstance(value, (list, tuple, np.ndarray)) and np.ndim(np.array(value, dtype=object)) == 1


def matrix_samples(value, name, n_features, convention="row"):
    """The SymPy twin of :func:`samples`: a batch as a Matrix, (batch, n) in row convention,
    (n, batch) in column convention; a 1-D input is one sample.

    >>> matrix_samples([1, 2], "X", 2, "column").shape
    (2, 1)
    """
    M = matrix(value, name, vector=convention)
    if _one_dimensional(value) and len(M) != n_features:
        raise ValueError(f"{name} (one sample, 1-D) must have {n_features} entries; got {len(M)}")
    axis, expected = (1, f"(batch, {n_features})") if convention == "row" else (0, f"({n_features}, batch)")
    if M.shape[axis] != n_features:
        raise ValueError(f"{name} must have shape {expected} in {convention} convention; got shape {M.shape}")
    return M


def matrix_one_sample(value, name, n_features, convention="row"):
    """The SymPy twin of :func:`one_sample`: a (1, n) row or an (n, 1) column Matrix."""
    M = matrix(value, name, vector=convention)
    single = (1, n_features) if convention == "row" else (n_features, 1)
    if M.shape != single:
        given = (len(M),) if _one_dimensional(value) else M.shape
        raise ValueError(f"{name} must be one sample: shape ({n_features},) or {single}; got shape {given}")
    return M


def identifier(value, name):
    """``value`` if it is a Python identifier such as ``'w'`` (a symbol's name).

    >>> identifier("w1", "name")
    'w1'
    """
    if not isinstance(value, str) or not value.isidentifier():
        raise ValueError(f"{name} must be an identifier such as 'w'; got {shown(value)}")
    return value


def rate(value, name="lr"):
    """A learning rate for SymPy: a positive number or a SymPy expression not known to be <= 0.

    >>> rate(0.5)
    0.500000000000000
    """
    import sympy as sp

    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, sp.Expr)):
        raise TypeError(f"{name} must be a positive number or a sympy symbol; got {shown(value)} ({_given(value)})")
    if isinstance(value, numbers.Real) and not isinstance(value, sp.Basic):
        return sp.sympify(real(value, name, positive=True))
    result = sp.sympify(value)
    if result.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or result.is_positive is False:
        raise ValueError(f"{name} must be a positive finite number; got {value}")
    return result
