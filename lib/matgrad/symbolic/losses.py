"""Symbolic twins of the two losses; ``grad`` is derived by sympy from ``value``.

``_value`` is the loss on checked matrices, which :class:`matgrad.symbolic.Network` calls.
"""

import sympy as sp

from matgrad import _validate
from matgrad.symbolic.calculus import _gradient
from matgrad.symbolic.symbols import _placeholders

__all__ = ["HalfSSELoss", "MSELoss"]


class _Loss:
    """``value(yhat, y)`` is one sympy expression; ``grad`` differentiates it by ``yhat``.

    ``yhat`` and ``y`` are matrices of the same shape (a 1-D list is a (1, n) row).
    """

    def __repr__(self):
        return f"symbolic.{type(self).__name__}()"

    @staticmethod
    def _pair(yhat, y):
        yhat, y = _validate.matrix(yhat, "yhat"), _validate.matrix(y, "y")
        if y.shape != yhat.shape:
            raise ValueError(f"y must have the shape of yhat {yhat.shape}; got shape {y.shape}")
        return yhat, y

    def value(self, yhat, y):
        """The loss as a sympy expression."""
        return self._value(*self._pair(yhat, y))

    def grad(self, yhat, y):
        """dL/dyhat, shape of ``yhat``, derived by ``sympy.diff`` from :meth:`value`."""
        yhat, y = self._pair(yhat, y)
        P, back = _placeholders(yhat, "yhat")
        return _gradient(self._value(P, y), P).xreplace(back)


class MSELoss(_Loss):
    """``(1/N) sum (yhat - y)^2`` over all N entries.

    >>> MSELoss().grad([[1], [2], [3]], [[1], [0], [0]]).T
    Matrix([[0, 4/3, 2]])
    """

    def _value(self, yhat, y):
        return sum(((a - b) ** 2 for a, b in zip(yhat, y)), sp.S.Zero) / len(yhat)


class HalfSSELoss(_Loss):
    """``1/2 sum (y - yhat)^2``.

    >>> HalfSSELoss().grad([1, 4], [0, 2])
    Matrix([[1, 2]])
    """

    def _value(self, yhat, y):
        return sum(((b - a) ** 2 for a, b in zip(yhat, y)), sp.S.Zero) / 2
