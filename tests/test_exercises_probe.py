"""The checker against an independent probe of classic wrong answers (tests/exercises_probe.py).

Done when, over at least 200 kinds of wrong answer, all 25 exercises and 4
instances each: at least 90 % are named specifically, none is accepted, none
is misdiagnosed, and no message quotes a correct entry. The figures are
printed as one line (``benchmarks/bench_check.py`` prints it too, with times).
"""

import numpy as np
import pytest

import exercises_probe as probe
from matgrad.course.exercises import EXERCISES
from matgrad.course.exercises._functions import run


@pytest.fixture(scope="module")
def results():
    return probe.run()


def test_the_probe_meets_its_figures(results, capsys):
    figures = probe.summary(results)
    times = sorted(r.seconds for r in results)
    with capsys.disabled():
        print(f"\n{probe.line(figures)}; check() p95 {1e3 * times[int(0.95 * len(times))]:.1f} ms")
    assert figures["kinds"] >= 200 and figures["exercises"] == len(EXERCISES) and figures["seeds"] >= 4
    assert figures["named_share"] >= 0.90, probe.line(figures)
    assert figures["accepted"] == 0 and figures["misdiagnosed"] == 0 and figures["leaks"] == 0, [
        (r.wrong.exercise, r.wrong.what, r.seed, r.feedback.mistake, r.leaked) for r in results
        if r.verdict in ("accepted", "misdiagnosed") or r.leaked
    ]
    assert figures["unnamed"] == 0, [(r.wrong.exercise, r.wrong.what, r.seed) for r in results if r.verdict == "unnamed"]


def _signature(exercise, answer):
    """What an answer is, to tell two kinds apart: its numbers, or a function's values on every case."""
    if exercise.kind != "function":
        return repr(np.round(np.asarray(answer, dtype=float), 6).tolist())
    outcomes = [run(answer, tuple(case.values()), len(exercise.returns), seconds=None) for case in exercise.instance().cases]
    return repr([o.problem or [np.round(v, 6).tolist() for v in o.values] for o in outcomes])


def test_the_kinds_of_one_exercise_are_distinct_answers():
    for exercise_id, exercise in EXERCISES.items():
        seen = {}
        for wrong in (w for w in probe.PROBE if w.exercise == exercise_id):
            for seed in probe.SEEDS:
                try:
                    answer = wrong.build(exercise.inputs(seed))
                except (ValueError, IndexError, ZeroDivisionError):
                    continue
                if seed is None:
                    signature = _signature(exercise, answer)
                    assert signature not in seen, (exercise_id, wrong.what, seen.get(signature))
                    seen[signature] = wrong.what
                break


def test_the_probe_is_not_built_from_the_checkers_transforms():
    source = open(probe.__file__).read()
    assert "_steps" not in source and "mistaken_answer" not in source
