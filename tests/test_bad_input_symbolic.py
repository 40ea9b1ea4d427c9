"""matgrad.symbolic rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import numpy as np
import pytest
import sympy as sp

from bad_input import assert_sweep_passes, fresh, valid  # noqa: F401
from matgrad import symbolic

W22 = symbolic.symbol_matrix("w", 2, 2)

CASES = {
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
}

VALID_CALLS = []  # one per public callable of matgrad.symbolic (tests/test_bad_input_coverage.py)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)
