"""Browser half of benchmarks/bench_widgets.py: key press -> output changed and painted.

Works on a :class:`lab_harness.LabPage` whose notebook has been run. The
kernel is asked (through JupyterLab's own kernel connection) to tag every
widget with CSS classes (``_widget_probe.tag``); then, for one control at a
time, an in-page probe records:

* ``t0`` -- ``performance.now()`` at the keydown on the control (capture phase);
* every DOM mutation inside the widget but outside the moved control (the
  control's own readout and the kernel's echo of its value do not count);
* for each mutation batch: wait until the images it touched are decoded, then
  two ``requestAnimationFrame`` callbacks (the frame with the change has been
  produced); the time of the last batch's paint is ``painted``.

A move is complete when nothing has changed for ``QUIET_MS``; its latency is
``painted - t0``. Sliders are moved with ArrowRight/ArrowLeft on the focused
handle, bouncing at the ends. A dropdown is moved as a mouse choice lands:
the page selects the next option and fires ``change`` (JupyterLab keeps
arrow keys for moving between cells), with ``t0`` taken just before.
Two animation frames after the change is an upper bound on its paint: the
change is painted in the first frame, so up to one frame (~17 ms) is extra.
"""

import json

QUIET_MS = 300
MOVE_TIMEOUT_MS = 15_000

RUN_IN_KERNEL = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, store_history: false});
  let out = '', error = null;
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') out += msg.content.text;
    if (msg.header.msg_type === 'error') error = msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return {out, error};
}"""

CELL_OF = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  const panel = window.jupyterapp.shell.currentWidget;
  return panel.content.widgets.findIndex(cell => cell.node.contains(el));
}"""

INSTALL = """([rootSelector, controlSelector]) => {
  const root = document.querySelector(rootSelector), control = document.querySelector(controlSelector);
  const old = window.__mgb;
  if (old) { old.observer.disconnect(); document.removeEventListener('keydown', old.onkey, true); }
  const s = window.__mgb = {t0: null, last: null, painted: null};
  s.onkey = (e) => { if (control.contains(e.target)) { s.t0 = performance.now(); s.last = null; s.painted = null; } };
  document.addEventListener('keydown', s.onkey, true);
  s.observer = new MutationObserver((records) => {
    if (s.t0 === null) return;
    const relevant = records.filter(r => !control.contains(r.target));
    if (!relevant.length) return;
    const stamp = s.last = performance.now();
    const images = new Set();
    for (const r of relevant) {
      if (r.target.tagName === 'IMG') images.add(r.target);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.tagName === 'IMG') images.add(n);
        n.querySelectorAll('img').forEach(i => images.add(i));
      }
    }
    Promise.all([...images].map(i => i.decode().catch(() => null))).then(() =>
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (s.last === stamp) s.painted = performance.now();
      })));
  });
  s.observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
}"""

SETTLED = """(quiet) => {
  const s = window.__mgb;
  return s.t0 !== null && s.last !== null && s.painted !== null && s.painted >= s.last
         && performance.now() - s.last >= quiet;
}"""

CHOOSE = """([selector, index]) => {
  const select = document.querySelector(selector).querySelector('select');
  const s = window.__mgb;
  s.t0 = performance.now(); s.last = null; s.painted = null;
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change', {bubbles: true}));
}"""

# where the control is now: (position, last position) of a slider handle or a select
POSITION = """(el) => {
  const select = el.querySelector('select');
  if (select) return [select.selectedIndex, select.options.length - 1];
  const handle = el.querySelector('.noUi-handle');
  if (!handle) return null;
  const now = parseFloat(handle.getAttribute('aria-valuenow'));
  return [now - parseFloat(handle.getAttribute('aria-valuemin')),
          parseFloat(handle.getAttribute('aria-valuemax')) - parseFloat(handle.getAttribute('aria-valuemin'))];
}"""


def run_in_kernel(page, code):
    """Execute ``code`` in the notebook's kernel; return what it printed."""
    result = page.evaluate(RUN_IN_KERNEL, code)
    if result["error"]:
        raise RuntimeError(f"the kernel raised {result['error']} running:\n{code}")
    return result["out"]


def tag_widgets(page, probe_dir, parse):
    """Tag the kernel's widgets (CSS classes) and return their descriptions, each with its DOM cell."""
    code = (f"import sys\nif {str(probe_dir)!r} not in sys.path: sys.path.insert(0, {str(probe_dir)!r})\n"
            "import _widget_probe\n_widget_probe.tag()")  # fmt: skip
    widgets = parse(run_in_kernel(page, code))
    for w in widgets:
        selector = f".mgb-w{w['index']}"
        try:  # the class reaches the DOM with the next state message
            page.wait_for_selector(selector, state="attached", timeout=10_000)
            w["cell"] = page.evaluate(CELL_OF, selector)
        except Exception:  # noqa: BLE001 -- a widget that was made but never displayed
            w["cell"] = None
    return widgets


def measure_control(page, widget_index, control_index, control, moves):
    """Latencies (ms) of ``moves`` key presses on one control; ``None`` for a move that changed nothing."""
    root = f".mgb-w{widget_index}"
    box = page.locator(f".mgb-w{widget_index}-c{control_index}")
    target = box.locator("select, .noUi-handle").first
    target.scroll_into_view_if_needed()
    page.evaluate(INSTALL, [root, f".mgb-w{widget_index}-c{control_index}"])
    selector = f".mgb-w{widget_index}-c{control_index}"
    direction, latencies = 1, []
    for _ in range(moves):
        position, last = page.evaluate(POSITION, box.element_handle())
        if (direction > 0 and position >= last - 1e-9) or (direction < 0 and position <= 1e-9):
            direction = -direction
        if "options" in control and "Slider" not in control["type"]:  # a SelectionSlider moves by keys
            page.evaluate(CHOOSE, [selector, int(position) + direction])
        else:
            target.focus()
            page.keyboard.press("ArrowRight" if direction > 0 else "ArrowLeft")
        try:
            page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=MOVE_TIMEOUT_MS, polling=50)
        except Exception:  # noqa: BLE001 -- nothing changed: reported, not fatal
            latencies.append(None)
            continue
        state = page.evaluate("() => ({t0: window.__mgb.t0, painted: window.__mgb.painted})")
        latencies.append(state["painted"] - state["t0"])
    return latencies


def shutdown_kernel(page):
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")


def describe(widgets):
    """A one-line summary for the log."""
    return json.dumps([(w["label"], w["cell"], [c["name"] for c in w["controls"]]) for w in widgets])
