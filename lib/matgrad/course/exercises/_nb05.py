"""Exercises of notebook 05: backpropagation through several layers (row convention, no bias).

The course's notation (docs/notation.md): layer i computes z^i = h^(i-1) W^i and
h^i = σ(z^i); the loss is L = 1/2 sum (y - h)^2; the backward vectors are
dL/dz^i. In code and plain text the layer is a suffix: z1, h1, W2, dL_dz2
(dL/dz2). The multilayer derivation writes N_i, O_i, t, Loss and delta_i for
them: 05.1's prompt says so, once. A Jacobian has one row per output entry
(numerator layout).

>>> [ex.id for ex in EXERCISES]
['05.1', '05.2', '05.3', '05.4', '05.5']
>>> EXERCISES[0].solution()
array([[-0.25,  0.2 , -0.5 ]])
>>> EXERCISES[3].solution().round(4)
array([[ 0.25  , -0.1966],
       [ 0.5   ,  0.5898]])
"""

import numpy as np

from matgrad import sigmoid
from matgrad.course.exercises._draw import ints, size, sizes, steps
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise


# ------------------------------------------------------------------ 05.1 the loss
def _draw_output(rng):
    if rng is None:
        return {"h": ((0.75, 0.2, 0.5),), "y": ((1.0, 0.0, 1.0),)}
    n = size(rng, 2, 4)
    return {"h": steps(rng, (1, n), 0.05, 0.95, 0.05), "y": steps(rng, (1, n), 0, 1, 0.5)}


LOSS_GRADIENT = ArrayExercise(
    "05.1",
    draw=_draw_output,
    compute=lambda g, at: at.result(
        "dL/dh", at.loss_gradient("dL/dh", ("h", g.h), ("y", g.y), loss="half"), like="h"
    ),
)


# ------------------------------------------------------------------ 05.2 the last layer
def _draw_last_layer(rng):
    if rng is None:
        return {"h1": ((0.5, 0.25, 0.75),), "W2": ((1, -1), (2, 0), (-1, 1)), "y": ((1.0, 0.0),)}
    n1, n2 = sizes(rng, 2, 2, 4)
    return {"h1": steps(rng, (1, n1), 0.05, 0.95, 0.05), "W2": ints(rng, (n1, n2), -2, 2), "y": steps(rng, (1, n2), 0, 1, 0.5)}


def last_layer(g, at):
    """dL/dz2 = (h2 - y) * σ'(z2) and dL/dW2 = h1^T dL/dz2."""
    z2 = g.h1 @ g.W2
    h2 = at.sigmoid("h2", ("z2", z2))
    dL_dh2 = at.loss_gradient("dL/dh2", ("h2", h2), ("y", g.y), loss="half")
    slope = at.slope("σ'(z2)", z=("z2", z2), h=("h2", h2))
    dL_dz2 = at.elementwise("dL/dz2", ("dL/dh2", dL_dh2), ("σ'(z2)", slope))
    dL_dW2 = at.product("dL/dW2", ("h1^T", g.h1.T), ("dL/dz2", dL_dz2), over="outer")
    dL_dW2 = at.alternatives(
        "dL/dW2", dL_dW2,
        weights_instead_of_input=lambda v: g.W2 * dL_dz2,
        input_gradient_instead=lambda v: dL_dz2 @ g.W2.T,
    )  # fmt: skip
    return at.result("dL/dW2", dL_dW2, like="W2")


LAST_LAYER = ArrayExercise("05.2", draw=_draw_last_layer, compute=last_layer)


# ------------------------------------------------------------------ 05.3 one layer down
def _draw_lower(rng):
    if rng is None:
        z1 = np.array([[0.5, -1.0, 2.0]])
        return {"dL_dz2": ((0.1, -0.2),), "W2": ((1, -1), (2, 0), (-1, 1)), "z1": z1, "h1": sigmoid(z1)}
    n1, n2 = sizes(rng, 2, 2, 4)
    z1 = steps(rng, (1, n1), -2, 2, 0.5)
    dL_dz2 = steps(rng, (1, n2), -0.5, 0.5, 0.1, nonzero=True)  # no zero: every path counts
    return {"dL_dz2": dL_dz2, "W2": ints(rng, (n1, n2), -2, 2), "z1": z1, "h1": sigmoid(z1)}


def lower_gradient(g, at):
    """dL/dz1 = (dL/dz2 W2^T) * σ'(z1): back through W2, then through the sigmoid."""
    dL_dh1 = at.product("dL/dh1", ("dL/dz2", g.dL_dz2), ("W2^T", g.W2.T), over="paths", transposable=1)
    slope = at.slope("σ'(z1)", z=("z1", g.z1), h=("h1", g.h1))
    return at.result("dL/dz1", at.elementwise("dL/dz1", ("dL/dh1", dL_dh1), ("σ'(z1)", slope)), like="z1")


LOWER_GRADIENT = ArrayExercise("05.3", draw=_draw_lower, compute=lower_gradient)


# ------------------------------------------------------------------ 05.4 the order of the chain
def _draw_square(rng):
    if rng is None:
        z1 = np.array([[0.0, 1.0]])
        return {"z1": z1, "h1": sigmoid(z1), "W2": ((1, 2), (-1, 3))}
    n = size(rng, 2, 3)
    z1 = steps(rng, (1, n), -2, 2, 0.5)
    return {"z1": z1, "h1": sigmoid(z1), "W2": ints(rng, (n, n), -3, 3)}


def chain_order(g, at):
    """dz2/dz1 = (dz2/dh1)(dh1/dz1) = W2^T diag(σ'(z1))."""
    slope = at.slope("σ'(z1)", z=("z1", g.z1[0]), h=("h1", g.h1[0]))
    J = at.product("dz2/dz1", ("W2^T", g.W2.T), ("diag(σ'(z1))", np.diag(slope)), over="paths", transposable=0)
    return at.result("dz2/dz1", J, like=None)


CHAIN_ORDER = ArrayExercise("05.4", draw=_draw_square, compute=chain_order)


# ------------------------------------------------------------------ 05.5 one layer as a function
def _draw_cases(rng):
    local = np.random.default_rng(505) if rng is None else rng
    if rng is None:
        cases = [{"h_prev": ((0.5, 0.25, 0.75),), "W": ((1, -1), (2, 0), (-1, 1)), "dL_dh": ((-0.4, 0.3),)}]
    else:
        cases = [_case(local, 1, size(local, 2, 3), size(local, 2, 4))]
    return cases + [_case(local, N, n, m) for N, n, m in ((3, 2, 2), (2, 3, 2), (4, 2, 3))]


def _case(rng, N, n, m):
    return {"h_prev": steps(rng, (N, n), 0.05, 0.95, 0.05), "W": ints(rng, (n, m), -2, 2), "dL_dh": steps(rng, (N, m), -1, 1, 0.1)}


def layer_backward(g, at):
    """dL/dz = dL/dh * σ'(z); dL/dW = h_prev^T dL/dz; dL/dh_prev = dL/dz W^T."""
    z = g.h_prev @ g.W
    slope = at.slope("σ'(z)", z=("z", z), h=("h", sigmoid(z)))
    dL_dz = at.elementwise("dL/dz", ("dL/dh", g.dL_dh), ("σ'(z)", slope))
    dL_dW = at.product("dL_dW", ("h_prev^T", g.h_prev.T), ("dL/dz", dL_dz), over="samples")
    dL_dh_prev = at.product("dL_dh_prev", ("dL/dz", dL_dz), ("W^T", g.W.T), over="paths", transposable=1)
    return at.result("dL_dW", dL_dW, like="W"), at.result("dL_dh_prev", dL_dh_prev, like="h_prev")


LAYER_BACKWARD = FunctionExercise(
    "05.5",
    draw=_draw_cases,
    compute=layer_backward,
    source=(
        "def layer_backward(h_prev, W, dL_dh):\n    h = matgrad.sigmoid(h_prev @ W)\n"
        "    dL_dz = dL_dh * h * (1 - h)\n    return h_prev.T @ dL_dz, dL_dz @ W.T\n"
    ),
    returns=("dL_dW", "dL_dh_prev"),
    batch="h_prev",
)

EXERCISES = (LOSS_GRADIENT, LAST_LAYER, LOWER_GRADIENT, CHAIN_ORDER, LAYER_BACKWARD)
