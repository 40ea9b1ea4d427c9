"""The numeric core and matgrad.symbolic are twins: same classes, methods, signatures,
argument conventions and result shapes -- and, evaluated, the same numbers.

README promises "same names, so a notebook switches with one import"; this
file enumerates the numeric API with ``inspect`` so a method added to one twin
only fails here.
"""

import functools
import inspect

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import matgrad
from matgrad import symbolic
from tests.support import CONVENTIONS, FLOATS, assert_close, gradient_terms, matrices, vectors

TWINS = ["Linear", "Sigmoid", "Identity", "MSELoss", "HalfSSELoss", "Network"]
NUMERIC_ONLY = {"numerical_gradient", "relative_error"}  # finite differences have no symbolic twin


def public_members(cls):
    """``{name: static attribute}`` of the public methods and properties, plus ``__init__``."""
    names = [n for n in dir(cls) if not n.startswith("_")] + ["__init__"]
    return {n: inspect.getattr_static(cls, n) for n in names}


def parameters(function):
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def test_every_public_name_of_the_core_has_a_symbolic_twin():
    assert set(matgrad.__all__) - NUMERIC_ONLY <= set(symbolic.__all__)
    assert symbolic.LayerTrace is matgrad.LayerTrace


@pytest.mark.parametrize("name", TWINS)
def test_twins_have_the_same_methods_properties_and_signatures(name):
    numeric, twin = public_members(getattr(matgrad, name)), public_members(getattr(symbolic, name))
    assert sorted(numeric) == sorted(twin), f"{name}: public members differ"
    for member, attribute in numeric.items():
        if isinstance(attribute, property):
            assert isinstance(twin[member], property), f"{name}.{member} is a property in one twin only"
        else:
            assert callable(attribute) and callable(twin[member])
            assert parameters(attribute) == parameters(twin[member]), f"{name}.{member} signatures differ"


def example_instances():
    W = [[1, 2], [3, 4]]
    pair = lambda lib: lib.Network([(lib.Linear(W, [0, 1]), lib.Sigmoid())])  # noqa: E731
    return [
        (matgrad.Linear(W), symbolic.Linear(W)),
        (pair(matgrad), pair(symbolic)),
        (matgrad.Sigmoid(), symbolic.Sigmoid()),
        (matgrad.MSELoss(), symbolic.MSELoss()),
    ]


@pytest.mark.parametrize("numeric, twin", example_instances(), ids=lambda o: type(o).__name__)
def test_twins_have_the_same_public_attributes(numeric, twin):
    public = lambda obj: sorted(a for a in vars(obj) if not a.startswith("_"))  # noqa: E731
    assert public(numeric) == public(twin)


# ------------------------------------------------------------------ values
def sample_shape(n, convention):
    return (1, n) if convention == "row" else (n, 1)


def batch_shape(batch, n, convention):
    return (batch, n) if convention == "row" else (n, batch)


@functools.lru_cache(maxsize=None)
def linear_twin(n_in, n_out, batch, convention):
    """Numpy functions (W, b, X, dY) of every symbolic Linear method, and the layer's symbols."""
    W_shape = (n_in, n_out) if convention == "row" else (n_out, n_in)
    W = symbolic.symbol_matrix("w", *W_shape)
    b = symbolic.symbol_row("b", n_out) if convention == "row" else symbolic.symbol_column("b", n_out)
    X = symbolic.symbol_matrix("x", *batch_shape(batch, n_in, convention))
    dY = symbolic.symbol_matrix("g", *batch_shape(batch, n_out, convention))
    x, g = (X[0, :], dY[0, :]) if convention == "row" else (X[:, 0], dY[:, 0])
    layer = symbolic.Linear(W, b, convention)
    dX, dW, db = layer.backward(X, dY)
    results = {
        "forward": layer.forward(X), "forward 1-D": layer.forward(list(x)),
        "dX": dX, "dW": dW, "db": db, "dx 1-D": layer.backward(list(x), list(g))[0],
        "jacobian_input(x)": layer.jacobian_input(x), "jacobian_input()": layer.jacobian_input(),
        "jacobian_weights(x)": layer.jacobian_weights(list(x)),
        "jacobian_bias(x)": layer.jacobian_bias(x), "jacobian_bias()": layer.jacobian_bias(),
    }
    shapes = {key: value.shape for key, value in results.items()}
    return {key: symbolic.lambdify([W, b, X, dY], value) for key, value in results.items()}, shapes


@st.composite
def linear_values(draw):
    n_in, n_out, batch = (draw(st.integers(1, 3)) for _ in range(3))
    convention = draw(st.sampled_from(CONVENTIONS))
    W_shape = (n_in, n_out) if convention == "row" else (n_out, n_in)
    W, b = draw(matrices(*W_shape)), draw(vectors(n_out))
    X = draw(matrices(*batch_shape(batch, n_in, convention)))
    dY = draw(matrices(*batch_shape(batch, n_out, convention)))
    return n_in, n_out, batch, convention, W, b, X, dY


@settings(max_examples=40, deadline=None)
@given(linear_values())
def test_linear_twins_give_the_same_numbers_and_shapes(case):
    n_in, n_out, batch, convention, W, b, X, dY = case
    functions, shapes = linear_twin(n_in, n_out, batch, convention)
    sym = {key: f(W, b, X, dY) for key, f in functions.items()}
    layer = matgrad.Linear(W, b, convention)
    row = convention == "row"
    aW, ab, aX, adY = (np.abs(a) for a in (W, b, X, dY))
    x, g = (X[0], dY[0]) if row else (X[:, 0], dY[:, 0])
    dX, dW, db = layer.backward(X, dY)
    # 2-D inputs: identical shapes; b (and db) is (n_out,) in numpy and a row/column in sympy
    assert_close(layer.forward(X), sym["forward"], aX @ aW + ab if row else aW @ aX + ab[:, None])
    assert_close(dX, sym["dX"], adY @ aW.T if row else aW.T @ adY)
    assert_close(dW, sym["dW"], aX.T @ adY if row else adY @ aX.T)
    assert shapes["db"] == sample_shape(n_out, convention)
    assert_close(db, sym["db"].ravel(), adY.sum(axis=0 if row else 1))
    # 1-D input: one sample; numpy answers 1-D, sympy in the sample's orientation
    assert shapes["forward 1-D"] == sample_shape(n_out, convention)
    assert shapes["dx 1-D"] == sample_shape(n_in, convention)
    y1 = layer.forward(x)
    assert y1.shape == (n_out,)
    assert_close(y1, sym["forward 1-D"].ravel(), np.abs(x) @ aW + ab if row else aW @ np.abs(x) + ab)
    dx1 = layer.backward(x, g)[0]
    assert_close(dx1, sym["dx 1-D"].ravel(), np.abs(g) @ aW.T if row else aW.T @ np.abs(g))
    # Jacobians hold copies of W and x (no sums): equal exactly, same shapes
    for key, numeric in [
        ("jacobian_input(x)", layer.jacobian_input(x)), ("jacobian_input()", layer.jacobian_input()),
        ("jacobian_weights(x)", layer.jacobian_weights(x)),
        ("jacobian_bias(x)", layer.jacobian_bias(x)), ("jacobian_bias()", layer.jacobian_bias()),
    ]:
        np.testing.assert_array_equal(numeric, sym[key], err_msg=key)


@functools.lru_cache(maxsize=None)
def activation_twin(kind, batch, n):
    Z, dO = symbolic.symbol_matrix("z", batch, n), symbolic.symbol_matrix("o", batch, n)
    act = getattr(symbolic, kind)()
    results = {"forward": act.forward(Z), "derivative": act.derivative(Z),
               "backward": act.backward(Z, dO), "jacobian": act.jacobian(Z[0, :])}
    return {key: symbolic.lambdify([Z, dO], value) for key, value in results.items()}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Sigmoid", "Identity"]), st.integers(1, 3), st.integers(1, 3), st.data())
def test_activation_twins_give_the_same_numbers(kind, batch, n, data):
    wide = st.floats(min_value=-30.0, max_value=30.0, allow_nan=False, width=64)
    Z, dO = data.draw(matrices(batch, n, wide)), data.draw(matrices(batch, n))
    sym = {key: f(Z, dO) for key, f in activation_twin(kind, batch, n).items()}
    act = getattr(matgrad, kind)()
    # entry-wise formulas, no sums: the terms are the values themselves
    for key, numeric in [("forward", act.forward(Z)), ("derivative", act.derivative(Z)),
                         ("backward", act.backward(Z, dO)), ("jacobian", act.jacobian(Z[0]))]:
        assert_close(numeric, sym[key], numeric)


@functools.lru_cache(maxsize=None)
def loss_twin(kind, shape):
    yhat, y = symbolic.symbol_matrix("p", *shape), symbolic.symbol_matrix("q", *shape)
    loss = getattr(symbolic, kind)()
    return (symbolic.lambdify([yhat, y], loss.value(yhat, y)), symbolic.lambdify([yhat, y], loss.grad(yhat, y)))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["MSELoss", "HalfSSELoss"]), st.integers(1, 3), st.integers(1, 3), st.data())
def test_loss_twins_give_the_same_numbers(kind, rows, cols, data):
    yhat, y = data.draw(matrices(rows, cols)), data.draw(matrices(rows, cols))
    value, grad = loss_twin(kind, (rows, cols))
    loss = getattr(matgrad, kind)()
    # L = c sum (yhat - y)^2 with c = 1/N (MSE) or 1/2; dL/dyhat = 2 c (yhat - y)
    c = 1.0 / yhat.size if kind == "MSELoss" else 0.5
    terms = np.abs(yhat) + np.abs(y)
    assert_close(loss.value(yhat, y), value(yhat, y), c * np.sum(terms**2))
    assert_close(loss.grad(yhat, y), grad(yhat, y), 2 * c * terms)


ARCHITECTURES = [((1, 2, 1), ("Sigmoid", "Identity")), ((2, 1, 2), ("Sigmoid", "Sigmoid")),
                 ((2, 2, 1), ("Identity", "Sigmoid"))]


@functools.lru_cache(maxsize=None)
def network_twin(sizes, acts, kind, batch, convention):
    """Numpy functions (params..., X, y, lr) of every symbolic Network method."""
    layers, symbols = [], []
    vector = symbolic.symbol_row if convention == "row" else symbolic.symbol_column
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        W = symbolic.symbol_matrix(f"w{k}_", *((n_in, n_out) if convention == "row" else (n_out, n_in)))
        b = vector(f"b{k}_", n_out)
        symbols += [W, b]
        layers.append((symbolic.Linear(W, b, convention), getattr(symbolic, acts[k - 1])()))
    net = symbolic.Network(layers)
    X = symbolic.symbol_matrix("x", *batch_shape(batch, sizes[0], convention))
    y = symbolic.symbol_matrix("y", *batch_shape(batch, sizes[-1], convention))
    lr, loss = sp.Symbol("eta", positive=True), getattr(symbolic, kind)()
    yhat, trace = net.forward(X)
    stepped = net.step(X, y, loss, lr)
    results = {"yhat": yhat, "loss": net.loss(X, y, loss)}
    for i, (seen, (dW, db), (new, _)) in enumerate(zip(trace, net.gradients(X, y, loss), stepped.layers)):
        results.update({f"input{i}": seen.input, f"pre{i}": seen.pre, f"out{i}": seen.out,
                        f"dW{i}": dW, f"db{i}": db, f"W{i}": new.W, f"b{i}": new.b})
    # one compiled function for all results (one lambdify per result would dominate the run time)
    flat = sp.Matrix([entry for value in results.values() for entry in sp.Matrix([value])])
    compiled = symbolic.lambdify(symbols + [X, y, lr], flat)
    shapes = {key: sp.Matrix([value]).shape for key, value in results.items()}

    def evaluate_all(*values):
        numbers, at, out = compiled(*values).ravel(), 0, {}
        for key, shape in shapes.items():
            size = shape[0] * shape[1]
            out[key] = numbers[at : at + size].reshape(shape)
            at += size
        return out

    return evaluate_all, net.sizes


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(ARCHITECTURES), st.sampled_from(["MSELoss", "HalfSSELoss"]),
       st.integers(1, 2), st.sampled_from(CONVENTIONS), st.data())
def test_network_twins_give_the_same_numbers(architecture, kind, batch, convention, data):
    sizes, acts = architecture
    row = convention == "row"
    params = [(data.draw(matrices(*((n_in, n_out) if row else (n_out, n_in)))), data.draw(vectors(n_out)))
              for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    X = data.draw(matrices(*batch_shape(batch, sizes[0], convention)))
    y = data.draw(matrices(*batch_shape(batch, sizes[-1], convention)))
    lr = data.draw(st.floats(min_value=1e-3, max_value=1.0))
    evaluate_all, sym_sizes = network_twin(sizes, acts, kind, batch, convention)
    sym = evaluate_all(*[v for W, b in params for v in (W, b)], X, y, lr)
    net = matgrad.Network([(matgrad.Linear(W, b, convention), getattr(matgrad, a)()) for (W, b), a in zip(params, acts)])
    loss = getattr(matgrad, kind)()
    assert net.sizes == sym_sizes and net.convention == convention
    yhat, trace = net.forward(X)
    # forward terms: |O| |W| + |b| layer by layer (through a sigmoid, at most 1 + those terms)
    terms = np.abs(X)
    for i, ((lin, _), seen) in enumerate(zip(net.layers, trace)):
        pre_terms = terms @ np.abs(lin.W) + np.abs(lin.b) if row else np.abs(lin.W) @ terms + np.abs(lin.b)[:, None]
        assert_close(seen.input, sym[f"input{i}"], terms)
        assert_close(seen.pre, sym[f"pre{i}"], pre_terms)
        assert_close(seen.out, sym[f"out{i}"], np.abs(seen.out) + pre_terms)  # |f'| <= 1
        terms = np.abs(seen.out) + pre_terms
    assert_close(yhat, sym["yhat"], terms)
    per_entry = 1.0 / y.size if kind == "MSELoss" else 0.5
    assert_close(net.loss(X, y, loss), sym["loss"][0, 0], per_entry * np.sum((terms + np.abs(y)) ** 2))
    grads, grad_terms = net.gradients(X, y, loss), gradient_terms(net, X, y, loss)
    stepped = net.step(X, y, loss, lr)
    for i, ((dW, db), (tW, tb), (new, _)) in enumerate(zip(grads, grad_terms, stepped.layers)):
        assert_close(dW, sym[f"dW{i}"], tW)
        assert_close(db, sym[f"db{i}"].ravel(), tb)
        W, b = params[i]
        assert_close(new.W, sym[f"W{i}"], np.abs(W) + lr * tW)
        assert_close(new.b, sym[f"b{i}"].ravel(), np.abs(b) + lr * tb)


def test_the_lecture_example_in_both_twins():
    W, x, g = [[1, 2, 3], [4, 5, 6]], [9, 10, 11], [7, 8]
    dx, dW, db = matgrad.Linear(W, convention="column").backward(x, g)
    sdx, sdW, sdb = symbolic.Linear(W, convention="column").backward(x, g)
    assert dx.tolist() == [39, 54, 69] and sdx == sp.Matrix([39, 54, 69])
    assert dW.tolist() == [[63, 70, 77], [72, 80, 88]] and sdW == sp.Matrix(dW.astype(int))
    assert db.tolist() == [7, 8] and sdb == sp.Matrix([7, 8])


def test_a_one_sample_network_pass_has_the_same_shapes():
    for convention, shape in (("row", (1, 2)), ("column", (2, 1))):
        for lib in (matgrad, symbolic):
            net = lib.Network([(lib.Linear([[1, 2], [3, 4]], convention=convention), lib.Identity())])
            yhat, trace = net.forward([1, 1])
            assert yhat.shape == shape and trace[0].input.shape == shape, (lib.__name__, convention)
