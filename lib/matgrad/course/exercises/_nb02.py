"""Exercises of notebook 02: dL/dW = dL/dy x^T and dL/db = dL/dy for y = Wx + b (column convention).

>>> [ex.id for ex in EXERCISES]
['02.1', '02.2', '02.3', '02.4']
>>> EXERCISES[0].solution()
array([[63., 70., 77.],
       [72., 80., 88.]])
"""

from types import MappingProxyType

import numpy as np

from matgrad.course.exercises._draw import ints, size, sizes
from matgrad.course.exercises._exercise import Exercise, Mistake

# the lecture slides' example (a read-only mapping of tuples: no shared mutable state)
LECTURE = MappingProxyType({"W": ((1, 2, 3), (4, 5, 6)), "x": (9, 10, 11), "dL_dy": (7, 8)})


def _draw_layer(rng):
    if rng is None:
        return dict(LECTURE)
    m, n = sizes(rng, 2, 2, 4)
    return {"W": ints(rng, (m, n)), "x": ints(rng, n, -3, 9), "dL_dy": ints(rng, m, -9, 9)}


def _transposed_message(g):
    m, n = np.shape(g.W)
    return (
        f"You transposed dL/dW: it must have W's shape ({m}, {n}); compare dL/dy x^T with x dL/dy^T. "
        "Entry (i, j) is dL/dy_i x_j: the row index belongs to the output y_i."
    )


WEIGHT_GRADIENT = Exercise(
    id="02.1",
    title="dL/dW for given numbers",
    prompt=(
        "Column convention: $y = Wx + b$. Compute the weight gradient $\\partial L/\\partial W$ for the given "
        "$W$, $x$ and upstream gradient $\\partial L/\\partial y$. It has one entry per weight."
    ),
    kind="array",
    draw=_draw_layer,
    solve=lambda g: np.outer(g.dL_dy, g.x),
    formula="dL/dW = dL/dy x^T, an outer product with the shape of W: entry (i, j) is dL/dy_i x_j.",
    mistakes=(
        Mistake("transposed", lambda g: np.outer(g.x, g.dL_dy), _transposed_message),
        Mistake(
            "weights_instead_of_input",
            lambda g: g.dL_dy[:, None] * g.W,
            lambda g: (
                "You multiplied dL/dy by W. But dL/dW_ij = dL/dy_i x_j: the weight w_ij multiplies x_j, "
                "so the input x (not W) appears in its gradient. dL/dW does not depend on W at all."
            ),
        ),
    ),
    hints=(
        "Write y_i = sum_j w_ij x_j + b_i and differentiate by one weight w_ij. Only the output y_i contains it.",
        "Entry (i, j) is dL/dy_i times x_j: a column times a row, `np.outer(dL_dy, x)`.",
    ),
)


def _draw_batch(rng, default):
    if rng is None:
        return dict(default)
    N, m, n = sizes(rng, 3, 2, 5)
    return {"X": ints(rng, (N, n), -4, 6), "dL_dY": ints(rng, (N, m), -9, 9)}


BIAS_DEFAULT = MappingProxyType({"dL_dY": ((7, 8), (1, -2), (3, 0), (-4, 5))})

BIAS_GRADIENT = Exercise(
    id="02.2",
    title="The bias gradient of a batch",
    prompt=(
        "A batch of $N$ samples goes through the same layer $y = Wx + b$. Row $s$ of `dL_dY` is the "
        "upstream gradient $\\partial L/\\partial y$ of sample $s$ (the loss adds up the samples' losses). "
        "Compute $\\partial L/\\partial b$. It has the shape of $b$."
    ),
    kind="array",
    draw=lambda rng: dict(BIAS_DEFAULT) if rng is None else {"dL_dY": _draw_batch(rng, None)["dL_dY"]},
    solve=lambda g: g.dL_dY.sum(axis=0),
    formula="dL/db = sum over the samples of dL/dy_s (numpy: `dL_dY.sum(axis=0)`).",
    mistakes=(
        Mistake(
            "mean_instead_of_sum",
            lambda g: g.dL_dY.mean(axis=0),
            lambda g: (
                f"You averaged over the N = {len(g.dL_dY)} samples. The loss adds the samples' losses and every "
                f"sample uses the same b, so the gradients add up: dL/db = sum_s dL/dy_s. Yours is {len(g.dL_dY)} times too small."
            ),
        ),
        Mistake(
            "wrong_axis",
            lambda g: g.dL_dY.sum(axis=1),
            lambda g: (
                f"You added up the entries of each sample: one number per sample, shape ({len(g.dL_dY)},). "
                f"dL/db has b's shape ({g.dL_dY.shape[1]},): add the rows (the samples) together."
            ),
        ),
    ),
    hints=(
        "For one sample, dL/db = dL/dy: the upstream gradient passes through unchanged.",
        "b is used by every sample, so add the N rows of dL_dY together: `dL_dY.sum(axis=0)`.",
    ),
)

BATCH_DEFAULT = MappingProxyType(
    {"X": ((1, 0, 2), (0, 1, -1), (3, 1, 0), (-1, 2, 1)), "dL_dY": ((7, 8), (1, -2), (3, 0), (-4, 5))}
)

BATCH_GRADIENT = Exercise(
    id="02.3",
    title="dL/dW for a batch",
    prompt=(
        "The same layer $y = Wx + b$ (column convention, $W$ has one row per output) sees a batch. Row $s$ of "
        "`X` is the input $x_s^T$ of sample $s$, and row $s$ of `dL_dY` is its upstream gradient "
        "$(\\partial L/\\partial y_s)^T$. The loss adds up the samples' losses. Compute $\\partial L/\\partial W$."
    ),
    kind="array",
    draw=lambda rng: _draw_batch(rng, BATCH_DEFAULT),
    solve=lambda g: g.dL_dY.T @ g.X,
    formula="dL/dW = sum_s dL/dy_s x_s^T = dL_dY^T X, shape (outputs, inputs) like W.",
    mistakes=(
        Mistake(
            "transposed",
            lambda g: g.X.T @ g.dL_dY,
            lambda g: (
                f"Your answer is the transpose, shape {np.shape(g.X.T @ g.dL_dY)}: it is the gradient of the "
                f"row-convention W_row = W^T (what matgrad.Linear.backward returns). Here W has one row per "
                f"output, shape {np.shape(g.dL_dY.T @ g.X)}, so dL/dW = sum_s dL/dy_s x_s^T."
            ),
        ),
        Mistake(
            "mean_instead_of_sum",
            lambda g: g.dL_dY.T @ g.X / len(g.X),
            lambda g: (
                f"You averaged the {len(g.X)} outer products. The loss is a sum over the samples, so its gradient "
                "is the sum of the samples' gradients dL/dy_s x_s^T."
            ),
        ),
        Mistake(
            "one_sample_only",
            lambda g: np.outer(g.dL_dY[0], g.X[0]),
            lambda g: (
                f"You used only the first sample. Every sample uses the same W, so all {len(g.X)} samples add "
                "their own outer product dL/dy_s x_s^T."
            ),
        ),
    ),
    hints=(
        "Each sample s adds its own outer product dL/dy_s x_s^T, with the shape of W.",
        "A sum of outer products is a matrix product over the sample index: `dL_dY.T @ X`.",
    ),
)


def _draw_cases(rng):
    local = np.random.default_rng(202) if rng is None else rng
    first = dict(LECTURE) if rng is None else _draw_layer(rng)
    cases = [{"x": first["x"], "W": first["W"], "b": np.zeros(len(first["W"])), "dL_dy": first["dL_dy"]}]
    for m, n in ((3, 3), (size(local, 3, 4), 2), (2, 4)):
        cases.append({"x": ints(local, n, -3, 9), "W": ints(local, (m, n)), "b": ints(local, m), "dL_dy": ints(local, m, -9, 9)})
    return cases


LINEAR_BACKWARD = Exercise(
    id="02.4",
    title="The full backward pass as a function",
    prompt=(
        "Write the whole backward pass of $y = Wx + b$ (column convention, vectors as 1-D numpy arrays): a function "
        "`backward(x, W, b, dL_dy)` that returns the three gradients `(dL_dx, dL_dW, dL_db)`, each with the shape "
        "of its variable."
    ),
    kind="function",
    draw=_draw_cases,
    solve=(
        "def backward(x, W, b, dL_dy):\n    dL_dx = W.T @ dL_dy\n    dL_dW = np.outer(dL_dy, x)\n"
        "    dL_db = dL_dy\n    return dL_dx, dL_dW, dL_db\n"
    ),
    formula="dL/dx = W^T dL/dy, dL/dW = dL/dy x^T, dL/db = dL/dy.",
    mistakes=(
        Mistake(
            "transposed",
            "def backward(x, W, b, dL_dy):\n    return W.T @ dL_dy, np.outer(x, dL_dy), dL_dy\n",
            _transposed_message,
        ),
        Mistake(
            "weights_instead_of_input",
            "def backward(x, W, b, dL_dy):\n    return W.T @ dL_dy, dL_dy[:, None] * W, dL_dy\n",
            lambda g: "Your dL_dW uses W. But dL/dW_ij = dL/dy_i x_j: the input x belongs there, not W.",
        ),
    ),
    hints=(
        "Notebook 01 gives dL_dx. For dL_dW, differentiate y_i by w_ij; for dL_db, differentiate y_i by b_i.",
        "dL_dx = W.T @ dL_dy, dL_dW = np.outer(dL_dy, x), dL_db = dL_dy. b itself appears in none of them.",
    ),
    returns=("dL_dx", "dL_dW", "dL_db"),
)

EXERCISES = (WEIGHT_GRADIENT, BIAS_GRADIENT, BATCH_GRADIENT, LINEAR_BACKWARD)
