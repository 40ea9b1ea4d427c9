"""The bad-input checks, run over every area by ``test_bad_input.py``.

Each area of the package has a data module ``tests/bad_input_<area>.py``
(listed in :data:`AREAS`) with two tables:

* ``CASES``: ``{description: Case(call, error, argument, given)}`` -- a
  student's plausible mistake; :func:`assert_clear_error` requires an
  ``error`` whose message names the ``argument`` and shows what was
  ``given`` (a fragment such as ``"(2,)"`` or ``"nan"``). The sentence
  itself is not pinned: rewording a message breaks no test.
* ``VALID_CALLS``: every public callable of the area (a function, a class --
  its constructor -- or a public method of a class), listed once, with a
  *valid call*: a factory returning ``(function, args,
kwargs)`` that succeeds. :func:`sweep` then replaces each argument in turn by
each value of :data:`BAD_VALUES` and requires one of two outcomes:

* a ``TypeError`` or ``ValueError`` whose message names the argument and says
  what was expected (``must`` / ``expected``), or
* a result with nothing silently wrong in it: no NaN or infinity anywhere.

Each call must finish within :data:`TIME_LIMIT` seconds (no hang).
``public_callables`` enumerates the API from the modules' ``__all__``, so a
new public name without a valid call fails ``test_bad_input_coverage.py``.
"""

from __future__ import annotations

import importlib
import inspect
import math
import numbers
import pkgutil
import signal
from contextlib import contextmanager
from typing import Callable, NamedTuple

import numpy as np

import matgrad

AREAS = ("core", "symbolic", "course", "exercises", "widgets", "graph")
TIME_LIMIT = 10  # seconds; a course-sized call takes milliseconds
BAD_VALUES = {
    "None": None,
    "a string": "abc",
    "NaN": math.nan,
    "infinity": math.inf,
    "minus infinity": -math.inf,
    "an empty list": [],
    "a huge number": 1e308,
    "an object": object(),
}


class Case(NamedTuple):
    """``call()`` must raise ``error`` with a message naming ``argument`` and showing ``given``."""

    call: Callable
    error: type
    argument: str
    given: str


def assert_clear_error(case: Case):
    try:
        with time_limit(TIME_LIMIT):
            case.call()
    except case.error as raised:
        message = str(raised)
        assert case.argument in message, f"the message does not name {case.argument!r}: {message}"
        assert case.given in message, f"the message does not show what was given ({case.given!r}): {message}"
        return
    raise AssertionError(f"no {case.error.__name__} was raised")


class ValidCall(NamedTuple):
    """``target`` is the public name covered (``"matgrad.Linear.forward"``);
    ``make()`` returns a fresh ``(function, args, kwargs)`` that succeeds."""

    target: str
    make: Callable


def valid(target, function, *args, **kwargs):
    """A :class:`ValidCall` whose objects are built anew for every use (``function``
    may be a zero-argument lambda returning the bound method, to get a fresh object)."""
    return ValidCall(target, lambda: (function, args, kwargs))


def fresh(target, build, *args, **kwargs):
    """Like :func:`valid`, but ``build()`` returns the function (e.g. a method of a new object)."""
    return ValidCall(target, lambda: (build(), args, kwargs))


# ----------------------------------------------------------- the public API
def public_modules():
    """Every importable module of the package whose name has no private part."""
    names = ["matgrad"]
    for info in pkgutil.walk_packages(matgrad.__path__, "matgrad."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return names


def _is_record(cls):
    """NamedTuples are plain records (no validation to test)."""
    return issubclass(cls, tuple) and hasattr(cls, "_fields")


def _takes_arguments(function):
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.name != "self" for p in parameters)


def public_callables():
    """``{qualified name: callable}`` for every public function, class and method.

    A module's public names are its ``__all__``. A name exported by several
    modules (``matgrad.Linear`` is defined in ``matgrad.layers``) is listed
    once, under the first module that exports it (parents before children).
    Records (NamedTuples) and callables without arguments are left out:
    there is no input to get wrong.
    """
    found, seen = {}, set()
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not callable(obj) or not getattr(obj, "__module__", "").startswith("matgrad"):
                continue
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if inspect.isclass(obj):
                if _is_record(obj):
                    continue
                found[f"{module_name}.{name}"] = obj
                for attr, member in inspect.getmembers(obj):
                    if attr.startswith("_") or isinstance(inspect.getattr_static(obj, attr), property):
                        continue
                    if callable(member) and _takes_arguments(member):
                        found[f"{module_name}.{name}.{attr}"] = member
            elif _takes_arguments(obj):
                found[f"{module_name}.{name}"] = obj
    return found


# ---------------------------------------------------------------- the sweep
@contextmanager
def time_limit(seconds):
    def hang(signum, frame):
        raise TimeoutError(f"the call did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def silently_wrong(value, depth=0):
    """A description of the first NaN/infinity inside ``value``, or ``None``."""
    if depth > 6:
        return None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, numbers.Number) and not isinstance(value, numbers.Integral):
        try:
            return None if math.isfinite(complex(value).real) else f"the number {value}"
        except (TypeError, ValueError):
            return None
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc" and not np.all(np.isfinite(value)):
            return f"an array holding {value[~np.isfinite(value)].ravel()[0]}"
        return None
    if hasattr(value, "has") and hasattr(value, "free_symbols"):  # a sympy object
        import sympy as sp

        return "a sympy nan/zoo" if value.has(sp.nan, sp.zoo) else None
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        for item in value:
            problem = silently_wrong(item, depth + 1)
            if problem:
                return problem
    return None


def arguments_of(function, args, kwargs):
    """``[(name, bound arguments with that one replaceable)]``: every named argument."""
    signature = inspect.signature(function)
    bound = signature.bind(*args, **kwargs)
    names = []
    for name, parameter in signature.parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        names.append((name, parameter))
    return signature, bound, names


def sweep(call: ValidCall):
    """Yield ``(argument, bad value name, problem)`` for each failure of ``call``."""
    function, args, kwargs = call.make()
    with time_limit(TIME_LIMIT):
        function(*args, **kwargs)  # the valid call must work
    signature, _, names = arguments_of(function, args, kwargs)
    for name, parameter in names:
        for label, bad in BAD_VALUES.items():
            if bad is None and parameter.default is None:
                continue  # None is this argument's documented default
            function, args, kwargs = call.make()  # fresh objects for every try
            bound = signature.bind(*args, **kwargs)
            bound.arguments[name] = bad
            try:
                with time_limit(TIME_LIMIT):
                    result = function(*bound.args, **bound.kwargs)
            except (TypeError, ValueError) as error:
                message = str(error)
                if name not in message:
                    yield name, label, f"{type(error).__name__} does not name {name!r}: {message}"
                elif not any(word in message for word in ("must", "expected", "expects")):
                    yield name, label, f"{type(error).__name__} does not say what was expected: {message}"
                continue
            except TimeoutError as error:
                yield name, label, str(error)
                continue
            except Exception as error:  # noqa: BLE001 -- any other error is the failure we report
                yield name, label, f"bare {type(error).__name__}: {error}"
                continue
            problem = silently_wrong(result)
            if problem:
                yield name, label, f"returned {problem} instead of an error"


def assert_sweep_passes(call: ValidCall):
    failures = [f"{call.target}({name}={label}): {problem}" for name, label, problem in sweep(call)]
    assert not failures, "\n".join(failures)
