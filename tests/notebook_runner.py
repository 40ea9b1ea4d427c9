"""Run a notebook top to bottom in a fresh kernel, the way nbval talks to it.

The one kernel runner of the project: tools/refresh_notebooks.py stores the
outputs and widget state it collects; tests/test_binder.py runs it as a
script with the Binder venv's Python; benchmarks/bench_notebooks.py and
bench_widgets.py import it.

Why not nbclient: nbclient waits on its ZeroMQ sockets through asyncio, and
here a wake-up was sometimes missed, so one run in a few dozen sat until the
cell timeout (300 s, 900 s) and then carried on as if nothing had happened,
which made the timings nonsense; twice a run also ended in ``DeadKernelError``.
pyzmq's issue #1558 describes such a poll returning its event only at the
timeout. This runner uses jupyter_client's blocking client, whose channels
poll their sockets synchronously, as nbval's does; the reply of each cell is
awaited with a deadline, and a silent kernel is reported as such.

    python tests/notebook_runner.py NOTEBOOK [WORKING_DIR]

prints one line ``RESULT {json}`` (see ``NotebookRun.as_dict``).
"""

from __future__ import annotations

import base64
import json
import queue
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"

STARTUP_TIMEOUT = 60.0
CELL_TIMEOUT = 600.0


@dataclass
class NotebookRun:
    """What one top-to-bottom run produced.

    ``kernel_prefix``: ``sys.prefix`` of the kernel (which environment ran it);
    ``kernel_start_s``: from starting the kernel to its first kernel_info reply;
    ``cells_s``: wall time of every code cell, in order; ``total_s``: the whole
    run, kernel start and shutdown included; ``errors``: one dict per error
    output (``cell`` is the code cell's index among all cells); ``stdout``: the
    text every code cell printed, in order; ``outputs``: every code cell's
    outputs (nbformat dicts, as JupyterLab would store them); ``widgets``: the
    last state of every widget model the kernel opened (nbformat metadata).
    """

    notebook: str
    kernel_prefix: str = ""
    kernel_start_s: float = 0.0
    cells_s: list[float] = field(default_factory=list)
    total_s: float = 0.0
    errors: list[dict] = field(default_factory=list)
    stdout: list[str] = field(default_factory=list)
    outputs: list[list[dict]] = field(default_factory=list)
    widgets: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return asdict(self)


class _WidgetState:
    """The state of every widget model the kernel opened, kept up to date."""

    def __init__(self):
        self.models = {}

    def feed(self, msg: dict) -> None:
        kind, content = msg["msg_type"], msg["content"]
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            state = content["data"]["state"]
            self.models[content["comm_id"]] = {
                "model_name": state.get("_model_name"),
                "model_module": state.get("_model_module"),
                "model_module_version": state.get("_model_module_version"),
                "state": dict(state),
            }
            self._buffers(content["comm_id"], content["data"], msg)
        elif kind == "comm_msg" and content["comm_id"] in self.models and content["data"].get("method") == "update":
            self.models[content["comm_id"]]["state"].update(content["data"]["state"])
            self._buffers(content["comm_id"], content["data"], msg)
        elif kind == "comm_close":
            self.models.pop(content["comm_id"], None)

    def _buffers(self, comm_id: str, data: dict, msg: dict) -> None:
        paths, buffers = data.get("buffer_paths", []), msg.get("buffers", [])
        model = self.models[comm_id]
        kept = [b for b in model.get("buffers", []) if b["path"] not in paths]
        kept += [{"path": path, "encoding": "base64", "data": base64.b64encode(bytes(buffer)).decode("ascii")}
                 for path, buffer in zip(paths, buffers)]
        if kept:
            model["buffers"] = kept

    def metadata(self) -> dict:
        if not self.models:
            return {}
        return {WIDGET_STATE_MIME: {"state": self.models, "version_major": 2, "version_minor": 0}}


def _next_message(get_msg, kc, msg_id: str, deadline: float, what: str, widgets=None) -> dict:
    """The next message on one channel (``kc.get_iopub_msg`` or ``kc.get_shell_msg``)
    whose parent is ``msg_id``; raises if the kernel dies or ``deadline`` passes.
    Every message on the way is shown to ``widgets`` (a widget's update may come
    from another cell's callback)."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"{what} was not done within {CELL_TIMEOUT:.0f} s")
        try:
            msg = get_msg(timeout=min(remaining, 1.0))
        except queue.Empty:
            if not kc.is_alive():
                raise RuntimeError(f"the kernel died while running {what}") from None
            continue
        if widgets is not None:
            widgets.feed(msg)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def _output(kind: str, content: dict, count: int) -> dict:
    """One output as nbformat stores it."""
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind == "error":
        return {"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                "traceback": content["traceback"]}
    output = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
    if kind == "execute_result":
        output["execution_count"] = count
    return output


def _append(outputs: list, output: dict) -> None:
    """Consecutive writes to one stream become one output, as in JupyterLab."""
    last = outputs[-1] if outputs else None
    if output["output_type"] == "stream" and last and last["output_type"] == "stream" and last["name"] == output["name"]:
        last["text"] += output["text"]
    else:
        outputs.append(output)


def _run_code(kc, code: str, run: NotebookRun, cell_index: int, what: str, store_history: bool = True,
              widgets=None, count: int = 0) -> list[dict]:
    """Execute ``code``, record its error outputs in ``run``; return its outputs."""
    msg_id = kc.execute(code, store_history=store_history, allow_stdin=False)
    deadline = time.monotonic() + CELL_TIMEOUT
    outputs, clear_pending = [], False
    while True:
        msg = _next_message(kc.get_iopub_msg, kc, msg_id, deadline, what, widgets)
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            break
        if kind == "clear_output":
            outputs, clear_pending = (outputs, True) if content.get("wait") else ([], False)
        elif kind in ("stream", "display_data", "execute_result", "error"):
            if clear_pending:
                outputs, clear_pending = [], False
            _append(outputs, _output(kind, content, count))
            if kind == "error":
                run.errors.append({"cell": cell_index, "ename": content["ename"], "evalue": content["evalue"]})
    _next_message(kc.get_shell_msg, kc, msg_id, deadline, what, widgets)  # the execute_reply
    return outputs


def _printed(outputs: list[dict]) -> str:
    return "".join(o["text"] for o in outputs if o["output_type"] == "stream" and o["name"] == "stdout")


def run_notebook(path: str | Path, cwd: str | Path | None = None, kernel_name: str = "python3") -> NotebookRun:
    """Execute every code cell of ``path`` in order in a new kernel started in ``cwd``.

    Errors in cells are collected (the run goes on, like nbval's); a kernel
    that dies or a cell that outlives ``CELL_TIMEOUT`` raises.
    """
    import nbformat
    from jupyter_client.manager import KernelManager

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    run = NotebookRun(notebook=path.name)
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel(cwd=str(cwd or path.parent))
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        run.kernel_start_s = time.perf_counter() - t0
        # not stored in history and binds no name, so the notebook's state is untouched
        probe = _run_code(kc, "print(__import__('sys').prefix)", run, -1, "the sys.prefix probe", store_history=False)
        run.kernel_prefix = _printed(probe).strip()
        widgets = _WidgetState()
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t_cell = time.perf_counter()
            outputs = _run_code(kc, cell.source, run, index, f"cell {index}", widgets=widgets,
                                count=len(run.outputs) + 1)
            run.cells_s.append(time.perf_counter() - t_cell)
            run.outputs.append(outputs)
            run.stdout.append(_printed(outputs))
        while True:  # let the last widget updates arrive
            try:
                widgets.feed(kc.get_iopub_msg(timeout=0.5))
            except queue.Empty:
                break
        run.widgets = widgets.metadata()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        run.total_s = time.perf_counter() - t0
    return run


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    run = run_notebook(argv[1], argv[2] if len(argv) == 3 else None)
    print("RESULT " + json.dumps(run.as_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
