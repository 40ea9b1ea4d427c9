"""Bad input for matgrad.symbolic: the CASES and VALID_CALLS tables that
tests/test_bad_input.py runs (see tests/bad_input.py)."""

import numpy as np
import sympy as sp

import matgrad
from tests.bad_input import Case, fresh, valid
from tests.support import small_net
from matgrad import symbolic

W22 = symbolic.symbol_matrix("w", 2, 2)
T = sp.Symbol("t")
ETA = sp.Symbol("eta")  # a name that no message word contains, to find it in a message


def row_layer():
    return symbolic.Linear(symbolic.symbol_matrix("w", 2, 3), symbolic.symbol_row("b", 3))


def column_layer():
    return symbolic.Linear(symbolic.symbol_matrix("w", 2, 3), convention="column")  # n_in 3, n_out 2


def aliased_layers():
    return [(symbolic.Linear(W22), symbolic.Sigmoid()), (symbolic.Linear(W22), symbolic.Identity())]


HUGE = np.zeros((10**6, 1))  # far beyond MAX_SIZE: refused at once, not a symbolic computation for hours

CASES = {
    "symbol_matrix name": Case(lambda: symbolic.symbol_matrix("1w", 2, 2), ValueError, "name", "'1w'"),
    "symbol_matrix size": Case(lambda: symbolic.symbol_matrix("w", 0, 2), ValueError, "rows", "0"),
    "symbol_matrix huge": Case(lambda: symbolic.symbol_matrix("w", 3000, 3000), ValueError, "rows", "3000"),
    "symbol_matrix huge cols": Case(lambda: symbolic.symbol_matrix("w", 2, sp.Integer(65)), ValueError, "cols", "65"),
    "symbol_row size": Case(lambda: symbolic.symbol_row("x", 2.5), TypeError, "n", "2.5"),
    "symbol_row bool": Case(lambda: symbolic.symbol_row("x", True), TypeError, "n", "True"),
    "sym Linear convention": Case(lambda: symbolic.Linear(sp.eye(2), convention="col"), ValueError, "convention", "'col'"),
    "sym Linear W type": Case(lambda: symbolic.Linear("W"), TypeError, "W", "str"),
    "sym Linear W 1-D": Case(lambda: symbolic.Linear([1, 2]), ValueError, "W", "(2,)"),
    "sym Linear W nan": Case(lambda: symbolic.Linear([[1, np.nan]]), ValueError, "W", "nan"),
    "sym Linear W string entry": Case(lambda: symbolic.Linear([["a", 1]]), TypeError, "W", "'a'"),
    "sym Linear W ragged": Case(lambda: symbolic.Linear([[1], [1, 2]]), ValueError, "W", "ragged"),
    "sym Linear W empty": Case(lambda: symbolic.Linear(sp.zeros(0, 2)), ValueError, "W", "(0, 2)"),
    "sym Linear W huge": Case(lambda: symbolic.Linear(HUGE), ValueError, "W", "(1000000, 1)"),
    "sym Linear b shape": Case(lambda: symbolic.Linear(sp.ones(2, 3), sp.ones(2, 1)), ValueError, "b", "(2, 1)"),
    "sym Linear W and b share": Case(lambda: symbolic.Linear(symbolic.symbol_matrix("b", 1, 2), symbolic.symbol_row("b1", 2)), ValueError, "W and b", "b11"),
    "sym Linear W reuses": Case(lambda: symbolic.Linear(sp.Matrix([[T, T]])), ValueError, "W", "t in W and W"),
    "sym forward row X": Case(lambda: symbolic.Linear(sp.ones(2, 3)).forward(sp.ones(1, 3)), ValueError, "X", "(1, 3)"),
    "sym forward column X": Case(lambda: column_layer().forward(sp.ones(1, 3)), ValueError, "X", "(1, 3)"),
    "sym forward 1-D X": Case(lambda: row_layer().forward([1, 2, 3]), ValueError, "X", "3"),
    "sym forward empty batch": Case(lambda: row_layer().forward(sp.zeros(0, 2)), ValueError, "X", "(0, 2)"),
    "sym forward empty column batch": Case(lambda: column_layer().forward(np.zeros((3, 0))), ValueError, "X", "(3, 0)"),
    "sym forward huge X": Case(lambda: symbolic.Linear([[1]]).forward(HUGE), ValueError, "X", "(1000000, 1)"),
    "sym backward batches": Case(lambda: row_layer().backward(sp.ones(2, 2), sp.ones(3, 3)), ValueError, "dY", "(3, 3)"),
    "sym backward dY shape": Case(lambda: column_layer().backward([1, 2, 3], [1, 2, 3]), ValueError, "dY", "3"),
    "sym backward huge dY": Case(lambda: symbolic.Linear([[1]]).backward([[1]], HUGE), ValueError, "dY", "(1000000, 1)"),
    "sym jacobian batch": Case(lambda: symbolic.Linear(sp.ones(2, 3)).jacobian_input(sp.ones(2, 2)), ValueError, "x", "(2, 2)"),
    "sym jacobian_bias wrong x": Case(lambda: column_layer().jacobian_bias(sp.ones(1, 3)), ValueError, "x", "(1, 3)"),
    "sym jacobian_weights 1-D": Case(lambda: row_layer().jacobian_weights([1, 2, 3]), ValueError, "x", "3"),
    "sym sigmoid jacobian matrix": Case(lambda: symbolic.Sigmoid().jacobian(sp.ones(2, 2)), ValueError, "z", "(2, 2)"),
    "sym sigmoid None": Case(lambda: symbolic.sigmoid(None), TypeError, "Z", "None"),
    "sym sigmoid nan": Case(lambda: symbolic.sigmoid(float("nan")), ValueError, "Z", "nan"),
    "sym sigmoid huge": Case(lambda: symbolic.sigmoid(HUGE), ValueError, "Z", "(1000000, 1)"),
    "sym Sigmoid forward huge": Case(lambda: symbolic.Sigmoid().forward(HUGE), ValueError, "Z", "(1000000, 1)"),
    "sym derivative string": Case(lambda: symbolic.Sigmoid().derivative("abc"), TypeError, "Z", "str"),
    "sym backward shapes": Case(lambda: symbolic.Identity().backward(sp.ones(2, 3), sp.ones(3, 2)), ValueError, "dO", "(3, 2)"),
    "sym loss shapes": Case(lambda: symbolic.MSELoss().value(sp.ones(2, 1), sp.ones(1, 2)), ValueError, "y", "(1, 2)"),
    "sym loss grad empty": Case(lambda: symbolic.HalfSSELoss().grad([], []), ValueError, "yhat", "(1, 0)"),
    "sym loss huge yhat": Case(lambda: symbolic.MSELoss().value(HUGE, HUGE), ValueError, "yhat", "(1000000, 1)"),
    "sym loss grad huge y": Case(lambda: symbolic.HalfSSELoss().grad([[1]], HUGE), ValueError, "y", "(1000000, 1)"),
    "sym gradient matrix expr": Case(lambda: symbolic.gradient(sp.ones(2, 1), W22), ValueError, "expr", "(2, 1)"),
    "sym gradient string expr": Case(lambda: symbolic.gradient("w11", W22), TypeError, "expr", "'w11'"),
    "sym jacobian by numbers": Case(lambda: symbolic.jacobian(sp.ones(2, 1), sp.Matrix([[T, 7]])), ValueError, "X", "7"),
    "sym gradient by numbers": Case(lambda: symbolic.gradient(T, sp.Matrix([[3, T]])), ValueError, "M", "3"),
    "sym kronecker row": Case(lambda: symbolic.kronecker_weight_jacobian(sp.ones(2, 1), 3, "row"), ValueError, "x", "(2, 1)"),
    "sym kronecker matrix": Case(lambda: symbolic.kronecker_weight_jacobian(sp.ones(2, 2), 3), ValueError, "x", "(2, 2)"),
    "sym kronecker n_out": Case(lambda: symbolic.kronecker_weight_jacobian([1, 2], 0), ValueError, "n_out", "0"),
    "sym Network pair": Case(lambda: symbolic.Network([sp.eye(2)]), TypeError, "layers[0]", "Matrix("),
    "sym Network chain": Case(lambda: symbolic.Network([(symbolic.Linear(sp.ones(2, 3)), symbolic.Identity()), (symbolic.Linear(sp.ones(2, 3)), symbolic.Identity())]), ValueError, "layers[1]", "(2, 3)"),
    "sym Network aliasing": Case(lambda: symbolic.Network(aliased_layers()), ValueError, "layers[1]", "w11"),
    "sym Network activation class": Case(lambda: symbolic.Network([(row_layer(), symbolic.Sigmoid)]), TypeError, "layers[0][1]", "the class Sigmoid"),
    "sym Network numeric layer": Case(lambda: symbolic.Network([(matgrad.Linear([[1.0]]), symbolic.Sigmoid())]), TypeError, "layers[0][0]", "got matgrad.layers.Linear"),
    "sym Network mixed conventions": Case(lambda: symbolic.Network([(symbolic.Linear(sp.ones(2, 2)), symbolic.Sigmoid()), (symbolic.Linear(W22, convention="column"), symbolic.Sigmoid())]), ValueError, "layers[1][0]", "'column'"),
    "sym Network loss string": Case(lambda: small_net().gradients([[1]], [[0]], "mse"), TypeError, "loss", "str"),
    "sym Network loss class": Case(lambda: small_net().loss([[1]], [[0]], symbolic.MSELoss), TypeError, "loss", "the class MSELoss"),
    "sym Network numeric loss": Case(lambda: small_net().loss([[1]], [[0]], matgrad.MSELoss()), TypeError, "loss", "got matgrad.losses.MSELoss"),
    "sym Network empty batch": Case(lambda: small_net().gradients(sp.zeros(0, 1), sp.zeros(0, 1), symbolic.MSELoss()), ValueError, "X", "(0, 1)"),
    "sym Network huge X": Case(lambda: small_net().forward(HUGE), ValueError, "X", "(1000000, 1)"),
    "sym Network column y": Case(lambda: small_net("column").loss([[1, 2]], [[1], [2]], symbolic.MSELoss()), ValueError, "y", "(2, 1)"),
    "sym Network y batch": Case(lambda: small_net().loss([[1], [2]], [[1]], symbolic.MSELoss()), ValueError, "y", "(1, 1)"),
    "sym Network step lr": Case(lambda: small_net().step([[1]], [[0]], symbolic.MSELoss(), -1), ValueError, "lr", "-1"),
    "sym Network step lr string": Case(lambda: small_net().step([[1]], [[0]], symbolic.MSELoss(), "0.1"), TypeError, "lr", "'0.1'"),
    "lambdify arg": Case(lambda: symbolic.lambdify([ETA + 1], ETA), TypeError, "args[0]", "eta + 1"),
    "lambdify args not a list": Case(lambda: symbolic.lambdify(W22, W22[0]), TypeError, "args", "Matrix("),
    "lambdify missing": Case(lambda: symbolic.lambdify([ETA], ETA * sp.Symbol("speed")), ValueError, "args", "speed"),
    "lambdify same name": Case(lambda: symbolic.lambdify([sp.Symbol("eta", real=True)], ETA), ValueError, "args", "real=True"),
    "lambdify repeated": Case(lambda: symbolic.lambdify([W22, W22[0, 0]], W22[0]), ValueError, "args[1]", "w11"),
    "lambdify undefined function": Case(lambda: symbolic.lambdify([ETA], sp.Function("f")(ETA)), ValueError, "expr", "f(eta)"),
    "lambdify huge expr": Case(lambda: symbolic.lambdify([ETA], HUGE), ValueError, "expr", "(1000000, 1)"),
    "lambdified shape": Case(lambda: symbolic.lambdify([W22], W22[0, 0])(np.ones((3, 2))), ValueError, "value 0", "(3, 2)"),
    "lambdified count": Case(lambda: symbolic.lambdify([ETA], ETA)(1.0, 2.0), TypeError, "values", "2"),
    "lambdified overflow": Case(lambda: symbolic.lambdify([ETA], sp.exp(ETA))(1000.0), ValueError, "expr", "inf"),
    "lambdified nan value": Case(lambda: symbolic.lambdify([ETA], ETA)(np.nan), ValueError, "value 0", "nan"),
    "evaluate pairs": Case(lambda: symbolic.evaluate(ETA, [ETA]), TypeError, "values[0]", "eta"),
    "evaluate duplicate": Case(lambda: symbolic.evaluate(ETA, [(ETA, 1.0), (ETA, 2.0)]), ValueError, "values[1]", "eta"),
    "evaluate missing": Case(lambda: symbolic.evaluate(ETA * sp.Symbol("speed"), {ETA: 1.0}), ValueError, "values", "speed"),
    "evaluate nan expr": Case(lambda: symbolic.evaluate(sp.nan, {}), ValueError, "expr", "nan"),
}


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
