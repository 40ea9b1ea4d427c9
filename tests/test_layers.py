"""Linear, Sigmoid and Identity: backward == finite differences == sympy == hand formula."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matgrad import Identity, Linear, Sigmoid, gradcheck, relative_error, sigmoid
from support import FD_TOL, assert_matches_finite_differences, SIZES, linear_jacobians, matrices, sigmoid_jacobian, vectors

SYMPY_TOL = 1e-10


@st.composite
def linear_case(draw):
    """A Linear layer, a batch X and an upstream gradient dY of matching shapes."""
    batch, n_in, n_out = draw(SIZES), draw(SIZES), draw(SIZES)
    W = draw(matrices(n_in, n_out))
    b = draw(vectors(n_out))
    X = draw(matrices(batch, n_in))
    dY = draw(matrices(batch, n_out))
    return W, b, X, dY


# ------------------------------------------------------------------ Linear
@settings(max_examples=60, deadline=None)
@given(linear_case())
def test_linear_backward_matches_finite_differences(case):
    W, b, X, dY = case
    dX, dW, db = Linear(W, b).backward(X, dY)

    # L = sum(dY * Y) has dL/dY = dY exactly, so its gradients are the backward's.
    def loss_of(W_, b_, X_):
        return float(np.sum(dY * Linear(W_, b_).forward(X_)))

    assert_matches_finite_differences(dX, lambda X_: loss_of(W, b, X_), X)
    assert_matches_finite_differences(dW, lambda W_: loss_of(W_, b, X), W)
    assert_matches_finite_differences(db, lambda b_: loss_of(W, b_, X), b)


@settings(max_examples=60, deadline=None)
@given(linear_case())
def test_linear_backward_matches_sympy_jacobians(case):
    W, b, X, dY = case
    n_in, n_out = W.shape
    dX, dW, db = Linear(W, b).backward(X, dY)
    jac_x, jac_w, jac_b = linear_jacobians(n_in, n_out)
    # Chain rule per sample (a row): dL/dx = dL/dy . dy/dx; parameters sum over samples.
    dX_sym = np.array([dy @ jac_x(W, b, x) for x, dy in zip(X, dY)])
    dW_sym = sum((dy @ jac_w(W, b, x)).reshape(n_in, n_out) for x, dy in zip(X, dY))
    db_sym = sum(dy @ jac_b(W, b, x) for x, dy in zip(X, dY))
    assert relative_error(dX, dX_sym) < SYMPY_TOL
    assert relative_error(dW, dW_sym) < SYMPY_TOL
    assert relative_error(db, db_sym) < SYMPY_TOL


@settings(max_examples=60, deadline=None)
@given(linear_case())
def test_linear_backward_matches_hand_formula(case):
    W, b, X, dY = case
    dX, dW, db = Linear(W, b).backward(X, dY)
    batch, n_in = X.shape
    n_out = W.shape[1]
    # Index sums written out: dL/dx_si = sum_k dY_sk W_ik; dL/dW_ij = sum_s X_si dY_sj.
    for s in range(batch):
        for i in range(n_in):
            expected = sum(dY[s, k] * W[i, k] for k in range(n_out))
            assert dX[s, i] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    for i in range(n_in):
        for j in range(n_out):
            expected = sum(X[s, i] * dY[s, j] for s in range(batch))
            assert dW[i, j] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    for j in range(n_out):
        assert db[j] == pytest.approx(sum(dY[s, j] for s in range(batch)), rel=1e-12, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(linear_case())
def test_linear_forward_is_affine_map(case):
    W, b, X, _ = case
    Y = Linear(W, b).forward(X)
    for s in range(X.shape[0]):
        for j in range(W.shape[1]):
            expected = b[j] + sum(X[s, i] * W[i, j] for i in range(W.shape[0]))
            assert Y[s, j] == pytest.approx(expected, rel=1e-12, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(linear_case())
def test_linear_jacobians_match_sympy(case):
    W, b, X, _ = case
    layer = Linear(W, b)
    jac_x, jac_w, _ = linear_jacobians(*W.shape)
    x = X[0]
    assert relative_error(layer.jacobian_input(), jac_x(W, b, x)) < SYMPY_TOL
    assert relative_error(layer.jacobian_weights(x), jac_w(W, b, x)) < SYMPY_TOL
    assert layer.jacobian_input().shape == (W.shape[1], W.shape[0])
    assert layer.jacobian_weights(x).shape == (W.shape[1], W.size)


def test_linear_one_dimensional_input_is_one_row():
    layer = Linear([[1.0, 2.0], [3.0, 4.0]], [0.5, -0.5])
    y = layer.forward([1.0, 1.0])
    assert y.shape == (2,)
    np.testing.assert_array_equal(y, [4.5, 5.5])
    dX, dW, db = layer.backward([1.0, 2.0], [1.0, -1.0])
    assert dX.shape == (2,) and dW.shape == (2, 2) and db.shape == (2,)
    np.testing.assert_array_equal(dW, [[1.0, -1.0], [2.0, -2.0]])


def test_linear_parameters_are_private_read_only_copies():
    W = np.array([[1.0, 2.0]])
    layer = Linear(W, [0.0, 0.0])
    W[0, 0] = 99.0
    assert layer.W[0, 0] == 1.0
    with pytest.raises(ValueError, match="read-only"):
        layer.W[0, 0] = 5.0


def test_linear_bias_defaults_to_zeros():
    np.testing.assert_array_equal(Linear(np.ones((2, 3))).b, np.zeros(3))


# ---------------------------------------------------------------- Sigmoid
@st.composite
def activation_case(draw):
    batch, n = draw(SIZES), draw(SIZES)
    wide = st.floats(min_value=-30.0, max_value=30.0, allow_nan=False, width=64)
    return draw(matrices(batch, n, wide)), draw(matrices(batch, n))


@settings(max_examples=60, deadline=None)
@given(activation_case())
def test_sigmoid_backward_matches_finite_differences(case):
    Z, dO = case
    dZ = Sigmoid().backward(Z, dO)
    assert_matches_finite_differences(dZ, lambda Z_: float(np.sum(dO * Sigmoid().forward(Z_))), Z)


@settings(max_examples=60, deadline=None)
@given(activation_case())
def test_sigmoid_backward_matches_sympy_jacobian(case):
    Z, dO = case
    dZ = Sigmoid().backward(Z, dO)
    jac = sigmoid_jacobian(Z.shape[1])
    expected = np.array([do @ jac(z) for z, do in zip(Z, dO)])
    assert relative_error(dZ, expected) < SYMPY_TOL
    assert np.allclose(Sigmoid().jacobian(Z[0]), jac(Z[0]), rtol=1e-12, atol=1e-300)


@settings(max_examples=60, deadline=None)
@given(activation_case())
def test_sigmoid_matches_hand_formula(case):
    Z, dO = case
    out = Sigmoid().forward(Z)
    dZ = Sigmoid().backward(Z, dO)
    for (s, j), z in np.ndenumerate(Z):
        hand = 1.0 / (1.0 + math.exp(-z))  # safe: |z| <= 30 here
        assert out[s, j] == pytest.approx(hand, rel=1e-12)
        # The textbook s (1 - s) carries an absolute round-off of ~1e-16 (from 1 - s).
        assert dZ[s, j] == pytest.approx(dO[s, j] * hand * (1.0 - hand), rel=1e-9, abs=1e-15)


@settings(max_examples=100, deadline=None)
@given(vectors(5, st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, width=64)))
def test_sigmoid_is_stable_for_large_inputs(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any overflow warning fails the test
        s = Sigmoid().forward(z)
        d = Sigmoid().derivative(z)
    assert np.all((s >= 0.0) & (s <= 1.0))
    assert np.all((d >= 0.0) & (d <= np.nextafter(0.25, 1.0)))  # s' <= 1/4, to one ulp
    # symmetry s(-z) = 1 - s(z)
    np.testing.assert_allclose(sigmoid(-z), 1.0 - s, atol=1e-15)


def test_sigmoid_extremes_exact():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = Sigmoid().forward(np.array([-1e3, 0.0, 1e3]))
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])
    assert Sigmoid().derivative(np.array([0.0]))[0] == 0.25


def test_sigmoid_jacobian_is_diagonal():
    J = Sigmoid().jacobian([0.0, 1.0, -2.0])
    assert J.shape == (3, 3)
    np.testing.assert_array_equal(J, np.diag(np.diag(J)))
    np.testing.assert_allclose(np.diag(J), Sigmoid().derivative(np.array([0.0, 1.0, -2.0])))


# --------------------------------------------------------------- Identity
@settings(max_examples=30, deadline=None)
@given(activation_case())
def test_identity_passes_values_and_gradients_through(case):
    Z, dO = case
    np.testing.assert_array_equal(Identity().forward(Z), Z)
    np.testing.assert_array_equal(Identity().backward(Z, dO), dO)
    assert_matches_finite_differences(
        Identity().backward(Z, dO), lambda Z_: float(np.sum(dO * Identity().forward(Z_))), Z
    )
    np.testing.assert_array_equal(Identity().jacobian(Z[0]), np.eye(Z.shape[1]))


def test_identity_forward_returns_a_copy():
    Z = np.array([1.0, 2.0])
    out = Identity().forward(Z)
    out[0] = 10.0
    assert Z[0] == 1.0

