"""A widget and its static twin, shown so that a reader sees exactly one of them.

Where widgets do not run (GitHub, nbviewer, a notebook opened but not yet
run), the static twin is the notebook's view of the widget: its default
numbers as text and its picture. Where the widget is live, the twin would
only repeat it -- or spoil it, for a stepper that reveals a derivation line
by line. JupyterLab unfolds a cell's output whenever the cell runs, so
folding the twin's cell is not enough. Instead:

* :class:`StaticView` -- the twin as ONE display object: ``text/plain`` is
  the text (what nbval compares), ``text/html`` the text, formulas and
  pictures inside ``<div class="matgrad-twin">`` with a ``<style>`` rule
  that hides every twin of a notebook in which a widget is live (its root
  carries the class ``matgrad-widget``). Untrusted and static renderers drop
  the ``<style>``, so there the twin stays visible.
* :func:`display_widget` -- shows a widget with a ``text/plain`` fallback
  that says what it is, instead of ipywidgets' ``HBox(children=(...`` repr.

>>> view = StaticView("loss = 1.5000", pngs=[b"\\x89PNG..."])
>>> print(repr(view))
loss = 1.5000
>>> html = view._repr_html_()
>>> '<div class="matgrad-twin">' in html and "data:image/png;base64," in html
True
"""

import base64
import html

__all__ = ["StaticView", "display_widget"]

TWIN_CLASS = "matgrad-twin"
WIDGET_CLASS = "matgrad-widget"
#: Hides a notebook's static twins while one of its matgrad widgets is live (rendered).
HIDE_WHEN_LIVE = (
    f"<style>.jp-Notebook:has(.{WIDGET_CLASS}) .jp-OutputArea-child:has(.{TWIN_CLASS})"
    "{display: none}</style>"
)
HEADER = "Static view of the widget (for reading without a kernel)"


class StaticView:
    """A widget's static twin: ``text`` (plain), optional ``body_html`` and PNG pictures.

    ``text`` is shown in a ``<pre>`` unless ``body_html`` replaces it (say a
    derivation with formulas); ``pngs`` follow, in order (bytes, or a memoryview of
    them such as an ipywidgets ``Image.value``).
    """

    def __init__(self, text, body_html=None, pngs=()):
        if not isinstance(text, str):
            raise TypeError(f"text must be a str; got {type(text).__name__}")
        if body_html is not None and not isinstance(body_html, str):
            raise TypeError(f"body_html must be a str or None; got {type(body_html).__name__}")
        if not isinstance(pngs, (list, tuple)):
            raise TypeError(f"pngs must be a list or tuple of PNG bytes; got {type(pngs).__name__}")
        pngs = tuple(bytes(png) if isinstance(png, (bytearray, memoryview)) else png for png in pngs)
        for index, png in enumerate(pngs):
            if not isinstance(png, bytes) or not png.startswith(b"\x89PNG"):
                raise TypeError(f"pngs[{index}] must be PNG bytes; got {type(png).__name__}")
        self.text, self.body_html, self.pngs = text, body_html, pngs

    def __repr__(self):
        return self.text

    def _repr_html_(self):
        body = self.body_html
        if body is None:
            body = f"<pre>{html.escape(self.text)}</pre>" if self.text else ""
        pictures = "".join(
            f'<img style="max-width: 100%" src="data:image/png;base64,'
            f'{base64.b64encode(png).decode("ascii")}">'
            for png in self.pngs
        )
        return (f'{HIDE_WHEN_LIVE}<div class="{TWIN_CLASS}"><p><i>{HEADER}</i></p>'
                f"{body}{pictures}</div>")


def display_widget(widget, what):
    """Display the ipywidgets ``widget`` (its root must have the class ``matgrad-widget``),
    with a plain-text fallback naming ``what`` it is, for renderers without widgets."""
    import ipywidgets
    from IPython.display import display

    if not isinstance(widget, ipywidgets.Widget):
        raise TypeError(f"widget must be an ipywidgets widget; got {type(widget).__name__}")
    if not isinstance(what, str) or not what:
        raise TypeError(f"what must be a non-empty str naming the widget; got {what!r}")
    bundle = dict(widget._repr_mimebundle_())
    bundle["text/plain"] = (
        f"{what}: an interactive widget; run the notebook to use it. "
        "Its static view, with the same numbers, is in the folded cell nearby."
    )
    display(bundle, raw=True)
