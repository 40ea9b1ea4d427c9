"""Exercises of notebook 03: the row convention Y = XW + B and the Kronecker Jacobian.

>>> [ex.id for ex in EXERCISES]
['03.1', '03.2', '03.3', '03.4']
>>> EXERCISES[1].solution()
array([[7., 0., 0., 8., 0., 0.],
       [0., 7., 0., 0., 8., 0.],
       [0., 0., 7., 0., 0., 8.]])
"""

from types import MappingProxyType

import numpy as np

from matgrad.course.exercises._draw import ints, size, sizes
from matgrad.course.exercises._exercise import Exercise, Mistake

# the row-convention proof's layer, with numbers (notebook 03, section 7)
PROOF = MappingProxyType({"X": ((7, 8),), "W": ((1, 2, 3), (4, 5, 6)), "dL_dY": ((9, 10, 11),)})


def _draw_sizes(rng):
    if rng is None:
        return {"n": 2, "m": 3}
    n, m = sizes(rng, 2, 2, 5)
    return {"n": n, "m": m}


KRONECKER_SHAPE = Exercise(
    id="03.1",
    title="The shape of dY/dvec(W)",
    prompt=(
        "Row convention: $Y = XW + B$ with $X$ a $1\\times n$ row and $W$ of shape $n\\times m$. Flatten $W$ row by "
        "row into $\\mathrm{vec}(W)$, a list of all its weights. What is the shape of the Jacobian "
        "$\\partial Y/\\partial\\,\\mathrm{vec}(W)$?"
    ),
    kind="shape",
    draw=_draw_sizes,
    solve=lambda g: (g.m, g.n * g.m),
    formula="dY/dvec(W) has one row per output (m) and one column per weight (n m): shape (m, n m).",
    mistakes=(
        Mistake(
            "transposed",
            lambda g: (g.n * g.m, g.m),
            lambda g: (
                f"({g.n * g.m}, {g.m}) has one row per weight. A Jacobian has one row per output: the {g.m} entries "
                f"of Y, and one column per weight: all {g.n * g.m} of them."
            ),
        ),
        Mistake(
            "shape_of_W",
            lambda g: (g.n, g.m),
            lambda g: (
                f"({g.n}, {g.m}) is the shape of W, and of the gradient dL/dW (one number per weight). The Jacobian "
                f"of Y holds dy_k/dw_ij for every output k and every weight: {g.m} rows, {g.n * g.m} columns."
            ),
        ),
    ),
    hints=(
        "How many outputs does Y have, and how many weights does W have?",
        "One row per output y_k (m rows) and one column per weight (n times m columns).",
    ),
    note="Count one row per output y_k and one column per weight w_ij.",
)


def _draw_row_layer(rng):
    if rng is None:
        return dict(PROOF)
    n, m = sizes(rng, 2, 2, 3) if rng.random() < 0.5 else (size(rng, 2, 3),) * 2
    return {"X": ints(rng, (1, n), -5, 9), "W": ints(rng, (n, m)), "dL_dY": ints(rng, (1, m), -9, 12)}


def _kron(g):
    return np.kron(g.X, np.eye(g.W.shape[1]))


KRONECKER_JACOBIAN = Exercise(
    id="03.2",
    title="The Kronecker Jacobian with numbers",
    prompt=(
        "Row convention: $Y = XW + B$ with the given row $X$ and weights $W$. Write down the Jacobian "
        "$\\partial Y/\\partial\\,\\mathrm{vec}(W)$, with $W$ flattened row by row: "
        "$\\mathrm{vec}(W) = (w_{11}, w_{12}, \\dots, w_{1m}, w_{21}, \\dots)$."
    ),
    kind="array",
    draw=lambda rng: {k: v for k, v in _draw_row_layer(rng).items() if k != "dL_dY"},
    solve=_kron,
    formula="dY/dvec(W) = X kron I_m (numpy: `np.kron(X, np.eye(m))`): block i is x_i times the identity.",
    mistakes=(
        Mistake(
            "column_major_flattening",
            lambda g: np.kron(np.eye(g.W.shape[1]), g.X),
            lambda g: (
                "Your columns follow W flattened column by column (w_11, w_21, w_12, ...). The course flattens row "
                "by row, (w_11, w_12, ..., w_1m, w_21, ...), which gives X kron I_m (block i is x_i I_m). Your "
                "matrix I_m kron X has the same entries, with the columns in another order."
            ),
        ),
        Mistake(
            "transposed",
            lambda g: _kron(g).T,
            lambda g: (
                f"Your matrix has one row per weight, shape {_kron(g).T.shape}. The Jacobian has one row per output "
                f"y_k and one column per weight: shape {_kron(g).shape}."
            ),
        ),
    ),
    hints=(
        "y_k = sum_i x_i w_ik + b_k depends on only n weights: w_1k, ..., w_nk, each with coefficient x_i.",
        "In row k, the column of w_ik (number i m + k, counting from 0) holds x_i. This is `np.kron(X, np.eye(m))`.",
    ),
)


def _outer(g):
    return g.X.T @ g.dL_dY


ROW_WEIGHT_GRADIENT = Exercise(
    id="03.3",
    title="dL/dW in the row convention",
    prompt=(
        "Row convention: $Y = XW + B$, with the given row $X$ ($1\\times n$), $W$ ($n\\times m$) and upstream gradient "
        "$\\partial L/\\partial Y$ ($1\\times m$). Compute $\\partial L/\\partial W$, in the shape of $W$."
    ),
    kind="array",
    draw=_draw_row_layer,
    solve=_outer,
    formula="dL/dW = X^T dL/dY, an outer product with the shape of W: entry (i, k) is x_i dL/dy_k.",
    mistakes=(
        Mistake(
            "transposed",
            lambda g: g.dL_dY.T @ g.X,
            lambda g: (
                f"You used the column-convention formula dL/dy x^T, which has shape {np.shape(g.dL_dY.T @ g.X)}: "
                f"the transpose. In the row convention W has shape {g.W.shape}, and dL/dW = X^T dL/dY has that shape."
            ),
        ),
        Mistake(
            "not_reshaped",
            lambda g: np.kron(g.X, g.dL_dY),
            lambda g: (
                f"This is the chain-rule row dL/dY (X kron I_m), shape {np.kron(g.X, g.dL_dY).shape}. It lists the "
                f"gradient of every weight, in the order of vec(W). Put it back into W's shape {g.W.shape}, row by row."
            ),
        ),
        Mistake(
            "column_major_flattening",
            lambda g: np.kron(g.X, g.dL_dY).reshape(g.W.shape, order="F"),
            lambda g: (
                "You filled W's shape column by column. The chain-rule row lists the weights row by row "
                "(w_11, w_12, ..., w_1m, w_21, ...), so fill the rows first (numpy's default `reshape`)."
            ),
        ),
    ),
    hints=(
        "The weight w_ik affects only y_k, with coefficient x_i. So dL/dw_ik = x_i dL/dy_k.",
        "That is the column X^T (n x 1) times the row dL/dY (1 x m): `X.T @ dL_dY`.",
    ),
)


def _draw_cases(rng):
    local = np.random.default_rng(303) if rng is None else rng
    first = (size(local, 2, 4), size(local, 2, 3), size(local, 2, 4))
    cases = [{"X": ((7, 8), (1, -2)), "W": PROOF["W"], "dL_dY": ((9, 10, 11), (1, 0, -1))}] if rng is None else []
    for B, n, m in ((first,) if rng is not None else ()) + ((3, 3, 3), (2, 2, 4), (4, 3, 2)):
        cases.append({"X": ints(local, (B, n), -5, 9), "W": ints(local, (n, m)), "dL_dY": ints(local, (B, m), -9, 9)})
    return cases


BATCH_BACKWARD = Exercise(
    id="03.4",
    title="The row-convention backward pass for a batch",
    prompt=(
        "Row convention, a batch of $B$ samples: `X` is $B\\times n$ (one sample per row), `W` is $n\\times m$, and "
        "`dL_dY` is $B\\times m$. The loss adds up the samples' losses. Write `backward(X, W, dL_dY)` that returns "
        "`(dL_dX, dL_dW)`, each with the shape of its variable."
    ),
    kind="function",
    draw=_draw_cases,
    solve="def backward(X, W, dL_dY):\n    dL_dX = dL_dY @ W.T\n    dL_dW = X.T @ dL_dY\n    return dL_dX, dL_dW\n",
    formula="dL/dX = dL/dY W^T (B x n) and dL/dW = X^T dL/dY (n x m), the sum of the samples' outer products.",
    mistakes=(
        Mistake(
            "transposed",
            "def backward(X, W, dL_dY):\n    return dL_dY @ W.T, dL_dY.T @ X\n",
            lambda g: (
                f"Your dL_dW is transposed: it must have W's shape {g.W.shape}. In the row convention "
                "dL/dW = X^T dL/dY, not dL/dY^T X."
            ),
        ),
        Mistake(
            "mean_instead_of_sum",
            "def backward(X, W, dL_dY):\n    return dL_dY @ W.T, X.T @ dL_dY / len(X)\n",
            lambda g: "Your dL_dW is an average over the samples. The loss is a sum, so dL/dW = X^T dL/dY adds them.",
        ),
    ),
    hints=(
        "Each sample (row) s adds x_s^T dL/dy_s to dL/dW; dL/dX has one row per sample, like X.",
        "dL_dX = dL_dY @ W.T and dL_dW = X.T @ dL_dY.",
    ),
    returns=("dL_dX", "dL_dW"),
)

EXERCISES = (KRONECKER_SHAPE, KRONECKER_JACOBIAN, ROW_WEIGHT_GRADIENT, BATCH_BACKWARD)
