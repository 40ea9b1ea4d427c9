"""Exercise 06.5 of notebook 06: the output layer's backward pass as a function.

The output layer of the worked homework is Yhat = H2 W3 + b3 (identity
activation) with the mean squared error over the N samples.

>>> [v.shape for v in OUTPUT_BACKWARD.instance().solution[0].values]
[(2, 1), (1,)]
"""

import numpy as np

from matgrad.course import homework as hw
from matgrad.course.exercises._draw import steps
from matgrad.course.exercises._exercise import Exercise, Mistake


def _homework_case():
    net = hw.network()
    yhat, (_, second, _) = net.forward(hw.X)
    return {"H2": second.out, "yhat": yhat, "y": hw.Y}


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


OUTPUT_BACKWARD = Exercise(
    id="06.5",
    title="The output layer's backward pass as a function",
    prompt=(
        "Write `output_backward(H2, yhat, y)` for the homework's output layer $\\hat Y = H^2W^3 + b^3$ (row convention, "
        "one sample per row: `H2` is $N\\times 2$, `yhat` and `y` are $N\\times 1$) with the mean squared error "
        "$L = \\frac1N\\sum_k(\\hat y_k - y_k)^2$. It returns `(dL_dW3, dL_db3)`, with the shapes (2, 1) and (1,). "
        "The checker also uses batches with other numbers of samples $N$."
    ),
    kind="function",
    draw=_draw_cases,
    solve=(
        "def output_backward(H2, yhat, y):\n    dL_dyhat = 2 / len(y) * (yhat - y)\n"
        "    return H2.T @ dL_dyhat, dL_dyhat.sum(axis=0)\n"
    ),
    formula="dL/dyhat = (2/N)(yhat - y); dL/dW3 = H2^T dL/dyhat; dL/db3 = the sum of dL/dyhat over the samples.",
    mistakes=(
        Mistake(
            "missing_loss_factor",
            "def output_backward(H2, yhat, y):\n    dL_dyhat = yhat - y\n    return H2.T @ dL_dyhat, dL_dyhat.sum(axis=0)\n",
            lambda g: "Your function leaves out the factor 2/N of the mean squared error: dL/dyhat = (2/N)(yhat - y).",
        ),
        Mistake(
            "mean_instead_of_sum",
            (
                "def output_backward(H2, yhat, y):\n    dL_dyhat = 2 / len(y) * (yhat - y)\n"
                "    return H2.T @ dL_dyhat / len(y), dL_dyhat.mean(axis=0)\n"
            ),
            lambda g: (
                "Your function averages over the samples. The 1/N is already inside dL/dyhat; the gradients of W3 and "
                "b3 add the samples' contributions."
            ),
        ),
        Mistake(
            "sign",
            "def output_backward(H2, yhat, y):\n    dL_dyhat = 2 / len(y) * (y - yhat)\n    return H2.T @ dL_dyhat, dL_dyhat.sum(axis=0)\n",
            lambda g: "The sign is wrong: dL/dyhat = (2/N)(yhat - y), not (2/N)(y - yhat).",
        ),
    ),
    hints=(
        "Start with dL/dyhat = (2/N)(yhat - y), with N = len(y). The layer has no sigmoid, so this is also dL/dL3.",
        "`dL_dyhat = 2 / len(y) * (yhat - y)`, then `return H2.T @ dL_dyhat, dL_dyhat.sum(axis=0)`.",
    ),
    returns=("dL_dW3", "dL_db3"),
)
