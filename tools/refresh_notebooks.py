"""Re-execute course notebooks top to bottom in a fresh kernel and store their outputs.

    .venv/bin/python tools/refresh_notebooks.py                   # every notebook
    .venv/bin/python tools/refresh_notebooks.py notebooks/04-*.ipynb

This is how an edited notebook gets the stored outputs that nbval compares:
every code cell runs once, in order (execution counts 1..N), its outputs
replace the old ones, and the state of every widget is saved in the
notebook's metadata (so JupyterLab and nbviewer can show the widgets before
the kernel runs). A notebook with a cell that raises is left as it was; the
exit code is 1 if any notebook failed.

The kernel is driven by tests/notebook_runner.py, the project's one runner.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("notebook_runner", REPO / "tests" / "notebook_runner.py")
notebook_runner = sys.modules["notebook_runner"] = importlib.util.module_from_spec(_spec)  # dataclasses look it up
_spec.loader.exec_module(notebook_runner)


def refresh(path: Path) -> float:
    """Execute ``path`` in a fresh kernel (working directory: its folder) and write it back.

    Raises ``RuntimeError`` naming the first failing cell (the file is then unchanged)."""
    nb = nbformat.read(path, as_version=4)
    run = notebook_runner.run_notebook(path)
    if run.errors:
        first = run.errors[0]
        raise RuntimeError(f"cell {first['cell']}: {first['ename']}: {first['evalue']}")
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for count, (cell, outputs) in enumerate(zip(code_cells, run.outputs), start=1):
        cell.outputs = [nbformat.from_dict(output) for output in outputs]
        cell.execution_count = count
    if run.widgets:
        nb.metadata["widgets"] = run.widgets
    else:
        nb.metadata.pop("widgets", None)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return run.total_s


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv[1:]] or sorted((REPO / "notebooks").glob("*.ipynb"))
    failed = 0
    for path in paths:
        try:
            seconds = refresh(path)
        except (TimeoutError, RuntimeError) as error:
            failed += 1
            print(f"FAILED {path.name}: {error} (file left unchanged)")
            continue
        print(f"refreshed {path.relative_to(REPO) if path.is_relative_to(REPO) else path} in {seconds:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
