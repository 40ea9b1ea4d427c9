"""matgrad.symbolic: the sympy-derived Jacobians against their closed forms, in both conventions."""

import numpy as np
import pytest
import sympy as sp

from tests.bad_input import Case, assert_clear_error
from tests.support import small_net
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


@pytest.mark.parametrize("convention", ["row", "column"])
def test_backward_derived_by_sympy_equals_the_closed_forms(convention):
    row = convention == "row"
    W = symbolic.symbol_matrix("w", 2, 3) if row else symbolic.symbol_matrix("w", 3, 2)
    b = symbolic.symbol_row("b", 3) if row else symbolic.symbol_column("b", 3)
    X = symbolic.symbol_matrix("x", 4, 2) if row else symbolic.symbol_matrix("x", 2, 4)
    G = symbolic.symbol_matrix("g", 4, 3) if row else symbolic.symbol_matrix("g", 3, 4)
    dX, dW, db = symbolic.Linear(W, b, convention).backward(X, G)
    if row:
        assert (dX, dW, db) == (G * W.T, X.T * G, sp.ones(1, 4) * G)
    else:
        assert (dX, dW, db) == (W.T * G, G * X.T, G * sp.ones(4, 1))
    assert db.shape == b.shape


@pytest.mark.parametrize("convention, shape", [("row", (1, 2)), ("column", (2, 1))])
def test_a_one_dimensional_input_is_one_sample_in_its_convention(convention, shape):
    W = symbolic.symbol_matrix("w", 2, 2)
    layer = symbolic.Linear(W, [1, 2], convention)
    assert layer.b.shape == shape
    y = layer.forward([3, 4])
    assert y.shape == shape
    assert list(y) == list(layer.forward(sp.Matrix(*shape, [3, 4])))
    net = symbolic.Network([(layer, symbolic.Identity())])
    assert net.forward([3, 4])[0].shape == shape


def test_activation_derivative_and_backward_are_derived():
    z = symbolic.symbol_row("z", 3)
    s = symbolic.sigmoid(z)
    assert (symbolic.Sigmoid().derivative(z) - s.multiply_elementwise(sp.ones(1, 3) - s)).applyfunc(sp.simplify) == sp.zeros(1, 3)
    g = symbolic.symbol_row("g", 3)
    assert symbolic.Sigmoid().backward(z, g) == g.multiply_elementwise(symbolic.Sigmoid().derivative(z))
    assert symbolic.Identity().derivative(z) == sp.ones(1, 3)
    assert symbolic.Identity().backward(z, g) == g


def test_loss_grad_is_derived_from_value():
    p, q = symbolic.symbol_matrix("p", 2, 2), symbolic.symbol_matrix("q", 2, 2)
    assert symbolic.MSELoss().grad(p, q) == (p - q) * sp.Rational(2, 4)
    assert symbolic.HalfSSELoss().grad(p, q) == p - q


@pytest.mark.parametrize("convention", ["row", "column"])
def test_network_step_is_w_minus_lr_times_the_gradient(convention):
    row = convention == "row"
    vector = symbolic.symbol_row if row else symbolic.symbol_column
    W1 = symbolic.symbol_matrix("u", 1, 2) if row else symbolic.symbol_matrix("u", 2, 1)
    W2 = symbolic.symbol_matrix("v", 2, 1) if row else symbolic.symbol_matrix("v", 1, 2)
    net = symbolic.Network([
        (symbolic.Linear(W1, vector("c", 2), convention), symbolic.Sigmoid()),
        (symbolic.Linear(W2, vector("d", 1), convention), symbolic.Identity()),
    ])
    X, y, eta = [[1], [-2]] if row else [[1, -2]], [[0], [1]] if row else [[0, 1]], sp.Symbol("eta")
    stepped = net.step(X, y, symbolic.MSELoss(), eta)
    assert stepped.sizes == net.sizes == (1, 2, 1) and stepped.convention == convention
    for (old, _), (new, _), (dW, db) in zip(net.layers, stepped.layers, net.gradients(X, y, symbolic.MSELoss())):
        assert new.W == old.W - eta * dW and new.b == old.b - eta * db


def test_network_conventions_agree_when_everything_is_transposed():
    W1, W2 = symbolic.symbol_matrix("u", 2, 2), symbolic.symbol_matrix("v", 2, 1)
    b1, b2 = symbolic.symbol_row("c", 2), symbolic.symbol_row("d", 1)
    X, y = symbolic.symbol_matrix("x", 3, 2), symbolic.symbol_matrix("y", 3, 1)
    row = symbolic.Network([(symbolic.Linear(W1, b1), symbolic.Sigmoid()), (symbolic.Linear(W2, b2), symbolic.Identity())])
    col = symbolic.Network([(symbolic.Linear(W1.T, b1, "column"), symbolic.Sigmoid()),
                            (symbolic.Linear(W2.T, b2, "column"), symbolic.Identity())])
    assert row.loss(X, y, symbolic.HalfSSELoss()) == col.loss(X.T, y.T, symbolic.HalfSSELoss())
    for (rW, rb), (cW, cb) in zip(row.gradients(X, y, symbolic.HalfSSELoss()), col.gradients(X.T, y.T, symbolic.HalfSSELoss())):
        assert rW == cW.T and rb == cb.T


def test_layers_built_from_the_same_symbols_are_refused():
    W = symbolic.symbol_matrix("w", 2, 2)
    shared = [(symbolic.Linear(W), symbolic.Sigmoid()), (symbolic.Linear(W.T), symbolic.Identity())]
    assert_clear_error(Case(lambda: symbolic.Network(shared), ValueError, "layers[1]", "w12"))
    assert_clear_error(Case(lambda: symbolic.Linear(W, W[0, :]), ValueError, "W and b", "w11"))
    # numbers (say two zero biases) and expressions are not aliases
    net = symbolic.Network([(symbolic.Linear(W), symbolic.Sigmoid()),
                            (symbolic.Linear(symbolic.symbol_matrix("v", 2, 2)), symbolic.Identity())])
    assert net.sizes == (2, 2, 2)


def test_bad_looking_input_that_has_a_right_answer():
    W22, T = symbolic.symbol_matrix("w", 2, 2), sp.Symbol("t")
    assert symbolic.symbol_matrix("w", sp.Integer(2), np.int64(2)).shape == (2, 2)
    assert symbolic.lambdify([T], [T, T**2])(3.0).tolist() == [3.0, 9.0]
    assert symbolic.lambdify([T], [[T], [T**2]])(3.0).shape == (2, 1)
    # a 1-D list is one sample: a row in row convention, a column in column convention
    assert symbolic.kronecker_weight_jacobian([1, 2], 3) == sp.kronecker_product(sp.Matrix([[1, 2]]), sp.eye(3))
    column = symbolic.kronecker_weight_jacobian([1, 2], 3, "column")
    assert column == sp.kronecker_product(sp.eye(3), sp.Matrix([[1, 2]]))
    # the default (numeric zero) bias is differentiated through placeholders
    assert symbolic.Linear(W22).jacobian_bias(symbolic.symbol_row("x", 2)) == sp.eye(2)
    assert symbolic.Linear([[1, 2], [3, 4]]).jacobian_input([5, 6]) == sp.Matrix([[1, 3], [2, 4]])
    # a (Linear, activation) pair given as a list is a pair
    listed = symbolic.Network([[symbolic.Linear(W22), symbolic.Identity()]])
    assert listed.forward([1, 1])[0] == sp.Matrix([[W22[0, 0] + W22[1, 0], W22[0, 1] + W22[1, 1]]])
    # a stepped network (entries are expressions now) is a valid network
    eta = sp.Symbol("eta", positive=True)
    stepped = small_net().step([[1]], [[0]], symbolic.HalfSSELoss(), eta)
    assert stepped.sizes == (1, 2, 1) and eta in stepped.layers[0][0].W[0, 0].free_symbols
    assert stepped.loss([[1]], [[0]], symbolic.HalfSSELoss()).has(eta)


def test_numpy_arrays_are_matrices_everywhere():
    """sigmoid takes a 2-D float array like every other function of matgrad.symbolic."""
    Z = np.array([[0.0, 1.5], [-2.0, 0.25]])
    entries = sp.Matrix(2, 2, [symbolic.sigmoid(z) for z in Z.ravel()])
    assert symbolic.sigmoid(Z) == symbolic.Sigmoid().forward(Z) == entries
    assert symbolic.sigmoid(np.zeros(3)).shape == (1, 3)
    assert (symbolic.Linear(np.eye(2)).forward(Z) - sp.Matrix(Z)).is_zero_matrix
    assert symbolic.MSELoss().value(Z, Z) == 0
