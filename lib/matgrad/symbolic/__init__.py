"""The SymPy twin of the numeric core: same classes, methods, signatures and shapes.

``from matgrad import symbolic`` and ``symbolic.Linear``, ``symbolic.Network``,
... take the place of ``matgrad.Linear``, ``matgrad.Network``, ...: a
notebook switches between numbers and symbols with one import. Every
derivative here (``backward``, ``derivative``, the Jacobians, a loss's
``grad``, ``Network.gradients``) is *derived* by sympy (``diff`` /
``Matrix.jacobian``) from the forward expression, never typed in, so it is
an independent check of the numeric code. Results are ``sympy.Matrix``
objects; SymPy has no 1-D matrices, so a 1-D input (one sample) comes back
as a (1, n) row in row convention and an (n, 1) column in column convention.

Two conventions are offered, as in the source material:

* ``"row"`` (the row-convention proof, the multilayer derivation, the
  worked homework): ``Y = X W + b`` with ``X`` a row (1, n_in) -- or a
  batch of rows -- and ``W`` (n_in, n_out).
* ``"column"`` (the lecture slides, the Kronecker-delta proof (HW3)):
  ``y = W x + b`` with ``x`` a column (n_in, 1) -- or a batch of columns --
  and ``W`` (n_out, n_in).

A Jacobian ``dY/dX`` always has one row per output entry and one column per
input entry (numerator layout), with matrices flattened row by row.

>>> W = symbol_matrix("w", 2, 3)
>>> Linear(W).jacobian_input()
Matrix([
[w11, w21],
[w12, w22],
[w13, w23]])
"""

from matgrad._validate import CONVENTIONS
from matgrad._validate import MAX_SYMBOLIC_SIZE as MAX_SIZE
from matgrad.network import LayerTrace
from matgrad.symbolic.activations import Identity, Sigmoid, sigmoid
from matgrad.symbolic.calculus import flatten, gradient, jacobian, kronecker_weight_jacobian
from matgrad.symbolic.evaluate import evaluate, lambdify
from matgrad.symbolic.layers import Linear
from matgrad.symbolic.losses import HalfSSELoss, MSELoss
from matgrad.symbolic.network import Network
from matgrad.symbolic.symbols import symbol_column, symbol_matrix, symbol_row

__all__ = [
    "CONVENTIONS",
    "MAX_SIZE",
    "HalfSSELoss",
    "Identity",
    "LayerTrace",
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
