"""Symbolic twins of ``matgrad.Sigmoid`` and ``matgrad.Identity``, and the sigmoid function."""

import numpy as np
import sympy as sp

from matgrad import _validate
from matgrad.symbolic.calculus import _gradient, _jacobian
from matgrad.symbolic.symbols import _expression, _placeholders
from matgrad.symbolic.symbols import symbol_row  # noqa: F401 (doctests)

__all__ = ["Identity", "Sigmoid", "sigmoid"]


def sigmoid(Z):
    """The logistic function ``1 / (1 + exp(-z))`` of a sympy expression or, entry by entry, a matrix.

    A matrix may be a sympy Matrix, a nested list or a numpy array (a 1-D
    list or array is a (1, n) row); the result has its shape.

    >>> sigmoid(sp.Symbol("t"))
    1/(1 + exp(-t))
    >>> sigmoid([0, 1])
    Matrix([[1/2, 1/(exp(-1) + 1)]])
    >>> sigmoid(np.zeros((2, 1)))
    Matrix([
    [1/2],
    [1/2]])
    """
    if isinstance(Z, (sp.MatrixBase, list, tuple, np.ndarray)):
        return _validate.matrix(Z, "Z").applyfunc(_logistic)
    return _logistic(_expression(Z, "Z"))


def _logistic(t):
    return 1 / (1 + sp.exp(-t))


class _Elementwise:
    """An activation applied entry by entry. Subclasses define ``_function`` of one entry.

    Matrices may hold numbers, symbols or expressions; a 1-D list is a (1, n) row.
    """

    def _function(self, t):
        raise NotImplementedError

    def _apply(self, Z):
        """``f`` entry by entry, on a checked matrix."""
        return Z.applyfunc(self._function)

    def __repr__(self):
        return f"symbolic.{type(self).__name__}()"

    def forward(self, Z):
        """Apply the activation to every entry of ``Z`` (any 2-D shape); same shape."""
        return self._apply(_validate.matrix(Z, "Z"))

    def derivative(self, Z):
        """f'(Z) entry by entry, with f' derived by ``sympy.diff``; same shape as ``Z``."""
        Z = _validate.matrix(Z, "Z")
        t = sp.Dummy("t")
        slope = sp.diff(self._function(t), t)
        return Z.applyfunc(lambda z: slope.xreplace({t: z}))

    def backward(self, Z, dO):
        """``dZ``: sympy's gradient of ``L = sum(dO o f(Z))`` by ``Z``; ``dO`` has Z's shape."""
        Z, dO = _validate.matrix(Z, "Z"), _validate.matrix(dO, "dO")
        if Z.shape != dO.shape:
            raise ValueError(f"dO must have the shape of Z {Z.shape}; got shape {dO.shape}")
        Zp, back = _placeholders(Z, "z")
        L = sum((g * o for g, o in zip(dO, self._apply(Zp))), sp.S.Zero)
        return _gradient(L, Zp).xreplace(back)

    def jacobian(self, z):
        """dO/dz for one sample ``z`` ((1, n), (n, 1) or 1-D), derived by sympy: diagonal, (n, n)."""
        z = _validate.matrix(z, "z")
        if 1 not in z.shape:
            raise ValueError(f"z must be one sample: a vector of shape (n,), (1, n) or (n, 1); got shape {z.shape}")
        # z may hold expressions (say a pre-activation N = x W): differentiate
        # by stand-in symbols, then put z back.
        placeholders, values = _placeholders(z, "z")
        return _jacobian(self._apply(placeholders), placeholders).xreplace(values)


class Sigmoid(_Elementwise):
    """Symbolic sigmoid. Its Jacobian is diagonal with entries s(z)(1 - s(z)).

    >>> z = symbol_row("z", 2)
    >>> J = Sigmoid().jacobian(z)
    >>> J.is_diagonal(), sp.simplify(J[0, 0] - sigmoid(z[0]) * (1 - sigmoid(z[0])))
    (True, 0)
    """

    def _function(self, t):
        return _logistic(t)


class Identity(_Elementwise):
    """Symbolic identity activation (Jacobian = identity matrix).

    >>> Identity().derivative([[3, -1]])
    Matrix([[1, 1]])
    """

    def _function(self, t):
        return t
