"""Exercises of notebook 05: backpropagation through several layers (row convention, no bias).

Notation of the multilayer derivation: N_i = O_{i-1} W_i, O_i = s(N_i),
Loss = 1/2 sum (t - O)^2, delta_i = dLoss/dN_i. A Jacobian has one row per
output entry (numerator layout).

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
        return {"O": ((0.75, 0.2, 0.5),), "t": ((1.0, 0.0, 1.0),)}
    h = size(rng, 2, 4)
    return {"O": steps(rng, (1, h), 0.05, 0.95, 0.05), "t": steps(rng, (1, h), 0, 1, 0.5)}


LOSS_GRADIENT = ArrayExercise(
    "05.1",
    draw=_draw_output,
    compute=lambda g, at: at.result(
        "dLoss/dO", at.loss_gradient("dLoss/dO", ("O", g.O), ("t", g.t), loss="half"), like="O"
    ),
)


# ------------------------------------------------------------------ 05.2 the last layer
def _draw_last_layer(rng):
    if rng is None:
        return {"O_1": ((0.5, 0.25, 0.75),), "W_2": ((1, -1), (2, 0), (-1, 1)), "t": ((1.0, 0.0),)}
    h1, h2 = sizes(rng, 2, 2, 4)
    return {"O_1": steps(rng, (1, h1), 0.05, 0.95, 0.05), "W_2": ints(rng, (h1, h2), -2, 2), "t": steps(rng, (1, h2), 0, 1, 0.5)}


def last_layer(g, at):
    """delta_2 = (O_2 - t) * s'(N_2) and dLoss/dW_2 = O_1^T delta_2."""
    N_2 = g.O_1 @ g.W_2
    O_2 = at.sigmoid("O_2", ("N_2", N_2))
    dLoss_dO_2 = at.loss_gradient("dLoss/dO_2", ("O_2", O_2), ("t", g.t), loss="half")
    slope = at.slope("s'(N_2)", z=("N_2", N_2), h=("O_2", O_2))
    delta_2 = at.elementwise("delta_2", ("dLoss/dO_2", dLoss_dO_2), ("s'(N_2)", slope))
    dLoss_dW_2 = at.product("dLoss/dW_2", ("O_1^T", g.O_1.T), ("delta_2", delta_2), over="outer")
    dLoss_dW_2 = at.alternatives(
        "dLoss/dW_2", dLoss_dW_2,
        weights_instead_of_input=lambda v: g.W_2 * delta_2,
        input_gradient_instead=lambda v: delta_2 @ g.W_2.T,
    )  # fmt: skip
    return at.result("dLoss/dW_2", dLoss_dW_2, like="W_2")


LAST_LAYER = ArrayExercise("05.2", draw=_draw_last_layer, compute=last_layer)


# ------------------------------------------------------------------ 05.3 one layer down
def _draw_lower(rng):
    if rng is None:
        N_1 = np.array([[0.5, -1.0, 2.0]])
        return {"delta_2": ((0.1, -0.2),), "W_2": ((1, -1), (2, 0), (-1, 1)), "N_1": N_1, "O_1": sigmoid(N_1)}
    h1, h2 = sizes(rng, 2, 2, 4)
    N_1 = steps(rng, (1, h1), -2, 2, 0.5)
    delta_2 = steps(rng, (1, h2), -0.5, 0.5, 0.1, nonzero=True)  # no zero: every path counts
    return {"delta_2": delta_2, "W_2": ints(rng, (h1, h2), -2, 2), "N_1": N_1, "O_1": sigmoid(N_1)}


def lower_delta(g, at):
    """delta_1 = (delta_2 W_2^T) * s'(N_1): back through W_2, then through the sigmoid."""
    dLoss_dO_1 = at.product("dLoss/dO_1", ("delta_2", g.delta_2), ("W_2^T", g.W_2.T), over="paths", transposable=1)
    slope = at.slope("s'(N_1)", z=("N_1", g.N_1), h=("O_1", g.O_1))
    return at.result("delta_1", at.elementwise("delta_1", ("dLoss/dO_1", dLoss_dO_1), ("s'(N_1)", slope)), like="N_1")


LOWER_DELTA = ArrayExercise("05.3", draw=_draw_lower, compute=lower_delta)


# ------------------------------------------------------------------ 05.4 the order of the chain
def _draw_square(rng):
    if rng is None:
        N_1 = np.array([[0.0, 1.0]])
        return {"N_1": N_1, "O_1": sigmoid(N_1), "W_2": ((1, 2), (-1, 3))}
    h = size(rng, 2, 3)
    N_1 = steps(rng, (1, h), -2, 2, 0.5)
    return {"N_1": N_1, "O_1": sigmoid(N_1), "W_2": ints(rng, (h, h), -3, 3)}


def chain_order(g, at):
    """dN_2/dN_1 = (dN_2/dO_1)(dO_1/dN_1) = W_2^T diag(s'(N_1))."""
    slope = at.slope("s'(N_1)", z=("N_1", g.N_1[0]), h=("O_1", g.O_1[0]))
    J = at.product("dN_2/dN_1", ("W_2^T", g.W_2.T), ("diag(s'(N_1))", np.diag(slope)), over="paths", transposable=0)
    return at.result("dN_2/dN_1", J, like=None)


CHAIN_ORDER = ArrayExercise("05.4", draw=_draw_square, compute=chain_order)


# ------------------------------------------------------------------ 05.5 one layer as a function
def _draw_cases(rng):
    local = np.random.default_rng(505) if rng is None else rng
    if rng is None:
        cases = [{"O_prev": ((0.5, 0.25, 0.75),), "W": ((1, -1), (2, 0), (-1, 1)), "dLoss_dO": ((-0.4, 0.3),)}]
    else:
        cases = [_case(local, 1, size(local, 2, 3), size(local, 2, 4))]
    return cases + [_case(local, B, n, m) for B, n, m in ((3, 2, 2), (2, 3, 2), (4, 2, 3))]


def _case(rng, B, n, m):
    return {"O_prev": steps(rng, (B, n), 0.05, 0.95, 0.05), "W": ints(rng, (n, m), -2, 2), "dLoss_dO": steps(rng, (B, m), -1, 1, 0.1)}


def layer_backward(g, at):
    """delta = dLoss/dO * s'(N); dLoss/dW = O_prev^T delta; dLoss/dO_prev = delta W^T."""
    N = g.O_prev @ g.W
    slope = at.slope("s'(N)", z=("N", N), h=("O", sigmoid(N)))
    delta = at.elementwise("delta", ("dLoss/dO", g.dLoss_dO), ("s'(N)", slope))
    dLoss_dW = at.product("dLoss_dW", ("O_prev^T", g.O_prev.T), ("delta", delta), over="samples")
    dLoss_dO_prev = at.product("dLoss_dO_prev", ("delta", delta), ("W^T", g.W.T), over="paths", transposable=1)
    return at.result("dLoss_dW", dLoss_dW, like="W"), at.result("dLoss_dO_prev", dLoss_dO_prev, like="O_prev")


LAYER_BACKWARD = FunctionExercise(
    "05.5",
    draw=_draw_cases,
    compute=layer_backward,
    source=(
        "def layer_backward(O_prev, W, dLoss_dO):\n    O = matgrad.sigmoid(O_prev @ W)\n"
        "    delta = dLoss_dO * O * (1 - O)\n    return O_prev.T @ delta, delta @ W.T\n"
    ),
    returns=("dLoss_dW", "dLoss_dO_prev"),
    batch="O_prev",
)

EXERCISES = (LOSS_GRADIENT, LAST_LAYER, LOWER_DELTA, CHAIN_ORDER, LAYER_BACKWARD)
