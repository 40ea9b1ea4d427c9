"""Numeric layers (numpy, float64), row convention.

A batch is a matrix with one sample per row: ``X`` has shape ``(batch, n_in)``.
A 1-D input is treated as a single row and the results come back 1-D.

Each layer holds only its parameters. ``backward`` receives the forward
input explicitly, so any method may be called at any time, in any order.
"""

import numpy as np

from matgrad._validate import as_float_array, as_rows, same_shape


def _frozen(array):
    array = np.array(array, dtype=np.float64)  # a private copy
    array.flags.writeable = False
    return array


class Linear:
    """Affine layer ``Y = X @ W + b``.

    Parameters
    ----------
    W : array of shape (n_in, n_out)
    b : array of shape (n_out,), optional (zeros if omitted)

    Examples
    --------
    The lecture example of seed 001 in row convention (W here is the
    lecture's W transposed):

    >>> layer = Linear([[1, 4], [2, 5], [3, 6]], [0, 0])
    >>> layer.forward([9, 10, 11])
    array([ 62., 152.])
    >>> dX, dW, db = layer.backward([9, 10, 11], [7, 8])
    >>> dX
    array([39., 54., 69.])
    >>> dW.T
    array([[63., 70., 77.],
           [72., 80., 88.]])
    """

    def __init__(self, W, b=None):
        W = as_float_array(W, "W", ndims=(2,))
        n_out = W.shape[1]
        if b is None:
            b = np.zeros(n_out)
        b = as_float_array(b, "b", ndims=(1,))
        if b.shape != (n_out,):
            raise ValueError(
                f"b must have shape (n_out,) = ({n_out},) to match W of shape {W.shape}; "
                f"got shape {b.shape}"
            )
        self.W = _frozen(W)
        self.b = _frozen(b)

    @property
    def n_in(self):
        return self.W.shape[0]

    @property
    def n_out(self):
        return self.W.shape[1]

    def __repr__(self):
        return f"Linear(n_in={self.n_in}, n_out={self.n_out})"

    def forward(self, X):
        """``X`` (batch, n_in) or (n_in,) -> ``X @ W + b`` (batch, n_out) or (n_out,)."""
        rows, was_1d = as_rows(X, "X", n_cols=self.n_in)
        Y = rows @ self.W + self.b
        return Y[0] if was_1d else Y

    def backward(self, X, dY):
        """Gradients of a scalar loss given ``dY = dL/dY``.

        ``X`` (batch, n_in), ``dY`` (batch, n_out) -> ``(dX, dW, db)`` with
        ``dX = dY @ W.T`` (batch, n_in), ``dW = X.T @ dY`` (n_in, n_out) and
        ``db = dY.sum(axis=0)`` (n_out,). 1-D ``X`` and ``dY`` are one row;
        ``dX`` then comes back 1-D.

        >>> Linear([[1.0], [2.0]]).backward([[1, 1], [2, 0]], [[1], [1]])[1]
        array([[3.],
               [1.]])
        """
        rows, was_1d = as_rows(X, "X", n_cols=self.n_in)
        grad_rows, _ = as_rows(dY, "dY", n_cols=self.n_out)
        if grad_rows.shape[0] != rows.shape[0]:
            raise ValueError(
                f"X and dY must have the same number of rows (one per sample); "
                f"got X {np.shape(X)} and dY {np.shape(dY)}"
            )
        dX = grad_rows @ self.W.T
        dW = rows.T @ grad_rows
        db = grad_rows.sum(axis=0)
        return (dX[0] if was_1d else dX), dW, db

    def jacobian_input(self):
        """dY/dX for one row: ``W.T``, shape (n_out, n_in); entry [k, i] = dy_k/dx_i.

        >>> Linear([[1, 2, 3], [4, 5, 6]]).jacobian_input()
        array([[1., 4.],
               [2., 5.],
               [3., 6.]])
        """
        return np.array(self.W.T)

    def jacobian_weights(self, x):
        """dY/dW for one row ``x`` (n_in,), over W flattened row by row.

        Shape (n_out, n_in * n_out); entry [k, i * n_out + j] = dy_k/dW_ij
        = x_i if j == k else 0. It equals ``kron(x, I_{n_out})``.

        >>> Linear(np.ones((2, 3))).jacobian_weights([5, 7])
        array([[5., 0., 0., 7., 0., 0.],
               [0., 5., 0., 0., 7., 0.],
               [0., 0., 5., 0., 0., 7.]])
        """
        x = as_float_array(x, "x", ndims=(1,))
        if x.shape != (self.n_in,):
            raise ValueError(f"x must have shape ({self.n_in},); got shape {x.shape}")
        return np.kron(x[np.newaxis, :], np.eye(self.n_out))


def sigmoid(Z):
    """Logistic function, stable for any finite input (no overflow warning).

    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(-np.abs(Z))  # in (0, 1], never overflows
    return np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class _Elementwise:
    """An activation applied entry by entry: a diagonal Jacobian."""

    def _function(self, Z):
        raise NotImplementedError

    def derivative(self, Z):
        """Entry-wise derivative f'(Z), same shape as ``Z``."""
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}()"

    def forward(self, Z):
        """``Z`` (batch, n) or (n,) -> ``f(Z)``, same shape."""
        Z = as_float_array(Z, "Z")
        return self._function(Z)

    def backward(self, Z, dO):
        """``dZ = dO * f'(Z)`` (entry-wise), where ``dO = dL/dO``; same shape as ``Z``."""
        Z = as_float_array(Z, "Z")
        dO = as_float_array(dO, "dO")
        same_shape(Z, dO, "Z", "dO")
        return dO * self.derivative(Z)

    def jacobian(self, z):
        """dO/dZ for one row ``z`` (n,): the diagonal matrix diag(f'(z)), shape (n, n)."""
        z = as_float_array(z, "z", ndims=(1,))
        return np.diag(self.derivative(z))


class Sigmoid(_Elementwise):
    """Sigmoid activation ``s(z) = 1 / (1 + exp(-z))`` with ``s' = s (1 - s)``.

    >>> act = Sigmoid()
    >>> act.forward([0.0, 2.0])
    array([0.5       , 0.88079708])
    >>> act.backward([0.0, 2.0], [1.0, 1.0])
    array([0.25      , 0.10499359])
    >>> act.jacobian([0.0, 0.0])
    array([[0.25, 0.  ],
           [0.  , 0.25]])
    """

    def _function(self, Z):
        return sigmoid(Z)

    def derivative(self, Z):
        # s (1 - s) written as e / (1 + e)^2 with e = exp(-|z|): the same
        # number, without the cancellation in 1 - s when s is close to 1.
        e = np.exp(-np.abs(np.asarray(Z, dtype=np.float64)))
        return e / (1.0 + e) ** 2


class Identity(_Elementwise):
    """Identity activation: ``forward(Z) = Z``, derivative 1.

    >>> Identity().backward([[3.0, -1.0]], [[2.0, 5.0]])
    array([[2., 5.]])
    """

    def _function(self, Z):
        return Z.copy()

    def derivative(self, Z):
        return np.ones_like(np.asarray(Z, dtype=np.float64))
