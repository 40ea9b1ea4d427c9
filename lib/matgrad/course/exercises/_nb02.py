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
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise
from matgrad.course.exercises._nb01 import input_gradient

# the lecture slides' example (a read-only mapping of tuples: no shared mutable state)
LECTURE = MappingProxyType({"W": ((1, 2, 3), (4, 5, 6)), "x": (9, 10, 11), "dL_dy": (7, 8)})


def _draw_layer(rng):
    if rng is None:
        return dict(LECTURE)
    m, n = sizes(rng, 2, 2, 4)
    return {"W": ints(rng, (m, n)), "x": ints(rng, n, -3, 9), "dL_dy": ints(rng, m, -9, 9)}


def weight_gradient(g, at, site="dL/dW"):
    """dL/dW = dL/dy x^T: the weight w_ij multiplies x_j and feeds y_i."""
    dL_dW = at.product(site, ("dL/dy", g.dL_dy[:, None]), ("x^T", g.x[None, :]), over="outer")
    dL_dW = at.alternatives(
        site, dL_dW,
        weights_instead_of_input=lambda v: g.dL_dy[:, None] * g.W,
        input_gradient_instead=lambda v: g.W.T @ g.dL_dy,
    )  # fmt: skip
    return at.result(site, dL_dW, like="W")


WEIGHT_GRADIENT = ArrayExercise("02.1", draw=_draw_layer, compute=weight_gradient)


def _draw_batch(rng, default):
    if rng is None:
        return dict(default)
    N, m, n = sizes(rng, 3, 2, 5)
    return {"X": ints(rng, (N, n), -4, 6), "dL_dY": ints(rng, (N, m), -9, 9)}


BIAS_DEFAULT = MappingProxyType({"dL_dY": ((7, 8), (1, -2), (3, 0), (-4, 5))})


def bias_gradient(g, at):
    """dL/db = sum over the samples of dL/dy_s: every sample uses the same b."""
    return at.result("dL/db", at.reduce("dL/db", ("dL/dY", g.dL_dY)), like="b")


BIAS_GRADIENT = ArrayExercise(
    "02.2",
    draw=lambda rng: dict(BIAS_DEFAULT) if rng is None else {"dL_dY": _draw_batch(rng, None)["dL_dY"]},
    compute=bias_gradient,
    factors=lambda g: {"N": len(g.dL_dY)},
)

BATCH_DEFAULT = MappingProxyType(
    {"X": ((1, 0, 2), (0, 1, -1), (3, 1, 0), (-1, 2, 1)), "dL_dY": ((7, 8), (1, -2), (3, 0), (-4, 5))}
)


def batch_weight_gradient(g, at):
    """dL/dW = sum_s dL/dy_s x_s^T = dL_dY^T X."""
    dL_dW = at.product("dL/dW", ("dL/dY^T", g.dL_dY.T), ("X", g.X), over="samples")
    return at.result("dL/dW", dL_dW, like="W")


BATCH_GRADIENT = ArrayExercise(
    "02.3",
    draw=lambda rng: _draw_batch(rng, BATCH_DEFAULT),
    compute=batch_weight_gradient,
    factors=lambda g: {"N": len(g.X)},
)


def _draw_cases(rng):
    local = np.random.default_rng(202) if rng is None else rng
    first = dict(LECTURE) if rng is None else _draw_layer(rng)
    cases = [{"x": first["x"], "W": first["W"], "b": np.zeros(len(first["W"])), "dL_dy": first["dL_dy"]}]
    for m, n in ((3, 3), (size(local, 3, 4), 2), (2, 4)):
        cases.append({"x": ints(local, n, -3, 9), "W": ints(local, (m, n)), "b": ints(local, m), "dL_dy": ints(local, m, -9, 9)})
    return cases


def linear_backward(g, at):
    """All three gradients of y = Wx + b."""
    dL_dx = input_gradient(g, at)
    dL_dW = weight_gradient(g, at, site="dL/dW")
    dL_db = at.alternatives("dL/db", g.dL_dy, summed_to_scalar=lambda v: np.sum(v))
    return dL_dx, dL_dW, at.result("dL/db", dL_db, like="b")


LINEAR_BACKWARD = FunctionExercise(
    "02.4",
    draw=_draw_cases,
    compute=linear_backward,
    source=(
        "def backward(x, W, b, dL_dy):\n    dL_dx = W.T @ dL_dy\n    dL_dW = np.outer(dL_dy, x)\n"
        "    dL_db = dL_dy\n    return dL_dx, dL_dW, dL_db\n"
    ),
    returns=("dL_dx", "dL_dW", "dL_db"),
)

EXERCISES = (WEIGHT_GRADIENT, BIAS_GRADIENT, BATCH_GRADIENT, LINEAR_BACKWARD)
