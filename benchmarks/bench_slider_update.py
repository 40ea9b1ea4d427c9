"""Latency of one homework-explorer slider update, inside an IPython kernel.

    .venv/bin/python benchmarks/bench_slider_update.py [--updates 100] [--slider w3_11]

Starts a fresh `python3` kernel (jupyter_client), displays a HomeworkExplorer
there (so its widgets have live comms, as in JupyterLab), then sets the
slider's value 100 times in small steps. Each update is what a slider move
triggers: recompute the network, loss, gradients, the step and the loss
curve, rewrite the readout, redraw the plot and send the new widget state
over the comms. The kernel times each update with perf_counter; this script
prints the median and p95, and the same figures for the parts (compute only,
plot only) measured in this process.
"""

import argparse
import json
import time

from jupyter_client.manager import start_new_kernel

from _common import median, p95, table

KERNEL_CODE = """
import json, time
from IPython.display import display
from matgrad.widgets import HomeworkExplorer
ex = HomeworkExplorer()
display(ex)
slider = ex.sliders[{slider!r}]
times = []
for i in range({updates}):
    step = 0.01 if (i // 20) % 2 == 0 else -0.01   # wander back and forth
    t0 = time.perf_counter()
    slider.value = round(slider.value + step, 2)   # the observer recomputes and redraws
    times.append(time.perf_counter() - t0)
print("TIMES" + json.dumps(times))
"""


def in_kernel(slider, updates):
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        out = []

        def keep(msg):
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                raise RuntimeError("\n".join(msg["content"]["traceback"]))

        kc.execute_interactive(KERNEL_CODE.format(slider=slider, updates=updates),
                               output_hook=keep, timeout=600)  # fmt: skip
        text = "".join(out)
        return json.loads(text[text.index("TIMES") + 5:].strip())
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def in_process(updates):
    from matgrad.widgets.explorer import HomeworkExplorer, explorer_state

    ex = HomeworkExplorer()
    compute, draw = [], []
    for i in range(updates):
        values = {**ex.values, "w3_11": 1.0 + 0.01 * (i % 20)}
        t0 = time.perf_counter()
        state = explorer_state(values, ex.lr, ex.selected)
        t1 = time.perf_counter()
        ex._figure.draw(state)
        t2 = time.perf_counter()
        compute.append(t1 - t0)
        draw.append(t2 - t1)
    return compute, draw


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--updates", type=int, default=100)
    ap.add_argument("--slider", default="w3_11")
    args = ap.parse_args()

    kernel = in_kernel(args.slider, args.updates)
    compute, draw = in_process(args.updates)
    ms = lambda xs: (f"{1000 * median(xs):.1f}", f"{1000 * p95(xs):.1f}", f"{1000 * max(xs):.1f}")  # noqa: E731
    print(f"HomeworkExplorer, {args.updates} updates of slider {args.slider}\n")
    table(["what", "median ms", "p95 ms", "max ms"], [
        ["full update in a kernel (recompute + redraw + comms)", *ms(kernel)],
        ["  recompute only (explorer_state)", *ms(compute)],
        ["  redraw only (plot to PNG)", *ms(draw)],
    ])  # fmt: skip
    verdict = "under" if median(kernel) < 0.050 else "OVER"
    print(f"\nmedian full update {1000 * median(kernel):.1f} ms: {verdict} the 50 ms budget")


if __name__ == "__main__":
    main()
