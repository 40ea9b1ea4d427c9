"""Top-to-bottom execution time of each notebook, a fresh kernel for every run.

    .venv/bin/python benchmarks/bench_notebooks.py [--runs 3] [NOTEBOOK ...]

Runs in this interpreter's environment (its `python3` kernel) with
tests/notebook_runner.py, the blocking jupyter_client loop the Binder test
uses. "total" is what a student waits for after Restart Kernel and Run All:
kernel start, every code cell, and shutdown. "cells" is the code cells alone,
"slowest cell" the largest single cell of the median run.
"""

import argparse
from pathlib import Path

from _common import REPO, import_test_helper, median, table

notebook_runner = import_test_helper("notebook_runner")

BUDGET_S = 10.0  # issue: each notebook runs in under 10 s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("notebooks", nargs="*", type=Path)
    args = ap.parse_args()
    paths = args.notebooks or sorted((REPO / "notebooks").glob("*.ipynb"))
    if not paths:
        raise SystemExit("no notebooks found")
    rows, total = [], 0.0
    for path in paths:
        runs = []
        for _ in range(args.runs):
            run = notebook_runner.run_notebook(path)
            if not run.ok:
                raise SystemExit(f"{path.name}: error outputs {run.errors}")
            runs.append(run)
        totals = [r.total_s for r in runs]  # in run order
        mid = sorted(runs, key=lambda r: r.total_s)[(len(runs) - 1) // 2]
        total += median(totals)
        slowest = max(range(len(mid.cells_s)), key=mid.cells_s.__getitem__)
        rows.append([path.name, len(mid.cells_s), f"{median([r.kernel_start_s for r in runs]):.2f}",
                     f"{median([sum(r.cells_s) for r in runs]):.2f}", f"{median(totals):.2f}",
                     f"{max(totals):.2f}", f"{mid.cells_s[slowest]:.2f} (#{slowest + 1})"])
        print(f"{path.name}: " + ", ".join(f"{t:.2f}" for t in totals) + " s", flush=True)
    print(f"\nPer-notebook execution, fresh kernel each run, {args.runs} runs each (medians unless noted)\n")
    table(["notebook", "code cells", "kernel start s", "cells s", "total s", "max total s",
           "slowest cell s (code cell #)"], rows)
    print(f"\nsum of median totals: {total:.1f}s; budget per notebook: {BUDGET_S:.0f} s")


if __name__ == "__main__":
    main()
