"""Every notebook in notebooks/ is clean: run top to bottom, no errors, a title,
a summary, no path hacks, and every widget has a static twin nbval can check.

The rules live in tests/hygiene_rules.py; the second half of this file feeds
them broken notebooks so that a rule which can never fail is caught too.
"""

import shutil
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_output

from tests.hygiene_rules import RULES, new_notebook_for_rules as make

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_hygiene(path, rule):
    if path.name.startswith("00") and rule == "summary-then-exercises":
        pytest.skip("the start page is not a lesson: it has no summary and no exercises")
    nb = nbformat.read(path, as_version=4)
    problems = RULES[rule](nb)
    assert not problems, f"{path.name} breaks {rule!r}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)), ids=[p.name for p in NOTEBOOKS])
def test_a_notebook_ends_with_links_to_the_previous_and_the_next(index):
    last = nbformat.read(NOTEBOOKS[index], as_version=4).cells[-1]
    assert last.cell_type == "markdown", f"{NOTEBOOKS[index].name} ends with a {last.cell_type} cell"
    linked = set(re.findall(r"\]\(([\w.-]+\.ipynb)\)", last.source))
    neighbours = {NOTEBOOKS[j].name for j in (index - 1, index + 1) if 0 <= j < len(NOTEBOOKS)}
    assert neighbours <= linked, f"{NOTEBOOKS[index].name}'s last cell links {sorted(linked)}, not {sorted(neighbours)}"


def test_notebooks_are_valid_nbformat():
    for path in NOTEBOOKS:
        nbformat.validate(nbformat.read(path, as_version=4))


def test_no_checkpoints_tracked_by_git():
    if shutil.which("git") is None or not (REPO / ".git").exists():
        tracked = [str(p.relative_to(REPO)) for p in REPO.rglob("*") if ".venv" not in p.parts]
    else:
        tracked = subprocess.run(
            ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    bad = [p for p in tracked if ".ipynb_checkpoints" in Path(p).parts]
    assert not bad, f".ipynb_checkpoints tracked by git: {bad}"


# ----------------------------------------------------------- self-test
EXERCISES = [
    ["## Exercises"],
    ["### 01.1 — The shape\n\nWhat is the shape of the Jacobian?"], ["answer = ...  # your answer"], ['check("01.1", answer)'],
    ["### 01.2 — The values"], ["answer = ..."], ['check("01.2", answer)'],
    ["### 01.3 — The function"], ["answer = ..."], ['check("01.3", answer)'],
]
GOOD = [
    ["# Title"],
    ["import numpy as np"],
    ["## Explore"],
    ["# static view: the loss at w = 1\nprint(loss(1.0))", "widget-default", "folded"],
    ["interact(loss, w=(0, 2))", "widget", "nbval-ignore-output"],
    ["## Summary\n\nWhat we learned."],
    *EXERCISES,
]


def test_rules_pass_a_good_notebook():
    nb = make(*GOOD)
    assert {name: RULES[name](nb) for name in RULES} == {name: [] for name in RULES}


def _with(cells, index, replacement):
    cells = [list(c) for c in cells]
    cells[index] = replacement
    return cells


def _only_problem(nb, rule, fragment):
    for name, check in RULES.items():
        problems = check(nb)
        if name == rule:
            assert problems, f"{rule} did not report a broken notebook"
            assert any(fragment in p for p in problems), problems
        else:
            assert not problems, f"{name} misfired: {problems}"


def test_rule_execution_order_out_of_order():
    nb = make(*GOOD)
    nb.cells[1].execution_count = 7
    _only_problem(nb, "executed-in-order", "has execution_count 7, expected 1")


def test_rule_execution_order_never_run():
    nb = make(*GOOD)
    nb.cells[3].execution_count = None
    _only_problem(nb, "executed-in-order", "never executed")


def test_rule_execution_order_empty_cell():
    nb = make(*GOOD)
    nb.cells.insert(2, new_code_cell(""))
    _only_problem(nb, "executed-in-order", "empty code cell")


def test_rule_no_errors_error_output():
    nb = make(*GOOD)
    nb.cells[1].outputs.append(new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[]))
    _only_problem(nb, "no-errors", "ZeroDivisionError")


def test_rule_no_errors_stderr_traceback():
    nb = make(*GOOD)
    nb.cells[1].outputs.append(new_output("stream", name="stderr", text="Traceback (most recent call last):\n"))
    _only_problem(nb, "no-errors", "traceback to stderr")


def test_rule_kernelspec():
    nb = make(*GOOD)
    nb.metadata.kernelspec.name = "myenv"
    _only_problem(nb, "kernelspec-python3", "'myenv'")


def test_rule_title_is_markdown():
    nb = make(["x = 1"], *GOOD[1:])
    _only_problem(nb, "title-first", "expected a markdown title")


def test_rule_title_starts_with_hash():
    nb = make(*_with(GOOD, 0, ["## Not a title"]))
    _only_problem(nb, "title-first", "'# ' title")


def test_rule_sys_path():
    nb = make(*_with(GOOD, 1, ["import sys\nsys.path.append('..')"]))
    _only_problem(nb, "clean-imports", "sys.path")


def test_rule_star_import():
    nb = make(*_with(GOOD, 1, ["from matgrad import *"]))
    _only_problem(nb, "clean-imports", "star import")


def test_rule_widget_untagged_interact():
    nb = make(*_with(GOOD, 4, ["interact(loss, w=(0, 2))"]))
    assert any("not tagged 'widget'" in p for p in RULES["widget-twins"](nb))


def test_rule_widget_untagged_by_output():
    nb = make(*_with(GOOD, 4, ["slider"]))
    nb.cells[4].outputs = [new_output("display_data", data={
        "text/plain": "FloatSlider(value=1.0)",
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
    })]
    assert any("not tagged 'widget'" in p for p in RULES["widget-twins"](nb))


def test_rule_widget_untagged_matgrad_widget():
    cells = _with(GOOD, 1, ["from matgrad.widgets import homework_explorer"])
    cells = _with(cells, 4, ["homework_explorer()"])
    nb = make(*cells)
    problems = RULES["widget-twins"](nb)
    assert any("cell 4" in p and "not tagged 'widget'" in p for p in problems), problems
    assert not any("cell 1" in p for p in problems), "the import line itself is not a widget"


def test_rule_widget_untagged_matgrad_widgets_module():
    cells = _with(GOOD, 1, ["from matgrad import widgets as mw"])
    cells = _with(cells, 4, ["mw.explorer(net)"])
    assert any("not tagged 'widget'" in p for p in RULES["widget-twins"](make(*cells)))


def _twin_and_widget(import_line, twin_call, widget_call, widget_tags=("widget", "nbval-ignore-output")):
    """GOOD with its import, static twin (cell 3, printed numbers) and widget cell (4) replaced."""
    cells = _with(GOOD, 1, [import_line])
    cells = _with(cells, 3, [twin_call, "widget-default", "folded"])
    cells = _with(cells, 4, [widget_call, *widget_tags])
    nb = make(*cells)
    nb.cells[3].outputs = [new_output("stream", name="stdout", text="loss 15.6286\n")]
    return nb


def test_rule_static_twins_from_matgrad_widgets_are_not_widgets():
    # `readout` and `show_derivation` print text; importing them from the
    # widgets facade must not make their cells look like widget cells.
    nb = _twin_and_widget("from matgrad.widgets import HomeworkExplorer, readout, show_derivation, step",
                          "readout()\nshow_derivation([step('x', 'y = 1')])", "HomeworkExplorer()")
    assert RULES["widget-twins"](nb) == []


def test_rule_widget_class_from_matgrad_widgets_needs_tags():
    nb = _twin_and_widget("from matgrad.widgets import HomeworkExplorer, readout", "readout()",
                          "HomeworkExplorer()", widget_tags=())
    problems = RULES["widget-twins"](nb)
    assert any("cell 4" in p and "not tagged 'widget'" in p for p in problems), problems


def test_rule_static_twin_via_widgets_module_alias_is_not_a_widget():
    args = ("from matgrad import widgets as mw", "mw.readout()", "mw.HomeworkExplorer()")
    assert RULES["widget-twins"](_twin_and_widget(*args)) == []
    problems = RULES["widget-twins"](_twin_and_widget(*args, widget_tags=()))
    assert any("not tagged 'widget'" in p for p in problems), problems


def test_rule_widget_output_not_ignored():
    nb = make(*_with(GOOD, 4, ["interact(loss, w=(0, 2))", "widget"]))
    _only_problem(nb, "widget-twins", "without the tag 'nbval-ignore-output'")


def test_rule_widget_without_twin():
    nb = make(*_with(GOOD, 3, ["# static view: the loss at w = 1\nprint(loss(1.0))", "folded"]))
    _only_problem(nb, "widget-twins", "no static twin")


def test_rule_widget_twin_ignored_by_nbval():
    nb = make(*_with(GOOD, 3, ["# static view: the loss at w = 1\nprint(loss(1.0))", "widget-default", "nbval-ignore-output", "folded"]))
    _only_problem(nb, "widget-twins", "nbval must compare it")


def test_rule_widget_twin_without_output():
    nb = make(*GOOD)
    nb.cells[3].outputs = []
    _only_problem(nb, "widget-twins", "has no text output")


def test_rule_widget_twin_after_widget_is_fine():
    cells = [GOOD[0], GOOD[1], GOOD[4], GOOD[3], GOOD[5], *EXERCISES]
    assert RULES["widget-twins"](make(*cells)) == []


def test_rule_widget_twin_must_be_adjacent():
    cells = [GOOD[0], GOOD[3], ["x = 2"], GOOD[4], GOOD[5], *EXERCISES]
    assert any("no static twin" in p for p in RULES["widget-twins"](make(*cells)))


def test_rule_stray_widget_default_tag():
    cells = [GOOD[0], ["# static view: the value one\nprint(1)", "widget-default", "folded"], GOOD[5], *EXERCISES]
    _only_problem(make(*cells), "widget-twins", "no widget cell is next to it")


def test_rule_bare_figure_repr():
    nb = make(*GOOD)
    nb.cells[1].outputs = [new_output("execute_result", execution_count=1, data={"text/plain": "<Figure size 640x480 with 1 Axes>"})]
    _only_problem(nb, "no-bare-figure-repr", "without a PNG")


def test_rule_figure_repr_with_png_is_fine():
    nb = make(*GOOD)
    nb.cells[1].outputs = [new_output("display_data", data={"text/plain": "<Figure size 640x480 with 1 Axes>", "image/png": "iVBORw0KGgo="})]
    assert RULES["no-bare-figure-repr"](nb) == []


