"""Hypothesis strategies, cached sympy references and the finite-difference check shared by the tests."""

import functools

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from matgrad import gradcheck, relative_error, symbolic

SIZES = st.integers(min_value=1, max_value=4)
FLOATS = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False, width=64)


def matrices(rows, cols, elements=FLOATS):
    """A (rows, cols) float64 array strategy."""
    return arrays(np.float64, (rows, cols), elements=elements)


def vectors(n, elements=FLOATS):
    return arrays(np.float64, (n,), elements=elements)


@functools.lru_cache(maxsize=None)
def linear_jacobians(n_in, n_out):
    """Numpy functions (W, b, x) -> sympy-derived dY/dx, dY/dW, dY/db for one row x."""
    W = symbolic.symbol_matrix("w", n_in, n_out)
    b = symbolic.symbol_row("b", n_out)
    x = symbolic.symbol_row("x", n_in)
    layer = symbolic.Linear(W, b)
    args = [W, b, x]
    return (
        symbolic.lambdify(args, layer.jacobian_input(x)),
        symbolic.lambdify(args, layer.jacobian_weights(x)),
        symbolic.lambdify(args, layer.jacobian_bias(x)),
    )


@functools.lru_cache(maxsize=None)
def sigmoid_jacobian(n):
    """Numpy function z -> the sympy-derived (n, n) Jacobian of an elementwise sigmoid."""
    z = symbolic.symbol_row("z", n)
    return symbolic.lambdify([z], symbolic.Sigmoid().jacobian(z))


FD_TOL = 1e-6  # relative error allowed between an analytic gradient and central differences


def assert_matches_finite_differences(analytic, f, x):
    """Assert ``analytic`` equals the central-difference gradient of scalar ``f`` at ``x``.

    Passes when the relative error is below ``FD_TOL``. A gradient that is
    (nearly) zero has no relative scale; there the difference must instead
    stay below the round-off floor of central differences, which is about
    ulp(|f|) / (2 eps) per entry: 1e-9 * max(1, |f(x)|) * sqrt(n) with eps = 1e-6.
    """
    numeric = gradcheck(f, x)
    error = relative_error(analytic, numeric)
    floor = 1e-9 * max(1.0, abs(float(f(np.array(x, dtype=float))))) * np.sqrt(np.size(x))
    assert error < FD_TOL or np.linalg.norm(np.asarray(analytic) - numeric) < floor, (
        f"analytic {analytic} vs finite differences {numeric}: relative error {error:.3e}"
    )
