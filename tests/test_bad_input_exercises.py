"""matgrad.course.exercises: a wrong exercise id, seed or hint level gets a clear
error naming the argument; any *answer* gets feedback, never an error (see
tests/bad_input.py for the sweep: a Feedback holds no NaN, so it passes)."""

import numpy as np
import pytest

from bad_input import assert_sweep_passes, fresh, valid
from matgrad.course.exercises import EXERCISES, check, given, hint, show, solution

IDS = r"01\.1, 01\.2, 01\.3, 02\.1"

CASES = {
    "check unknown id": (lambda: check("99.1", 1.0), ValueError, rf"exercise_id must be one of {IDS}.*; got '99\.1'"),
    "check id without the zero": (lambda: check("1.1", (2, 3)), ValueError, r"exercise_id must be one of 01\.1.* got '1\.1'"),
    "check id a number": (lambda: check(1.1, (2, 3)), TypeError, r"exercise_id must be a string such as '01\.1'; got a float"),
    "check seed negative": (lambda: check("01.2", [1, 2, 3], seed=-1), ValueError, r"seed must be a whole number >= 0 for a fresh instance; got -1"),
    "check seed float": (lambda: check("01.2", [1, 2, 3], seed=2.0), TypeError, r"seed must be None \(the notebook's instance\) or a whole number >= 0 \(a fresh instance\); got 2\.0"),
    "check seed bool": (lambda: check("01.2", [1, 2, 3], seed=True), TypeError, r"seed must be None .* got True"),
    "check seed array": (lambda: check("01.2", [1, 2, 3], seed=np.array([1])), TypeError, r"seed must be None .* got a ndarray"),
    "given unknown id": (lambda: given("07.1"), ValueError, r"exercise_id must be one of .*06\.5; got '07\.1'"),
    "show seed string": (lambda: show("01.1", seed="3"), TypeError, r"seed must be None .* got '3'"),
    "solution id None": (lambda: solution(None), TypeError, r"exercise_id must be a string such as '01\.1'; got a NoneType"),
    "hint level 0": (lambda: hint("01.1", level=0), ValueError, r"level must be a whole number >= 1; got 0"),
    "hint level float": (lambda: hint("01.1", level=1.5), TypeError, r"level must be a whole number >= 1; got 1\.5"),
    "EXERCISES unknown key": (lambda: EXERCISES["99.1"], KeyError, r"no exercise '99\.1'; the exercises are 01\.1, 01\.2"),
    "mistaken_answer unknown name": (
        lambda: EXERCISES["01.2"].mistaken_answer("typo"),
        ValueError,
        r"name must be one of the mistakes of exercise 01\.2: forward_value, missing_path, missing_sum; got 'typo'",
    ),
    "inputs seed huge float": (lambda: EXERCISES["04.1"].inputs(1e308), TypeError, r"seed must be None .* got 1e\+308"),
    "solution of a function exercise, bad seed": (lambda: EXERCISES["01.3"].solution(-3), ValueError, r"seed must be a whole number >= 0"),
}

VALID_CALLS = [  # one per public callable of matgrad.course.exercises (tests/test_bad_input_coverage.py)
    valid("matgrad.course.exercises.check", check, "01.2", [39, 54, 69]),
    valid("matgrad.course.exercises.given", given, "02.1", seed=3),
    valid("matgrad.course.exercises.hint", hint, "03.2", level=2),
    valid("matgrad.course.exercises.show", show, "04.3", seed=1),
    valid("matgrad.course.exercises.solution", solution, "05.4", seed=2),
]

# The exercises' own methods are not module-level names (an exercise is reached
# through EXERCISES), so they are swept here, outside the coverage list.
METHOD_CALLS = [
    fresh("Exercise.inputs", lambda: EXERCISES["02.3"].inputs, seed=4),
    fresh("Exercise.solution", lambda: EXERCISES["03.3"].solution, seed=4),
    fresh("Exercise.solution (function)", lambda: EXERCISES["04.4"].solution, seed=4),
    fresh("Exercise.mistaken_answer", lambda: EXERCISES["06.3"].mistaken_answer, "missing_path", seed=4),
]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS + METHOD_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)


@pytest.mark.parametrize(
    "answer",
    [np.zeros(10**6), np.zeros((1000, 1000)), [[1.0] * 3] * 10_000, np.ones((2, 3, 4)), 10**400, -(10**400)],
    ids=["a million entries", "a 1000 x 1000 matrix", "10000 rows", "3-D", "a huge int", "a huge negative int"],
)
def test_huge_or_odd_answers_get_feedback_quickly(answer):
    feedback = check("01.2", answer)
    assert not feedback.correct and feedback.mistake is None
    assert any(word in feedback.message for word in ("shape", "Not equal", "too large")), feedback.message
