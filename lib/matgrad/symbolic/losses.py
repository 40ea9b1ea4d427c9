"""Symbolic twins of the two losses."""

import sympy as sp

from matgrad.symbolic._checks import _as_matrix


def _loss_pair(yhat, y):
    yhat, y = _as_matrix(yhat, "yhat"), _as_matrix(y, "y")
    if yhat.shape != y.shape:
        raise ValueError(
            f"yhat and y must have the same shape; got yhat {yhat.shape} and y {y.shape}"
        )
    return yhat, y


class MSELoss:
    """``(1/N) sum (yhat - y)^2`` over all N entries, as a sympy expression."""

    def value(self, yhat, y):
        yhat, y = _loss_pair(yhat, y)
        return sum(((a - b) ** 2 for a, b in zip(yhat, y)), sp.S.Zero) / len(yhat)


class HalfSSELoss:
    """``1/2 sum (y - yhat)^2``, as a sympy expression."""

    def value(self, yhat, y):
        yhat, y = _loss_pair(yhat, y)
        return sum(((b - a) ** 2 for a, b in zip(yhat, y)), sp.S.Zero) / 2
