"""The structure of a wrong answer that no modelled mistake explains.

:func:`array` compares an answer with the solution and names what it sees,
never a correct value: NaN or infinity; one number where an array belongs;
the transpose; a given value handed back; the right numbers in another
shape; one term per sample, not added; a constant ratio (-1, 2, 1/2, N,
1/N, lr, ...); the right numbers in the wrong places; everything right
except one entry, row, column or sample. :func:`error` explains an error
raised by a student's function in terms of shapes.

A :class:`Finding` is ``(mistake, key, fields)``: a mistake id (``None``
when nothing specific is seen), and the message key and fields of
:mod:`matgrad.course.exercises._messages`.

>>> e = np.array([[1.0, 2.0], [3.0, 4.0]])
>>> array(-e, e, Context("dL/dW", "W")).mistake
'sign'
>>> array(e.T, e, Context("dL/dW", "W")).mistake
'transposed'
>>> array(np.array([[1.0, 2.0], [3.0, 5.0]]), e, Context("dL/dW", "W")).key
'structure.one_entry'
>>> error({"error": "ValueError", "detail": "operands could not be broadcast together with shapes (3,2) (2,3) "})
('error.broadcast', {'first': '(3, 2)', 'second': '(2, 3)'})
"""

import math
import re
from typing import NamedTuple

import numpy as np

from matgrad.course.exercises._compare import adapt, close, fmt_shape, scale, unequal


class Context(NamedTuple):
    """What the diagnosis may name: the answer's ``quantity`` (e.g. ``"dL/dW"``), the
    variable whose shape it has (``like``), the given values, and the named numbers of
    the instance (``factors``: ``{"N": 3, "lr": 0.1}``)."""

    quantity: str
    like: str = None
    givens: dict = {}
    factors: dict = {}


class Finding(NamedTuple):
    mistake: str
    key: str
    fields: dict


def array(answer, expected, context):
    """The :class:`Finding` for a finite answer that is not equal to ``expected``."""
    base = {"quantity": context.quantity, "like": context.like or context.quantity,
            "yours": fmt_shape(answer.shape), "shape": fmt_shape(expected.shape)}  # fmt: skip
    a = adapt(answer, expected.shape)
    if a.shape != expected.shape:
        return _other_shape(answer, expected, context, base)
    given = _given_value(a, context)
    if given:
        return Finding("given_value", "structure.given_value", {**base, "name": given})
    if a.ndim == 2 and a.shape[0] == a.shape[1] > 1 and close(a.T, expected):
        return Finding("transposed", "structure.transposed", base)
    ratio = _ratio(a, expected)
    if ratio is not None:
        return _factor(ratio, context, base)
    if _permutation(a, expected):
        return Finding("permuted", "structure.permuted", base)
    return _where(a, expected, base)


def _given_value(a, context):
    for name, value in context.givens.items():
        value = np.asarray(value, dtype=float)
        if value.size == a.size and value.size > 1 and close(adapt(a, value.shape), value):
            return name
    return None


def _other_shape(answer, expected, context, base):
    if answer.size == 1 and expected.size > 1:
        return Finding("summed_to_scalar", "structure.one_number", base)
    if answer.ndim == 2 and expected.ndim == 2 and answer.shape == expected.shape[::-1]:
        if close(answer.T, expected):
            return Finding("transposed", "structure.transposed", base)
        inner = array(answer.T, expected, context)
        mistake = "transposed" if inner.mistake is None else f"transposed+{inner.mistake}"
        return Finding(mistake, "structure.transposed_and", {**base, "then": inner})
    if answer.ndim == 2 and answer.shape[0] == answer.shape[1] == expected.size > 1 and max(expected.shape) == expected.size:
        if close(answer - np.diag(np.diag(answer)), np.zeros_like(answer)):
            return Finding("diagonal_matrix", "structure.diagonal_matrix", base)
    if expected.ndim == 2 and expected.shape[0] > 1 and answer.size == expected.shape[1] and max(answer.shape) == answer.size:
        row = answer.ravel()
        mistake = "first_sample_only" if close(row, expected[0]) else "last_sample_only" if close(row, expected[-1]) else None
        return Finding(mistake, "structure.one_row_of_many", base)
    if answer.ndim == expected.ndim + 1 and answer.shape[1:] == expected.shape:
        if close(answer.sum(axis=0), expected):
            return Finding("not_summed", "structure.not_summed", {**base, "N": len(answer)})
        return Finding(None, "structure.one_per_sample", {**base, "N": len(answer)})
    if answer.size == expected.size:
        if close(answer.reshape(expected.shape), expected):
            return Finding("reshaped", "structure.reshaped", base)
        if close(answer.reshape(expected.shape, order="F"), expected):
            return Finding("column_major_flattening", "structure.column_major", base)
    for name, value in context.givens.items():
        if np.shape(value) == answer.shape and answer.size > 1:
            if close(answer, np.asarray(value, dtype=float)):
                return Finding("given_value", "structure.given_value", {**base, "name": name})
            return Finding(None, "structure.shape_of_given", {**base, "name": name})
    return Finding(None, "structure.wrong_shape", base)


def _ratio(a, expected):
    """The constant ``r`` with ``a = r * expected``, or ``None``."""
    weight = float(np.sum(expected * expected))
    r = float(np.sum(a * expected)) / weight if weight > 0 else 0.0
    if abs(r) < 1e-3 or not math.isfinite(r) or not close(a, r * expected):  # ~0: no factor worth naming
        return None
    return r


def _factor(ratio, context, base):
    """A constant ratio, in words: -1 is a sign, 2 a factor 2, N = 3 a factor N, ..."""
    if abs(ratio + 1) < 1e-3:
        return Finding("sign", "structure.sign", base)
    N, lr = context.factors.get("N"), context.factors.get("lr")
    named = [("2", 2.0), ("1/2", 0.5), ("4", 4.0), ("1/4", 0.25)]
    if N:
        named += [("N", N), ("1/N", 1 / N), ("2/N", 2 / N), ("N/2", N / 2)]
    if lr:
        named += [("lr", lr), ("1/lr", 1 / lr)]
    for words, value in named:
        for sign in (1, -1):
            if abs(ratio - sign * value) <= 1e-3 * value:
                key = "structure.factor" if sign > 0 else "structure.factor_and_sign"
                return Finding("constant_factor", key, {**base, "factor": words, "N": N, "lr": lr})
    key = "structure.factor_" + ("larger" if abs(ratio) > 1 else "smaller") + ("_and_sign" if ratio < 0 else "")
    return Finding("constant_factor", key, {**base, "percent": percent(abs(abs(ratio) - 1))})


def percent(fraction):
    """A fraction as a rounded percentage, for a message.

    >>> percent(0.1234), percent(0.0123), percent(1e9)
    ('12', '1.2', '1000+')
    """
    value = 100 * fraction
    if value >= 1000:
        return "1000+"
    return f"{value:.0f}" if value >= 10 else f"{value:.2g}"


def _permutation(a, expected):
    """The same numbers as ``expected``, in other places."""
    if a.size < 2:
        return False
    return close(np.sort(a, axis=None), np.sort(expected, axis=None))


def _where(a, expected, base):
    """Which entries differ: one entry, one row, one column, or how many (no values)."""
    bad = unequal(a, expected)
    k, n = int(bad.sum()), a.size
    spread = np.abs(a - expected)[bad] / max(scale(expected), 1e-300)
    fields = {**base, "k": k, "n": n, "percent": percent(float(np.max(spread)))}
    if k == 1 and n > 1:
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        return Finding("one_entry_wrong", "structure.one_entry", {**fields, "index": list(index)})
    if a.ndim == 2 and a.shape[0] > 1 and int(bad.any(axis=1).sum()) == 1:
        return Finding("one_row_wrong", "structure.one_row", {**fields, "row": int(np.argmax(bad.any(axis=1)))})
    if a.ndim == 2 and a.shape[1] > 1 and int(bad.any(axis=0).sum()) == 1:
        return Finding("one_column_wrong", "structure.one_column", {**fields, "column": int(np.argmax(bad.any(axis=0)))})
    return Finding(None, "structure.entries", fields)


# ------------------------------------------------------------------ errors in a student's function
_ERRORS = (
    ("error.matmul", re.compile(r"size (\d+) is different from (\d+)"), ("first", "second")),
    ("error.broadcast", re.compile(r"broadcast together with shapes (\S+) (\S+)"), ("first", "second")),
    ("error.dot", re.compile(r"shapes \(([\d, ]*)\) and \(([\d, ]*)\) not aligned"), ("first", "second")),
    ("error.index", re.compile(r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)"), ("index", "axis", "size")),
    ("error.arguments", re.compile(r"takes (\d+) positional arguments? but (\d+) (?:was|were) given"), ("takes", "given")),
    ("error.missing_argument", re.compile(r"missing (\d+) required positional argument"), ("missing",)),
)


def _as_shape(text):
    """``'(3,2)'`` or ``'3,2'`` as ``'(3, 2)'``; anything else unchanged."""
    sizes = [int(s) for s in re.findall(r"\d+", text)]
    return fmt_shape(sizes) if sizes else text


def error(fields):
    """``(key, fields)`` explaining an error raised by a student's function, in shapes."""
    detail = fields.get("detail", "")
    for key, pattern, names in _ERRORS:
        match = pattern.search(detail)
        if match:
            values = match.groups()
            if key in ("error.broadcast", "error.dot"):
                values = tuple(_as_shape(v) for v in values)
            return key, dict(zip(names, values))
    return "error.other", {"error": fields.get("error", "Exception"), "detail": detail}
