"""Small helpers shared by the benchmark scripts (run by hand, not by pytest)."""

import importlib.util
import math
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def import_test_helper(name):
    """Import tests/<name>.py (a helper the test suite shares with the benchmarks)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tests" / f"{name}.py")
    module = sys.modules[name] = importlib.util.module_from_spec(spec)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def p95(values):
    """Nearest-rank 95th percentile (with 10 samples this is the largest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def table(header, rows):
    """Print a plain fixed-width table."""
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(cells[0], widths)))
    print(line)
    for row in cells[1:]:
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))))


def median(values):
    return statistics.median(values)
