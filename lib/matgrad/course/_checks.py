"""Argument checks shared by the course modules.

Every public function of :mod:`matgrad.course` checks its arguments here, so
a wrong argument gets one sentence naming it, what was expected and what was
given -- never a bare numpy traceback, a NaN or an overflow warning.
"""

import math
import numbers
from collections.abc import Mapping

import numpy as np

from matgrad.layers import Identity, Sigmoid
from matgrad.network import Network

# Every homework parameter must lie in [-PARAMETER_BOUND, PARAMETER_BOUND]. The
# course uses values of a few units; at 1e6 the loss is below 1e14 and every
# gradient below 1e19, so nothing the course computes can overflow float64.
PARAMETER_BOUND = 1e6
MAX_GRID = 100_000  # points in a loss curve; a plot needs a few hundred


def read_only(rows):
    """``rows`` as a new float64 array that refuses writes (course data are shared)."""
    array = np.array(rows, dtype=np.float64)
    array.flags.writeable = False
    return array


def shown(value, limit=60):
    """``repr(value)``, shortened to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def real_number(value, name):
    """``value`` as a finite float, or a ``TypeError``/``ValueError`` naming ``name``.

    >>> real_number(2, "lr")
    2.0
    >>> real_number(float("inf"), "lr")
    Traceback (most recent call last):
    ...
    ValueError: lr must be finite; got inf
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number; got {shown(value)} of type {type(value).__name__}")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{name} must be finite; got an integer too large for a float") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite; got {number}")
    return number


def parameter_value(value, name):
    """A homework parameter's value: a finite float within +-PARAMETER_BOUND."""
    number = real_number(value, name)
    if abs(number) > PARAMETER_BOUND:
        raise ValueError(
            f"{name} must lie within +-{PARAMETER_BOUND:.0e} (a homework parameter that large "
            f"would overflow the loss or its gradients); got {number:.6g}"
        )
    return number


def unknown_parameter(name, names):
    return ValueError(f"unknown homework parameter {shown(name)}; expected one of {', '.join(names)}")


def parameter_mapping(values, names):
    """``values`` (a mapping name -> number) as a dict of floats, keys checked against ``names``."""
    if not isinstance(values, Mapping):
        raise TypeError(
            "values must be a mapping of homework parameter names to numbers, e.g. "
            f"{{'w3_11': 1.5}}; got {type(values).__name__}"
        )
    checked = {}
    for name, value in values.items():
        if not isinstance(name, str):
            raise TypeError(
                f"values must have parameter names (str) as keys; got the key {shown(name)} "
                f"of type {type(name).__name__}"
            )
        if name not in names:
            raise unknown_parameter(name, names)
        checked[name] = parameter_value(value, name)
    return checked


def parameter_name(name, names):
    """Raise unless ``name`` (the argument ``name``) is one of ``names``."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a homework parameter name (a str such as 'w3_11'); got {type(name).__name__}")
    if name not in names:
        raise ValueError(f"name must be one of the homework parameters {', '.join(names)}; got {shown(name)}")


def step_stays_in_bound(before, gradients, lr):
    """Raise unless ``before[n] - lr * gradients[n]`` stays within +-PARAMETER_BOUND for every name."""
    for name, value in before.items():
        after = value - lr * gradients[name]  # Python floats: inf on overflow, no warning
        if not abs(after) <= PARAMETER_BOUND:
            raise ValueError(
                f"lr must keep the step within +-{PARAMETER_BOUND:.0e}: with lr={lr:g} the step takes "
                f"{name} from {value:g} to {after:.6g} (the learning rate or the parameters are too large)"
            )


ACTIVATIONS = (Sigmoid, Sigmoid, Identity)


def homework_network(net, name="net"):
    """Raise unless ``net`` is a 1-2-2-1 Sigmoid-Sigmoid-Identity Network with parameters in bound."""
    expected = "the homework's 1-2-2-1 network with activations Sigmoid, Sigmoid, Identity (see network())"
    if not isinstance(net, Network):
        raise TypeError(f"{name} must be {expected}; got {type(net).__name__}")
    kinds = tuple(type(activation) for _, activation in net.layers)
    if net.sizes != (1, 2, 2, 1) or kinds != ACTIVATIONS:
        got = ", ".join(kind.__name__ for kind in kinds)
        raise ValueError(f"{name} must be {expected}; got sizes {net.sizes} with activations {got}")
    for linear, _ in net.layers:
        for array in (linear.W, linear.b):
            if np.max(np.abs(array)) > PARAMETER_BOUND:
                raise ValueError(
                    f"{name} must have every weight and bias within +-{PARAMETER_BOUND:.0e} (larger "
                    f"ones overflow the loss or its gradients); got {np.max(np.abs(array)):.6g}"
                )
    return net


def learning_rate(lr, default):
    """``lr`` as a positive finite float; ``None`` means ``default``."""
    if lr is None:
        return default
    number = real_number(lr, "lr")
    if number <= 0:
        raise ValueError(f"lr must be a positive learning rate; got {number}")
    return number


def grid_values(grid):
    """``grid`` as a non-empty 1-D float64 array of parameter values, shape (G,)."""
    if isinstance(grid, (str, bytes)) or grid is None:
        raise TypeError(f"grid must be a 1-D sequence of numbers; got {type(grid).__name__}")
    try:
        values = np.asarray(grid)
    except ValueError:  # ragged nested lists
        raise ValueError(f"grid must be a 1-D sequence of numbers; got the ragged {shown(grid)}") from None
    if values.dtype == bool or values.dtype.kind not in "iuf":
        raise TypeError(f"grid must be a 1-D sequence of numbers; got entries of dtype {values.dtype}")
    if values.ndim == 0:
        raise ValueError(f"grid must be a 1-D sequence of numbers; got the single number {shown(grid)}")
    if values.ndim != 1:
        raise ValueError(f"grid must be a 1-D sequence of numbers; got an array of shape {values.shape}")
    if values.size == 0:
        raise ValueError("grid must hold at least one value; got an empty grid")
    if values.size > MAX_GRID:
        raise ValueError(f"grid must hold at most {MAX_GRID} values; got {values.size}")
    values = values.astype(np.float64)
    if not np.all(np.isfinite(values)):
        raise ValueError(f"grid must be finite; got an entry equal to {values[~np.isfinite(values)][0]}")
    if np.max(np.abs(values)) > PARAMETER_BOUND:
        raise ValueError(
            f"grid must lie within +-{PARAMETER_BOUND:.0e} (a homework parameter that large would "
            f"overflow the loss); got {np.max(np.abs(values)):.6g}"
        )
    return values
