"""Binder builds the course a student needs, at the versions a local install gets.

repo2docker reads only binder/ once that folder exists (the top-level
requirements.txt and pyproject.toml are then ignored, and it does NOT
`pip install .` by itself). binder/requirements.txt is the lean runtime set:
the course's runtime pins and, last, `-e .` (the library). The top-level
requirements.txt includes it with `-r binder/requirements.txt` and adds only
the test tools, so each pin is written once.

(a) the Binder pins are exactly the runtime part of the local pins (same
    versions, library included, every library dependency pinned) and hold
    none of the test tools;
(b) repo2docker itself (no Docker engine needed for --no-build) renders a
    Dockerfile that installs binder/requirements.txt after copying the repo,
    from the repo root, on Python 3.11, and then runs binder/postBuild;
(c) slow: a fresh venv built from binder/ only (then binder/postBuild, run as
    repo2docker runs it) has the library and no test tool, has the widget
    extension, has JupyterLab's news prompt switched off, and runs every
    notebook top to bottom: nbval executes the notebooks with this venv's
    kernel (conftest.py, tests/binder_env.py), so each runs once per test run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.binder_env import KERNEL_NAME, BinderBuildError  # the module conftest.py uses, not a second copy
from tests.binder_env import binder_env as shared_binder_env
from tests.binder_env import page_config as _page_config

REPO = Path(__file__).resolve().parents[1]
BINDER = REPO / "binder"
WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
# JupyterLab 4's "Would you like to receive official Jupyter news?" prompt
NEWS_PLUGIN = "@jupyterlab/apputils-extension:announcements"
RUNTIME_CORE = {"numpy", "sympy", "matplotlib", "ipywidgets", "jupyterlab", "ipykernel"}
# The test command's tools: pinned for a local install, never installed on
# Binder. Distribution name -> import name.
TEST_TOOLS = {"pytest": "pytest", "pytest-xdist": "xdist", "hypothesis": "hypothesis", "nbval": "nbval",
              "playwright": "playwright", "jupyter-repo2docker": "repo2docker"}


# ------------------------------------------------------------ (a) pinned set
def normalise(name: str) -> str:
    """PEP 503 name: ``Jupyter_Client`` and ``jupyter-client`` are one package.

    >>> normalise("Jupyter_Client")
    'jupyter-client'
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def read_requirements(path: Path, _seen=None) -> tuple[dict[str, str], list[str]]:
    """Pins ``{name: version}`` and local references in a requirements file,
    following ``-r`` includes relative to the including file, as pip does."""
    seen = _seen if _seen is not None else set()
    path = path.resolve()
    assert path not in seen, f"requirements include loop at {path}"
    seen.add(path)
    pins, local = {}, []
    for raw in path.read_text().splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith(("-r ", "--requirement ")):
            sub_pins, sub_local = read_requirements(path.parent / line.split(None, 1)[1], seen)
            clash = {k for k in sub_pins.keys() & pins.keys() if sub_pins[k] != pins[k]}
            assert not clash, f"{path.name} and its include pin {clash} differently"
            pins.update(sub_pins)
            local += sub_local
        elif line.startswith(("-e ", "--editable ")) or line.startswith("."):
            local.append(line)
        else:
            m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[\w,]+\])?==([\w.+!-]+)", line)
            assert m, f"{path.name}: {line!r} is not an exact pin (name==version)"
            pins[normalise(m.group(1))] = m.group(3)
    return pins, local


def test_requirements_are_exact_pins():
    pins, local = read_requirements(REPO / "requirements.txt")
    assert RUNTIME_CORE | TEST_TOOLS.keys() <= pins.keys()
    assert local == ["-e ."], "the local install gets the library through one `-e .`"


def test_binder_pins_are_exactly_the_runtime_part_of_the_local_pins():
    local_pins, local_refs = read_requirements(REPO / "requirements.txt")
    binder_pins, binder_refs = read_requirements(BINDER / "requirements.txt")
    assert RUNTIME_CORE <= binder_pins.keys()
    assert not binder_pins.keys() & TEST_TOOLS.keys(), "a test tool is pinned for Binder"
    # local = runtime + test tools, nothing else; the runtime at the same versions
    assert local_pins == {**binder_pins, **{k: local_pins[k] for k in TEST_TOOLS}}
    assert binder_refs == local_refs == ["-e ."]


def test_the_runtime_pins_are_written_once():
    # The top-level file includes binder/requirements.txt (from the root, as the
    # README's install command runs) and restates none of its pins.
    lines = [ln.split(" #", 1)[0].strip() for ln in (REPO / "requirements.txt").read_text().splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    assert lines[0] == "-r binder/requirements.txt", lines
    own = {normalise(re.split(r"[=\[]", ln, maxsplit=1)[0]) for ln in lines[1:]}
    assert own == set(TEST_TOOLS), f"requirements.txt should add only the test tools, adds {own}"
    binder_lines = [ln.strip() for ln in (BINDER / "requirements.txt").read_text().splitlines()]
    assert not [ln for ln in binder_lines if ln.startswith(("-r", "--requirement"))], "binder/ includes nothing"


def test_binder_pins_every_dependency_of_the_library():
    import tomllib

    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {normalise(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0]) for d in deps}
    binder_pins, _ = read_requirements(BINDER / "requirements.txt")
    assert names and names <= binder_pins.keys(), names - binder_pins.keys()


def test_binder_runtime_is_python_311_and_allowed_by_pyproject():
    import tomllib

    from packaging.specifiers import SpecifierSet

    runtime = (BINDER / "runtime.txt").read_text().strip()
    assert runtime == "python-3.11"
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert "3.11" in SpecifierSet(requires)


# --------------------------------------------------------- (b) repo2docker
@pytest.fixture(scope="module")
def dockerfile() -> str:
    """The Dockerfile repo2docker would build for Binder (no engine needed)."""
    proc = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug",
         "--user-id", "1000", "--user-name", "jovyan", str(REPO)],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "FROM " in proc.stdout, proc.stdout[-3000:]
    return proc.stdout[proc.stdout.index("FROM "):]


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def test_repo2docker_uses_python_311(dockerfile):
    # the conda environment's lock file is chosen by Python version (escaped path)
    assert re.search(r"environment-2epy-2d3-2e11-\S* /tmp/env/environment\.lock", dockerfile), dockerfile


def test_repo2docker_installs_binder_requirements_after_copying_the_repo(dockerfile):
    lines = _lines(dockerfile)
    pip = [i for i, ln in enumerate(lines) if re.search(r'/bin/pip install .*-r "?binder/requirements\.txt"?', ln)]
    assert len(pip) == 1, "expected exactly one pip install of binder/requirements.txt:\n" + dockerfile
    copy_repo = [i for i, ln in enumerate(lines) if re.fullmatch(r"COPY --chown=\S+ src/ \$\{REPO_DIR\}/", ln)]
    workdir = [i for i, ln in enumerate(lines) if ln == "WORKDIR ${REPO_DIR}"]
    assert copy_repo and workdir, dockerfile
    # `-r ../requirements.txt` and `-e .` are local references: pip must run
    # after the whole repository is in the image, in the repository root.
    assert workdir[-1] < copy_repo[0] < pip[0]
    assert not any(re.match(r"WORKDIR|RUN cd ", ln) for ln in lines[workdir[-1] + 1:pip[0]])


def test_repo2docker_does_not_use_the_top_level_files(dockerfile):
    # With binder/ present, the library arrives only through binder/requirements.txt.
    lines = _lines(dockerfile)
    assert not any(re.search(r'-r "?requirements\.txt', ln) for ln in lines)
    assert not any(re.search(r"pip install (--no-cache-dir )?\.$", ln) for ln in lines)


def test_repo2docker_runs_postbuild_last_as_the_user_with_the_env_on_path(dockerfile):
    lines = _lines(dockerfile)
    pip = next(i for i, ln in enumerate(lines) if '-r "binder/requirements.txt"' in ln)
    run = [i for i, ln in enumerate(lines) if ln == "RUN ./binder/postBuild"]
    assert len(run) == 1 and run[0] > pip, dockerfile
    assert lines[run[0] - 1] == "RUN chmod +x binder/postBuild", dockerfile
    users = [ln for ln in lines[:run[0]] if ln.startswith("USER ")]
    assert users[-1] == "USER ${NB_USER}", dockerfile
    # `jupyter` in postBuild is the environment's: same env for server and kernel
    assert "ENV KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in lines, dockerfile
    assert any(ln.startswith("ENV PATH=${NB_PYTHON_PREFIX}/bin:") for ln in lines), dockerfile
    assert not any(re.match(r"WORKDIR|RUN cd ", ln) for ln in lines[pip:run[0]]), dockerfile


# ------------------------------------------------------ (c) fresh binder env
@pytest.fixture(scope="module")
def binder_env():
    """The run's Binder environment (tests/binder_env.py): a copy of the repository, a fresh
    venv with binder/requirements.txt installed from its root, then binder/postBuild run as
    repo2docker runs it. nbval runs every notebook in it."""
    try:
        built = shared_binder_env()
    except BinderBuildError as error:
        pytest.fail(str(error), pytrace=False)
    return {**built, "repo": Path(built["repo"]), "venv": Path(built["venv"])}


@pytest.fixture(scope="module")
def labextension_listing(binder_env) -> str:
    """``jupyter labextension list`` in the Binder venv, after postBuild."""
    proc = subprocess.run([str(binder_env["venv"] / "bin" / "jupyter"), "labextension", "list"],
                          capture_output=True, text=True, env=binder_env["env"], cwd="/")
    return proc.stdout + proc.stderr


@pytest.mark.slow
def test_binder_env_has_the_library_from_the_repo_copy_and_no_test_tool(binder_env):
    # ipywidgets and jupyterlab are found, not imported (JupyterLab runs in the labextension test)
    code = ("import importlib.util, json, sys, matgrad; find = importlib.util.find_spec; print(json.dumps("
            "[matgrad.__file__, sys.prefix, [m for m in ('ipywidgets', 'jupyterlab') if not find(m)], "
            "[m for m in sys.argv[1:] if find(m)]]))")
    out = subprocess.run(
        [binder_env["python"], "-c", code, *TEST_TOOLS.values()],
        capture_output=True, text=True, check=True, env=binder_env["env"], cwd="/",
    ).stdout
    library, prefix, missing, test_tools = json.loads(out)
    assert Path(library).is_relative_to(binder_env["repo"] / "lib"), out
    assert Path(prefix) == binder_env["venv"], out
    assert missing == [], f"Binder lacks {missing}"
    assert test_tools == [], f"Binder installs test tools: {test_tools}"


@pytest.mark.slow
def test_binder_env_has_the_widget_extension_for_sliders(labextension_listing):
    line = next((ln for ln in labextension_listing.splitlines() if WIDGET_EXTENSION in ln), "")
    assert "enabled" in line and "OK" in line, labextension_listing


@pytest.mark.slow
def test_binder_postbuild_switches_off_the_news_prompt(binder_env, labextension_listing):
    # postBuild did it: the environment's page config had no such entry before
    assert NEWS_PLUGIN not in binder_env["page_config_before"].get("disabledExtensions", {})
    assert _page_config(binder_env["venv"])["disabledExtensions"][NEWS_PLUGIN] is True
    # and JupyterLab reads it: listed under "Disabled extensions"
    disabled = labextension_listing.split("Disabled extensions:", 1)
    assert len(disabled) == 2, labextension_listing
    assert NEWS_PLUGIN in [ln.strip() for ln in disabled[1].splitlines()], labextension_listing


@pytest.mark.slow
def test_nbval_runs_every_notebook_with_the_binder_envs_kernel(binder_env, pytestconfig):
    # conftest.py: nbval's kernel is KERNEL_NAME unless --nbval-current-env is given on the
    # command line; the kernelspec's Python is the Binder venv's, so the one nbval run of
    # every notebook (testpaths includes notebooks/) is the run in the Binder environment.
    from jupyter_client.kernelspec import KernelSpecManager

    if pytestconfig.option.nbval_current_env:
        pytest.skip("--nbval-current-env: this run executes the notebooks in the test venv")
    assert pytestconfig.option.nbval and pytestconfig.option.nbval_kernel_name == KERNEL_NAME
    manager = KernelSpecManager(kernel_dirs=[str(Path(binder_env["kernels"]) / "kernels")])
    spec = manager.get_kernel_spec(KERNEL_NAME)
    assert spec.argv[0] == binder_env["python"] and Path(spec.argv[0]).is_relative_to(binder_env["venv"])
    code = "import sys, matgrad, ipykernel; print(sys.prefix); print(matgrad.__file__)"
    prefix, library = subprocess.run([spec.argv[0], "-c", code], capture_output=True, text=True,
                                     check=True, cwd="/").stdout.split()
    assert Path(prefix) == binder_env["venv"] and Path(library).is_relative_to(binder_env["repo"] / "lib")
