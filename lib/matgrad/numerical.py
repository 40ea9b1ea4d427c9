"""Numerical gradients by central differences: the independent check of every backward pass."""

import numbers

import numpy as np

from matgrad import _validate

__all__ = ["numerical_gradient", "relative_error"]


def numerical_gradient(f, x, eps=1e-6):
    """An ESTIMATE of the gradient of a scalar function ``f`` at ``x``, by central differences.

    It returns numbers, not a verdict: compare them with your analytic
    gradient yourself, e.g. ``relative_error(analytic, numerical_gradient(f, x)) < 1e-6``.
    ``x`` is a number or an array (1-D or 2-D); the result has its shape, with
    entry [i] = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i). The step is
    relative to the size of the entry, ``h_i = eps * max(1, |x_i|)``, so it
    works for x of any scale; the estimate's error is about h_i^2 |f'''| / 6 plus
    round-off of up to about ulp(f) / h_i.

    ``f`` gets a copy of ``x`` (``x`` itself is never modified) and must
    return a finite real number (a float, an int, or a one-entry array).
    An error inside ``f`` is reported with the point where it happened.

    >>> numerical_gradient(lambda v: float(v[0] ** 2 + 3 * v[1]), [2.0, 5.0]).round(6)
    array([4., 3.])
    >>> float(numerical_gradient(lambda v: float(v[0] ** 2), [1e20])[0])  # true value 2e20
    2e+20
    """
    if not callable(f):
        raise TypeError(f"f must be a callable returning a scalar; got {type(f).__name__}")
    x = _validate.array(x, "x", ndims=(0, 1, 2)).copy()
    eps = _validate.real(eps, "eps", positive=True, high=0.5)
    grad = np.empty_like(x)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)  # views into x and grad
    for i in range(flat_x.size):
        original = flat_x[i]
        step = eps * max(1.0, abs(original))
        with np.errstate(all="ignore"):
            up, down = original + step, original - step
        if not (np.isfinite(up) and np.isfinite(down)):
            raise ValueError(f"x must stay below about 1e307 in size to be stepped; entry {i} is {original}")
        values = []
        for moved in (up, down):
            flat_x[i] = moved
            values.append(_value_of(f, x, i))
        flat_x[i] = original
        with np.errstate(all="ignore"):
            flat_grad[i] = (values[0] - values[1]) / (up - down)
        if not np.isfinite(flat_grad[i]):
            raise ValueError(
                f"the difference quotient at x entry {i} overflowed: f(x + h) - f(x - h) = "
                f"{values[0]} - {values[1]}; f (its values) or x must be smaller"
            )
    return grad


def _value_of(f, x, i):
    """``f(copy of x)`` as a finite float; any problem is named with the point ``x``."""
    where = f"at x = {np.array2string(x, threshold=12)} (entry {i} moved)"
    try:
        with np.errstate(all="ignore"):  # an overflow shows as inf, reported below
            value = f(x.copy())
    except Exception as error:  # noqa: BLE001 -- re-raised with the point, original as __cause__
        kind = TypeError if isinstance(error, TypeError) else ValueError
        raise kind(
            f"f raised {type(error).__name__} {where}: {error}. f must accept an array "
            f"shaped like x (shape {x.shape}) and return a real number"
        ) from error
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"f must return a real number (a float); got the bool {value} {where}")
    if isinstance(value, numbers.Real):
        number = float(value)
    else:
        array = np.asarray(value) if isinstance(value, np.ndarray) else None
        if array is None or array.dtype.kind not in "iuf":
            raise TypeError(
                f"f must return a real number (a float); got {type(value).__name__} {value!r:.60} {where}"
            )
        if array.size != 1:
            raise ValueError(f"f must return a scalar; got an array of shape {array.shape} {where}")
        number = float(array.reshape(()))
    if not np.isfinite(number):
        raise ValueError(f"f must return a finite number; got {number} {where}")
    return number


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
    a = _validate.array(a, "a", ndims=(0, 1, 2))
    b = _validate.array(b, "b", ndims=(0, 1, 2))
    if a.shape != b.shape:
        raise ValueError(f"b must have the shape of a {a.shape}; got shape {b.shape}")
    floor = _validate.real(floor, "floor", positive=True)
    # Divide by the largest entry first, so huge entries (1e200) do not overflow the norms.
    scale = max(np.max(np.abs(a)), np.max(np.abs(b)))
    if scale == 0.0:
        return 0.0
    with np.errstate(all="ignore"):
        a, b = a / scale, b / scale
        size = max(np.linalg.norm(a), np.linalg.norm(b), floor / scale)
    return float(np.linalg.norm(a - b) / size)
