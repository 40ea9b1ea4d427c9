"""The numeric core's bad-input tables (run by test_bad_input.py; see tests/bad_input.py)."""

import numpy as np

from tests.bad_input import Case, fresh, valid
from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid, numerical_gradient, relative_error, sigmoid

LAYER = Linear(np.ones((2, 3)), np.zeros(3))
COLUMN = Linear(np.ones((2, 3)), np.zeros(2), convention="column")  # n_in 3, n_out 2
COLUMN_NET = Network([(COLUMN, Sigmoid())])
NET = Network([(Linear(np.ones((1, 2))), Sigmoid()), (Linear(np.ones((2, 1))), Identity())])
X3, Y3 = np.ones((3, 1)), np.zeros((3, 1))

CASES = {
    # numeric Linear
    "Linear W 1-D": Case(lambda: Linear([1.0, 2.0]), ValueError, "W", "(2,)"),
    "Linear W strings": Case(lambda: Linear([["a", "b"]]), TypeError, "W", "<U1"),
    "Linear W None": Case(lambda: Linear(None), TypeError, "W", "None"),
    "Linear W nan": Case(lambda: Linear([[np.nan]]), ValueError, "W", "nan"),
    "Linear W inf": Case(lambda: Linear([[1.0, np.inf]]), ValueError, "W", "inf"),
    "Linear W ragged": Case(lambda: Linear([[1.0], [1.0, 2.0]]), ValueError, "W", "rectangular"),
    "Linear W bool": Case(lambda: Linear([[True]]), TypeError, "W", "bool"),
    "Linear W class": Case(lambda: Linear(Linear), TypeError, "W", "the class Linear"),
    "Linear b shape": Case(lambda: Linear(np.ones((2, 3)), [0.0, 0.0]), ValueError, "b", "(2,)"),
    "Linear b 2-D not a vector": Case(lambda: Linear(np.ones((2, 3)), np.zeros((2, 3))), ValueError, "b", "(2, 3)"),
    "Linear b column convention": Case(lambda: Linear(np.ones((2, 3)), [0.0, 0.0, 0.0], convention="column"), ValueError, "n_out = 2", "(3,)"),
    "Linear convention": Case(lambda: Linear(np.ones((2, 3)), convention="col"), ValueError, "convention", "'col'"),
    "forward column rows": Case(lambda: COLUMN.forward(np.ones((2, 4))), ValueError, "X", "(2, 4)"),
    "forward 1-D length": Case(lambda: LAYER.forward([1.0, 2.0, 3.0]), ValueError, "X", "(3,)"),
    "forward empty batch": Case(lambda: LAYER.forward(np.zeros((0, 2))), ValueError, "X", "(0, 2)"),
    "forward empty column batch": Case(lambda: COLUMN.forward(np.zeros((3, 0))), ValueError, "X", "(3, 0)"),
    "forward cols": Case(lambda: LAYER.forward(np.ones((4, 3))), ValueError, "X", "(4, 3)"),
    "forward 3-D": Case(lambda: LAYER.forward(np.ones((1, 1, 2))), ValueError, "X", "(1, 1, 2)"),
    "forward complex": Case(lambda: LAYER.forward(np.ones(2) * 1j), TypeError, "X", "complex128"),
    "forward overflow": Case(lambda: Linear([[1e308], [1e308]]).forward([10.0, 10.0]), ValueError, "X, W or b", "overflow"),
    "backward column batches": Case(lambda: COLUMN.backward(np.ones((3, 4)), np.ones((2, 5))), ValueError, "dY", "(2, 5)"),
    "backward empty dY": Case(lambda: LAYER.backward(np.ones((1, 2)), np.zeros((0, 3))), ValueError, "dY", "(0, 3)"),
    "backward dY cols": Case(lambda: LAYER.backward(np.ones((4, 2)), np.ones((4, 2))), ValueError, "dY", "(4, 2)"),
    "backward rows": Case(lambda: LAYER.backward(np.ones((4, 2)), np.ones((5, 3))), ValueError, "dY", "(5, 3)"),
    "backward overflow": Case(lambda: Linear([[1e308]]).backward([[1.0]], [[1e308]]), ValueError, "X, dY or W", "overflow"),
    "jacobian_input x shape": Case(lambda: LAYER.jacobian_input([1.0]), ValueError, "x", "(1,)"),
    "jacobian_bias x column": Case(lambda: COLUMN.jacobian_bias(np.ones((1, 3))), ValueError, "x", "(1, 3)"),
    "jacobian_weights x": Case(lambda: LAYER.jacobian_weights([1.0, 2.0, 3.0]), ValueError, "x", "(3,)"),
    "jacobian_weights x batch": Case(lambda: LAYER.jacobian_weights(np.ones((2, 2))), ValueError, "x", "(2, 2)"),
    # activations
    "Sigmoid nan": Case(lambda: Sigmoid().forward([0.0, np.nan]), ValueError, "Z", "nan"),
    "Sigmoid string": Case(lambda: Sigmoid().forward("1"), TypeError, "Z", "str"),
    "Sigmoid backward shapes": Case(lambda: Sigmoid().backward(np.ones((2, 3)), np.ones((3, 2))), ValueError, "dO", "(3, 2)"),
    "Sigmoid jacobian 2-D": Case(lambda: Sigmoid().jacobian(np.ones((2, 2))), ValueError, "z", "(2, 2)"),
    "Sigmoid jacobian huge": Case(lambda: Sigmoid().jacobian(np.zeros(10**6)), ValueError, "z", "1000000"),
    "sigmoid None": Case(lambda: sigmoid(None), TypeError, "Z", "None"),
    "sigmoid nan": Case(lambda: sigmoid([0.0, np.nan]), ValueError, "Z", "nan"),
    "Sigmoid derivative None": Case(lambda: Sigmoid().derivative(None), TypeError, "Z", "None"),
    "Sigmoid derivative string": Case(lambda: Sigmoid().derivative("abc"), TypeError, "Z", "str"),
    "Identity derivative nan": Case(lambda: Identity().derivative([np.nan]), ValueError, "Z", "nan"),
    "Sigmoid forward empty": Case(lambda: Sigmoid().forward(np.zeros((0, 3))), ValueError, "Z", "(0, 3)"),
    "Sigmoid backward empty": Case(lambda: Sigmoid().backward([], []), ValueError, "Z", "(0,)"),
    "Identity backward shapes": Case(lambda: Identity().backward([1.0], [1.0, 2.0]), ValueError, "dO", "(2,)"),
    # losses
    "MSE shapes": Case(lambda: MSELoss().value(np.ones((3, 1)), np.ones(3)), ValueError, "y", "(3,)"),
    "MSE grad shapes": Case(lambda: MSELoss().grad(np.ones((3, 1)), np.ones((1, 3))), ValueError, "y", "(1, 3)"),
    "HalfSSE inf": Case(lambda: HalfSSELoss().value([1.0], [np.inf]), ValueError, "y", "inf"),
    "HalfSSE grad strings": Case(lambda: HalfSSELoss().grad(["a"], [1.0]), TypeError, "yhat", "<U1"),
    "MSE empty": Case(lambda: MSELoss().value(np.zeros((0, 1)), np.zeros((0, 1))), ValueError, "yhat", "(0, 1)"),
    "MSE overflow": Case(lambda: MSELoss().value([1e200], [-1e200]), ValueError, "yhat and y", "overflow"),
    "HalfSSE grad overflow": Case(lambda: HalfSSELoss().grad([1e308], [-1e308]), ValueError, "yhat and y", "overflow"),
    # network
    "Network not a list": Case(lambda: Network(5), TypeError, "layers", "int"),
    "Network empty": Case(lambda: Network([]), ValueError, "layers", "none"),
    "Network not a pair": Case(lambda: Network([LAYER]), TypeError, "layers[0]", "Linear(n_in=2"),
    "Network bad linear": Case(lambda: Network([(np.ones((2, 2)), Sigmoid())]), TypeError, "layers[0][0]", "ndarray"),
    "Network bad activation": Case(lambda: Network([(LAYER, np.tanh)]), TypeError, "layers[0][1]", "ufunc"),
    "Network activation class": Case(lambda: Network([(LAYER, Sigmoid)]), TypeError, "layers[0][1]", "Sigmoid()"),
    "Network linear class": Case(lambda: Network([(Linear, Sigmoid())]), TypeError, "layers[0][0]", "Linear(W, b)"),
    "Network wrong class": Case(lambda: Network([(Sigmoid, Sigmoid())]), TypeError, "layers[0][0]", "the class Sigmoid"),
    "Network triple": Case(lambda: Network([[LAYER, Sigmoid(), Sigmoid()]]), TypeError, "layers[0]", "3 items"),
    "Network mixed conventions": Case(lambda: Network([(Linear(np.ones((2, 2))), Sigmoid()), (Linear(np.ones((2, 2)), convention="column"), Sigmoid())]), ValueError, "layers[1][0]", "'column'"),
    "Network chain": Case(lambda: Network([(LAYER, Sigmoid()), (LAYER, Sigmoid())]), ValueError, "layers[1]", "2 inputs"),
    "Network loss class": Case(lambda: NET.gradients(X3, Y3, MSELoss), TypeError, "loss", "MSELoss()"),
    "Network gradients loss": Case(lambda: NET.gradients(X3, Y3, "mse"), TypeError, "loss", "str"),
    "Network loss bad loss": Case(lambda: NET.loss(X3, Y3, None), TypeError, "loss", "None"),
    "Network empty batch gradients": Case(lambda: NET.gradients(np.zeros((0, 1)), np.zeros((0, 1)), MSELoss()), ValueError, "X", "(0, 1)"),
    "Network empty batch loss": Case(lambda: NET.loss(np.zeros((0, 1)), np.zeros((0, 1)), MSELoss()), ValueError, "X", "(0, 1)"),
    "Network empty targets": Case(lambda: NET.loss(X3, np.zeros((0, 1)), MSELoss()), ValueError, "y", "(0, 1)"),
    "Network column y shape": Case(lambda: COLUMN_NET.gradients(np.ones((3, 4)), np.ones((4, 2)), MSELoss()), ValueError, "y", "(4, 2)"),
    "Network forward cols": Case(lambda: NET.forward(np.ones((3, 2))), ValueError, "X", "(3, 2)"),
    "Network gradients y cols": Case(lambda: NET.gradients(np.ones((3, 1)), np.ones((3, 2)), MSELoss()), ValueError, "y", "(3, 2)"),
    "Network gradients y rows": Case(lambda: NET.gradients(np.ones((3, 1)), np.ones((2, 1)), MSELoss()), ValueError, "y", "(2, 1)"),
    "Network step lr negative": Case(lambda: NET.step(X3, Y3, MSELoss(), -0.1), ValueError, "lr", "-0.1"),
    "Network step lr string": Case(lambda: NET.step(X3, Y3, MSELoss(), "0.1"), TypeError, "lr", "'0.1'"),
    "Network step lr huge int": Case(lambda: NET.step(X3, Y3, MSELoss(), 10**400), ValueError, "lr", "too large"),
    "Network step overflow": Case(lambda: NET.step(X3, Y3, MSELoss(), 1e308), ValueError, "lr", "1e+308"),
    "Network huge weight": Case(lambda: Network([(Linear([[1e308]]), Identity()), (Linear([[1e308]]), Identity())]).gradients([[1.0]], [[0.0]], HalfSSELoss()), ValueError, "W, b", "overflow"),
    "Network huge weight backprop": Case(lambda: Network([(Linear([[1e300]]), Sigmoid()), (Linear([[1e300]]), Identity())]).gradients([[1.0]], [[0.0]], HalfSSELoss()), ValueError, "W, b", "overflow"),
    "Network huge weight loss": Case(lambda: Network([(Linear([[1e200]]), Identity())]).loss([[1e200]], [[0.0]], MSELoss()), ValueError, "W, b", "overflow"),
    # numerical gradients
    "numerical_gradient f": Case(lambda: numerical_gradient(3.0, [1.0]), TypeError, "f", "float"),
    "numerical_gradient vector f": Case(lambda: numerical_gradient(lambda v: v, [1.0, 2.0]), ValueError, "f", "(2,)"),
    "numerical_gradient eps": Case(lambda: numerical_gradient(lambda v: 0.0, [1.0], eps=0), ValueError, "eps", "0"),
    "numerical_gradient eps huge": Case(lambda: numerical_gradient(lambda v: 0.0, [1.0], eps=1e308), ValueError, "eps", "1e+308"),
    "numerical_gradient eps huge int": Case(lambda: numerical_gradient(lambda v: 0.0, [1.0], eps=10**400), ValueError, "eps", "too large"),
    "numerical_gradient nan x": Case(lambda: numerical_gradient(lambda v: 0.0, [np.nan]), ValueError, "x", "nan"),
    "numerical_gradient empty x": Case(lambda: numerical_gradient(lambda v: 0.0, []), ValueError, "x", "(0,)"),
    "numerical_gradient f returns None": Case(lambda: numerical_gradient(lambda v: None, [1.0, 2.0]), TypeError, "f", "NoneType"),
    "numerical_gradient f returns a string": Case(lambda: numerical_gradient(lambda v: "1.5", [1.0, 2.0]), TypeError, "f", "'1.5'"),
    "numerical_gradient f returns a bool": Case(lambda: numerical_gradient(lambda v: True, [1.0]), TypeError, "f", "True"),
    "numerical_gradient f returns nan": Case(lambda: numerical_gradient(lambda v: float("nan"), [1.0]), ValueError, "f", "nan"),
    "numerical_gradient f overflows": Case(lambda: numerical_gradient(lambda v: float(np.sum(v ** 2)), [1e200]), ValueError, "f", "inf"),
    "numerical_gradient f raises": Case(lambda: numerical_gradient(lambda v: v[5], [1.0, 2.0]), ValueError, "f", "IndexError"),
    "relative_error shapes": Case(lambda: relative_error([1.0, 2.0], [1.0]), ValueError, "b", "(1,)"),
    "relative_error floor huge int": Case(lambda: relative_error([1.0], [1.0], floor=10**400), ValueError, "floor", "too large"),
}

VALID_CALLS = [
    valid("matgrad.Linear", Linear, [[1.0, 2.0], [3.0, 4.0]], [0.5, -0.5]),
    fresh("matgrad.Linear.forward", lambda: LAYER.forward, [[1.0, 2.0]]),
    fresh("matgrad.Linear.backward", lambda: LAYER.backward, [[1.0, 2.0]], [[1.0, 0.0, -1.0]]),
    fresh("matgrad.Linear.jacobian_weights", lambda: LAYER.jacobian_weights, [1.0, 2.0]),
    fresh("matgrad.Linear.jacobian_input", lambda: COLUMN.jacobian_input, [1.0, 2.0, 3.0]),
    fresh("matgrad.Linear.jacobian_bias", lambda: COLUMN.jacobian_bias, [[1.0], [2.0], [3.0]]),
    valid("matgrad.sigmoid", sigmoid, [0.0, 1.0]),
    valid("matgrad.numerical_gradient", numerical_gradient, lambda v: float(v[0] ** 2), [1.0, 2.0]),
    valid("matgrad.relative_error", relative_error, [1.0, 2.0], [1.0, 2.5]),
    valid("matgrad.Network", Network, [(Linear([[1.0]]), Sigmoid())]),
    fresh("matgrad.Network.forward", lambda: NET.forward, X3),
    fresh("matgrad.Network.gradients", lambda: NET.gradients, X3, Y3, MSELoss()),
    fresh("matgrad.Network.loss", lambda: NET.loss, X3, Y3, MSELoss()),
    fresh("matgrad.Network.step", lambda: NET.step, X3, Y3, MSELoss(), 0.1),
]
for _cls in (Sigmoid, Identity):
    _name = f"matgrad.{_cls.__name__}"
    VALID_CALLS += [
        valid(_name, _cls),
        fresh(f"{_name}.forward", lambda c=_cls: c().forward, [[0.0, 1.0]]),
        fresh(f"{_name}.backward", lambda c=_cls: c().backward, [[0.0, 1.0]], [[1.0, 2.0]]),
        fresh(f"{_name}.derivative", lambda c=_cls: c().derivative, [[0.0, 1.0]]),
        fresh(f"{_name}.jacobian", lambda c=_cls: c().jacobian, [0.0, 1.0]),
    ]
for _cls in (MSELoss, HalfSSELoss):
    _name = f"matgrad.{_cls.__name__}"
    VALID_CALLS += [
        valid(_name, _cls),
        fresh(f"{_name}.value", lambda c=_cls: c().value, [[1.0], [2.0]], [[0.0], [1.0]]),
        fresh(f"{_name}.grad", lambda c=_cls: c().grad, [[1.0], [2.0]], [[0.0], [1.0]]),
    ]
