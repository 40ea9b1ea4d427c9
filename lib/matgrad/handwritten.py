"""The author's handwritten numbers of seed 004, and how each compares.

Every number the author wrote is transcribed once, as written (a string,
so its number of decimals is kept), in :data:`HANDWRITTEN`; a number that
the author copies unchanged into a later line is listed once. Each one is
compared with

* the **exact** float64 value from the homework network, and
* a **replay**: the author's own arithmetic redone on the author's written
  (rounded) inputs, e.g. ``2.61 * 0.75`` for the first product of line 1.

and gets a verdict:

``agrees``
    it equals the exact value rounded to the decimals the author wrote;
``rounding``
    it differs, but the replay gives it: the author computed correctly from
    intermediates rounded to two decimals;
``carried slip``
    the replay gives it, but one of its inputs is itself a slip;
``slip``
    neither: a copying or arithmetic slip (each one carries a note).

Samples are numbered k = 1, 2, 3 (x = -1, 0, 1); ``B2_j`` and ``B1_i`` are
the author's ``B(h^2_j)`` and ``B(h^1_i)`` *without* the factor 2/3, which
the author writes in front.

>>> rows = comparison_table()
>>> len(rows) == len(HANDWRITTEN)
True
>>> [row.verdict for row in rows if row.key == "dL/dw3_11"]
['rounding']
>>> sorted({row.verdict for row in rows})
['agrees', 'carried slip', 'rounding', 'slip']
"""

from typing import NamedTuple

import numpy as np

from matgrad import homework

AGREES, ROUNDING, CARRIED, SLIP = "agrees", "rounding", "carried slip", "slip"


class Handwritten(NamedTuple):
    """One number as the author wrote it, with where it stands in the seed."""

    key: str  # e.g. "dL/dw3_11", "B2_1[2]" (sample 2)
    line: str  # where it stands in the seed
    written: str  # exactly as written, e.g. "6.975"
    note: str = ""  # what went wrong (slips) or a remark

    @property
    def value(self):
        return float(self.written)

    @property
    def decimals(self):
        """Decimals the author wrote: ``'0.5'`` -> 1, ``'6.975'`` -> 3."""
        return len(self.written.partition(".")[2])


def _per_sample(key, line, written, notes=None):
    notes = notes or {}
    return [Handwritten(f"{key}[{k}]", line, w, notes.get(k, "")) for k, w in enumerate(written, 1)]


_STEP_WRITTEN = {  # name: (written -lr*dL/dname, written new value)
    "w1_11": ("0.013", "1.013"), "w1_12": ("0.035", "2.035"),
    "w2_11": ("-0.023", "0.977"), "w2_12": ("-0.009", "1.991"),
    "w2_21": ("-0.028", "2.972"), "w2_22": ("-0.01", "3.99"),
    "w3_11": ("-0.6975", "0.3025"), "w3_21": ("-0.7519", "1.2481"),
    "b1_1": ("-0.023", "-0.023"), "b1_2": ("-0.05", "0.95"),
    "b2_1": ("-0.057", "-0.057"), "b2_2": ("-0.027", "0.973"),
    "b3_1": ("-0.7667", "0.2333"),
}  # fmt: skip

HANDWRITTEN = tuple(
    _per_sample("h1_1", "forward: h^1_1, first output of layer 1", ("0.27", "0.50", "0.73"))
    + _per_sample("h1_2", "forward: h^1_2, second output of layer 1", ("0.27", "0.73", "0.95"))
    + _per_sample("h2_1", "forward: h^2_1, first output of layer 2", ("0.75", "0.94", "0.97"))
    + _per_sample("h2_2", "forward: h^2_2, second output of layer 2", ("0.93", "0.99", "1.00"))
    + _per_sample("r", "forward: yhat - y", ("2.61", "3.92", "4.97"))
    + _per_sample("r*h2_1", "(1) products in dL/dw^3_11", ("1.9575", "3.6848", "4.8209"))
    + [Handwritten("dL/dw3_11", "(1) dL/dw^3_11", "6.975")]
    + _per_sample(
        "r*h2_2", "(2) products in dL/dw^3_21", ("2.4293", "3.8808", "4.97"),
        {1: "2.61 x 0.93 = 2.4273, not 2.4293; the result 7.519 is the sum with 2.4273, "
            "so only this copy is off"},
    )
    + [Handwritten("dL/dw3_21", "(2) dL/dw^3_21", "7.519"),
       Handwritten("dL/db3_1", "(3) dL/db^3_1", "7.667")]
    + _per_sample("s2_1", "h^2_1 (1 - h^2_1)", ("0.19", "0.06", "0.03"))
    + _per_sample(
        "s2_2", "h^2_2 (1 - h^2_2), written h_2(1 - h_2^2)", ("0.06", "0.01", "0.00"),
        {1: "the label h_2(1 - h_2^2) means h^2_2 (1 - h^2_2); the numbers are right"},
    )
    + _per_sample("B2_1", "B(h^2_1) = (2/3)(...), j = 1", ("0.49", "0.23", "0.13"))
    + _per_sample("B2_2", "B(h^2_2) = (2/3)(...), j = 2", ("0.33", "0.06", "0.02"))
    + [Handwritten("dL/dw2_11", "(4) dL/dw^2_11", "0.23"),
       Handwritten("dL/dw2_12", "(4) dL/dw^2_12, written dL/dv_12", "0.09",
                   "the v in dL/dv_12 is a slip of the pen for w; the number is right")]
    + _per_sample("B2_1*h1_2", "(4) products in dL/dw^2_21", ("0.1323", "0.1679", "0.1235"))
    + [Handwritten("dL/dw2_21", "(4) dL/dw^2_21", "0.28")]
    + _per_sample(
        "B2_2*h1_2", "(4) side sum for dL/dw^2_22", ("0.0891", "0.0418", "0.019"),
        {2: "0.06 x 0.73 = 0.0438, not 0.0418; the result 0.10 holds either way"},
    )
    + [Handwritten("dL/dw2_22", "(4) dL/dw^2_22", "0.10")]
    + _per_sample(
        "B2_2 (b line)", "(5) B(h^2_2) as copied into dL/db^2_2", ("0.33", "0.06", "0.62"),
        {3: "copied from B(h^2_2) = (0.33, 0.06, 0.02): the 0.02 became 0.62; the result "
            "0.27 = (2/3)(0.33 + 0.06 + 0.02) uses 0.02"},
    )
    + [Handwritten("dL/db2_1", "(5) dL/db^2_1", "0.57"),
       Handwritten("dL/db2_2", "(5) dL/db^2_2", "0.27")]
    + _per_sample("s1_1", "h^1_1 (1 - h^1_1)", ("0.20", "0.25", "0.20"))
    + _per_sample("s1_2", "h^1_2 (1 - h^1_2)", ("0.20", "0.20", "0.05"))
    + _per_sample(
        "B1_1", "B(h^1_1) = (2/3)(...), j = 1", ("0.28", "0.09", "0.03"),
        {1: "(1 x 0.49 + 2 x 0.33) x 0.20 = 0.23, not 0.28; the main results -0.13 and 0.23 "
            "use 0.23, the side notes -0.17 and 0.27 use 0.28"},
    )
    + _per_sample("B1_2", "B(h^1_2) = (2/3)(...), j = 2", ("0.55", "0.18", "0.02"))
    + [Handwritten("dL/dw1_11", "(6) dL/dw^1_11", "-0.13",
                   "right, although the vector written above it (with 0.28) would give -0.17"),
       Handwritten("dL/dw1_11 (side note)", "(6) side note beside dL/dw^1_11", "-0.17",
                   "(2/3)(-0.28 + 0.03) = -0.17: the written vector with its 0.28 slip"),
       Handwritten("dL/dw1_12", "(6) dL/dw^1_12", "-0.35"),
       Handwritten("dL/db1_1", "(6) dL/db^1_1", "0.23",
                   "right, although the vector written above it (with 0.28) would give 0.27"),
       Handwritten("dL/db1_1 (side note)", "(6) side note beside dL/db^1_1", "0.27",
                   "(2/3)(0.28 + 0.09 + 0.03) = 0.27: the written vector with its 0.28 slip"),
       Handwritten("dL/db1_2", "(6) dL/db^1_2", "0.5")]
    + [Handwritten(f"-lr*dL/d{name}", f"(3) gradient descent: change of {name}", change)
       for name, (change, _) in _STEP_WRITTEN.items()]
    + [Handwritten(f"new {name}", f"(3) gradient descent: new {name}", new)
       for name, (_, new) in _STEP_WRITTEN.items()]
)  # fmt: skip


def _exact():
    """Exact float64 value for every key of :data:`HANDWRITTEN`."""
    net = homework.network()
    params = homework.parameters_of(net)
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
        assert updated[name] == params[name] - homework.LEARNING_RATE * grads[name]
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
    verdict: str  # AGREES, ROUNDING, CARRIED or SLIP
    note: str


def _matches(written, decimals, value):
    """``written`` is ``value`` rounded to ``decimals`` places (half a unit, with float slack)."""
    return abs(written - value) <= 0.5 * 10.0**-decimals * (1 + 1e-9) + 1e-12


def comparison_table():
    """A :class:`Comparison` for every handwritten number, in the seed's order."""
    exact = _exact()
    rules = _replay_rules()
    written = {h.key: h.value for h in HANDWRITTEN}
    verdicts, rows = {}, []
    for h in HANDWRITTEN:
        reads, formula = rules.get(h.key, ((), None))
        replayed = float(formula(written)) if formula else None
        if _matches(h.value, h.decimals, exact[h.key]):
            verdict = AGREES
        elif replayed is not None and _matches(h.value, h.decimals, replayed):
            upstream_slip = any(verdicts.get(key) in (SLIP, CARRIED) for key in reads)
            verdict = CARRIED if upstream_slip else ROUNDING
        else:
            verdict = SLIP
        verdicts[h.key] = verdict
        rows.append(Comparison(h.key, h.line, h.written, exact[h.key], replayed, verdict, h.note))
    return rows


def comparison_text(rows=None, only=None):
    """The comparison table as fixed-width text (for ``print``).

    ``only`` keeps the rows whose verdict is in it, e.g. ``only={"slip"}``.

    >>> print(comparison_text(only={"slip"}).splitlines()[0])
    number                  written       exact    replayed  verdict
    """
    rows = comparison_table() if rows is None else rows
    if only is not None:
        rows = [row for row in rows if row.verdict in only]
    lines = [f"{'number':22}  {'written':>7}  {'exact':>10}  {'replayed':>10}  verdict"]
    for row in rows:
        replayed = "" if row.replayed is None else f"{row.replayed:.4f}"
        lines.append(
            f"{row.key:22}  {row.written:>7}  {row.exact:>10.4f}  {replayed:>10}  {row.verdict}"
        )
    return "\n".join(lines)
