"""Exercises of notebook 03: the row convention Y = XW + b and the Kronecker Jacobian.

>>> [ex.id for ex in EXERCISES]
['03.1', '03.2', '03.3', '03.4']
>>> EXERCISES[1].solution()
array([[2., 0., 0., 5., 0., 0.],
       [0., 2., 0., 0., 5., 0.],
       [0., 0., 2., 0., 0., 5.]])
"""

from types import MappingProxyType

import numpy as np

from matgrad.course.exercises._draw import ints, size, sizes
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise, ShapeExercise

# the row-convention proof's layer W, with a sample and an upstream gradient of their own (the
# lesson's numbers differ, so its printed answer is not this exercise's)
PROOF = MappingProxyType({"X": ((2, 5),), "W": ((1, 2, 3), (4, 5, 6)), "dL_dY": ((3, -1, 2),)})


def _draw_sizes(rng):
    if rng is None:
        return {"n": 2, "m": 3}
    n, m = sizes(rng, 2, 2, 5)
    return {"n": n, "m": m}


KRONECKER_SHAPE = ShapeExercise(
    "03.1",
    draw=_draw_sizes,
    solve=lambda g: (g.m, g.n * g.m),
    mistakes={
        "transposed": lambda g: (g.n * g.m, g.m),
        "shape_of_W": lambda g: (g.n, g.m),
        "shape_of_W_transposed": lambda g: (g.m, g.n),
        "count_of_weights": lambda g: (g.n * g.m,),
        "four_dimensional": lambda g: (g.m, g.n, g.m),
    },
)


def _draw_row_layer(rng):
    if rng is None:
        return dict(PROOF)
    n, m = sizes(rng, 2, 2, 3) if rng.random() < 0.5 else (size(rng, 2, 3),) * 2
    return {"X": ints(rng, (1, n), -5, 9), "W": ints(rng, (n, m)), "dL_dY": ints(rng, (1, m), -9, 12)}


def kronecker_jacobian(g, at):
    """dY/dvec(W) = X kron I_m, with W flattened row by row."""
    m = g.W.shape[1]
    J = at.alternatives(
        "dY/dvec(W)", np.kron(g.X, np.eye(m)),
        column_major_flattening=lambda v: np.kron(np.eye(m), g.X),
        jacobian_by_input=lambda v: g.W.T,
    )  # fmt: skip
    return at.result("dY/dvec(W)", J, like=None)


KRONECKER_JACOBIAN = ArrayExercise(
    "03.2",
    draw=lambda rng: {k: v for k, v in _draw_row_layer(rng).items() if k != "dL_dY"},
    compute=kronecker_jacobian,
)


def row_weight_gradient(g, at):
    """dL/dW = X^T dL/dY: entry (i, k) is x_i dL/dy_k."""
    dL_dW = at.product("dL/dW", ("X^T", g.X.T), ("dL/dY", g.dL_dY), over="outer")
    dL_dW = at.alternatives(
        "dL/dW", dL_dW,
        not_reshaped=lambda v: np.kron(g.X, g.dL_dY),
        column_major_flattening=lambda v: np.kron(g.X, g.dL_dY).reshape(g.W.shape, order="F"),
        input_gradient_instead=lambda v: g.dL_dY @ g.W.T,
        weights_instead_of_input=lambda v: g.W * g.dL_dY,
    )  # fmt: skip
    return at.result("dL/dW", dL_dW, like="W")


ROW_WEIGHT_GRADIENT = ArrayExercise("03.3", draw=_draw_row_layer, compute=row_weight_gradient)


def _draw_cases(rng):
    local = np.random.default_rng(303) if rng is None else rng
    first = (size(local, 2, 4), size(local, 2, 3), size(local, 2, 4))
    cases = [{"X": ((2, 5), (1, -2)), "W": PROOF["W"], "dL_dY": ((3, -1, 2), (1, 0, -1))}] if rng is None else []
    for N, n, m in ((first,) if rng is not None else ()) + ((3, 3, 3), (2, 2, 4), (4, 3, 2)):
        cases.append({"X": ints(local, (N, n), -5, 9), "W": ints(local, (n, m)), "dL_dY": ints(local, (N, m), -9, 9)})
    return cases


def batch_backward(g, at):
    """dL/dX = dL/dY W^T (one row per sample) and dL/dW = X^T dL/dY (a sum over the samples)."""
    dL_dX = at.product("dL_dX", ("dL/dY", g.dL_dY), ("W^T", g.W.T), over="paths", transposable=1)
    dL_dW = at.product("dL_dW", ("X^T", g.X.T), ("dL/dY", g.dL_dY), over="samples", transposable=0)
    return at.result("dL_dX", dL_dX, like="X"), at.result("dL_dW", dL_dW, like="W")


BATCH_BACKWARD = FunctionExercise(
    "03.4",
    draw=_draw_cases,
    compute=batch_backward,
    source="def backward(X, W, dL_dY):\n    dL_dX = dL_dY @ W.T\n    dL_dW = X.T @ dL_dY\n    return dL_dX, dL_dW\n",
    returns=("dL_dX", "dL_dW"),
    batch="X",
)

EXERCISES = (KRONECKER_SHAPE, KRONECKER_JACOBIAN, ROW_WEIGHT_GRADIENT, BATCH_BACKWARD)
