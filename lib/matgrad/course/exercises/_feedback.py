"""What the checker and the helpers hand back: objects that show themselves.

Both kinds display as Markdown in a notebook and have a plain-text repr
that is the same in every run (no object addresses, numbers written by
:func:`matgrad.course.exercises._compare.fmt`), because nbval compares the
stored outputs of notebook cells. Only plain glyphs: a notebook font has them all.

>>> Feedback("01.1", correct=True, mistake=None, message="dy/dx = W.")
Exercise 01.1: correct. dy/dx = W.
>>> print(Feedback("01.1", False, "transposed", "One row per output.", name="a transposed matrix").text)
Exercise 01.1: not yet: a transposed matrix.
One row per output.
"""

from dataclasses import dataclass

from matgrad.course.exercises._messages import say


@dataclass(frozen=True)
class Feedback:
    """The verdict of :func:`check`.

    ``correct`` (bool); ``mistake``: the id of the recognised mistake (``"sign"``,
    ``"mean_instead_of_sum+transposed"`` for two), or ``None``; ``message``: one short
    paragraph for the student, which never quotes a correct value; ``name``: the mistake
    in a student's words. ``answered`` is ``False`` only for the stub answer ``...``.
    """

    exercise_id: str
    correct: bool
    mistake: object
    message: str
    answered: bool = True
    name: str = None

    @property
    def headline(self):
        if not self.answered:
            return say("feedback.not_answered")
        if self.correct:
            return say("feedback.correct")
        if self.name:
            return say("feedback.named", name=self.name)
        return say("feedback.not_yet")

    @property
    def text(self):
        """The plain-text form (what ``repr`` shows)."""
        head = f"{say('feedback.exercise', id=self.exercise_id)}: {self.headline}"
        sep = " " if self.correct or not self.answered else "\n"
        return f"{head}{sep}{self.message}"

    def __repr__(self):
        return self.text

    def __str__(self):
        return self.text

    def _repr_markdown_(self):
        head = f"**{say('feedback.exercise', id=self.exercise_id)}: {self.headline}**"
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
