"""matgrad.course.exercises: what the student sees. Any answer gets feedback
(never a traceback); the stub gets the same polite text every time; every
text is deterministic (nbval compares stored outputs) and plain; the
instructor's listing has every solution and mistake."""

import math
import subprocess
import sys
import time

import numpy as np
import pytest
import sympy as sp

from matgrad.course.exercises import EXERCISES, check, given, hint, show, solution, solutions_markdown
from matgrad.course.exercises import _functions

NOT_ANSWERED = "Exercise {}: not answered yet. Replace `...` with your answer, then run the cell again."


def _raises(*args):
    raise RuntimeError("boom")


BAD_ANSWERS = {
    "None": None, "NaN": math.nan, "inf": math.inf, "a string": "abc", "an object": object(), "[]": [],
    "{}": {}, "a set": {1, 2}, "True": True, "complex": 1 + 2j, "ragged": [[1, 2], [3]], "bytes": b"12",
    "a sympy symbol": sp.Symbol("w"), "a raising function": _raises, "a class": dict, "1e308": 1e308,
    "a NaN array": np.full(3, np.nan), "a string array": np.array(["1", "2"]), "a 0-d array": np.array(3.0),
    "a generator": (i for i in range(3)), "a tuple of strings": ("2", "3"), "negative shape": (-2, 3),
}  # fmt: skip


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_any_answer_gets_feedback_never_an_exception(exercise_id):
    for label, answer in BAD_ANSWERS.items():
        feedback = check(exercise_id, answer, seed=2)
        assert not feedback.correct and feedback.answered, (exercise_id, label)
        assert isinstance(feedback.message, str) and len(feedback.message) > 10, (exercise_id, label)
        assert " at 0x" not in repr(feedback), (exercise_id, label, repr(feedback))


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_the_stub_is_not_answered_yet_identically_every_time(exercise_id):
    texts = {repr(check(exercise_id, ..., seed=seed)) for seed in (None, None, 0, 9)}
    assert texts == {NOT_ANSWERED.format(exercise_id)}
    feedback = check(exercise_id, ...)
    assert not feedback.answered and not feedback.correct and feedback.mistake is None
    assert feedback._repr_markdown_().startswith("✏️ **Exercise")


def test_messages_name_shapes_and_the_first_differing_entry():
    assert "must have shape (2, 3)" in check("02.1", np.ones((3, 3))).message
    assert "shape (3, 3)" in check("02.1", np.ones((3, 3))).message
    wrong = [[63, 70, 77], [72, 81, 88]]
    assert check("02.1", wrong).message.startswith("Not equal: entry [1, 1] should be 80, but yours is 81.")
    assert "4 significant digits" in check("02.1", wrong).message
    assert "should be 39, but yours is nan" in check("01.2", [math.nan, 54, 69]).message
    assert "expects a vector of 3 numbers" in check("01.2", "39, 54, 69").message


def test_the_transposed_weight_gradient_message_names_both_formulas():
    feedback = check("02.1", [[63, 72], [70, 80], [77, 88]])
    assert feedback.mistake == "transposed"
    assert "it must have W's shape (2, 3); compare dL/dy x^T with x dL/dy^T" in feedback.message


def test_vectors_are_accepted_as_rows_columns_or_lists_but_matrices_keep_their_shape():
    for answer in ([39, 54, 69], (39, 54, 69), [[39, 54, 69]], [[39], [54], [69]], np.array([39.0, 54, 69])):
        assert check("01.2", answer).correct
    assert check("01.2", sp.Matrix([39, 54, 69])).correct and check("01.2", sp.Matrix([[39, 54, 69]])).correct
    assert check("05.1", [-0.25, 0.2, -0.5]).correct  # a row (1, 3) given as a 1-D list
    assert not check("05.1", [[-0.25], [0.2], [-0.5]]).correct  # a column where a row is asked


def test_shape_answers_accept_lists_and_numpy_integers_but_not_arrays():
    assert check("01.1", [2, 3]).correct and check("01.1", (np.int64(2), np.int32(3))).correct
    assert check("01.1", np.zeros((2, 3)).shape).correct
    assert "A.shape" in check("01.1", np.zeros((2, 3))).message
    assert not check("01.1", (2.0, 3.0)).correct


# ------------------------------------------------------------- function answers
def test_function_answers_get_specific_feedback():
    assert "it raised ZeroDivisionError: division by zero" in check("01.3", lambda x, W, g: 1 / 0).message
    assert "returned None (is a `return` missing?)" in check("01.3", lambda x, W, g: None).message
    assert "takes 2 positional arguments but 3 were given" in check("01.3", lambda x, W: W).message
    assert "must return 3 values" in check("02.4", lambda x, W, b, g: (W.T @ g, np.outer(g, x))).message
    assert "asks for a function" in check("01.3", [39, 54, 69]).message
    assert "not an array of numbers" in check("01.3", lambda x, W, g: "39").message
    message = check("02.4", lambda x, W, b, g: (W.T @ g, np.outer(g, x), 2 * g)).message
    assert "the value dL_db it returns is not equal" in message


def test_a_function_that_mutates_its_inputs_is_checked_on_copies():
    def in_place(x, W, dL_dy):
        W *= 0  # a student's in-place edit must not change the checker's data
        return x

    assert not check("01.3", in_place).correct
    assert check("01.3", EXERCISES["01.3"].solution()).correct
    assert given("01.3").W.tolist() == [[1, 2, 3], [4, 5, 6]]


def test_a_function_that_hangs_is_stopped(monkeypatch):
    monkeypatch.setattr(_functions, "TIME_LIMIT", 0.3)

    def endless(x, W, dL_dy):
        while True:
            pass

    start = time.monotonic()
    feedback = check("01.3", endless)
    assert time.monotonic() - start < 2.0
    assert "did not finish within 0.3 seconds" in feedback.message and not feedback.correct


def test_a_function_catching_every_exception_is_still_stopped(monkeypatch):
    monkeypatch.setattr(_functions, "TIME_LIMIT", 0.3)

    def stubborn(x, W, dL_dy):
        while True:
            try:
                time.sleep(1)
            except Exception:  # noqa: BLE001 -- the point of the test
                pass

    assert "did not finish" in check("01.3", stubborn).message


def test_an_outer_time_limit_is_kept():
    import signal

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        check("01.3", EXERCISES["01.3"].solution())
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 0.5 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ----------------------------------------------------------------- the texts
def _all_texts():
    for ex in EXERCISES.values():
        g = ex.inputs()
        yield from (ex.title, ex.prompt, ex.formula, ex.note, *ex.hints)
        yield from (ex.mistake_message(name, g) for name in ex.mistakes)


def test_student_text_never_says_seed_and_is_short_plain_english():
    for text in _all_texts():
        assert "seed" not in text.lower(), text
        assert " at 0x" not in text
        assert all(len(sentence.split()) <= 45 for sentence in text.split(". ")), text


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_cards_are_deterministic_and_show_markdown(exercise_id):
    for make in (lambda: show(exercise_id), lambda: show(exercise_id, seed=4), lambda: hint(exercise_id),
                 lambda: hint(exercise_id, level=9), lambda: solution(exercise_id)):  # fmt: skip
        first, second = make(), make()
        assert repr(first) == repr(second) and first._repr_markdown_() == second._repr_markdown_()
        assert exercise_id in repr(first) and " at 0x" not in repr(first)
    for card in (show(exercise_id), hint(exercise_id), solution(exercise_id), check(exercise_id, ...)):
        assert "seed" not in repr(card).lower() and "seed" not in card._repr_markdown_().lower()
    assert EXERCISES[exercise_id].prompt in repr(show(exercise_id))
    assert "fresh instance 4" in repr(show(exercise_id, seed=4))
    assert EXERCISES[exercise_id].hints[-1] in repr(hint(exercise_id, level=9))


def test_the_solution_is_not_in_the_shown_exercise():
    assert "39, 54, 69" not in repr(show("01.2")) and "39, 54, 69" in repr(solution("01.2"))
    assert "W.T @ dL_dy" in repr(solution("01.3"))


def test_solutions_for_instructors_list_every_exercise_and_mistake():
    text = solutions_markdown()
    for ex in EXERCISES.values():
        assert f"## {ex.id} {ex.title}" in text
        assert all(f"- `{name}`" in text for name in ex.mistakes)
    printed = subprocess.run(
        [sys.executable, "-m", "matgrad.course.exercises", "--solutions"], capture_output=True, text=True, check=True
    ).stdout
    assert printed == text
    listing = subprocess.run([sys.executable, "-m", "matgrad.course.exercises"], capture_output=True, text=True, check=True)
    assert len(listing.stdout.splitlines()) == len(EXERCISES)
