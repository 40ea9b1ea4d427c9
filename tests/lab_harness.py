"""Drive a real JupyterLab in Debian's Chromium (Playwright, sync API).

Used by tests/test_browser.py and benchmarks/bench_widgets.py.

* ``LabServer``: JupyterLab on 127.0.0.1, a free port, a random token, with
  its own runtime/settings/workspace folders, serving a *copy* of notebooks/;
  stopped (with its kernels) on exit, even after a failure.
* ``chromium()``: Chromium launched by Playwright: Debian's /usr/bin/chromium,
  else Playwright's own, else a system Chrome (``pick_chromium``).
* ``LabPage``: open a notebook, Restart Kernel and Run All Cells through the
  Kernel menu, wait for the fresh run to finish, and read or move widgets.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
READOUT_LINE = re.compile(r"^\s*(loss|dL/d\w+)\s*=\s*(-?\d+\.\d+)\s*$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_readout(text: str) -> dict[str, str]:
    """``{'loss': '18.123456', 'dL/dw3_11': '6.123456', ...}`` from readout text.

    >>> parse_readout("loss = 1.500000\\ndL/dw3_11 = -0.250000\\n")
    {'loss': '1.500000', 'dL/dw3_11': '-0.250000'}
    """
    return {name: value for name, value in READOUT_LINE.findall(text)}


class LabServer(contextlib.AbstractContextManager):
    """JupyterLab serving a temporary copy of ``source`` (never the tracked files)."""

    def __init__(self, source: Path = REPO / "notebooks", startup_timeout: float = 120):
        self.source = Path(source)
        self.startup_timeout = startup_timeout
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._tmp = None

    def __enter__(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="matgrad-lab-")
        tmp = Path(self._tmp.name)
        self.root = tmp / "notebooks"
        shutil.copytree(self.source, self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = tmp / "settings"
        # No news or update checks: there is no network, and no toast over the page.
        notif = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
        notif.parent.mkdir(parents=True)
        notif.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
               "JUPYTER_PREFER_ENV_PATH": "1", "PYTHONUNBUFFERED": "1"}
        env.pop("JUPYTER_CONFIG_DIR", None)
        self.log_path = tmp / "jupyterlab.log"
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--allow-root", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--ServerApp.token={self.token}", "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={self.root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
            "--LabApp.expose_app_in_browser=True",
        ]
        self._log = open(self.log_path, "wb")
        # Own process group, so stop() can end the server and whatever it started in that group.
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env,
                                     stdin=subprocess.DEVNULL, start_new_session=True, cwd=tmp)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self):
        deadline = time.monotonic() + self.startup_timeout
        status = f"{self.url}/api/status?token={self.token}"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.proc.returncode}:\n{self.log()}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(status, timeout=2) as r:
                    if r.status == 200:
                        return
            time.sleep(0.25)
        raise TimeoutError(f"JupyterLab did not answer within {self.startup_timeout}s:\n{self.log()}")

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return self.log_path.read_text(errors="replace")[-6000:]
        return ""

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={self.token}&reset"

    def stop(self):
        if self.proc and self.proc.poll() is None:
            pgid = self.proc.pid  # == its process group id (start_new_session)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            # on SIGTERM the server shut its kernels down (each runs in a session of its own);
            # whatever else is left in the server's group goes now
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        if getattr(self, "_log", None):
            self._log.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __exit__(self, *exc):
        self.stop()
        return False


# Chrome on PATH, for machines with neither Debian's nor Playwright's Chromium
SYSTEM_CHROMES = ("google-chrome", "google-chrome-stable", "chromium", "chromium-browser")


def pick_chromium(playwright_chromium, exists=os.path.exists, which=shutil.which) -> str | None:
    """The browser to drive: Debian's /usr/bin/chromium (here and in .ci/run),
    else Playwright's own Chromium (``playwright install chromium``, as the
    GitHub workflow does), else the first of ``SYSTEM_CHROMES`` on PATH;
    None when there is none. ``playwright_chromium()`` returns the path
    Playwright would launch; it is called only when Debian's is missing.

    >>> pick_chromium(lambda: "/pw/chrome", exists=lambda path: path == "/pw/chrome", which=lambda name: None)
    '/pw/chrome'
    """
    if exists(CHROMIUM):
        return CHROMIUM
    bundled = playwright_chromium()
    if bundled and exists(bundled):
        return bundled
    for name in SYSTEM_CHROMES:
        if found := which(name):
            return found
    return None


def find_chromium() -> str | None:
    """``pick_chromium`` on this machine (may start Playwright's driver once)."""
    def playwright_chromium() -> str:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            return p.chromium.executable_path

    return pick_chromium(playwright_chromium)


@contextlib.contextmanager
def chromium(headless: bool = True):
    """The browser ``pick_chromium`` chooses, through Playwright; closed on exit, even after a failure."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        executable = pick_chromium(lambda: p.chromium.executable_path)
        if executable is None:
            raise FileNotFoundError(f"no browser: neither {CHROMIUM}, nor Playwright's Chromium "
                                    f"(playwright install chromium), nor any of {', '.join(SYSTEM_CHROMES)} on PATH")
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=headless)
        try:
            yield browser
        finally:
            browser.close()


# JS: open notebook ``name`` in the running JupyterLab (a new tab, or its tab brought to the front).
_OPEN_TAB = "(name) => { window.jupyterapp.commands.execute('docmanager:open', {path: name}); }"

# JS that reports the state of the current notebook's fresh run.
_RUN_STATE = """() => {
  const s = window.__matgrad_run;
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const counts = cells.map(c => c.model.executionCount);
  const errors = [...panel.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')].map(e => e.innerText.slice(0, 2000));
  const pending = [...panel.node.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'));
  const status = panel.sessionContext.session?.kernel?.status;
  if (errors.length) return {state: 'error', errors, counts, status};
  const done = s.restarted && s.busyAfterRestart && status === 'idle' && !pending
               && counts.every(n => n !== null);
  return done ? {state: 'done', counts, status} : null;
}"""


# JS: every output area, code editor and rendered Markdown of the current
# notebook whose content is wider than its box (scrollWidth > clientWidth + 1),
# and every element inside an output that hides or scrolls what it cannot fit
# (overflow-x not 'visible') or is a formula (MathJax's container). Cells off screen are measured too (JupyterLab
# skips their layout with content-visibility; the override lays them out).
# ``widget`` says whether the output holds a matgrad widget (.matgrad-widget).
_OVERFLOWS = """() => {
  if (!document.getElementById('matgrad-measure-all')) {
    const style = document.createElement('style');
    style.id = 'matgrad-measure-all';
    style.textContent = '.jp-Cell, .jp-Notebook .jp-WindowedPanel-viewport > * { content-visibility: visible !important; }';
    document.head.appendChild(style);
  }
  const panel = window.jupyterapp.shell.currentWidget;
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className
                                                   ? '.' + el.className.trim().split(/\\s+/)[0] : '');
  panel.content.widgets.forEach((cell, index) => {
    const report = (el, what) => {
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        const output = el.closest('.jp-OutputArea-output');
        found.push({cell: index, what, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
                    cellWidth: cell.node.clientWidth, widget: !!(output && output.querySelector('.matgrad-widget'))});
      }
    };
    cell.node.querySelectorAll('.jp-OutputArea-output').forEach(out => {
      report(out, 'output');
      out.querySelectorAll('*').forEach(el => {
        // MathJax's own parts (stretchy delimiters) clip on purpose; its container is checked
        if (el.parentElement.closest('mjx-container')) return;
        if (el.tagName === 'MJX-CONTAINER' || getComputedStyle(el).overflowX !== 'visible')
          report(el, 'inside an output: ' + name(el));
      });
    });
    cell.node.querySelectorAll('.cm-scroller').forEach(el => report(el, 'code'));
    cell.node.querySelectorAll('.jp-RenderedMarkdown').forEach(el => report(el, 'markdown'));
  });
  return found;
}"""


class LabPage:
    """One JupyterLab page showing one notebook."""

    def __init__(self, page, server: LabServer):
        self.page = page
        self.server = server

    def open(self, name: str, timeout_ms: float = 120_000):
        """Open notebook ``name``: the first time by loading JupyterLab at its URL, later in a
        new tab of the same JupyterLab (no second page load); wait until its kernel is idle."""
        page = self.page
        if page.evaluate("() => !!(window.jupyterapp && window.jupyterapp.shell)"):
            page.evaluate(_OPEN_TAB, name)
        else:
            page.goto(self.server.notebook_url(name), wait_until="domcontentloaded", timeout=timeout_ms)
        page.wait_for_function(
            """(name) => {
                 const app = window.jupyterapp;
                 const w = app && app.shell && app.shell.currentWidget;
                 return !!(w && w.context && w.context.path.endsWith(name) && w.sessionContext
                           && w.sessionContext.session && w.sessionContext.session.kernel
                           && w.sessionContext.session.kernel.status === 'idle'
                           && w.content.widgets.length > 0);
               }""", arg=name, timeout=timeout_ms)
        return self

    def switch_to(self, name: str):
        """Bring the tab of ``name`` (opened before with :meth:`open`) to the front, and wait until
        it is visible and laid out (two frames later), as a reader would see it."""
        page = self.page
        page.evaluate(_OPEN_TAB, name)
        page.wait_for_function("(name) => window.jupyterapp.shell.currentWidget?.context?.path === name"
                               " && window.jupyterapp.shell.currentWidget.isVisible", arg=name)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        return self

    def run_all_in_the_new_kernel(self, timeout_ms: float = 600_000) -> dict:
        """Right after :meth:`open` (its kernel has just started and run nothing): clear every
        output (execution counts become empty), Run > Run All Cells, and wait until every code
        cell has run, in order, with counts 1..N. The same check as
        :meth:`restart_and_run_all`, without starting a second kernel."""
        page = self.page
        page.evaluate("""async () => {
            const app = window.jupyterapp;
            await app.commands.execute('notebook:clear-all-cell-outputs');
            window.__matgrad_run = {restarted: true, busyAfterRestart: false, statuses: []};
            const s = window.__matgrad_run;
            app.shell.currentWidget.sessionContext.statusChanged.connect((_, status) => {
              s.statuses.push(status);
              if (status === 'busy') s.busyAfterRestart = true;
            });
            app.commands.execute('notebook:run-all-cells');
        }""")
        return self._wait_for_run(timeout_ms)

    def wait_for_widgets(self, timeout_ms: float = 60_000) -> int:
        """Wait until every widget output of the current notebook shows its rendered view;
        return how many there are (views appear a little after the cells finish)."""
        handle = self.page.wait_for_function("""() => {
            const panel = window.jupyterapp.shell.currentWidget;
            const mime = 'application/vnd.jupyter.widget-view+json';
            let expected = 0;  // widget outputs in the notebook's model
            for (const cell of panel.content.widgets) {
              const outputs = cell.model.outputs;
              for (let i = 0; outputs && i < outputs.length; i++) expected += mime in outputs.get(i).data;
            }
            const shown = panel.node.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length;
            return shown >= expected ? {expected} : null;  // an object: 0 widgets is done too
        }""", timeout=timeout_ms, polling=100)
        return handle.json_value()["expected"]

    def restart_and_run_all(self, timeout_ms: float = 600_000) -> dict:
        """Kernel menu > Restart Kernel and Run All Cells..., accept the dialog,
        and wait until the fresh kernel has run every code cell and is idle."""
        page = self.page
        page.evaluate("""() => {
            const panel = window.jupyterapp.shell.currentWidget;
            const s = window.__matgrad_run = {restarted: false, busyAfterRestart: false, statuses: []};
            panel.sessionContext.statusChanged.connect((_, status) => {
              s.statuses.push(status);
              if (status === 'restarting' || status === 'autorestarting' || status === 'starting') s.restarted = true;
              else if (status === 'busy' && s.restarted) s.busyAfterRestart = true;
            });
        }""")
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).click()
        page.locator(".lm-Menu-item:visible", has_text="Restart Kernel and Run All Cells").click()
        page.locator(".jp-Dialog .jp-mod-accept").click(timeout=30_000)
        return self._wait_for_run(timeout_ms)

    def _wait_for_run(self, timeout_ms: float) -> dict:
        page = self.page
        handle = page.wait_for_function(_RUN_STATE, timeout=timeout_ms, polling=200)
        result = handle.json_value()
        if result["state"] == "error":
            raise AssertionError("a cell raised during Restart Kernel and Run All:\n" + "\n".join(result["errors"]))
        n = len(result["counts"])
        assert result["counts"] == list(range(1, n + 1)), f"execution counts after run-all: {result['counts']}"
        return result

    # ------------------------------------------------------------ geometry
    def show_file_browser(self):
        """Open the left sidebar on the file browser (as a student's window usually is)."""
        self.page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
        self.page.locator(".jp-FileBrowser").first.wait_for(state="visible", timeout=30_000)

    def overflows(self) -> list[dict]:
        """Everything wider than the room it has, per cell (see ``_OVERFLOWS``)."""
        return self.page.evaluate(_OVERFLOWS)

    # ------------------------------------------------------------- widgets
    def explorer_output(self, readout_class: str = "matgrad-readout"):
        """The output area that holds the readout (and so the explorer's sliders)."""
        area = self.page.locator(".jp-OutputArea", has=self.page.locator(f".{readout_class}")).last
        area.wait_for(state="visible", timeout=60_000)
        return area

    def slider(self, area, description: str):
        box = area.locator(".widget-slider", has=self.page.locator(
            ".widget-label", has_text=re.compile(rf"^\s*{re.escape(description)}\s*$")))
        if box.count() != 1:
            raise AssertionError(f"expected one slider {description!r}, found {box.count()}")
        return box

    @staticmethod
    def slider_value(box) -> float:
        return float(box.locator(".widget-readout").inner_text().strip())

    @staticmethod
    def readout_text(area, readout_class: str = "matgrad-readout") -> str:
        return area.locator(f".{readout_class}").inner_text()

    def press_on_slider(self, box, key: str = "ArrowRight"):
        handle = box.locator(".noUi-handle")
        handle.focus()
        self.page.keyboard.press(key)

    def wait_for_readout_change(self, area, before: str, timeout_ms: float = 30_000,
                                readout_class: str = "matgrad-readout") -> str:
        self.page.wait_for_function(
            """([el, before]) => el.innerText !== before""",
            arg=[area.locator(f".{readout_class}").element_handle(), before], timeout=timeout_ms, polling=10)
        return self.readout_text(area, readout_class)
