"""Every number the author of the worked homework wrote by hand.

Each number is transcribed once, as written (a string, so its number of
decimals is kept), in :data:`HANDWRITTEN`; a number that the author copies
unchanged into a later line is listed once. :mod:`matgrad.course.comparison`
compares each one with the exact value.

Samples are numbered k = 1, 2, 3 (x = -1, 0, 1); ``B2_j`` and ``B1_i`` are
the author's ``B(h^2_j)`` and ``B(h^1_i)`` *without* the factor 2/3, which
the author writes in front.

>>> len(HANDWRITTEN)
95
>>> [h.written for h in HANDWRITTEN if h.key == "dL/dw3_11"]
['6.975']
"""

import math
import re
from dataclasses import dataclass

from matgrad import _validate

__all__ = ["Handwritten", "HANDWRITTEN"]

_WRITTEN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def _checked_written(written):
    """``written`` if it is a number as written by hand: a str of digits such as ``'0.0651'``."""
    if not (isinstance(written, str) and _WRITTEN_NUMBER.fullmatch(written) and math.isfinite(float(written))):
        raise (ValueError if isinstance(written, str) else TypeError)(
            f"written must be a number as written by hand, a str such as '0.0651' or '-0.13'; "
            f"got {_validate.shown(written)} ({type(written).__name__})"
        )
    return written


@dataclass(frozen=True)
class Handwritten:
    """One number as the author wrote it, with where it stands in the worked homework.

    ``written`` is checked once, here: a str of digits with an optional sign and
    decimals, as written by hand.

    >>> Handwritten("dL/db1_2", "(6) dL/db^1_2", "0.5").decimals
    1
    >>> Handwritten("dL/db1_2", "(6) dL/db^1_2", 0.5)
    Traceback (most recent call last):
    ...
    TypeError: written must be a number as written by hand, a str such as '0.0651' or '-0.13'; got 0.5 (float)
    """

    key: str  # e.g. "dL/dw3_11", "B2_1[2]" (sample 2)
    line: str  # where it stands in the worked homework
    written: str  # exactly as written, e.g. "6.975"
    note: str = ""  # what went wrong (slips) or a remark

    def __post_init__(self):
        _checked_written(self.written)

    @property
    def value(self):
        """The written number as a float: ``'6.975'`` -> 6.975."""
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
        {1: "(1 x 0.49 + 2 x 0.33) x 0.20 = 0.23, not 0.28; the results -0.13 and 0.23 use 0.23, "
            "and the author's side notes say that the vector as written gives -0.17 and 0.27"},
    )
    + _per_sample("B1_2", "B(h^1_2) = (2/3)(...), j = 2", ("0.55", "0.18", "0.02"))
    + [Handwritten("dL/dw1_11", "(6) dL/dw^1_11", "-0.13",
                   "right, although the vector written above it (with 0.28) would give -0.17"),
       Handwritten("dL/dw1_11 (side note)", "(6) side note beside dL/dw^1_11", "-0.17",
                   "the author's note '보이는 것은 계산 -0.17' (what is shown computes to -0.17): the vector "
                   "as written, with its 0.28, gives (2/3)(-0.28 + 0.03) = -0.17; the result -0.13 beside it "
                   "is right"),
       Handwritten("dL/dw1_12", "(6) dL/dw^1_12", "-0.35"),
       Handwritten("dL/db1_1", "(6) dL/db^1_1", "0.23",
                   "right, although the vector written above it (with 0.28) would give 0.27"),
       Handwritten("dL/db1_1 (side note)", "(6) side note beside dL/db^1_1", "0.27",
                   "the author's note '보이는 것은 계산 0.27' (what is shown computes to 0.27): the vector "
                   "as written, with its 0.28, gives (2/3)(0.28 + 0.09 + 0.03) = 0.27; the result 0.23 beside "
                   "it is right"),
       Handwritten("dL/db1_2", "(6) dL/db^1_2", "0.5")]
    + [Handwritten(f"-lr*dL/d{name}", f"(3) gradient descent: change of {name}", change)
       for name, (change, _) in _STEP_WRITTEN.items()]
    + [Handwritten(f"new {name}", f"(3) gradient descent: new {name}", new)
       for name, (_, new) in _STEP_WRITTEN.items()]
)  # fmt: skip
