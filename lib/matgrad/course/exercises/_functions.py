"""Running functions for "write the backward pass as a function" exercises.

The reference solution and every mistaken function are stored as source
text (what :func:`solution` shows is exactly what runs) and compiled by
:func:`compile_function`. A student's function is run by :func:`run`, which
never raises: it returns an :class:`Outcome` -- the values returned, or what
went wrong (an exception, a hang, a result that is not an array).

>>> backward = compile_function("def backward(W, g):\\n    return W.T @ g\\n")
>>> run(backward, (np.eye(2), np.ones(2)), 1).values[0]
array([1., 1.])
>>> run(backward, (np.ones((2, 3)), np.ones(3)), 1).problem.startswith("it raised ValueError")
True
"""

import signal
import threading
import time
import warnings
from typing import NamedTuple

import numpy as np

from matgrad.course.exercises._compare import as_array, close, differs
from matgrad.layers import sigmoid

TIME_LIMIT = 2.0  # seconds for one call of a student's function


class Outcome(NamedTuple):
    """What one call produced: ``values`` (a tuple of float arrays) or a ``problem`` (str)."""

    values: tuple = None
    problem: str = None
    slow: bool = False  # the call was stopped at the time limit


class _TooSlow(BaseException):
    """Raised inside a student's function when it runs past the time limit.

    A ``BaseException``, so a student's ``except Exception`` does not swallow it."""


def compile_function(code):
    """The single function defined by the source text ``code`` (uses ``np`` and ``sigmoid``)."""
    namespace = {"np": np, "sigmoid": sigmoid}
    exec(compile(code, "<exercise>", "exec"), namespace)  # noqa: S102 -- our own source text
    functions = [v for k, v in namespace.items() if callable(v) and k not in ("np", "sigmoid")]
    if len(functions) != 1:
        raise ValueError(f"code must define exactly one function; it defines {len(functions)}")
    functions[0].source = code
    return functions[0]


def _call_with_limit(function, args, seconds):
    """``function(*args)``, interrupted after ``seconds`` where signals allow it.

    An alarm that was already set (by an outer time limit) is kept: it is
    re-armed with the time it had left, and wins if it is due first.
    """
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable:
        return function(*args)

    def too_slow(signum, frame):
        raise _TooSlow

    start = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, too_slow)
    outer_left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    limit = min(seconds, outer_left) if outer_left > 0 else seconds
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return function(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if outer_left > 0:
            left = outer_left - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-4))


def _outputs(result, n_outputs, shapes):
    """The function's result as a tuple of ``n_outputs`` arrays, or a problem.

    ``shapes`` (one per output, or ``None`` to keep each output's own shape)
    lets a vector in another orientation be read as the expected one.
    """
    if n_outputs > 1:
        if not isinstance(result, (tuple, list)):
            return Outcome(problem=f"it returned one value; it must return a tuple of {n_outputs} values")
        if len(result) != n_outputs:
            return Outcome(problem=f"it returned {len(result)} values; it must return {n_outputs} values")
        parts = tuple(result)
    else:
        parts = (result,)
    values = []
    for index, part in enumerate(parts):
        if part is None:
            return Outcome(problem="it returned None (is a `return` missing?)")
        array, problem = as_array(part, None if shapes is None else shapes[index])
        if problem:
            return Outcome(problem="it returned something that is not an array of numbers")
        values.append(array)
    return Outcome(values=tuple(values))


def run(function, args, n_outputs, shapes=None, seconds=TIME_LIMIT):
    """Call ``function`` on copies of ``args``; never raises (except KeyboardInterrupt).

    ``n_outputs`` is how many values the function must return; ``shapes``
    as in :func:`_outputs`; ``seconds=None`` calls without a time limit
    (for the course's own functions).
    """
    copies = tuple(np.array(a) if isinstance(a, np.ndarray) else a for a in args)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            result = function(*copies) if seconds is None else _call_with_limit(function, copies, seconds)
    except _TooSlow:
        return Outcome(problem=f"it did not finish within {seconds:g} seconds", slow=True)
    except (Exception, SystemExit) as error:  # noqa: BLE001 -- any error is feedback
        return Outcome(problem=f"it raised {type(error).__name__}: {_first_line(error)}")
    return _outputs(result, n_outputs, shapes)


def _first_line(error):
    text = str(error).strip().splitlines()
    line = text[0] if text else ""
    if " at 0x" in line:  # an object address: not the same in every run
        line = line.split(" at 0x")[0] + " ...>"
    return line[:200]


def same(a, b):
    """Two outcomes agree: both failed, or both returned equal values (``b`` is the reference)."""
    if (a.values is None) != (b.values is None):
        return False
    if a.values is None:
        return True
    return len(a.values) == len(b.values) and all(close(x, y) for x, y in zip(a.values, b.values))


def distinct(a, b):
    """Two outcomes are clearly different (used when cases are drawn)."""
    if (a.values is None) != (b.values is None):
        return True
    if a.values is None:
        return False
    return any(differs(x, y) for x, y in zip(a.values, b.values))
