"""Browser round trip of one slider move: key press -> readout text changes.

    .venv/bin/python benchmarks/bench_browser_slider.py [--moves 10] [--slider w3_11]
                     [--notebook notebooks/06-worked-homework.ipynb]

JupyterLab (a temporary copy of the notebook's folder) and Debian's Chromium,
as in tests/test_browser.py. The notebook is run with Restart Kernel and Run
All Cells; then the slider is focused and ArrowRight is pressed once per move.
Times are taken inside the page (performance.now() at keydown and at the
readout's DOM mutation), so Playwright's own overhead is not counted; the
Python-side wall time of each move is printed beside them.
"""

import argparse
import time
from pathlib import Path

from _common import REPO, import_test_helper, median, p95, table

lab_harness = import_test_helper("lab_harness")

PROBE = """([handle, readout]) => {
  const s = window.__matgrad_bench = {t0: null, t1: null};
  handle.addEventListener('keydown', () => { s.t0 = performance.now(); s.t1 = null; }, {capture: true});
  s.text = readout.innerText;
  new MutationObserver(() => {
    if (s.t0 !== null && s.t1 === null && readout.innerText !== s.text) {
      s.t1 = performance.now(); s.text = readout.innerText;
    }
  }).observe(readout, {subtree: true, childList: true, characterData: true});
}"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--moves", type=int, default=10)
    ap.add_argument("--slider", default="w3_11")
    ap.add_argument("--notebook", type=Path, default=REPO / "notebooks" / "06-worked-homework.ipynb")
    args = ap.parse_args()
    nb = args.notebook.resolve()

    t_start = time.perf_counter()
    with lab_harness.LabServer(nb.parent) as server, lab_harness.chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        lp = lab_harness.LabPage(page, server).open(nb.name)
        t_open = time.perf_counter()
        lp.restart_and_run_all()
        t_ran = time.perf_counter()
        area = lp.explorer_output()
        box = lp.slider(area, args.slider)
        handle = box.locator(".noUi-handle")
        readout = area.locator(".matgrad-readout")
        page.evaluate(PROBE, [handle.element_handle(), readout.element_handle()])
        rows, in_page, wall = [], [], []
        for move in range(1, args.moves + 1):
            before_value = lp.slider_value(box)
            before = lp.readout_text(area)
            t0 = time.perf_counter()
            lp.press_on_slider(box, "ArrowRight")
            lp.wait_for_readout_change(area, before)
            page.wait_for_function("() => window.__matgrad_bench.t1 !== null")
            w = (time.perf_counter() - t0) * 1000
            s = page.evaluate("() => window.__matgrad_bench")
            ms = s["t1"] - s["t0"]
            in_page.append(ms)
            wall.append(w)
            rows.append([move, f"{before_value:.2f} -> {lp.slider_value(box):.2f}", f"{ms:.1f}", f"{w:.1f}"])
        page.close()

    print(f"\n{nb.name}: JupyterLab up + notebook open {t_open - t_start:.1f}s, "
          f"Restart Kernel and Run All {t_ran - t_open:.1f}s\n")
    table(["move", args.slider, "in-page ms", "wall ms"], rows)
    print()
    table(["", "median ms", "p95 ms"],
          [["in-page (keydown -> readout)", f"{median(in_page):.1f}", f"{p95(in_page):.1f}"],
           ["wall (Playwright press -> seen)", f"{median(wall):.1f}", f"{p95(wall):.1f}"]])
    print(f"\n(p95 is nearest-rank over {args.moves} moves)")


if __name__ == "__main__":
    main()
