"""pytest setup for the whole repository: nbval runs the notebooks in the Binder environment.

(tests/conftest.py holds the rest: Hypothesis profiles and markers.)

The notebooks are executed once per test run, by nbval, with a kernel whose
Python is the Binder venv's (tests/binder_env.py): the same run proves that
the stored outputs are what the code computes and that every notebook runs
in the environment Binder builds. ``--nbval-current-env`` on the command line
runs them in this venv instead (quicker while editing one notebook).
"""

import os
import tempfile
from pathlib import Path

import pytest

from tests.binder_env import KERNEL_NAME, binder_env, build_in_background, remove_run_root, start_run

ROOT = Path(__file__).resolve().parent
# check() records solved exercises (matgrad.course.exercises.progress); tests and the notebooks
# they run (their kernels inherit this) record into a throwaway file, never the user's own
os.environ["MATGRAD_PROGRESS"] = str(Path(tempfile.mkdtemp(prefix="matgrad-progress-")) / "progress.json")
_BUILD = pytest.StashKey()  # the thread building the run's Binder environment


def _needs_binder(config):
    """Whether the run collects the Binder tests, or notebooks that nbval runs in the Binder
    kernel (paths given on the command line, or the testpaths)."""
    needs = [ROOT / "tests" / "test_binder.py"]
    if getattr(config.option, "nbval_kernel_name", None) == KERNEL_NAME:
        needs.append(ROOT / "notebooks")
    for arg in config.args:
        path = Path(arg.split("::")[0]).resolve()
        if any(path == p or p.is_relative_to(path) or path.is_relative_to(p) for p in needs):
            return True
    return False


def pytest_configure(config):
    option = config.option
    if getattr(option, "nbval", False) and not option.nbval_current_env and not option.nbval_kernel_name:
        option.nbval_kernel_name = KERNEL_NAME
    if not hasattr(config, "workerinput"):  # the controlling process (or a run without xdist)
        start_run()
        if _needs_binder(config):  # built while the workers start and collect
            config.stash[_BUILD] = build_in_background()


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        build = config.stash.get(_BUILD, None)
        if build is not None:
            build.join()  # a run that ends early (--collect-only, an error) must not cut a copy short
        remove_run_root()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before nbval starts a notebook's kernel: build (or reuse) the Binder venv, and let
    Jupyter find its kernelspec."""
    if item.path.suffix != ".ipynb" or getattr(item.config.option, "nbval_kernel_name", None) != KERNEL_NAME:
        return
    kernels = binder_env()["kernels"]
    paths = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if kernels not in paths:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([kernels, *filter(None, paths)])


# The longest work first, so that under pytest-xdist no worker is left with a long file at the
# end (pyproject.toml: --dist loadscope --no-loadscope-reorder keeps this order): the browser
# tests (one JupyterLab, every notebook run), then the notebooks (nbval, one kernel each), the
# Binder tests, the slowest test files (measured: 3-11 s each), then everything else in
# collection order.
_FIRST = ("tests/test_browser.py", "notebooks/", "tests/test_binder.py", "tests/test_exercises.py",
          "tests/test_twin_api.py", "tests/test_network.py", "tests/test_graph_widget.py",
          "tests/test_graph_drawing.py", "tests/test_bad_input_graph.py")


def _rank(item):
    nodeid = item.nodeid
    return next((i for i, prefix in enumerate(_FIRST) if nodeid.startswith(prefix)), len(_FIRST))


def pytest_collection_modifyitems(config, items):
    items.sort(key=_rank)  # stable: the order within each group is kept
