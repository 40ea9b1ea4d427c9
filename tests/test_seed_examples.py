"""The handwritten results of seeds 000, 001 and 003 (the row-convention proof, the lecture
slides, the Kronecker-delta proof), each checked three ways.

Seed 001 (column convention y = W x): W = [[1,2,3],[4,5,6]], x = (9,10,11),
dL/dy = (7,8) gives y = (62,152), dL/dx = (39,54,69), dL/dW = [[63,70,77],[72,80,88]].
"""

import numpy as np
import pytest
import sympy as sp

from matgrad import Linear, numerical_gradient, symbolic

W_SEED = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
X_SEED = np.array([9.0, 10.0, 11.0])
DLDY_SEED = np.array([7.0, 8.0])
Y_EXPECTED = [62.0, 152.0]
DLDX_EXPECTED = [39.0, 54.0, 69.0]
DLDW_EXPECTED = [[63.0, 70.0, 77.0], [72.0, 80.0, 88.0]]


def test_seed001_numeric_layer_in_both_conventions():
    # column convention, as on the lecture slides: the library takes the lecture's W as it is
    column = Linear(W_SEED, convention="column")
    np.testing.assert_array_equal(column.forward(X_SEED), Y_EXPECTED)
    dX, dW, db = column.backward(X_SEED, DLDY_SEED)
    np.testing.assert_array_equal(dX, DLDX_EXPECTED)
    np.testing.assert_array_equal(dW, DLDW_EXPECTED)
    np.testing.assert_array_equal(db, DLDY_SEED)
    np.testing.assert_array_equal(column.jacobian_input(), W_SEED)
    # row convention: the library's W is the lecture's W transposed, and so is dW
    row = Linear(W_SEED.T)
    np.testing.assert_array_equal(row.forward(X_SEED), Y_EXPECTED)
    dX, dW, db = row.backward(X_SEED, DLDY_SEED)
    np.testing.assert_array_equal(dX, DLDX_EXPECTED)
    np.testing.assert_array_equal(dW.T, DLDW_EXPECTED)
    np.testing.assert_array_equal(db, DLDY_SEED)


def test_seed001_sympy_exact_column_convention():
    W = sp.Matrix(W_SEED.astype(int))
    x = symbolic.symbol_column("x", 3)
    layer = symbolic.Linear(W, convention="column")
    assert layer.jacobian_input(x) == W  # dy/dx = W in column convention
    assert layer.jacobian_input() == W  # the same for every x
    x_values = {s: int(v) for s, v in zip(x, X_SEED)}
    assert layer.forward(x).subs(x_values) == sp.Matrix(Y_EXPECTED).applyfunc(int)
    g = sp.Matrix([7, 8])
    assert layer.jacobian_input(x).T * g == sp.Matrix([39, 54, 69])
    # dL/dW from sympy's gradient of L = g . y with symbolic W
    Ws = symbolic.symbol_matrix("w", 2, 3)
    L = (g.T * symbolic.Linear(Ws, convention="column").forward(sp.Matrix([9, 10, 11])))[0]
    assert symbolic.gradient(L, Ws) == sp.Matrix([[63, 70, 77], [72, 80, 88]])
    # the symbolic twin's backward, derived by sympy, with a 1-D sample as a column
    dx, dW, db = layer.backward([9, 10, 11], [7, 8])
    assert (dx, dW, db) == (sp.Matrix([39, 54, 69]), sp.Matrix(DLDW_EXPECTED).applyfunc(int), g)


def test_seed001_finite_differences_and_hand_formula():
    def loss_of_x(x):  # L = 7 y1 + 8 y2 has dL/dy = (7, 8)
        return float(DLDY_SEED @ (W_SEED @ x))

    def loss_of_w(W):
        return float(DLDY_SEED @ (W @ X_SEED))

    dX, dW, _ = Linear(W_SEED, convention="column").backward(X_SEED, DLDY_SEED)
    np.testing.assert_allclose(numerical_gradient(loss_of_x, X_SEED), dX, rtol=1e-8)
    np.testing.assert_allclose(numerical_gradient(loss_of_w, W_SEED), dW, rtol=1e-8)
    # hand: dL/dx_j = sum_k dL/dy_k W_kj ; dL/dW_ij = dL/dy_i x_j (small integers: exact in floats)
    hand_dx = [sum(DLDY_SEED[k] * W_SEED[k, j] for k in range(2)) for j in range(3)]
    hand_dw = [[DLDY_SEED[i] * X_SEED[j] for j in range(3)] for i in range(2)]
    np.testing.assert_array_equal(dX, hand_dx)
    np.testing.assert_array_equal(dW, hand_dw)
    # and the library agrees with the numbers written in the lecture slides
    assert hand_dx == DLDX_EXPECTED and hand_dw == DLDW_EXPECTED


def test_seed000_input_jacobian_is_w_transpose():
    W = symbolic.symbol_matrix("w", 2, 3)
    x = symbolic.symbol_row("x", 2)
    layer = symbolic.Linear(W, symbolic.symbol_row("b", 3))
    assert layer.jacobian_input(x) == W.T
    assert layer.jacobian_input(x).shape == (3, 2)


def test_seed000_weight_jacobian_is_the_3x6_kronecker_matrix():
    W = symbolic.symbol_matrix("w", 2, 3)
    x = symbolic.symbol_row("x", 2)
    x1, x2 = x
    J = symbolic.Linear(W, symbolic.symbol_row("b", 3)).jacobian_weights(x)
    seed_matrix = sp.Matrix(
        [
            [x1, 0, 0, x2, 0, 0],
            [0, x1, 0, 0, x2, 0],
            [0, 0, x1, 0, 0, x2],
        ]
    )
    assert J == seed_matrix
    assert J == sp.kronecker_product(x, sp.eye(3))
    assert J == symbolic.kronecker_weight_jacobian(x, 3)
    assert J.subs({x1: 1, x2: 2}) == symbolic.kronecker_weight_jacobian([1, 2], 3)  # a 1-D list is one row
    # the numeric layer builds the same matrix
    values = np.array([2.0, -1.0])
    np.testing.assert_array_equal(
        Linear(np.ones((2, 3))).jacobian_weights(values),
        np.array(seed_matrix.subs({x1: 2, x2: -1}), dtype=float),
    )


def test_seed000_generalisation_shapes_do_not_multiply_and_outer_product_is_right():
    x = symbolic.symbol_row("x", 2)  # the seed's X^T, a 1 x 2 row
    g = symbolic.symbol_row("g", 3)  # dL/dY, 1 x 3
    with pytest.raises(sp.ShapeError):
        _ = g * x  # "dL/dY x X^T" as written: (1x3)(1x2)
    W = symbolic.symbol_matrix("w", 2, 3)
    layer = symbolic.Linear(W, symbolic.symbol_row("b", 3))
    L = (g * layer.forward(x).T)[0]  # a loss whose dL/dY is g
    outer = x.T * g  # (2x1)(1x3) = 2x3, the shape of W
    assert symbolic.gradient(L, W) == outer
    chained = (g * layer.jacobian_weights(x)).reshape(2, 3)  # (1x3)(3x6) -> 1x6 -> 2x3
    assert chained == outer


def test_seed003_kronecker_delta_results():
    m, d = 2, 3
    W = symbolic.symbol_matrix("W", m, d)
    x = symbolic.symbol_column("x", d)
    b = symbolic.symbol_column("b", m)
    g = symbolic.symbol_column("g", m)  # dJ/dy
    y = symbolic.Linear(W, b, convention="column").forward(x)
    J = (g.T * y)[0]
    # (a) dy_k/dW_ij = delta_ik x_j
    for k in range(m):
        for i in range(m):
            for j in range(d):
                assert sp.diff(y[k], W[i, j]) == (x[j] if i == k else 0)
    # (b) dJ/dW = dJ/dy x^T, an m x d matrix
    assert symbolic.gradient(J, W) == g * x.T
    # (c) dJ/dx = W^T dJ/dy
    assert symbolic.gradient(J, x) == W.T * g
