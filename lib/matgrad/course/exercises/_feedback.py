"""What the checker and the helpers hand back: objects that show themselves.

Both kinds display as Markdown in a notebook and have a plain-text repr
that is the same in every run (no object addresses, numbers written by
:func:`matgrad.course.exercises._compare.fmt`), because nbval compares the
stored outputs of notebook cells.

>>> Feedback("01.1", correct=True, mistake=None, message="dy/dx = W.")
Exercise 01.1: correct. dy/dx = W.
>>> print(Feedback("01.1", False, "transposed", "One row per output.").text)
Exercise 01.1: not yet (recognised mistake: transposed).
One row per output.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Feedback:
    """The verdict of :func:`check`.

    ``correct`` (bool); ``mistake``: the name of the recognised mistake, or
    ``None``; ``message``: one short paragraph for the student.
    ``answered`` is ``False`` only for the stub answer ``...``.
    """

    exercise_id: str
    correct: bool
    mistake: object
    message: str
    answered: bool = True

    @property
    def headline(self):
        if not self.answered:
            return "not answered yet"
        if self.correct:
            return "correct."
        if self.mistake:
            return f"not yet (recognised mistake: {self.mistake})."
        return "not yet."

    @property
    def text(self):
        """The plain-text form (what ``repr`` shows)."""
        sep = " " if self.correct or not self.answered else "\n"
        head = f"Exercise {self.exercise_id}: {self.headline}"
        if not self.answered:
            return f"{head}. {self.message}"
        return f"{head}{sep}{self.message}"

    def __repr__(self):
        return self.text

    def __str__(self):
        return self.text

    def _repr_markdown_(self):
        mark = "✅" if self.correct else ("✏️" if not self.answered else "❌")
        head = f"{mark} **Exercise {self.exercise_id}: {self.headline}**"
        return f"{head}\n\n{self.message}"


@dataclass(frozen=True)
class Card:
    """A piece of course text (a prompt, a hint, a solution): Markdown and plain text."""

    markdown: str
    plain: str

    def __repr__(self):
        return self.plain

    def __str__(self):
        return self.plain

    def _repr_markdown_(self):
        return self.markdown
