"""The README tells the truth: its commands are the ones CI runs, and its
course map lists exactly the notebooks in notebooks/."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()
INSTALL = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/jupyter lab notebooks"
TEST = ".venv/bin/python -m pytest"


def _section(title):
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert m, f"README has no '## {title}' section"
    return m.group(1)


def test_run_locally_has_exactly_the_two_commands():
    blocks = re.findall(r"```\w*\n(.*?)```", _section("Run locally"), re.DOTALL)
    assert [b.strip() for b in blocks] == [INSTALL, TEST]


def test_ci_runs_the_readme_test_command_and_installs_the_same_requirements():
    ci = (REPO / ".ci" / "run").read_text()
    assert re.search(rf"^{re.escape(TEST)} 2>&1", ci, re.MULTILINE), "CI must run the README's test command"
    assert "-r requirements.txt" in ci


def test_course_map_matches_the_notebooks():
    linked = re.findall(r"\]\(notebooks/([\w.-]+\.ipynb)\)", _section("Course map"))
    assert [n[:2] for n in linked] == ["01", "02", "03", "04", "05", "06"]
    on_disk = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert sorted(linked) == on_disk, f"README links {sorted(linked)}, notebooks/ holds {on_disk}"


def test_binder_badge_opens_jupyterlab_on_the_notebooks():
    m = re.search(r"\(https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/(\w+)\?urlpath=([^)\s]+)\)", README)
    assert m and m.group(3) == "lab/tree/notebooks", "Binder badge must point at lab/tree/notebooks"
