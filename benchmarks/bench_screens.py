"""How long each notebook is to read: its height in screens at 1280x800 in JupyterLab.

    .venv/bin/python benchmarks/bench_screens.py [NOTEBOOK ...]

Each notebook is opened (stored outputs, no kernel run) in JupyterLab in
Chromium with a 1280x800 window and every cell laid out (no windowing);
folded cells stay folded, as a student first sees them. A screen is the
height of the notebook's visible area; the count is the notebook's full
height divided by it.
"""

import json
import sys
from pathlib import Path

from _common import REPO, import_test_helper, table

lab_harness = import_test_helper("lab_harness")


def screens(names):
    """``{name: (screens, cells)}`` for each notebook file name in notebooks/."""
    results = {}
    with lab_harness.LabServer() as server:
        tracker = Path(server._tmp.name) / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True, exist_ok=True)
        tracker.write_text(json.dumps({"windowingMode": "none"}))
        with lab_harness.chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            lab = lab_harness.LabPage(page, server)
            for name in names:
                lab.open(name)
                page.wait_for_timeout(1500)  # MathJax and images settle
                height, visible, cells = page.evaluate("""() => {
                    const panel = window.jupyterapp.shell.currentWidget.content;
                    const scroller = panel.node.querySelector('.jp-WindowedPanel-outer') || panel.node;
                    return [scroller.scrollHeight, scroller.clientHeight, panel.widgets.length];
                }""")
                results[name] = (height / visible, cells)
    return results


def main(argv):
    names = [Path(a).name for a in argv[1:]] or sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    rows = [[name, f"{count:.1f}", cells] for name, (count, cells) in screens(names).items()]
    table(["notebook", "screens at 1280x800", "cells"], rows)


if __name__ == "__main__":
    main(sys.argv)
