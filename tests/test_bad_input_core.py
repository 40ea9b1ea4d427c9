"""The numeric core rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import numpy as np
import pytest

from bad_input import assert_sweep_passes, fresh, valid
from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid, gradcheck, relative_error, sigmoid

LAYER = Linear(np.ones((2, 3)), np.zeros(3))
COLUMN = Linear(np.ones((2, 3)), np.zeros(2), convention="column")  # n_in 3, n_out 2
COLUMN_NET = Network([(COLUMN, Sigmoid())])
NET = Network([(Linear(np.ones((1, 2))), Sigmoid()), (Linear(np.ones((2, 1))), Identity())])
X3, Y3 = np.ones((3, 1)), np.zeros((3, 1))

CASES = {
    # numeric Linear
    "Linear W 1-D": (lambda: Linear([1.0, 2.0]), ValueError, r"W must be 2-D; got a 1-D array of shape \(2,\)"),
    "Linear W strings": (lambda: Linear([["a", "b"]]), TypeError, r"W must be numeric .* dtype <U1"),
    "Linear W None": (lambda: Linear(None), TypeError, r"W must be numeric"),
    "Linear W nan": (lambda: Linear([[np.nan]]), ValueError, r"W must be finite; got an entry equal to nan"),
    "Linear W inf": (lambda: Linear([[1.0, np.inf]]), ValueError, r"W must be finite; got an entry equal to inf"),
    "Linear W ragged": (lambda: Linear([[1.0], [1.0, 2.0]]), ValueError, r"W must be a rectangular array"),
    "Linear W bool": (lambda: Linear([[True]]), TypeError, r"W must be numeric .* dtype bool"),
    "Linear b shape": (lambda: Linear(np.ones((2, 3)), [0.0, 0.0]), ValueError, r"b must have n_out = 3 entries \(shape \(3,\), \(1, 3\) or \(3, 1\)\) to match W of shape \(2, 3\) in row convention; got shape \(2,\)"),
    "Linear b 2-D not a vector": (lambda: Linear(np.ones((2, 3)), np.zeros((2, 3))), ValueError, r"b must have n_out = 3 entries .* got shape \(2, 3\)"),
    "Linear b column convention": (lambda: Linear(np.ones((2, 3)), [0.0, 0.0, 0.0], convention="column"), ValueError, r"b must have n_out = 2 entries .* W of shape \(2, 3\) in column convention; got shape \(3,\)"),
    "Linear convention": (lambda: Linear(np.ones((2, 3)), convention="col"), ValueError, r"convention must be one of \('row', 'column'\); got 'col'"),
    "Linear W class": (lambda: Linear(Linear), TypeError, r"W must be numeric .* got the class Linear"),
    "forward column rows": (lambda: COLUMN.forward(np.ones((2, 4))), ValueError, r"X must have 3 rows \(shape \(3, batch\): one column per sample in column convention\); got shape \(2, 4\)"),
    "forward 1-D length": (lambda: LAYER.forward([1.0, 2.0, 3.0]), ValueError, r"X \(one sample, 1-D\) must have 2 entries; got shape \(3,\)"),
    "forward empty batch": (lambda: LAYER.forward(np.zeros((0, 2))), ValueError, r"X must not be empty .* got shape \(0, 2\)"),
    "forward empty column batch": (lambda: COLUMN.forward(np.zeros((3, 0))), ValueError, r"X must not be empty .* got shape \(3, 0\)"),
    "forward overflow": (lambda: Linear([[1e308], [1e308]]).forward([10.0, 10.0]), ValueError, r"Linear.forward: X @ W \+ b overflowed .* X or W must be smaller \(largest \|X\| = 10, \|W\| = 1e\+308"),
    "backward column batches": (lambda: COLUMN.backward(np.ones((3, 4)), np.ones((2, 5))), ValueError, r"X and dY must have the same number of columns \(one per sample\); got X \(3, 4\) and dY \(2, 5\)"),
    "backward empty dY": (lambda: LAYER.backward(np.ones((1, 2)), np.zeros((0, 3))), ValueError, r"dY must not be empty"),
    "backward overflow": (lambda: Linear([[1e308]]).backward([[1.0]], [[1e308]]), ValueError, r"Linear.backward: dX overflowed .* dY or W must be smaller"),
    "jacobian_input x shape": (lambda: LAYER.jacobian_input([1.0]), ValueError, r"x must be one sample: shape \(2,\) or \(1, 2\); got shape \(1,\)"),
    "jacobian_bias x column": (lambda: COLUMN.jacobian_bias(np.ones((1, 3))), ValueError, r"x must be one sample: shape \(3,\) or \(3, 1\); got shape \(1, 3\)"),
    "forward cols": (lambda: LAYER.forward(np.ones((4, 3))), ValueError, r"X must have 2 columns \(shape \(batch, 2\)\); got shape \(4, 3\)"),
    "forward 3-D": (lambda: LAYER.forward(np.ones((1, 1, 2))), ValueError, r"X must be 1-D or 2-D; got a 3-D array of shape \(1, 1, 2\)"),
    "forward complex": (lambda: LAYER.forward(np.ones(2) * 1j), TypeError, r"X must be numeric .* complex128"),
    "backward dY cols": (lambda: LAYER.backward(np.ones((4, 2)), np.ones((4, 2))), ValueError, r"dY must have 3 columns \(shape \(batch, 3\)\); got shape \(4, 2\)"),
    "backward rows": (lambda: LAYER.backward(np.ones((4, 2)), np.ones((5, 3))), ValueError, r"X and dY must have the same number of rows .* got X \(4, 2\) and dY \(5, 3\)"),
    "jacobian_weights x": (lambda: LAYER.jacobian_weights([1.0, 2.0, 3.0]), ValueError, r"x must be one sample: shape \(2,\) or \(1, 2\); got shape \(3,\)"),
    "jacobian_weights x batch": (lambda: LAYER.jacobian_weights(np.ones((2, 2))), ValueError, r"x must be one sample: shape \(2,\) or \(1, 2\); got shape \(2, 2\)"),
    # activations
    "Sigmoid nan": (lambda: Sigmoid().forward([0.0, np.nan]), ValueError, r"Z must be finite; got an entry equal to nan"),
    "Sigmoid string": (lambda: Sigmoid().forward("1"), TypeError, r"Z must be numeric"),
    "Sigmoid backward shapes": (lambda: Sigmoid().backward(np.ones((2, 3)), np.ones((3, 2))), ValueError, r"Z and dO must have the same shape; got Z \(2, 3\) and dO \(3, 2\)"),
    "Sigmoid jacobian 2-D": (lambda: Sigmoid().jacobian(np.ones((2, 2))), ValueError, r"z must be one sample: a vector of shape \(n,\), \(1, n\) or \(n, 1\); got shape \(2, 2\)"),
    "sigmoid None": (lambda: sigmoid(None), TypeError, r"Z must be numeric .* got a value of type NoneType"),
    "sigmoid nan": (lambda: sigmoid([0.0, np.nan]), ValueError, r"Z must be finite; got an entry equal to nan"),
    "Sigmoid derivative None": (lambda: Sigmoid().derivative(None), TypeError, r"Z must be numeric .* NoneType"),
    "Sigmoid derivative string": (lambda: Sigmoid().derivative("abc"), TypeError, r"Z must be numeric .* got a value of type str"),
    "Identity derivative nan": (lambda: Identity().derivative([np.nan]), ValueError, r"Z must be finite"),
    "Sigmoid forward empty": (lambda: Sigmoid().forward(np.zeros((0, 3))), ValueError, r"Z must not be empty .* got shape \(0, 3\)"),
    "Sigmoid backward empty": (lambda: Sigmoid().backward([], []), ValueError, r"Z must not be empty .* got shape \(0,\)"),
    "Identity backward shapes": (lambda: Identity().backward([1.0], [1.0, 2.0]), ValueError, r"Z and dO must have the same shape; got Z \(1,\) and dO \(2,\)"),
    # losses
    "MSE shapes": (lambda: MSELoss().value(np.ones((3, 1)), np.ones(3)), ValueError, r"yhat and y must have the same shape; got yhat \(3, 1\) and y \(3,\)"),
    "MSE grad shapes": (lambda: MSELoss().grad(np.ones((3, 1)), np.ones((1, 3))), ValueError, r"got yhat \(3, 1\) and y \(1, 3\)"),
    "HalfSSE inf": (lambda: HalfSSELoss().value([1.0], [np.inf]), ValueError, r"y must be finite; got an entry equal to inf"),
    "HalfSSE grad strings": (lambda: HalfSSELoss().grad(["a"], [1.0]), TypeError, r"yhat must be numeric"),
    "MSE empty": (lambda: MSELoss().value(np.zeros((0, 1)), np.zeros((0, 1))), ValueError, r"yhat must not be empty .* got shape \(0, 1\)"),
    "MSE overflow": (lambda: MSELoss().value([1e200], [-1e200]), ValueError, r"MSELoss.value: mean\(\(yhat - y\)\^2\) overflowed .* yhat and y must be smaller \(largest \|yhat\| = 1e\+200"),
    "HalfSSE grad overflow": (lambda: HalfSSELoss().grad([1e308], [-1e308]), ValueError, r"HalfSSELoss.grad: yhat - y overflowed"),
    # network
    "Network not a list": (lambda: Network(5), TypeError, r"layers must be a list of \(Linear, activation\) pairs; got int"),
    "Network empty": (lambda: Network([]), ValueError, r"at least one \(Linear, activation\) pair; got none"),
    "Network not a pair": (lambda: Network([LAYER]), TypeError, r"layers\[0\] must be a \(Linear, activation\) pair"),
    "Network bad linear": (lambda: Network([(np.ones((2, 2)), Sigmoid())]), TypeError, r"layers\[0\]\[0\] must be a matgrad.Linear; got ndarray"),
    "Network bad activation": (lambda: Network([(LAYER, np.tanh)]), TypeError, r"layers\[0\]\[1\] must be an activation .* got ufunc"),
    "Network activation class": (lambda: Network([(LAYER, Sigmoid)]), TypeError, r"layers\[0\]\[1\] must be an activation .* got the class Sigmoid; call it: Sigmoid\(\)"),
    "Network linear class": (lambda: Network([(Linear, Sigmoid())]), TypeError, r"layers\[0\]\[0\] must be a matgrad.Linear; got the class Linear; call it: Linear\(W, b\)"),
    "Network wrong class": (lambda: Network([(Sigmoid, Sigmoid())]), TypeError, r"layers\[0\]\[0\] must be a matgrad.Linear; got the class Sigmoid$"),
    "Network triple": (lambda: Network([[LAYER, Sigmoid(), Sigmoid()]]), TypeError, r"layers\[0\] must be a \(Linear, activation\) pair"),
    "Network mixed conventions": (lambda: Network([(Linear(np.ones((2, 2))), Sigmoid()), (Linear(np.ones((2, 2)), convention="column"), Sigmoid())]), ValueError, r"layers\[1\]\[0\] must use the row convention like layers\[0\]; got convention='column'"),
    "Network loss class": (lambda: NET.gradients(X3, Y3, MSELoss), TypeError, r"loss must be a matgrad loss such as MSELoss\(\) .* got the class MSELoss; call it: MSELoss\(\)"),
    "Network empty batch gradients": (lambda: NET.gradients(np.zeros((0, 1)), np.zeros((0, 1)), MSELoss()), ValueError, r"X must not be empty .* got shape \(0, 1\)"),
    "Network empty batch loss": (lambda: NET.loss(np.zeros((0, 1)), np.zeros((0, 1)), MSELoss()), ValueError, r"X must not be empty"),
    "Network empty targets": (lambda: NET.loss(X3, np.zeros((0, 1)), MSELoss()), ValueError, r"y must not be empty"),
    "Network column y shape": (lambda: COLUMN_NET.gradients(np.ones((3, 4)), np.ones((4, 2)), MSELoss()), ValueError, r"y must have 2 rows \(shape \(2, batch\)"),
    "Network step overflow": (lambda: NET.step(X3, Y3, MSELoss(), 1e308), ValueError, r"gradient-descent step of layers\[\d\]: W - lr \* dL/dW overflowed .* lr = 1e\+308 times dL/dW .* is not finite; lr must be smaller: the learning rate or the parameters are too large"),
    "Network huge weight": (lambda: Network([(Linear([[1e308]]), Identity()), (Linear([[1e308]]), Identity())]).gradients([[1.0]], [[0.0]], HalfSSELoss()), ValueError, r"the forward pass overflowed at layers\[1\]: the parameters \(W, b\) or the inputs X, y must be smaller"),
    "Network huge weight backprop": (lambda: Network([(Linear([[1e300]]), Sigmoid()), (Linear([[1e300]]), Identity())]).gradients([[1.0]], [[0.0]], HalfSSELoss()), ValueError, r"backpropagation overflowed at layers\[1\]: the parameters \(W, b\) or the inputs X, y must be smaller"),
    "Network chain": (lambda: Network([(LAYER, Sigmoid()), (LAYER, Sigmoid())]), ValueError, r"layers\[1\] expects 2 inputs but layers\[0\] produces 3; W shapes \(2, 3\) and \(2, 3\) do not chain"),
    "Network forward cols": (lambda: NET.forward(np.ones((3, 2))), ValueError, r"X must have 1 columns \(shape \(batch, 1\)\); got shape \(3, 2\)"),
    "Network gradients y cols": (lambda: NET.gradients(np.ones((3, 1)), np.ones((3, 2)), MSELoss()), ValueError, r"y must have 1 columns \(shape \(batch, 1\)\); got shape \(3, 2\)"),
    "Network gradients y rows": (lambda: NET.gradients(np.ones((3, 1)), np.ones((2, 1)), MSELoss()), ValueError, r"yhat and y must have the same shape; got yhat \(3, 1\) and y \(2, 1\)"),
    "Network gradients loss": (lambda: NET.gradients(np.ones((3, 1)), np.ones((3, 1)), "mse"), TypeError, r"loss must be a matgrad loss .* got str"),
    "Network step lr negative": (lambda: NET.step(np.ones((3, 1)), np.ones((3, 1)), MSELoss(), -0.1), ValueError, r"lr must be a positive finite number; got -0.1"),
    "Network step lr string": (lambda: NET.step(np.ones((3, 1)), np.ones((3, 1)), MSELoss(), "0.1"), TypeError, r"lr must be a real number; got '0.1'"),
    "Network loss bad loss": (lambda: NET.loss(np.ones((3, 1)), np.ones((3, 1)), None), TypeError, r"loss must be a matgrad loss .* got NoneType"),
    # gradcheck
    "gradcheck f": (lambda: gradcheck(3.0, [1.0]), TypeError, r"f must be a callable returning a scalar; got float"),
    "gradcheck vector f": (lambda: gradcheck(lambda v: v, [1.0, 2.0]), ValueError, r"f must return a scalar; got an array of shape \(2,\)"),
    "gradcheck eps": (lambda: gradcheck(lambda v: 0.0, [1.0], eps=0), ValueError, r"eps must be a positive finite number; got 0.0"),
    "gradcheck nan x": (lambda: gradcheck(lambda v: 0.0, [np.nan]), ValueError, r"x must be finite"),
    "gradcheck empty x": (lambda: gradcheck(lambda v: 0.0, []), ValueError, r"x must not be empty"),
    "gradcheck f returns None": (lambda: gradcheck(lambda v: None, [1.0, 2.0]), TypeError, r"f must return a real number \(a float\); got NoneType None at x = \[1.000001 2.      \] \(entry 0 moved\)"),
    "gradcheck f returns a string": (lambda: gradcheck(lambda v: "1.5", [1.0, 2.0]), TypeError, r"f must return a real number \(a float\); got str '1.5'"),
    "gradcheck f returns a bool": (lambda: gradcheck(lambda v: True, [1.0]), TypeError, r"f must return a real number \(a float\); got the bool True"),
    "gradcheck f returns nan": (lambda: gradcheck(lambda v: float("nan"), [1.0]), ValueError, r"f must return a finite number; got nan at x"),
    "gradcheck f overflows": (lambda: gradcheck(lambda v: float(np.sum(v ** 2)), [1e200]), ValueError, r"f must return a finite number; got inf at x"),
    "gradcheck f raises": (lambda: gradcheck(lambda v: v[5], [1.0, 2.0]), ValueError, r"f raised IndexError at x = \[1.000001 2.      \] \(entry 0 moved\): .* f must accept an array shaped like x \(shape \(2,\)\)"),
    "gradcheck eps huge": (lambda: gradcheck(lambda v: 0.0, [1.0], eps=1e308), ValueError, r"eps must be a small relative step below 1"),
    "relative_error shapes": (lambda: relative_error([1.0, 2.0], [1.0]), ValueError, r"a and b must have the same shape; got a \(2,\) and b \(1,\)"),
}

VALID_CALLS = [
    valid("matgrad.Linear", Linear, [[1.0, 2.0], [3.0, 4.0]], [0.5, -0.5]),
    fresh("matgrad.Linear.forward", lambda: LAYER.forward, [[1.0, 2.0]]),
    fresh("matgrad.Linear.backward", lambda: LAYER.backward, [[1.0, 2.0]], [[1.0, 0.0, -1.0]]),
    fresh("matgrad.Linear.jacobian_weights", lambda: LAYER.jacobian_weights, [1.0, 2.0]),
    fresh("matgrad.Linear.jacobian_input", lambda: COLUMN.jacobian_input, [1.0, 2.0, 3.0]),
    fresh("matgrad.Linear.jacobian_bias", lambda: COLUMN.jacobian_bias, [[1.0], [2.0], [3.0]]),
    valid("matgrad.sigmoid", sigmoid, [0.0, 1.0]),
    valid("matgrad.gradcheck", gradcheck, lambda v: float(v[0] ** 2), [1.0, 2.0]),
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


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)


def test_inputs_that_look_wrong_but_have_a_right_answer():
    # the finite-difference step is relative to x: 2e20 (not 0) for d(x^2)/dx at 1e20
    assert gradcheck(lambda v: float(v[0] ** 2), [1e20])[0] == pytest.approx(2e20, rel=1e-6)
    assert gradcheck(lambda v: float(v[0] ** 3), [1e-3])[0] == pytest.approx(3e-6, rel=1e-6)
    # a (Linear, activation) pair given as a list is a pair
    as_list = Network([[Linear([[2.0]], [1.0]), Identity()]])
    assert as_list.forward([[3.0]])[0].tolist() == [[7.0]]
    # a bias given as a row or a column is the same bias
    for bias in ([[1.0, 2.0, 3.0]], [[1.0], [2.0], [3.0]]):
        np.testing.assert_array_equal(Linear(np.ones((2, 3)), bias).b, [1.0, 2.0, 3.0])
    # huge but finite numbers that do not overflow give finite results
    assert np.isfinite(Sigmoid().derivative([1e308, -1e308])).all()
    assert relative_error([1e200, 0.0], [1e200, 1e190]) == pytest.approx(1e-10, rel=1e-9)


def test_an_error_inside_f_keeps_the_original_as_its_cause():
    def f(v):
        raise KeyError("boom")

    with pytest.raises(ValueError, match=r"f raised KeyError at x = \[3.000003\] \(entry 0 moved\)") as info:
        gradcheck(f, [3.0])
    assert isinstance(info.value.__cause__, KeyError)
