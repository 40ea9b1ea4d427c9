"""Rules that make a notebook read as a lesson, not a verification report.

Like the rules in hygiene_rules.py, each takes an ``nbformat.NotebookNode``
and returns a list of problems (empty when the notebook is fine):

* sources are named by their titles: no "seed" in what a student reads
  (markdown, printed output, widget labels, comments in visible code);
* a visible code cell is short (at most :data:`MAX_VISIBLE_LINES` lines);
* checks are folded and out of the way: no ``assert`` in a visible cell;
  every folded cell's first line is a comment that says what it checks; no
  markdown paragraph only announces a fold ("... (folded)"); at most one
  folded check per section (a widget's static view does not count);
* a widget's static twin is folded in JupyterLab (source and output hidden;
  GitHub and nbviewer still show it);
* the notebook has a Summary, and ends with an Exercises section of at least
  :data:`MIN_EXERCISES` exercises, each under a heading ``### NN.k — title``,
  with a stub cell ``answer = ...`` followed by a check cell
  ``check("NN.k", ...)`` with a stored output.
"""

from __future__ import annotations

import re

MAX_VISIBLE_LINES = 15
MIN_EXERCISES = 3
DEFAULT_TAG = "widget-default"

# "seed" as a name for a source file; `seed=3` (the exercises' argument) is code, not a name
_SEED_WORD = re.compile(r"\bseed(?:s|'s)?\b(?!\s*=)", re.IGNORECASE)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_FENCED_CODE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_ASSERT = re.compile(r"^\s*assert\b", re.MULTILINE)
_H2 = re.compile(r"^##\s+(?:\d+\.\s*)?(.+?)\s*$", re.MULTILINE)
_EXERCISE_HEADING = re.compile(r"^###\s+(\d\d\.\d+) — \S", re.MULTILINE)
_ANNOUNCES_A_FOLD = re.compile(r"\(folded\)", re.IGNORECASE)
_FIRST_COMMENT = re.compile(r"^#\s*\S+(?:\s+\S+){2,}")  # a comment of three words or more
_CHECK_CALL = re.compile(r"""\bcheck\(\s*["'](\d\d)\.(\d+)["']""")
_STUB = re.compile(r"^\s*\w+\s*=\s*\.\.\.\s*(?:#.*)?$", re.MULTILINE)
_TEXT_MIMES = ("text/plain", "text/markdown", "text/html", "text/latex")
_WIDGET_TEXT_KEYS = ("description", "value", "tooltip", "placeholder")


def _jupyter(cell):
    return cell.get("metadata", {}).get("jupyter", {})


def is_folded(cell) -> bool:
    """The cell's source is hidden in JupyterLab (``metadata.jupyter.source_hidden``)."""
    return bool(_jupyter(cell).get("source_hidden"))


def _label(i, cell):
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    return f"cell {i} ({first[:40]!r})"


def _join(text):
    return "".join(text) if isinstance(text, list) else (text or "")


def _output_texts(cell):
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            yield _join(out.get("text"))
        for mime in _TEXT_MIMES:
            if mime in out.get("data", {}):
                yield _join(out["data"][mime])


def _comments(source):
    return "\n".join(line.split("#", 1)[1] for line in source.splitlines() if "#" in line)


def _seed_hits(text):
    return _SEED_WORD.findall(text)


# --------------------------------------------------------------------- rules
def no_seed_in_student_text(nb):
    """Sources are named by their titles; "seed" appears in nothing a student reads."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            prose = _INLINE_CODE.sub("", _FENCED_CODE.sub("", cell.source))
            if _seed_hits(prose):
                problems.append(f"{_label(i, cell)}: markdown says 'seed' (name the source by its title)")
            continue
        if cell.cell_type != "code":
            continue
        if not is_folded(cell) and _seed_hits(_comments(cell.source)):
            problems.append(f"{_label(i, cell)}: a comment in a visible code cell says 'seed'")
        if any(_seed_hits(text) for text in _output_texts(cell)):
            problems.append(f"{_label(i, cell)}: its output says 'seed'")
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model_id, model in state.get("state", {}).items():
        for key in _WIDGET_TEXT_KEYS:
            value = model.get("state", {}).get(key)
            if isinstance(value, str) and _seed_hits(re.sub(r"<[^>]+>", " ", value)):
                problems.append(f"widget {model_id[:8]} ({model.get('model_name')}): its {key} says 'seed'")
    return problems


def short_visible_code(nb):
    """A code cell a student sees (not folded) has at most MAX_VISIBLE_LINES lines."""
    return [
        f"{_label(i, cell)} shows {n} lines (at most {MAX_VISIBLE_LINES}; fold checks, move helpers to the library)"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and not is_folded(cell)
        and (n := len(cell.source.strip().splitlines())) > MAX_VISIBLE_LINES
    ]


def checks_folded(nb):
    """No assert in view; a folded cell's first line says what it checks; no paragraph announces a fold."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and _ANNOUNCES_A_FOLD.search(cell.source):
            problems.append(f"{_label(i, cell)} announces a folded cell (its first comment line says it)")
        if cell.cell_type != "code":
            continue
        if not is_folded(cell):
            if _ASSERT.search(cell.source):
                problems.append(f"{_label(i, cell)} asserts in view (fold the check: metadata.jupyter.source_hidden)")
        elif not _FIRST_COMMENT.match(cell.source.lstrip()):
            problems.append(f"{_label(i, cell)} is folded but its first line is no comment saying what it checks")
    return problems


def one_check_per_section(nb):
    """At most one folded check per ``##`` section (a widget's static view is not a check)."""
    problems, section, folded = [], "the introduction", 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and _H2.search(cell.source):
            section, folded = _H2.search(cell.source).group(1), 0
        elif cell.cell_type == "code" and is_folded(cell) and DEFAULT_TAG not in cell.get("metadata", {}).get("tags", []):
            folded += 1
            if folded == 2:
                problems.append(f"section {section!r} has more than one folded check ({_label(i, cell)})")
    return problems


def twins_folded(nb):
    """A widget's static twin is folded in JupyterLab: source and output hidden."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and DEFAULT_TAG in cell.get("metadata", {}).get("tags", []):
            hidden = _jupyter(cell)
            if not (hidden.get("source_hidden") and hidden.get("outputs_hidden")):
                problems.append(f"static twin {_label(i, cell)} is not folded (source_hidden and outputs_hidden)")
    return problems


def exercise_ids(nb):
    """``["01.1", ...]``: the exercise ids checked in the notebook, in order, without repeats."""
    ids = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            for notebook, number in _CHECK_CALL.findall(cell.source):
                if f"{notebook}.{number}" not in ids:
                    ids.append(f"{notebook}.{number}")
    return ids


def summary_then_exercises(nb):
    """A Summary section, then Exercises as the last section, with MIN_EXERCISES or more."""
    headings = [(i, m.group(1).strip()) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                for m in _H2.finditer(c.source)]
    titles = [t.lower() for _, t in headings]
    problems = []
    if "summary" not in titles:
        problems.append("no '## Summary' section")
    if not titles or titles[-1] != "exercises":
        problems.append(f"the last section is {headings[-1][1] if headings else None!r}, expected '## Exercises'")
        return problems
    start = headings[-1][0]
    code = [(i, c) for i, c in enumerate(nb.cells) if i > start and c.cell_type == "code"]
    checks = [(k, i, c) for k, (i, c) in enumerate(code) if _CHECK_CALL.search(c.source)]
    ids = exercise_ids(nb)
    if len(ids) < MIN_EXERCISES:
        problems.append(f"the Exercises section checks {len(ids)} exercises, expected at least {MIN_EXERCISES}")
    if len({i.split(".")[0] for i in ids}) > 1:
        problems.append(f"exercise ids from several notebooks: {ids}")
    for k, i, cell in checks:
        if not any(o for o in cell.get("outputs", [])):
            problems.append(f"{_label(i, cell)} checks an exercise but has no stored output")
        if k == 0 or not _STUB.search(code[k - 1][1].source):
            problems.append(f"{_label(i, cell)} is not preceded by a stub cell 'answer = ...'")
    headed = [m.group(1) for c in nb.cells[start:] if c.cell_type == "markdown" for m in _EXERCISE_HEADING.finditer(c.source)]
    if headed != ids:
        problems.append(f"exercise headings '### NN.k — title' name {headed}, the checks {ids}")
    return problems


RULES = {
    "no-seed-in-student-text": no_seed_in_student_text,
    "short-visible-code": short_visible_code,
    "checks-folded": checks_folded,
    "one-check-per-section": one_check_per_section,
    "twins-folded": twins_folded,
    "summary-then-exercises": summary_then_exercises,
}
