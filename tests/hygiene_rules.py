"""Hygiene rules for the course notebooks.

Each rule takes an ``nbformat.NotebookNode`` and returns a list of problems
(human-readable strings, empty when the notebook is fine). The rules are
plain functions so that ``tests/test_notebook_hygiene.py`` can run them over
every notebook *and* feed them deliberately broken notebooks, which proves
that a rule can fail at all.

Widget convention (the notebook authors follow it):

* a code cell that shows a widget carries the tags ``widget`` and
  ``nbval-ignore-output`` (its stored output is a widget model that nbval
  cannot compare);
* the nearest code cell just before or just after it (markdown cells in
  between are allowed) carries the tag ``widget-default``, prints the
  numbers the widget shows in its default state, has non-empty stored
  output, and is compared by nbval (no ``nbval-ignore-output``/``nbval-skip``).

>>> nb = new_notebook_for_rules(["# Title"], ["print(1)"], ["## Summary"])
>>> [name for name, rule in RULES.items() if rule(nb)]  # a lesson also ends with exercises
['summary-then-exercises']
"""

from __future__ import annotations

import re

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tests.lesson_rules import RULES as LESSON_RULES

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_TAG = "widget"
DEFAULT_TAG = "widget-default"
IGNORE_OUTPUT_TAG = "nbval-ignore-output"
NBVAL_OFF_TAGS = {"nbval-ignore-output", "nbval-skip", "raises-exception"}

_INTERACT_CALL = re.compile(r"\binteract(?:_manual)?\s*\(|\binteractive\s*\(")
_STAR_IMPORT = re.compile(r"^\s*from\s+[\w.]+\s+import\s+\*", re.MULTILINE)
_SYS_PATH = re.compile(r"\bsys\s*\.\s*path\b")
# `from matgrad.widgets import explorer, slider_for` / `from matgrad import widgets as w`
_FROM_MATGRAD_WIDGETS = re.compile(
    r"^\s*from\s+matgrad\.widgets\s+import\s+\(?([\w\s,]+?)\)?\s*$", re.MULTILINE
)
_MATGRAD_WIDGETS_MODULE = re.compile(
    r"^\s*from\s+matgrad\s+import\s+.*\bwidgets\b(?:\s+as\s+(\w+))?|"
    r"^\s*import\s+matgrad\.widgets(?:\s+as\s+(\w+))?",
    re.MULTILINE,
)


def _code_cells(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def _tags(cell):
    return set(cell.get("metadata", {}).get("tags", []))


def _label(i, cell):
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    return f"cell {i} ({first[:40]!r})"


def _output_text(output):
    if output.get("output_type") == "stream":
        text = output.get("text", "")
    else:
        text = output.get("data", {}).get("text/plain", "")
    return "".join(text) if isinstance(text, list) else text


# --------------------------------------------------------------------- rules
def execution_order(nb):
    """Code cells were run once, top to bottom, in a fresh kernel: counts 1..N."""
    problems = []
    expected = 1
    for i, cell in _code_cells(nb):
        if not cell.source.strip():
            problems.append(f"{_label(i, cell)} is an empty code cell (delete it)")
            continue
        count = cell.get("execution_count")
        if count is None:
            problems.append(f"{_label(i, cell)} was never executed (execution_count is None)")
        elif count != expected:
            problems.append(
                f"{_label(i, cell)} has execution_count {count}, expected {expected} "
                "(re-run with Restart Kernel and Run All Cells)"
            )
        expected += 1
    return problems


def no_errors(nb):
    """No error outputs and no tracebacks printed to stderr."""
    problems = []
    for i, cell in _code_cells(nb):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"{_label(i, cell)} has an error output: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr" and "Traceback" in _output_text(out):
                problems.append(f"{_label(i, cell)} printed a traceback to stderr")
    return problems


def kernelspec_python3(nb):
    """The notebook asks for the standard `python3` kernel."""
    name = nb.metadata.get("kernelspec", {}).get("name")
    return [] if name == "python3" else [f"kernelspec name is {name!r}, expected 'python3'"]


def title_first(nb):
    """The first cell is a markdown cell whose text starts with '# ' (the title)."""
    if not nb.cells:
        return ["notebook has no cells"]
    first = nb.cells[0]
    if first.cell_type != "markdown":
        return [f"first cell is a {first.cell_type} cell, expected a markdown title"]
    if not first.source.lstrip().startswith("# "):
        return ["first cell does not start with a '# ' title"]
    return []


def clean_imports(nb):
    """No sys.path manipulation and no star imports in code cells."""
    problems = []
    for i, cell in _code_cells(nb):
        if _SYS_PATH.search(cell.source):
            problems.append(f"{_label(i, cell)} touches sys.path (install the library instead)")
        if _STAR_IMPORT.search(cell.source):
            problems.append(f"{_label(i, cell)} uses a star import")
    return problems


def _plain_widget_module_names():
    """Names in `matgrad.widgets` that return or print plain values (static
    twins such as `readout`, builders such as `step`): calling them shows no widget."""
    import matgrad.widgets

    return set(matgrad.widgets.__all__) - set(matgrad.widgets.WIDGET_CLASSES)


def _matgrad_widget_names(nb):
    """Names that, when called, display a matgrad widget (from the notebook's imports).

    Every name imported from `matgrad.widgets` counts, except the plain
    functions the library itself declares as such; an unknown name counts
    (better a false alarm than a widget without a static twin)."""
    functions, modules = set(), set()
    for _, cell in _code_cells(nb):
        for m in _FROM_MATGRAD_WIDGETS.finditer(cell.source):
            functions.update(n for n in re.split(r"[\s,]+", m.group(1)) if n and n != "as")
        for m in _MATGRAD_WIDGETS_MODULE.finditer(cell.source):
            modules.add(m.group(1) or m.group(2) or "widgets")
    functions -= _plain_widget_module_names()
    if any("matgrad.widgets" in c.source for _, c in _code_cells(nb)):
        modules.add("matgrad.widgets")
    return functions, modules


def is_widget_cell(nb, cell):
    """True when a code cell displays a widget, whatever its tags say."""
    if cell.cell_type != "code":
        return False
    if any(WIDGET_MIME in out.get("data", {}) for out in cell.get("outputs", [])):
        return True
    # Strip import lines so `from matgrad.widgets import explorer` is not a call.
    body = "\n".join(
        line for line in cell.source.splitlines() if not re.match(r"\s*(from|import)\s", line)
    )
    if _INTERACT_CALL.search(body):
        return True
    functions, modules = _matgrad_widget_names(nb)
    if any(re.search(rf"(?<![\w.]){re.escape(f)}\s*\(", body) for f in functions):
        return True
    plain = _plain_widget_module_names()
    return any(
        attribute not in plain
        for m in modules
        for attribute in re.findall(rf"(?<![\w.]){re.escape(m)}\.(\w+)\s*\(", body)
    )


def widgets_have_static_twins(nb):
    """Widget cells are tagged, their output is ignored by nbval, and a
    neighbouring `widget-default` cell prints the default-state numbers."""
    problems = []
    code = _code_cells(nb)
    for k, (i, cell) in enumerate(code):
        tags = _tags(cell)
        detected = is_widget_cell(nb, cell)
        if detected and WIDGET_TAG not in tags:
            problems.append(f"{_label(i, cell)} displays a widget but is not tagged {WIDGET_TAG!r}")
        if WIDGET_TAG not in tags and not detected:
            if DEFAULT_TAG in tags:
                neighbours = [code[j][1] for j in (k - 1, k + 1) if 0 <= j < len(code)]
                if not any(WIDGET_TAG in _tags(c) or is_widget_cell(nb, c) for c in neighbours):
                    problems.append(f"{_label(i, cell)} is tagged {DEFAULT_TAG!r} but no widget cell is next to it")
            continue
        if IGNORE_OUTPUT_TAG not in tags:
            problems.append(f"{_label(i, cell)} is a widget cell without the tag {IGNORE_OUTPUT_TAG!r}")
        if DEFAULT_TAG in tags:
            problems.append(f"{_label(i, cell)} is tagged both {WIDGET_TAG!r} and {DEFAULT_TAG!r}")
        twins = [
            (j, c)
            for j, c in (code[m] for m in (k - 1, k + 1) if 0 <= m < len(code))
            if DEFAULT_TAG in _tags(c) and WIDGET_TAG not in _tags(c)
        ]
        if not twins:
            problems.append(
                f"{_label(i, cell)} is a widget cell with no static twin: the code cell just "
                f"before or after it must be tagged {DEFAULT_TAG!r} and print the default numbers"
            )
        for j, twin in twins:
            off = _tags(twin) & NBVAL_OFF_TAGS
            if off:
                problems.append(f"static twin {_label(j, twin)} is tagged {sorted(off)}; nbval must compare it")
            if not any(_output_text(o).strip() for o in twin.get("outputs", [])):
                problems.append(f"static twin {_label(j, twin)} has no text output")
            if is_widget_cell(nb, twin):
                problems.append(f"static twin {_label(j, twin)} shows a widget itself")
    return problems


def no_bare_figure_repr(nb):
    """No '<Figure size ...>' text stored without the picture it stands for."""
    problems = []
    for i, cell in _code_cells(nb):
        for out in cell.get("outputs", []):
            text = _output_text(out)
            if "<Figure size" not in text:
                continue
            if out.get("output_type") == "stream" or "image/png" not in out.get("data", {}):
                problems.append(
                    f"{_label(i, cell)} stores '<Figure size ...>' text without a PNG "
                    "(end the cell with plt.show() or ';')"
                )
    return problems


RULES = {
    "executed-in-order": execution_order,
    "no-errors": no_errors,
    "kernelspec-python3": kernelspec_python3,
    "title-first": title_first,
    "clean-imports": clean_imports,
    "widget-twins": widgets_have_static_twins,
    "no-bare-figure-repr": no_bare_figure_repr,
    **LESSON_RULES,  # a lesson, not a report: tests/lesson_rules.py
}


# ------------------------------------------------------------ test helpers
def new_notebook_for_rules(*cells):
    """Build an executed-looking notebook from ``[source, tags...]`` lists.

    A source starting with '#' becomes markdown, unless the cell is folded;
    anything else becomes a code cell with the next execution count and a
    one-line stdout output. The pseudo-tag ``folded`` makes a code cell whose
    source and output are hidden in JupyterLab (``metadata.jupyter``)
    instead of becoming a tag.
    """
    nb = new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    count = 0
    for source, *tags in cells:
        if source.startswith("#") and "folded" not in tags:
            cell = new_markdown_cell(source)
        else:
            count += 1
            cell = new_code_cell(source, execution_count=count)
            cell.outputs = [new_output("stream", name="stdout", text="1\n")]
        if "folded" in tags:
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
        tags = [t for t in tags if t != "folded"]
        if tags:
            cell.metadata["tags"] = list(tags)
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb
