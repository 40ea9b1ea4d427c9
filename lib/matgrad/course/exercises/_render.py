"""Text for the notebook: an exercise with its given values, a hint, a solution.

Every function returns a :class:`Card` (Markdown for the notebook, the same
content as plain text for ``repr``); numbers are written by ``fmt``, so the
text is identical in every run.
"""

import numpy as np

from matgrad.course.exercises._check import describe_expected, signature
from matgrad.course.exercises._compare import fmt, fmt_array, fmt_shape
from matgrad.course.exercises._feedback import Card


def _which(seed):
    return "the notebook's instance" if seed is None else f"fresh instance {seed}"


def _call_text(exercise_id, seed, name="given"):
    extra = "" if seed is None else f", seed={seed}"
    return f'{name}("{exercise_id}"{extra})'


def _rows(given):
    """``(name, shape text, value text)`` for each given value."""
    rows = []
    for name, value in given.items():
        if isinstance(value, np.ndarray):
            rows.append((name, fmt_shape(value.shape), fmt_array(value)))
        else:
            rows.append((name, "number", fmt(value)))
    return rows


def _answer_text(exercise, instance):
    if exercise.kind == "shape":
        return "a shape: a tuple of whole numbers such as (4, 5)."
    if exercise.kind == "array":
        return describe_expected(instance.solution.shape) + "."
    shapes = ", ".join(
        f"{name} of shape {fmt_shape(v.shape)}" for name, v in zip(exercise.returns, instance.solution[0].values)
    )
    return (
        f"a function `{signature(exercise, instance.inputs)}` that returns {shapes} for the example call. "
        f"The checker also calls it on {len(instance.cases) - 1} other cases."
    )


def exercise_card(exercise, seed=None):
    """The prompt, the given values (a table) and what kind of answer is expected."""
    instance = exercise.instance(seed)
    label = "Example call" if exercise.kind == "function" else "Given"
    rows = _rows(instance.inputs)
    note = f"These values are in `{_call_text(exercise.id, seed)}`, e.g. `{_call_text(exercise.id, seed)}.{rows[0][0]}`."
    answer = _answer_text(exercise, instance)
    table = "\n".join(f"| `{n}` | {s} | `{v}` |" for n, s, v in rows)
    markdown = (
        f"**Exercise {exercise.id}: {exercise.title}** ({_which(seed)})\n\n{exercise.prompt}\n\n"
        f"**{label}:**\n\n| name | shape | value |\n|---|---|---|\n{table}\n\n{note}\n\n**Your answer:** {answer}"
    )
    width = max(len(n) for n, _, _ in rows)
    lines = "\n".join(f"  {n.ljust(width)}  {s}  {v}" for n, s, v in rows)
    plain = (
        f"Exercise {exercise.id}: {exercise.title} ({_which(seed)})\n{exercise.prompt}\n"
        f"{label}:\n{lines}\n{note}\nYour answer: {answer}"
    )
    return Card(markdown, plain)


def hint_card(exercise, level):
    """Hint number ``level`` (1 is the gentlest); past the last one, the last one again."""
    index = min(level, len(exercise.hints)) - 1
    head = f"Exercise {exercise.id}, hint {index + 1} of {len(exercise.hints)}"
    text = exercise.hints[index]
    if level >= len(exercise.hints):
        text += f' (That is the last hint; `solution("{exercise.id}")` shows the answer.)'
    return Card(f"💡 **{head}:** {text}", f"{head}: {text}")


def _value_text(exercise, value):
    if exercise.kind == "function":
        return value.source.rstrip()
    if exercise.kind == "shape":
        return fmt_shape(value)
    return fmt_array(value)


def solution_card(exercise, seed=None):
    """The solution of one instance, its formula and the mistakes the checker knows."""
    value = _value_text(exercise, exercise.solution(seed))
    head = f"Solution of exercise {exercise.id} ({_which(seed)})"
    known = ", ".join(exercise.mistakes)
    markdown = (
        f"**{head}:** {exercise.formula}\n\n```python\n{value}\n```\n\n"
        f"Mistakes the checker recognises: {known}."
    )
    plain = f"{head}: {exercise.formula}\n{value}\nMistakes the checker recognises: {known}."
    return Card(markdown, plain)


def instructor_markdown(exercises):
    """Every exercise with its notebook instance, solution and recognised mistakes."""
    parts = ["# Exercises: solutions and recognised mistakes", ""]
    for exercise in exercises:
        instance = exercise.instance(None)
        rows = "\n".join(f"- `{n}` {s}: `{v}`" for n, s, v in _rows(instance.inputs))
        solution = _value_text(exercise, exercise.solution())
        parts += [
            f"## {exercise.id} {exercise.title} (notebook {exercise.notebook}, {exercise.kind})",
            "",
            exercise.prompt,
            "",
            f"Given ({'example call' if exercise.kind == 'function' else 'the notebook instance'}):",
            "",
            rows,
            "",
            f"Solution: {exercise.formula}",
            "",
            f"```python\n{solution}\n```",
            "",
            "Recognised mistakes:",
            "",
        ]
        for name in exercise.mistakes:
            wrong = _value_text(exercise, exercise.mistaken_answer(name))
            message = exercise.mistake_message(name, instance.inputs)
            parts += [f"- `{name}`: {message}", "", f"  ```python\n  {wrong.replace(chr(10), chr(10) + '  ')}\n  ```", ""]
    return "\n".join(parts).rstrip() + "\n"
