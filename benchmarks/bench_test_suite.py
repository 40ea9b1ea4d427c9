"""Wall time of the full test command, `.venv/bin/python -m pytest`, from the repo root.

    .venv/bin/python benchmarks/bench_test_suite.py [--runs 1]
"""

import argparse
import re
import subprocess
import sys
import time

from _common import REPO, median, table

TEST_COMMAND = [".venv/bin/python", "-m", "pytest"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    rows, times = [], []
    for run in range(1, args.runs + 1):
        t0 = time.perf_counter()
        proc = subprocess.run(TEST_COMMAND, cwd=REPO, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        times.append(wall)
        summary = next((ln.strip("= ") for ln in reversed(proc.stdout.splitlines())
                        if re.search(r"\b(passed|failed|no tests ran)\b.* in [\d.]+s", ln)), "?")
        rows.append([run, f"{wall:.1f}", proc.returncode, summary])
        print(f"run {run}: {wall:.1f}s, exit {proc.returncode}", file=sys.stderr)
    print(f"\nTest command: {' '.join(TEST_COMMAND)}  (cwd {REPO})\n")
    table(["run", "wall s", "exit", "pytest summary"], rows)
    if args.runs > 1:
        print(f"\nmedian {median(times):.1f}s, min {min(times):.1f}s, max {max(times):.1f}s")


if __name__ == "__main__":
    main()
