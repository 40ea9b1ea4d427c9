"""Every public constructor and method rejects bad input with a message naming expected and given."""

import numpy as np
import pytest
import sympy as sp

import matgrad
from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid, gradcheck, relative_error, symbolic
from matgrad.widgets.stepper import DerivationStepper, derivation_markdown, step

LAYER = Linear(np.ones((2, 3)), np.zeros(3))
W22 = symbolic.symbol_matrix("w", 2, 2)
NET = Network([(Linear(np.ones((1, 2))), Sigmoid()), (Linear(np.ones((2, 1))), Identity())])

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
    # symbolic
    "symbol_matrix name": (lambda: symbolic.symbol_matrix("1w", 2, 2), ValueError, r"a symbol name must be an identifier such as 'w'; got '1w'"),
    "symbol_matrix size": (lambda: symbolic.symbol_matrix("w", 0, 2), ValueError, r"rows must be a positive integer; got 0"),
    "symbol_row size": (lambda: symbolic.symbol_row("x", 2.5), ValueError, r"n must be a positive integer; got 2.5"),
    "sym Linear convention": (lambda: symbolic.Linear(sp.eye(2), convention="col"), ValueError, r"convention must be one of \('row', 'column'\); got 'col'"),
    "sym Linear W type": (lambda: symbolic.Linear("W"), TypeError, r"W must be a sympy Matrix \(or nested list\); got str"),
    "sym Linear b shape": (lambda: symbolic.Linear(sp.ones(2, 3), sp.ones(3, 1)), ValueError, r"b must have shape \(1, 3\) to match W of shape \(2, 3\) in row convention; got shape \(3, 1\)"),
    "sym forward row x": (lambda: symbolic.Linear(sp.ones(2, 3)).forward(sp.ones(1, 3)), ValueError, r"x must have shape \(batch, 2\) in row convention; got shape \(1, 3\)"),
    "sym forward column x": (lambda: symbolic.Linear(sp.ones(2, 3), convention="column").forward(sp.ones(1, 3)), ValueError, r"x must have shape \(3, 1\) in column convention; got shape \(1, 3\)"),
    "sym jacobian batch": (lambda: symbolic.Linear(sp.ones(2, 3)).jacobian_input(sp.ones(2, 2)), ValueError, r"x must be one sample, shape \(1, 2\); got shape \(2, 2\)"),
    "sym sigmoid jacobian matrix": (lambda: symbolic.Sigmoid().jacobian(sp.ones(2, 2)), ValueError, r"z must be a vector \(1, n\) or \(n, 1\); got shape \(2, 2\)"),
    "sym loss shapes": (lambda: symbolic.MSELoss().value(sp.ones(2, 1), sp.ones(1, 2)), ValueError, r"yhat and y must have the same shape; got yhat \(2, 1\) and y \(1, 2\)"),
    "sym gradient matrix expr": (lambda: symbolic.gradient(sp.ones(2, 1), W22), ValueError, r"expr must be a scalar; got a matrix of shape \(2, 1\)"),
    "sym jacobian by numbers": (lambda: symbolic.jacobian(sp.ones(2, 1), sp.zeros(2, 1)), ValueError, r"X must be a matrix of symbols to differentiate by; entry 0 \(row-major\) is 0"),
    "sym gradient by numbers": (lambda: symbolic.gradient(sp.Symbol("t"), sp.Matrix([[1, sp.Symbol("t")]])), ValueError, r"M must be a matrix of symbols to differentiate by; entry 0 \(row-major\) is 1"),
    "sym kronecker row": (lambda: symbolic.kronecker_weight_jacobian(sp.ones(2, 1), 3, "row"), ValueError, r"x \(a row\) must have shape \(1, 1\); got shape \(2, 1\)"),
    "sym Network pair": (lambda: symbolic.Network([sp.eye(2)]), TypeError, r"layers\[0\] must be a \(Linear, activation\) pair"),
    "sym Network chain": (lambda: symbolic.Network([(symbolic.Linear(sp.ones(2, 3)), symbolic.Identity()), (symbolic.Linear(sp.ones(2, 3)), symbolic.Identity())]), ValueError, r"layers\[1\] expects 2 inputs but layers\[0\] produces 3"),
    "lambdify arg": (lambda: symbolic.lambdify([sp.Symbol("t") + 1], sp.Symbol("t")), TypeError, r"args\[0\] must be a Symbol or a matrix of Symbols"),
    "lambdify missing": (lambda: symbolic.lambdify([sp.Symbol("t")], sp.Symbol("t") * sp.Symbol("u")), ValueError, r"expr has symbols with no value given: u"),
    "lambdified shape": (lambda: symbolic.lambdify([W22], W22[0, 0])(np.ones((3, 2))), ValueError, r"value 0 must have shape \(2, 2\) to match its symbols; got shape \(3, 2\)"),
    "lambdified count": (lambda: symbolic.lambdify([sp.Symbol("t")], sp.Symbol("t"))(1.0, 2.0), TypeError, r"expected 1 arrays \(one per arg\); got 2"),
    "evaluate pairs": (lambda: symbolic.evaluate(sp.Symbol("t"), [sp.Symbol("t")]), TypeError, r"values\[0\] must be a \(symbols, value\) pair"),
    # stepper
    "step text": (lambda: step(3, "x"), TypeError, r"text must be a string; got int"),
    "stepper empty": (lambda: DerivationStepper([]), ValueError, r"a derivation needs at least one step; got none"),
    "stepper items": (lambda: derivation_markdown(["x = 1"]), TypeError, r"steps\[0\] must be a matgrad.widgets.stepper.Step; got 'x = 1'"),
    "markdown upto": (lambda: derivation_markdown([step("a", "x")], upto=3), ValueError, r"upto must be between 1 and 1; got 3"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


def test_every_public_name_is_covered():
    # A new public class or function must come with bad-input cases here.
    covered = {"Linear", "Sigmoid", "Identity", "MSELoss", "HalfSSELoss", "Network", "gradcheck", "relative_error"}
    unchecked = {"LayerTrace", "sigmoid"}  # a NamedTuple; the raw function behind Sigmoid.forward
    assert set(matgrad.__all__) == covered | unchecked
