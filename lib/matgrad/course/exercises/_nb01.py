"""Exercises of notebook 01: the Jacobian of y = Wx and dL/dx = W^T dL/dy (column convention).

>>> [ex.id for ex in EXERCISES]
['01.1', '01.2', '01.3']
>>> EXERCISES[1].solution()
array([39., 54., 69.])
"""

from types import MappingProxyType

import numpy as np

from matgrad.course.exercises._draw import ints, size, sizes
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise, ShapeExercise

# the lecture slides' example (a read-only mapping of tuples: no shared mutable state)
LECTURE = MappingProxyType({"W": ((1, 2, 3), (4, 5, 6)), "x": (9, 10, 11), "dL_dy": (7, 8)})


def _draw_sizes(rng):
    if rng is None:
        return {"m": 2, "n": 3}
    m, n = sizes(rng, 2, 2, 6)
    return {"m": m, "n": n}


JACOBIAN_SHAPE = ShapeExercise(
    "01.1",
    draw=_draw_sizes,
    solve=lambda g: (g.m, g.n),
    mistakes={
        "transposed": lambda g: (g.n, g.m),
        "gradient_shape": lambda g: (g.n, 1),
        "shape_of_x": lambda g: (g.n,),
        "shape_of_y": lambda g: (g.m,),
        "output_column": lambda g: (g.m, 1),
        "count_of_entries": lambda g: (g.m * g.n,),
        "count_as_column": lambda g: (g.m * g.n, 1),
        "input_row": lambda g: (1, g.n),
    },
)


def _draw_layer(rng):
    if rng is None:
        return dict(LECTURE)
    m, n = sizes(rng, 2, 2, 4)
    return {"W": ints(rng, (m, n)), "x": ints(rng, n, -3, 9), "dL_dy": ints(rng, m, -9, 9)}


def input_gradient(g, at):
    """dL/dx = W^T dL/dy: each x_j reaches L through every output y_i."""
    dL_dx = at.product("dL/dx", ("W^T", g.W.T), ("dL/dy", g.dL_dy), over="paths", transposable=0)
    dL_dx = at.alternatives(
        "dL/dx", dL_dx, forward_value=lambda v: g.W @ g.x, weight_gradient_instead=lambda v: np.outer(g.dL_dy, g.x)
    )
    return at.result("dL/dx", dL_dx, like="x")


DL_DX = ArrayExercise("01.2", draw=_draw_layer, compute=input_gradient)


def _draw_cases(rng):
    local = np.random.default_rng(101) if rng is None else rng
    first = dict(LECTURE) if rng is None else _draw_layer(rng)
    cases = [first]
    for m, n in ((3, 3), (size(local, 2, 3) + 2, 2), (2, 4)):
        cases.append({"x": ints(local, n, -3, 9), "W": ints(local, (m, n)), "dL_dy": ints(local, m, -9, 9)})
    return [{"x": c["x"], "W": c["W"], "dL_dy": c["dL_dy"]} for c in cases]


BACKWARD = FunctionExercise(
    "01.3",
    draw=_draw_cases,
    compute=lambda g, at: (input_gradient(g, at),),
    source="def backward(x, W, dL_dy):\n    return W.T @ dL_dy\n",
    returns=("dL_dx",),
)

EXERCISES = (JACOBIAN_SHAPE, DL_DX, BACKWARD)
