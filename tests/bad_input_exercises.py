"""Bad-input data for matgrad.course.exercises (run by tests/test_bad_input.py).

A wrong exercise id, seed, hint level or mistake name gets a clear error
naming the argument; any *answer* gets feedback, never an error (a Feedback
holds no NaN, so it passes the sweep).
"""

import numpy as np

from tests.bad_input import Case, fresh, valid
from matgrad.course.exercises import EXERCISES, check, given, hint, show, solution

CASES = {
    "check unknown id": Case(lambda: check("99.1", 1.0), ValueError, "exercise_id", "'99.1'"),
    "check id without the zero": Case(lambda: check("1.1", (2, 3)), ValueError, "exercise_id", "'1.1'"),
    "check id a number": Case(lambda: check(1.1, (2, 3)), ValueError, "exercise_id", "1.1"),
    "check seed negative": Case(lambda: check("01.2", [1, 2, 3], seed=-1), ValueError, "seed", "-1"),
    "check seed float": Case(lambda: check("01.2", [1, 2, 3], seed=2.0), TypeError, "seed", "2.0"),
    "check seed bool": Case(lambda: check("01.2", [1, 2, 3], seed=True), TypeError, "seed", "True"),
    "check seed array": Case(lambda: check("01.2", [1, 2, 3], seed=np.array([1])), TypeError, "seed", "array([1])"),
    "given unknown id": Case(lambda: given("08.1"), ValueError, "exercise_id", "'08.1'"),
    "show seed string": Case(lambda: show("01.1", seed="3"), TypeError, "seed", "'3'"),
    "solution id None": Case(lambda: solution(None), ValueError, "exercise_id", "None"),
    "hint level 0": Case(lambda: hint("01.1", level=0), ValueError, "level", "0"),
    "hint level float": Case(lambda: hint("01.1", level=1.5), TypeError, "level", "1.5"),
    "EXERCISES unknown key": Case(lambda: EXERCISES["99.1"], KeyError, "exercise", "'99.1'"),
    "mistaken_answer unknown name": Case(lambda: EXERCISES["01.2"].mistaken_answer("typo"), ValueError, "name", "'typo'"),
    "mistaken_answer name None": Case(lambda: EXERCISES["01.2"].mistaken_answer(None), ValueError, "name", "None"),
    "inputs seed huge float": Case(lambda: EXERCISES["04.1"].inputs(1e308), TypeError, "seed", "1e+308"),
    "solution of a function exercise, bad seed": Case(lambda: EXERCISES["01.3"].solution(-3), ValueError, "seed", "-3"),
}

VALID_CALLS = [  # one per public callable of matgrad.course.exercises
    valid("matgrad.course.exercises.check", check, "01.2", [39, 54, 69]),
    valid("matgrad.course.exercises.given", given, "02.1", seed=3),
    valid("matgrad.course.exercises.hint", hint, "03.2", level=2),
    valid("matgrad.course.exercises.show", show, "04.3", seed=1),
    valid("matgrad.course.exercises.solution", solution, "05.4", seed=2),
]

# The exercises' own methods are not module-level names (an exercise is reached
# through EXERCISES): tests/test_exercises.py sweeps them.
METHOD_CALLS = [
    fresh("Exercise.inputs", lambda: EXERCISES["02.3"].inputs, seed=4),
    fresh("Exercise.solution", lambda: EXERCISES["03.3"].solution, seed=4),
    fresh("Exercise.solution (function)", lambda: EXERCISES["04.4"].solution, seed=4),
    fresh("Exercise.mistaken_answer", lambda: EXERCISES["06.3"].mistaken_answer, "missing_path", seed=4),
    fresh("Exercise.check", lambda: EXERCISES["02.2"].check, [1.0, 2.0], seed=4),
]
