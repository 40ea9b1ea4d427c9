"""Exercises of notebook 05: backpropagation through several layers (row convention, no bias).

Notation of the multilayer derivation: N_i = O_{i-1} W_i, O_i = s(N_i),
Loss = 1/2 sum (t - O)^2, delta_i = dLoss/dN_i.

>>> [ex.id for ex in EXERCISES]
['05.1', '05.2', '05.3', '05.4', '05.5']
>>> EXERCISES[0].solution()
array([[-0.25,  0.2 , -0.5 ]])
"""

import numpy as np

from matgrad.course.exercises._draw import ints, size, sizes, steps
from matgrad.course.exercises._exercise import Exercise, Mistake
from matgrad.course.exercises._nb04 import slope
from matgrad.course.exercises._nb05_chain import CHAIN_ORDER, LAYER_BACKWARD
from matgrad.layers import sigmoid


def _draw_output(rng):
    if rng is None:
        return {"O": ((0.75, 0.2, 0.5),), "t": ((1.0, 0.0, 1.0),)}
    h = size(rng, 2, 4)
    return {"O": steps(rng, (1, h), 0.05, 0.95, 0.05), "t": steps(rng, (1, h), 0, 1, 0.5)}


LOSS_GRADIENT = Exercise(
    id="05.1",
    title="dLoss/dO for the half squared error",
    prompt=(
        "The last layer's output is the row $O$ and the target is the row $t$. The loss is the half squared error "
        "$Loss = \\tfrac12\\sum_k (t_k - O_k)^2$. Compute $\\partial Loss/\\partial O$ (a row, like $O$)."
    ),
    kind="array",
    draw=_draw_output,
    solve=lambda g: g.O - g.t,
    formula="dLoss/dO = O - t: the 1/2 cancels the 2 of the square, and the inner derivative of (t - O) is -1.",
    mistakes=(
        Mistake(
            "sign",
            lambda g: g.t - g.O,
            lambda g: (
                "The sign is wrong. d/dO_k of 1/2 (t_k - O_k)^2 is (t_k - O_k) times the inner derivative -1, "
                "so dLoss/dO_k = O_k - t_k. With your sign, gradient descent would walk away from the target."
            ),
        ),
        Mistake(
            "missing_loss_factor",
            lambda g: 2 * (g.O - g.t),
            lambda g: (
                "Your answer is twice too large: the 1/2 of the half squared error is missing. The 1/2 is there "
                "to cancel the 2 from the square, so dLoss/dO = O - t."
            ),
        ),
    ),
    hints=(
        "Differentiate one term 1/2 (t_k - O_k)^2 by O_k. Do not forget the inner derivative.",
        "The result is O_k - t_k for every k: `O - t`.",
    ),
)


def _draw_last_layer(rng):
    if rng is None:
        return {"O_1": ((0.5, 0.25, 0.75),), "W_2": ((1, -1), (2, 0), (-1, 1)), "t": ((1.0, 0.0),)}
    h1, h2 = sizes(rng, 2, 2, 4)
    return {"O_1": steps(rng, (1, h1), 0.05, 0.95, 0.05), "W_2": ints(rng, (h1, h2), -2, 2), "t": steps(rng, (1, h2), 0, 1, 0.5)}


def _delta_2(g, at=None):
    N_2 = g.O_1 @ g.W_2
    O_2 = sigmoid(N_2)
    return (O_2 - g.t) * slope(N_2 if at is None else at(N_2, O_2))


LAST_LAYER = Exercise(
    id="05.2",
    title="dLoss/dW for the last layer",
    prompt=(
        "The last layer of a network gets the row $O_1$ from the layer below and computes $N_2 = O_1W_2$, "
        "$O_2 = s(N_2)$. The loss is $\\tfrac12\\sum_k (t_k - O_{2k})^2$. Compute $\\partial Loss/\\partial W_2$ "
        "(in the shape of $W_2$)."
    ),
    kind="array",
    draw=_draw_last_layer,
    solve=lambda g: g.O_1.T @ _delta_2(g),
    formula="delta_2 = (O_2 - t) * s'(N_2), and dLoss/dW_2 = O_1^T delta_2 (the derivation's 'trick').",
    mistakes=(
        Mistake(
            "transposed",
            lambda g: _delta_2(g).T @ g.O_1,
            lambda g: f"Your answer is transposed: dLoss/dW_2 = O_1^T delta_2 has W_2's shape {g.W_2.shape}.",
        ),
        Mistake(
            "missing_activation_derivative",
            lambda g: g.O_1.T @ (sigmoid(g.O_1 @ g.W_2) - g.t),
            lambda g: (
                "The sigmoid's slope is missing. Between O_2 and N_2 the chain has the factor dO_2/dN_2 = diag(s'(N_2)), "
                "so delta_2 = (O_2 - t) * s'(N_2)."
            ),
        ),
        Mistake(
            "derivative_at_wrong_point",
            lambda g: g.O_1.T @ _delta_2(g, at=lambda N_2, O_2: O_2),
            lambda g: (
                "You evaluated s' at the output O_2 instead of at N_2. Use s'(N_2) = O_2(1 - O_2): "
                "plug O_2 into h(1 - h) directly, without applying the sigmoid again."
            ),
        ),
        Mistake(
            "sign",
            lambda g: -(g.O_1.T @ _delta_2(g)),
            lambda g: "The sign is wrong: dLoss/dO_2 = O_2 - t, not t - O_2.",
        ),
    ),
    hints=(
        "Forward first: N_2 = O_1 W_2 and O_2 = s(N_2). Then delta_2 = dLoss/dN_2 = (O_2 - t) * s'(N_2).",
        "dLoss/dW_2 = O_1^T delta_2: a column (h1 x 1) times a row (1 x h2). In numpy: `O_1.T @ delta_2`.",
    ),
)


def _draw_lower(rng):
    if rng is None:
        N_1 = np.array([[0.5, -1.0, 2.0]])
        return {"delta_2": ((0.1, -0.2),), "W_2": ((1, -1), (2, 0), (-1, 1)), "N_1": N_1, "O_1": sigmoid(N_1)}
    h1, h2 = sizes(rng, 2, 2, 4)
    N_1 = steps(rng, (1, h1), -2, 2, 0.5)
    return {"delta_2": steps(rng, (1, h2), -0.5, 0.5, 0.1), "W_2": ints(rng, (h1, h2), -2, 2), "N_1": N_1, "O_1": sigmoid(N_1)}


LOWER_DELTA = Exercise(
    id="05.3",
    title="One layer down: delta_1",
    prompt=(
        "Layer 2 computed $N_2 = O_1W_2$, and backpropagation already has $\\delta_2 = \\partial Loss/\\partial N_2$ "
        "(a row). Layer 1 computed $O_1 = s(N_1)$ ($N_1$ and $O_1$ are given). Compute "
        "$\\delta_1 = \\partial Loss/\\partial N_1$."
    ),
    kind="array",
    draw=_draw_lower,
    solve=lambda g: (g.delta_2 @ g.W_2.T) * slope(g.N_1),
    formula="delta_1 = (delta_2 W_2^T) * s'(N_1): back through W_2 (the factor W_2^T), then through the sigmoid.",
    mistakes=(
        Mistake(
            "missing_activation_derivative",
            lambda g: g.delta_2 @ g.W_2.T,
            lambda g: (
                "You stopped at dLoss/dO_1 = delta_2 W_2^T. To reach N_1 the chain goes through the sigmoid of "
                "layer 1 too: multiply by s'(N_1), entry by entry."
            ),
        ),
        Mistake(
            "derivative_at_wrong_point",
            lambda g: (g.delta_2 @ g.W_2.T) * slope(g.O_1),
            lambda g: "You evaluated s' at O_1 instead of at N_1. The slope is s'(N_1) = O_1(1 - O_1).",
        ),
        Mistake(
            "missing_path",
            lambda g: (g.delta_2[:, :1] @ g.W_2[:, :1].T) * slope(g.N_1),
            lambda g: (
                f"You followed only the path through N_21. O_1j reaches the loss through all {g.W_2.shape[1]} "
                "entries of N_2, and delta_2 W_2^T adds up every path: sum_k delta_2k w_jk."
            ),
        ),
    ),
    hints=(
        "dLoss/dO_1 = delta_2 dN_2/dO_1, and dN_2/dO_1 = W_2^T. Then go through the sigmoid of layer 1.",
        "delta_1 = (delta_2 @ W_2.T) * O_1 * (1 - O_1).",
    ),
)

EXERCISES = (LOSS_GRADIENT, LAST_LAYER, LOWER_DELTA, CHAIN_ORDER, LAYER_BACKWARD)
