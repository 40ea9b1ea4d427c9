"""Top-to-bottom execution time of each notebook (nbclient, fresh kernel each run).

    .venv/bin/python benchmarks/bench_notebooks.py [--runs 3] [NOTEBOOK ...]

Runs in this interpreter's environment; the kernel is `python3` from it.
"""

import argparse
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from _common import REPO, median, table


def run_once(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    t0 = time.perf_counter()
    client.execute()  # raises CellExecutionError if a cell fails
    return time.perf_counter() - t0


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
        times = [run_once(path) for _ in range(args.runs)]
        total += median(times)
        rows.append([path.name, len(nbformat.read(path, as_version=4).cells),
                     f"{median(times):.2f}", f"{min(times):.2f}", f"{max(times):.2f}"])
        print(f"{path.name}: {', '.join(f'{t:.2f}' for t in times)} s", flush=True)
    print(f"\nPer-notebook execution with nbclient (kernel start included), {args.runs} runs each\n")
    table(["notebook", "cells", "median s", "min s", "max s"], rows)
    print(f"\nsum of medians: {total:.1f}s")


if __name__ == "__main__":
    main()
