"""matgrad: backpropagation through Linear and sigmoid layers, by matrix calculus.

Numeric layers (numpy, float64). Row convention by default (``Y = X W + b``,
a batch is rows); ``convention="column"`` gives ``y = W x + b`` (a batch is
columns), as on the lecture slides:

>>> import matgrad
>>> net = matgrad.Network([(matgrad.Linear([[1.0, 2.0]], [0.0, 1.0]), matgrad.Sigmoid())])
>>> net.sizes
(1, 2)
>>> matgrad.Linear([[1, 2, 3], [4, 5, 6]], convention="column").backward([9, 10, 11], [7, 8])[0]
array([39., 54., 69.])

The package tree is the architecture:

* ``matgrad`` (this module) -- the numeric core: layers, losses, network,
  numerical gradients. It never imports the parts below.
* ``matgrad.symbolic`` -- the SymPy twin of the core, with the same API
  (same names, signatures and shapes: a notebook switches with one import).
* ``matgrad.course`` -- the course material: the worked homework, its
  handwritten numbers (and how they compare), the exercises.
* ``matgrad.widgets`` -- the notebook UI: stepper, explorers, drawings.
"""

from matgrad.layers import Identity, Linear, Sigmoid, sigmoid
from matgrad.losses import HalfSSELoss, MSELoss
from matgrad.network import LayerTrace, Network
from matgrad.numerical import numerical_gradient, relative_error

__all__ = [
    "HalfSSELoss",
    "Identity",
    "LayerTrace",
    "Linear",
    "MSELoss",
    "Network",
    "Sigmoid",
    "numerical_gradient",
    "relative_error",
    "sigmoid",
]
__version__ = "0.1.0"
