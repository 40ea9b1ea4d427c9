"""Exercises for notebooks 01-07, with a checker that names the mistake it sees.

In a notebook, one exercise takes three short cells:

>>> show("01.2")                  # doctest: +ELLIPSIS
Exercise 01.2: dL/dx for given numbers (the notebook's instance)
...
>>> answer = ...                  # the stub a student replaces
>>> check("01.2", answer)         # doctest: +ELLIPSIS
Exercise 01.2: not answered yet. Replace `...` with your answer and run that cell, then this one. ...
>>> g = given("01.2")             # the given values: g.W, g.x, g.dL_dy
>>> check("01.2", g.W.T @ g.dL_dy)
Exercise 01.2: correct. dL/dx = W^T dL/dy: entry j is sum_i w_ij dL/dy_i.
>>> feedback = check("01.2", g.dL_dy[0] * g.W[0])
>>> feedback.mistake, feedback.name
('missing_path', 'a path left out')

A wrong answer is explained, never corrected: the checker knows each
exercise's solution as a computation of named steps, and the usual mistakes
as transforms of it (a flipped sign, a transpose, a dropped σ'(z) or 2/N, a
mean where a sum belongs, one sample only, a path left out, ...), alone and
in pairs. Any other wrong answer is described by its structure (a constant
factor, a transpose, the right numbers in the wrong places, one wrong row).
The feedback never quotes a correct value: ``hint("01.2")`` and
``hint("01.2", level=2)`` help a student who is stuck, and
``solution("01.2")`` shows the answer. ``solutions_markdown()`` (or
``python -m matgrad.course.exercises --solutions``) lists every solution and
every recognised mistake for an instructor. ``seed=7`` (any whole number
>= 0) in ``show``, ``given``, ``check`` and ``solution`` gives a fresh
instance with new numbers; ``seed=None`` is the notebook's.

The data:

* ``EXERCISES``: a read-only mapping from an id (``"01.1"``: notebook 01,
  exercise 1) to an exercise, in notebook order: a ``ShapeExercise``,
  ``ArrayExercise`` or ``FunctionExercise``, with ``.id``, ``.notebook``,
  ``.kind``, ``.title``, ``.prompt``, ``.hints``, ``.inputs(seed=None)`` (the
  given values), ``.solution(seed=None)`` (a shape tuple, an array, a number
  or a function), ``.mistakes`` (ids) and ``.mistaken_answer(id, seed=None)``.
* ``check`` returns a feedback object with ``.correct``, ``.mistake`` (an id,
  ``"a+b"`` for two, or ``None``), ``.name`` (the mistake in words) and
  ``.message``.

How numbers are compared: an entry counts as equal when
``|given - expected| <= 6e-4 |expected| + 1e-6 s + 1e-9``, where ``s`` is
the largest entry (in absolute value) of the expected answer. So 4
significant digits are enough, and an answer that is off by 0.1 % is not
equal. Lists, tuples and numpy arrays are all accepted; a vector may be
given as a 1-D array, a row or a column.
"""

from matgrad import _validate
from matgrad.course.exercises import _nb01, _nb02, _nb03, _nb04, _nb05, _nb06, _nb07
from matgrad.course.exercises._exercise import Catalogue
from matgrad.course.exercises._progress import Progress, record, reset_progress
from matgrad.course.exercises._render import exercise_card, hint_card, instructor_markdown, solution_card

__all__ = ["EXERCISES", "check", "given", "hint", "progress", "reset_progress", "show", "solution", "solutions_markdown"]

EXERCISES = Catalogue(
    _nb01.EXERCISES + _nb02.EXERCISES + _nb03.EXERCISES + _nb04.EXERCISES + _nb05.EXERCISES + _nb06.EXERCISES + _nb07.EXERCISES
)


def _exercise(exercise_id):
    """The exercise called ``exercise_id``, or an error listing the valid ids."""
    return EXERCISES[_validate.one_of(exercise_id, "exercise_id", tuple(EXERCISES))]


def check(exercise_id, answer, seed=None):
    """Check ``answer`` to exercise ``exercise_id``: a feedback object, never an exception.

    ``answer`` may be anything (a wrong type, ``None``, NaN or a function
    that raises all get feedback; ``...`` is "not answered yet"). ``seed``
    picks the instance: ``None`` is the notebook's, a whole number a fresh
    one. Only a wrong ``exercise_id`` or ``seed`` raises. A correct answer is
    recorded in the student's progress (see ``progress()``).
    """
    feedback = _exercise(exercise_id).check(answer, seed)
    if feedback.correct:
        record(exercise_id)
    return feedback


def progress():
    """Which exercises of the course are solved on this computer, notebook by notebook."""
    return Progress(EXERCISES)


def given(exercise_id, seed=None):
    """The given values of an instance: a read-only mapping, ``given("01.2").W``."""
    return _exercise(exercise_id).inputs(seed)


def show(exercise_id, seed=None):
    """The exercise's prompt, its given values and the kind of answer it expects."""
    return exercise_card(_exercise(exercise_id), seed)


def hint(exercise_id, level=1):
    """Hint ``level`` (1, 2, ...; a later hint is more direct) for exercise ``exercise_id``."""
    exercise = _exercise(exercise_id)
    return hint_card(exercise, _validate.integer(level, "level", low=1))


def solution(exercise_id, seed=None):
    """The solution of one instance (shown only when asked for), and the mistakes the checker knows."""
    return solution_card(_exercise(exercise_id), seed)


def solutions_markdown():
    """Every exercise with its notebook instance, solution and recognised mistakes (for instructors)."""
    return instructor_markdown(EXERCISES.values())
