"""Network.gradients and Network.step against the same backward pass written by hand in numpy.

    .venv/bin/python benchmarks/bench_network.py [--batch 200] [--repeats 2000]

A 2-16-16-1 sigmoid network (row convention, Identity output, MSE loss) on a
batch of 200, as the capstone notebook trains it. The two versions are first
checked to give the same numbers, then timed interleaved in one process, in
rounds of ``--block`` calls each: a round's time per call is its total over
``--block``, and the table prints the fastest round (the least disturbed by
other work on the machine, as ``timeit`` recommends) and the median round,
with the ratio matgrad / hand-written of each (goal: at most 1.5).
"""

import argparse
import time

import numpy as np

from _common import median, table
from matgrad import Identity, Linear, MSELoss, Network, Sigmoid

SIZES = (2, 16, 16, 1)


def make_network(rng):
    layers = [(Linear(rng.normal(size=(n_in, n_out)), rng.normal(size=n_out)), Sigmoid())
              for n_in, n_out in zip(SIZES[:-1], SIZES[1:])]
    layers[-1] = (layers[-1][0], Identity())
    return Network(layers)


def hand_gradients(params, X, y):
    """The backward pass as a student writes it with numpy: forward with a cache, then back."""
    (W1, b1), (W2, b2), (W3, b3) = params
    h1 = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
    h2 = 1.0 / (1.0 + np.exp(-(h1 @ W2 + b2)))
    yhat = h2 @ W3 + b3
    d3 = 2.0 * (yhat - y) / y.size
    d2 = (d3 @ W3.T) * h2 * (1.0 - h2)
    d1 = (d2 @ W2.T) * h1 * (1.0 - h1)
    return [(X.T @ d1, d1.sum(axis=0)), (h1.T @ d2, d2.sum(axis=0)), (h2.T @ d3, d3.sum(axis=0))]


def hand_step(params, X, y, lr):
    return [(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, hand_gradients(params, X, y))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--block", type=int, default=50)
    options = parser.parse_args()
    rng = np.random.default_rng(0)
    net, loss = make_network(rng), MSELoss()
    X, y = rng.normal(size=(options.batch, SIZES[0])), rng.normal(size=(options.batch, 1))
    params = [(np.array(lin.W), np.array(lin.b)) for lin, _ in net.layers]
    for (dW, db), (hW, hb) in zip(net.gradients(X, y, loss), hand_gradients(params, X, y)):
        assert np.allclose(dW, hW, rtol=1e-12, atol=1e-15) and np.allclose(db, hb, rtol=1e-12, atol=1e-15)

    calls = {
        "Network.gradients": lambda: net.gradients(X, y, loss),
        "hand-written gradients": lambda: hand_gradients(params, X, y),
        "Network.step": lambda: net.step(X, y, loss, 0.1),
        "hand-written step": lambda: hand_step(params, X, y, 0.1),
    }
    rounds = {name: [] for name in calls}
    for _ in range(options.rounds):
        for name, call in calls.items():
            start = time.perf_counter()
            for _ in range(options.block):
                call()
            rounds[name].append((time.perf_counter() - start) / options.block * 1e6)
    print(f"batch {options.batch}, network {'-'.join(map(str, SIZES))} (sigmoid), "
          f"{options.rounds} rounds of {options.block} calls; times in microseconds per call")
    rows = []
    for what in ("gradients", "step"):
        ours, theirs = rounds["Network." + what], rounds["hand-written " + what]
        for label, pick in (("fastest", min), ("median", median)):
            rows.append([what, label, f"{pick(ours):.1f}", f"{pick(theirs):.1f}", f"{pick(ours) / pick(theirs):.2f}"])
    table(["call", "round", "matgrad", "hand-written", "ratio (goal <= 1.5)"], rows)


if __name__ == "__main__":
    main()
