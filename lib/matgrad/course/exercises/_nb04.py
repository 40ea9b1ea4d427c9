"""Exercises of notebook 04: the sigmoid, σ' = σ(1 - σ), and the entry-by-entry backward pass.

>>> [ex.id for ex in EXERCISES]
['04.1', '04.2', '04.3', '04.4']
>>> EXERCISES[0].solution().round(6)
array([0.196612, 0.25    , 0.104994])
"""

import numpy as np

from matgrad import sigmoid
from matgrad.course.exercises._draw import size, sizes, steps
from matgrad.course.exercises._exercise import ArrayExercise, FunctionExercise, ShapeExercise


def _draw_points(rng):
    if rng is None:
        return {"z": (-1.0, 0.0, 2.0)}
    return {"z": steps(rng, size(rng, 3, 4), -3, 3, 0.5)}


SLOPE = ArrayExercise(
    "04.1",
    draw=_draw_points,
    compute=lambda g, at: at.result(
        "σ'(z)", at.slope("σ'(z)", z=("z", g.z), skip=("missing_activation_derivative",)), like="z"
    ),
)


def _draw_sizes(rng):
    if rng is None:
        return {"N": 3, "n_out": 2}
    N, n_out = sizes(rng, 2, 2, 6)
    return {"N": N, "n_out": n_out}


GRADIENT_SHAPE = ShapeExercise(
    "04.2",
    draw=_draw_sizes,
    solve=lambda g: (g.N, g.n_out),
    mistakes={
        "transposed": lambda g: (g.n_out, g.N),
        "shape_of_jacobian": lambda g: (g.n_out, g.n_out),
        "one_sample_only": lambda g: (1, g.n_out),
        "one_sample_vector": lambda g: (g.n_out,),
        "full_jacobian": lambda g: (g.N * g.n_out, g.N * g.n_out),
        "one_per_sample": lambda g: (g.N,),
        "one_per_sample_column": lambda g: (g.N, 1),
        "jacobian_per_sample": lambda g: (g.N, g.n_out, g.n_out),
    },
)


def _draw_backward(rng):
    if rng is None:
        z = np.array([-1.0, 0.0, 2.0])
        return {"z": z, "h": sigmoid(z), "dL_dh": (1.0, -2.0, 3.0)}
    z = steps(rng, size(rng, 3, 4), -3, 3, 0.5)
    return {"z": z, "h": sigmoid(z), "dL_dh": steps(rng, z.size, -3, 3, 0.5)}


def sigmoid_backward(g, at, h=None):
    """dL/dz = dL/dh * σ'(z): the sigmoid's Jacobian diag(σ'(z)) is diagonal."""
    slope = at.slope("σ'(z)", z=("z", g.z), h=h)
    return at.result("dL/dz", at.elementwise("dL/dz", ("dL/dh", g.dL_dh), ("σ'(z)", slope)), like="z")


SIGMOID_BACKWARD = ArrayExercise(
    "04.3", draw=_draw_backward, compute=lambda g, at: sigmoid_backward(g, at, h=("h", g.h))
)


def _draw_cases(rng):
    local = np.random.default_rng(404) if rng is None else rng
    first = _draw_backward(rng)
    cases = [{"z": first["z"], "dL_dh": first["dL_dh"]}]
    for shape in ((3, 2), (4,), (2, 3)):
        cases.append({"z": steps(local, shape, -4, 4, 0.25), "dL_dh": steps(local, shape, -3, 3, 0.5)})
    return cases


SIGMOID_FUNCTION = FunctionExercise(
    "04.4",
    draw=_draw_cases,
    compute=lambda g, at: (sigmoid_backward(g, at),),
    source="def backward(z, dL_dh):\n    h = matgrad.sigmoid(z)\n    return dL_dh * h * (1 - h)\n",
    returns=("dL_dz",),
    batch="z",
)

EXERCISES = (SLOPE, GRADIENT_SHAPE, SIGMOID_BACKWARD, SIGMOID_FUNCTION)
