"""Which exercises a student has solved, kept in one small local file.

``check`` records an exercise the first time it is answered correctly (at
any instance). The file is ``~/.matgrad/progress.json`` (a list of ids), or
the path in the environment variable ``MATGRAD_PROGRESS``; delete it, or call
``reset_progress()``, to start again. If the file cannot be written (a
read-only home folder), nothing is recorded and checking goes on.

>>> import os, tempfile
>>> os.environ["MATGRAD_PROGRESS"] = os.path.join(tempfile.mkdtemp(), "progress.json")
>>> record("01.2"); sorted(solved())
['01.2']
>>> reset_progress(); solved()
set()
"""

import json
import os
from pathlib import Path

DEFAULT = Path("~/.matgrad/progress.json")


def _path():
    return Path(os.environ.get("MATGRAD_PROGRESS") or DEFAULT).expanduser()


def solved():
    """The ids of the exercises solved so far (a set; empty if nothing was recorded)."""
    try:
        return set(json.loads(_path().read_text()))
    except (OSError, ValueError, TypeError):
        return set()


def record(exercise_id):
    """Add ``exercise_id`` to the solved exercises (silently skipped if the file cannot be written)."""
    done = solved()
    if exercise_id in done:
        return
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted(done | {exercise_id})))
    except OSError:
        pass


def reset_progress():
    """Forget every solved exercise (deletes the progress file)."""
    try:
        _path().unlink()
    except FileNotFoundError:
        pass


class Progress:
    """The progress view: one line per notebook, ``[x]`` for a solved exercise, ``[ ]`` for one to do."""

    def __init__(self, ids):
        self.ids, self.done = tuple(ids), solved()

    def __repr__(self):
        lines = [f"Exercises solved: {len(self.done & set(self.ids))} of {len(self.ids)}"]
        for notebook in sorted({i[:2] for i in self.ids}):
            marks = "  ".join(f"[{'x' if i in self.done else ' '}] {i}" for i in self.ids if i[:2] == notebook)
            lines.append(f"notebook {notebook}:  {marks}")
        lines.append("(kept in ~/.matgrad/progress.json on this computer; reset_progress() starts again)")
        return "\n".join(lines)
