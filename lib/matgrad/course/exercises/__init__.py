"""Exercises for notebooks 01-06, with a checker that names the mistake it sees.

In a notebook, one exercise takes three short cells:

>>> show("01.2")                  # doctest: +ELLIPSIS
Exercise 01.2: dL/dx for given numbers (the notebook's instance)
...
>>> answer = ...                  # the stub a student replaces
>>> check("01.2", answer)
Exercise 01.2: not answered yet. Replace `...` with your answer, then run the cell again.
>>> g = given("01.2")             # the given values: g.W, g.x, g.dL_dy
>>> check("01.2", g.W.T @ g.dL_dy)
Exercise 01.2: correct. dL/dx = W^T dL/dy: entry j is sum_i w_ij dL/dy_i.
>>> check("01.2", g.dL_dy[0] * g.W[0]).mistake
'missing_path'

``hint("01.2")`` and ``hint("01.2", level=2)`` help a student who is stuck;
``solution("01.2")`` shows the answer; ``solutions_markdown()`` (or
``python -m matgrad.course.exercises --solutions``) lists every solution and
every recognised mistake for an instructor. ``seed=7`` (any whole number
>= 0) in ``show``, ``given``, ``check`` and ``solution`` gives a fresh
instance with new numbers; ``seed=None`` is the notebook's.

The data:

* ``EXERCISES``: a read-only mapping from an id (``"01.1"``: notebook 01,
  exercise 1) to an exercise, in notebook order. An exercise has ``.id``,
  ``.notebook``, ``.title``, ``.prompt``, ``.inputs(seed=None)`` (the given
  values), ``.solution(seed=None)`` (a shape tuple, an array, a number or a
  function), ``.mistakes`` (names), ``.mistaken_answer(name, seed=None)``
  and ``.hints``.
* ``check`` returns a feedback object with ``.correct``, ``.mistake`` (a
  name from ``.mistakes`` or ``None``) and ``.message``.

How numbers are compared: an entry counts as equal when
``|given - expected| <= 6e-4 |expected| + 1e-6 s + 1e-9``, where ``s`` is
the largest entry (in absolute value) of the expected answer. So 4
significant digits are enough, and an answer that is off by 0.1 % is not
equal. Lists, tuples and numpy arrays are all accepted; a vector may be
given as a 1-D array, a row or a column.
"""

from matgrad.course.exercises import _nb01, _nb02, _nb03, _nb04, _nb05, _nb06
from matgrad.course.exercises._check import check_answer
from matgrad.course.exercises._compare import describe
from matgrad.course.exercises._exercise import Catalogue, check_seed
from matgrad.course.exercises._render import exercise_card, hint_card, instructor_markdown, solution_card

__all__ = ["EXERCISES", "check", "given", "hint", "show", "solution", "solutions_markdown"]

EXERCISES = Catalogue(
    _nb01.EXERCISES + _nb02.EXERCISES + _nb03.EXERCISES + _nb04.EXERCISES + _nb05.EXERCISES + _nb06.EXERCISES
)


def _exercise(exercise_id):
    """The exercise called ``exercise_id``, or a clear error listing the valid ids."""
    if not isinstance(exercise_id, str):
        raise TypeError(
            f"exercise_id must be a string such as '01.1'; got a {type(exercise_id).__name__}"
        )
    if exercise_id not in EXERCISES:
        raise ValueError(f"exercise_id must be one of {', '.join(EXERCISES)}; got {exercise_id!r}")
    return EXERCISES[exercise_id]


def check(exercise_id, answer, seed=None):
    """Check ``answer`` to exercise ``exercise_id``: a feedback object, never an exception.

    ``answer`` may be anything (a wrong type, ``None``, NaN or a function
    that raises all get feedback). ``seed`` picks the instance: ``None`` is
    the notebook's, a whole number a fresh one. Only a wrong
    ``exercise_id`` or ``seed`` raises (``TypeError``/``ValueError``).
    """
    exercise = _exercise(exercise_id)
    return check_answer(exercise, answer, check_seed(seed))


def given(exercise_id, seed=None):
    """The given values of an instance: a read-only mapping, ``given("01.2").W``."""
    return _exercise(exercise_id).inputs(check_seed(seed))


def show(exercise_id, seed=None):
    """The exercise's prompt, its given values and the kind of answer it expects."""
    return exercise_card(_exercise(exercise_id), check_seed(seed))


def hint(exercise_id, level=1):
    """Hint ``level`` (1, 2, ...; a later hint is more direct) for exercise ``exercise_id``."""
    exercise = _exercise(exercise_id)
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError(f"level must be a whole number >= 1; got {describe(level)}")
    if level < 1:
        raise ValueError(f"level must be a whole number >= 1; got {level}")
    return hint_card(exercise, level)


def solution(exercise_id, seed=None):
    """The solution of one instance (shown only when asked for), and the mistakes the checker knows."""
    return solution_card(_exercise(exercise_id), check_seed(seed))


def solutions_markdown():
    """Every exercise with its notebook instance, solution and recognised mistakes (for instructors)."""
    return instructor_markdown(EXERCISES.values())
