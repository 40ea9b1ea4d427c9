"""Running functions for "write the backward pass as a function" exercises.

A student's function is run by :func:`run`, which never raises: it returns
an :class:`Outcome` -- the values returned, or what went wrong (an
exception with the line of the student's code that raised it, a hang, a
result that is not an array). The course's own reference functions are
source text (what ``solution`` shows is exactly what runs), compiled by
:func:`compile_function`.

>>> backward = compile_function("def backward(W, g):\\n    return W.T @ g\\n")
>>> run(backward, (np.eye(2), np.ones(2)), 1).values[0]
array([1., 1.])
>>> outcome = run(backward, (np.ones((2, 3)), np.ones(3)), 1)
>>> outcome.problem, outcome.fields["error"], outcome.fields["line"]
('run.raised', 'ValueError', 'return W.T @ g')
"""

import linecache
import signal
import threading
import time
import warnings
from typing import NamedTuple

import numpy as np

import matgrad
from matgrad.course.exercises._compare import as_array

TIME_LIMIT = 2.0  # seconds for one call of a student's function


class Outcome(NamedTuple):
    """What one call produced: ``values`` (a tuple of float arrays), or a ``problem``
    (a message key) with its ``fields``."""

    values: tuple = None
    problem: str = None
    fields: dict = None
    slow: bool = False  # the call was stopped at the time limit


class _TooSlow(BaseException):
    """Raised inside a student's function when it runs past the time limit.

    A ``BaseException``, so a student's ``except Exception`` does not swallow it."""


def compile_function(code):
    """The single function defined by the source text ``code`` (it may use ``np`` and ``matgrad``)."""
    namespace = {"np": np, "matgrad": matgrad}
    filename = f"<exercise {abs(hash(code))}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    exec(compile(code, filename, "exec"), namespace)  # noqa: S102 -- our own source text
    functions = [v for k, v in namespace.items() if callable(v) and k not in ("np", "matgrad")]
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
            return Outcome(problem="run.one_value", fields={"count": n_outputs})
        if len(result) != n_outputs:
            return Outcome(problem="run.count", fields={"got": len(result), "count": n_outputs})
        parts = tuple(result)
    else:
        parts = (result,)
    values = []
    for index, part in enumerate(parts):
        if part is None:
            return Outcome(problem="run.none", fields={})
        array, problem = as_array(part, None if shapes is None else shapes[index])
        if problem:
            return Outcome(problem="run.not_numbers", fields={})
        values.append(array)
    return Outcome(values=tuple(values))


def run(function, args, n_outputs, shapes=None, seconds=TIME_LIMIT):
    """Call ``function`` on copies of ``args``; never raises (except KeyboardInterrupt).

    ``n_outputs`` is how many values the function must return; ``shapes``
    as in :func:`_outputs`; ``seconds=None`` calls without a time limit.
    """
    copies = tuple(np.array(a) if isinstance(a, np.ndarray) else a for a in args)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            result = function(*copies) if seconds is None else _call_with_limit(function, copies, seconds)
    except _TooSlow:
        return Outcome(problem="run.slow", fields={"seconds": f"{seconds:g}"}, slow=True)
    except (Exception, SystemExit) as error:  # noqa: BLE001 -- any error is feedback
        return Outcome(problem="run.raised", fields=_error_fields(error, function))
    return _outputs(result, n_outputs, shapes)


def _error_fields(error, function):
    """The error's type, its first line, and the line of the student's code that raised it."""
    code = getattr(function, "__code__", None)
    line = ""
    traceback = error.__traceback__
    while traceback is not None:
        frame_code = traceback.tb_frame.f_code
        if code is not None and frame_code.co_filename == code.co_filename:
            text = linecache.getline(frame_code.co_filename, traceback.tb_lineno).strip()
            line = text or line
        traceback = traceback.tb_next
    return {"error": type(error).__name__, "detail": _first_line(error), "line": line[:120]}


def _first_line(error):
    text = str(error).strip().splitlines()
    line = text[0] if text else ""
    if " at 0x" in line:  # an object address: not the same in every run
        line = line.split(" at 0x")[0] + " ...>"
    return line[:200]
