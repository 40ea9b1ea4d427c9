"""A student's path through the homework notebook, in a real browser.

JupyterLab serves a temporary copy of notebooks/; Debian's Chromium opens
06-worked-homework.ipynb, runs Kernel > Restart Kernel and Run All Cells,
focuses the w3_11 slider of the homework explorer and presses ArrowRight.
The readout must then show the loss and gradients that ``matgrad.course.homework``
computes for the moved weight, to the 6 printed decimals.

Contract with the explorer (lib/matgrad/widgets.py): one FloatSlider per
parameter, described by its name (weights step 0.01), plus ``lr``; an HTML
readout with CSS class ``matgrad-readout`` holding lines like
``loss = 18.123456`` and ``dL/dw3_11 = 6.123456`` for every parameter.
"""

import os
from pathlib import Path

import pytest

from lab_harness import CHROMIUM, REPO, LabPage, LabServer, chromium, find_chromium, parse_readout

pytestmark = pytest.mark.slow

NOTEBOOK = "06-worked-homework.ipynb"
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


@pytest.fixture(scope="module")
def browser():
    if find_chromium() is None:
        reason = (f"no browser: {CHROMIUM} is missing (apt-get install -y chromium), and so are "
                  "Playwright's Chromium (.venv/bin/playwright install chromium) and a system Chrome")
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    with chromium() as b:
        yield b


@pytest.fixture
def lab():
    if not (REPO / "notebooks" / NOTEBOOK).exists():
        pytest.fail(f"notebooks/{NOTEBOOK} does not exist yet", pytrace=False)
    with LabServer(REPO / "notebooks") as server:
        yield server


def test_homework_explorer_slider_updates_loss_and_gradients(browser, lab):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "browser-06-worked-homework.png"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    ok = False
    try:
        lp = LabPage(page, lab).open(NOTEBOOK)
        lp.restart_and_run_all()

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
        page.close()
