"""Every widget of every notebook: update time in the kernel and key press -> paint in the browser.

    .venv/bin/python benchmarks/bench_widgets.py [--kernel-only | --browser-only]
                     [--updates 20] [--moves 20] [NOTEBOOK ...]

Notebooks default to notebooks/*.ipynb. A widget is any object that follows
the widget contract of matgrad.widgets (``.widget`` + ``.controls``) or an
``ipywidgets.interactive`` (what ``interact`` makes; reported as "interact
(no contract)" and measured the same way). See _widget_probe.py and
_browser_probe.py for how each half measures.

* In the kernel: the notebook runs top to bottom in a fresh kernel
  (tests/notebook_runner.py), then every control of every widget is set
  ``--updates`` times, one step at a time; each assignment is timed (the
  update runs before it returns: recompute, redraw, comm messages).
* In the browser: JupyterLab (tests/lab_harness.py) in Chromium, Restart
  Kernel and Run All; then for every control ``--moves`` key presses
  (ArrowRight/Left on a slider handle, ArrowDown/Up on a dropdown), each
  timed in the page from keydown to the widget's output changed and painted.

Budget: kernel p95 < 50 ms, browser p95 < 100 ms; rows over it say OVER
BUDGET. p95 is nearest-rank: the 19th of 20 samples (with 10 it would be the
largest, so one hiccup of a busy machine would decide it). The machine's load
average is printed with the table. The exit code is 0 either way: this is a
report.
"""

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from _common import REPO, import_test_helper, median, p95, table

import _browser_probe
import _widget_probe

notebook_runner = import_test_helper("notebook_runner")
HERE = Path(__file__).resolve().parent
KERNEL_BUDGET_MS, BROWSER_BUDGET_MS = 50.0, 100.0


def _probe_setup():
    return (f"import sys\nif {str(HERE)!r} not in sys.path: sys.path.insert(0, {str(HERE)!r})\n"
            "import _widget_probe as _mgb_probe")  # fmt: skip


def kernel_times(path, updates):
    """``{(cell, label, control): [ms, ...]}`` and the run's error list, from a fresh kernel."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    cells = [nbformat.v4.new_code_cell(_probe_setup())]
    for index, cell in enumerate(nb.cells):
        cells.append(cell)
        if cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(f"_mgb_probe.mark({index})"))
    cells.append(nbformat.v4.new_code_cell(f"_mgb_probe.time_controls({updates})"))
    nb.cells = cells
    with tempfile.TemporaryDirectory(prefix="mgb-") as tmp:
        copy = Path(tmp) / path.name
        nbformat.write(nb, copy)
        run = notebook_runner.run_notebook(copy, cwd=path.parent)
    if run.errors and run.errors[-1]["cell"] == len(cells) - 1:
        raise RuntimeError(f"{path.name}: the timing cell raised {run.errors[-1]}")
    results = _widget_probe.parse(run.stdout[-1])
    found = {(r["cell"], r["label"], r["control"]): [1000 * t for t in r["times"]] for r in results}
    kinds = {(r["cell"], r["label"]): r["kind"] for r in results}
    return found, kinds, run.errors


def browser_times(paths, moves, failures):
    """``{notebook: {(cell, label, control): [ms or None, ...]}}`` and kinds, one JupyterLab per folder;
    a notebook that cannot be measured is noted in ``failures`` and skipped."""
    lab_harness = import_test_helper("lab_harness")
    times, kinds = {}, {}
    by_folder = {}
    for path in paths:
        by_folder.setdefault(path.parent, []).append(path)
    with lab_harness.chromium() as browser:
        for folder, group in by_folder.items():
            with lab_harness.LabServer(folder) as server:
                for path in group:
                    try:
                        times[path.name], found_kinds = _one_notebook(browser, server, path, moves, lab_harness)
                    except Exception as error:  # noqa: BLE001 -- reported in the table, the others still run
                        failures[path.name] = _failure("browser", error)
                        continue
                    kinds.update({(path.name, *k): v for k, v in found_kinds.items()})
    return times, kinds


def _one_notebook(browser, server, path, moves, lab_harness):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_default_timeout(60_000)
    try:
        lp = lab_harness.LabPage(page, server).open(path.name)
        lp.restart_and_run_all()
        widgets = _browser_probe.tag_widgets(page, HERE, _widget_probe.parse)
        print(f"  {path.name}: {_browser_probe.describe(widgets)}", flush=True)
        found, kinds = {}, {}
        for w in widgets:
            kinds[(w["cell"], w["label"])] = w["kind"]
            for j, control in enumerate(w["controls"]):
                key = (w["cell"], w["label"], control["name"])
                if w["cell"] is None:
                    found[key] = "not displayed"
                    continue
                found[key] = _browser_probe.measure_control(page, w["index"], j, control, moves)
        _browser_probe.shutdown_kernel(page)
        return found, kinds
    finally:
        page.close()


def _stats(values):
    good = [v for v in values if v is not None]
    if not good:
        return None, None, len(values)
    return median(good), p95(good), len(values) - len(good)


def _failure(where, error):
    """Why a notebook was not measured, for the table's NOT MEASURED lines."""
    return f"{where}: {type(error).__name__}: {str(error)[:300]}"


def report(notebooks, kernel, browser, kinds, failures):
    rows, over = [], 0
    for name in notebooks:
        keys = sorted(set(kernel.get(name, {})) | set(browser.get(name, {})),
                      key=lambda k: (k[0] if k[0] is not None else 10**6, k[1], k[2]))  # fmt: skip
        if name in failures:
            rows.append([name.split("-")[0], "", "(not measured, see below)", "", "", "", "", "", "NOT MEASURED"])
        elif not keys:
            rows.append([name.split("-")[0], "", "(no widgets)", "", "", "", "", "", ""])
        for key in keys:
            cell, label, control = key
            k_ms, b_ms = kernel.get(name, {}).get(key), browser.get(name, {}).get(key)
            k_med, k_p95, _ = _stats(k_ms) if k_ms else (None, None, 0)
            if isinstance(b_ms, str):
                b_med, b_p95, missed, note = None, None, 0, b_ms
            else:
                b_med, b_p95, missed = _stats(b_ms) if b_ms else (None, None, 0)
                note = f"{missed} moves changed nothing" if missed else ""
            bad = (k_p95 is not None and k_p95 >= KERNEL_BUDGET_MS) or (b_p95 is not None and b_p95 >= BROWSER_BUDGET_MS)
            unmeasured = (name in kernel and k_p95 is None) or (name in browser and b_p95 is None)
            over += bad
            verdict = "OVER BUDGET" if bad else "NOT MEASURED" if unmeasured else "ok"
            if note:
                verdict += f" ({note})"
            kind = kinds.get((name, cell, label), "")
            fmt = lambda v: "-" if v is None else f"{v:.1f}"  # noqa: E731
            rows.append([name.split("-")[0], "?" if cell is None else cell, label + (" [interact]" if kind == _widget_probe.INTERACT else ""),
                         control, fmt(k_med), fmt(k_p95), fmt(b_med), fmt(b_p95), verdict])  # fmt: skip
    table(["nb", "cell", "widget", "control", "kernel med", "kernel p95", "browser med", "browser p95", "verdict"], rows)
    print(f"\nbudget: kernel p95 < {KERNEL_BUDGET_MS:.0f} ms, browser p95 < {BROWSER_BUDGET_MS:.0f} ms "
          f"(key press -> output changed and painted); {over} row(s) over budget.\n"
          "[interact] marks ipywidgets.interact panels, which do not follow the widget contract.")  # fmt: skip
    for name, why in failures.items():
        print(f"NOT MEASURED {name}: {why}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--kernel-only", action="store_true")
    mode.add_argument("--browser-only", action="store_true")
    ap.add_argument("--updates", type=int, default=20, help="value changes per control in the kernel")
    ap.add_argument("--moves", type=int, default=20, help="key presses per control in the browser (>= 10)")
    ap.add_argument("--json", type=Path, help="also write the raw times here")
    ap.add_argument("notebooks", nargs="*", type=Path)
    args = ap.parse_args()
    paths = [p.resolve() for p in args.notebooks] or sorted((REPO / "notebooks").glob("*.ipynb"))
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"no such notebook: {', '.join(missing)}")
    kernel, browser, kinds, failures = {}, {}, {}, {}
    t0 = time.perf_counter()
    if not args.browser_only:
        for path in paths:
            try:
                found, found_kinds, errors = kernel_times(path, args.updates)
            except Exception as error:  # noqa: BLE001 -- reported in the table, the others still run
                failures[path.name] = _failure("kernel", error)
                continue
            kernel[path.name] = found
            kinds.update({(path.name, *k): v for k, v in found_kinds.items()})
            print(f"kernel: {path.name}: {len(found)} controls" + (f", cell errors {errors}" if errors else ""), flush=True)
    if not args.kernel_only:
        found, found_kinds = browser_times(paths, args.moves, failures)
        browser.update(found)
        kinds.update(found_kinds)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nWidget updates ({time.perf_counter() - t0:.0f} s; load average now {load} on {os.cpu_count()} cores): "
          f"kernel = {args.updates} value changes per control, browser = {args.moves} key presses per control; "
          "times in ms\n")  # fmt: skip
    report([p.name for p in paths], kernel, browser, kinds, failures)
    if args.json:
        raw = {"kernel": {n: {json.dumps(k): v for k, v in d.items()} for n, d in kernel.items()},
               "browser": {n: {json.dumps(k): v for k, v in d.items()} for n, d in browser.items()}}  # fmt: skip
        args.json.write_text(json.dumps(raw, indent=1))


if __name__ == "__main__":
    main()
