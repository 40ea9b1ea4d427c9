"""The numeric core rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import numpy as np
import pytest

from bad_input import assert_sweep_passes, fresh, valid
from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid, gradcheck, relative_error, sigmoid

LAYER = Linear(np.ones((2, 3)), np.zeros(3))
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
    "Linear b shape": (lambda: Linear(np.ones((2, 3)), [0.0, 0.0]), ValueError, r"b must have shape \(n_out,\) = \(3,\) to match W of shape \(2, 3\); got shape \(2,\)"),
    "Linear b 2-D": (lambda: Linear(np.ones((2, 3)), np.zeros((1, 3))), ValueError, r"b must be 1-D; got a 2-D array of shape \(1, 3\)"),
    "forward cols": (lambda: LAYER.forward(np.ones((4, 3))), ValueError, r"X must have 2 columns \(shape \(batch, 2\)\); got shape \(4, 3\)"),
    "forward 3-D": (lambda: LAYER.forward(np.ones((1, 1, 2))), ValueError, r"X must be 1-D or 2-D; got a 3-D array of shape \(1, 1, 2\)"),
    "forward complex": (lambda: LAYER.forward(np.ones(2) * 1j), TypeError, r"X must be numeric .* complex128"),
    "backward dY cols": (lambda: LAYER.backward(np.ones((4, 2)), np.ones((4, 2))), ValueError, r"dY must have 3 columns \(shape \(batch, 3\)\); got shape \(4, 2\)"),
    "backward rows": (lambda: LAYER.backward(np.ones((4, 2)), np.ones((5, 3))), ValueError, r"X and dY must have the same number of rows .* got X \(4, 2\) and dY \(5, 3\)"),
    "jacobian_weights x": (lambda: LAYER.jacobian_weights([1.0, 2.0, 3.0]), ValueError, r"x must have shape \(2,\); got shape \(3,\)"),
    # activations
    "Sigmoid nan": (lambda: Sigmoid().forward([0.0, np.nan]), ValueError, r"Z must be finite; got an entry equal to nan"),
    "Sigmoid string": (lambda: Sigmoid().forward("1"), TypeError, r"Z must be numeric"),
    "Sigmoid backward shapes": (lambda: Sigmoid().backward(np.ones((2, 3)), np.ones((3, 2))), ValueError, r"Z and dO must have the same shape; got Z \(2, 3\) and dO \(3, 2\)"),
    "Sigmoid jacobian 2-D": (lambda: Sigmoid().jacobian(np.ones((2, 2))), ValueError, r"z must be 1-D; got a 2-D array of shape \(2, 2\)"),
    "Identity backward shapes": (lambda: Identity().backward([1.0], [1.0, 2.0]), ValueError, r"Z and dO must have the same shape; got Z \(1,\) and dO \(2,\)"),
    # losses
    "MSE shapes": (lambda: MSELoss().value(np.ones((3, 1)), np.ones(3)), ValueError, r"yhat and y must have the same shape; got yhat \(3, 1\) and y \(3,\)"),
    "MSE grad shapes": (lambda: MSELoss().grad(np.ones((3, 1)), np.ones((1, 3))), ValueError, r"got yhat \(3, 1\) and y \(1, 3\)"),
    "HalfSSE inf": (lambda: HalfSSELoss().value([1.0], [np.inf]), ValueError, r"y must be finite; got an entry equal to inf"),
    "HalfSSE grad strings": (lambda: HalfSSELoss().grad(["a"], [1.0]), TypeError, r"yhat must be numeric"),
    # network
    "Network not a list": (lambda: Network(5), TypeError, r"layers must be a list of \(Linear, activation\) pairs; got int"),
    "Network empty": (lambda: Network([]), ValueError, r"at least one \(Linear, activation\) pair; got none"),
    "Network not a pair": (lambda: Network([LAYER]), TypeError, r"layers\[0\] must be a \(Linear, activation\) pair"),
    "Network bad linear": (lambda: Network([(np.ones((2, 2)), Sigmoid())]), TypeError, r"layers\[0\]\[0\] must be a matgrad.Linear; got ndarray"),
    "Network bad activation": (lambda: Network([(LAYER, np.tanh)]), TypeError, r"layers\[0\]\[1\] must be an activation .* got ufunc"),
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
    "relative_error shapes": (lambda: relative_error([1.0, 2.0], [1.0]), ValueError, r"a and b must have the same shape; got a \(2,\) and b \(1,\)"),
}

VALID_CALLS = [
    valid("matgrad.Linear", Linear, [[1.0, 2.0], [3.0, 4.0]], [0.5, -0.5]),
    fresh("matgrad.Linear.forward", lambda: LAYER.forward, [[1.0, 2.0]]),
    fresh("matgrad.Linear.backward", lambda: LAYER.backward, [[1.0, 2.0]], [[1.0, 0.0, -1.0]]),
    fresh("matgrad.Linear.jacobian_weights", lambda: LAYER.jacobian_weights, [1.0, 2.0]),
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
