"""Network: gradients == finite differences == sympy (whole-loss differentiation) == hand chain rule."""

import functools
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid, symbolic
from tests.support import CONVENTIONS, ROUNDING, assert_close, assert_matches_finite_differences, gradient_terms, matrices, vectors

ACTIVATIONS = {"sigmoid": (Sigmoid, symbolic.Sigmoid), "identity": (Identity, symbolic.Identity)}
LOSSES = {"mse": (MSELoss, symbolic.MSELoss), "halfsse": (HalfSSELoss, symbolic.HalfSSELoss)}
ARCHITECTURES = [
    ((1, 2, 1), ("sigmoid", "identity")),
    ((2, 3, 2), ("sigmoid", "sigmoid")),
    ((3, 2, 1), ("identity", "sigmoid")),
    ((1, 2, 2, 1), ("sigmoid", "sigmoid", "identity")),  # the homework's shape
]
BATCH = 2


@st.composite
def network_case(draw):
    """Row-convention parameters and data, and the convention to build the network in."""
    sizes, acts = draw(st.sampled_from(ARCHITECTURES))
    loss_name = draw(st.sampled_from(sorted(LOSSES)))
    params = [
        (draw(matrices(n_in, n_out)), draw(vectors(n_out)))
        for n_in, n_out in zip(sizes[:-1], sizes[1:])
    ]
    X = draw(matrices(BATCH, sizes[0]))
    y = draw(matrices(BATCH, sizes[-1]))
    return sizes, acts, loss_name, params, X, y, draw(st.sampled_from(CONVENTIONS))


def build(acts, params, convention="row"):
    """The network of row-convention ``params``; in column convention each W is transposed."""
    return Network([
        (Linear(W if convention == "row" else W.T, b, convention), ACTIVATIONS[a][0]())
        for a, (W, b) in zip(acts, params)
    ])


def oriented(M, convention):
    """A row-convention batch (or gradient) as the convention holds it."""
    return M if convention == "row" else M.T


def flat_parameters(params):
    return np.concatenate([np.concatenate([W.ravel(), b]) for W, b in params])


def unflatten(theta, sizes):
    params, at = [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        W = theta[at : at + n_in * n_out].reshape(n_in, n_out)
        at += n_in * n_out
        params.append((W, theta[at : at + n_out]))
        at += n_out
    return params


@functools.lru_cache(maxsize=None)
def sympy_gradient_function(sizes, acts, loss_name, convention="row"):
    """Numpy function (params..., X, y) -> flat gradient, derived by sympy from the whole loss.

    Parameters and data are passed as the convention holds them.
    """
    symbols, layers = [], []
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        if convention == "row":
            W, b = symbolic.symbol_matrix(f"w{k}_", n_in, n_out), symbolic.symbol_row(f"b{k}_", n_out)
        else:
            W, b = symbolic.symbol_matrix(f"w{k}_", n_out, n_in), symbolic.symbol_column(f"b{k}_", n_out)
        symbols += [W, b]
        layers.append((symbolic.Linear(W, b, convention), ACTIVATIONS[acts[k - 1]][1]()))
    shape_X, shape_y = (BATCH, sizes[0]), (BATCH, sizes[-1])
    if convention == "column":
        shape_X, shape_y = shape_X[::-1], shape_y[::-1]
    X, y = symbolic.symbol_matrix("x", *shape_X), symbolic.symbol_matrix("y", *shape_y)
    grads = symbolic.Network(layers).gradients(X, y, LOSSES[loss_name][1]())
    flat = [entry for dW, db in grads for entry in list(dW) + list(db)]
    return symbolic.lambdify(symbols + [X, y], sp.Matrix(flat))


@settings(max_examples=40, deadline=None)
@given(network_case())
def test_gradients_match_finite_differences(case):
    sizes, acts, loss_name, params, X, y, convention = case
    loss = LOSSES[loss_name][0]()
    Xc, yc = oriented(X, convention), oriented(y, convention)
    grads = build(acts, params, convention).gradients(Xc, yc, loss)
    analytic = flat_parameters([(oriented(dW, convention), db) for dW, db in grads])
    theta = flat_parameters(params)
    assert_matches_finite_differences(
        analytic, lambda t: build(acts, unflatten(t, sizes), convention).loss(Xc, yc, loss), theta
    )


@settings(max_examples=40, deadline=None)
@given(network_case())
def test_gradients_match_sympy(case):
    sizes, acts, loss_name, params, X, y, convention = case
    net, loss = build(acts, params, convention), LOSSES[loss_name][0]()
    Xc, yc = oriented(X, convention), oriented(y, convention)
    grads = net.gradients(Xc, yc, loss)
    f = sympy_gradient_function(sizes, acts, loss_name, convention)
    values = [v for lin, _ in net.layers for v in (lin.W, lin.b)] + [Xc, yc]
    expected = f(*values).ravel()
    terms = flat_parameters(gradient_terms(net, Xc, yc, loss))
    assert_close(flat_parameters(grads), expected, terms)


def hand_gradients_two_layer(W1, b1, W2, b2, X, y):
    """Chain rule written out with scalar loops: sigmoid hidden layer, identity output, half-SSE."""
    n_in, n_hidden = W1.shape
    n_out = W2.shape[1]
    dW1, db1 = np.zeros_like(W1), np.zeros_like(b1)
    dW2, db2 = np.zeros_like(W2), np.zeros_like(b2)
    for x, target in zip(X, y):
        pre = [b1[j] + sum(x[i] * W1[i, j] for i in range(n_in)) for j in range(n_hidden)]
        h = [1.0 / (1.0 + math.exp(-p)) for p in pre]
        out = [b2[k] + sum(h[j] * W2[j, k] for j in range(n_hidden)) for k in range(n_out)]
        err = [out[k] - target[k] for k in range(n_out)]  # dL/dout for 1/2 sum (out - y)^2
        for k in range(n_out):
            db2[k] += err[k]
            for j in range(n_hidden):
                dW2[j, k] += h[j] * err[k]
        for j in range(n_hidden):
            delta = sum(err[k] * W2[j, k] for k in range(n_out)) * h[j] * (1.0 - h[j])
            db1[j] += delta
            for i in range(n_in):
                dW1[i, j] += x[i] * delta
    return [(dW1, db1), (dW2, db2)]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_gradients_match_hand_chain_rule(data):
    n_in, n_hidden, n_out = (data.draw(st.integers(1, 3)) for _ in range(3))
    W1, b1 = data.draw(matrices(n_in, n_hidden)), data.draw(vectors(n_hidden))
    W2, b2 = data.draw(matrices(n_hidden, n_out)), data.draw(vectors(n_out))
    X, y = data.draw(matrices(3, n_in)), data.draw(matrices(3, n_out))
    convention = data.draw(st.sampled_from(CONVENTIONS))
    net = build(("sigmoid", "identity"), [(W1, b1), (W2, b2)], convention)
    Xc, yc = oriented(X, convention), oriented(y, convention)
    grads = net.gradients(Xc, yc, HalfSSELoss())
    hand = hand_gradients_two_layer(W1, b1, W2, b2, X, y)
    terms = gradient_terms(net, Xc, yc, HalfSSELoss())
    # The hand formula's s' = h (1 - h) loses digits where h is near 1: 1 - h is off by up to
    # one ulp of 1 (2.2e-16) however small it is. Its terms carry that absolute error too.
    h = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
    upstream = np.abs(h @ W2 + b2 - y) @ np.abs(W2).T  # |dL/dh| for the half SSE
    slack = upstream * h * np.finfo(float).eps / ROUNDING
    terms[0] = (terms[0][0] + oriented(np.abs(X).T @ slack, convention), terms[0][1] + slack.sum(axis=0))
    for (dW, db), (hW, hb), (tW, tb) in zip(grads, hand, terms):
        assert_close(dW, oriented(hW, convention), tW)
        assert_close(db, hb, tb)


def test_forward_trace_holds_every_intermediate():
    net = Network(
        [
            (Linear([[1.0, -1.0]], [0.0, 0.5]), Sigmoid()),
            (Linear([[2.0], [1.0]], [0.1]), Identity()),
        ]
    )
    X = np.array([[0.5], [-1.0]])
    yhat, trace = net.forward(X)
    assert len(trace) == 2
    np.testing.assert_array_equal(trace[0].input, X)
    np.testing.assert_allclose(trace[0].pre, X @ np.array([[1.0, -1.0]]) + [0.0, 0.5])
    np.testing.assert_allclose(trace[0].out, 1 / (1 + np.exp(-trace[0].pre)))
    np.testing.assert_array_equal(trace[1].input, trace[0].out)
    np.testing.assert_allclose(trace[1].pre, trace[0].out @ [[2.0], [1.0]] + 0.1)
    np.testing.assert_array_equal(yhat, trace[1].out)
    assert net.sizes == (1, 2, 1)


def test_one_dimensional_input_is_one_sample():
    net = Network([(Linear([[1.0], [2.0]], [0.0]), Identity())])
    yhat, _ = net.forward([1.0, 1.0])
    np.testing.assert_array_equal(yhat, [[3.0]])
    ((dW, db),) = net.gradients([1.0, 1.0], [1.0], HalfSSELoss())
    np.testing.assert_array_equal(dW, [[2.0], [2.0]])
    np.testing.assert_array_equal(db, [2.0])


def test_step_returns_a_new_network_and_lowers_the_loss():
    net = Network(
        [(Linear([[1.0, 2.0]], [0.0, 1.0]), Sigmoid()), (Linear([[1.0], [2.0]], [1.0]), Identity())]
    )
    X, y = np.array([[-1.0], [0.0], [1.0]]), np.array([[1.0], [0.0], [-1.0]])
    W_before = net.layers[0][0].W.copy()
    stepped = net.step(X, y, MSELoss(), lr=0.1)
    assert stepped is not net
    np.testing.assert_array_equal(net.layers[0][0].W, W_before)  # unchanged
    for (lin, _), (new, _), (dW, db) in zip(
        net.layers, stepped.layers, net.gradients(X, y, MSELoss())
    ):
        np.testing.assert_allclose(new.W, lin.W - 0.1 * dW, rtol=0, atol=1e-15)
        np.testing.assert_allclose(new.b, lin.b - 0.1 * db, rtol=0, atol=1e-15)
    assert stepped.loss(X, y, MSELoss()) < net.loss(X, y, MSELoss())


@pytest.mark.parametrize("loss", [MSELoss(), HalfSSELoss()])
def test_loss_gradients_three_ways(loss):
    yhat = np.array([[0.5, -1.0], [2.0, 0.25]])
    y = np.array([[1.0, 0.0], [-1.0, 0.5]])
    grad = loss.grad(yhat, y)
    assert_matches_finite_differences(grad, lambda v: loss.value(v, y), yhat)
    # hand formulas
    if isinstance(loss, MSELoss):
        assert loss.value(yhat, y) == pytest.approx(((yhat - y) ** 2).sum() / 4, rel=1e-15)
        np.testing.assert_allclose(grad, 2 * (yhat - y) / 4, rtol=1e-15)
    else:
        assert loss.value(yhat, y) == pytest.approx(((yhat - y) ** 2).sum() / 2, rel=1e-15)
        np.testing.assert_allclose(grad, yhat - y, rtol=1e-15)
    # sympy exact
    sym_loss = symbolic.MSELoss() if isinstance(loss, MSELoss) else symbolic.HalfSSELoss()
    Yh = symbolic.symbol_matrix("p", 2, 2)
    expr = sym_loss.value(Yh, sp.Matrix(y))
    np.testing.assert_allclose(
        symbolic.evaluate(symbolic.gradient(expr, Yh), [(Yh, yhat)]), grad, rtol=1e-14
    )
    assert symbolic.evaluate(expr, [(Yh, yhat)]) == pytest.approx(loss.value(yhat, y), rel=1e-14)
