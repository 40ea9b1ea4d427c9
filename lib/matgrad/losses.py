"""The two losses used in the source material.

``yhat`` (the prediction) and ``y`` (the target) are arrays of the same shape.
``value`` returns a Python float; ``grad`` returns dL/dyhat, shape of ``yhat``.
"""

import numpy as np

from matgrad._validate import as_float_array, finite_result, largest, same_shape

__all__ = ["HalfSSELoss", "MSELoss"]


class _Loss:
    def __repr__(self):
        return f"{type(self).__name__}()"

    @staticmethod
    def _pair(yhat, y):
        yhat = as_float_array(yhat, "yhat")
        y = as_float_array(y, "y")
        same_shape(yhat, y, "yhat", "y")
        return yhat, y

    @staticmethod
    def _finite(result, what, yhat, y):
        cause = f"yhat and y must be smaller (largest |yhat| = {largest(yhat)}, |y| = {largest(y)})"
        return finite_result(result, what, cause)


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

    def value(self, yhat, y):
        yhat, y = self._pair(yhat, y)
        with np.errstate(all="ignore"):
            value = np.mean((yhat - y) ** 2)
        return float(self._finite(value, "MSELoss.value: mean((yhat - y)^2)", yhat, y))

    def grad(self, yhat, y):
        yhat, y = self._pair(yhat, y)
        with np.errstate(all="ignore"):
            grad = 2.0 * (yhat - y) / yhat.size
        return self._finite(grad, "MSELoss.grad: 2 (yhat - y) / N", yhat, y)


class HalfSSELoss(_Loss):
    """Half the sum of squared errors: ``L = 1/2 sum (y - yhat)^2``; ``grad = yhat - y``.

    The loss of the multilayer derivation ("Loss = 1/2 sum (target - O_2)^2").

    >>> HalfSSELoss().value([1.0, 4.0], [0.0, 2.0])
    2.5
    >>> HalfSSELoss().grad([1.0, 4.0], [0.0, 2.0])
    array([1., 2.])
    """

    def value(self, yhat, y):
        yhat, y = self._pair(yhat, y)
        with np.errstate(all="ignore"):
            value = 0.5 * np.sum((y - yhat) ** 2)
        return float(self._finite(value, "HalfSSELoss.value: 1/2 sum((y - yhat)^2)", yhat, y))

    def grad(self, yhat, y):
        yhat, y = self._pair(yhat, y)
        with np.errstate(all="ignore"):
            grad = yhat - y
        return self._finite(grad, "HalfSSELoss.grad: yhat - y", yhat, y)
