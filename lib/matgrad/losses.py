"""The two losses used in the source material.

``yhat`` (the prediction) and ``y`` (the target) are arrays of the same shape.
``value`` returns a Python float; ``grad`` returns dL/dyhat, shape of ``yhat``.
The public methods check their arguments; ``_value`` and ``_grad`` are their
twins on checked arrays, which :class:`matgrad.Network` calls.
"""

from matgrad import _validate

__all__ = ["HalfSSELoss", "MSELoss"]


class _Loss:
    def __repr__(self):
        return f"{type(self).__name__}()"

    def value(self, yhat, y):
        """The loss (a float) of the prediction ``yhat`` against the target ``y`` (same shape)."""
        yhat, y = self._pair(yhat, y)
        return float(_validate.without_overflow(lambda: self._value(yhat, y), "the loss", "yhat and y"))

    def grad(self, yhat, y):
        """dL/dyhat, an array of ``yhat``'s shape."""
        yhat, y = self._pair(yhat, y)
        return _validate.without_overflow(lambda: self._grad(yhat, y), "the loss gradient", "yhat and y")

    @staticmethod
    def _pair(yhat, y):
        yhat = _validate.array(yhat, "yhat")
        y = _validate.array(y, "y")
        if y.shape != yhat.shape:
            raise ValueError(f"y must have the shape of yhat {yhat.shape}; got shape {y.shape}")
        return yhat, y


class MSELoss(_Loss):
    """Mean squared error over all N entries: ``L = (1/N) sum (yhat - y)^2``.

    ``grad = (2/N) (yhat - y)``. This is the loss of the worked homework:
    N = 3 samples, so dL/dyhat_k = (2/3)(yhat_k - y_k).

    >>> loss = MSELoss()
    >>> loss.value([[1.0], [2.0], [3.0]], [[1.0], [0.0], [0.0]])
    4.333333333333333
    >>> loss.grad([[1.0], [2.0], [3.0]], [[1.0], [0.0], [0.0]])
    array([[0.        ],
           [1.33333333],
           [2.        ]])
    """

    def _value(self, yhat, y):
        return ((yhat - y) ** 2).mean()

    def _grad(self, yhat, y):
        return 2.0 * (yhat - y) / yhat.size


class HalfSSELoss(_Loss):
    """Half the sum of squared errors: ``L = 1/2 sum (y - yhat)^2``; ``grad = yhat - y``.

    The loss of the multilayer derivation ("Loss = 1/2 sum (target - O_2)^2").

    >>> HalfSSELoss().value([1.0, 4.0], [0.0, 2.0])
    2.5
    >>> HalfSSELoss().grad([1.0, 4.0], [0.0, 2.0])
    array([1., 2.])
    """

    def _value(self, yhat, y):
        return 0.5 * ((y - yhat) ** 2).sum()

    def _grad(self, yhat, y):
        return yhat - y
