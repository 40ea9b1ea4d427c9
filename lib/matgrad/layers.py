"""Numeric layers (numpy, float64): Linear in row or column convention, Sigmoid, Identity.

Row convention (the default): a batch is a matrix with one sample per row,
``X`` of shape ``(batch, n_in)``. Column convention: one sample per column,
``X`` of shape ``(n_in, batch)``. A 1-D input is ONE sample in either
convention, and the results for it come back 1-D.

Each layer holds only its parameters. ``backward`` receives the forward
input explicitly, so any method may be called at any time, in any order.
"""

import numpy as np

from matgrad._validate import as_float_array, as_samples, bias_vector, check_convention
from matgrad._validate import finite_result, frozen, largest, one_sample, same_shape

__all__ = ["Identity", "Linear", "Sigmoid", "sigmoid"]


class Linear:
    """Affine layer. Row convention: ``Y = X W + b``; column convention: ``y = W x + b``.

    Parameters
    ----------
    W : array, (n_in, n_out) in row convention, (n_out, n_in) in column convention
    b : any vector of n_out entries (1-D, (1, n_out) or (n_out, 1)), optional
        (zeros if omitted); stored with shape (n_out,)
    convention : ``"row"`` (a batch is rows) or ``"column"`` (a batch is columns)

    Examples
    --------
    The lecture slides' example, in column convention as on the slides:

    >>> layer = Linear([[1, 2, 3], [4, 5, 6]], convention="column")
    >>> layer.forward([9, 10, 11])
    array([ 62., 152.])
    >>> dx, dW, db = layer.backward([9, 10, 11], [7, 8])
    >>> dx
    array([39., 54., 69.])
    >>> dW
    array([[63., 70., 77.],
           [72., 80., 88.]])

    In row convention the same layer holds W transposed (and dW comes back transposed):

    >>> Linear([[1, 4], [2, 5], [3, 6]]).backward([9, 10, 11], [7, 8])[1].T[1]
    array([72., 80., 88.])
    """

    def __init__(self, W, b=None, convention="row"):
        self._convention = check_convention(convention)
        W = as_float_array(W, "W", ndims=(2,))
        self.W = frozen(W)
        self.b = frozen(bias_vector(b, self.n_out, W.shape, convention))

    @property
    def convention(self):
        """``"row"`` (``Y = X W + b``) or ``"column"`` (``y = W x + b``)."""
        return self._convention

    @property
    def n_in(self):
        """Inputs per sample."""
        return self.W.shape[0 if self._convention == "row" else 1]

    @property
    def n_out(self):
        """Outputs per sample."""
        return self.W.shape[1 if self._convention == "row" else 0]

    def __repr__(self):
        return f"Linear(n_in={self.n_in}, n_out={self.n_out}, convention={self._convention!r})"

    def forward(self, X):
        """Row: ``X`` (batch, n_in) -> ``X W + b`` (batch, n_out). Column: ``X`` (n_in, batch)
        -> ``W X + b`` (n_out, batch). A 1-D ``X`` (n_in,) gives a 1-D result (n_out,)."""
        M, was_1d = as_samples(X, "X", self.n_in, self._convention)
        with np.errstate(all="ignore"):
            Y = M @ self.W + self.b if self._convention == "row" else self.W @ M + self.b[:, None]
        formula = "X @ W + b" if self._convention == "row" else "W @ X + b"
        big = f"largest |X| = {largest(M)}, |W| = {largest(self.W)}, |b| = {largest(self.b)}"
        finite_result(Y, f"Linear.forward: {formula}", f"X or W must be smaller ({big})")
        return Y.ravel() if was_1d else Y

    def backward(self, X, dY):
        """``(dX, dW, db)`` of a scalar loss L given ``dY = dL/dY`` (Y's shape), summed over the batch.

        Row: ``dX = dY W^T``, ``dW = X^T dY``, ``db`` = column sums of ``dY``.
        Column: ``dX = W^T dY``, ``dW = dY X^T``, ``db`` = row sums of ``dY``.
        ``dX`` has X's shape (1-D for a 1-D X), ``dW`` W's and ``db`` (n_out,).

        >>> Linear([[1.0], [2.0]]).backward([[1, 1], [2, 0]], [[1], [1]])[1]
        array([[3.],
               [1.]])
        """
        M, was_1d = as_samples(X, "X", self.n_in, self._convention)
        G, _ = as_samples(dY, "dY", self.n_out, self._convention)
        axis, unit = (0, "rows") if self._convention == "row" else (1, "columns")
        if G.shape[axis] != M.shape[axis]:
            raise ValueError(
                f"X and dY must have the same number of {unit} (one per sample); "
                f"got X {np.shape(X)} and dY {np.shape(dY)}"
            )
        with np.errstate(all="ignore"):
            if self._convention == "row":
                dX, dW = G @ self.W.T, M.T @ G
            else:
                dX, dW = self.W.T @ G, G @ M.T
            db = G.sum(axis=axis)
        big = f"largest |X| = {largest(M)}, |dY| = {largest(G)}, |W| = {largest(self.W)}"
        finite_result(dX, "Linear.backward: dX", f"dY or W must be smaller ({big})")
        finite_result(dW, "Linear.backward: dW", f"X or dY must be smaller ({big})")
        finite_result(db, "Linear.backward: db", f"dY must be smaller ({big})")
        return (dX.ravel() if was_1d else dX), dW, db

    def jacobian_input(self, x=None):
        """dy/dx for one sample, shape (n_out, n_in); entry [k, i] = dy_k/dx_i.

        It is ``W^T`` in row convention and ``W`` in column convention, the
        same for every ``x`` (``x``, if given, is only checked).

        >>> Linear([[1, 2, 3], [4, 5, 6]]).jacobian_input()
        array([[1., 4.],
               [2., 5.],
               [3., 6.]])
        """
        if x is not None:
            one_sample(x, "x", self.n_in, self._convention)
        return np.array(self.W.T if self._convention == "row" else self.W)

    def jacobian_weights(self, x):
        """dy/dW for one sample ``x`` (n_in entries), over W flattened row by row.

        Shape (n_out, n_in * n_out). Row convention: entry [k, i * n_out + j]
        = dy_k/dW_ij = x_i if j == k, i.e. ``kron(x, I_{n_out})``. Column
        convention: entry [k, i * n_in + j] = dy_k/dW_ij = x_j if i == k,
        i.e. ``kron(I_{n_out}, x)``.

        >>> Linear(np.ones((2, 3))).jacobian_weights([5, 7])
        array([[5., 0., 0., 7., 0., 0.],
               [0., 5., 0., 0., 7., 0.],
               [0., 0., 5., 0., 0., 7.]])
        """
        x = one_sample(x, "x", self.n_in, self._convention)[np.newaxis, :]
        if self._convention == "row":
            return np.kron(x, np.eye(self.n_out))
        return np.kron(np.eye(self.n_out), x)

    def jacobian_bias(self, x=None):
        """dy/db for one sample: the (n_out, n_out) identity, for every ``x`` (only checked).

        >>> Linear(np.ones((3, 2))).jacobian_bias()
        array([[1., 0.],
               [0., 1.]])
        """
        if x is not None:
            one_sample(x, "x", self.n_in, self._convention)
        return np.eye(self.n_out)


def sigmoid(Z):
    """Logistic function of an array (any shape) or a number, stable for any finite input.

    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    Z = as_float_array(Z, "Z", ndims=None, allow_empty=True)
    e = np.exp(-np.abs(Z))  # in (0, 1], never overflows
    return np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class _Elementwise:
    """An activation applied entry by entry: a diagonal Jacobian.

    Subclasses define ``_function`` and ``_derivative`` on checked arrays.
    """

    def __repr__(self):
        return f"{type(self).__name__}()"

    def forward(self, Z):
        """``Z`` (batch, n) or (n,) -> ``f(Z)``, same shape."""
        return self._function(as_float_array(Z, "Z"))

    def derivative(self, Z):
        """Entry-wise derivative f'(Z): ``Z`` (batch, n) or (n,) -> same shape."""
        return self._derivative(as_float_array(Z, "Z"))

    def backward(self, Z, dO):
        """``dZ = dO * f'(Z)`` (entry-wise), where ``dO = dL/dO``; same shape as ``Z``."""
        Z = as_float_array(Z, "Z")
        dO = as_float_array(dO, "dO")
        same_shape(Z, dO, "Z", "dO")
        return dO * self._derivative(Z)  # |f'| <= 1 here: no overflow

    def jacobian(self, z):
        """dO/dZ for one sample ``z`` ((n,), (1, n) or (n, 1)): diag(f'(z)), shape (n, n)."""
        z = as_float_array(z, "z")
        if z.ndim == 2 and 1 not in z.shape:
            raise ValueError(
                f"z must be one sample: a vector of shape (n,), (1, n) or (n, 1); got shape {z.shape}"
            )
        return np.diag(self._derivative(z.ravel()))


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

    def _derivative(self, Z):
        # s (1 - s) written as e / (1 + e)^2 with e = exp(-|z|): the same
        # number, without the cancellation in 1 - s when s is close to 1.
        e = np.exp(-np.abs(Z))
        return e / (1.0 + e) ** 2


class Identity(_Elementwise):
    """Identity activation: ``forward(Z) = Z``, derivative 1.

    >>> Identity().backward([[3.0, -1.0]], [[2.0, 5.0]])
    array([[2., 5.]])
    """

    def _function(self, Z):
        return Z.copy()

    def _derivative(self, Z):
        return np.ones_like(Z)
