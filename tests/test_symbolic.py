"""matgrad.symbolic: the sympy-derived Jacobians against their closed forms, in both conventions."""

import numpy as np
import pytest
import sympy as sp

from matgrad import Linear, Sigmoid, symbolic


def test_symbol_names_follow_the_seeds():
    assert [str(s) for s in symbolic.symbol_matrix("w", 2, 3)] == [
        "w11",
        "w12",
        "w13",
        "w21",
        "w22",
        "w23",
    ]
    assert [str(s) for s in symbolic.symbol_row("x", 2)] == ["x1", "x2"]
    assert symbolic.symbol_column("b", 3).shape == (3, 1)
    assert str(symbolic.symbol_matrix("w", 10, 1)[9, 0]) == "w10_1"


@pytest.mark.parametrize("n_in", [1, 2, 3])
@pytest.mark.parametrize("n_out", [1, 2, 3])
def test_weight_jacobian_equals_kronecker_form_in_both_conventions(n_in, n_out):
    row_x = symbolic.symbol_row("x", n_in)
    row = symbolic.Linear(symbolic.symbol_matrix("w", n_in, n_out))
    assert row.jacobian_weights(row_x) == symbolic.kronecker_weight_jacobian(row_x, n_out, "row")
    assert row.jacobian_input(row_x) == row.W.T
    col_x = symbolic.symbol_column("x", n_in)
    b = symbolic.symbol_column("b", n_out)
    col = symbolic.Linear(symbolic.symbol_matrix("w", n_out, n_in), b, convention="column")
    assert col.jacobian_weights(col_x) == symbolic.kronecker_weight_jacobian(col_x, n_out, "column")
    assert col.jacobian_input(col_x) == col.W
    assert col.jacobian_bias(col_x) == sp.eye(n_out)


def test_conventions_agree_when_w_is_transposed():
    W = symbolic.symbol_matrix("w", 2, 3)  # column convention: (n_out, n_in)
    x = symbolic.symbol_column("x", 3)
    column = symbolic.Linear(W, convention="column")
    row = symbolic.Linear(W.T, convention="row")
    assert column.forward(x) == row.forward(x.T).T
    assert column.jacobian_input(x) == row.jacobian_input(x.T)


def test_sigmoid_jacobian_is_diagonal_s_times_one_minus_s():
    z = symbolic.symbol_row("z", 3)
    J = symbolic.Sigmoid().jacobian(z)
    assert J.is_diagonal()
    for k in range(3):
        s = symbolic.sigmoid(z[k])
        assert sp.simplify(J[k, k] - s * (1 - s)) == 0
    f = symbolic.lambdify([z], J)
    values = np.array([-2.0, 0.0, 3.5])
    np.testing.assert_allclose(f(values), Sigmoid().jacobian(values), rtol=1e-14)


def test_identity_jacobian_is_identity():
    assert symbolic.Identity().jacobian(symbolic.symbol_column("z", 2)) == sp.eye(2)


def test_batch_forward_adds_bias_to_every_row():
    W = symbolic.symbol_matrix("w", 2, 2)
    b = symbolic.symbol_row("b", 2)
    X = symbolic.symbol_matrix("x", 3, 2)
    Y = symbolic.Linear(W, b).forward(X)
    numeric = Linear(np.arange(4.0).reshape(2, 2), [1.0, -1.0]).forward(
        np.arange(6.0).reshape(3, 2)
    )
    got = symbolic.evaluate(
        Y, [(W, np.arange(4.0).reshape(2, 2)), (b, [1.0, -1.0]), (X, np.arange(6.0).reshape(3, 2))]
    )
    np.testing.assert_array_equal(got, numeric)


def test_lambdify_and_evaluate():
    W = symbolic.symbol_matrix("w", 2, 2)
    x = symbolic.symbol_row("x", 2)
    f = symbolic.lambdify([W, x], (x * W)[0, 1])
    assert f([[1.0, 2.0], [3.0, 4.0]], [1.0, 10.0]) == 42.0
    assert isinstance(f([[1.0, 2.0], [3.0, 4.0]], [1.0, 10.0]), float)
    t = sp.Symbol("t")
    assert symbolic.evaluate(t**2, {t: 3.0}) == 9.0


def test_gradient_and_jacobian_shapes():
    W = symbolic.symbol_matrix("w", 2, 3)
    L = sum(W) ** 2
    G = symbolic.gradient(L, W)
    assert G.shape == (2, 3)
    assert G == sp.ones(2, 3) * 2 * sum(W)
    assert symbolic.jacobian(W * W.T, W).shape == (4, 6)
    assert symbolic.flatten(W).shape == (6, 1)


def test_symbolic_network_matches_hand_chain_for_one_sample():
    # seed 002's "trick": dL/dW_2 = O_1^T (dL/dO_2 . dO_2/dN_2), here with sympy throughout
    W1 = symbolic.symbol_matrix("u", 2, 2)
    W2 = symbolic.symbol_matrix("v", 2, 1)
    net = symbolic.Network(
        [(symbolic.Linear(W1), symbolic.Sigmoid()), (symbolic.Linear(W2), symbolic.Identity())]
    )
    x = sp.Matrix([[1, -2]])
    target = sp.Matrix([[sp.Rational(1, 2)]])
    (dW1, _), (dW2, _) = net.gradients(x, target, symbolic.HalfSSELoss())
    out, trace = net.forward(x)
    O1 = trace[0][2]
    delta2 = out - target  # dL/dO_2 . identity Jacobian
    assert (dW2 - O1.T * delta2).applyfunc(sp.simplify) == sp.zeros(2, 1)
    delta1 = (delta2 * W2.T) * symbolic.Sigmoid().jacobian(trace[0][1])
    assert (dW1 - x.T * delta1).applyfunc(sp.simplify) == sp.zeros(2, 2)
