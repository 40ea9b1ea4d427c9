"""The lesson rules (tests/lesson_rules.py) pass a good notebook and catch each
kind of report-like notebook: proof that none of them can never fail."""

import pytest
from nbformat.v4 import new_output

from tests.hygiene_rules import RULES, new_notebook_for_rules as make
from tests.lesson_rules import exercise_ids
from tests.test_notebook_hygiene import EXERCISES, GOOD, _only_problem, _with


def test_good_notebook_lists_its_exercises():
    assert exercise_ids(make(*GOOD)) == ["01.1", "01.2", "01.3"]


@pytest.mark.parametrize("text", [
    "# Title\n\nAs seed 001 shows, y = Wx.",
    "# Title\n\nThe seeds disagree here.",
    "# Title\n\nThe Seed's proof is wrong.",
])
def test_seed_in_markdown_is_caught(text):
    _only_problem(make(*_with(GOOD, 0, [text])), "no-seed-in-student-text", "markdown says 'seed'")


def test_seed_as_code_is_not_a_source_name():
    text = "# Title\n\nFor fresh numbers pass `seed=3`, e.g. `check('01.1', answer, seed=3)`."
    assert RULES["no-seed-in-student-text"](make(*_with(GOOD, 0, [text]))) == []
    nb = make(*GOOD)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="a fresh instance (seed=3)\n")]
    assert RULES["no-seed-in-student-text"](nb) == []


def test_seed_in_output_and_visible_comment_is_caught():
    nb = make(*GOOD)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="seed 004 wrote 6.975\n")]
    _only_problem(nb, "no-seed-in-student-text", "its output says 'seed'")
    nb = make(*_with(GOOD, 1, ["x = 1  # the value from seed 001"]))
    _only_problem(nb, "no-seed-in-student-text", "a comment in a visible code cell")


def test_seed_in_a_widget_label_is_caught():
    nb = make(*GOOD)
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {
        "abcdef0123": {"model_name": "HTMLModel", "state": {"value": "<b>Seed 000 in row convention</b>"}},
    }, "version_major": 2, "version_minor": 0}}
    _only_problem(nb, "no-seed-in-student-text", "its value says 'seed'")


def test_long_visible_cell_is_caught_and_a_folded_one_is_not():
    long_cell = "\n".join(f"x{i} = {i}" for i in range(16))
    nb = make(*_with(GOOD, 1, [long_cell]))
    _only_problem(nb, "short-visible-code", "shows 16 lines")
    cells = [GOOD[0], ["## Checks\n\nThe sixteen values are defined."], [long_cell, "folded"], *GOOD[2:]]
    assert RULES["short-visible-code"](make(*cells)) == []


def test_assert_in_view_is_caught():
    nb = make(*_with(GOOD, 1, ["x = 1\nassert x == 1"]))
    _only_problem(nb, "checks-folded", "asserts in view")


def test_a_folded_cell_says_what_it_checks_in_its_first_comment_line():
    cells = [GOOD[0], ["x = 1"], ["assert x == 1", "folded"], *GOOD[2:]]
    _only_problem(make(*cells), "checks-folded", "no comment saying what it checks")
    cells = [GOOD[0], ["x = 1"], ["# check: x is one\nassert x == 1", "folded"], *GOOD[2:]]
    assert RULES["checks-folded"](make(*cells)) == []


def test_a_paragraph_announcing_a_fold_is_caught():
    cells = [GOOD[0], ["x = 1"], ["#### *Check (folded):* x is one."], ["# check: x is one\nassert x == 1", "folded"],
             *GOOD[2:]]
    _only_problem(make(*cells), "checks-folded", "announces a folded cell")


def test_two_folded_checks_in_one_section_are_caught():
    check = ["# check: x is one\nassert x == 1", "folded"]
    cells = [GOOD[0], ["x = 1"], check, check, *GOOD[2:]]
    _only_problem(make(*cells), "one-check-per-section", "more than one folded check")
    cells = [GOOD[0], ["x = 1"], check, ["## Another section"], check, *GOOD[2:]]
    assert RULES["one-check-per-section"](make(*cells)) == []


def test_an_exercise_without_its_heading_is_caught():
    cells = [c if not c[0].startswith("### 01.2") else ["**01.2** — The values"] for c in GOOD]
    _only_problem(make(*cells), "summary-then-exercises", "exercise headings")


def test_unfolded_static_twin_is_caught():
    nb = make(*_with(GOOD, 3, ["print(loss(1.0))", "widget-default"]))
    _only_problem(nb, "twins-folded", "is not folded")


def test_missing_summary_or_exercises_is_caught():
    no_summary = [c for c in GOOD if not c[0].startswith("## Summary")]
    _only_problem(make(*no_summary), "summary-then-exercises", "no '## Summary'")
    no_exercises = GOOD[: GOOD.index(EXERCISES[0])]
    _only_problem(make(*no_exercises), "summary-then-exercises", "expected '## Exercises'")


def test_too_few_or_unchecked_exercises_are_caught():
    two = GOOD[:-2]
    _only_problem(make(*two), "summary-then-exercises", "checks 2 exercises, expected at least 3")
    nb = make(*GOOD)
    nb.cells[-1].outputs = []
    _only_problem(nb, "summary-then-exercises", "has no stored output")
    without_stub = _with(GOOD, len(GOOD) - 2, ["answer = 3"])
    _only_problem(make(*without_stub), "summary-then-exercises", "not preceded by a stub cell")
    mixed = _with(GOOD, len(GOOD) - 1, ['check("02.1", answer)'])
    _only_problem(make(*mixed), "summary-then-exercises", "several notebooks")
