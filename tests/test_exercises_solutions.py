"""The exercises' solutions, checked without the checker's reference code:
by finite differences of a loss (``matgrad.numerical_gradient``), by SymPy, by the
numeric core's own backward pass (``Network.gradients``) or by a plain
Python loop. Each independent value must also be accepted by ``check``."""

import numpy as np
import pytest
import sympy as sp

from matgrad import numerical_gradient, relative_error, sigmoid
from matgrad.course import homework as hw
from matgrad.course.exercises import EXERCISES, check
from matgrad.course.exercises._functions import run
from matgrad.symbolic import flatten, jacobian, symbol_column, symbol_matrix, symbol_row

SEEDS = [None, *range(12)]


def fd(f, x):
    """Central differences of the scalar f at x (float64 copy)."""
    return numerical_gradient(lambda v: float(f(v)), np.array(x, dtype=float))


def jacobian_fd(F, x):
    """Numerator-layout Jacobian of the vector function F, row k by finite differences."""
    rows = [fd(lambda v, k=k: np.ravel(F(v))[k], x).ravel() for k in range(np.size(F(x)))]
    return np.array(rows)


# exercise id -> function(given values) -> the answer, computed independently
def _shape_jacobian_of_linear(g):
    W, x = symbol_matrix("w", g.m, g.n), symbol_column("x", g.n)
    return jacobian(W * x, x).shape


def _shape_kronecker(g):
    X, W = symbol_row("x", g.n), symbol_matrix("w", g.n, g.m)
    return jacobian((X * W).T, flatten(W)).shape


def _kronecker_by_sympy(g):
    n, m = g.W.shape
    X, W = symbol_row("x", n), symbol_matrix("w", n, m)
    J = jacobian((X * W).T, flatten(W))
    return np.array(J.subs(dict(zip(X, g.X.ravel()))), dtype=float)


def _slope_by_sympy(g):
    z = sp.Symbol("z")
    derivative = sp.diff(1 / (1 + sp.exp(-z)), z)
    return np.array([float(derivative.subs(z, sp.nsimplify(v))) for v in g.z])


def _shape_of_dL_dZ(g):
    Z = np.linspace(-1, 1, g.N * g.n_out).reshape(g.N, g.n_out)
    return fd(lambda M: np.sum(np.cos(sigmoid(M))), Z).shape


def _first_layer(g):
    Z1 = np.log(g.H1 / (1 - g.H1))  # Z1 at the instance; Z1 changes by X dW1 when W1 changes
    return fd(lambda D: np.sum(g.dL_dz2 * (sigmoid(Z1 + g.X @ D) @ g.W2)), np.zeros((1, 2)))


def _step_by_loop(g):
    return [[g.W3[i][0] - g.lr * g.dL_dW3[i][0]] for i in range(len(g.W3))]


INDEPENDENT = {
    "01.1": _shape_jacobian_of_linear,
    "01.2": lambda g: fd(lambda x: g.dL_dy @ (g.W @ x), g.x),
    "02.1": lambda g: fd(lambda W: g.dL_dy @ (W @ g.x), g.W),
    "02.2": lambda g: fd(lambda b: np.sum(g.dL_dY @ b), np.zeros(g.dL_dY.shape[1])),
    "02.3": lambda g: fd(lambda W: np.sum(g.dL_dY * (g.X @ W.T)), np.zeros((g.dL_dY.shape[1], g.X.shape[1]))),
    "03.1": _shape_kronecker,
    "03.2": _kronecker_by_sympy,
    "03.3": lambda g: fd(lambda W: np.sum(g.dL_dY * (g.X @ W)), g.W),
    "04.1": _slope_by_sympy,
    "04.2": _shape_of_dL_dZ,
    "04.3": lambda g: fd(lambda z: g.dL_dh @ sigmoid(z), g.z),
    "05.1": lambda g: fd(lambda h: 0.5 * np.sum((g.y - h) ** 2), g.h),
    "05.2": lambda g: fd(lambda W: 0.5 * np.sum((g.y - sigmoid(g.h1 @ W)) ** 2), g.W2),
    "05.3": lambda g: fd(lambda z: np.sum(g.dL_dz2 * (sigmoid(z) @ g.W2)), g.z1),
    "05.4": lambda g: jacobian_fd(lambda z: sigmoid(z) @ g.W2, g.z1),
    "06.1": lambda g: fd(lambda yhat: np.mean((yhat - g.y) ** 2), g.yhat),
    "06.2": lambda g: fd(lambda D: np.mean((g.H2 @ D[:, 0] + g.yhat - g.y) ** 2), np.zeros((2, 1))),
    "06.3": _first_layer,
    "06.4": _step_by_loop,
    "07.3": lambda g: g.W - g.lr * fd(lambda W: np.mean((g.X @ W + g.b - g.Y) ** 2), g.W),
    "07.4": lambda g: _central_by_hand(g),
}


def _central_by_hand(g):
    """The central difference of each entry, by a loop."""
    return np.array([(g.L_plus[i] - g.L_minus[i]) / (2 * g.h) for i in range(len(g.L_plus))])


def _gradients_of_case(exercise_id, c):
    """Every output of a function exercise for one case, by finite differences."""
    if exercise_id == "01.3":
        return [fd(lambda x: c.dL_dy @ (c.W @ x), c.x)]
    if exercise_id == "02.4":
        loss = lambda x, W, b: c.dL_dy @ (W @ x + b)  # noqa: E731
        return [fd(lambda x: loss(x, c.W, c.b), c.x), fd(lambda W: loss(c.x, W, c.b), c.W), fd(lambda b: loss(c.x, c.W, b), c.b)]
    if exercise_id == "03.4":
        return [fd(lambda X: np.sum(c.dL_dY * (X @ c.W)), c.X), fd(lambda W: np.sum(c.dL_dY * (c.X @ W)), c.W)]
    if exercise_id == "04.4":
        return [fd(lambda z: np.sum(c.dL_dh * sigmoid(z)), c.z)]
    if exercise_id == "05.5":
        loss = lambda h_prev, W: np.sum(c.dL_dh * sigmoid(h_prev @ W))  # noqa: E731
        return [fd(lambda W: loss(c.h_prev, W), c.W), fd(lambda h: loss(h, c.W), c.h_prev)]
    if exercise_id == "06.5":
        mse = lambda shift: np.mean((c.yhat + shift - c.y) ** 2)  # noqa: E731
        return [fd(lambda D: mse(c.H2 @ D), np.zeros((2, 1))), fd(lambda b: mse(b), np.zeros(1))]
    if exercise_id == "07.1":
        loss = lambda X, W, b: np.sum(c.dZ * (X @ W + b))  # noqa: E731
        b0 = np.zeros(c.W.shape[1])
        return [fd(lambda X: loss(X, c.W, b0), c.X), fd(lambda W: loss(c.X, W, b0), c.W), fd(lambda b: loss(c.X, c.W, b), b0)]
    if exercise_id == "07.2":
        return [fd(lambda p: np.mean((p - c.Y) ** 2), c.Y_hat)]
    raise KeyError(exercise_id)


def test_every_exercise_has_an_independent_check():
    functions = {i for i, ex in EXERCISES.items() if ex.kind == "function"}
    assert set(INDEPENDENT) | functions == set(EXERCISES)


@pytest.mark.parametrize("exercise_id", sorted(INDEPENDENT))
def test_solution_matches_an_independent_computation(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in SEEDS:
        independent = INDEPENDENT[exercise_id](ex.inputs(seed))
        assert check(exercise_id, independent, seed=seed).correct, (exercise_id, seed, independent)
        if ex.kind == "shape":
            assert tuple(independent) == ex.solution(seed)
        else:
            assert relative_error(np.asarray(independent, dtype=float), ex.solution(seed)) < 1e-7, (exercise_id, seed)


@pytest.mark.parametrize("exercise_id", sorted(i for i, ex in EXERCISES.items() if ex.kind == "function"))
def test_reference_function_matches_finite_differences_on_every_case(exercise_id):
    ex = EXERCISES[exercise_id]
    for seed in SEEDS:
        instance = ex.instance(seed)
        assert len(instance.cases) >= 3
        for case in instance.cases:
            expected = _gradients_of_case(exercise_id, case)
            got = run(ex.solution(), tuple(case.values()), len(ex.returns), seconds=None).values
            assert len(got) == len(expected)
            for a, b in zip(got, expected):
                assert a.shape == b.shape and relative_error(a, b) < 1e-7, (exercise_id, seed, a, b)


def test_homework_exercises_agree_with_the_networks_own_backward_pass():
    grads = hw.gradients_by_name(hw.network())  # Network.gradients, the numeric core
    assert relative_error(EXERCISES["06.2"].solution().ravel(), [grads["w3_11"], grads["w3_21"]]) < 1e-12
    assert relative_error(EXERCISES["06.3"].solution().ravel(), [grads["w1_11"], grads["w1_12"]]) < 1e-12
    new = hw.updated_by_name(hw.network())
    assert relative_error(EXERCISES["06.4"].solution().ravel(), [new["w3_11"], new["w3_21"]]) < 1e-12
    dW3, db3 = run(EXERCISES["06.5"].solution(), tuple(EXERCISES["06.5"].inputs().values()), 2, seconds=None).values
    assert relative_error(db3, [grads["b3_1"]]) < 1e-12


def test_the_lecture_examples_by_hand():
    W, x, g = [[1, 2, 3], [4, 5, 6]], [9, 10, 11], [7, 8]
    by_hand = [sum(W[i][j] * g[i] for i in range(2)) for j in range(3)]
    assert by_hand == [39, 54, 69] and check("01.2", by_hand).correct
    outer = [[g[i] * x[j] for j in range(3)] for i in range(2)]
    assert check("02.1", outer).correct
    x_row, g_row = [2, 5], [3, -1, 2]  # 03.3's own numbers: dL/dW = x^T dL/dy, (2, 3)
    assert check("03.3", [[x_row[i] * g_row[j] for j in range(3)] for i in range(2)]).correct
