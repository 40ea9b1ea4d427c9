"""A student's path through the notebooks, in a real browser.

One JupyterLab (serving a temporary copy of notebooks/) and one Chromium for
the whole session; each notebook is opened once in a 1280 x 800 window with
the file browser open and run with Kernel > Restart Kernel and Run All Cells.

* The homework explorer (06): focus the w3_11 slider and press ArrowRight;
  the readout must then show the loss and gradients that
  ``matgrad.course.homework`` computes for the moved weight, to the 6 printed
  decimals. Contract with the explorer (lib/matgrad/widgets/explorer.py):
  one FloatSlider per parameter, described by its name (weights step 0.01),
  plus ``lr``; an HTML readout with CSS class ``matgrad-readout`` holding
  lines like ``loss = 18.123456`` and ``dL/dw3_11 = 6.123456``.
* Every notebook: while its widgets are live, their static twins are hidden
  (JupyterLab unfolds outputs on Run All, so folding alone does not do it).
* Every notebook: nothing is wider than its cell (static twins included) -- no output area, code
  editor or rendered Markdown has scrollWidth > clientWidth + 1, and nothing
  inside an output hides or scrolls what it cannot fit (a screenshot-free
  geometry check, ``LabPage.overflows``); the message says whether a matgrad
  widget or the notebook's own content (a code line, a printed matrix, a
  formula) is too wide, with the notebook, cell index and widths.
"""

import os

import nbformat
import pytest

from tests.lab_harness import CHROMIUM, REPO, LabPage, LabServer, chromium, find_chromium, parse_readout

pytestmark = pytest.mark.slow

NOTEBOOK = "06-worked-homework.ipynb"
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
WINDOW = {"width": 1280, "height": 800}
PARAMETERS = ["w1_11", "w1_12", "b1_1", "b1_2", "w2_11", "w2_12", "w2_21", "w2_22",
              "b2_1", "b2_2", "w3_11", "w3_21", "b3_1"]
MOVED = "w3_11"
STEP = 0.01
ARTIFACTS = REPO / "artifacts"


def expected_readout(**overrides) -> dict[str, str]:
    """The numbers the library gives for the homework network, printed like the readout."""
    from matgrad.course import homework

    net = homework.network(**overrides)
    yhat, _ = net.forward(homework.X)
    values = {"loss": float(homework.LOSS.value(yhat, homework.Y))}
    values.update({f"dL/d{name}": float(g) for name, g in homework.gradients_by_name(net).items()})
    return {k: f"{v:.6f}" for k, v in values.items()}


@pytest.fixture(scope="module")  # each closed when this file is done, not when the run ends
def browser():
    if find_chromium() is None:
        reason = (f"no browser: {CHROMIUM} is missing (apt-get install -y chromium), and so are "
                  "Playwright's Chromium (.venv/bin/playwright install chromium) and a system Chrome")
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def lab():
    if not (REPO / "notebooks" / NOTEBOOK).exists():
        pytest.fail(f"notebooks/{NOTEBOOK} does not exist yet", pytrace=False)
    with LabServer(REPO / "notebooks") as server:
        yield server


@pytest.fixture(scope="module")
def notebook_run(browser, lab):
    """``notebook_run(name)``: the LabPage of ``name`` after every cell ran once, in order, in the
    kernel its tab started (once per module; the same as Restart Kernel and Run All).

    One page, one tab per notebook. Notebooks run one after the other: on two
    cores, running them all at once was slower (each page took 20-30 s to open
    while the others ran)."""
    page = browser.new_page(viewport=WINDOW)
    page.set_default_timeout(60_000)
    lp, done = LabPage(page, lab), set()

    def run(name):
        if name not in done:
            lp.open(name)  # a new tab in the one JupyterLab page: its JavaScript loads once
            lp.show_file_browser()
            lp.run_all_in_the_new_kernel()  # the tab's kernel has just started: a fresh run
            lp.wait_for_widgets()
            done.add(name)
        else:
            lp.switch_to(name)  # its tab, run before
        return lp

    yield run
    page.close()


def test_homework_explorer_slider_updates_loss_and_gradients(notebook_run, lab):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "browser-06-worked-homework.png"
    lp = notebook_run(NOTEBOOK)
    page = lp.page
    ok = False
    try:
        area = lp.explorer_output()
        area.scroll_into_view_if_needed()
        for name in PARAMETERS + ["lr"]:
            lp.slider(area, name)  # each exists exactly once
        box = lp.slider(area, MOVED)
        before_value = lp.slider_value(box)
        before_text = lp.readout_text(area)
        before = parse_readout(before_text)
        assert set(before) == {"loss"} | {f"dL/d{p}" for p in PARAMETERS}, before_text
        # The default state shows the library's numbers (checks the parsing, too).
        assert before == expected_readout(**{MOVED: before_value})

        lp.press_on_slider(box, "ArrowRight")
        after_text = lp.wait_for_readout_change(area, before_text)
        after_value = lp.slider_value(box)
        assert after_value == pytest.approx(before_value + STEP, abs=1e-9), "one key press is one step"

        after = parse_readout(after_text)
        expected = expected_readout(**{MOVED: after_value})
        assert after["loss"] == expected["loss"] != before["loss"]
        assert after[f"dL/d{MOVED}"] == expected[f"dL/d{MOVED}"] != before[f"dL/d{MOVED}"]
        assert after == expected
        ok = True
    finally:
        if not ok:
            shot = ARTIFACTS / "browser-06-worked-homework-FAILED.png"
        try:
            page.screenshot(path=str(shot), full_page=False)
            print(f"\nscreenshot: {shot}")
        except Exception as exc:  # the page may be gone; the test result matters more
            print(f"\nno screenshot ({exc})")
        if not ok:
            print("JupyterLab log (tail):\n" + lab.log())


def _described(problems, notebook):
    return "\n".join(f"{notebook} cell {p['cell']}: {p['what']} is {p['scrollWidth']} px wide in "
                     f"{p['clientWidth']} px (cell {p['cellWidth']} px)" for p in problems)  # fmt: skip


SHOW_TWINS = """() => {
  const style = document.createElement('style');
  style.id = 'matgrad-show-twins';
  style.textContent = '.jp-OutputArea-child:has(.matgrad-twin) {display: flex !important}';
  document.head.appendChild(style);
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_nothing_is_wider_than_its_cell_at_1280_by_800_with_the_file_browser_open(notebook_run, notebook):
    lp = notebook_run(notebook)
    assert lp.page.locator(".jp-FileBrowser").first.is_visible()
    # the static twins (hidden while their widgets are live) are measured too: they are what a
    # reader without a kernel sees, and the stepper's twin shows all of its formulas at once
    lp.page.evaluate(SHOW_TWINS)
    try:
        problems = lp.overflows()
    finally:
        lp.page.evaluate("() => document.getElementById('matgrad-show-twins').remove()")
    in_widgets = [p for p in problems if p["widget"]]
    assert not in_widgets, "a matgrad widget is wider than its cell:\n" + _described(in_widgets, notebook)
    content = [p for p in problems if not p["widget"]]
    assert not content, "notebook content is wider than its cell:\n" + _described(content, notebook)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_a_static_twin_is_hidden_while_its_widget_is_live(notebook_run, notebook):
    # JupyterLab unfolds every output on Run All; the twin's own style rule must hide it,
    # so that a stepper is not spoiled by all of its steps printed right below it.
    cells = nbformat.read(REPO / "notebooks" / notebook, as_version=4).cells
    widget_cells = sum("widget" in cell.metadata.get("tags", []) for cell in cells)
    if not widget_cells:
        pytest.skip(f"{notebook} shows no widget")
    lp = notebook_run(notebook)
    state = lp.page.evaluate("""() => {
      const notebook = window.jupyterapp.shell.currentWidget.node;  // this notebook's tab only
      return {
        widgets: notebook.querySelectorAll('.jp-OutputArea-output .matgrad-widget').length,
        twins: [...notebook.querySelectorAll('.matgrad-twin')].map(t => t.offsetParent !== null),
      };
    }""")
    assert state["widgets"] >= widget_cells and len(state["twins"]) >= widget_cells, state  # each has its twin
    assert not any(state["twins"]), f"{notebook}: a static twin is visible below its live widget: {state}"


WIDEN = """([selector, index]) => {
  const out = document.querySelectorAll(selector)[index];
  const wide = document.createElement('div');
  wide.id = 'matgrad-too-wide';
  wide.style.width = '3000px';
  wide.textContent = 'too wide';
  out.appendChild(wide);
  const panel = window.jupyterapp.shell.currentWidget;
  return panel.content.widgets.findIndex(cell => cell.node.contains(out));
}"""


def test_the_geometry_check_sees_a_wide_element_and_whose_it_is(notebook_run):
    lp = notebook_run(NOTEBOOK)
    page = lp.page
    try:
        cell = page.evaluate(WIDEN, [".jp-OutputArea-output:has(.matgrad-widget)", 0])
        found = [p for p in lp.overflows() if p["cell"] == cell and p["what"] == "output"]
        assert found and found[0]["widget"] and found[0]["scrollWidth"] >= 3000, found
        page.evaluate("() => document.getElementById('matgrad-too-wide').remove()")
        cell = page.evaluate(WIDEN, [".jp-OutputArea-output:not(:has(.matgrad-widget))", 0])
        found = [p for p in lp.overflows() if p["cell"] == cell and p["what"] == "output"]
        assert found and not found[0]["widget"], found
    finally:
        page.evaluate("() => document.getElementById('matgrad-too-wide')?.remove()")
    assert not lp.overflows()
