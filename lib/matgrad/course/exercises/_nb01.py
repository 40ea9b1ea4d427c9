"""Exercises of notebook 01: the Jacobian of y = Wx and dL/dx = W^T dL/dy (column convention).

>>> [ex.id for ex in EXERCISES]
['01.1', '01.2', '01.3']
>>> EXERCISES[1].solution()
array([39., 54., 69.])
"""

from types import MappingProxyType

import numpy as np

from matgrad.course.exercises._compare import fmt_array
from matgrad.course.exercises._draw import ints, size, sizes
from matgrad.course.exercises._exercise import Exercise, Mistake

# the lecture slides' example (a read-only mapping of tuples: no shared mutable state)
LECTURE = MappingProxyType({"W": ((1, 2, 3), (4, 5, 6)), "x": (9, 10, 11), "dL_dy": (7, 8)})


def _draw_sizes(rng):
    if rng is None:
        return {"m": 2, "n": 3}
    m, n = sizes(rng, 2, 2, 6)
    return {"m": m, "n": n}


JACOBIAN_SHAPE = Exercise(
    id="01.1",
    title="The shape of the Jacobian",
    prompt=(
        "A Linear layer in the column convention, $y = Wx$, takes an input column $x$ with $n$ entries "
        "and gives an output column $y$ with $m$ entries. What is the shape of the Jacobian "
        "$\\partial y/\\partial x$ (numerator layout, as in this course)? Give a tuple such as `(4, 5)`."
    ),
    kind="shape",
    draw=_draw_sizes,
    solve=lambda g: (g.m, g.n),
    formula="dy/dx has one row per output y_i and one column per input x_j: shape (m, n), the shape of W.",
    mistakes=(
        Mistake(
            "transposed",
            lambda g: (g.n, g.m),
            lambda g: (
                f"({g.n}, {g.m}) has one row per input: that is the denominator layout. In this course a "
                f"Jacobian has one row per output y_i and one column per input x_j, so it has {g.m} rows."
            ),
        ),
        Mistake(
            "gradient_shape",
            lambda g: (g.n, 1),
            lambda g: (
                f"({g.n}, 1) is the shape of x, and of the gradient dL/dx. The Jacobian dy/dx holds every "
                f"dy_i/dx_j: {g.m} x {g.n} numbers."
            ),
        ),
    ),
    hints=(
        "Count the partial derivatives dy_i/dx_j: there are m times n of them. The numerator y decides the number of rows.",
        "Row i holds the derivatives of y_i by x_1, ..., x_n. So there are m rows and n columns.",
    ),
    note="A Jacobian has one row per output entry and one column per input entry.",
)


def _draw_layer(rng):
    if rng is None:
        return dict(LECTURE)
    m, n = sizes(rng, 2, 2, 4)
    return {"W": ints(rng, (m, n)), "x": ints(rng, n, -3, 9), "dL_dy": ints(rng, m, -9, 9)}


DL_DX = Exercise(
    id="01.2",
    title="dL/dx for given numbers",
    prompt=(
        "Column convention: $y = Wx$. The layer above sends back the gradient $\\partial L/\\partial y$. "
        "Compute $\\partial L/\\partial x$ for the given $W$, $x$ and $\\partial L/\\partial y$: "
        "one number per input $x_j$."
    ),
    kind="array",
    draw=_draw_layer,
    solve=lambda g: g.W.T @ g.dL_dy,
    formula="dL/dx = W^T dL/dy: entry j is sum_i w_ij dL/dy_i.",
    mistakes=(
        Mistake(
            "forward_value",
            lambda g: g.W @ g.x,
            lambda g: (
                f"You computed y = Wx = {fmt_array(g.W @ g.x)}, the forward pass. The question is how L changes "
                f"with x: dL/dx = W^T dL/dy, one entry per input ({g.x.size} entries)."
            ),
        ),
        Mistake(
            "missing_path",
            lambda g: g.dL_dy[0] * g.W[0],
            lambda g: (
                f"You followed only the route through y_1. Each x_j reaches L through all {g.W.shape[0]} "
                "outputs, so dL/dx_j = sum_i w_ij dL/dy_i adds one term per output."
            ),
        ),
        Mistake(
            "missing_sum",
            lambda g: g.W.T * g.dL_dy,
            lambda g: (
                f"You have every term w_ij dL/dy_i, as a table of shape {g.W.T.shape}. The chain rule adds "
                "them up: for each x_j, sum over the outputs i. That sum is the matrix product W^T dL/dy."
            ),
        ),
    ),
    hints=(
        "dL/dx_j = sum_i (dL/dy_i)(dy_i/dx_j), and dy_i/dx_j = w_ij.",
        "Put these sums together for j = 1, ..., n: that is W^T dL/dy (numpy: `W.T @ dL_dy`).",
    ),
)


def _draw_cases(rng):
    local = np.random.default_rng(101) if rng is None else rng
    first = dict(LECTURE) if rng is None else _draw_layer(rng)
    cases = [first]
    for m, n in ((3, 3), (size(local, 2, 3) + 2, 2), (2, 4)):
        cases.append({"x": ints(local, n, -3, 9), "W": ints(local, (m, n)), "dL_dy": ints(local, m, -9, 9)})
    return [{"x": c["x"], "W": c["W"], "dL_dy": c["dL_dy"]} for c in cases]


def _transposed_message(g):
    m, n = g.W.shape
    return (
        "Your function uses W where W^T belongs. For a square W it runs, but gives W dL/dy; for W of shape "
        f"({m}, {n}) it cannot even multiply. dL/dx_j = sum_i w_ij dL/dy_i runs down column j of W, "
        "which is row j of W^T."
    )


BACKWARD = Exercise(
    id="01.3",
    title="The backward pass as a function",
    prompt=(
        "Write the backward pass of the layer $y = Wx$ (column convention, vectors as 1-D numpy arrays) as a "
        "function `backward(x, W, dL_dy)` that returns $\\partial L/\\partial x$. "
        "The checker calls it on several layers, square and not square."
    ),
    kind="function",
    draw=_draw_cases,
    solve="def backward(x, W, dL_dy):\n    return W.T @ dL_dy\n",
    formula="dL/dx = W^T dL/dy (x itself is not needed: the Jacobian of y = Wx is W for every x).",
    mistakes=(
        Mistake("transposed", "def backward(x, W, dL_dy):\n    return W @ dL_dy\n", _transposed_message),
        Mistake(
            "forward_value",
            "def backward(x, W, dL_dy):\n    return W @ x\n",
            lambda g: "Your function returns y = Wx, the forward pass. The backward pass returns dL/dx = W^T dL/dy.",
        ),
        Mistake(
            "missing_path",
            "def backward(x, W, dL_dy):\n    return dL_dy[0] * W[0]\n",
            lambda g: "Your function follows only the route through y_1. dL/dx_j adds one term per output: W^T dL/dy.",
        ),
    ),
    hints=(
        "dL/dx has the shape of x. Which product of W (or W^T) and dL_dy has that shape?",
        "Return `W.T @ dL_dy`. The input x is not needed.",
    ),
    returns=("dL_dx",),
)

EXERCISES = (JACOBIAN_SHAPE, DL_DX, BACKWARD)
