"""How long `check` takes to answer, per exercise and overall.

    .venv/bin/python benchmarks/bench_check.py [--repeats 5] [--seed N]

For every exercise it times `check` on the solution, on each mistaken answer
and on an answer of the wrong shape, `--repeats` times each (the notebook's
instance, or a fresh one with `--seed`), and prints the median and p95 per
exercise and over all calls. Each call builds its instance from scratch (no
caching), as in a notebook.
"""

import argparse
import time

import numpy as np

from _common import median, p95, table
from matgrad.course.exercises import EXERCISES, check


def wrong_shape(exercise, seed):
    if exercise.kind == "shape":
        return (7, 7)
    if exercise.kind == "array":
        return np.zeros(np.size(exercise.solution(seed)) + 5)
    return lambda *args: np.zeros(7)


def answers(exercise, seed):
    yield "correct", exercise.solution(seed)
    for name in exercise.mistakes:
        yield name, exercise.mistaken_answer(name, seed)
    yield "wrong shape", wrong_shape(exercise, seed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()
    check("01.1", (2, 3))  # warm up imports
    rows, everything = [], []
    for exercise in EXERCISES.values():
        times = []
        for label, answer in answers(exercise, options.seed):
            for _ in range(options.repeats):
                start = time.perf_counter()
                feedback = check(exercise.id, answer, seed=options.seed)
                times.append(time.perf_counter() - start)
            assert feedback.correct == (label == "correct"), (exercise.id, label, feedback)
        everything += times
        rows.append((exercise.id, exercise.kind, len(times), f"{1e3 * median(times):.2f}", f"{1e3 * p95(times):.2f}"))
    rows.append(("all", "", len(everything), f"{1e3 * median(everything):.2f}", f"{1e3 * p95(everything):.2f}"))
    instance = "the notebook's instance" if options.seed is None else f"fresh instance {options.seed}"
    print(f"check(): time per call in ms ({instance}; correct, each mistake, a wrong shape; x{options.repeats})\n")
    table(("exercise", "kind", "calls", "median ms", "p95 ms"), rows)
    verdict = "under" if median(everything) < 0.050 else "OVER"
    print(f"\noverall median {1e3 * median(everything):.2f} ms: {verdict} the 50 ms budget")


if __name__ == "__main__":
    main()
