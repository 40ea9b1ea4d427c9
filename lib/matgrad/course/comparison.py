"""How each handwritten number of the worked homework compares with the exact value.

Each number in :data:`matgrad.course.handwritten.HANDWRITTEN` is compared with

* the **exact** float64 value from the homework network, and
* a **replay**: the author's own arithmetic redone on the author's written
  (rounded) inputs, e.g. ``2.61 * 0.75`` for the first product of line 1.

and gets a verdict:

``agrees``
    it equals the exact value rounded to the decimals the author wrote;
``rounding``
    it differs, but the replay gives it: the author computed correctly from
    intermediates rounded to two decimals;
``author's note``
    a side note in which the author says what a written input computes to
    ("보이는 것은 계산 ...": "what is shown computes to ..."), and it does;
``slip``
    none of these: a copying or arithmetic slip (each one carries a note).

>>> rows = comparison_table()
>>> len(rows) == len(HANDWRITTEN)
True
>>> [row.verdict for row in rows if row.key == "dL/dw3_11"]
['rounding']
>>> sorted({row.verdict for row in rows})
['agrees', "author's note", 'rounding', 'slip']
"""

from typing import NamedTuple

import numpy as np

from matgrad import _validate
from matgrad.course import homework
from matgrad.course.handwritten import HANDWRITTEN, _checked_written

__all__ = [
    "AGREES", "ROUNDING", "NOTED", "SLIP", "VERDICTS", "Comparison",
    "agrees_to_written_decimals", "comparison_table", "comparison_text",
]  # fmt: skip

AGREES, ROUNDING, NOTED, SLIP = "agrees", "rounding", "author's note", "slip"
VERDICTS = (AGREES, ROUNDING, NOTED, SLIP)


def _exact():
    """Exact float64 value for every key of :data:`HANDWRITTEN`."""
    net = homework.network()
    fv = homework.forward_values(net)
    h1, h2, r = fv["h1"], fv["h2"], fv["residual"]
    s1, s2 = h1 * (1 - h1), h2 * (1 - h2)
    W2 = net.layers[1][0].W  # W2[i-1, j-1] = w2_ij
    B2 = r[:, None] * net.layers[2][0].W[:, 0] * s2  # (3, 2), column j-1 is B2_j
    B1 = (B2 @ W2.T) * s1  # (3, 2), column i-1 is B1_i
    grads = homework.gradients_by_name(net)
    updated = homework.updated_by_name(net)
    vectors = {
        "h1_1": h1[:, 0], "h1_2": h1[:, 1], "h2_1": h2[:, 0], "h2_2": h2[:, 1], "r": r,
        "r*h2_1": r * h2[:, 0], "r*h2_2": r * h2[:, 1],
        "s2_1": s2[:, 0], "s2_2": s2[:, 1], "B2_1": B2[:, 0], "B2_2": B2[:, 1],
        "B2_1*h1_2": B2[:, 0] * h1[:, 1], "B2_2*h1_2": B2[:, 1] * h1[:, 1],
        "B2_2 (b line)": B2[:, 1], "s1_1": s1[:, 0], "s1_2": s1[:, 1],
        "B1_1": B1[:, 0], "B1_2": B1[:, 1],
    }  # fmt: skip
    exact = {f"{key}[{k}]": float(v[k - 1]) for key, v in vectors.items() for k in (1, 2, 3)}
    for name in homework.PARAMETER_NAMES:
        exact[f"dL/d{name}"] = grads[name]
        exact[f"-lr*dL/d{name}"] = -homework.LEARNING_RATE * grads[name]
        exact[f"new {name}"] = updated[name]
    exact["dL/dw1_11 (side note)"] = grads["w1_11"]
    exact["dL/db1_1 (side note)"] = grads["b1_1"]
    return exact


def _replay_rules():
    """key -> (keys it reads, function of the written values): the author's arithmetic."""
    x = homework.X[:, 0]
    p = homework.DEFAULTS
    lr = homework.LEARNING_RATE
    two_thirds = 2.0 / 3.0

    def vec(w, key):
        return np.array([w[f"{key}[{k}]"] for k in (1, 2, 3)])

    def ks(*keys):
        return tuple(f"{key}[{k}]" for key in keys for k in (1, 2, 3))

    rules = {}
    for i in (1, 2):
        for k in (1, 2, 3):
            rules[f"r*h2_{i}[{k}]"] = ((f"r[{k}]", f"h2_{i}[{k}]"),
                                      lambda w, i=i, k=k: w[f"r[{k}]"] * w[f"h2_{i}[{k}]"])
            rules[f"B2_{i}[{k}]"] = ((f"r[{k}]", f"s2_{i}[{k}]"),
                                    lambda w, i=i, k=k: w[f"r[{k}]"] * p[f"w3_{i}1"] * w[f"s2_{i}[{k}]"])
            rules[f"B1_{i}[{k}]"] = (
                (f"B2_1[{k}]", f"B2_2[{k}]", f"s1_{i}[{k}]"),
                lambda w, i=i, k=k: sum(p[f"w2_{i}{j}"] * w[f"B2_{j}[{k}]"] for j in (1, 2))
                * w[f"s1_{i}[{k}]"],
            )
        rules[f"dL/dw3_{i}1"] = (ks("r", f"h2_{i}"),
                                 lambda w, i=i: two_thirds * np.sum(vec(w, "r") * vec(w, f"h2_{i}")))
        rules[f"dL/dw1_1{i}"] = (ks(f"B1_{i}"), lambda w, i=i: two_thirds * np.sum(vec(w, f"B1_{i}") * x))
        rules[f"dL/db1_{i}"] = (ks(f"B1_{i}"), lambda w, i=i: two_thirds * np.sum(vec(w, f"B1_{i}")))
        rules[f"dL/db2_{i}"] = (ks(f"B2_{i}"), lambda w, i=i: two_thirds * np.sum(vec(w, f"B2_{i}")))
        for j in (1, 2):
            rules[f"dL/dw2_{i}{j}"] = (ks(f"B2_{j}", f"h1_{i}"),
                                       lambda w, i=i, j=j: two_thirds * np.sum(vec(w, f"B2_{j}") * vec(w, f"h1_{i}")))
    for j in (1, 2):
        for k in (1, 2, 3):
            rules[f"B2_{j}*h1_2[{k}]"] = ((f"B2_{j}[{k}]", f"h1_2[{k}]"),
                                          lambda w, j=j, k=k: w[f"B2_{j}[{k}]"] * w[f"h1_2[{k}]"])
    for k in (1, 2, 3):
        rules[f"B2_2 (b line)[{k}]"] = ((f"B2_2[{k}]",), lambda w, k=k: w[f"B2_2[{k}]"])
    rules["dL/db3_1"] = (ks("r"), lambda w: two_thirds * np.sum(vec(w, "r")))
    rules["dL/dw1_11 (side note)"] = rules["dL/dw1_11"]
    rules["dL/db1_1 (side note)"] = rules["dL/db1_1"]
    for name in homework.PARAMETER_NAMES:
        rules[f"-lr*dL/d{name}"] = ((f"dL/d{name}",), lambda w, name=name: -lr * w[f"dL/d{name}"])
        rules[f"new {name}"] = ((f"-lr*dL/d{name}",), lambda w, name=name: p[name] + w[f"-lr*dL/d{name}"])
    return rules  # fmt: skip


class Comparison(NamedTuple):
    """One row of the comparison table."""

    key: str
    line: str
    written: str
    exact: float
    replayed: float | None  # None: read off a calculator, nothing to replay
    verdict: str  # AGREES, ROUNDING, NOTED or SLIP
    note: str


def agrees_to_written_decimals(written, value):
    """True when the number ``written`` (a str, e.g. ``"6.975"``) is ``value`` rounded
    to as many decimals as were written: within half a unit of the last written
    decimal (with a hair of slack for float rounding).

    >>> agrees_to_written_decimals("0.5", 0.5036), agrees_to_written_decimals("6.975", 6.96998)
    (True, False)
    >>> agrees_to_written_decimals(6.975, 6.97)
    Traceback (most recent call last):
    ...
    TypeError: written must be a number as written by hand, a str such as '0.0651' or '-0.13'; got 6.975 (float)
    """
    return _agrees(_checked_written(written), _validate.real(value, "value"))


def _agrees(written, value):
    decimals = len(written.partition(".")[2])
    return abs(float(written) - value) <= 0.5 * 10.0**-decimals * (1 + 1e-9) + 1e-12


def comparison_table():
    """A :class:`Comparison` for every handwritten number, in the worked homework's order (a new list)."""
    exact = _exact()
    rules = _replay_rules()
    written = {h.key: h.value for h in HANDWRITTEN}
    rows = []
    for h in HANDWRITTEN:
        _, formula = rules.get(h.key, ((), None))
        replayed = float(formula(written)) if formula else None
        if _agrees(h.written, exact[h.key]):
            verdict = AGREES
        elif replayed is not None and _agrees(h.written, replayed):
            verdict = NOTED if h.key.endswith("(side note)") else ROUNDING
        else:
            verdict = SLIP
        rows.append(Comparison(h.key, h.line, h.written, exact[h.key], replayed, verdict, h.note))
    return rows


def comparison_text(rows=None, only=None):
    """The comparison table as fixed-width text (for ``print``).

    ``rows`` is a list of :class:`Comparison` rows (``None``: the whole of
    :func:`comparison_table`). ``only`` keeps the rows with the given
    verdicts: one verdict (``only="slip"``) or a collection of them
    (``only={"slip", "author's note"}``); each must be one of :data:`VERDICTS`.
    Text with a header line and one line per kept row.

    >>> print(comparison_text(only="slip").splitlines()[0])
    number                  written       exact    replayed  verdict
    >>> len(comparison_text(only="author's note").splitlines())
    3
    """
    if rows is None:
        rows = comparison_table()
    elif not (isinstance(rows, (list, tuple)) and all(isinstance(row, Comparison) for row in rows)):
        raise TypeError(
            f"rows must be a list of Comparison rows from comparison_table() (one row: [row]); "
            f"got {_validate.shown(rows)}"
        )
    if only is not None:
        only = {only} if isinstance(only, str) else only
        _validate.instance(only, "only", (list, tuple, set, frozenset), "a verdict or a collection of verdicts")
        wanted = {_validate.one_of(verdict, "only", VERDICTS) for verdict in only}
        rows = [row for row in rows if row.verdict in wanted]
    lines = [f"{'number':22}  {'written':>7}  {'exact':>10}  {'replayed':>10}  verdict"]
    for row in rows:
        replayed = "" if row.replayed is None else f"{row.replayed:.4f}"
        lines.append(
            f"{row.key:22}  {row.written:>7}  {row.exact:>10.4f}  {replayed:>10}  {row.verdict}"
        )
    return "\n".join(lines)

