"""Symbolic (sympy) twins of the numeric layers, and Jacobian builders.

Every Jacobian here is *derived* by sympy (``Matrix.jacobian`` / ``diff``)
from the forward expression, never typed in, so it is an independent check
of the numeric ``backward`` methods. Results are ordinary ``sympy.Matrix``
objects.

Two conventions are offered, as in the source material:

* ``"row"`` (seeds 000, 002, 004; the numeric layers): ``Y = X W + B`` with
  ``X`` a row (1, n_in) -- or a batch of rows -- and ``W`` (n_in, n_out).
* ``"column"`` (seeds 001, 003): ``y = W x + b`` with ``x`` a column
  (n_in, 1) and ``W`` (n_out, n_in).

A Jacobian ``dY/dX`` always has one row per output entry and one column per
input entry (numerator layout), with matrices flattened row by row.

>>> W = symbol_matrix("w", 2, 3)
>>> x = symbol_row("x", 2)
>>> Linear(W).jacobian_input(x)
Matrix([
[w11, w21],
[w12, w22],
[w13, w23]])
"""

from matgrad.symbolic._checks import CONVENTIONS
from matgrad.symbolic.calculus import flatten, gradient, jacobian, kronecker_weight_jacobian
from matgrad.symbolic.evaluate import evaluate, lambdify
from matgrad.symbolic.layers import Identity, Linear, Sigmoid, sigmoid
from matgrad.symbolic.losses import HalfSSELoss, MSELoss
from matgrad.symbolic.network import Network
from matgrad.symbolic.symbols import symbol_column, symbol_matrix, symbol_row

__all__ = [
    "CONVENTIONS",
    "HalfSSELoss",
    "Identity",
    "Linear",
    "MSELoss",
    "Network",
    "Sigmoid",
    "evaluate",
    "flatten",
    "gradient",
    "jacobian",
    "kronecker_weight_jacobian",
    "lambdify",
    "sigmoid",
    "symbol_column",
    "symbol_matrix",
    "symbol_row",
]
