"""The README tells the truth: its commands are the ones CI runs, its course
map lists exactly the notebooks in notebooks/, its Binder badge opens the first
one, and it tells an instructor the command that refreshes stored outputs.

The README's two commands are defined here once; tests/test_workflow.py
imports them to check the GitHub workflow.
"""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()
# "Run locally": set up (install everything) and open the course, then test
SET_UP = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"
# jupyter/labconfig/page_config.d/ switches off JupyterLab's news prompt for the course
OPEN_COURSE = "JUPYTER_CONFIG_PATH=jupyter .venv/bin/jupyter lab notebooks"
INSTALL = f"{SET_UP} && {OPEN_COURSE}"
TEST = ".venv/bin/python -m pytest"
REFRESH = ".venv/bin/python tools/refresh_notebooks.py"
FIRST_NOTEBOOK = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))[0]


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
    assert [n[:2] for n in linked] == [f"{k:02d}" for k in range(8)]
    on_disk = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert sorted(linked) == on_disk, f"README links {sorted(linked)}, notebooks/ holds {on_disk}"


def test_binder_badge_opens_jupyterlab_on_the_first_notebook():
    badges = re.findall(r"\(https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/(\w+)\?urlpath=([^)\s]+)\)", README)
    assert len(badges) == 1, f"expected one Binder badge, found {badges}"
    assert badges[0][2] == f"lab/tree/notebooks/{FIRST_NOTEBOOK}", \
        f"the Binder badge must open JupyterLab on notebooks/{FIRST_NOTEBOOK}, opens {badges[0][2]}"


def test_instructors_are_told_how_to_refresh_stored_outputs():
    text = " ".join(_section("For instructors: fork, edit, refresh").split())
    assert f"`{REFRESH} notebooks/NN-name.ipynb`" in text, text
    assert "without arguments" in text and "every notebook" in text, text
    # the tool exists and documents the same two uses (one notebook; no argument: all)
    usage = [ln.strip() for ln in (REPO / "tools" / "refresh_notebooks.py").read_text().splitlines()
             if ln.strip().startswith(REFRESH)]
    assert any(re.fullmatch(rf"{re.escape(REFRESH)}\s+# every notebook", ln) for ln in usage), usage
    assert any(ln.startswith(f"{REFRESH} notebooks/") for ln in usage), usage
    assert "fork" in text.lower() and TEST in text, text


def test_the_course_opens_without_the_news_prompt():
    # the open command adds jupyter/ to JupyterLab's config path, where one file disables the
    # plugin that asks "Would you like to receive official Jupyter news?" (as binder/postBuild does)
    import json

    config = json.loads((REPO / "jupyter" / "labconfig" / "page_config.d" / "matgrad.json").read_text())
    assert config == {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
    assert OPEN_COURSE.startswith("JUPYTER_CONFIG_PATH=jupyter ")
