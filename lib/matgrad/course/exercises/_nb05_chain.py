"""Exercises 05.4 and 05.5 of notebook 05: the order of the chain, and one layer's backward pass.

Row convention, no bias, as in the multilayer derivation: N_i = O_{i-1} W_i,
O_i = s(N_i). A Jacobian has one row per output entry (numerator layout).

>>> CHAIN_ORDER.solution().round(4)
array([[ 0.25  , -0.1966],
       [ 0.5   ,  0.5898]])
"""

import numpy as np

from matgrad.course.exercises._draw import ints, size, steps
from matgrad.course.exercises._exercise import Exercise, Mistake
from matgrad.course.exercises._nb04 import slope
from matgrad.layers import sigmoid


def _draw_square(rng):
    if rng is None:
        N_1 = np.array([[0.0, 1.0]])
        return {"N_1": N_1, "O_1": sigmoid(N_1), "W_2": ((1, 2), (-1, 3))}
    h = size(rng, 2, 3)
    N_1 = steps(rng, (1, h), -2, 2, 0.5)
    return {"N_1": N_1, "O_1": sigmoid(N_1), "W_2": ints(rng, (h, h), -3, 3)}


def _diag(g):
    return np.diag(slope(g.N_1)[0])


CHAIN_ORDER = Exercise(
    id="05.4",
    title="The order of the Jacobians",
    prompt=(
        "Layer 1 computes $O_1 = s(N_1)$ and layer 2 computes $N_2 = O_1W_2$ (row convention). Compute the "
        "Jacobian $\\partial N_2/\\partial N_1$ (one row per entry of $N_2$), as the chain-rule product of "
        "$\\partial N_2/\\partial O_1$ and $\\partial O_1/\\partial N_1$. Here both are square, so both orders "
        "of the product can be computed: only one is right."
    ),
    kind="array",
    draw=_draw_square,
    solve=lambda g: g.W_2.T @ _diag(g),
    formula="dN_2/dN_1 = (dN_2/dO_1)(dO_1/dN_1) = W_2^T diag(s'(N_1)): column j is scaled by s'(N_1j).",
    mistakes=(
        Mistake(
            "wrong_order",
            lambda g: _diag(g) @ g.W_2.T,
            lambda g: (
                "You multiplied the two Jacobians in the wrong order. The chain rule puts the later step first: "
                "dN_2/dN_1 = (dN_2/dO_1)(dO_1/dN_1) = W_2^T diag(s'(N_1)). Check with one entry: N_1j changes only "
                "O_1j, so column j (not row j) must carry the factor s'(N_1j)."
            ),
        ),
        Mistake(
            "transposed",
            lambda g: g.W_2 @ _diag(g),
            lambda g: (
                "You used W_2 where its transpose belongs. N_2k = sum_j O_1j w_jk, so dN_2k/dO_1j = w_jk: "
                "row k of dN_2/dO_1 is column k of W_2, and dN_2/dO_1 = W_2^T."
            ),
        ),
        Mistake(
            "missing_activation_derivative",
            lambda g: g.W_2.T,
            lambda g: "This is only dN_2/dO_1 = W_2^T. The chain also passes the sigmoid: multiply by dO_1/dN_1 = diag(s'(N_1)).",
        ),
    ),
    hints=(
        "dN_2/dO_1 = W_2^T and dO_1/dN_1 = diag(s'(N_1)). Which one comes first in the chain rule?",
        "Write the later layer's factor on the left: `W_2.T @ np.diag(O_1[0] * (1 - O_1[0]))`.",
    ),
)


def _draw_cases(rng):
    local = np.random.default_rng(505) if rng is None else rng
    if rng is None:
        cases = [{"O_prev": ((0.5, 0.25, 0.75),), "W": ((1, -1), (2, 0), (-1, 1)), "dLoss_dO": ((-0.4, 0.3),)}]
    else:
        cases = [_case(local, 1, size(local, 2, 3), size(local, 2, 4))]
    return cases + [_case(local, B, n, m) for B, n, m in ((3, 2, 2), (2, 3, 2), (4, 2, 3))]


def _case(rng, B, n, m):
    return {"O_prev": steps(rng, (B, n), 0.05, 0.95, 0.05), "W": ints(rng, (n, m), -2, 2), "dLoss_dO": steps(rng, (B, m), -1, 1, 0.1)}


LAYER_BACKWARD = Exercise(
    id="05.5",
    title="One sigmoid layer's backward pass as a function",
    prompt=(
        "Write `layer_backward(O_prev, W, dLoss_dO)` for one layer $N = O_{prev}W$, $O = s(N)$ (row convention, "
        "no bias; `O_prev` holds one sample per row). It gets $\\partial Loss/\\partial O$ and returns "
        "`(dLoss_dW, dLoss_dO_prev)`: the weight gradient, and the gradient to send to the layer below."
    ),
    kind="function",
    draw=_draw_cases,
    solve=(
        "def layer_backward(O_prev, W, dLoss_dO):\n    O = 1 / (1 + np.exp(-(O_prev @ W)))\n"
        "    delta = dLoss_dO * O * (1 - O)\n    return O_prev.T @ delta, delta @ W.T\n"
    ),
    formula="delta = dLoss/dO * s'(N); dLoss/dW = O_prev^T delta; dLoss/dO_prev = delta W^T.",
    mistakes=(
        Mistake(
            "missing_activation_derivative",
            "def layer_backward(O_prev, W, dLoss_dO):\n    return O_prev.T @ dLoss_dO, dLoss_dO @ W.T\n",
            lambda g: "Your function skips the sigmoid: first compute delta = dLoss/dO * s'(N), then use delta in both products.",
        ),
        Mistake(
            "derivative_at_wrong_point",
            (
                "def layer_backward(O_prev, W, dLoss_dO):\n    O = 1 / (1 + np.exp(-(O_prev @ W)))\n"
                "    S = 1 / (1 + np.exp(-O))\n    delta = dLoss_dO * S * (1 - S)\n    return O_prev.T @ delta, delta @ W.T\n"
            ),
            lambda g: "Your function evaluates s' at the output O (it applies the sigmoid twice). s'(N) = O(1 - O).",
        ),
        Mistake(
            "transposed",
            (
                "def layer_backward(O_prev, W, dLoss_dO):\n    O = 1 / (1 + np.exp(-(O_prev @ W)))\n"
                "    delta = dLoss_dO * O * (1 - O)\n    return delta.T @ O_prev, delta @ W.T\n"
            ),
            lambda g: f"Your dLoss_dW is transposed. It must have W's shape {g.W.shape}: O_prev^T delta, not delta^T O_prev.",
        ),
    ),
    hints=(
        "Three steps: the forward values N = O_prev W and O = s(N); delta = dLoss/dO * s'(N); then the two products.",
        "`delta = dLoss_dO * O * (1 - O)`, then `return O_prev.T @ delta, delta @ W.T`.",
    ),
    returns=("dLoss_dW", "dLoss_dO_prev"),
)
