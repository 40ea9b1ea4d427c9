"""tests/notebook_runner.py (used by the Binder test and the notebook benchmark)
reports what a notebook really did: printed text, error outputs, the kernel's
environment, and a kernel that dies."""

import sys

import nbformat
import pytest

from tests.notebook_runner import run_notebook


def _notebook(tmp_path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# a title")] + [nbformat.v4.new_code_cell(s) for s in sources]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    return path


def test_runner_collects_output_errors_and_the_kernel_environment(tmp_path):
    path = _notebook(tmp_path, "x = 6 * 7\nprint(f'{x:d}')", "x / 0", "import os\nprint(os.getcwd())")
    run = run_notebook(path)
    assert run.kernel_prefix == sys.prefix
    assert run.stdout == ["42\n", "", f"{tmp_path}\n"]
    assert run.errors == [{"cell": 2, "ename": "ZeroDivisionError", "evalue": "division by zero"}]
    assert not run.ok
    assert len(run.cells_s) == 3 and run.total_s >= run.kernel_start_s + sum(run.cells_s) > 0


def test_runner_says_when_the_kernel_dies(tmp_path):
    path = _notebook(tmp_path, "print('before')", "import os\nos._exit(3)", "print('never')")
    with pytest.raises(RuntimeError, match="kernel died while running cell 2"):
        run_notebook(path)
