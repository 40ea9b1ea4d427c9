"""matgrad.course.exercises: what the student sees. Any answer gets feedback
(never a traceback); the stub gets the same polite text every time; a wrong
answer is explained and never corrected (no correct value in its message);
every text comes from the message catalogue, is deterministic (nbval
compares stored outputs) and uses plain glyphs; the instructor's listing
has every solution and mistake. Tests assert mistake ids and properties of
messages, not whole sentences."""

import math
import re
import string
import subprocess
import sys
import time

import numpy as np
import pytest
import sympy as sp

from matgrad.course.exercises import EXERCISES, check, given, hint, show, solution, solutions_markdown
from matgrad.course.exercises import _functions, _messages
from matgrad.course.exercises._exercise import FunctionExercise, ShapeExercise


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
    assert len(texts) == 1 and "`...`" in texts.pop()
    feedback = check(exercise_id, ...)
    assert not feedback.answered and not feedback.correct and feedback.mistake is None
    assert feedback._repr_markdown_().startswith(f"**Exercise {exercise_id}")


def test_nan_and_infinity_get_their_own_sentence_and_no_correct_value():
    for answer in ([math.nan, 54, 69], [39, math.inf, 69], np.full(3, -np.inf)):
        feedback = check("01.2", answer)
        assert feedback.mistake == "not_finite" and "NaN" in feedback.message
        assert not re.search(r"\b(39|54|69)\b", feedback.message)


def test_a_wrong_shape_is_named_with_both_shapes_and_an_answer_that_cannot_be_read_with_what_is_expected():
    message = check("02.1", np.ones((3, 3))).message
    assert "(3, 3)" in message and "(2, 3)" in message
    assert "3 numbers" in check("01.2", "39, 54, 69").message  # what the exercise expects


def test_one_wrong_entry_is_located_without_quoting_a_value():
    feedback = check("02.1", [[63, 70, 77], [72, 81, 88]])
    assert feedback.mistake == "one_entry_wrong" and "[1, 1]" in feedback.message
    assert not re.search(r"\b(80|81)\b", feedback.message)


def test_structural_diagnoses_of_unmodelled_answers():
    g = given("02.3")
    solution = EXERCISES["02.3"].solution()
    assert check("02.3", 3 * solution).mistake == "constant_factor"
    assert check("02.3", solution[::-1]).mistake in ("permuted", "one_row_wrong")
    row = np.array(solution)
    row[1] *= 1.5
    assert check("02.3", row).mistake == "one_row_wrong"
    assert check("02.3", np.array(g.X)).mistake == "given_value"
    assert check("04.3", np.diag([0.1, 0.2, 0.3])).mistake == "diagonal_matrix"
    assert check("01.2", 39 + 54 + 69).mistake == "summed_to_scalar"


def test_a_modelled_mistake_alone_and_in_a_pair():
    assert check("02.1", [[63, 72], [70, 80], [77, 88]]).mistake == "transposed"
    pair = check("02.1", [[-63, -72], [-70, -80], [-77, -88]])
    assert sorted(pair.mistake.split("+")) == ["sign", "transposed"] and pair.name.count(" and ") == 1


def test_vectors_are_accepted_as_rows_columns_or_lists_but_matrices_keep_their_shape():
    for answer in ([39, 54, 69], (39, 54, 69), [[39, 54, 69]], [[39], [54], [69]], np.array([39.0, 54, 69])):
        assert check("01.2", answer).correct
    assert check("01.2", sp.Matrix([39, 54, 69])).correct and check("01.2", sp.Matrix([[39, 54, 69]])).correct
    assert check("05.1", [-0.25, 0.2, -0.5]).correct  # a row (1, 3) given as a 1-D list
    column = check("05.1", [[-0.25], [0.2], [-0.5]])  # a column where a row is asked
    assert not column.correct and column.mistake == "transposed"


def test_shape_answers_accept_lists_and_numpy_integers_but_not_arrays():
    assert check("01.1", [2, 3]).correct and check("01.1", (np.int64(2), np.int32(3))).correct
    assert check("01.1", np.zeros((2, 3)).shape).correct
    assert "A.shape" in check("01.1", np.zeros((2, 3))).message
    assert not check("01.1", (2.0, 3.0)).correct


# ------------------------------------------------------------- function answers
def test_function_answers_get_specific_feedback():
    assert check("01.3", lambda x, W, g: 1 / 0).mistake == "raised_error"
    assert "ZeroDivisionError" in check("01.3", lambda x, W, g: 1 / 0).message
    assert check("01.3", lambda x, W, g: None).mistake == "returned_none"
    assert check("01.3", lambda x, W: W).mistake == "arguments"
    assert check("02.4", lambda x, W, b, g: (W.T @ g, np.outer(g, x))).mistake == "wrong_count"
    assert "asks for a function" in check("01.3", [39, 54, 69]).message
    assert check("01.3", lambda x, W, g: "39").mistake == "not_numbers"
    feedback = check("02.4", lambda x, W, b, g: (W.T @ g, np.outer(g, x), 2 * g))
    assert feedback.mistake == "constant_factor" and feedback.message.startswith("dL_db:")


def test_a_numpy_error_is_explained_in_shapes_with_the_line_and_the_case():
    def backward(z, dL_dh):
        slope = np.zeros(3) + 0.25  # a size copied from the example
        return dL_dh * slope

    feedback = check("04.4", backward)
    assert feedback.mistake == "raised_error" and "ValueError" in feedback.message
    assert "(3, 2)" in feedback.message and "(3,)" in feedback.message  # the shapes that do not fit
    assert "dL_dh * slope" in feedback.message  # the line that raised

    def one_sample(z, dL_dh):
        return np.array([dL_dh[i] * float(z[i] * 0 + 0.25) for i in range(len(z))])

    batch = check("04.4", one_sample)
    assert batch.mistake == "fails_for_batch" and "1-D" in batch.message


def test_a_function_right_only_for_the_example_call_is_told_so():
    g = given("06.5")
    example = EXERCISES["06.5"].solution()
    assert check("06.5", lambda H2, yhat, y: example(g.H2, g.yhat, g.y)).mistake == "right_for_example_only"


def test_returned_values_or_arguments_in_another_order():
    assert check("03.4", lambda X, W, dY: (X.T @ dY, dY @ W.T)).mistake == "return_order"
    assert check("01.3", lambda W, x, dL_dy: W.T @ dL_dy).mistake == "argument_order"


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
    assert "0.3 seconds" in feedback.message and not feedback.correct


def test_a_function_catching_every_exception_is_still_stopped(monkeypatch):
    monkeypatch.setattr(_functions, "TIME_LIMIT", 0.3)

    def stubborn(x, W, dL_dy):
        while True:
            try:
                time.sleep(1)
            except Exception:  # noqa: BLE001 -- the point of the test
                pass

    assert "0.3 seconds" in check("01.3", stubborn).message


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
def _numbers(text):
    return {float(t) for t in re.findall(r"(?<![\w.])-?\d+\.\d+", text)}


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_the_feedback_to_a_modelled_mistake_never_quotes_a_correct_value(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in (None, 1):
        instance = ex.instance(seed)
        if isinstance(ex, ShapeExercise):
            right = {str(instance.solution), " x ".join(map(str, instance.solution))}
        elif isinstance(ex, FunctionExercise):
            right = {round(float(v), 4) for outcome in instance.solution for value in outcome for v in value.ravel()}
        else:
            right = {round(float(v), 4) for v in instance.solution.ravel()}
        for name in instance.mistakes:
            message = check(exercise_id, ex.mistaken_answer(name, seed), seed=seed).message
            if isinstance(ex, ShapeExercise):
                assert not any(text in message for text in right), (exercise_id, name, message)
            else:
                assert not {round(n, 4) for n in _numbers(message)} & (right - {0.0}), (exercise_id, name, message)


def _all_texts():
    for ex in EXERCISES.values():
        yield from (ex.title, ex.prompt, ex.formula, ex.note, *ex.hints)
        for name in ex.mistakes:
            yield check(ex.id, ex.mistaken_answer(name)).message


def test_student_text_is_short_plain_english_in_plain_glyphs():
    for text in _all_texts():
        assert "seed" not in text.lower(), text
        assert " at 0x" not in text
        assert all(len(sentence.split()) <= 45 for sentence in text.split(". ")), text
        assert all(ord(c) < 0x2000 for c in text), text  # no emoji or symbols a plain font lacks


def test_every_message_of_the_catalogue_formats_with_named_fields():
    for key, template in _messages.TEXT.items():
        names = [field for _, field, _, _ in string.Formatter().parse(template) if field]
        assert all(name.isidentifier() for name in names), (key, names)  # named, never positional
        assert template.format(**{name: 1 for name in names})
    for ex in EXERCISES.values():
        for name in ex.mistakes:
            assert _messages.mistake_name(name), (ex.id, name)
            assert name.split("@")[0].split("+")[0] in _messages.NAMES, (ex.id, name)


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_cards_are_deterministic_and_show_markdown_in_plain_glyphs(exercise_id):
    for make in (lambda: show(exercise_id), lambda: show(exercise_id, seed=4), lambda: hint(exercise_id),
                 lambda: hint(exercise_id, level=9), lambda: solution(exercise_id)):  # fmt: skip
        first, second = make(), make()
        assert repr(first) == repr(second) and first._repr_markdown_() == second._repr_markdown_()
        assert exercise_id in repr(first) and " at 0x" not in repr(first)
        assert all(ord(c) < 0x2000 for c in first._repr_markdown_())
    for card in (show(exercise_id), hint(exercise_id), solution(exercise_id), check(exercise_id, ...)):
        assert "seed" not in repr(card).lower() and "seed" not in card._repr_markdown_().lower()
    assert EXERCISES[exercise_id].prompt in repr(show(exercise_id))
    assert "fresh instance 4" in repr(show(exercise_id, seed=4))
    assert EXERCISES[exercise_id].hints[-1] in repr(hint(exercise_id, level=9))


def test_a_card_that_mentions_given_tells_how_to_call_it():
    assert 'given("01.2")' in repr(show("01.2"))


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
