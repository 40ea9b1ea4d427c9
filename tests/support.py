"""Hypothesis strategies, cached sympy references, tolerances scaled to the terms summed,
and the finite-difference check shared by the tests."""

import functools

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from matgrad import MSELoss, numerical_gradient, relative_error, symbolic

SIZES = st.integers(min_value=1, max_value=4)
FLOATS = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False, width=64)
CONVENTIONS = ("row", "column")
ROUNDING = 1e-12  # allowed error per unit of |terms summed|: ~4500 ulps, far above float64 round-off
# Below the smallest normal float64 (2.2e-308) numbers are subnormal: they keep fewer and fewer
# significant bits, so round-off there is absolute (a few multiples of 5e-324), not relative.
# Hypothesis draws subnormal weights on purpose (5e-324, 2.2e-313), and a product of two normal
# draws can land there too, so excluding subnormals from the strategies would not be enough:
# every tolerance gets this absolute floor instead, far below any value a gradient test relies on.
SUBNORMAL_FLOOR = np.finfo(np.float64).tiny


def matrices(rows, cols, elements=FLOATS):
    """A (rows, cols) float64 array strategy."""
    return arrays(np.float64, (rows, cols), elements=elements)


def vectors(n, elements=FLOATS):
    return arrays(np.float64, (n,), elements=elements)


def assert_close(got, expected, terms, rel=ROUNDING):
    """Assert ``|got - expected| <= rel * terms + SUBNORMAL_FLOOR`` entry by entry (same shapes).

    ``terms`` is the sum of the absolute values of the terms each entry is
    computed from (e.g. ``|X| @ |W| + |b|`` for ``X @ W + b``): round-off
    is proportional to it, not to the result, which may cancel to ~0.
    """
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    assert got.shape == expected.shape, f"shapes differ: {got.shape} vs {expected.shape}"
    limit = rel * np.broadcast_to(np.abs(np.asarray(terms, dtype=float)), got.shape) + SUBNORMAL_FLOOR
    excess = np.abs(got - expected) - limit
    assert np.all(excess <= 0), (
        f"{got} vs {expected}: differences {np.abs(got - expected)} exceed {limit}"
    )


def small_net(convention="row"):
    """A 1-2-1 symbolic network with its own symbols (u.., c.., v.., d..)."""
    vector = symbolic.symbol_row if convention == "row" else symbolic.symbol_column
    shape1, shape2 = ((1, 2), (2, 1)) if convention == "row" else ((2, 1), (1, 2))
    return symbolic.Network([
        (symbolic.Linear(symbolic.symbol_matrix("u", *shape1), vector("c", 2), convention), symbolic.Sigmoid()),
        (symbolic.Linear(symbolic.symbol_matrix("v", *shape2), vector("d", 1), convention), symbolic.Identity()),
    ])


def linear_symbols(n_in, n_out, convention):
    """Symbols ``W``, ``b``, ``x`` (one sample) shaped for a Linear layer in ``convention``."""
    if convention == "row":
        return (symbolic.symbol_matrix("w", n_in, n_out), symbolic.symbol_row("b", n_out),
                symbolic.symbol_row("x", n_in))
    return (symbolic.symbol_matrix("w", n_out, n_in), symbolic.symbol_column("b", n_out),
            symbolic.symbol_column("x", n_in))


@functools.lru_cache(maxsize=None)
def linear_jacobians(n_in, n_out, convention="row"):
    """Numpy functions (W, b, x) -> sympy-derived dY/dx, dY/dW, dY/db for one sample x."""
    W, b, x = linear_symbols(n_in, n_out, convention)
    layer = symbolic.Linear(W, b, convention)
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


def gradient_terms(net, X, y, loss):
    """``[(dW terms, db terms), ...]``: the magnitude of the terms summed in ``net.gradients``.

    The same backprop, run on absolute values (``|W|``, ``|f'(N)|``, ...),
    with the output's own round-off scale (forward terms) added to the
    loss gradient's terms, times ``1 + `` the largest forward terms (an
    error in a pre-activation changes f' by a relative amount of about it).
    """
    row = net.convention == "row"
    as_row = (lambda A: np.atleast_2d(A)) if row else (lambda A: np.atleast_2d(A).T)
    X, y = as_row(np.asarray(X, dtype=float)), as_row(np.asarray(y, dtype=float))
    _, trace = net.forward(X if row else X.T)
    trace = [tuple(as_row(a) for a in seen) for seen in trace]
    Ws = [np.abs(lin.W if row else lin.W.T) for lin, _ in net.layers]
    forward = np.zeros_like(X)
    for W, (lin, _), (O, _, _) in zip(Ws, net.layers, trace):
        forward = (np.abs(O) + forward) @ W + np.abs(lin.b)
    scale = 2.0 / y.size if isinstance(loss, MSELoss) else 1.0
    upstream = scale * (np.abs(trace[-1][2]) + np.abs(y) + forward)
    growth = 1.0 + float(np.max(forward))
    terms = []
    for W, (_, act), (O, N, _) in zip(reversed(Ws), reversed(net.layers), reversed(trace)):
        dN = upstream * np.abs(act.derivative(N))
        terms.append(((np.abs(O).T @ dN) * growth, dN.sum(axis=0) * growth))
        upstream = dN @ W.T
    return [(dW if row else dW.T, db) for dW, db in terms[::-1]]


FD_TOL = 1e-6  # relative error allowed between an analytic gradient and central differences


def assert_matches_finite_differences(analytic, f, x):
    """Assert ``analytic`` equals the central-difference gradient of scalar ``f`` at ``x``.

    Passes when the relative error is below ``FD_TOL``. A gradient that is
    (nearly) zero has no relative scale; there the difference must instead
    stay below the round-off floor of central differences, which is about
    ulp(|f|) / (2 h) per entry, h = 1e-6 max(1, |x_i|) >= 1e-6:
    1e-9 * max(1, |f(x)|) * sqrt(n).
    """
    numeric = numerical_gradient(f, x)
    error = relative_error(analytic, numeric)
    floor = 1e-9 * max(1.0, abs(float(f(np.array(x, dtype=float))))) * np.sqrt(np.size(x))
    assert error < FD_TOL or np.linalg.norm(np.asarray(analytic) - numeric) < floor, (
        f"analytic {analytic} vs finite differences {numeric}: relative error {error:.3e}"
    )
