"""A fork gets CI: .github/workflows/ci.yml runs the README's commands.

The workflow must parse, run on push and pull_request, set the project up
with exactly the README's install command (without the part that opens
JupyterLab), get a browser the way GitHub's Ubuntu runners allow, and run
the README's test command with CI=true, the command .ci/run runs too. The
README's commands are taken from tests/test_readme.py, which checks them
against the README. PyYAML comes with JupyterLab (jupyter_server needs it).

Where GitHub's runners have no Debian /usr/bin/chromium, the browser test
drives Playwright's own Chromium or a system Chrome: ``pick_chromium``'s
choice is checked here without launching anything.
"""

import re
import shlex
from pathlib import Path

import pytest
import yaml

from tests.lab_harness import CHROMIUM, SYSTEM_CHROMES, pick_chromium
from tests.test_readme import INSTALL, OPEN_COURSE, SET_UP, TEST

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    # PyYAML reads the key `on:` as the boolean True (YAML 1.1); BaseLoader keeps every key a string
    return yaml.load(WORKFLOW.read_text(), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def steps(workflow) -> list[dict]:
    jobs = workflow["jobs"]
    assert len(jobs) == 1, f"one job expected, found {list(jobs)}"
    (job,) = jobs.values()
    assert job["runs-on"].startswith("ubuntu-"), job["runs-on"]
    return job["steps"]


def _runs(steps) -> list[str]:
    return [" ".join(step["run"].split()) for step in steps if "run" in step]


def test_the_workflow_runs_on_push_and_pull_request(workflow):
    triggers = workflow["on"]
    names = set(triggers) if isinstance(triggers, (dict, list)) else {triggers}
    assert {"push", "pull_request"} <= names, triggers
    for name in ("push", "pull_request"):  # no branch filter: a fork's branches are tested too
        assert not (isinstance(triggers, dict) and triggers[name]), f"{name} is filtered: {triggers[name]}"


def test_the_workflow_checks_out_the_repository_first(steps):
    assert steps[0].get("uses", "").startswith("actions/checkout@"), steps[0]


def test_the_workflow_runs_the_readme_commands_in_order(steps):
    # install exactly as the README says (it cannot open JupyterLab: that would never return)
    assert INSTALL == f"{SET_UP} && {OPEN_COURSE}"
    runs = _runs(steps)
    assert SET_UP in runs and TEST in runs, runs
    browser = [r for r in runs if "playwright install" in r]
    assert len(browser) == 1, runs
    assert runs.index(SET_UP) < runs.index(browser[0]) < runs.index(TEST), runs
    assert not [r for r in runs if OPEN_COURSE in r], "the workflow must not start JupyterLab"


def test_the_workflow_installs_playwrights_chromium_with_its_system_libraries(steps):
    (browser,) = [r for r in _runs(steps) if "playwright install" in r]
    # the venv's Playwright, the same version as the one the test drives it with
    assert shlex.split(browser) == [".venv/bin/playwright", "install", "--with-deps", "chromium"], browser


def test_the_workflow_runs_the_tests_with_ci_true(steps):
    tests = [step for step in steps if " ".join(step.get("run", "").split()) == TEST]
    assert len(tests) == 1, f"expected one step running `{TEST}`: {_runs(steps)}"
    assert tests[0].get("env", {}).get("CI") == "true", tests[0]


def test_the_workflow_uses_the_python_binder_uses(steps):
    runtime = (REPO / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    setup = [step for step in steps if step.get("uses", "").startswith("actions/setup-python@")]
    assert [step["with"]["python-version"] for step in setup] == [runtime], setup


def test_ci_run_and_the_workflow_run_the_same_set_up_and_test():
    ci = (REPO / ".ci" / "run").read_text()
    venv, pip_install = SET_UP.split(" && ")
    assert re.search(rf"^{re.escape(venv)}$", ci, re.MULTILINE), f".ci/run does not run `{venv}`"
    # .ci/run installs the same file into the same venv (through uv, for speed)
    installs = re.findall(r"^.*\binstall\b.*-r (\S+)$", ci, re.MULTILINE)
    assert installs == [pip_install.split(" -r ")[1]], installs
    assert re.search(rf"^{re.escape(TEST)}( |$)", ci, re.MULTILINE), f".ci/run does not run `{TEST}`"


# ----------------------------------------------- which browser the test drives
def _never_asked():
    raise AssertionError("Playwright was asked although Debian's chromium exists")


def test_debian_chromium_comes_first_and_playwright_is_not_asked():
    assert pick_chromium(_never_asked, exists=lambda path: True, which=lambda name: None) == CHROMIUM


def test_without_debian_chromium_playwrights_own_is_used():
    bundled = "/home/runner/.cache/ms-playwright/chromium-1/chrome-linux64/chrome"
    chosen = pick_chromium(lambda: bundled, exists=lambda path: path == bundled,
                           which=lambda name: f"/usr/bin/{name}")
    assert chosen == bundled


def test_without_either_a_system_chrome_on_path_is_used_in_order():
    on_path = {"chromium-browser": "/snap/bin/chromium-browser", "google-chrome": "/usr/bin/google-chrome"}
    not_downloaded = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome"
    assert pick_chromium(lambda: not_downloaded, exists=lambda path: False,
                         which=on_path.get) == "/usr/bin/google-chrome"
    del on_path["google-chrome"]
    assert pick_chromium(lambda: "", exists=lambda path: False, which=on_path.get) == "/snap/bin/chromium-browser"
    assert SYSTEM_CHROMES.index("google-chrome") < SYSTEM_CHROMES.index("chromium-browser")


def test_no_browser_at_all_is_none():
    assert pick_chromium(lambda: "/missing/chrome", exists=lambda path: False, which=lambda name: None) is None
