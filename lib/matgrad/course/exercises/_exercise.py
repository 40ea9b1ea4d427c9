"""One exercise: its prompt, how its instances are drawn, its solution and its mistakes.

An exercise has one of three kinds: ``"shape"`` (the answer is a shape
tuple), ``"array"`` (an array or a number) and ``"function"`` (a function,
which the checker calls on several cases). ``draw(rng)`` makes the given
values: ``rng=None`` gives the instance shown in the notebook, a numpy
``Generator`` a fresh one (for a function exercise: a list of cases, the
first being the example shown). A fresh instance is drawn again until the
solution and every mistaken answer are clearly different from each other.
"""

import numbers
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from matgrad.course.exercises._compare import as_array, describe, differs, fmt_array, scale
from matgrad.course.exercises._functions import compile_function, distinct, run

MAX_DRAWS = 200
KINDS = ("shape", "array", "function")


class Mistake(NamedTuple):
    """``answer(given)`` is what a student making this mistake gives (for a
    function exercise: the source text of their function); ``message(given)``
    is the explanation written for that mistake."""

    name: str
    answer: object
    message: object


class Given(Mapping):
    """The given values of one instance: read-only; ``given["W"]`` or ``given.W``."""

    __slots__ = ("_values",)

    def __init__(self, values):
        object.__setattr__(self, "_values", dict(values))

    def __getitem__(self, key):
        return self._values[key]

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no given value named {name!r}; the names are {', '.join(self._values)}") from None

    def __setattr__(self, name, value):
        raise AttributeError("the given values are read-only")

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __repr__(self):
        inner = ", ".join(f"{k}={fmt_array(v) if isinstance(v, np.ndarray) else v!r}" for k, v in self.items())
        return f"Given({inner})"


class Instance(NamedTuple):
    inputs: Given  # the values shown (a function exercise: the example call)
    cases: tuple  # a function exercise: every call the checker makes (Givens)
    solution: object  # a shape tuple, a float array, or a tuple of Outcomes
    mistakes: dict  # name -> the same kind as ``solution``


def check_seed(seed):
    """``None`` or ``seed`` as an int >= 0; a clear error otherwise."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        shown = repr(seed) if isinstance(seed, (numbers.Number, str)) else f"a {type(seed).__name__}"
        raise TypeError(
            f"seed must be None (the notebook's instance) or a whole number >= 0 (a fresh instance); got {shown}"
        )
    if seed < 0:
        raise ValueError(f"seed must be a whole number >= 0 for a fresh instance; got {int(seed)}")
    return int(seed)


def _frozen(value):
    if isinstance(value, (np.ndarray, list, tuple)):
        array = np.array(value, dtype=np.float64)
        array.flags.writeable = False
        return array
    return value


class Exercise:
    """See the module docstring; ``id`` is ``"NN.k"`` (notebook NN, exercise k)."""

    def __init__(self, id, title, prompt, kind, draw, solve, mistakes, hints, formula, note="", returns=("result",)):
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {kind!r}")
        self.id, self.title, self.prompt, self.kind = id, title, prompt, kind
        self.notebook = id.split(".")[0]
        self.formula, self.note, self.returns = formula, note, tuple(returns)
        self.hints = tuple(hints)
        self._draw, self._solve = draw, solve
        self._mistakes = {m.name: m for m in mistakes}
        if kind == "function":
            self._functions = {None: compile_function(solve)}
            self._functions.update({m.name: compile_function(m.answer) for m in mistakes})

    def __repr__(self):
        return f"Exercise({self.id!r}, {self.title!r})"

    @property
    def mistakes(self):
        """The names of the mistakes this exercise recognises, in the order they are tried."""
        return tuple(self._mistakes)

    def mistake_message(self, name, given):
        """The explanation for the mistake ``name``, with the shapes of the instance ``given``."""
        return self._mistakes[name].message(given)

    # ------------------------------------------------------------ instances
    def inputs(self, seed=None):
        """The given values of this instance (a read-only mapping of read-only arrays)."""
        return self.instance(seed).inputs

    def solution(self, seed=None):
        """What a correct student passes to ``check``: a shape, an array, a number or a function."""
        return self._answer(None, seed)

    def mistaken_answer(self, name, seed=None):
        """The answer a student who makes the mistake ``name`` gives (same kind as the solution)."""
        if not isinstance(name, str) or name not in self._mistakes:
            raise ValueError(
                f"name must be one of the mistakes of exercise {self.id}: {', '.join(self.mistakes)}; got {describe(name)}"
            )
        return self._answer(name, seed)

    def _answer(self, name, seed):
        if self.kind == "function":
            check_seed(seed)
            return self._functions[name]
        instance = self.instance(seed)
        value = instance.solution if name is None else instance.mistakes[name]
        if self.kind == "array":
            return float(value) if value.ndim == 0 else np.array(value)
        return value

    def instance(self, seed=None):
        """The :class:`Instance` for ``seed`` (``None``: the notebook's): given values, solution, mistaken answers.

        A fresh instance comes from ``numpy.random.default_rng(seed)`` (no
        global random state) and is drawn again until every pair of answers
        is clearly different (see ``_compare.differs``).
        """
        seed = check_seed(seed)
        rng = None if seed is None else np.random.default_rng(seed)
        for _ in range(1 if rng is None else MAX_DRAWS):
            instance = self._build(self._draw(rng))
            if instance is not None:
                return instance
        raise RuntimeError(f"exercise {self.id}: no instance with clearly different mistakes was drawn")

    def _build(self, drawn):
        """An :class:`Instance` of ``drawn``, or ``None`` if two answers are not clearly different."""
        if self.kind == "function":
            cases = tuple(Given({k: _frozen(v) for k, v in case.items()}) for case in drawn)
            n = len(self.returns)
            reference = tuple(run(self._functions[None], tuple(c.values()), n, seconds=None) for c in cases)
            if any(o.values is None for o in reference):
                raise RuntimeError(f"exercise {self.id}: the reference solution failed: {reference}")
            shapes = [[v.shape for v in o.values] for o in reference]
            mistakes = {
                name: tuple(run(self._functions[name], tuple(c.values()), n, s, seconds=None) for c, s in zip(cases, shapes))
                for name in self._mistakes
            }
            answers = [reference, *mistakes.values()]
            ok = all(any(distinct(x, y) for x, y in zip(a, b)) for i, a in enumerate(answers) for b in answers[i + 1:])
            return Instance(cases[0], cases, reference, mistakes) if ok else None
        given = Given({k: _frozen(v) for k, v in drawn.items()})
        if self.kind == "shape":
            solution = tuple(self._solve(given))
            mistakes = {name: tuple(m.answer(given)) for name, m in self._mistakes.items()}
            answers = [solution, *mistakes.values()]
            ok = len(set(answers)) == len(answers)
            return Instance(given, (given,), solution, mistakes) if ok else None
        with np.errstate(all="ignore"):
            solution = np.array(self._solve(given), dtype=np.float64)
            mistakes = {name: as_array(m.answer(given), solution.shape)[0] for name, m in self._mistakes.items()}
        answers = [solution, *mistakes.values()]
        ok = scale(solution) > 0 and all(np.all(np.isfinite(a)) for a in answers) and all(
            differs(a, b) for i, a in enumerate(answers) for b in answers[i + 1:]
        )
        return Instance(given, (given,), solution, mistakes) if ok else None


class Catalogue(Mapping):
    """A read-only mapping id -> :class:`Exercise`, in notebook order."""

    __slots__ = ("_items",)

    def __init__(self, exercises):
        object.__setattr__(self, "_items", {ex.id: ex for ex in exercises})

    def __getitem__(self, exercise_id):
        try:
            return self._items[exercise_id]
        except (KeyError, TypeError):
            raise KeyError(f"no exercise {exercise_id!r}; the exercises are {', '.join(self._items)}") from None

    def __setattr__(self, name, value):
        raise AttributeError("EXERCISES is read-only")

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"<{len(self)} exercises: {', '.join(self._items)}>"
