"""Finite-difference gradients: the independent check of every backward pass."""

import numpy as np

from matgrad._validate import as_float_array, positive_number


def gradcheck(f, x, eps=1e-6):
    """Central-difference gradient of a scalar function ``f`` at ``x``.

    ``x`` is an array of any shape (1-D or 2-D); the result has the same
    shape, entry [i] = (f(x + eps e_i) - f(x - eps e_i)) / (2 eps).
    ``f`` must return a real scalar. ``x`` itself is not modified.

    >>> gradcheck(lambda v: float(v[0] ** 2 + 3 * v[1]), [2.0, 5.0]).round(6)
    array([4., 3.])
    """
    if not callable(f):
        raise TypeError(f"f must be a callable returning a scalar; got {type(f).__name__}")
    x = as_float_array(x, "x", ndims=(0, 1, 2)).copy()
    eps = positive_number(eps, "eps")
    grad = np.empty_like(x)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)  # views into x and grad
    for i in range(flat_x.size):
        original = flat_x[i]
        flat_x[i] = original + eps
        up = _scalar(f(x.copy()))
        flat_x[i] = original - eps
        down = _scalar(f(x.copy()))
        flat_x[i] = original
        flat_grad[i] = (up - down) / (2.0 * eps)
    return grad


def _scalar(value):
    array = np.asarray(value, dtype=np.float64)
    if array.size != 1:
        raise ValueError(f"f must return a scalar; got an array of shape {array.shape}")
    return float(array.reshape(()))


def relative_error(a, b, floor=1e-12):
    """Norm-wise relative error ``||a - b|| / max(||a||, ||b||, floor)``, a float.

    Scale-free, so one threshold (say 1e-6 for finite differences, 1e-10
    against exact sympy values) fits gradients of any size. Entries of the
    gradient that are exactly zero do not blow it up, because the whole
    gradient's norm is the scale. ``a`` and ``b`` must have the same shape.

    >>> print(f"{relative_error([1.0, 200.0], [1.0, 200.0002]):.3e}")
    1.000e-06
    >>> relative_error([0.0, 0.0], [0.0, 0.0])
    0.0
    """
    a = as_float_array(a, "a", ndims=(0, 1, 2))
    b = as_float_array(b, "b", ndims=(0, 1, 2))
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape; got a {a.shape} and b {b.shape}")
    floor = positive_number(floor, "floor")
    scale = max(np.linalg.norm(a), np.linalg.norm(b), floor)
    return float(np.linalg.norm(a - b) / scale)
