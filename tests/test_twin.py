"""A widget and its static twin: the twin is one display object whose plain text
nbval compares and whose HTML hides itself while a widget of the notebook is live;
a widget shows a plain-text fallback that says what it is."""

import base64

import pytest
from tests.bad_input import Case, assert_clear_error

from matgrad import HalfSSELoss
from matgrad.course import homework
from matgrad.widgets import ComputationalGraphWalk, graph_walk_text, show_graph_walk
from matgrad.widgets.twin import HIDE_WHEN_LIVE, TWIN_CLASS, WIDGET_CLASS, StaticView, display_widget

PNG = b"\x89PNG\r\n\x1a\n-a-picture-"


def test_plain_text_is_the_text_and_html_holds_text_pictures_and_the_hiding_rule():
    view = StaticView("y = (62, 152)\ndL/dx < 70", pngs=[PNG])
    assert repr(view) == "y = (62, 152)\ndL/dx < 70"
    html = view._repr_html_()
    assert html.startswith(HIDE_WHEN_LIVE)
    assert f'<div class="{TWIN_CLASS}">' in html
    assert "<pre>y = (62, 152)\ndL/dx &lt; 70</pre>" in html  # escaped
    assert base64.b64encode(PNG).decode() in html


def test_the_hiding_rule_needs_a_live_widget_in_the_same_notebook():
    # the rule hides twins only inside a notebook that holds a rendered matgrad widget
    assert f".jp-Notebook:has(.{WIDGET_CLASS})" in HIDE_WHEN_LIVE
    assert f".jp-OutputArea-child:has(.{TWIN_CLASS})" in HIDE_WHEN_LIVE


def test_body_html_replaces_the_text_block():
    view = StaticView("**Step 1.**", body_html="<p><b>Step 1.</b></p>")
    assert "<pre>" not in view._repr_html_() and "<p><b>Step 1.</b></p>" in view._repr_html_()


@pytest.mark.parametrize("args, argument, given", [
    (([1, 2],), "text", "list"),
    (("x", 3), "body_html", "int"),
    (("x", None, [b"GIF89a"]), "pngs[0]", "bytes"),
    (("x", None, ["not bytes"]), "pngs[0]", "str"),
    (("x", None, b"\x89PNG"), "pngs", "bytes"),
])  # fmt: skip
def test_bad_parts_are_named(args, argument, given):
    assert_clear_error(Case(lambda: StaticView(*args), TypeError, argument, given))


def test_a_picture_may_be_a_memoryview_as_an_image_widget_holds_it():
    view = StaticView("x", pngs=[memoryview(PNG)])
    assert view.pngs == (PNG,) and base64.b64encode(PNG).decode() in view._repr_html_()


def test_a_widget_is_shown_with_a_plain_text_fallback(monkeypatch):
    import ipywidgets
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    box = ipywidgets.HBox()
    display_widget(box, "A thing")
    ((bundle, raw),) = shown
    assert raw and bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == box.model_id
    assert bundle["text/plain"].startswith("A thing: an interactive widget; run the notebook")
    assert_clear_error(Case(lambda: display_widget("not a widget", "A thing"), TypeError, "widget", "str"))


def test_the_graph_walk_twin_is_its_captions_and_the_last_picture(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    net, x, y = homework.network(), homework.X[0], homework.Y[0]
    show_graph_walk(net, x, y, HalfSSELoss())
    (twin,) = shown
    captions = graph_walk_text(net, x, y, HalfSSELoss()).splitlines()
    text = repr(twin)
    assert all(line.strip() in text.replace("\n    ", " ") for line in captions)
    assert max(len(line) for line in text.splitlines()) <= 90
    (picture,) = twin.pngs
    walk = ComputationalGraphWalk(net, x, y, HalfSSELoss())
    assert picture[:8] == PNG[:8] and len(walk.walk.steps) == 13
