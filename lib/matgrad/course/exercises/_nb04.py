"""Exercises of notebook 04: the sigmoid, s' = s(1 - s), and the elementwise backward pass.

>>> [ex.id for ex in EXERCISES]
['04.1', '04.2', '04.3', '04.4']
>>> EXERCISES[0].solution().round(6)
array([0.196612, 0.25    , 0.104994])
"""

import numpy as np

from matgrad.course.exercises._draw import size, sizes, steps
from matgrad.course.exercises._exercise import Exercise, Mistake
from matgrad.layers import Sigmoid, sigmoid


def slope(z):
    """s'(z), entry by entry (the numeric core's stable formula)."""
    return Sigmoid().derivative(z)


def _draw_points(rng):
    if rng is None:
        return {"z": (-1.0, 0.0, 2.0)}
    return {"z": steps(rng, size(rng, 3, 4), -3, 3, 0.5)}


SLOPE = Exercise(
    id="04.1",
    title="The slope of the sigmoid",
    prompt=(
        "The sigmoid is $s(z) = 1/(1 + e^{-z})$. Compute its derivative $s'(z)$ at each of the given points $z$ "
        "(one number per point)."
    ),
    kind="array",
    draw=_draw_points,
    solve=lambda g: slope(g.z),
    formula="s'(z) = s(z)(1 - s(z)), entry by entry; its largest value is s'(0) = 1/4.",
    mistakes=(
        Mistake(
            "derivative_at_wrong_point",
            lambda g: g.z * (1 - g.z),
            lambda g: (
                "You put z itself into h(1 - h). The formula s' = h(1 - h) needs the output h = s(z): first "
                "compute h = 1/(1 + e^-z), then h(1 - h)."
            ),
        ),
        Mistake(
            "forward_value",
            lambda g: sigmoid(g.z),
            lambda g: "These are the values s(z) of the sigmoid itself. The question asks for its slope s'(z) = s(z)(1 - s(z)).",
        ),
    ),
    hints=(
        "Notebook 04 proves s'(z) = s(z)(1 - s(z)). Apply it to every entry on its own.",
        "At z = 0: s = 1/2, so s' = 1/2 times 1/2 = 1/4. Do the same at each point (numpy: `h = 1 / (1 + np.exp(-z))`).",
    ),
)


def _draw_sizes(rng):
    if rng is None:
        return {"B": 3, "h": 2}
    B, h = sizes(rng, 2, 2, 6)
    return {"B": B, "h": h}


GRADIENT_SHAPE = Exercise(
    id="04.2",
    title="The shape of dL/dN for a batch",
    prompt=(
        "A sigmoid layer gets a batch: the pre-activation $N$ has shape $B\\times h$ ($B$ samples, one per row, "
        "$h$ units), and $O = s(N)$ entry by entry. Backpropagation computes "
        "$\\partial L/\\partial N = \\partial L/\\partial O \\odot s'(N)$. What is the shape of $\\partial L/\\partial N$?"
    ),
    kind="shape",
    draw=_draw_sizes,
    solve=lambda g: (g.B, g.h),
    formula="dL/dN has the shape of N, (B, h): one entry per entry of N.",
    mistakes=(
        Mistake(
            "transposed",
            lambda g: (g.h, g.B),
            lambda g: f"({g.h}, {g.B}) is transposed. A gradient has the shape of its variable: N is ({g.B}, {g.h}).",
        ),
        Mistake(
            "shape_of_jacobian",
            lambda g: (g.h, g.h),
            lambda g: (
                f"({g.h}, {g.h}) is the shape of one sample's Jacobian dO/dN, the diagonal matrix diag(s'(N)). "
                f"The gradient dL/dN is not a Jacobian: it has the shape of N, one number per entry."
            ),
        ),
        Mistake(
            "one_sample_only",
            lambda g: (1, g.h),
            lambda g: f"(1, {g.h}) is the shape for one sample. The batch has {g.B} samples, one per row.",
        ),
    ),
    hints=(
        "The loss L is a single number. The gradient of a number by a matrix has the shape of that matrix.",
        "The elementwise product dL/dO * s'(N) keeps the shape of N.",
    ),
    note="A gradient of the loss has the shape of its variable.",
)


def _draw_backward(rng):
    if rng is None:
        z = np.array([-1.0, 0.0, 2.0])
        return {"z": z, "h": sigmoid(z), "dL_dh": (1.0, -2.0, 3.0)}
    z = steps(rng, size(rng, 3, 4), -3, 3, 0.5)
    return {"z": z, "h": sigmoid(z), "dL_dh": steps(rng, z.size, -3, 3, 0.5)}


SIGMOID_BACKWARD = Exercise(
    id="04.3",
    title="Backward through a sigmoid",
    prompt=(
        "A sigmoid layer computed $h = s(z)$ entry by entry (both are given). The layer above sends back "
        "$\\partial L/\\partial h$. Compute $\\partial L/\\partial z$."
    ),
    kind="array",
    draw=_draw_backward,
    solve=lambda g: g.dL_dh * slope(g.z),
    formula="dL/dz = dL/dh * s'(z) = dL/dh * h(1 - h), entry by entry (the Jacobian diag(s'(z)) is diagonal).",
    mistakes=(
        Mistake(
            "missing_activation_derivative",
            lambda g: g.dL_dh,
            lambda g: (
                "You passed dL/dh through unchanged. The sigmoid's Jacobian is diag(s'(z)), so each entry is "
                "multiplied by its own slope: dL/dz = dL/dh * s'(z)."
            ),
        ),
        Mistake(
            "derivative_at_wrong_point",
            lambda g: g.dL_dh * slope(g.h),
            lambda g: (
                "You evaluated s' at the output h instead of at z: s(h)(1 - s(h)). The slope belongs to the input "
                "of the sigmoid: s'(z) = s(z)(1 - s(z)) = h(1 - h). Use h directly; do not apply the sigmoid again."
            ),
        ),
        Mistake(
            "dot_instead_of_elementwise",
            lambda g: g.dL_dh @ slope(g.z),
            lambda g: (
                f"You added the products into one number (a dot product). The backward pass keeps one entry per unit: "
                f"multiply entry by entry, giving {g.z.size} numbers."
            ),
        ),
    ),
    hints=(
        "Each z_k changes only h_k, with slope s'(z_k). So only one term of the chain rule survives.",
        "dL/dz_k = dL/dh_k * h_k (1 - h_k). In numpy: `dL_dh * h * (1 - h)`.",
    ),
)


def _draw_cases(rng):
    local = np.random.default_rng(404) if rng is None else rng
    first = _draw_backward(rng)
    cases = [{"z": first["z"], "dL_dh": first["dL_dh"]}]
    for shape in ((3, 2), (4,), (2, 3)):
        cases.append({"z": steps(local, shape, -4, 4, 0.25), "dL_dh": steps(local, shape, -3, 3, 0.5)})
    return cases


SIGMOID_FUNCTION = Exercise(
    id="04.4",
    title="The sigmoid's backward pass as a function",
    prompt=(
        "Write `backward(z, dL_dh)` for a sigmoid layer $h = s(z)$: it returns $\\partial L/\\partial z$, with the "
        "shape of `z`. It must work for a 1-D `z` and for a batch (a 2-D `z`, one sample per row)."
    ),
    kind="function",
    draw=_draw_cases,
    solve="def backward(z, dL_dh):\n    h = 1 / (1 + np.exp(-z))\n    return dL_dh * h * (1 - h)\n",
    formula="dL/dz = dL/dh * s(z)(1 - s(z)), entry by entry, for any shape.",
    mistakes=(
        Mistake(
            "missing_activation_derivative",
            "def backward(z, dL_dh):\n    return dL_dh\n",
            lambda g: "Your function returns dL/dh unchanged. Each entry must be multiplied by its slope s'(z).",
        ),
        Mistake(
            "derivative_at_wrong_point",
            "def backward(z, dL_dh):\n    return dL_dh * z * (1 - z)\n",
            lambda g: "Your function puts z into h(1 - h). First compute h = s(z), then multiply by h(1 - h).",
        ),
    ),
    hints=(
        "Compute h = s(z) first. The slope at every entry is h(1 - h).",
        "`h = 1 / (1 + np.exp(-z))`, then `return dL_dh * h * (1 - h)`. The product is entry by entry, for any shape.",
    ),
    returns=("dL_dz",),
)

EXERCISES = (SLOPE, GRADIENT_SHAPE, SIGMOID_BACKWARD, SIGMOID_FUNCTION)
