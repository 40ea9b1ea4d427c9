"""The capstone (notebook 07): a data set that needs a hidden layer, and a training loop.

* :func:`two_moons` -- two interleaved half circles in the plane, one per
  class, drawn with numpy from a fixed seed (nothing is downloaded).
* :func:`classifier` -- a 2-``hidden``-1 network: a sigmoid hidden layer and
  a sigmoid output, so the output is a number between 0 and 1 (the class-1
  score); its weights are drawn from a fixed seed, scaled by ``scale``.
* :func:`train` -- ``steps`` steps of gradient descent on the mean squared
  error, with the loss before every step and after the last.

>>> X, y = two_moons(200)
>>> X.shape, y.shape, float(y.mean())
((200, 2), (200, 1), 0.5)
>>> net, losses = train(classifier(8), X, y, lr=2.0, steps=2000)
>>> losses.shape, bool(losses[-1] < losses[0] / 3)
((2001,), True)
>>> float(accuracy(net, X, y)) > 0.95
True
"""

import numpy as np

from matgrad import _validate
from matgrad.layers import Linear, Sigmoid
from matgrad.losses import MSELoss
from matgrad.network import Network

__all__ = ["accuracy", "classifier", "train", "two_moons"]

MAX_POINTS = 100_000
MAX_STEPS = 1_000_000
MAX_HIDDEN = 256


def two_moons(n=200, noise=0.15, seed=0):
    """``(X, y)``: ``n`` points (``n`` even), half on each of two interleaved half circles.

    ``X`` has shape (n, 2); ``y`` (n, 1) holds 0.0 for the upper moon and 1.0
    for the lower one. ``noise`` is the standard deviation of the Gaussian
    jitter added to every coordinate.

    >>> X, y = two_moons(4, noise=0.0)
    >>> X.round(3)
    array([[ 1. ,  0. ],
           [-1. ,  0. ],
           [ 0. ,  0.5],
           [ 2. ,  0.5]])
    >>> y.ravel()
    array([0., 0., 1., 1.])
    """
    n = _validate.integer(n, "n", low=2, high=MAX_POINTS)
    if n % 2:
        raise ValueError(f"n must be even (half of the points on each moon); got {n}")
    noise = _validate.real(noise, "noise", low=0.0, high=10.0)
    seed = _validate.integer(seed, "seed", low=0)
    angle = np.linspace(0.0, np.pi, n // 2)
    upper = np.column_stack([np.cos(angle), np.sin(angle)])
    lower = np.column_stack([1.0 - np.cos(angle), 0.5 - np.sin(angle)])
    X = np.vstack([upper, lower]) + np.random.default_rng(seed).normal(scale=noise, size=(n, 2))
    y = np.repeat([[0.0], [1.0]], n // 2, axis=0)
    return X, y


def classifier(hidden, scale=1.0, seed=0):
    """A 2-``hidden``-1 :class:`~matgrad.Network` with sigmoid hidden units and a sigmoid output.

    Weights are normal with standard deviation ``scale`` (biases start at 0),
    from ``seed``: the same arguments give the same network.

    >>> classifier(3).sizes
    (2, 3, 1)
    """
    hidden = _validate.integer(hidden, "hidden", low=1, high=MAX_HIDDEN)
    scale = _validate.real(scale, "scale", positive=True, high=1e3)
    rng = np.random.default_rng(_validate.integer(seed, "seed", low=0))
    return Network([
        (Linear(scale * rng.normal(size=(2, hidden)), np.zeros(hidden)), Sigmoid()),
        (Linear(scale * rng.normal(size=(hidden, 1)), np.zeros(1)), Sigmoid()),
    ])


def train(network, X, y, lr, steps):
    """``(trained network, losses)``: ``steps`` gradient-descent steps on the MSE of ``(X, y)``.

    ``X`` (N, n_in), ``y`` (N, n_out); ``losses`` has shape (steps + 1,): the
    loss before each step and, last, after the final one. ``network`` itself
    is not changed (a step returns a new network).
    """
    _validate.instance(network, "network", Network, "a matgrad.Network such as classifier(8)")
    X, y, loss = network._checked(X, y, MSELoss())
    lr = _validate.real(lr, "lr", positive=True)
    steps = _validate.integer(steps, "steps", low=0, high=MAX_STEPS)
    losses = np.empty(steps + 1)
    for index in range(steps):
        losses[index] = network.loss(X, y, loss)
        network = network.step(X, y, loss, lr)
    losses[steps] = network.loss(X, y, loss)
    return network, losses


def accuracy(network, X, y):
    """The fraction of samples whose output is on the right side of 0.5 (a float in [0, 1])."""
    _validate.instance(network, "network", Network, "a matgrad.Network such as classifier(8)")
    X, y, _ = network._checked(X, y, MSELoss())
    return float(np.mean((network._forward(X)[0] > 0.5) == (y > 0.5)))
