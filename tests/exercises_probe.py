"""A probe of the exercise checker: classic wrong answers, written the way students write them.

Each :class:`Wrong` is one wrong answer to one exercise, built in plain numpy
from the given values (never from the checker's mistake transforms), with
the diagnoses that would be true of it (``expect``: mistake ids; a pair is
``"a+b"``, in any order). The list comes from how students get backprop
wrong: transposes and a forgotten ``.T``, signs, the 2 and the 1/N of a
mean squared error, a mean where a sum belongs, one sample only (``=`` for
``+=``, ``X[0]``), an off-by-one loop, a path left out, σ' forgotten, taken
at the output, or replaced by σ or by z(1 - z), a dot product for ``*``,
the forward value handed in, gradient-descent variants, a function that
only works for one sample or for the example call, returned values or
arguments in another order, plain slips in one entry or one row. Some have
no modelled mistake on purpose (``expect=()``: a generic message is right).

:func:`run` checks every answer at several instances and counts: named
(the mistake is one of ``expect``), accepted (judged correct), misdiagnosed
(another mistake named), generic (no mistake named), and leaks (a message
that quotes a correct entry). ``tests/test_exercises_probe.py`` asserts the
figures; ``benchmarks/bench_check.py`` prints them and times the checks.
"""

from __future__ import annotations

import re
import time
from typing import Callable, NamedTuple

import numpy as np

from matgrad import sigmoid
from matgrad.course.exercises import EXERCISES, check

SEEDS = (None, 0, 1, 2)


class Wrong(NamedTuple):
    exercise: str
    what: str
    build: Callable  # given values -> the student's answer (raises: does not apply to this instance)
    expect: tuple = ()  # the mistake ids that are true of it; () when no mistake should be named


def _slope(h):
    return h * (1 - h)


def _bump(value, index=-1, by=1.0):
    """The answer with one entry off (an arithmetic slip)."""
    value = np.array(value, dtype=float)
    value.flat[index] += by * max(1.0, np.max(np.abs(value)))
    return value


def _row_slip(value, row=-1):
    """The answer with one row recomputed wrongly (a copy-paste slip: the row of another sample)."""
    value = np.array(value, dtype=float)
    value[row] = value[0] * 1.5 + 0.25 * np.max(np.abs(value))
    return value


# ---------------------------------------------------------------------- notebook 01
def _dx(g):
    return g.W.T @ g.dL_dy


PROBE = [
    # 01.1: the shape of dy/dx, (m, n)
    Wrong("01.1", "the denominator layout (n, m)", lambda g: (g.n, g.m), ("transposed",)),
    Wrong("01.1", "the gradient's column shape (n, 1)", lambda g: (g.n, 1), ("gradient_shape",)),
    Wrong("01.1", "the shape of x (n,)", lambda g: (g.n,), ("shape_of_x",)),
    Wrong("01.1", "the shape of y (m,)", lambda g: (g.m,), ("shape_of_y",)),
    Wrong("01.1", "y as a column (m, 1)", lambda g: (g.m, 1), ("output_column",)),
    Wrong("01.1", "all derivatives in a line (m n,)", lambda g: (g.m * g.n,), ("count_of_entries",)),
    Wrong("01.1", "all derivatives in a column (m n, 1)", lambda g: (g.m * g.n, 1), ("count_as_column",)),
    Wrong("01.1", "x as a row (1, n)", lambda g: (1, g.n), ("input_row",)),
    Wrong("01.1", "a square (m, m)", lambda g: (g.m, g.m), ()),
    # 01.2: dL/dx = W^T dL/dy
    Wrong("01.2", "the forward pass W x", lambda g: g.W @ g.x, ("forward_value",)),
    Wrong("01.2", "only the route through y_1", lambda g: g.dL_dy[0] * g.W[0], ("missing_path",)),
    Wrong("01.2", "the terms W^T * dL/dy, not summed", lambda g: g.W.T * g.dL_dy, ("missing_sum",)),
    Wrong("01.2", "the terms as W's shape, not summed", lambda g: g.W * g.dL_dy[:, None], ("missing_sum+transposed",)),
    Wrong("01.2", "a minus sign", lambda g: -_dx(g), ("sign",)),
    Wrong("01.2", "summed over j instead of i", lambda g: (g.W * g.dL_dy[:, None]).sum(axis=1), ("wrong_axis",)),
    Wrong("01.2", "the entries added into one number", lambda g: np.sum(_dx(g)), ("summed_to_scalar",)),
    Wrong("01.2", "dL/dW instead", lambda g: np.outer(g.dL_dy, g.x), ("weight_gradient_instead",)),
    Wrong("01.2", "an arithmetic slip in the last entry", lambda g: _bump(_dx(g)), ("one_entry_wrong",)),
    Wrong("01.2", "the entries in reverse order", lambda g: _dx(g)[::-1], ("permuted",)),
    Wrong("01.2", "multiplied by x as well", lambda g: _dx(g) * g.x, ()),
    # 01.3: backward(x, W, dL_dy)
    Wrong("01.3", "W @ dL_dy", lambda g: lambda x, W, d: W @ d, ("transposed_operand",)),
    Wrong("01.3", "the forward pass", lambda g: lambda x, W, d: W @ x, ("forward_value",)),
    Wrong("01.3", "only the route through y_1", lambda g: lambda x, W, d: d[0] * W[0], ("missing_path",)),
    Wrong("01.3", "terms not summed", lambda g: lambda x, W, d: W.T * d, ("missing_sum",)),
    Wrong("01.3", "a minus sign", lambda g: lambda x, W, d: -(W.T @ d), ("sign",)),
    Wrong("01.3", "no return", lambda g: lambda x, W, d: None, ("returned_none",)),
    Wrong("01.3", "the arguments in another order", lambda g: lambda W, x, d: W.T @ d, ("argument_order",)),
    Wrong("01.3", "the example's W, from the notebook", lambda g: lambda x, W, d: g.W.T @ d, ("right_for_example_only",)),
    Wrong("01.3", "summed over the wrong index", lambda g: lambda x, W, d: (W * d[:, None]).sum(axis=1), ("wrong_axis",)),
    Wrong("01.3", "dL/dW instead", lambda g: lambda x, W, d: np.outer(d, x), ("weight_gradient_instead",)),
    Wrong("01.3", "averaged over the outputs", lambda g: lambda x, W, d: W.T @ d / len(d), ("constant_factor",)),
    Wrong("01.3", "a sum that keeps the last term (= for +=)", lambda g: lambda x, W, d: W[-1] * d[-1], ("last_path_only",)),
    # ---------------------------------------------------------------- notebook 02
    # 02.1: dL/dW = dL/dy x^T
    Wrong("02.1", "x dL/dy^T", lambda g: np.outer(g.x, g.dL_dy), ("transposed",)),
    Wrong("02.1", "W in place of x", lambda g: g.dL_dy[:, None] * g.W, ("weights_instead_of_input",)),
    Wrong("02.1", "dL/dx instead", lambda g: g.W.T @ g.dL_dy, ("input_gradient_instead",)),
    Wrong("02.1", "a minus sign", lambda g: -np.outer(g.dL_dy, g.x), ("sign",)),
    Wrong("02.1", "the transpose reshaped instead of transposed", lambda g: np.outer(g.x, g.dL_dy).reshape(g.W.shape), ("permuted",)),
    Wrong("02.1", "an arithmetic slip", lambda g: _bump(np.outer(g.dL_dy, g.x), 0), ("one_entry_wrong",)),
    Wrong("02.1", "row 2 copied from the wrong output", lambda g: _row_slip(np.outer(g.dL_dy, g.x)), ("one_row_wrong",)),
    Wrong("02.1", "x dL/dy^T with a minus sign", lambda g: -np.outer(g.x, g.dL_dy), ("transposed+sign",)),
    Wrong("02.1", "the outer product with y = Wx", lambda g: np.outer(g.dL_dy, g.W @ g.x), ()),
    # 02.2: dL/db = sum over the samples
    Wrong("02.2", "the mean over the samples", lambda g: g.dL_dY.mean(axis=0), ("mean_instead_of_sum",)),
    Wrong("02.2", "the sum of each sample", lambda g: g.dL_dY.sum(axis=1), ("wrong_axis",)),
    Wrong("02.2", "the first sample", lambda g: g.dL_dY[0], ("first_sample_only",)),
    Wrong("02.2", "the last sample (= for +=)", lambda g: g.dL_dY[-1], ("last_sample_only",)),
    Wrong("02.2", "everything summed", lambda g: g.dL_dY.sum(), ("summed_to_scalar",)),
    Wrong("02.2", "dL_dY itself", lambda g: np.array(g.dL_dY), ("not_summed", "given_value")),
    Wrong("02.2", "a minus sign", lambda g: -g.dL_dY.sum(axis=0), ("sign",)),
    Wrong("02.2", "a loop from 1", lambda g: g.dL_dY[1:].sum(axis=0), ("skipped_first_sample",)),
    Wrong("02.2", "a loop that stops one short", lambda g: g.dL_dY[:-1].sum(axis=0), ("skipped_last_sample",)),
    Wrong("02.2", "the mean, with a minus sign", lambda g: -g.dL_dY.mean(axis=0), ("mean_instead_of_sum+sign",)),
    # 02.3: dL/dW = dL_dY^T X
    Wrong("02.3", "X^T dL_dY", lambda g: g.X.T @ g.dL_dY, ("transposed",)),
    Wrong("02.3", "the mean of the outer products", lambda g: g.dL_dY.T @ g.X / len(g.X), ("mean_instead_of_sum",)),
    Wrong("02.3", "the first sample", lambda g: np.outer(g.dL_dY[0], g.X[0]), ("first_sample_only",)),
    Wrong("02.3", "the last sample (= for +=)", lambda g: np.outer(g.dL_dY[-1], g.X[-1]), ("last_sample_only",)),
    Wrong("02.3", "the outer product of the sums", lambda g: np.outer(g.dL_dY.sum(0), g.X.sum(0)), ("sums_then_outer",)),
    Wrong("02.3", "one outer product per sample", lambda g: np.einsum("si,sj->sij", g.dL_dY, g.X), ("not_summed",)),
    Wrong("02.3", "a minus sign", lambda g: -(g.dL_dY.T @ g.X), ("sign",)),
    Wrong("02.3", "X^T dL_dY / N", lambda g: g.X.T @ g.dL_dY / len(g.X), ("mean_instead_of_sum+transposed",)),
    Wrong("02.3", "a loop from 1", lambda g: g.dL_dY[1:].T @ g.X[1:], ("skipped_first_sample",)),
    Wrong("02.3", "an arithmetic slip", lambda g: _bump(g.dL_dY.T @ g.X, 1), ("one_entry_wrong",)),
    Wrong("02.3", "the outer product of the means", lambda g: np.outer(g.dL_dY.mean(0), g.X.mean(0)), ()),
    # 02.4: backward(x, W, b, dL_dy) -> dL_dx, dL_dW, dL_db
    Wrong("02.4", "dL_dW transposed", lambda g: lambda x, W, b, d: (W.T @ d, np.outer(x, d), d), ("transposed",)),
    Wrong("02.4", "W @ dL_dy for dL_dx", lambda g: lambda x, W, b, d: (W @ d, np.outer(d, x), d), ("transposed_operand",)),
    Wrong("02.4", "dL_db summed to a number", lambda g: lambda x, W, b, d: (W.T @ d, np.outer(d, x), d.sum()), ("summed_to_scalar",)),
    Wrong("02.4", "W in place of x in dL_dW", lambda g: lambda x, W, b, d: (W.T @ d, d[:, None] * W, d), ("weights_instead_of_input",)),
    Wrong("02.4", "two values returned", lambda g: lambda x, W, b, d: (W.T @ d, np.outer(d, x)), ("wrong_count",)),
    Wrong("02.4", "the values in another order", lambda g: lambda x, W, b, d: (np.outer(d, x), W.T @ d, d), ("return_order",)),
    Wrong("02.4", "dL_db = b", lambda g: lambda x, W, b, d: (W.T @ d, np.outer(d, x), b), ("given_value",)),
    Wrong("02.4", "dL_db = dL_dy * x", lambda g: lambda x, W, b, d: (W.T @ d, np.outer(d, x), d * x), ("raised_error",)),
    Wrong("02.4", "dL_dx by the forward pass", lambda g: lambda x, W, b, d: (W @ x, np.outer(d, x), d), ("forward_value",)),
    Wrong("02.4", "a minus sign in dL_dW", lambda g: lambda x, W, b, d: (W.T @ d, -np.outer(d, x), d), ("sign@dL/dW",)),
    Wrong("02.4", "dL_dW transposed and dL_db summed", lambda g: lambda x, W, b, d: (W.T @ d, np.outer(x, d), d.sum()),
          ("transposed+summed_to_scalar",)),
    # ---------------------------------------------------------------- notebook 03
    # 03.1: the shape of dY/dvec(W), (m, n m)
    Wrong("03.1", "one row per weight", lambda g: (g.n * g.m, g.m), ("transposed",)),
    Wrong("03.1", "the shape of W", lambda g: (g.n, g.m), ("shape_of_W",)),
    Wrong("03.1", "the shape of W^T", lambda g: (g.m, g.n), ("shape_of_W_transposed",)),
    Wrong("03.1", "the number of weights", lambda g: (g.n * g.m,), ("count_of_weights",)),
    Wrong("03.1", "W's indices kept apart", lambda g: (g.m, g.n, g.m), ("four_dimensional",)),
    Wrong("03.1", "outputs by inputs", lambda g: (g.m, g.n * g.n), ()),
    # 03.2: dY/dvec(W) = X kron I_m
    Wrong("03.2", "I_m kron X (column by column)", lambda g: np.kron(np.eye(g.W.shape[1]), g.X), ("column_major_flattening",)),
    Wrong("03.2", "one row per weight", lambda g: np.kron(g.X, np.eye(g.W.shape[1])).T, ("transposed",)),
    Wrong("03.2", "dY/dX = W^T", lambda g: g.W.T, ("jacobian_by_input",)),
    Wrong("03.2", "I_m kron X, transposed", lambda g: np.kron(np.eye(g.W.shape[1]), g.X).T, ("column_major_flattening+transposed",)),
    Wrong("03.2", "X itself", lambda g: np.array(g.X), ("given_value",)),
    Wrong("03.2", "an arithmetic slip", lambda g: _bump(np.kron(g.X, np.eye(g.W.shape[1])), 0), ("one_entry_wrong",)),
    Wrong("03.2", "X repeated in every row", lambda g: np.tile(g.X, (g.W.shape[1], 1)), ()),
    Wrong("03.2", "a minus sign", lambda g: -np.kron(g.X, np.eye(g.W.shape[1])), ("sign",)),
    # 03.3: dL/dW = X^T dL/dY
    Wrong("03.3", "the column formula dL/dY^T X", lambda g: g.dL_dY.T @ g.X, ("transposed",)),
    Wrong("03.3", "the chain-rule row, not reshaped", lambda g: np.kron(g.X, g.dL_dY), ("not_reshaped",)),
    Wrong("03.3", "reshaped column by column", lambda g: np.kron(g.X, g.dL_dY).reshape(g.W.shape, order="F"), ("column_major_flattening",)),
    Wrong("03.3", "dL/dX instead", lambda g: g.dL_dY @ g.W.T, ("input_gradient_instead",)),
    Wrong("03.3", "a minus sign", lambda g: -(g.X.T @ g.dL_dY), ("sign",)),
    Wrong("03.3", "W in place of X", lambda g: g.W * g.dL_dY, ("weights_instead_of_input",)),
    Wrong("03.3", "an arithmetic slip", lambda g: _bump(g.X.T @ g.dL_dY, 0), ("one_entry_wrong",)),
    Wrong("03.3", "the transpose reshaped instead of transposed",
          lambda g: (g.dL_dY.T @ g.X).reshape(g.W.shape) if g.W.shape[0] != g.W.shape[1] else 1 / 0, ("permuted",)),
    Wrong("03.3", "a dot product (square W)", lambda g: g.X @ g.dL_dY.T, ("summed_to_scalar",)),
    # 03.4: backward(X, W, dL_dY) -> dL_dX, dL_dW
    Wrong("03.4", "dL_dY @ W", lambda g: lambda X, W, d: (d @ W, X.T @ d), ("transposed_operand@dL_dX",)),
    Wrong("03.4", "dL_dW = dL_dY^T X", lambda g: lambda X, W, d: (d @ W.T, d.T @ X), ("transposed@dL_dW",)),
    Wrong("03.4", "the mean over the batch", lambda g: lambda X, W, d: (d @ W.T, X.T @ d / len(X)), ("mean_instead_of_sum",)),
    Wrong("03.4", "the first sample", lambda g: lambda X, W, d: (d @ W.T, np.outer(X[0], d[0])), ("first_sample_only",)),
    Wrong("03.4", "= for += in a loop", lambda g: lambda X, W, d: (d @ W.T, np.outer(X[-1], d[-1])), ("last_sample_only",)),
    Wrong("03.4", "the values in another order", lambda g: lambda X, W, d: (X.T @ d, d @ W.T), ("return_order",)),
    Wrong("03.4", "dL_dX in the column convention", lambda g: lambda X, W, d: (W @ d.T, X.T @ d), ("transposed@dL_dX",)),
    Wrong("03.4", "the outer product of the sums", lambda g: lambda X, W, d: (d @ W.T, np.outer(X.sum(0), d.sum(0))), ("sums_then_outer",)),
    Wrong("03.4", "dL_dX for the first sample only", lambda g: lambda X, W, d: (d[0] @ W.T, X.T @ d), ("first_sample_only",)),
    Wrong("03.4", "X @ dL_dY for dL_dW", lambda g: lambda X, W, d: (d @ W.T, X @ d), ("transposed_operand@dL_dW",)),
    Wrong("03.4", "a loop from 1", lambda g: lambda X, W, d: (d @ W.T, X[1:].T @ d[1:]), ("skipped_first_sample",)),
    # ---------------------------------------------------------------- notebook 04
    # 04.1: σ'(z)
    Wrong("04.1", "σ(z) itself", lambda g: sigmoid(g.z), ("sigmoid_for_slope",)),
    Wrong("04.1", "z(1 - z)", lambda g: g.z * (1 - g.z), ("pre_activation_in_slope",)),
    Wrong("04.1", "the sigmoid applied twice", lambda g: _slope(sigmoid(sigmoid(g.z))), ("derivative_at_wrong_point",)),
    Wrong("04.1", "e^-z/(1 + e^-z), the square forgotten", lambda g: np.exp(-g.z) / (1 + np.exp(-g.z)), ("missing_square",)),
    Wrong("04.1", "the chain rule's sign", lambda g: -np.exp(-g.z) / (1 + np.exp(-g.z)) ** 2, ("sign",)),
    Wrong("04.1", "h(1 + h)", lambda g: sigmoid(g.z) * (1 + sigmoid(g.z)), ("slope_sign_inside",)),
    Wrong("04.1", "h squared", lambda g: sigmoid(g.z) ** 2, ()),
    Wrong("04.1", "an arithmetic slip", lambda g: _bump(_slope(sigmoid(g.z)), 0, 0.5), ("one_entry_wrong",)),
    Wrong("04.1", "e^-z alone", lambda g: np.exp(-g.z), ()),
    # 04.2: the shape of dL/dZ, (N, n_out)
    Wrong("04.2", "transposed", lambda g: (g.n_out, g.N), ("transposed",)),
    Wrong("04.2", "one sample's Jacobian", lambda g: (g.n_out, g.n_out), ("shape_of_jacobian",)),
    Wrong("04.2", "one sample's row", lambda g: (1, g.n_out), ("one_sample_only",)),
    Wrong("04.2", "one sample's vector", lambda g: (g.n_out,), ("one_sample_vector",)),
    Wrong("04.2", "the whole batch's Jacobian", lambda g: (g.N * g.n_out, g.N * g.n_out), ("full_jacobian",)),
    Wrong("04.2", "one number per sample", lambda g: (g.N,), ("one_per_sample",)),
    Wrong("04.2", "one number per sample, as a column", lambda g: (g.N, 1), ("one_per_sample_column",)),
    Wrong("04.2", "a Jacobian per sample", lambda g: (g.N, g.n_out, g.n_out), ("jacobian_per_sample",)),
    # 04.3: dL/dz = dL/dh * σ'(z)
    Wrong("04.3", "dL/dh unchanged", lambda g: np.array(g.dL_dh), ("missing_activation_derivative", "given_value")),
    Wrong("04.3", "σ' at h", lambda g: g.dL_dh * _slope(sigmoid(g.h)), ("derivative_at_wrong_point",)),
    Wrong("04.3", "a dot product", lambda g: g.dL_dh @ _slope(g.h), ("dot_instead_of_elementwise",)),
    Wrong("04.3", "z(1 - z)", lambda g: g.dL_dh * g.z * (1 - g.z), ("pre_activation_in_slope",)),
    Wrong("04.3", "dL/dh * h", lambda g: g.dL_dh * g.h, ("sigmoid_for_slope",)),
    Wrong("04.3", "the diagonal Jacobian times dL/dh", lambda g: np.diag(_slope(g.h)) * g.dL_dh, ("diagonal_matrix",)),
    Wrong("04.3", "the Jacobian diag(σ') itself", lambda g: np.diag(_slope(g.h)), ("diagonal_matrix",)),
    Wrong("04.3", "a minus sign", lambda g: -g.dL_dh * _slope(g.h), ("sign",)),
    Wrong("04.3", "dL/dh * (1 - h)", lambda g: g.dL_dh * (1 - g.h), ("missing_square",)),
    Wrong("04.3", "dL/dh divided by the slope", lambda g: g.dL_dh / _slope(g.h), ()),
    # 04.4: backward(z, dL_dh)
    Wrong("04.4", "dL_dh unchanged", lambda g: lambda z, d: d, ("missing_activation_derivative",)),
    Wrong("04.4", "z(1 - z)", lambda g: lambda z, d: d * z * (1 - z), ("pre_activation_in_slope",)),
    Wrong("04.4", "a dot product", lambda g: lambda z, d: d @ _slope(sigmoid(z)), ("dot_instead_of_elementwise",)),
    Wrong("04.4", "dL_dh * h", lambda g: lambda z, d: d * sigmoid(z), ("sigmoid_for_slope",)),
    Wrong("04.4", "a minus sign", lambda g: lambda z, d: -d * _slope(sigmoid(z)), ("sign",)),
    Wrong("04.4", "the sigmoid applied twice", lambda g: lambda z, d: d * _slope(sigmoid(sigmoid(z))), ("derivative_at_wrong_point",)),
    Wrong("04.4", "a loop with float() (one sample only)",
          lambda g: lambda z, d: np.array([d[i] * float(_slope(sigmoid(z[i]))) for i in range(len(z))]), ("fails_for_batch",)),
    Wrong("04.4", "the example's z, from the notebook", lambda g: lambda z, d: d * _slope(sigmoid(g.z)), ("right_for_example_only",)),
    Wrong("04.4", "the arguments in another order", lambda g: lambda d, z: d * _slope(sigmoid(z)), ("argument_order",)),
    Wrong("04.4", "h(1 + h)", lambda g: lambda z, d: d * sigmoid(z) * (1 + sigmoid(z)), ("slope_sign_inside",)),
    # ---------------------------------------------------------------- notebook 05
    # 05.1: dL/dh = h - y
    Wrong("05.1", "y - h", lambda g: g.y - g.h, ("sign",)),
    Wrong("05.1", "2(h - y)", lambda g: 2 * (g.h - g.y), ("missing_half",)),
    Wrong("05.1", "dL/dz, with the sigmoid's slope", lambda g: (g.h - g.y) * _slope(g.h), ("extra_activation_derivative",)),
    Wrong("05.1", "summed", lambda g: np.sum(g.h - g.y), ("summed_too_early",)),
    Wrong("05.1", "the loss terms", lambda g: 0.5 * (g.y - g.h) ** 2, ("loss_instead_of_gradient",)),
    Wrong("05.1", "a column", lambda g: (g.h - g.y).T, ("transposed",)),
    Wrong("05.1", "2(y - h)", lambda g: 2 * (g.y - g.h), ("missing_half+sign",)),
    Wrong("05.1", "the loss itself", lambda g: np.sum(0.5 * (g.y - g.h) ** 2), ("loss_instead_of_gradient+summed_too_early",)),
    Wrong("05.1", "a mean over the outputs", lambda g: (g.h - g.y) / g.h.size, ("constant_factor",)),
    Wrong("05.1", "the slope only", lambda g: _slope(g.h), ()),
    # 05.2: dL/dW2 = h1^T dL/dz2
    Wrong("05.2", "dL/dz2^T h1", lambda g: _dL_dz2(g).T @ g.h1, ("transposed",)),
    Wrong("05.2", "no σ'", lambda g: g.h1.T @ (sigmoid(g.h1 @ g.W2) - g.y), ("missing_activation_derivative",)),
    Wrong("05.2", "σ' at h2", lambda g: g.h1.T @ ((sigmoid(g.h1 @ g.W2) - g.y) * _slope(sigmoid(sigmoid(g.h1 @ g.W2)))),
          ("derivative_at_wrong_point",)),
    Wrong("05.2", "y - h2", lambda g: -(g.h1.T @ _dL_dz2(g)), ("sign",)),
    Wrong("05.2", "without the 1/2", lambda g: 2 * (g.h1.T @ _dL_dz2(g)), ("missing_half",)),
    Wrong("05.2", "z2(1 - z2)", lambda g: g.h1.T @ ((sigmoid(g.h1 @ g.W2) - g.y) * _slope(g.h1 @ g.W2)), ("pre_activation_in_slope",)),
    Wrong("05.2", "no sigmoid in the forward pass", lambda g: g.h1.T @ ((g.h1 @ g.W2 - g.y) * _slope(g.h1 @ g.W2)),
          ("forward_without_sigmoid",)),
    Wrong("05.2", "h2 for the slope", lambda g: g.h1.T @ ((sigmoid(g.h1 @ g.W2) - g.y) * sigmoid(g.h1 @ g.W2)), ("sigmoid_for_slope",)),
    Wrong("05.2", "W2 in place of h1", lambda g: g.W2 * _dL_dz2(g), ("weights_instead_of_input",)),
    Wrong("05.2", "dL/dh1 instead", lambda g: _dL_dz2(g) @ g.W2.T, ("input_gradient_instead",)),
    Wrong("05.2", "transposed, with y - h2", lambda g: -(_dL_dz2(g).T @ g.h1), ("transposed+sign",)),
    # 05.3: dL/dz1 = (dL/dz2 W2^T) * σ'(z1)
    Wrong("05.3", "no σ'", lambda g: g.dL_dz2 @ g.W2.T, ("missing_activation_derivative",)),
    Wrong("05.3", "σ' at h1", lambda g: (g.dL_dz2 @ g.W2.T) * _slope(sigmoid(g.h1)), ("derivative_at_wrong_point",)),
    Wrong("05.3", "only the path through z2_1", lambda g: (g.dL_dz2[:, :1] @ g.W2[:, :1].T) * _slope(g.h1), ("missing_path",)),
    Wrong("05.3", "z1(1 - z1)", lambda g: (g.dL_dz2 @ g.W2.T) * g.z1 * (1 - g.z1), ("pre_activation_in_slope",)),
    Wrong("05.3", "a dot product", lambda g: np.sum((g.dL_dz2 @ g.W2.T) * _slope(g.h1)), ("dot_instead_of_elementwise",)),
    Wrong("05.3", "a column", lambda g: ((g.dL_dz2 @ g.W2.T) * _slope(g.h1)).T, ("transposed",)),
    Wrong("05.3", "h1 for the slope", lambda g: (g.dL_dz2 @ g.W2.T) * g.h1, ("sigmoid_for_slope",)),
    Wrong("05.3", "a minus sign", lambda g: -(g.dL_dz2 @ g.W2.T) * _slope(g.h1), ("sign",)),
    Wrong("05.3", "no σ', and one path", lambda g: g.dL_dz2[:, :1] @ g.W2[:, :1].T, ("missing_path+missing_activation_derivative",)),
    Wrong("05.3", "an arithmetic slip", lambda g: _bump((g.dL_dz2 @ g.W2.T) * _slope(g.h1), 0, 0.3), ("one_entry_wrong",)),
    # 05.4: dz2/dz1 = W2^T diag(σ'(z1))
    Wrong("05.4", "diag(σ') W2^T", lambda g: np.diag(_slope(g.h1[0])) @ g.W2.T, ("wrong_order",)),
    Wrong("05.4", "W2 diag(σ')", lambda g: g.W2 @ np.diag(_slope(g.h1[0])), ("transposed_operand",)),
    Wrong("05.4", "W2^T alone", lambda g: np.array(g.W2.T), ("missing_activation_derivative",)),
    Wrong("05.4", "diag(σ') W2", lambda g: np.diag(_slope(g.h1[0])) @ g.W2, ("transposed",)),
    Wrong("05.4", "σ' at h1", lambda g: g.W2.T @ np.diag(_slope(sigmoid(g.h1[0]))), ("derivative_at_wrong_point",)),
    Wrong("05.4", "z1(1 - z1)", lambda g: g.W2.T @ np.diag(g.z1[0] * (1 - g.z1[0])), ("pre_activation_in_slope",)),
    Wrong("05.4", "diag(h1)", lambda g: g.W2.T @ np.diag(g.h1[0]), ("sigmoid_for_slope",)),
    Wrong("05.4", "W2^T * diag(σ'), entry by entry", lambda g: g.W2.T * np.diag(_slope(g.h1[0])), ("missing_sum",)),
    Wrong("05.4", "W2 alone", lambda g: np.array(g.W2),
          ("given_value", "missing_activation_derivative+transposed", "missing_activation_derivative+transposed_operand")),
    Wrong("05.4", "a minus sign", lambda g: -(g.W2.T @ np.diag(_slope(g.h1[0]))), ("sign",)),
    # 05.5: layer_backward(h_prev, W, dL_dh) -> dL_dW, dL_dh_prev
    Wrong("05.5", "no σ'", lambda g: lambda P, W, d: (P.T @ d, d @ W.T), ("missing_activation_derivative",)),
    Wrong("05.5", "σ' at h", lambda g: lambda P, W, d: (P.T @ (d * _slope(sigmoid(sigmoid(P @ W)))), (d * _slope(sigmoid(sigmoid(P @ W)))) @ W.T),
          ("derivative_at_wrong_point",)),
    Wrong("05.5", "dL_dW transposed", lambda g: lambda P, W, d: ((d * _slope(sigmoid(P @ W))).T @ P, (d * _slope(sigmoid(P @ W))) @ W.T),
          ("transposed@dL_dW",)),
    Wrong("05.5", "dL_dz @ W", lambda g: lambda P, W, d: (P.T @ (d * _slope(sigmoid(P @ W))), (d * _slope(sigmoid(P @ W))) @ W),
          ("transposed_operand",)),
    Wrong("05.5", "the mean over the batch", lambda g: lambda P, W, d: (P.T @ (d * _slope(sigmoid(P @ W))) / len(P), (d * _slope(sigmoid(P @ W))) @ W.T),
          ("mean_instead_of_sum",)),
    Wrong("05.5", "z(1 - z)", lambda g: lambda P, W, d: (P.T @ (d * _slope(P @ W)), (d * _slope(P @ W)) @ W.T),
          ("pre_activation_in_slope",)),
    Wrong("05.5", "dL_dh where dL_dz belongs, below", lambda g: lambda P, W, d: (P.T @ (d * _slope(sigmoid(P @ W))), d @ W.T),
          ("missing_activation_derivative",)),
    Wrong("05.5", "the values in another order", lambda g: lambda P, W, d: ((d * _slope(sigmoid(P @ W))) @ W.T, P.T @ (d * _slope(sigmoid(P @ W)))),
          ("return_order",)),
    Wrong("05.5", "= for += over the batch", lambda g: lambda P, W, d: (np.outer(P[-1], (d * _slope(sigmoid(P @ W)))[-1]), (d * _slope(sigmoid(P @ W))) @ W.T),
          ("last_sample_only",)),
    Wrong("05.5", "np.dot for the slope", lambda g: lambda P, W, d: (P.T @ np.dot(d, _slope(sigmoid(P @ W))), np.dot(d, _slope(sigmoid(P @ W))) @ W.T),
          ("dot_instead_of_elementwise", "raised_error")),
    Wrong("05.5", "the first sample only", lambda g: lambda P, W, d: (P[:1].T @ (d * _slope(sigmoid(P @ W)))[:1], (d * _slope(sigmoid(P @ W))) @ W.T),
          ("first_sample_only",)),
    # ---------------------------------------------------------------- notebook 06
    # 06.1: dL/dyhat = (2/N)(yhat - y)
    Wrong("06.1", "yhat - y", lambda g: g.yhat - g.y, ("missing_loss_factor",)),
    Wrong("06.1", "2(yhat - y)", lambda g: 2 * (g.yhat - g.y), ("missing_mean",)),
    Wrong("06.1", "(yhat - y)/N", lambda g: (g.yhat - g.y) / 3, ("missing_two",)),
    Wrong("06.1", "(2/N)(y - yhat)", lambda g: 2 / 3 * (g.y - g.yhat), ("sign",)),
    Wrong("06.1", "the stray sum", lambda g: np.sum(2 / 3 * (g.yhat - g.y)), ("summed_too_early",)),
    Wrong("06.1", "σ' of a linear output", lambda g: 2 / 3 * (g.yhat - g.y) * _slope(g.yhat), ("extra_activation_derivative",)),
    Wrong("06.1", "the loss terms", lambda g: (g.yhat - g.y) ** 2 / 3, ("loss_instead_of_gradient",)),
    Wrong("06.1", "the loss itself", lambda g: np.mean((g.yhat - g.y) ** 2), ("loss_instead_of_gradient+summed_too_early",)),
    Wrong("06.1", "y - yhat", lambda g: g.y - g.yhat, ("missing_loss_factor+sign",)),
    Wrong("06.1", "2(y - yhat)", lambda g: 2 * (g.y - g.yhat), ("missing_mean+sign",)),
    Wrong("06.1", "N = 4 typed", lambda g: 2 / 4 * (g.yhat - g.y), ("constant_factor",)),
    # 06.2: dL/dW3 = H2^T dL/dyhat
    Wrong("06.2", "without 2/N", lambda g: g.H2.T @ (g.yhat - g.y)[:, None], ("missing_loss_factor",)),
    Wrong("06.2", "transposed", lambda g: (g.H2.T @ _dyhat(g)).T, ("transposed",)),
    Wrong("06.2", "averaged again", lambda g: g.H2.T @ _dyhat(g) / 3, ("mean_instead_of_sum",)),
    Wrong("06.2", "the first sample", lambda g: g.H2[:1].T * _dyhat(g)[0], ("first_sample_only",)),
    Wrong("06.2", "= for += (the last sample)", lambda g: g.H2[-1:].T * _dyhat(g)[-1], ("last_sample_only",)),
    Wrong("06.2", "σ' of a linear output", lambda g: g.H2.T @ (_dyhat(g) * _slope(g.yhat[:, None])), ("extra_activation_derivative",)),
    Wrong("06.2", "y - yhat", lambda g: g.H2.T @ -_dyhat(g), ("sign",)),
    Wrong("06.2", "the product of the sums", lambda g: g.H2.sum(0)[:, None] * _dyhat(g).sum(), ("sums_then_outer",)),
    Wrong("06.2", "without the 1/N", lambda g: g.H2.T @ (2 * (g.yhat - g.y))[:, None], ("missing_mean",)),
    Wrong("06.2", "without the 2", lambda g: g.H2.T @ ((g.yhat - g.y) / 3)[:, None], ("missing_two",)),
    Wrong("06.2", "dL/db3 instead", lambda g: _dyhat(g).sum(axis=0), ("bias_gradient_instead",)),
    # 06.3: dL/dW1 = X^T ((dL/dZ2 W2^T) * H1(1 - H1))
    Wrong("06.3", "only the path through h2_1", lambda g: g.X.T @ ((g.dL_dz2[:, :1] @ g.W2[:, :1].T) * _slope(g.H1)), ("missing_path",)),
    Wrong("06.3", "no σ'", lambda g: g.X.T @ (g.dL_dz2 @ g.W2.T), ("missing_activation_derivative",)),
    Wrong("06.3", "W2 where W2^T belongs", lambda g: g.X.T @ ((g.dL_dz2 @ g.W2) * _slope(g.H1)), ("transposed_operand",)),
    Wrong("06.3", "divided by N again", lambda g: g.X.T @ _dL_dz1(g) / 3, ("mean_instead_of_sum",)),
    Wrong("06.3", "H1 for the slope", lambda g: g.X.T @ ((g.dL_dz2 @ g.W2.T) * g.H1), ("sigmoid_for_slope",)),
    Wrong("06.3", "transposed", lambda g: (g.X.T @ _dL_dz1(g)).T, ("transposed",)),
    Wrong("06.3", "the first sample", lambda g: g.X[:1].T @ _dL_dz1(g)[:1], ("first_sample_only",)),
    Wrong("06.3", "σ' at H1", lambda g: g.X.T @ ((g.dL_dz2 @ g.W2.T) * _slope(sigmoid(g.H1))), ("derivative_at_wrong_point",)),
    Wrong("06.3", "a minus sign", lambda g: -(g.X.T @ _dL_dz1(g)), ("sign",)),
    Wrong("06.3", "dL/db1 instead", lambda g: _dL_dz1(g).sum(axis=0, keepdims=True), ("bias_gradient_instead",)),
    Wrong("06.3", "one path and no σ'", lambda g: g.X.T @ (g.dL_dz2[:, :1] @ g.W2[:, :1].T),
          ("missing_path+missing_activation_derivative",)),
    # 06.4: W3 - lr dL/dW3
    Wrong("06.4", "uphill", lambda g: g.W3 + g.lr * g.dL_dW3, ("sign",)),
    Wrong("06.4", "no learning rate", lambda g: g.W3 - g.dL_dW3, ("missing_learning_rate",)),
    Wrong("06.4", "divided by lr", lambda g: g.W3 - g.dL_dW3 / g.lr, ("divided_by_learning_rate",)),
    Wrong("06.4", "only the step", lambda g: -g.lr * g.dL_dW3, ("step_only",)),
    Wrong("06.4", "the step with the wrong sign", lambda g: g.lr * g.dL_dW3, ("step_only+sign",)),
    Wrong("06.4", "uphill, no learning rate", lambda g: g.W3 + g.dL_dW3, ("missing_learning_rate+sign",)),
    Wrong("06.4", "the gradient itself", lambda g: np.array(g.dL_dW3), ("given_value",)),
    Wrong("06.4", "W3 unchanged", lambda g: np.array(g.W3), ("given_value",)),
    Wrong("06.4", "a row", lambda g: (g.W3 - g.lr * g.dL_dW3).T, ("transposed",)),
    Wrong("06.4", "lr = 0.01 typed", lambda g: g.W3 - 0.01 * g.dL_dW3, ()),
    # 06.5: output_backward(H2, yhat, y) -> dL_dW3, dL_db3
    Wrong("06.5", "N = 3 written in", lambda g: lambda H, p, y: (H.T @ (2 / 3 * (p - y)), (2 / 3 * (p - y)).sum(axis=0)),
          ("hard_coded_size",)),
    Wrong("06.5", "without 2/N", lambda g: lambda H, p, y: (H.T @ (p - y), (p - y).sum(axis=0)), ("missing_loss_factor",)),
    Wrong("06.5", "dL_dW3 averaged again", lambda g: lambda H, p, y: (H.T @ _d(p, y) / len(y), _d(p, y).sum(axis=0)),
          ("mean_instead_of_sum@dL_dW3",)),
    Wrong("06.5", "dL_db3 averaged again", lambda g: lambda H, p, y: (H.T @ _d(p, y), _d(p, y).mean(axis=0)),
          ("mean_instead_of_sum@dL_db3",)),
    Wrong("06.5", "y - yhat", lambda g: lambda H, p, y: (H.T @ _d(y, p), _d(y, p).sum(axis=0)), ("sign",)),
    Wrong("06.5", "dL_db3 not summed", lambda g: lambda H, p, y: (H.T @ _d(p, y), _d(p, y)), ("wrong_axis",)),
    Wrong("06.5", "dL_dW3 transposed", lambda g: lambda H, p, y: (_d(p, y).T @ H, _d(p, y).sum(axis=0)), ("transposed",)),
    Wrong("06.5", "the values in another order", lambda g: lambda H, p, y: (_d(p, y).sum(axis=0), H.T @ _d(p, y)), ("return_order",)),
    Wrong("06.5", "the example's numbers, from the notebook", lambda g: lambda H, p, y: (g.H2.T @ _d(g.yhat, g.y), _d(g.yhat, g.y).sum(axis=0)),
          ("right_for_example_only",)),
    Wrong("06.5", "without the 1/N", lambda g: lambda H, p, y: (H.T @ (2 * (p - y)), (2 * (p - y)).sum(axis=0)), ("missing_mean",)),
    Wrong("06.5", "= for += (the last sample) in dL_db3", lambda g: lambda H, p, y: (H.T @ _d(p, y), _d(p, y)[-1]),
          ("last_sample_only@dL_db3",)),
    Wrong("06.5", "σ' of a linear output", lambda g: lambda H, p, y: (H.T @ (_d(p, y) * _slope(p)), (_d(p, y) * _slope(p)).sum(axis=0)),
          ("extra_activation_derivative",)),
    # 07.1: linear_backward(dZ, X, W) -> dX, dW, db
    Wrong("07.1", "dZ @ W: the transpose forgotten", lambda g: lambda dZ, X, W: (dZ @ W, X.T @ dZ, dZ.sum(axis=0)),
          ("transposed_operand@dL/dX",)),
    Wrong("07.1", "X @ dZ.T for dW", lambda g: lambda dZ, X, W: (dZ @ W.T, (X.T @ dZ).T, dZ.sum(axis=0)), ("transposed@dW",)),
    Wrong("07.1", "db averaged", lambda g: lambda dZ, X, W: (dZ @ W.T, X.T @ dZ, dZ.mean(axis=0)), ("mean_instead_of_sum@dL/db",)),
    Wrong("07.1", "db summed over the outputs", lambda g: lambda dZ, X, W: (dZ @ W.T, X.T @ dZ, dZ.sum(axis=1)), ("wrong_axis",)),
    Wrong("07.1", "db to one number", lambda g: lambda dZ, X, W: (dZ @ W.T, X.T @ dZ, dZ.sum()), ("summed_to_scalar",)),
    Wrong("07.1", "dW from the first sample", lambda g: lambda dZ, X, W: (dZ @ W.T, np.outer(X[0], dZ[0]), dZ.sum(axis=0)),
          ("first_sample_only@dL/dW",)),
    Wrong("07.1", "dW averaged", lambda g: lambda dZ, X, W: (dZ @ W.T, X.T @ dZ / len(X), dZ.sum(axis=0)), ("mean_instead_of_sum@dL/dW",)),
    Wrong("07.1", "dW as the outer product of the sums", lambda g: lambda dZ, X, W: (dZ @ W.T, np.outer(X.sum(axis=0), dZ.sum(axis=0)),
          dZ.sum(axis=0)), ("sums_then_outer",)),
    Wrong("07.1", "a loop with = for += in db", lambda g: lambda dZ, X, W: (dZ @ W.T, X.T @ dZ, dZ[-1]), ("last_sample_only@dL/db",)),
    Wrong("07.1", "the values in another order", lambda g: lambda dZ, X, W: (X.T @ dZ, dZ @ W.T, dZ.sum(axis=0)), ("return_order",)),
    Wrong("07.1", "dX with a minus sign", lambda g: lambda dZ, X, W: (-(dZ @ W.T), X.T @ dZ, dZ.sum(axis=0)), ("sign@dX",)),
    # 07.2: mse_backward(Y_hat, Y) -> dY_hat
    Wrong("07.2", "without the 2", lambda g: lambda p, y: (p - y) / len(y), ("missing_two",)),
    Wrong("07.2", "without the 1/N", lambda g: lambda p, y: 2 * (p - y), ("missing_mean",)),
    Wrong("07.2", "y - y_hat", lambda g: lambda p, y: 2 * (y - p) / len(y), ("sign",)),
    Wrong("07.2", "the loss, not its derivative", lambda g: lambda p, y: (p - y) ** 2 / len(y), ("loss_instead_of_gradient",)),
    Wrong("07.2", "N = 3 written in", lambda g: lambda p, y: 2 * (p - y) / 3, ("hard_coded_size", "right_for_example_only")),
    Wrong("07.2", "summed to one number", lambda g: lambda p, y: np.sum(2 * (p - y) / len(y)), ("summed_too_early",)),
    Wrong("07.2", "neither 2 nor 1/N", lambda g: lambda p, y: p - y, ("missing_loss_factor",)),
    Wrong("07.2", "times σ'(y_hat)", lambda g: lambda p, y: 2 * (p - y) / len(y) * _slope(p), ("extra_activation_derivative",)),
    # 07.3: W - lr X^T (2/N)(XW + b - Y)
    Wrong("07.3", "uphill", lambda g: g.W + g.lr * _dW7(g), ("sign",)),
    Wrong("07.3", "no learning rate", lambda g: g.W - _dW7(g), ("missing_learning_rate",)),
    Wrong("07.3", "without the 1/N", lambda g: g.W - g.lr * _dW7(g) * len(g.Y), ("missing_mean",)),
    Wrong("07.3", "without the 2", lambda g: g.W - g.lr * _dW7(g) / 2, ("missing_two",)),
    Wrong("07.3", "only the step", lambda g: -g.lr * _dW7(g), ("step_only",)),
    Wrong("07.3", "the first sample only", lambda g: g.W - g.lr * np.outer(g.X[0], 2 / len(g.Y) * (g.X[0] @ g.W + g.b - g.Y[0])),
          ("first_sample_only",)),
    Wrong("07.3", "the gradient averaged again", lambda g: g.W - g.lr * _dW7(g) / len(g.Y), ("mean_instead_of_sum",)),
    Wrong("07.3", "a row", lambda g: (g.W - g.lr * _dW7(g)).T, ("transposed",)),
    Wrong("07.3", "W unchanged", lambda g: np.array(g.W), ("given_value",)),
    # 07.4: (L_plus - L_minus) / (2h)
    Wrong("07.4", "a forward difference", lambda g: (np.asarray(g.L_plus) - g.L_0) / g.h, ("forward_difference",)),
    Wrong("07.4", "a backward difference", lambda g: (np.asarray(g.L_0) - g.L_minus) / g.h, ("backward_difference",)),
    Wrong("07.4", "divided by h", lambda g: (np.asarray(g.L_plus) - g.L_minus) / g.h, ("missing_two_in_step",)),
    Wrong("07.4", "minus and plus swapped", lambda g: (np.asarray(g.L_minus) - g.L_plus) / (2 * g.h), ("sign",)),
    Wrong("07.4", "h^2 in the denominator", lambda g: (np.asarray(g.L_plus) - g.L_minus) / (2 * g.h ** 2), ("constant_factor",)),
]


def _dW7(g):
    return g.X.T @ (2 / len(g.Y) * (g.X @ g.W + g.b - g.Y))


def _dL_dz2(g):
    h2 = sigmoid(g.h1 @ g.W2)
    return (h2 - g.y) * _slope(h2)


def _dyhat(g):
    return (2 / 3 * (g.yhat - g.y))[:, None]


def _dL_dz1(g):
    return (g.dL_dz2 @ g.W2.T) * _slope(g.H1)


def _d(yhat, y):
    return 2 / len(y) * (yhat - y)


# ---------------------------------------------------------------------- scoring
def matches(mistake, expect):
    """``mistake`` (``"a+b"``) is one of ``expect``, whatever the order of its parts."""
    if not mistake:
        return False
    parts = sorted(mistake.split("+"))
    return any(sorted(option.split("+")) == parts for option in expect)


# what a message may quote: shapes (2, 3), indices [0, 1], counts ("2 of 6 entries"), N = 4
_SHAPES = re.compile(
    r"\(\s*-?\d+(?:\s*,\s*-?\d+)*\s*,?\s*\)|\[\s*-?\d+(?:\s*,\s*-?\d+)*\s*\]|\d+ of \d+ entries|N = \d+"
)
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.%]| %)")


def _values(exercise, seed):
    """Every entry of the solution of one instance (a function exercise: of every case)."""
    solution = exercise.instance(seed).solution
    if exercise.kind == "function":
        return np.concatenate([np.ravel(v) for outcome in solution for v in outcome])
    return np.ravel(solution)


def leaks(feedback, exercise, seed):
    """The correct entries (or the correct shape) that ``feedback`` quotes."""
    instance = exercise.instance(seed)
    if exercise.kind == "shape":
        shape = instance.solution
        texts = [str(shape), " x ".join(map(str, shape))]
        return [text for text in texts if text in feedback.message]
    shown = set()
    for case in instance.cases:
        for value in case.values():
            shown.update(np.round(np.ravel(np.asarray(value, dtype=float)), 6).tolist())
    found = []
    for token in _NUMBER.findall(_SHAPES.sub(" ", feedback.message)):
        number = float(token)
        if number == 0 or (number.is_integer() and abs(number) <= 10) or round(number, 6) in shown:
            continue
        if np.any(np.abs(_values(exercise, seed) - number) <= 1e-3 * abs(number) + 1e-9):
            found.append(token)
    return found


class Result(NamedTuple):
    wrong: Wrong
    seed: object
    feedback: object
    seconds: float
    leaked: list

    @property
    def verdict(self):
        if self.feedback.correct:
            return "accepted"
        if matches(self.feedback.mistake, self.wrong.expect):
            return "named"
        if self.feedback.mistake is None:
            return "generic" if not self.wrong.expect else "unnamed"
        return "misdiagnosed"


def run(probe=PROBE, seeds=SEEDS):
    """Check every wrong answer at every seed where it can be built: a list of :class:`Result`."""
    results = []
    for wrong in probe:
        exercise = EXERCISES[wrong.exercise]
        for seed in seeds:
            try:
                with np.errstate(all="ignore"):
                    answer = wrong.build(exercise.inputs(seed))
            except (ValueError, IndexError, ZeroDivisionError):
                continue  # a student could not have written this answer for this instance
            start = time.perf_counter()
            feedback = check(wrong.exercise, answer, seed=seed)
            seconds = time.perf_counter() - start
            results.append(Result(wrong, seed, feedback, seconds, [] if feedback.correct else leaks(feedback, exercise, seed)))
    return results


def summary(results):
    """The probe's figures: counts per verdict, the named share, leaks, and the size of the probe."""
    verdicts = [r.verdict for r in results]
    kinds = {(r.wrong.exercise, r.wrong.what) for r in results}
    return {
        "answers": len(results),
        "kinds": len(kinds),
        "exercises": len({r.wrong.exercise for r in results}),
        "seeds": len({r.seed for r in results}),
        "named": verdicts.count("named"),
        "named_share": verdicts.count("named") / len(results),
        "generic": verdicts.count("generic"),
        "unnamed": verdicts.count("unnamed"),
        "accepted": verdicts.count("accepted"),
        "misdiagnosed": verdicts.count("misdiagnosed"),
        "leaks": sum(bool(r.leaked) for r in results),
    }


def line(figures):
    """The benchmark line."""
    return (
        f"probe: {figures['answers']} wrong answers ({figures['kinds']} kinds, {figures['exercises']} exercises, "
        f"{figures['seeds']} instances each): {100 * figures['named_share']:.1f}% named, "
        f"{figures['generic'] + figures['unnamed']} generic, {figures['accepted']} accepted, "
        f"{figures['misdiagnosed']} misdiagnosed, {figures['leaks']} leaks"
    )
