"""matgrad: backpropagation through Linear and sigmoid layers, by matrix calculus.

Numeric layers (numpy, float64, row convention: a batch is rows):

>>> import matgrad
>>> net = matgrad.Network([(matgrad.Linear([[1.0, 2.0]], [0.0, 1.0]), matgrad.Sigmoid())])
>>> net.sizes
(1, 2)

The package tree is the architecture:

* ``matgrad`` (this module) -- the numeric core: layers, losses, network,
  gradient checking. It never imports the parts below.
* ``matgrad.symbolic`` -- the SymPy twin of the core, with the same API.
* ``matgrad.course`` -- the course material: the worked homework, its
  handwritten numbers (and how they compare), the exercises.
* ``matgrad.widgets`` -- the notebook UI: stepper, explorers, drawings.
"""

from matgrad.gradcheck import gradcheck, relative_error
from matgrad.layers import Identity, Linear, Sigmoid, sigmoid
from matgrad.losses import HalfSSELoss, MSELoss
from matgrad.network import LayerTrace, Network

__all__ = [
    "HalfSSELoss",
    "Identity",
    "LayerTrace",
    "Linear",
    "MSELoss",
    "Network",
    "Sigmoid",
    "gradcheck",
    "relative_error",
    "sigmoid",
]
__version__ = "0.1.0"
