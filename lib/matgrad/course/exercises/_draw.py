"""Small helpers that draw the numbers of a fresh instance from a numpy Generator.

Numbers are small integers or short decimals, so a student can work them
out by hand and type the exact values.

>>> rng = np.random.default_rng(0)
>>> ints(rng, (2, 3)).shape, sizes(rng, 2, 2, 4)
((2, 3), (4, 2))
"""

import numpy as np


def ints(rng, shape, low=-5, high=5, nonzero=True):
    """Integers in ``[low, high]`` (as floats), never 0 when ``nonzero``."""
    choices = [k for k in range(low, high + 1) if k or not nonzero]
    return np.array(rng.choice(choices, size=shape), dtype=np.float64)


def steps(rng, shape, low, high, step, nonzero=False):
    """Multiples of ``step`` in ``[low, high]``, e.g. halves from -3 to 3 (never 0 when ``nonzero``)."""
    choices = [k for k in range(round(low / step), round(high / step) + 1) if k or not nonzero]
    return np.round(np.array(rng.choice(choices, size=shape), dtype=np.float64) * step, 10)


def sizes(rng, count, low, high):
    """``count`` different sizes in ``[low, high]``, as a tuple of ints."""
    return tuple(int(k) for k in rng.choice(np.arange(low, high + 1), size=count, replace=False))


def size(rng, low, high):
    return int(rng.integers(low, high + 1))
