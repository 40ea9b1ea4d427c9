"""Text for the notebook: an exercise with its given values, a hint, a solution.

Every function returns a :class:`Card` (Markdown for the notebook, the same
content as plain text for ``repr``); numbers are written by ``fmt``, so the
text is identical in every run. The words come from :mod:`._messages`.
"""

import numpy as np

from matgrad.course.exercises._compare import fmt, fmt_array, fmt_shape
from matgrad.course.exercises._feedback import Card
from matgrad.course.exercises._messages import mistake_name, say


def _which(seed):
    return say("card.notebook") if seed is None else say("card.fresh", seed=seed)


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
            rows.append((name, say("card.number"), fmt(value)))
    return rows


def exercise_card(exercise, seed=None):
    """The prompt, the given values (a table) and what kind of answer is expected."""
    instance = exercise.instance(seed)
    label = say(f"card.{exercise.given_label}")
    rows = _rows(instance.inputs)
    call = _call_text(exercise.id, seed)
    note = say("card.where", call=call, first=rows[0][0])
    answer = exercise.expects(instance) + "."
    head, your = say("feedback.exercise", id=exercise.id), say("card.answer")
    table = "\n".join(f"| `{n}` | {s} | `{v}` |" for n, s, v in rows)
    columns = f"| {say('card.name')} | {say('card.shape')} | {say('card.value')} |\n|---|---|---|"
    markdown = (
        f"**{head}: {exercise.title}** ({_which(seed)})\n\n{exercise.prompt}\n\n"
        f"**{label}:**\n\n{columns}\n{table}\n\n{note}\n\n**{your}:** {answer}"
    )
    width = max(len(n) for n, _, _ in rows)
    lines = "\n".join(f"  {n.ljust(width)}  {s}  {v}" for n, s, v in rows)
    plain = f"{head}: {exercise.title} ({_which(seed)})\n{exercise.prompt}\n{label}:\n{lines}\n{note}\n{your}: {answer}"
    return Card(markdown, plain)


def hint_card(exercise, level):
    """Hint number ``level`` (1 is the gentlest); past the last one, the last one again."""
    hints = exercise.hints
    index = min(level, len(hints)) - 1
    head = say("card.hint", id=exercise.id, k=index + 1, n=len(hints))
    text = hints[index]
    if level >= len(hints):
        text += " " + say("card.last_hint", id=exercise.id)
    return Card(f"**{head}:** {text}", f"{head}: {text}")


def _known(exercise):
    return ", ".join(f"{mistake_name(name)} (`{name}`)" for name in exercise.mistakes)


def solution_card(exercise, seed=None):
    """The solution of one instance, its formula and the mistakes the checker knows."""
    value = exercise.shown(exercise.solution(seed))
    head = say("card.solution", id=exercise.id, which=_which(seed))
    recognised = say("card.recognised")
    markdown = f"**{head}:** {exercise.formula}\n\n```python\n{value}\n```\n\n{recognised}: {_known(exercise)}."
    plain = f"{head}: {exercise.formula}\n{value}\n{recognised}: {_known(exercise)}."
    return Card(markdown, plain)


def instructor_markdown(exercises):
    """Every exercise with its notebook instance, solution and recognised mistakes (with their messages)."""
    parts = [f"# {say('instructor.title')}", ""]
    for exercise in exercises:
        instance = exercise.instance(None)
        rows = "\n".join(f"- `{n}` {s}: `{v}`" for n, s, v in _rows(instance.inputs))
        heading = say("instructor.heading", id=exercise.id, title=exercise.title, notebook=exercise.notebook,
                      kind=exercise.kind)  # fmt: skip
        given = say(f"instructor.{exercise.given_label}")
        parts += [f"## {heading}", "", exercise.prompt, "", given, "", rows, "",
                  say("instructor.solution", formula=exercise.formula), "",
                  f"```python\n{exercise.shown(exercise.solution())}\n```", "", say("instructor.mistakes"), ""]  # fmt: skip
        for name in exercise.mistakes:
            feedback = exercise.check(exercise.mistaken_answer(name))
            parts += [f"- `{name}` ({mistake_name(name)}): {feedback.message}", ""]
    return "\n".join(parts).rstrip() + "\n"
