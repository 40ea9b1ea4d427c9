"""Linear (both conventions), Sigmoid and Identity: backward == finite differences == sympy == hand formula."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matgrad import Identity, Linear, Network, Sigmoid, numerical_gradient, relative_error, sigmoid
from tests.support import CONVENTIONS, SIZES, assert_close, assert_matches_finite_differences, linear_jacobians
from tests.support import matrices, sigmoid_jacobian, vectors

SYMPY_TOL = 1e-10


@st.composite
def linear_case(draw):
    """A Linear layer's (W, b, convention), a batch X and an upstream gradient dY of matching shapes.

    Row convention: W (n_in, n_out), X (batch, n_in), dY (batch, n_out).
    Column convention: W (n_out, n_in), X (n_in, batch), dY (n_out, batch).
    """
    batch, n_in, n_out = draw(SIZES), draw(SIZES), draw(SIZES)
    convention = draw(st.sampled_from(CONVENTIONS))
    b = draw(vectors(n_out))
    if convention == "row":
        return draw(matrices(n_in, n_out)), b, convention, draw(matrices(batch, n_in)), draw(matrices(batch, n_out))
    return draw(matrices(n_out, n_in)), b, convention, draw(matrices(n_in, batch)), draw(matrices(n_out, batch))


def samples(M, convention):
    """The samples of a batch, one 1-D array each (rows or columns)."""
    return list(M) if convention == "row" else list(M.T)


def linear_terms(W, b, X, dY, convention):
    """|terms| summed in forward (Y), and in backward (dX, dW, db)."""
    W, b, X, dY = (np.abs(a) for a in (W, b, X, dY))
    if convention == "row":
        return X @ W + b, dY @ W.T, X.T @ dY, dY.sum(axis=0)
    return W @ X + b[:, None], W.T @ dY, dY @ X.T, dY.sum(axis=1)


# ------------------------------------------------------------------ Linear
@settings(max_examples=60, deadline=None)
@given(linear_case())
def test_linear_backward_matches_finite_differences(case):
    W, b, convention, X, dY = case
    dX, dW, db = Linear(W, b, convention).backward(X, dY)

    # L = sum(dY * Y) has dL/dY = dY exactly, so its gradients are the backward's.
    def loss_of(W_, b_, X_):
        return float(np.sum(dY * Linear(W_, b_, convention).forward(X_)))

    assert_matches_finite_differences(dX, lambda X_: loss_of(W, b, X_), X)
    assert_matches_finite_differences(dW, lambda W_: loss_of(W_, b, X), W)
    assert_matches_finite_differences(db, lambda b_: loss_of(W, b_, X), b)


@settings(max_examples=60, deadline=None)
@given(linear_case())
def test_linear_backward_matches_sympy_jacobians(case):
    W, b, convention, X, dY = case
    layer = Linear(W, b, convention)
    dX, dW, db = layer.backward(X, dY)
    jac_x, jac_w, jac_b = linear_jacobians(layer.n_in, layer.n_out, convention)
    # Chain rule per sample: dL/dx = dL/dy . dy/dx; the parameters' gradients sum over samples.
    pairs = list(zip(samples(X, convention), samples(dY, convention)))
    dX_sym = np.array([dy @ jac_x(W, b, x) for x, dy in pairs])
    dW_sym = sum((dy @ jac_w(W, b, x)).reshape(W.shape) for x, dy in pairs)
    db_sym = sum(dy @ jac_b(W, b, x) for x, dy in pairs)
    _, dX_terms, dW_terms, db_terms = linear_terms(W, b, X, dY, convention)
    assert_close(dX, dX_sym if convention == "row" else dX_sym.T, dX_terms)
    assert_close(dW, dW_sym, dW_terms)
    assert_close(db, db_sym, db_terms)


@settings(max_examples=60, deadline=None)
@given(linear_case())
def test_linear_backward_matches_hand_formula(case):
    W, b, convention, X, dY = case
    dX, dW, db = Linear(W, b, convention).backward(X, dY)
    _, dX_terms, dW_terms, db_terms = linear_terms(W, b, X, dY, convention)
    row = convention == "row"
    # Index sums written out with W_ik meaning "input i to output k" in both conventions:
    # dL/dx_si = sum_k dY_sk W_ik; dL/dW_ik = sum_s X_si dY_sk; dL/db_k = sum_s dY_sk.
    Wr, Xr, dYr = (W, X, dY) if row else (W.T, X.T, dY.T)
    batch, n_in = Xr.shape
    n_out = Wr.shape[1]
    hand_dX = [[sum(dYr[s, k] * Wr[i, k] for k in range(n_out)) for i in range(n_in)] for s in range(batch)]
    hand_dW = [[sum(Xr[s, i] * dYr[s, k] for s in range(batch)) for k in range(n_out)] for i in range(n_in)]
    hand_db = [sum(dYr[s, k] for s in range(batch)) for k in range(n_out)]
    assert_close(dX, np.array(hand_dX) if row else np.array(hand_dX).T, dX_terms)
    assert_close(dW, np.array(hand_dW) if row else np.array(hand_dW).T, dW_terms)
    assert_close(db, hand_db, db_terms)


@settings(max_examples=30, deadline=None)
@given(linear_case())
def test_linear_forward_is_affine_map(case):
    W, b, convention, X, dY = case
    Y = Linear(W, b, convention).forward(X)
    Y_terms = linear_terms(W, b, X, dY, convention)[0]
    Wr, Xr = (W, X) if convention == "row" else (W.T, X.T)
    hand = [[b[k] + sum(x[i] * Wr[i, k] for i in range(Wr.shape[0])) for k in range(Wr.shape[1])] for x in Xr]
    assert_close(Y, np.array(hand) if convention == "row" else np.array(hand).T, Y_terms)


@settings(max_examples=30, deadline=None)
@given(linear_case())
def test_linear_jacobians_match_sympy(case):
    W, b, convention, X, _ = case
    layer = Linear(W, b, convention)
    jac_x, jac_w, jac_b = linear_jacobians(layer.n_in, layer.n_out, convention)
    x = samples(X, convention)[0]
    # no sums in a Linear layer's Jacobians: the entries are copies of W and x, so exactly equal
    np.testing.assert_array_equal(layer.jacobian_input(), jac_x(W, b, x))
    np.testing.assert_array_equal(layer.jacobian_input(x), jac_x(W, b, x))
    np.testing.assert_array_equal(layer.jacobian_weights(x), jac_w(W, b, x))
    np.testing.assert_array_equal(layer.jacobian_bias(x), jac_b(W, b, x))
    np.testing.assert_array_equal(layer.jacobian_bias(), np.eye(layer.n_out))
    assert layer.jacobian_input().shape == (layer.n_out, layer.n_in)
    assert layer.jacobian_weights(x).shape == (layer.n_out, W.size)


@settings(max_examples=30, deadline=None)
@given(linear_case())
def test_linear_conventions_agree_when_w_is_transposed(case):
    W, b, convention, X, dY = case
    layer = Linear(W, b, convention)
    other = Linear(W.T, b, "column" if convention == "row" else "row")
    terms = linear_terms(W, b, X, dY, convention)
    assert_close(other.forward(X.T), layer.forward(X).T, terms[0].T)
    for mine, theirs, mine_terms in zip(layer.backward(X, dY), other.backward(X.T, dY.T), terms[1:]):
        assert_close(theirs.T, mine, mine_terms)
    np.testing.assert_array_equal(layer.jacobian_input(), other.jacobian_input())


def test_linear_lecture_example_in_column_convention():
    # the lecture slides: W (2, 3), x = (9, 10, 11), dL/dy = (7, 8)
    layer = Linear([[1, 2, 3], [4, 5, 6]], convention="column")
    assert (layer.n_in, layer.n_out, layer.convention) == (3, 2, "column")
    np.testing.assert_array_equal(layer.forward([9, 10, 11]), [62, 152])
    dx, dW, db = layer.backward([9, 10, 11], [7, 8])
    np.testing.assert_array_equal(dx, [39, 54, 69])
    np.testing.assert_array_equal(dW, [[63, 70, 77], [72, 80, 88]])
    np.testing.assert_array_equal(db, [7, 8])
    np.testing.assert_array_equal(layer.jacobian_input(), [[1, 2, 3], [4, 5, 6]])


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_linear_one_dimensional_input_is_one_sample(convention):
    W = [[1.0, 2.0], [3.0, 4.0]]
    layer = Linear(W, [0.5, -0.5], convention)
    y = layer.forward([1.0, 1.0])
    assert y.shape == (2,)
    np.testing.assert_array_equal(y, [4.5, 5.5] if convention == "row" else [3.5, 6.5])
    dX, dW, db = layer.backward([1.0, 2.0], [1.0, -1.0])
    assert dX.shape == (2,) and dW.shape == (2, 2) and db.shape == (2,)
    outer = [[1.0, -1.0], [2.0, -2.0]]
    np.testing.assert_array_equal(dW, outer if convention == "row" else np.transpose(outer))
    np.testing.assert_array_equal(layer.forward([[1.0, 1.0]] if convention == "row" else [[1.0], [1.0]]).ravel(), y)


@pytest.mark.parametrize("bias", [[1.0, 2.0, 3.0], [[1.0, 2.0, 3.0]], [[1.0], [2.0], [3.0]]])
def test_linear_bias_is_any_vector_of_n_out_entries(bias):
    for layer in (Linear(np.ones((2, 3)), bias), Linear(np.ones((3, 2)), bias, convention="column")):
        np.testing.assert_array_equal(layer.b, [1.0, 2.0, 3.0])
        assert layer.b.shape == (3,)


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



def test_inputs_that_look_wrong_but_have_a_right_answer():
    # the finite-difference step is relative to x: 2e20 (not 0) for d(x^2)/dx at 1e20
    assert numerical_gradient(lambda v: float(v[0] ** 2), [1e20])[0] == pytest.approx(2e20, rel=1e-6)
    assert numerical_gradient(lambda v: float(v[0] ** 3), [1e-3])[0] == pytest.approx(3e-6, rel=1e-6)
    # a (Linear, activation) pair given as a list is a pair
    as_list = Network([[Linear([[2.0]], [1.0]), Identity()]])
    assert as_list.forward([[3.0]])[0].tolist() == [[7.0]]
    # a bias given as a row or a column is the same bias
    for bias in ([[1.0, 2.0, 3.0]], [[1.0], [2.0], [3.0]]):
        np.testing.assert_array_equal(Linear(np.ones((2, 3)), bias).b, [1.0, 2.0, 3.0])
    # huge but finite numbers that do not overflow give finite results, without a warning
    assert np.isfinite(Sigmoid().derivative([1e308, -1e308])).all()
    np.testing.assert_array_equal(Sigmoid().backward([1e308, -1e308], [1.0, 1.0]), [0.0, 0.0])
    assert relative_error([1e200, 0.0], [1e200, 1e190]) == pytest.approx(1e-10, rel=1e-9)


def test_an_error_inside_f_names_the_point_and_keeps_the_original_as_its_cause():
    def f(v):
        raise KeyError("boom")

    with pytest.raises(ValueError) as info:
        numerical_gradient(f, [3.0])
    assert "KeyError" in str(info.value) and "3.000003" in str(info.value)  # the moved point
    assert isinstance(info.value.__cause__, KeyError)
