"""Symbolic (sympy) twins of the numeric layers, and Jacobian builders.

Every Jacobian here is *derived* by sympy (``Matrix.jacobian`` / ``diff``)
from the forward expression, never typed in, so it is an independent check
of the numeric ``backward`` methods. Results are ordinary ``sympy.Matrix``
objects.

Two conventions are offered, as in the source material:

* ``"row"`` (seeds 000, 002, 004; the numeric layers): ``Y = X W + B`` with
  ``X`` a row (1, n_in) -- or a batch of rows -- and ``W`` (n_in, n_out).
* ``"column"`` (seeds 001, 003): ``y = W x + b`` with ``x`` a column
  (n_in, 1) and ``W`` (n_out, n_in).

A Jacobian ``dY/dX`` always has one row per output entry and one column per
input entry (numerator layout), with matrices flattened row by row.

>>> W = symbol_matrix("w", 2, 3)
>>> x = symbol_row("x", 2)
>>> Linear(W).jacobian_input(x)
Matrix([
[w11, w21],
[w12, w22],
[w13, w23]])
"""

import numpy as np
import sympy as sp

CONVENTIONS = ("row", "column")


# --------------------------------------------------------------- symbols
def symbol_matrix(name, rows, cols):
    """A (rows, cols) matrix of symbols named like the seeds: ``w11, w12, ...``.

    Indices start at 1. When an index can exceed 9 an underscore separates
    them (``w1_10``) so names stay unambiguous.

    >>> symbol_matrix("w", 2, 2)
    Matrix([
    [w11, w12],
    [w21, w22]])
    """
    _check_name(name)
    rows, cols = _check_size(rows, "rows"), _check_size(cols, "cols")
    sep = "_" if max(rows, cols) > 9 else ""
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}{i + 1}{sep}{j + 1}", real=True))


def symbol_row(name, n):
    """A (1, n) row of symbols ``name1 ... name_n``.

    >>> symbol_row("x", 3)
    Matrix([[x1, x2, x3]])
    """
    _check_name(name)
    n = _check_size(n, "n")
    return sp.Matrix(1, n, lambda i, j: sp.Symbol(f"{name}{j + 1}", real=True))


def symbol_column(name, n):
    """An (n, 1) column of symbols ``name1 ... name_n``.

    >>> symbol_column("x", 2).T
    Matrix([[x1, x2]])
    """
    return symbol_row(name, n).T


def _check_name(name):
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"a symbol name must be an identifier such as 'w'; got {name!r}")


def _check_size(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{what} must be a positive integer; got {value!r}")
    return int(value)


def _as_matrix(value, name):
    if isinstance(value, sp.MatrixBase):
        return sp.Matrix(value)
    if isinstance(value, (list, tuple, np.ndarray)):
        try:
            return sp.Matrix(value)
        except (ValueError, TypeError, sp.SympifyError) as error:
            raise ValueError(f"{name} must be a rectangular matrix; {error}") from None
    raise TypeError(f"{name} must be a sympy Matrix (or nested list); got {type(value).__name__}")


def _check_convention(convention):
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}; got {convention!r}")
    return convention


def flatten(M):
    """The entries of ``M`` row by row, as an (rows*cols, 1) column (``vec`` row-major).

    >>> flatten(symbol_matrix("w", 2, 2)).T
    Matrix([[w11, w12, w21, w22]])
    """
    M = _as_matrix(M, "M")
    return sp.Matrix(list(M))


def jacobian(Y, X):
    """dY/dX: one row per entry of ``Y``, one column per entry of ``X`` (both flattened row by row).

    Works for vectors and matrices alike: for ``Y = X W`` with a row ``X``,
    ``jacobian(Y, W)`` is the (n_out, n_in*n_out) matrix of seed 000.

    >>> x = symbol_row("x", 2)
    >>> jacobian(sp.Matrix([[x[0] * x[1]]]), x)
    Matrix([[x2, x1]])
    """
    Y, X = _as_matrix(Y, "Y"), _as_matrix(X, "X")
    _require_symbols(X, "X")
    return flatten(Y).jacobian(flatten(X))


def gradient(expr, M):
    """dL/dM for a scalar ``expr``: a matrix of M's shape with entries d expr / d M_ij.

    >>> W = symbol_matrix("w", 1, 2)
    >>> gradient(W[0] ** 2 * W[1], W)
    Matrix([[2*w11*w12, w11**2]])
    """
    M = _as_matrix(M, "M")
    _require_symbols(M, "M")
    expr = sp.sympify(expr)
    if isinstance(expr, sp.MatrixBase):
        if expr.shape != (1, 1):
            raise ValueError(f"expr must be a scalar; got a matrix of shape {expr.shape}")
        expr = expr[0, 0]
    return M.applyfunc(lambda m: sp.diff(expr, m))


def kronecker_weight_jacobian(x, n_out, convention="row"):
    """The closed form of dY/dW (W flattened row by row) as a Kronecker product.

    Row convention, ``x`` a (1, n_in) row: ``kron(x, I_{n_out})``.
    Column convention, ``x`` an (n_in, 1) column: ``kron(I_{n_out}, x.T)``.

    >>> kronecker_weight_jacobian(symbol_row("x", 2), 3)
    Matrix([
    [x1,  0,  0, x2,  0,  0],
    [ 0, x1,  0,  0, x2,  0],
    [ 0,  0, x1,  0,  0, x2]])
    """
    x = _as_matrix(x, "x")
    n_out = _check_size(n_out, "n_out")
    if _check_convention(convention) == "row":
        _require_shape(x, (1, x.shape[1]), "x (a row)")
        return sp.kronecker_product(x, sp.eye(n_out))
    _require_shape(x, (x.shape[0], 1), "x (a column)")
    return sp.kronecker_product(sp.eye(n_out), x.T)


def _require_symbols(M, name):
    for index, entry in enumerate(M):
        if not isinstance(entry, sp.Symbol):
            raise ValueError(
                f"{name} must be a matrix of symbols to differentiate by; "
                f"entry {index} (row-major) is {entry}"
            )


def _symbols_like(M, prefix):
    """``M`` itself if it holds only symbols, else fresh placeholder symbols of its shape."""
    if all(isinstance(entry, sp.Symbol) for entry in M):
        return M, {}
    placeholders = sp.Matrix(*M.shape, lambda i, j: sp.Dummy(f"{prefix}{i + 1}{j + 1}"))
    return placeholders, dict(zip(placeholders, M))


def _require_shape(M, shape, name):
    if M.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {M.shape}")


# ---------------------------------------------------------------- layers
class Linear:
    """Symbolic affine layer. Row: ``Y = X W + B``; column: ``y = W x + b``.

    Row convention: ``W`` (n_in, n_out), ``b`` a (1, n_out) row; ``X`` is
    (batch, n_in), each row a sample (the bias is added to every row).
    Column convention: ``W`` (n_out, n_in), ``b`` an (n_out, 1) column;
    ``x`` is (n_in, 1). ``b`` defaults to zeros.

    >>> W, b = symbol_matrix("w", 2, 3), symbol_row("b", 3)
    >>> Linear(W, b).forward(symbol_row("x", 2))
    Matrix([[b1 + w11*x1 + w21*x2, b2 + w12*x1 + w22*x2, b3 + w13*x1 + w23*x2]])
    """

    def __init__(self, W, b=None, convention="row"):
        self.convention = _check_convention(convention)
        self.W = _as_matrix(W, "W")
        rows, cols = self.W.shape
        self.n_in, self.n_out = (rows, cols) if convention == "row" else (cols, rows)
        bias_shape = (1, self.n_out) if convention == "row" else (self.n_out, 1)
        if b is None:
            b = sp.zeros(*bias_shape)
        self.b = _as_matrix(b, "b")
        if self.b.shape != bias_shape:
            raise ValueError(
                f"b must have shape {bias_shape} to match W of shape {self.W.shape} "
                f"in {convention} convention; got shape {self.b.shape}"
            )

    def __repr__(self):
        return (
            f"symbolic.Linear(n_in={self.n_in}, n_out={self.n_out}, convention={self.convention!r})"
        )

    def _check_input(self, x):
        x = _as_matrix(x, "x")
        if self.convention == "row" and x.shape[1:] != (self.n_in,):
            raise ValueError(
                f"x must have shape (batch, {self.n_in}) in row convention; got shape {x.shape}"
            )
        if self.convention == "column" and x.shape != (self.n_in, 1):
            raise ValueError(
                f"x must have shape ({self.n_in}, 1) in column convention; got shape {x.shape}"
            )
        return x

    def forward(self, x):
        """Row: ``x W + b`` (batch, n_out). Column: ``W x + b`` (n_out, 1)."""
        x = self._check_input(x)
        if self.convention == "row":
            return x * self.W + sp.ones(x.shape[0], 1) * self.b
        return self.W * x + self.b

    def _single(self, x):
        x = self._check_input(x)
        if x.shape[0] != 1 and self.convention == "row":
            raise ValueError(f"x must be one sample, shape (1, {self.n_in}); got shape {x.shape}")
        return x

    def jacobian_input(self, x):
        """dY/dx derived by sympy, shape (n_out, n_in): ``W.T`` (row) or ``W`` (column)."""
        x = self._single(x)
        return jacobian(self.forward(x), x)

    def jacobian_weights(self, x):
        """dY/dW derived by sympy, W flattened row by row: shape (n_out, n_in*n_out)."""
        x = self._single(x)
        return jacobian(self.forward(x), self.W)

    def jacobian_bias(self, x):
        """dY/db derived by sympy: the (n_out, n_out) identity (``b`` must be symbols)."""
        x = self._single(x)
        return jacobian(self.forward(x), self.b)


def sigmoid(t):
    """The logistic function as a sympy expression: ``1 / (1 + exp(-t))``."""
    return 1 / (1 + sp.exp(-t))


class _Elementwise:
    def _function(self, t):
        raise NotImplementedError

    def __repr__(self):
        return f"symbolic.{type(self).__name__}()"

    def forward(self, z):
        """Apply the activation to every entry of ``z`` (any shape)."""
        return _as_matrix(z, "z").applyfunc(self._function)

    def jacobian(self, z):
        """dO/dz derived by sympy for a vector ``z`` (symbols or expressions): diagonal, (n, n)."""
        z = _as_matrix(z, "z")
        if 1 not in z.shape:
            raise ValueError(f"z must be a vector (1, n) or (n, 1); got shape {z.shape}")
        # z may hold expressions (say a pre-activation N = x W): differentiate
        # by stand-in symbols, then put z back.
        placeholders, values = _symbols_like(z, "z")
        return jacobian(self.forward(placeholders), placeholders).xreplace(values)


class Sigmoid(_Elementwise):
    """Symbolic sigmoid. Its Jacobian is diagonal with entries s(z)(1 - s(z)).

    >>> z = symbol_row("z", 2)
    >>> J = Sigmoid().jacobian(z)
    >>> J.is_diagonal(), sp.simplify(J[0, 0] - sigmoid(z[0]) * (1 - sigmoid(z[0])))
    (True, 0)
    """

    def _function(self, t):
        return sigmoid(t)


class Identity(_Elementwise):
    """Symbolic identity activation (Jacobian = identity matrix)."""

    def _function(self, t):
        return t


# ---------------------------------------------------------------- losses
def _loss_pair(yhat, y):
    yhat, y = _as_matrix(yhat, "yhat"), _as_matrix(y, "y")
    if yhat.shape != y.shape:
        raise ValueError(
            f"yhat and y must have the same shape; got yhat {yhat.shape} and y {y.shape}"
        )
    return yhat, y


class MSELoss:
    """``(1/N) sum (yhat - y)^2`` over all N entries, as a sympy expression."""

    def value(self, yhat, y):
        yhat, y = _loss_pair(yhat, y)
        return sum(((a - b) ** 2 for a, b in zip(yhat, y)), sp.S.Zero) / len(yhat)


class HalfSSELoss:
    """``1/2 sum (y - yhat)^2``, as a sympy expression."""

    def value(self, yhat, y):
        yhat, y = _loss_pair(yhat, y)
        return sum(((b - a) ** 2 for a, b in zip(yhat, y)), sp.S.Zero) / 2


# --------------------------------------------------------------- network
class Network:
    """Symbolic twin of ``matgrad.Network`` (row convention).

    ``layers`` is a list of ``(Linear, activation)`` pairs. ``gradients``
    differentiates the whole loss expression with sympy -- no chain rule
    written by hand -- so it checks the numeric backprop independently.

    >>> l1 = Linear(symbol_matrix("w", 1, 1), symbol_row("b", 1))
    >>> net = Network([(l1, Identity())])
    >>> net.gradients(sp.Matrix([[2]]), sp.Matrix([[0]]), HalfSSELoss())
    [(Matrix([[2*b1 + 4*w11]]), Matrix([[b1 + 2*w11]]))]
    """

    def __init__(self, layers):
        self.layers = tuple(layers)
        for index, pair in enumerate(self.layers):
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise TypeError(
                    f"layers[{index}] must be a (Linear, activation) pair; got {pair!r}"
                )
            linear, activation = pair
            if not isinstance(linear, Linear) or linear.convention != "row":
                raise TypeError(f"layers[{index}][0] must be a row-convention symbolic.Linear")
            if not isinstance(activation, _Elementwise):
                raise TypeError(f"layers[{index}][1] must be symbolic.Sigmoid() or Identity()")
            if index and self.layers[index - 1][0].n_out != linear.n_in:
                raise ValueError(
                    f"layers[{index}] expects {linear.n_in} inputs but layers[{index - 1}] "
                    f"produces {self.layers[index - 1][0].n_out}"
                )

    def forward(self, X):
        """``X`` (batch, n_in) -> ``(O_last, trace)``; trace holds ``(input, pre, out)`` per layer."""
        O, trace = _as_matrix(X, "X"), []
        for linear, activation in self.layers:
            N = linear.forward(O)
            out = activation.forward(N)
            trace.append((O, N, out))
            O = out
        return O, trace

    def loss(self, X, y, loss):
        """The loss as one sympy expression in all the layers' symbols."""
        yhat, _ = self.forward(X)
        return loss.value(yhat, y)

    def gradients(self, X, y, loss):
        """``[(dL/dW_0, dL/db_0), ...]`` as sympy matrices of the parameters' shapes.

        Parameters given as numbers (say a zero bias) are differentiated too:
        they are swapped for placeholder symbols, and the numbers put back
        into the result.
        """
        layers, values, placeholders = [], {}, []
        for linear, activation in self.layers:
            W, W_values = _symbols_like(linear.W, "W")
            b, b_values = _symbols_like(linear.b, "b")
            values.update(W_values)
            values.update(b_values)
            placeholders.append((W, b))
            layers.append((Linear(W, b), activation))
        L = Network(layers).loss(X, y, loss)
        return [
            (gradient(L, W).xreplace(values), gradient(L, b).xreplace(values))
            for W, b in placeholders
        ]


# ---------------------------------------------------- numeric evaluation
def lambdify(args, expr):
    """A numpy function of ``args`` (symbols or symbol matrices) computing ``expr``.

    The function takes one numeric array per arg (shape checked) and
    returns a float64 array (or a float for a scalar ``expr``).

    >>> W, x = symbol_matrix("w", 2, 2), symbol_row("x", 2)
    >>> f = lambdify([W, x], Linear(W).jacobian_weights(x))
    >>> f(np.eye(2), [[3.0, 4.0]])
    array([[3., 0., 4., 0.],
           [0., 3., 0., 4.]])
    """
    args = list(args)
    shapes = []
    flat_symbols = []
    for position, arg in enumerate(args):
        if isinstance(arg, sp.Symbol):
            shapes.append(())
            flat_symbols.append(arg)
        elif isinstance(arg, sp.MatrixBase) and all(isinstance(s, sp.Symbol) for s in arg):
            shapes.append(arg.shape)
            flat_symbols.extend(list(arg))
        else:
            raise TypeError(
                f"args[{position}] must be a Symbol or a matrix of Symbols; got {arg!r}"
            )
    expr_is_matrix = isinstance(expr, sp.MatrixBase)
    expr = sp.Matrix(expr) if expr_is_matrix else sp.sympify(expr)
    missing = expr.free_symbols - set(flat_symbols)
    if missing:
        names = ", ".join(sorted(str(s) for s in missing))
        raise ValueError(f"expr has symbols with no value given: {names}")
    compiled = sp.lambdify(flat_symbols, expr, modules="numpy")

    def numeric(*values):
        if len(values) != len(args):
            raise TypeError(f"expected {len(args)} arrays (one per arg); got {len(values)}")
        flat = []
        for position, (value, shape) in enumerate(zip(values, shapes)):
            array = np.asarray(value, dtype=np.float64)
            if not _fits(array.shape, shape):
                raise ValueError(
                    f"value {position} must have shape {shape} to match its symbols; "
                    f"got shape {array.shape}"
                )
            flat.extend(array.reshape(-1).tolist())
        result = np.asarray(compiled(*flat), dtype=np.float64)
        return result if expr_is_matrix else float(result)

    return numeric


def _fits(given, expected):
    """A value fits its symbols if shapes agree; a 1-D array may stand for a row or column."""
    if given == expected:
        return True
    is_vector = len(expected) == 2 and 1 in expected
    return is_vector and len(given) == 1 and given[0] == max(expected)


def evaluate(expr, values):
    """Evaluate ``expr`` numerically at ``values``: (symbols, number-array) pairs.

    ``values`` is a list of pairs, or a dict whose keys are Symbols (sympy
    matrices are unhashable, so pairs are the way to pass them).

    >>> W = symbol_matrix("w", 1, 2)
    >>> evaluate(W * W.T, [(W, [[3.0, 4.0]])])
    array([[25.]])
    """
    pairs = list(values.items()) if isinstance(values, dict) else list(values)
    for position, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise TypeError(f"values[{position}] must be a (symbols, value) pair; got {pair!r}")
    return lambdify([key for key, _ in pairs], expr)(*[value for _, value in pairs])
