"""Library properties that notebooks 01 and 02 state in general.

The notebooks check their own numbers in folded cells (nbval re-runs them);
what they claim for *every* layer is checked here, for many sizes:

* the convention contract's rule 3 (notebook 01, used in 02 section 2): with W
  flattened row by row, the column-convention weight Jacobian of one sample is
  ``I_m (x) x^T``; with W's columns stacked (the standard vec) the same
  derivatives form ``x^T (x) I_m``. Row convention: ``X (x) I_m`` and
  ``I_m (x) X``. The library's ``jacobian_weights`` uses the row-by-row order.
* upstream x local (notebook 02 section 4): ``dL/dW`` is ``g^T (dy/dvec_row W)``
  reshaped row by row, in both conventions.
* a batch (notebook 02 section 6): ``dL/dW`` and ``dL/db`` are the SUM of the
  samples' own gradients, ``sum_s g_s x_s^T`` and ``sum_s g_s``.
"""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from matgrad import Linear, symbolic
from tests.support import CONVENTIONS, SIZES, assert_close, matrices, vectors


def column_stacked_order(rows, cols):
    """Row-by-row positions of a (rows, cols) matrix's entries, listed column by column."""
    return [i * cols + j for j in range(cols) for i in range(rows)]


def test_column_stacked_order_of_a_2x3_matrix():
    # w11 w12 w13 / w21 w22 w23 row by row are 0..5; the columns stacked: w11 w21 w12 w22 w13 w23
    assert column_stacked_order(2, 3) == [0, 3, 1, 4, 2, 5]


@pytest.mark.parametrize("n_in", [1, 2, 3])
@pytest.mark.parametrize("n_out", [1, 2, 3])
def test_weight_jacobian_by_rows_and_by_columns_is_one_of_two_kronecker_products(n_in, n_out):
    # column convention: y = W x, W (n_out, n_in)
    x = symbolic.symbol_column("x", n_in)
    W = symbolic.symbol_matrix("w", n_out, n_in)
    y = symbolic.Linear(W, convention="column").forward(x)
    by_columns = sp.Matrix([W[i, j] for j in range(n_in) for i in range(n_out)])
    assert symbolic.jacobian(y, W) == sp.kronecker_product(sp.eye(n_out), x.T)
    assert symbolic.jacobian(y, by_columns) == sp.kronecker_product(x.T, sp.eye(n_out))
    # row convention: y = x W, x a row, W (n_in, n_out)
    x_row = symbolic.symbol_row("x", n_in)
    W_row = symbolic.symbol_matrix("w", n_in, n_out)
    y_row = symbolic.Linear(W_row).forward(x_row)
    by_columns_row = sp.Matrix([W_row[i, j] for j in range(n_out) for i in range(n_in)])
    assert symbolic.jacobian(y_row, W_row) == sp.kronecker_product(x_row, sp.eye(n_out))
    assert symbolic.jacobian(y_row, by_columns_row) == sp.kronecker_product(sp.eye(n_out), x_row)


@settings(max_examples=40, deadline=None)
@given(st.data(), SIZES, SIZES)
def test_numeric_weight_jacobian_reordered_by_columns_is_the_other_kronecker(data, n_in, n_out):
    x = data.draw(vectors(n_in))
    column = Linear(np.ones((n_out, n_in)), convention="column").jacobian_weights(x)
    np.testing.assert_array_equal(column, np.kron(np.eye(n_out), x[None, :]))
    np.testing.assert_array_equal(column[:, column_stacked_order(n_out, n_in)],
                                  np.kron(x[None, :], np.eye(n_out)))
    row = Linear(np.ones((n_in, n_out))).jacobian_weights(x)
    np.testing.assert_array_equal(row, np.kron(x[None, :], np.eye(n_out)))
    np.testing.assert_array_equal(row[:, column_stacked_order(n_in, n_out)],
                                  np.kron(np.eye(n_out), x[None, :]))


@settings(max_examples=60, deadline=None)
@given(st.data(), SIZES, SIZES, st.sampled_from(CONVENTIONS))
def test_weight_gradient_is_upstream_times_flattened_local_gradient(data, n_in, n_out, convention):
    shape = (n_in, n_out) if convention == "row" else (n_out, n_in)
    layer = Linear(data.draw(matrices(*shape)), data.draw(vectors(n_out)), convention)
    x, g = data.draw(vectors(n_in)), data.draw(vectors(n_out))
    _, dW, _ = layer.backward(x, g)
    local = layer.jacobian_weights(x)                    # (n_out, n_in * n_out), W row by row
    assert local.shape == (n_out, n_in * n_out)
    via_local = (g @ local).reshape(shape)               # (1, n_out)(n_out, n_in n_out), row by row
    assert_close(via_local, dW, (np.abs(g) @ np.abs(local)).reshape(shape))
    outer = np.outer(g, x) if convention == "column" else np.outer(x, g)
    assert_close(dW, outer, np.abs(outer))


@settings(max_examples=60, deadline=None)
@given(st.data(), SIZES, SIZES, st.integers(min_value=1, max_value=5), st.sampled_from(CONVENTIONS))
def test_a_batch_gradient_is_the_sum_of_the_samples_gradients(data, n_in, n_out, batch, convention):
    shape = (n_in, n_out) if convention == "row" else (n_out, n_in)
    layer = Linear(data.draw(matrices(*shape)), data.draw(vectors(n_out)), convention)
    X, G = data.draw(matrices(batch, n_in)), data.draw(matrices(batch, n_out))  # one sample a row
    if convention == "row":
        _, dW, db = layer.backward(X, G)
        terms = np.abs(X).T @ np.abs(G)
    else:
        _, dW, db = layer.backward(X.T, G.T)             # column convention: one sample a column
        terms = np.abs(G).T @ np.abs(X)
    one_by_one = [layer.backward(X[s], G[s]) for s in range(batch)]
    assert_close(dW, sum(dW_s for _, dW_s, _ in one_by_one), terms)
    assert_close(db, sum(db_s for _, _, db_s in one_by_one), np.abs(G).sum(axis=0))
    outers = sum(np.outer(G[s], X[s]) if convention == "column" else np.outer(X[s], G[s])
                 for s in range(batch))
    assert_close(dW, outers, terms)
    assert_close(db, G.sum(axis=0), np.abs(G).sum(axis=0))
