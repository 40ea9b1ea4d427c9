"""matgrad.symbolic rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import numpy as np
import pytest
import sympy as sp

from bad_input import assert_sweep_passes, fresh, valid
from matgrad import symbolic

W22 = symbolic.symbol_matrix("w", 2, 2)
T = sp.Symbol("t")


def small_net(convention="row"):
    """A 1-2-1 symbolic network with its own symbols (u.., c.., v.., d..)."""
    vector = symbolic.symbol_row if convention == "row" else symbolic.symbol_column
    shape1, shape2 = ((1, 2), (2, 1)) if convention == "row" else ((2, 1), (1, 2))
    return symbolic.Network([
        (symbolic.Linear(symbolic.symbol_matrix("u", *shape1), vector("c", 2), convention), symbolic.Sigmoid()),
        (symbolic.Linear(symbolic.symbol_matrix("v", *shape2), vector("d", 1), convention), symbolic.Identity()),
    ])


def row_layer():
    return symbolic.Linear(symbolic.symbol_matrix("w", 2, 3), symbolic.symbol_row("b", 3))


def column_layer():
    return symbolic.Linear(symbolic.symbol_matrix("w", 2, 3), convention="column")  # n_in 3, n_out 2


def aliased_layers():
    return [(symbolic.Linear(W22), symbolic.Sigmoid()), (symbolic.Linear(W22), symbolic.Identity())]


CASES = {
    "symbol_matrix name": (lambda: symbolic.symbol_matrix("1w", 2, 2), ValueError, r"a symbol name must be an identifier such as 'w'; got '1w'"),
    "symbol_matrix size": (lambda: symbolic.symbol_matrix("w", 0, 2), ValueError, r"rows must be a positive integer; got 0"),
    "symbol_matrix huge": (lambda: symbolic.symbol_matrix("w", 3000, 3000), ValueError, r"rows must be at most 64 .* got 3000"),
    "symbol_matrix huge cols": (lambda: symbolic.symbol_matrix("w", 2, sp.Integer(65)), ValueError, r"cols must be at most 64 .* got 65"),
    "symbol_row size": (lambda: symbolic.symbol_row("x", 2.5), ValueError, r"n must be a positive integer; got 2.5"),
    "symbol_row bool": (lambda: symbolic.symbol_row("x", True), ValueError, r"n must be a positive integer; got True"),
    "sym Linear convention": (lambda: symbolic.Linear(sp.eye(2), convention="col"), ValueError, r"convention must be one of \('row', 'column'\); got 'col'"),
    "sym Linear W type": (lambda: symbolic.Linear("W"), TypeError, r"W must be a sympy Matrix \(or nested list\); got str"),
    "sym Linear W 1-D": (lambda: symbolic.Linear([1, 2]), ValueError, r"W must be 2-D; got a 1-D array of shape \(2,\)"),
    "sym Linear W nan": (lambda: symbolic.Linear([[1, np.nan]]), ValueError, r"W must be finite; got an entry equal to nan"),
    "sym Linear W string entry": (lambda: symbolic.Linear([["a", 1]]), TypeError, r"W must hold numbers or sympy expressions; got an entry 'a' of type str"),
    "sym Linear W ragged": (lambda: symbolic.Linear([[1], [1, 2]]), ValueError, r"W must be a rectangular matrix"),
    "sym Linear W empty": (lambda: symbolic.Linear(sp.zeros(0, 2)), ValueError, r"W must not be empty .* got shape \(0, 2\)"),
    "sym Linear b shape": (lambda: symbolic.Linear(sp.ones(2, 3), sp.ones(2, 1)), ValueError, r"b must have n_out = 3 entries \(shape \(3,\), \(1, 3\) or \(3, 1\)\) to match W of shape \(2, 3\) in row convention; got shape \(2, 1\)"),
    "sym Linear W and b share": (lambda: symbolic.Linear(symbolic.symbol_matrix("b", 1, 2), symbolic.symbol_row("b1", 2)), ValueError, r"W and b must not reuse a symbol .* got b11 in W and b; b12 in W and b. .*symbol_matrix\(\"w\", 1, 2\) and b = symbol_row\(\"b\", 2\)"),
    "sym Linear W reuses": (lambda: symbolic.Linear(sp.Matrix([[T, T]])), ValueError, r"W and b must not reuse a symbol .* got t in W and W"),
    "sym forward row X": (lambda: symbolic.Linear(sp.ones(2, 3)).forward(sp.ones(1, 3)), ValueError, r"X must have shape \(batch, 2\) in row convention; got shape \(1, 3\)"),
    "sym forward column X": (lambda: column_layer().forward(sp.ones(1, 3)), ValueError, r"X must have shape \(3, batch\) in column convention \(one column per sample\); got shape \(1, 3\)"),
    "sym forward 1-D X": (lambda: row_layer().forward([1, 2, 3]), ValueError, r"X \(one sample, 1-D\) must have 2 entries; got 3"),
    "sym forward empty batch": (lambda: row_layer().forward(sp.zeros(0, 2)), ValueError, r"X must not be empty .* got shape \(0, 2\)"),
    "sym forward empty column batch": (lambda: column_layer().forward(np.zeros((3, 0))), ValueError, r"X must not be empty .* got shape \(3, 0\)"),
    "sym backward batches": (lambda: row_layer().backward(sp.ones(2, 2), sp.ones(3, 3)), ValueError, r"X and dY must have the same number of rows \(one per sample\); got X \(2, 2\) and dY \(3, 3\)"),
    "sym backward dY shape": (lambda: column_layer().backward([1, 2, 3], [1, 2, 3]), ValueError, r"dY \(one sample, 1-D\) must have 2 entries; got 3"),
    "sym jacobian batch": (lambda: symbolic.Linear(sp.ones(2, 3)).jacobian_input(sp.ones(2, 2)), ValueError, r"x must be one sample: shape \(2,\) or \(1, 2\); got shape \(2, 2\)"),
    "sym jacobian_bias wrong x": (lambda: column_layer().jacobian_bias(sp.ones(1, 3)), ValueError, r"x must be one sample: shape \(3,\) or \(3, 1\); got shape \(1, 3\)"),
    "sym jacobian_weights 1-D": (lambda: row_layer().jacobian_weights([1, 2, 3]), ValueError, r"x must be one sample: shape \(2,\) or \(1, 2\); got shape \(3,\)"),
    "sym sigmoid jacobian matrix": (lambda: symbolic.Sigmoid().jacobian(sp.ones(2, 2)), ValueError, r"z must be one sample: a vector of shape \(n,\), \(1, n\) or \(n, 1\); got shape \(2, 2\)"),
    "sym sigmoid None": (lambda: symbolic.sigmoid(None), TypeError, r"Z must hold numbers or sympy expressions; got an entry None"),
    "sym sigmoid nan": (lambda: symbolic.sigmoid(float("nan")), ValueError, r"Z must be finite; got an entry equal to nan"),
    "sym derivative string": (lambda: symbolic.Sigmoid().derivative("abc"), TypeError, r"Z must be a sympy Matrix \(or nested list\); got str"),
    "sym backward shapes": (lambda: symbolic.Identity().backward(sp.ones(2, 3), sp.ones(3, 2)), ValueError, r"Z and dO must have the same shape; got Z \(2, 3\) and dO \(3, 2\)"),
    "sym loss shapes": (lambda: symbolic.MSELoss().value(sp.ones(2, 1), sp.ones(1, 2)), ValueError, r"yhat and y must have the same shape; got yhat \(2, 1\) and y \(1, 2\)"),
    "sym loss grad empty": (lambda: symbolic.HalfSSELoss().grad([], []), ValueError, r"yhat must not be empty"),
    "sym gradient matrix expr": (lambda: symbolic.gradient(sp.ones(2, 1), W22), ValueError, r"expr must be a scalar; got a matrix of shape \(2, 1\)"),
    "sym gradient string expr": (lambda: symbolic.gradient("w11", W22), TypeError, r"expr must hold numbers or sympy expressions; got an entry 'w11' of type str"),
    "sym jacobian by numbers": (lambda: symbolic.jacobian(sp.ones(2, 1), sp.zeros(2, 1)), ValueError, r"X must be a matrix of symbols to differentiate by; entry 0 \(row-major\) is 0"),
    "sym gradient by numbers": (lambda: symbolic.gradient(T, sp.Matrix([[1, T]])), ValueError, r"M must be a matrix of symbols to differentiate by; entry 0 \(row-major\) is 1"),
    "sym kronecker row": (lambda: symbolic.kronecker_weight_jacobian(sp.ones(2, 1), 3, "row"), ValueError, r"x must be one sample: shape \(2,\) or \(1, 2\); got shape \(2, 1\)"),
    "sym kronecker matrix": (lambda: symbolic.kronecker_weight_jacobian(sp.ones(2, 2), 3), ValueError, r"x must be one sample \(a row or a column vector\); got shape \(2, 2\)"),
    "sym Network pair": (lambda: symbolic.Network([sp.eye(2)]), TypeError, r"layers\[0\] must be a \(Linear, activation\) pair"),
    "sym Network chain": (lambda: symbolic.Network([(symbolic.Linear(sp.ones(2, 3)), symbolic.Identity()), (symbolic.Linear(sp.ones(2, 3)), symbolic.Identity())]), ValueError, r"layers\[1\] expects 2 inputs but layers\[0\] produces 3"),
    "sym Network aliasing": (lambda: symbolic.Network(aliased_layers()), ValueError, r"layers\[0\] and layers\[1\] must not share parameter symbols \(w11, w12, w21, w22\): their weights would silently be the same. .* symbol_matrix\(\"u\", 2, 2\) for layers\[1\]"),
    "sym Network activation class": (lambda: symbolic.Network([(row_layer(), symbolic.Sigmoid)]), TypeError, r"layers\[0\]\[1\] must be an activation such as matgrad.symbolic.Sigmoid\(\) .* got the class Sigmoid; call it: Sigmoid\(\)"),
    "sym Network numeric layer": (lambda: symbolic.Network([(__import__("matgrad").Linear([[1.0]]), symbolic.Sigmoid())]), TypeError, r"layers\[0\]\[0\] must be a matgrad.symbolic.Linear; got matgrad.layers.Linear"),
    "sym Network mixed conventions": (lambda: symbolic.Network([(symbolic.Linear(sp.ones(2, 2)), symbolic.Sigmoid()), (symbolic.Linear(W22, convention="column"), symbolic.Sigmoid())]), ValueError, r"layers\[1\]\[0\] must use the row convention like layers\[0\]"),
    "sym Network loss string": (lambda: small_net().gradients([[1]], [[0]], "mse"), TypeError, r"loss must be a matgrad.symbolic loss such as MSELoss\(\) or HalfSSELoss\(\) \(from matgrad.symbolic\); got str"),
    "sym Network loss class": (lambda: small_net().loss([[1]], [[0]], symbolic.MSELoss), TypeError, r"got the class MSELoss; call it: MSELoss\(\)"),
    "sym Network numeric loss": (lambda: small_net().loss([[1]], [[0]], __import__("matgrad").MSELoss()), TypeError, r"loss must be a matgrad.symbolic loss .* got matgrad.losses.MSELoss"),
    "sym Network empty batch": (lambda: small_net().gradients(sp.zeros(0, 1), sp.zeros(0, 1), symbolic.MSELoss()), ValueError, r"X must not be empty"),
    "sym Network column y": (lambda: small_net("column").loss([[1, 2]], [[1], [2]], symbolic.MSELoss()), ValueError, r"y must have shape \(1, batch\) in column convention"),
    "sym Network step lr": (lambda: small_net().step([[1]], [[0]], symbolic.MSELoss(), -1), ValueError, r"lr must be a positive finite number; got -1"),
    "sym Network step lr string": (lambda: small_net().step([[1]], [[0]], symbolic.MSELoss(), "0.1"), TypeError, r"lr must be a positive number or a sympy symbol; got '0.1'"),
    "lambdify arg": (lambda: symbolic.lambdify([T + 1], T), TypeError, r"args\[0\] must be a Symbol or a matrix of Symbols"),
    "lambdify args not a list": (lambda: symbolic.lambdify(W22, W22[0]), TypeError, r"args must be a list of symbols or symbol matrices, e.g. \[W, x\]"),
    "lambdify missing": (lambda: symbolic.lambdify([T], T * sp.Symbol("u")), ValueError, r"args must give every symbol of expr a value; expr has symbols with no value given: u"),
    "lambdify same name": (lambda: symbolic.lambdify([sp.Symbol("t", real=True)], T), ValueError, r"no value given: t \(a symbol named t was given, with other assumptions such as real=True\)"),
    "lambdify repeated": (lambda: symbolic.lambdify([W22, W22[0, 0]], W22[0]), ValueError, r"args\[1\] must not repeat the symbol w11: args\[0\] already gives it a value"),
    "lambdify undefined function": (lambda: symbolic.lambdify([T], sp.Function("f")(T)), ValueError, r"expr must hold only known functions .* \['f\(t\)'\]"),
    "lambdified shape": (lambda: symbolic.lambdify([W22], W22[0, 0])(np.ones((3, 2))), ValueError, r"value 0 must have shape \(2, 2\) to match its symbols; got shape \(3, 2\)"),
    "lambdified count": (lambda: symbolic.lambdify([T], T)(1.0, 2.0), TypeError, r"expected 1 arrays \(one per arg\); got 2"),
    "lambdified overflow": (lambda: symbolic.lambdify([T], sp.exp(T))(1000.0), ValueError, r"expr evaluated to inf at these values .* the values must keep expr finite"),
    "lambdified nan value": (lambda: symbolic.lambdify([T], T)(np.nan), ValueError, r"value 0 must be finite"),
    "evaluate pairs": (lambda: symbolic.evaluate(T, [T]), TypeError, r"values\[0\] must be a \(symbols, value\) pair"),
    "evaluate duplicate": (lambda: symbolic.evaluate(T, [(T, 1.0), (T, 2.0)]), ValueError, r"values\[1\] must not repeat the symbol t: values\[0\] already gives it a value; each symbol must get exactly one value"),
    "evaluate missing": (lambda: symbolic.evaluate(T * sp.Symbol("u"), {T: 1.0}), ValueError, r"values must give every symbol of expr a value; .* u"),
    "evaluate nan expr": (lambda: symbolic.evaluate(sp.nan, {}), ValueError, r"expr must be finite; got an entry equal to nan"),
}


def test_bad_looking_input_that_has_a_right_answer():
    assert symbolic.symbol_matrix("w", sp.Integer(2), np.int64(2)).shape == (2, 2)
    assert symbolic.lambdify([T], [T, T**2])(3.0).tolist() == [3.0, 9.0]
    assert symbolic.lambdify([T], [[T], [T**2]])(3.0).shape == (2, 1)
    # a 1-D list is one sample: a row in row convention, a column in column convention
    assert symbolic.kronecker_weight_jacobian([1, 2], 3) == sp.kronecker_product(sp.Matrix([[1, 2]]), sp.eye(3))
    assert symbolic.kronecker_weight_jacobian([1, 2], 3, "column") == sp.kronecker_product(sp.eye(3), sp.Matrix([[1, 2]]))
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


VALID_CALLS = [
    valid("matgrad.symbolic.symbol_matrix", symbolic.symbol_matrix, "w", 2, 3),
    valid("matgrad.symbolic.symbol_row", symbolic.symbol_row, "x", 2),
    valid("matgrad.symbolic.symbol_column", symbolic.symbol_column, "x", 2),
    valid("matgrad.symbolic.flatten", symbolic.flatten, W22),
    valid("matgrad.symbolic.jacobian", symbolic.jacobian, W22 * W22.T, W22),
    valid("matgrad.symbolic.gradient", symbolic.gradient, W22[0, 0] * W22[1, 1], W22),
    valid("matgrad.symbolic.kronecker_weight_jacobian", symbolic.kronecker_weight_jacobian, [[1, 2]], 3, "row"),
    valid("matgrad.symbolic.sigmoid", symbolic.sigmoid, T),
    valid("matgrad.symbolic.lambdify", symbolic.lambdify, [W22], W22 * W22),
    valid("matgrad.symbolic.evaluate", symbolic.evaluate, W22[0, 0] + T, [(W22, np.eye(2)), (T, 2.0)]),
    valid("matgrad.symbolic.Linear", symbolic.Linear, W22, symbolic.symbol_row("b", 2), "row"),
    fresh("matgrad.symbolic.Linear.forward", lambda: row_layer().forward, [[1, 2], [3, 4]]),
    fresh("matgrad.symbolic.Linear.backward", lambda: column_layer().backward, [[1, 2], [3, 4], [5, 6]], [[1, 0], [0, 1]]),
    fresh("matgrad.symbolic.Linear.jacobian_input", lambda: row_layer().jacobian_input, [1, 2]),
    fresh("matgrad.symbolic.Linear.jacobian_weights", lambda: column_layer().jacobian_weights, [1, 2, 3]),
    fresh("matgrad.symbolic.Linear.jacobian_bias", lambda: row_layer().jacobian_bias, symbolic.symbol_row("x", 2)),
    valid("matgrad.symbolic.Network", symbolic.Network, [(symbolic.Linear(W22), symbolic.Sigmoid())]),
    fresh("matgrad.symbolic.Network.forward", lambda: small_net().forward, [[1], [2]]),
    fresh("matgrad.symbolic.Network.gradients", lambda: small_net().gradients, [[1], [2]], [[0], [1]], symbolic.HalfSSELoss()),
    fresh("matgrad.symbolic.Network.loss", lambda: small_net("column").loss, [[1, 2]], [[0, 1]], symbolic.MSELoss()),
    fresh("matgrad.symbolic.Network.step", lambda: small_net().step, [[1]], [[0]], symbolic.MSELoss(), 0.1),
]
for _cls in (symbolic.Sigmoid, symbolic.Identity):
    _name = f"matgrad.symbolic.{_cls.__name__}"
    VALID_CALLS += [
        valid(_name, _cls),
        fresh(f"{_name}.forward", lambda c=_cls: c().forward, [[0, T]]),
        fresh(f"{_name}.derivative", lambda c=_cls: c().derivative, [[0, T]]),
        fresh(f"{_name}.backward", lambda c=_cls: c().backward, [[0, T]], [[1, 2]]),
        fresh(f"{_name}.jacobian", lambda c=_cls: c().jacobian, [0, T]),
    ]
for _cls in (symbolic.MSELoss, symbolic.HalfSSELoss):
    _name = f"matgrad.symbolic.{_cls.__name__}"
    VALID_CALLS += [
        valid(_name, _cls),
        fresh(f"{_name}.value", lambda c=_cls: c().value, [[T], [2]], [[0], [1]]),
        fresh(f"{_name}.grad", lambda c=_cls: c().grad, [[T], [2]], [[0], [1]]),
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)
