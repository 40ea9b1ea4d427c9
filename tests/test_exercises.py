"""matgrad.course.exercises: the catalogue, the instances and the checker's verdicts.

For every exercise and instance: the solution is correct, each modelled
mistake (alone, and every pair) is diagnosed as exactly that mistake,
near misses are not correct, and every modelled mistake differs clearly from
the solution and from the other mistakes (seeds 0..200)."""

import math

import numpy as np
import pytest

from tests.bad_input import assert_sweep_passes
from tests.bad_input_exercises import METHOD_CALLS
from matgrad.course.exercises import EXERCISES, check, given
from matgrad.course.exercises._compare import differs, scale
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise, ShapeExercise

SEEDS = [None, *range(31)]
DEGENERACY_SEEDS = range(201)
EIGHT = ("transposed", "wrong_order", "missing_activation_derivative", "derivative_at_wrong_point",
         "missing_loss_factor", "mean_instead_of_sum", "missing_path", "sign")  # fmt: skip


# ------------------------------------------------------------------ catalogue
def test_29_exercises_at_least_3_per_notebook_in_notebook_order():
    ids = list(EXERCISES)
    assert len(ids) == 29
    assert ids == sorted(ids, key=lambda i: (int(i.split(".")[0]), int(i.split(".")[1])))
    for notebook in ("01", "02", "03", "04", "05", "06", "07"):
        numbers = [int(i.split(".")[1]) for i in ids if i.startswith(notebook + ".")]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 3, (notebook, numbers)
    assert all(EXERCISES[i].id == i and EXERCISES[i].notebook == i[:2] for i in ids)


def test_the_three_kinds_are_classes_and_all_are_asked():
    kinds = {type(ex) for ex in EXERCISES.values()}
    assert kinds == {ShapeExercise, ArrayExercise, FunctionExercise}
    assert {ex.kind for ex in EXERCISES.values()} == {"shape", "array", "function"}
    assert sum(isinstance(ex, FunctionExercise) for ex in EXERCISES.values()) >= 5


def test_the_catalogue_of_transforms_reaches_every_exercise():
    recognised = {name.split("@")[0] for ex in EXERCISES.values() for name in ex.mistakes}
    assert set(EIGHT) <= recognised, set(EIGHT) - recognised
    assert {"column_major_flattening", "first_sample_only", "last_sample_only", "sums_then_outer",
            "dot_instead_of_elementwise", "missing_two", "missing_mean", "missing_learning_rate"} <= recognised  # fmt: skip
    for ex in EXERCISES.values():
        assert len(ex.mistakes) >= 4 and len(set(ex.mistakes)) == len(ex.mistakes), ex.id


def test_every_exercise_has_a_title_a_prompt_hints_and_a_formula():
    for ex in EXERCISES.values():
        assert 0 < len(ex.title.split()) <= 9, ex.title
        assert 20 < len(ex.prompt) < 700 and "\n" not in ex.prompt, ex.id
        assert 1 <= len(ex.hints) <= 3 and all(h.strip() for h in ex.hints), ex.id
        assert ex.formula, ex.id


def test_no_hint_or_solution_computes_the_sigmoid_with_an_overflowing_formula():
    for ex in EXERCISES.values():
        texts = [*ex.hints, ex.formula, getattr(ex, "source", "")]
        assert not any("np.exp(-" in text for text in texts), ex.id


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
def _rounded(solution, digits=4):
    return np.vectorize(lambda v: float(f"{v:.{digits}g}"))(solution)


def _raises(*args):
    raise ValueError("a student's bug")


ODD_ANSWERS = (None, math.nan, "abc", _raises, [], object(), np.full((2, 2), np.inf))


def _check_instance(ex, seed):
    for odd in ODD_ANSWERS:
        verdict = check(ex.id, odd, seed=seed)
        assert not verdict.correct and verdict.message, (ex.id, seed, odd)
    solution = ex.solution(seed)
    verdict = check(ex.id, solution, seed=seed)
    assert verdict.correct and verdict.mistake is None, (ex.id, seed, verdict)
    for name in ex.instance(seed).mistakes:
        verdict = check(ex.id, ex.mistaken_answer(name, seed), seed=seed)
        assert verdict.mistake == name and not verdict.correct, (ex.id, seed, name, verdict)
    if isinstance(ex, ShapeExercise):
        for wrong in ((solution[0] + 1, solution[1]), (solution[0], solution[1] + 1), solution[::-1]):
            assert not check(ex.id, wrong, seed=seed).correct
    elif isinstance(ex, FunctionExercise):
        _check_function_variants(ex, seed, solution)
    else:
        _check_array_variants(ex, seed, np.asarray(solution))


def _check_array_variants(ex, seed, solution):
    if solution.ndim == 2 and solution.shape[0] != solution.shape[1]:
        assert not check(ex.id, solution.T, seed=seed).correct, (ex.id, seed)
    assert not check(ex.id, solution * (1 + 1e-3), seed=seed).correct, (ex.id, seed)
    for index in np.ndindex(solution.shape):
        bumped = np.array(solution, dtype=float)
        bumped[index] += 1e-3 * np.max(np.abs(solution))
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
    outputs = [v for outcome in ex.instance(seed).solution for v in outcome]
    if any(v.ndim == 2 and v.shape[0] != v.shape[1] for v in outputs):
        assert not check(ex.id, transposed, seed=seed).correct


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_solution_correct_every_mistake_diagnosed_near_misses_rejected(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in SEEDS:
        _check_instance(ex, seed)


@pytest.mark.parametrize("exercise_id", [i for i, ex in EXERCISES.items() if isinstance(ex, ArrayExercise)])
def test_every_pair_of_mistakes_is_diagnosed_as_that_pair(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in (None, 0, 1):
        instance = ex.instance(seed)
        for slips, value in ex.pairs(instance).items():
            verdict = check(exercise_id, value, seed=seed)
            assert sorted(verdict.mistake.split("+")) == sorted(instance.ids[s] for s in slips), (seed, slips, verdict)
            assert verdict.message.count("First:") == 1 and verdict.name


def _shapes(a):
    """The shapes the checker reads an answer as: any one-entry shape is a number; a 1-D vector is
    read as a row and as a column (a row and a column are not the same answer)."""
    if a.size == 1:
        return [()]
    return [(1, a.size), (a.size, 1)] if a.ndim == 1 else [a.shape]


def _clearly_apart(arrays, unit):
    """Every two arrays are read as different shapes, or differ by more than 2 % of the larger
    scale (and of ``unit``)."""
    groups = {}
    for index, a in enumerate(arrays):
        for shape in _shapes(a):
            groups.setdefault(shape, []).append((index, a.ravel()))
    for members in groups.values():
        indices = np.array([index for index, _ in members])
        group = np.array([flat for _, flat in members])
        gaps = np.max(np.abs(group[:, None] - group[None]), axis=2)
        scales = np.max(np.abs(group), axis=1)
        limit = 0.02 * np.maximum(np.maximum(scales[:, None], scales[None]), unit)
        gaps[indices[:, None] == indices[None, :]] = np.inf
        if not np.all(gaps > limit):
            return False
    return True


def _outcomes_apart(a, b):
    """Two functions' values, case by case: one fits a case the other does not, or a value differs."""
    for x, y in zip(a, b):
        if (x is None) != (y is None):
            return True
        if x is not None and any(differs(u, v) for u, v in zip(x, y)):
            return True
    return False


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_every_modelled_mistake_differs_from_the_solution_and_the_other_mistakes(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in [None, *DEGENERACY_SEEDS]:
        instance = ex.instance(seed)
        if isinstance(ex, ShapeExercise):
            answers = [instance.solution, *instance.wrong.values()]
            assert len(set(answers)) == len(answers), (exercise_id, seed)
        elif isinstance(ex, FunctionExercise):
            answers = [instance.solution, *instance.singles.values()]
            assert all(_outcomes_apart(a, b) for i, a in enumerate(answers) for b in answers[i + 1:]), (exercise_id, seed)
        else:  # each mistake alone, and every pair
            arrays = [instance.solution, *instance.singles.values(), *ex.pairs(instance).values()]
            assert _clearly_apart(arrays, scale(instance.solution)), (exercise_id, seed)


def test_fresh_homework_instances_keep_every_path_and_sample():
    for seed in range(30):
        values = given("06.3", seed=seed)
        assert np.all(values.W2 != 0) and len({tuple(row) for row in np.round(values.H1, 9)}) == 3, seed


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_instances_are_reproducible_and_fresh_ones_differ(exercise_id):
    def snapshot(seed):
        return {k: (np.asarray(v).tolist()) for k, v in given(exercise_id, seed=seed).items()}

    assert snapshot(None) == snapshot(None) and snapshot(7) == snapshot(7)
    assert len({repr(snapshot(seed)) for seed in range(20)}) >= 5
    numpy_state = np.random.get_state()[1].copy()
    EXERCISES[exercise_id]._instances.pop(3, None)
    given(exercise_id, seed=3)
    assert np.array_equal(np.random.get_state()[1], numpy_state)  # no global RNG is touched


def test_the_notebook_instances_use_the_source_materials_numbers_or_fresh_ones():
    assert given("01.2").W.tolist() == [[1, 2, 3], [4, 5, 6]] and given("01.2").dL_dy.tolist() == [7, 8]
    assert EXERCISES["01.2"].solution().tolist() == [39, 54, 69]
    assert EXERCISES["02.1"].solution().tolist() == [[63, 70, 77], [72, 80, 88]]
    assert EXERCISES["03.3"].solution().tolist() == [[6, -2, 4], [15, -5, 10]]  # not the lesson's numbers
    assert EXERCISES["03.1"].solution() == (3, 6)
    assert given("06.1").y.tolist() == [1, 0, -1] and given("06.4").lr == 0.1


# ------------------------------------------------------------------ arguments
@pytest.mark.parametrize("call", METHOD_CALLS, ids=lambda c: c.target)
def test_every_argument_of_an_exercises_methods_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)


@pytest.mark.parametrize(
    "answer",
    [np.zeros(10**6), np.zeros((1000, 1000)), [[1.0] * 3] * 10_000, np.ones((2, 3, 4)), 10**400, -(10**400)],
    ids=["a million entries", "a 1000 x 1000 matrix", "10000 rows", "3-D", "a huge int", "a huge negative int"],
)
def test_huge_or_odd_answers_get_feedback(answer):
    feedback = check("01.2", answer)
    assert not feedback.correct and feedback.message and "[39" not in feedback.message


def test_a_pair_in_one_step_is_not_two_overlapping_factors():
    """The 2/N of a mean squared error dropped is one mistake, not "the 2 dropped" plus "2/N dropped"."""
    ex = EXERCISES["06.1"]
    for slips in ex.pairs(ex.instance()):
        names = {slip.transform for slip in slips}
        assert len(names & {"missing_two", "missing_mean", "missing_loss_factor", "loss_instead_of_gradient"}) <= 1
    g = given("06.1")
    assert sorted(check("06.1", g.y - g.yhat).mistake.split("+")) == ["missing_loss_factor", "sign"]


def test_a_correct_answer_is_recorded_in_the_progress_and_a_wrong_one_is_not(tmp_path, monkeypatch):
    from matgrad.course.exercises import progress, reset_progress

    monkeypatch.setenv("MATGRAD_PROGRESS", str(tmp_path / "progress.json"))
    g = given("01.2")
    check("01.2", -(g.W.T @ g.dL_dy))
    assert "Exercises solved: 0 of 29" in repr(progress())
    check("01.2", g.W.T @ g.dL_dy)
    assert "Exercises solved: 1 of 29" in repr(progress()) and "[x] 01.2" in repr(progress())
    reset_progress()
    assert "Exercises solved: 0 of 29" in repr(progress())
