"""``python -m matgrad.course.exercises [--solutions]``: the exercises, for an instructor.

Without arguments: one line per exercise (id, kind, title, recognised
mistakes). With ``--solutions``: every exercise with its notebook instance,
its solution and the mistakes the checker recognises, each with its message
(Markdown).
"""

import argparse

from matgrad.course.exercises import EXERCISES, solutions_markdown


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m matgrad.course.exercises", description=__doc__.splitlines()[0])
    parser.add_argument("--solutions", action="store_true", help="print every solution and recognised mistake")
    options = parser.parse_args(argv)
    if options.solutions:
        print(solutions_markdown(), end="")
        return 0
    for exercise in EXERCISES.values():
        print(f"{exercise.id}  {exercise.kind:<8}  {exercise.title}  (mistakes: {', '.join(exercise.mistakes)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
