"""The checker: compare an answer with the solution, then with each mistaken answer.

Order of the verdicts: the stub ``...`` ("not answered yet"); an answer
that cannot be read (with what was expected); correct; a recognised
mistake (its own message); a wrong shape (expected and given shapes); and
finally "not equal" with the first entry that differs. Numbers are
compared by the rule in :mod:`matgrad.course.exercises._compare`.
"""

import numpy as np

from matgrad.course.exercises._compare import (
    as_array, as_shape, close, first_difference, fmt, fmt_index, fmt_shape,
)  # fmt: skip
from matgrad.course.exercises._feedback import Feedback
from matgrad.course.exercises import _functions
from matgrad.course.exercises._functions import run, same

NOT_ANSWERED = "Replace `...` with your answer, then run the cell again."
TOLERANCE_NOTE = "(Numbers count as equal when they agree to about 4 significant digits.)"


def describe_expected(shape):
    """What an answer of this shape looks like, in words."""
    if len(shape) == 0:
        return "a single number"
    if len(shape) == 1:
        return f"a vector of {shape[0]} numbers (a list or a 1-D array)"
    return f"an array of shape {fmt_shape(shape)}"


def signature(exercise, given):
    """``backward(x, W, dL_dy)``: the function a student writes for this exercise."""
    return f"{exercise.solution().__name__}({', '.join(given)})"


def check_answer(exercise, answer, seed=None):
    """The :class:`Feedback` for ``answer`` to ``exercise`` (instance ``seed``)."""
    if answer is Ellipsis:
        return Feedback(exercise.id, False, None, NOT_ANSWERED, answered=False)
    instance = exercise.instance(seed)
    checker = {"shape": _check_shape, "array": _check_array, "function": _check_function}[exercise.kind]
    return checker(exercise, instance, answer)


def _correct(exercise):
    return Feedback(exercise.id, True, None, exercise.formula)


def _wrong(exercise, text, mistake=None):
    return Feedback(exercise.id, False, mistake, text)


def _recognised(exercise, instance, matches):
    for name, wrong in instance.mistakes.items():
        if matches(wrong):
            return _wrong(exercise, exercise.mistake_message(name, instance.inputs), name)
    return None


def _check_shape(exercise, instance, answer):
    given, problem = as_shape(answer)
    if problem:
        return _wrong(exercise, problem)
    if given == instance.solution:
        return _correct(exercise)
    found = _recognised(exercise, instance, lambda wrong: given == wrong)
    return found or _wrong(exercise, f"{fmt_shape(given)} is not the right shape. {exercise.note}".strip())


def _check_array(exercise, instance, answer):
    expected = instance.solution
    given, problem = as_array(answer, expected.shape)
    if problem:
        return _wrong(exercise, f"{problem} This exercise expects {describe_expected(expected.shape)}.")
    if close(given, expected):
        return _correct(exercise)
    found = _recognised(exercise, instance, lambda wrong: close(given, wrong))
    if found:
        return found
    if given.shape != expected.shape:
        text = f"Your answer has shape {fmt_shape(given.shape)}; it must have shape {fmt_shape(expected.shape)}."
        return _wrong(exercise, f"{text} {exercise.note}".strip())
    return _wrong(exercise, f"Not equal: {_difference(given, expected)} {TOLERANCE_NOTE}")


def _difference(given, expected):
    index, want, got = first_difference(given, expected)
    where = f"entry {fmt_index(index)}" if index else "the number"
    return f"{where} should be {fmt(want)}, but yours is {fmt(got)}."


def _call(exercise, given):
    shapes = ", ".join(
        f"{k} of shape {fmt_shape(v.shape)}" if isinstance(v, np.ndarray) else f"{k} = {v!r}" for k, v in given.items()
    )
    return f"{exercise.solution().__name__}({shapes})"


def _check_function(exercise, instance, answer):
    if not callable(answer) or isinstance(answer, type):
        text = (
            f"This exercise asks for a function. Define `def {signature(exercise, instance.inputs)}:` "
            f"returning {', '.join(exercise.returns)}, then pass the function itself (no parentheses) to check."
        )
        return _wrong(exercise, text)
    n = len(exercise.returns)
    shapes = [[v.shape for v in outcome.values] for outcome in instance.solution]
    outcomes = []
    for case, case_shapes in zip(instance.cases, shapes):
        outcome = run(answer, tuple(case.values()), n, case_shapes, seconds=_functions.TIME_LIMIT)
        outcomes.append(outcome)
        if outcome.slow:  # do not wait again for every other case
            return _wrong(exercise, f"Called as {_call(exercise, case)}, {outcome.problem}. Is there an endless loop?")
    if all(same(o, r) for o, r in zip(outcomes, instance.solution)):
        return _correct(exercise)
    found = _recognised(exercise, instance, lambda wrong: all(same(o, w) for o, w in zip(outcomes, wrong)))
    if found:
        return found
    for case, outcome, reference in zip(instance.cases, outcomes, instance.solution):
        if same(outcome, reference):
            continue
        called = f"Called as {_call(exercise, case)},"
        if outcome.problem:
            names = f" ({', '.join(exercise.returns)})" if "must return" in outcome.problem else ""
            return _wrong(exercise, f"{called} {outcome.problem}{names}.")
        for index, (got, want) in enumerate(zip(outcome.values, reference.values)):
            name = exercise.returns[index]
            part = f"the value {name} it returns" if n > 1 else "it returns a value that"
            if got.shape != want.shape:
                text = f"{called} {part} has shape {fmt_shape(got.shape)}; it must have shape {fmt_shape(want.shape)}."
                return _wrong(exercise, text)
            if not close(got, want):
                part = f"the value {name} it returns" if n > 1 else "the value it returns"
                return _wrong(exercise, f"{called} {part} is not equal: {_difference(got, want)} {TOLERANCE_NOTE}")
    return _wrong(exercise, "Your function does not give the expected values.")  # not reached: some case differs
