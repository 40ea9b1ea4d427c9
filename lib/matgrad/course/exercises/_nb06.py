"""Exercises of notebook 06: the worked homework's 1-2-2-1 network, its gradients and one step.

Row convention, three samples X = (-1, 0, 1), targets Y = (1, 0, -1), the
mean squared error L = (1/N) sum_k (yhat_k - y_k)^2 and rate 0.1. A fresh
instance keeps the data and draws new weights and biases. Layer l computes
Z^l = H^(l-1) W^l + b^l and H^l = σ(Z^l) (H1, H2: a batch of h^1, h^2); the
output layer Yhat = H2 W3 + b3 has no sigmoid (identity activation). The worked
homework writes L^l for z^l and B(h^l_j) for the columns of dL/dZ^l: the
columns of the given ``dL_dz2`` are its B(h^2_1), B(h^2_2) (06.3's prompt says so).

>>> [ex.id for ex in EXERCISES]
['06.1', '06.2', '06.3', '06.4', '06.5']
>>> EXERCISES[1].solution().round(5)
array([[6.96998],
       [7.52328]])
>>> [v.shape for v in EXERCISES[4].instance().solution[0]]
[(2, 1), (1,)]
"""

import numpy as np

from matgrad import sigmoid
from matgrad.course import homework as hw
from matgrad.course.exercises._draw import steps
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise


def homework_values(rng):
    """The homework network's forward values (``rng=None``) or those of new random parameters."""
    p = dict(hw.DEFAULTS) if rng is None else {name: float(steps(rng, (), -2, 2, 0.5, nonzero=True)) for name in hw.PARAMETER_NAMES}
    W1 = np.array([[p["w1_11"], p["w1_12"]]])
    W2 = np.array([[p["w2_11"], p["w2_12"]], [p["w2_21"], p["w2_22"]]])
    W3 = np.array([[p["w3_11"]], [p["w3_21"]]])
    X, Y = np.asarray(hw.X), np.asarray(hw.Y)
    H1 = sigmoid(X @ W1 + [p["b1_1"], p["b1_2"]])
    H2 = sigmoid(H1 @ W2 + [p["b2_1"], p["b2_2"]])
    yhat = H2 @ W3 + p["b3_1"]
    G = 2 / len(Y) * (yhat - Y)  # dL/dyhat, (3, 1)
    dL_dz2 = (G @ W3.T) * H2 * (1 - H2)  # dL/dZ2, one row per sample (columns: the homework's B(h2_j)), (3, 2)
    return {"X": X, "H1": H1, "H2": H2, "W1": W1, "W2": W2, "W3": W3,
            "yhat": yhat[:, 0], "y": Y[:, 0], "dL_dz2": dL_dz2, "lr": hw.LEARNING_RATE}  # fmt: skip


def _pick(*names):
    """A draw function giving these homework values."""

    def draw(rng):
        values = homework_values(rng)
        return {name: values[name] for name in names}

    return draw


def _samples(g):
    return {"N": len(g.y) if "y" in g else len(g.X)}


def output_gradient(g, at):
    """dL/dyhat = (2/N)(yhat - y), one entry per sample."""
    return at.result("dL/dyhat", at.loss_gradient("dL/dyhat", ("yhat", g.yhat), ("y", g.y), loss="mean"), like="yhat")


OUTPUT_GRADIENT = ArrayExercise("06.1", draw=_pick("yhat", "y"), compute=output_gradient, factors=_samples)


def output_weights(g, at):
    """dL/dW3 = H2^T dL/dyhat: a sum over the samples."""
    dL_dyhat = at.loss_gradient("dL/dyhat", ("yhat", g.yhat[:, None]), ("y", g.y[:, None]), loss="mean")
    dL_dW3 = at.product("dL/dW3", ("H2^T", g.H2.T), ("dL/dyhat", dL_dyhat), over="samples")
    dL_dW3 = at.alternatives("dL/dW3", dL_dW3, bias_gradient_instead=lambda v: dL_dyhat.sum(axis=0))
    return at.result("dL/dW3", dL_dW3, like="W3")


OUTPUT_WEIGHTS = ArrayExercise("06.2", draw=_pick("H2", "yhat", "y"), compute=output_weights, factors=_samples)


def first_layer(g, at):
    """dL/dZ1 = (dL/dZ2 W2^T) * H1 (1 - H1) adds both paths; dL/dW1 = X^T dL/dZ1 adds the samples."""
    dL_dH1 = at.product("dL/dH1", ("dL/dZ2", g.dL_dz2), ("W2^T", g.W2.T), over="paths", transposable=1)
    slope = at.slope("σ'(Z1)", z=("Z1", None), h=("H1", g.H1))
    dL_dz1 = at.elementwise("dL/dZ1", ("dL/dH1", dL_dH1), ("σ'(Z1)", slope))
    # X = (-1, 0, 1): the sums make 0, and the middle sample adds 0 (a loop that skips the first
    # sample gives the last one alone): those mistakes cannot be told apart here
    skip = ("sums_then_outer", "skipped_first_sample", "skipped_last_sample")
    dL_dW1 = at.product("dL/dW1", ("X^T", g.X.T), ("dL/dZ1", dL_dz1), over="samples", skip=skip)
    dL_dW1 = at.alternatives("dL/dW1", dL_dW1, bias_gradient_instead=lambda v: dL_dz1.sum(axis=0, keepdims=True))
    return at.result("dL/dW1", dL_dW1, like="W1")


FIRST_LAYER = ArrayExercise("06.3", draw=_pick("X", "H1", "W2", "dL_dz2"), compute=first_layer, factors=_samples)


def _draw_step(rng):
    values = homework_values(rng)
    dL_dyhat = 2 / values["y"].size * (values["yhat"] - values["y"])
    return {"W3": values["W3"], "dL_dW3": values["H2"].T @ dL_dyhat[:, None], "lr": values["lr"]}


def gradient_step(g, at):
    """W3 - lr dL/dW3: a step against the gradient, downhill."""
    step = at.scale("lr dL/dW3", ("lr", g.lr), ("dL/dW3", g.dL_dW3))
    return at.result("W3_new", at.update("W3_new", ("W3", g.W3), step), like="W3")


STEP = ArrayExercise("06.4", draw=_draw_step, compute=gradient_step, factors=lambda g: {"lr": g.lr})


# ------------------------------------------------------------------ 06.5 the output layer as a function
def _homework_case():
    values = homework_values(None)
    return {"H2": values["H2"], "yhat": values["yhat"][:, None], "y": values["y"][:, None]}


def _case(rng, N):
    return {
        "H2": steps(rng, (N, 2), 0.05, 0.95, 0.05),
        "yhat": steps(rng, (N, 1), -2, 4, 0.25),
        "y": steps(rng, (N, 1), -1, 1, 1),
    }


def _draw_cases(rng):
    local = np.random.default_rng(606) if rng is None else rng
    first = _homework_case() if rng is None else _case(local, 3)
    return [first] + [_case(local, N) for N in (2, 4, 5)]


EXAMPLE_N = 3  # the example call's number of samples (the homework's)


def output_backward(g, at):
    """dL/dyhat = (2/N)(yhat - y); dL/dW3 = H2^T dL/dyhat; dL/db3 = its sum over the samples."""
    dL_dyhat = at.loss_gradient("dL/dyhat", ("yhat", g.yhat), ("y", g.y), loss="mean")
    dL_dyhat = at.alternatives("dL/dyhat", dL_dyhat, hard_coded_size=lambda v: 2 / EXAMPLE_N * (g.yhat - g.y))
    dL_dW3 = at.product("dL_dW3", ("H2^T", g.H2.T), ("dL/dyhat", dL_dyhat), over="samples")
    dL_db3 = at.reduce("dL_db3", ("dL/dyhat", dL_dyhat), skip=("summed_to_scalar", "not_summed"))  # one column: both are wrong_axis
    return at.result("dL_dW3", dL_dW3, like="W3"), at.result("dL_db3", dL_db3, like="b3")


OUTPUT_BACKWARD = FunctionExercise(
    "06.5",
    draw=_draw_cases,
    compute=output_backward,
    source=(
        "def output_backward(H2, yhat, y):\n    dL_dyhat = 2 / len(y) * (yhat - y)\n"
        "    return H2.T @ dL_dyhat, dL_dyhat.sum(axis=0)\n"
    ),
    returns=("dL_dW3", "dL_db3"),
    batch="H2",
)

EXERCISES = (OUTPUT_GRADIENT, OUTPUT_WEIGHTS, FIRST_LAYER, STEP, OUTPUT_BACKWARD)
