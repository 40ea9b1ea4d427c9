"""Run a notebook top to bottom in a fresh kernel, the way nbval talks to it.

Used by tests/test_binder.py (as a script, with the Binder venv's Python) and
by benchmarks/bench_notebooks.py (imported).

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

import json
import queue
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

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
    text every code cell printed, in order.
    """

    notebook: str
    kernel_prefix: str = ""
    kernel_start_s: float = 0.0
    cells_s: list[float] = field(default_factory=list)
    total_s: float = 0.0
    errors: list[dict] = field(default_factory=list)
    stdout: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return asdict(self)


def _next_message(get_msg, kc, msg_id: str, deadline: float, what: str) -> dict:
    """The next message on one channel (``kc.get_iopub_msg`` or ``kc.get_shell_msg``)
    whose parent is ``msg_id``; raises if the kernel dies or ``deadline`` passes."""
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
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def _run_code(kc, code: str, run: NotebookRun, cell_index: int, what: str, store_history: bool = True) -> str:
    """Execute ``code``, record its error outputs in ``run``; return what it printed."""
    msg_id = kc.execute(code, store_history=store_history, allow_stdin=False)
    deadline = time.monotonic() + CELL_TIMEOUT
    printed = []
    while True:
        msg = _next_message(kc.get_iopub_msg, kc, msg_id, deadline, what)
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream" and content.get("name") == "stdout":
            printed.append(content["text"])
        elif kind == "error":
            run.errors.append({"cell": cell_index, "ename": content["ename"], "evalue": content["evalue"]})
        elif kind == "status" and content["execution_state"] == "idle":
            break
    _next_message(kc.get_shell_msg, kc, msg_id, deadline, what)  # the execute_reply
    return "".join(printed)


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
        run.kernel_prefix = _run_code(kc, "print(__import__('sys').prefix)", run, -1,
                                      "the sys.prefix probe", store_history=False).strip()
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t_cell = time.perf_counter()
            run.stdout.append(_run_code(kc, cell.source, run, index, f"cell {index}"))
            run.cells_s.append(time.perf_counter() - t_cell)
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
