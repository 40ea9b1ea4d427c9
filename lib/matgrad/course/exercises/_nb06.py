"""Exercises of notebook 06: the worked homework's 1-2-2-1 network, its gradients and one step.

Row convention, three samples X = (-1, 0, 1), targets Y = (1, 0, -1), the
mean squared error L = (1/N) sum_k (yhat_k - y_k)^2 and rate 0.1. A fresh
instance keeps the data and draws new weights and biases.

>>> [ex.id for ex in EXERCISES]
['06.1', '06.2', '06.3', '06.4', '06.5']
>>> EXERCISES[1].solution().round(5)
array([[6.96998],
       [7.52328]])
"""

from matgrad.course import homework as hw
from matgrad.course.exercises._draw import steps
from matgrad.course.exercises._exercise import Exercise, Mistake
from matgrad.course.exercises._nb06_function import OUTPUT_BACKWARD


def homework_values(rng):
    """The homework network's forward values (``rng=None``) or those of new random parameters."""
    params = {} if rng is None else {name: float(steps(rng, (), -2, 2, 0.5)) for name in hw.PARAMETER_NAMES}
    net = hw.network(**params)
    yhat, (first, second, _) = net.forward(hw.X)
    W1, W2, W3 = (lin.W for lin, _ in net.layers)
    G = 2 / len(hw.Y) * (yhat - hw.Y)  # dL/dyhat, (3, 1)
    B2 = (G @ W3.T) * second.out * (1 - second.out)  # dL/dL2, the author's B(h2) vectors, (3, 2)
    return {"X": hw.X, "H1": first.out, "H2": second.out, "W1": W1, "W2": W2, "W3": W3,
            "yhat": yhat[:, 0], "y": hw.Y[:, 0], "B2": B2, "lr": hw.LEARNING_RATE}  # fmt: skip


def _pick(*names):
    """A draw function giving these homework values."""

    def draw(rng):
        values = homework_values(rng)
        return {name: values[name] for name in names}

    return draw


def _dL_dyhat(g):
    return 2 / g.y.size * (g.yhat - g.y)


OUTPUT_GRADIENT = Exercise(
    id="06.1",
    title="dL/dyhat for the mean squared error",
    prompt=(
        "The homework's loss is the mean squared error over its $N = 3$ samples, "
        "$L = \\frac1N\\sum_k (\\hat y_k - y_k)^2$. Given the predictions $\\hat y$ and the targets $y$, compute "
        "$\\partial L/\\partial \\hat y$: one number per sample."
    ),
    kind="array",
    draw=_pick("yhat", "y"),
    solve=_dL_dyhat,
    formula="dL/dyhat_k = (2/N)(yhat_k - y_k), one entry per sample (N = 3).",
    mistakes=(
        Mistake(
            "missing_loss_factor",
            lambda g: g.yhat - g.y,
            lambda g: (
                f"The factor 2/N is missing. L = (1/N) sum_k (yhat_k - y_k)^2, so dL/dyhat_k = (2/N)(yhat_k - y_k) "
                f"with N = {g.y.size}: the 2 comes from the square and the 1/N from the mean."
            ),
        ),
        Mistake(
            "sign",
            lambda g: -_dL_dyhat(g),
            lambda g: "The sign is wrong: the derivative of (yhat_k - y_k)^2 by yhat_k is 2(yhat_k - y_k), not 2(y_k - yhat_k).",
        ),
        Mistake(
            "summed_too_early",
            lambda g: _dL_dyhat(g).sum(),
            lambda g: (
                "You added the samples up into one number (the worked homework writes a stray sum here too). Each "
                f"sample has its own derivative, so the answer has {g.y.size} entries. The sum over the samples "
                "comes later, in the weight gradients."
            ),
        ),
    ),
    hints=(
        "Only the k-th term of the sum contains yhat_k. Differentiate (1/N)(yhat_k - y_k)^2.",
        "dL/dyhat_k = (2/3)(yhat_k - y_k). In numpy: `2 / 3 * (yhat - y)`.",
    ),
)


def _dW3(g):
    return g.H2.T @ _dL_dyhat(g)[:, None]


OUTPUT_WEIGHTS = Exercise(
    id="06.2",
    title="dL/dW3 of the output layer",
    prompt=(
        "The output layer computes $\\hat Y = H^2W^3 + b^3$ (row convention; $H^2$ holds one sample per row, $W^3$ "
        "is $2\\times 1$). With the homework's mean squared error over the 3 samples, compute "
        "$\\partial L/\\partial W^3$ in the shape of $W^3$."
    ),
    kind="array",
    draw=_pick("H2", "yhat", "y"),
    solve=_dW3,
    formula="dL/dW3 = H2^T dL/dyhat with dL/dyhat = (2/3)(yhat - y): entry i is sum_k dL/dyhat_k h2_ik.",
    mistakes=(
        Mistake(
            "missing_loss_factor",
            lambda g: g.H2.T @ (g.yhat - g.y)[:, None],
            lambda g: "The factor 2/3 of the mean squared error is missing: dL/dyhat_k = (2/3)(yhat_k - y_k).",
        ),
        Mistake(
            "transposed",
            lambda g: _dW3(g).T,
            lambda g: "Your answer is transposed. W3 has shape (2, 1): one row per input h2_i, so dL/dW3 = H2^T dL/dyhat.",
        ),
        Mistake(
            "mean_instead_of_sum",
            lambda g: _dW3(g) / g.y.size,
            lambda g: (
                "You averaged the samples' contributions. The 1/N is already inside dL/dyhat = (2/N)(yhat - y); "
                "the weight gradient adds the contributions: sum_k dL/dyhat_k h2_ik."
            ),
        ),
    ),
    hints=(
        "dL/dw3_i1 = sum over the 3 samples of dL/dyhat_k times h2_ik (the input of that weight).",
        "In matrix form: `H2.T @ (2 / 3 * (yhat - y))[:, None]`, shape (2, 1).",
    ),
)


def _B1(g, W2T=None, paths=None):
    """dL/dL1 = (B2 W2^T) * H1 (1 - H1); ``paths`` keeps only some columns of B2."""
    B2 = g.B2 if paths is None else g.B2[:, paths]
    W2 = g.W2 if paths is None else g.W2[:, paths]
    return (B2 @ (W2.T if W2T is None else W2T(W2))) * g.H1 * (1 - g.H1)


FIRST_LAYER = Exercise(
    id="06.3",
    title="dL/dW1: every path counts",
    prompt=(
        "Layer 2 of the homework network computes $L^2 = H^1W^2 + b^2$ from $H^1 = \\sigma(L^1)$, and $L^1 = XW^1 + b^1$. "
        "Backpropagation already has `B2` $= \\partial L/\\partial L^2$ (the author's $B(h^2)$ vectors: one row per "
        "sample). Compute $\\partial L/\\partial W^1$ (shape $1\\times 2$). Remember that $h^1_i$ feeds both units of layer 2."
    ),
    kind="array",
    draw=_pick("X", "H1", "W2", "B2"),
    solve=lambda g: g.X.T @ _B1(g),
    formula="B1 = (B2 W2^T) * H1 (1 - H1) sums the paths through h2_1 and h2_2; dL/dW1 = X^T B1.",
    mistakes=(
        Mistake(
            "missing_path",
            lambda g: g.X.T @ _B1(g, paths=[0]),
            lambda g: (
                "You followed only the path through h2_1 (the worked homework's chain does the same). h1_i feeds both "
                "h2_1 and h2_2, so B(h1_i) = (w2_i1 B(h2_1) + w2_i2 B(h2_2)) * h1_i (1 - h1_i): add both paths."
            ),
        ),
        Mistake(
            "missing_activation_derivative",
            lambda g: g.X.T @ (g.B2 @ g.W2.T),
            lambda g: "The slope of the layer-1 sigmoid is missing: multiply B2 W2^T by h1 (1 - h1), entry by entry.",
        ),
        Mistake(
            "transposed",
            lambda g: g.X.T @ _B1(g, W2T=lambda W2: W2),
            lambda g: (
                "You used W2 where W2^T belongs. The weight w2_ij joins h1_i to h2_j, so B(h1_i) uses row i of W2: "
                "sum_j w2_ij B(h2_j), which is B2 W2^T."
            ),
        ),
    ),
    hints=(
        "First B1 = dL/dL1: back through W2 (the factor W2^T, which adds both paths), then through the sigmoid.",
        "`B1 = (B2 @ W2.T) * H1 * (1 - H1)`, then `X.T @ B1` sums the samples.",
    ),
)


def _draw_step(rng):
    values = homework_values(rng)
    dL_dyhat = 2 / values["y"].size * (values["yhat"] - values["y"])
    return {"W3": values["W3"], "dL_dW3": values["H2"].T @ dL_dyhat[:, None], "lr": values["lr"]}


STEP = Exercise(
    id="06.4",
    title="One gradient-descent step",
    prompt=(
        "Take one step of gradient descent for the output weights $W^3$ with the learning rate `lr`, "
        "given $W^3$ and its gradient $\\partial L/\\partial W^3$. Give the new $W^3$."
    ),
    kind="array",
    draw=_draw_step,
    solve=lambda g: g.W3 - g.lr * g.dL_dW3,
    formula="W3_new = W3 - lr dL/dW3: a step against the gradient, downhill.",
    mistakes=(
        Mistake(
            "sign",
            lambda g: g.W3 + g.lr * g.dL_dW3,
            lambda g: (
                "You stepped uphill. The gradient points to where the loss grows, so gradient descent subtracts it: "
                "W3 - lr dL/dW3."
            ),
        ),
        Mistake(
            "missing_learning_rate",
            lambda g: g.W3 - g.dL_dW3,
            lambda g: f"You took the whole gradient as the step. Multiply it by the learning rate lr = {g.lr:g} first.",
        ),
    ),
    hints=(
        "Move every weight a little against its gradient.",
        "`W3 - lr * dL_dW3`.",
    ),
)


EXERCISES = (OUTPUT_GRADIENT, OUTPUT_WEIGHTS, FIRST_LAYER, STEP, OUTPUT_BACKWARD)
