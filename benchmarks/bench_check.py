"""How long `check` takes to answer, per exercise and overall, and the probe's figures.

    .venv/bin/python benchmarks/bench_check.py [--repeats 3] [--seeds None,0,1,2]

For every exercise and instance it times `check` on the solution, on each
modelled mistake, on each pair of mistakes (array exercises; a function
exercise's pairs are searched by the probe's answers), on an answer of the
wrong shape, and on every wrong answer of the probe (tests/exercises_probe.py:
classic wrong answers that end in the search over all pairs and the
structural diagnosis). Each answer is timed cold (the instance is built
again, as on a student's first check) and warm (`--repeats` more calls).
It prints the median and p95 per exercise and overall, marks OVER BUDGET at
a cold p95 >= 50 ms, and prints the probe's line (named share, accepted,
misdiagnosed, leaks).
"""

import argparse
import time

import numpy as np

from _common import import_test_helper, median, p95, table
from matgrad.course.exercises import EXERCISES, check

BUDGET = 0.050  # seconds, p95 of a cold check


def wrong_shape(exercise, seed):
    if exercise.kind == "shape":
        return (7, 7)
    if exercise.kind == "array":
        return np.zeros(np.size(exercise.solution(seed)) + 5)
    return lambda *args: np.zeros(7)


def answers(exercise, seed, probe):
    """``(label, answer, correct)`` for every answer timed."""
    yield "correct", exercise.solution(seed), True
    instance = exercise.instance(seed)
    for name in instance.mistakes:
        yield name, exercise.mistaken_answer(name, seed), False
    if exercise.kind == "array":
        for slips, value in exercise.pairs(instance).items():
            yield "pair", value, False
    yield "wrong shape", wrong_shape(exercise, seed), False
    for wrong in probe.PROBE:
        if wrong.exercise == exercise.id:
            try:
                yield wrong.what, wrong.build(exercise.inputs(seed)), False
            except (ValueError, IndexError, ZeroDivisionError):
                continue


def timed(exercise, answer, seed, cold):
    if cold:
        exercise._instances.clear()  # as on a student's first check of this instance
    start = time.perf_counter()
    feedback = check(exercise.id, answer, seed=seed)
    return time.perf_counter() - start, feedback


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seeds", default="None,0,1,2")
    options = parser.parse_args()
    seeds = [None if s == "None" else int(s) for s in options.seeds.split(",")]
    probe = import_test_helper("exercises_probe")
    check("01.1", (2, 3))  # warm up imports
    rows, all_cold, all_warm = [], [], []
    for exercise in EXERCISES.values():
        cold, warm = [], []
        for seed in seeds:
            for label, answer, correct in list(answers(exercise, seed, probe)):
                seconds, feedback = timed(exercise, answer, seed, cold=True)
                cold.append(seconds)
                assert feedback.correct == correct, (exercise.id, seed, label, feedback)
                warm += [timed(exercise, answer, seed, cold=False)[0] for _ in range(options.repeats)]
        all_cold += cold
        all_warm += warm
        flag = "OVER BUDGET" if p95(cold) >= BUDGET else ""
        rows.append((exercise.id, exercise.kind, len(cold), f"{1e3 * median(cold):.2f}", f"{1e3 * p95(cold):.2f}",
                     f"{1e3 * median(warm):.2f}", f"{1e3 * p95(warm):.2f}", flag))  # fmt: skip
    rows.append(("all", "", len(all_cold), f"{1e3 * median(all_cold):.2f}", f"{1e3 * p95(all_cold):.2f}",
                 f"{1e3 * median(all_warm):.2f}", f"{1e3 * p95(all_warm):.2f}", ""))  # fmt: skip
    print(f"check(): time per call in ms, instances {options.seeds} (correct, each mistake, each pair, "
          f"a wrong shape, the probe's answers); cold = instance built on the call, warm x{options.repeats}\n")
    table(("exercise", "kind", "answers", "cold median", "cold p95", "warm median", "warm p95", ""), rows)
    verdict = "under" if p95(all_cold) < BUDGET else "OVER"
    print(f"\ncold p50 {1e3 * median(all_cold):.2f} ms, p95 {1e3 * p95(all_cold):.2f} ms: {verdict} the 50 ms budget")
    print(probe.line(probe.summary(probe.run())))


if __name__ == "__main__":
    main()
