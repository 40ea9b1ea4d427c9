"""Numeric layers (numpy, float64): Linear in row or column convention, Sigmoid, Identity.

Row convention (the default): a batch is a matrix with one sample per row,
``X`` of shape ``(batch, n_in)``. Column convention: one sample per column,
``X`` of shape ``(n_in, batch)``. A 1-D input is ONE sample in either
convention, and the results for it come back 1-D.

Each layer holds only its parameters. ``backward`` receives the forward
input explicitly, so any method may be called at any time, in any order.

The public methods check their arguments (``matgrad._validate``); each has a
private twin (``_forward``, ``_backward``, ...) on checked 2-D arrays, which
:class:`matgrad.Network` calls, so a network checks its input once, not per layer.
"""

import numpy as np

from matgrad import _validate

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
        self._convention = _validate.convention(convention)
        self.W = _validate.read_only(_validate.array(W, "W", ndims=(2,)))
        self.b = _validate.read_only(_validate.bias(b, self.n_out))

    @classmethod
    def _trusted(cls, W, b, convention):
        """A layer of arrays the library computed itself (no checks; ``W``, ``b`` are kept)."""
        layer = cls.__new__(cls)
        layer._convention = convention
        W.setflags(write=False)
        b.setflags(write=False)
        layer.W, layer.b = W, b
        return layer

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
        M, was_1d = _validate.samples(X, "X", self.n_in, self._convention)
        Y = _validate.without_overflow(lambda: self._forward(M), "Linear.forward", "X, W or b")
        return Y.ravel() if was_1d else Y

    def _forward(self, M):
        return M @ self.W + self.b if self._convention == "row" else self.W @ M + self.b[:, None]

    def backward(self, X, dY):
        """``(dX, dW, db)`` of a scalar loss L given ``dY = dL/dY`` (Y's shape), summed over the batch.

        Row: ``dX = dY W^T``, ``dW = X^T dY``, ``db`` = column sums of ``dY``.
        Column: ``dX = W^T dY``, ``dW = dY X^T``, ``db`` = row sums of ``dY``.
        ``dX`` has X's shape (1-D for a 1-D X), ``dW`` W's and ``db`` (n_out,).

        >>> Linear([[1.0], [2.0]]).backward([[1, 1], [2, 0]], [[1], [1]])[1]
        array([[3.],
               [1.]])
        """
        M, was_1d = _validate.samples(X, "X", self.n_in, self._convention)
        G, _ = _validate.samples(dY, "dY", self.n_out, self._convention)
        axis, unit = (0, "rows") if self._convention == "row" else (1, "columns")
        if G.shape[axis] != M.shape[axis]:
            raise ValueError(
                f"dY must have one {unit[:-1]} per sample, as X has; got X {np.shape(X)} and dY {np.shape(dY)}"
            )
        dX, dW, db = _validate.without_overflow(lambda: self._backward(M, G), "Linear.backward", "X, dY or W")
        return (dX.ravel() if was_1d else dX), dW, db

    def _backward(self, M, G, input_gradient=True):
        """``(dX, dW, db)`` on checked 2-D arrays; ``dX`` is None unless ``input_gradient``
        (a network's first layer has no layer below it to pass dX to)."""
        row = self._convention == "row"
        dX = (G @ self.W.T if row else self.W.T @ G) if input_gradient else None
        return dX, (M.T @ G if row else G @ M.T), G.sum(axis=0 if row else 1)

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
            _validate.one_sample(x, "x", self.n_in, self._convention)
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
        x = _validate.one_sample(x, "x", self.n_in, self._convention)[np.newaxis, :]
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
            _validate.one_sample(x, "x", self.n_in, self._convention)
        return np.eye(self.n_out)


def sigmoid(Z):
    """Logistic function of an array (any shape) or a number, for any finite input.

    For z < -709, exp(-z) overflows to inf and 1 / (1 + inf) is exactly 0: the
    true value (below 1e-308) rounded to float64. That overflow is harmless, so
    it is silenced rather than warned about (notebook 04 shows the warning).

    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    return _sigmoid(_validate.array(Z, "Z", ndims=None, allow_empty=True))


def _sigmoid(Z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))


def _sigmoid_slope(Z, S):
    """sigma'(Z) from Z and S = sigma(Z): sigma(z) sigma(-z) = S / (1 + exp(z)). Both factors are
    accurate for every z, so there is no cancellation as in 1 - S for S near 1; where exp(z)
    overflows to inf the true slope is below 1e-308 and this gives 0."""
    with np.errstate(over="ignore"):
        return S / (1.0 + np.exp(Z))


MAX_JACOBIAN_SIDE = 4096  # a 4096 x 4096 float64 Jacobian is 128 MiB


class _Elementwise:
    """An activation applied entry by entry: a diagonal Jacobian.

    Subclasses define ``_function`` and ``_derivative`` on checked arrays.
    """

    def __repr__(self):
        return f"{type(self).__name__}()"

    def forward(self, Z):
        """``Z`` (batch, n) or (n,) -> ``f(Z)``, same shape."""
        return self._function(_validate.array(Z, "Z"))

    def derivative(self, Z):
        """Entry-wise derivative f'(Z): ``Z`` (batch, n) or (n,) -> same shape."""
        return self._derivative(_validate.array(Z, "Z"))

    def backward(self, Z, dO):
        """``dZ = dO * f'(Z)`` (entry-wise), where ``dO = dL/dO``; same shape as ``Z``."""
        Z = _validate.array(Z, "Z")
        dO = _validate.array(dO, "dO")
        if Z.shape != dO.shape:
            raise ValueError(f"dO must have the shape of Z {Z.shape}; got shape {dO.shape}")
        return _validate.without_overflow(lambda: self._backward(Z, dO, self._function(Z)), "backward", "Z or dO")

    def _backward(self, Z, dO, O):
        """``dO * f'(Z)`` on checked arrays; ``O = f(Z)``, kept from the forward pass."""
        return dO * self._derivative(Z)

    def jacobian(self, z):
        """dO/dZ for one sample ``z`` ((n,), (1, n) or (n, 1)): diag(f'(z)), shape (n, n)."""
        z = _validate.array(z, "z")
        if z.ndim == 2 and 1 not in z.shape:
            raise ValueError(f"z must be one sample: a vector of shape (n,), (1, n) or (n, 1); got shape {z.shape}")
        if z.size > MAX_JACOBIAN_SIDE:
            raise ValueError(
                f"z must have at most {MAX_JACOBIAN_SIDE} entries for a Jacobian (an n x n matrix, mostly "
                f"zeros: use derivative(z) for its diagonal); got {z.size}"
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
        return _sigmoid(Z)

    def _backward(self, Z, dO, O):
        return dO * _sigmoid_slope(Z, O)

    def _derivative(self, Z):
        return _sigmoid_slope(Z, _sigmoid(Z))


class Identity(_Elementwise):
    """Identity activation: ``forward(Z) = Z``, derivative 1.

    >>> Identity().backward([[3.0, -1.0]], [[2.0, 5.0]])
    array([[2., 5.]])
    """

    def forward(self, Z):
        """``Z`` (batch, n) or (n,) -> a copy of ``Z``."""
        return np.array(_validate.array(Z, "Z"))

    def _function(self, Z):
        return Z  # arrays inside a network are never written to

    def _derivative(self, Z):
        return np.ones_like(Z)

    def _backward(self, Z, dO, O):
        return dO
