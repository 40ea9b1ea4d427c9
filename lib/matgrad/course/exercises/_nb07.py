"""Exercises of notebook 07: the pieces of a network that learns.

Row convention (one sample per row), the mean squared error over the samples.

>>> [ex.id for ex in EXERCISES]
['07.1', '07.2', '07.3', '07.4']
>>> EXERCISES[2].solution().round(4)
array([[ 1.1   ],
       [-0.3333]])
>>> EXERCISES[3].solution().round(4)
array([ 3. , -0.5])
"""

import numpy as np

from matgrad.course.exercises._draw import ints, size, steps
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise


# ------------------------------------------------------------------ 07.1 a Linear layer's backward pass
def _draw_linear_cases(rng):
    local = np.random.default_rng(707) if rng is None else rng
    cases = []
    if rng is None:
        cases.append({"dZ": ((1, -2, 0.5), (2, 1, -1)), "X": ((1, 2), (-1, 3)), "W": ((1, 0, -2), (3, 1, 2))})
    for N, n_in, n_out in ((size(local, 2, 4), 3, 2), (3, 2, 2), (4, 3, 1), (2, 1, 3)):
        cases.append({"dZ": ints(local, (N, n_out), -4, 4), "X": ints(local, (N, n_in), -5, 5),
                      "W": ints(local, (n_in, n_out), -3, 3)})
    return cases


def linear_backward(g, at):
    """dX = dZ W^T, dW = X^T dZ (a sum over the samples), db = the column sums of dZ."""
    dX = at.product("dL/dX", ("dL/dZ", g.dZ), ("W^T", g.W.T), over="paths", transposable=1)
    dW = at.product("dL/dW", ("X^T", g.X.T), ("dL/dZ", g.dZ), over="samples", transposable=0)
    db = at.reduce("dL/db", ("dL/dZ", g.dZ))
    return at.result("dX", dX, like="X"), at.result("dW", dW, like="W"), at.result("db", db, like="b")


LINEAR_BACKWARD = FunctionExercise(
    "07.1",
    draw=_draw_linear_cases,
    compute=linear_backward,
    source="def linear_backward(dZ, X, W):\n    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)\n",
    returns=("dX", "dW", "db"),
    batch="X",
)


# ------------------------------------------------------------------ 07.2 the loss's backward pass
def _draw_loss_cases(rng):
    local = np.random.default_rng(7072) if rng is None else rng
    cases = []
    if rng is None:
        cases.append({"Y_hat": ((0.5,), (2.0,), (-1.0,)), "Y": ((1.0,), (0.0,), (0.0,))})
    for N in (size(local, 2, 5), 4, 5, 2):
        cases.append({"Y_hat": steps(local, (N, 1), -2, 3, 0.25), "Y": steps(local, (N, 1), -1, 1, 1)})
    return cases


def mse_backward(g, at):
    """dL/dY_hat = (2/N)(Y_hat - Y) for L = (1/N) sum (y_hat - y)^2."""
    gradient = at.loss_gradient("dL/dY_hat", ("Y_hat", g.Y_hat), ("Y", g.Y), loss="mean")
    gradient = at.alternatives("dL/dY_hat", gradient, hard_coded_size=lambda v: 2 / 3 * (g.Y_hat - g.Y))
    return (at.result("dY_hat", gradient, like="Y_hat"),)


MSE_BACKWARD = FunctionExercise(
    "07.2",
    draw=_draw_loss_cases,
    compute=mse_backward,
    source="def mse_backward(Y_hat, Y):\n    return 2 * (Y_hat - Y) / Y.size\n",
    returns=("dY_hat",),
    batch="Y_hat",
)


# ------------------------------------------------------------------ 07.3 one training step
def _draw_step(rng):
    if rng is None:
        return {"X": ((1.0, 2.0), (0.0, -1.0), (2.0, 1.0)), "Y": ((1.0,), (-1.0,), (4.0,)),
                "W": ((0.5,), (-1.0,)), "b": (0.5,), "lr": 0.1}
    N = size(rng, 3, 5)
    return {"X": ints(rng, (N, 2), -3, 3), "Y": ints(rng, (N, 1), -3, 3), "W": steps(rng, (2, 1), -2, 2, 0.5, nonzero=True),
            "b": steps(rng, (1,), -1, 1, 0.5, nonzero=True), "lr": float(rng.choice([0.02, 0.05, 0.1]))}


def training_step(g, at):
    """Y_hat = XW + b; dL/dY_hat = (2/N)(Y_hat - Y); dL/dW = X^T dL/dY_hat; W_new = W - lr dL/dW."""
    Y_hat = np.asarray(g.X) @ np.asarray(g.W) + np.asarray(g.b)
    # a flipped sign here is the same answer as a step uphill: the update names it
    dY_hat = at.loss_gradient("dL/dY_hat", ("Y_hat", Y_hat), ("Y", g.Y), loss="mean", skip=("sign",))
    dW = at.product("dL/dW", ("X^T", np.asarray(g.X).T), ("dL/dY_hat", dY_hat), over="samples", transposable=0)
    step = at.scale("lr dL/dW", ("lr", g.lr), ("dL/dW", dW))
    return at.result("W_new", at.update("W_new", ("W", g.W), step), like="W")


TRAINING_STEP = ArrayExercise("07.3", draw=_draw_step, compute=training_step,
                              factors=lambda g: {"lr": g.lr, "N": len(g.Y)})


# ------------------------------------------------------------------ 07.4 a gradient check
def _draw_check(rng):
    """Losses at w + h e_i and w - h e_i of a loss with a clear curvature, so that a one-sided
    difference is visibly off."""
    if rng is None:
        L_0, slope, curve = np.array([2.0, 2.0]), np.array([3.0, -0.5]), np.array([4.0, 2.0])
    else:
        n = size(rng, 2, 4)
        L_0 = np.full(n, float(steps(rng, (), 1, 4, 0.5)))
        slope = steps(rng, (n,), -4, 4, 0.5, nonzero=True)
        curve = steps(rng, (n,), 4, 8, 1)
    h = 0.1
    return {"L_plus": np.round(L_0 + slope * h + curve * h**2 / 2, 10),
            "L_minus": np.round(L_0 - slope * h + curve * h**2 / 2, 10), "L_0": L_0, "h": h}


def central_difference(g, at):
    """(L(w + h e_i) - L(w - h e_i)) / (2h) for each entry i: the central difference."""
    L_plus, L_minus, L_0 = (np.asarray(v, dtype=float) for v in (g.L_plus, g.L_minus, g.L_0))
    value = (L_plus - L_minus) / (2 * g.h)
    value = at.alternatives(
        "the estimate", value,
        forward_difference=lambda v: (L_plus - L_0) / g.h,
        backward_difference=lambda v: (L_0 - L_minus) / g.h,
        missing_two_in_step=lambda v: (L_plus - L_minus) / g.h,
    )
    return at.result("the estimate", value, like="w")


GRADIENT_CHECK = ArrayExercise("07.4", draw=_draw_check, compute=central_difference)

EXERCISES = (LINEAR_BACKWARD, MSE_BACKWARD, TRAINING_STEP, GRADIENT_CHECK)
