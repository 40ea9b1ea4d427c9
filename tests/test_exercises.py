"""matgrad.course.exercises: the catalogue, and for every exercise and every
instance (the notebook's and fresh ones 0..50) the checker's verdicts:
the solution is correct, each mistaken answer is diagnosed as exactly that
mistake, transposes and small perturbations are not correct."""

import math
import re

import numpy as np
import pytest

from matgrad.course.exercises import EXERCISES, check, given

SEEDS = [None, *range(51)]
EIGHT = ("transposed", "wrong_order", "missing_activation_derivative", "derivative_at_wrong_point",
         "missing_loss_factor", "mean_instead_of_sum", "missing_path", "sign")  # fmt: skip


# ------------------------------------------------------------------ catalogue
def test_at_least_18_exercises_and_at_least_3_per_notebook_in_notebook_order():
    ids = list(EXERCISES)
    assert len(ids) >= 18
    assert ids == sorted(ids, key=lambda i: (int(i.split(".")[0]), int(i.split(".")[1])))
    for notebook in ("01", "02", "03", "04", "05", "06"):
        numbers = [int(i.split(".")[1]) for i in ids if i.startswith(notebook + ".")]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 3, (notebook, numbers)
    for exercise_id, exercise in EXERCISES.items():
        assert re.fullmatch(r"0[1-6]\.[1-9]", exercise_id) and exercise.id == exercise_id
        assert exercise.notebook == exercise_id[:2]


def test_the_three_kinds_of_question_are_all_asked():
    kinds = {ex.kind for ex in EXERCISES.values()}
    assert kinds == {"shape", "array", "function"}
    assert sum(ex.kind == "function" for ex in EXERCISES.values()) >= 5


def test_each_of_the_eight_mistake_names_is_recognised_somewhere():
    recognised = {name for ex in EXERCISES.values() for name in ex.mistakes}
    assert set(EIGHT) <= recognised, set(EIGHT) - recognised
    assert "column_major_flattening" in recognised


def test_every_exercise_has_a_title_a_prompt_hints_and_mistakes():
    for ex in EXERCISES.values():
        assert 0 < len(ex.title.split()) <= 9, ex.title
        assert 20 < len(ex.prompt) < 700 and "\n" not in ex.prompt, ex.id
        assert 1 <= len(ex.hints) <= 3 and all(h.strip() for h in ex.hints), ex.id
        assert len(ex.mistakes) >= 1 and len(set(ex.mistakes)) == len(ex.mistakes)
        assert all(re.fullmatch(r"[a-z][a-zA-Z_]+", name) for name in ex.mistakes)


def test_exercises_is_read_only():
    with pytest.raises(TypeError):
        EXERCISES["01.1"] = None
    with pytest.raises(TypeError):
        del EXERCISES["01.1"]
    with pytest.raises(AttributeError):
        EXERCISES._items = {}
    assert not hasattr(EXERCISES, "pop") and not hasattr(EXERCISES, "update")


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_given_values_are_read_only(exercise_id):
    values = given(exercise_id, seed=5)
    with pytest.raises(TypeError):
        values["x"] = 1
    with pytest.raises(AttributeError):
        values.x = 1
    for value in values.values():
        if isinstance(value, np.ndarray):
            assert not value.flags.writeable
            with pytest.raises(ValueError):
                value[...] = 0


# ------------------------------------------------------- the checker's verdicts
def _transposes(solution):
    """The transposes of the non-square matrices in a solution (as answers)."""
    return solution.T if solution.ndim == 2 and solution.shape[0] != solution.shape[1] else None


def _rounded(solution, digits=4):
    return np.vectorize(lambda v: float(f"{v:.{digits}g}"))(solution)


def _raises(*args):
    raise ValueError("a student's bug")


ODD_ANSWERS = (None, math.nan, "abc", ..., _raises, [], object(), np.full((2, 2), np.inf))


def _check_instance(ex, seed):
    for odd in ODD_ANSWERS:
        verdict = check(ex.id, odd, seed=seed)
        assert not verdict.correct and verdict.mistake is None and verdict.message, (ex.id, seed, odd)
    solution = ex.solution(seed)
    verdict = check(ex.id, solution, seed=seed)
    assert verdict.correct and verdict.mistake is None, (ex.id, seed, verdict)
    for name in ex.mistakes:
        verdict = check(ex.id, ex.mistaken_answer(name, seed), seed=seed)
        assert verdict.mistake == name and not verdict.correct, (ex.id, seed, name, verdict)
    if ex.kind == "shape":
        for wrong in ((solution[0] + 1, solution[1]), (solution[0], solution[1] + 1), solution[::-1]):
            assert not check(ex.id, wrong, seed=seed).correct
        return
    if ex.kind == "function":
        _check_function_variants(ex, seed, solution)
        return
    solution = np.asarray(solution)
    transposed = _transposes(solution)
    if transposed is not None:
        assert not check(ex.id, transposed, seed=seed).correct, (ex.id, seed)
    scale = np.max(np.abs(solution))
    assert not check(ex.id, solution * (1 + 1e-3), seed=seed).correct, (ex.id, seed)
    for index in np.ndindex(solution.shape):
        bumped = np.array(solution, dtype=float)
        bumped[index] += 1e-3 * scale
        assert not check(ex.id, bumped, seed=seed).correct, (ex.id, seed, index)
    assert check(ex.id, _rounded(solution), seed=seed).correct, (ex.id, seed, "4 significant digits")
    assert check(ex.id, solution.tolist(), seed=seed).correct  # a list is accepted too


def _check_function_variants(ex, seed, reference):
    def scaled(*args):
        result = reference(*args)
        return tuple(np.asarray(r) * 1.001 for r in result) if isinstance(result, tuple) else np.asarray(result) * 1.001

    def transposed(*args):
        result = reference(*args)
        parts = result if isinstance(result, tuple) else (result,)
        flipped = tuple(np.asarray(p).T for p in parts)
        return flipped if isinstance(result, tuple) else flipped[0]

    assert not check(ex.id, scaled, seed=seed).correct
    outputs = [v for outcome in ex.instance(seed).solution for v in outcome.values]
    if any(v.ndim == 2 and v.shape[0] != v.shape[1] for v in outputs):
        assert not check(ex.id, transposed, seed=seed).correct


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_solution_correct_every_mistake_diagnosed_near_misses_rejected(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in SEEDS:
        _check_instance(ex, seed)


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_instances_are_reproducible_and_fresh_ones_differ(exercise_id):
    def snapshot(seed):
        return {k: (np.asarray(v).tolist()) for k, v in given(exercise_id, seed=seed).items()}

    assert snapshot(None) == snapshot(None) and snapshot(7) == snapshot(7)
    assert len({repr(snapshot(seed)) for seed in range(20)}) >= 5
    numpy_state = np.random.get_state()[1].copy()
    given(exercise_id, seed=3)
    assert np.array_equal(np.random.get_state()[1], numpy_state)  # no global RNG is touched


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_mistaken_answers_are_clearly_apart_from_the_solution_and_each_other(exercise_id):
    ex = EXERCISES[exercise_id]
    if ex.kind != "array":
        return  # shapes differ as tuples; functions are covered by the exact diagnoses above
    for seed in SEEDS:
        answers = [np.asarray(ex.solution(seed), dtype=float)]
        answers += [np.asarray(ex.mistaken_answer(name, seed), dtype=float) for name in ex.mistakes]
        scale = np.max(np.abs(answers[0]))
        for i, a in enumerate(answers):
            for b in answers[i + 1:]:
                if a.size == b.size and a.shape == b.shape:
                    assert np.max(np.abs(a - b)) > 0.02 * max(np.max(np.abs(a)), np.max(np.abs(b))) > 0, (exercise_id, seed)
        assert scale > 0


def test_the_notebook_instances_use_the_source_materials_numbers():
    assert given("01.2").W.tolist() == [[1, 2, 3], [4, 5, 6]] and given("01.2").dL_dy.tolist() == [7, 8]
    assert EXERCISES["01.2"].solution().tolist() == [39, 54, 69]
    assert EXERCISES["02.1"].solution().tolist() == [[63, 70, 77], [72, 80, 88]]
    assert EXERCISES["03.3"].solution().tolist() == [[63, 70, 77], [72, 80, 88]]
    assert EXERCISES["03.1"].solution() == (3, 6)
    assert given("06.1").y.tolist() == [1, 0, -1] and given("06.4").lr == 0.1
