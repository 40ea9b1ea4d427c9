"""Re-execute course notebooks top to bottom in a fresh kernel and store their outputs.

    .venv/bin/python tools/refresh_notebooks.py                   # every notebook
    .venv/bin/python tools/refresh_notebooks.py notebooks/04-*.ipynb

This is how an edited notebook gets the stored outputs that nbval compares:
every code cell runs once, in order (execution counts 1..N), its outputs
replace the old ones, and the state of every widget is saved in the
notebook's metadata (so JupyterLab and nbviewer can show the widgets before
the kernel runs). A cell that raises stops the refresh of that notebook and
leaves the file as it was; the exit code is 1 if any notebook failed.

It talks to the kernel with jupyter_client's blocking client, as nbval does
(see tests/notebook_runner.py for why not nbclient).
"""

from __future__ import annotations

import base64
import queue
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]
CELL_TIMEOUT = 600.0
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"


class CellError(RuntimeError):
    """A cell raised: the notebook is not written."""


def _message(kc, channel: str, msg_id: str, deadline: float) -> dict:
    get = kc.get_iopub_msg if channel == "iopub" else kc.get_shell_msg
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"a cell ran longer than {CELL_TIMEOUT:.0f} s")
        try:
            msg = get(timeout=min(remaining, 5.0))
        except queue.Empty:
            if not kc.is_alive():
                raise RuntimeError("the kernel died") from None
            continue
        if channel == "iopub" or msg["parent_header"].get("msg_id") == msg_id:
            return msg


class _WidgetState:
    """The state of every widget model the kernel opened, kept up to date."""

    def __init__(self):
        self.models = {}

    def feed(self, msg: dict) -> None:
        kind, content = msg["msg_type"], msg["content"]
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            data = content["data"]
            self.models[content["comm_id"]] = {
                "model_name": data["state"].get("_model_name"),
                "model_module": data["state"].get("_model_module"),
                "model_module_version": data["state"].get("_model_module_version"),
                "state": dict(data["state"]),
            }
            self._buffers(content["comm_id"], data, msg)
        elif kind == "comm_msg" and content["comm_id"] in self.models:
            data = content["data"]
            if data.get("method") == "update":
                self.models[content["comm_id"]]["state"].update(data["state"])
                self._buffers(content["comm_id"], data, msg)
        elif kind == "comm_close":
            self.models.pop(content["comm_id"], None)

    def _buffers(self, comm_id: str, data: dict, msg: dict) -> None:
        paths, buffers = data.get("buffer_paths", []), msg.get("buffers", [])
        model = self.models[comm_id]
        kept = [b for b in model.get("buffers", []) if b["path"] not in paths]
        for path, buffer in zip(paths, buffers):
            kept.append({"path": path, "encoding": "base64",
                         "data": base64.b64encode(bytes(buffer)).decode("ascii")})
        if kept:
            model["buffers"] = kept

    def metadata(self) -> dict:
        return {WIDGET_STATE_MIME: {"state": self.models, "version_major": 2, "version_minor": 0}}


def _output(kind: str, content: dict, count: int):
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=content["name"], text=content["text"])
    if kind in ("display_data", "execute_result"):
        extra = {"execution_count": count} if kind == "execute_result" else {}
        return nbformat.v4.new_output(kind, data=content["data"], metadata=content.get("metadata", {}), **extra)
    return nbformat.v4.new_output("error", ename=content["ename"], evalue=content["evalue"],
                                  traceback=content["traceback"])


def _append(outputs: list, output) -> None:
    """Consecutive writes to one stream become one output, as in JupyterLab."""
    last = outputs[-1] if outputs else None
    if output.output_type == "stream" and last is not None and last.output_type == "stream" \
            and last.name == output.name:
        last.text += output.text
    else:
        outputs.append(output)


def _run_cell(kc, cell, count: int, widgets: _WidgetState) -> None:
    msg_id = kc.execute(cell.source, store_history=True, allow_stdin=False)
    deadline = time.monotonic() + CELL_TIMEOUT
    outputs, clear_pending = [], False
    while True:
        msg = _message(kc, "iopub", msg_id, deadline)
        widgets.feed(msg)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            break
        if kind == "clear_output":
            if content.get("wait"):
                clear_pending = True
            else:
                outputs = []
            continue
        if kind in ("stream", "display_data", "execute_result", "error"):
            if clear_pending:
                outputs, clear_pending = [], False
            _append(outputs, _output(kind, content, count))
    _message(kc, "shell", msg_id, deadline)
    cell.outputs = outputs
    cell.execution_count = count
    errors = [o for o in outputs if o.output_type == "error"]
    if errors:
        raise CellError(f"{errors[0].ename}: {errors[0].evalue}")


def refresh(path: Path) -> float:
    """Execute ``path`` in a fresh kernel (working directory: its folder) and write it back."""
    nb = nbformat.read(path, as_version=4)
    widgets = _WidgetState()
    km = KernelManager(kernel_name="python3")
    started = time.perf_counter()
    km.start_kernel(cwd=str(path.parent))
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        count = 0
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            count += 1
            try:
                _run_cell(kc, cell, count, widgets)
            except CellError as error:
                raise CellError(f"{path.name}, cell {index}: {error}") from None
        # let the last widget updates arrive
        while True:
            try:
                widgets.feed(kc.get_iopub_msg(timeout=0.5))
            except queue.Empty:
                break
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    if widgets.models:
        nb.metadata["widgets"] = widgets.metadata()
    else:
        nb.metadata.pop("widgets", None)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv[1:]] or sorted((REPO / "notebooks").glob("*.ipynb"))
    failed = 0
    for path in paths:
        try:
            seconds = refresh(path)
        except (CellError, TimeoutError, RuntimeError) as error:
            failed += 1
            print(f"FAILED {path.name}: {error} (file left unchanged)")
            continue
        print(f"refreshed {path.relative_to(REPO) if path.is_relative_to(REPO) else path} in {seconds:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
