"""A solution written once, as named steps, and the mistake transforms that bend it.

An exercise's solution is a small function ``compute(g, at)`` of the given
values ``g``. Every step of it goes through ``at``, a :class:`Steps`: a
matrix product, an entry-by-entry product, the sigmoid's slope, a loss
derivative, a sum over the batch, a gradient-descent update, the result.
Each step has a name (its *site*, e.g. ``"dL/dW"``) and knows the mistakes
that fit it -- the catalogue of transforms below. Running ``compute`` with
no slip gives the solution; with one or two :class:`Slip` s switched on, the
answer of a student who makes those mistakes; in discovery mode it lists
every slip that fits (a :class:`Site`, with the fields its message needs).

The catalogue (transform: what the student does; ``A @ B`` is the step):

=============================  =============================================================
``transposed_operand``         ``A^T B`` or ``A B^T``: W where W^T belongs
``wrong_order``                ``B A``: the factors of a product swapped
``missing_sum``                ``A * B``: every term of the product, not added up
``missing_path``               the first term of the sum only: one path of several (``last_path_only``)
``mean_instead_of_sum``        a batch averaged where the loss adds the samples
``first_sample_only``          ``last_sample_only``: one sample of the batch (``=`` for ``+=``)
``skipped_first_sample``       ``skipped_last_sample``: a loop over the batch that is off by one
``sums_then_outer``            the product of the batch sums instead of the sum of products
``not_summed``                 one term per sample, not added; ``summed_to_scalar``
``wrong_axis``                 a sum over the wrong index or axis
``dot_instead_of_elementwise`` a dot product where an entry-by-entry product belongs
``missing_activation_derivative``  the factor σ'(z) dropped
``derivative_at_wrong_point``  σ'(h) at the output h instead of σ'(z)
``pre_activation_in_slope``    z(1 - z): the pre-activation put into h(1 - h)
``sigmoid_for_slope``          σ(z) where σ'(z) belongs; ``missing_square``: 1 - σ(z)
``slope_sign_inside``          h(1 + h): a sign slipped inside the slope
``forward_without_sigmoid``    the forward pass without its sigmoid
``sign``                       a flipped sign (the loss derivative, the update, the result)
``missing_half``               2(h - y): the 1/2 of the half squared error dropped
``missing_two``, ``missing_mean``, ``missing_loss_factor``: the 2, the 1/N or both of the MSE
``extra_activation_derivative``  σ' applied where there is no sigmoid
``summed_too_early``           the per-sample derivatives added into one number
``loss_instead_of_gradient``   the loss term itself instead of its derivative
``missing_learning_rate``      the whole gradient as the step; ``divided_by_learning_rate``
``step_only``                  the step without the weights it moves
``transposed``                 the result transposed
=============================  =============================================================

An exercise adds its own with :meth:`Steps.alternatives` (e.g. "W flattened
column by column").

>>> g = {"W": np.array([[1.0, 2, 3], [4, 5, 6]]), "dL_dy": np.array([7.0, 8])}
>>> def dL_dx(g, at):
...     value = at.product("dL/dx", ("W^T", g["W"].T), ("dL/dy", g["dL_dy"]), over="paths", transposable=0)
...     return at.result("dL/dx", value, like="x")
>>> evaluate(dL_dx, g)
array([39., 54., 69.])
>>> [site.slip.transform for site in discover(dL_dx, g)[1]]
['transposed_operand', 'missing_sum', 'missing_path', 'last_path_only', 'wrong_axis', 'sign']
>>> evaluate(dL_dx, g, {Slip("missing_path", "dL/dx")})
array([ 7., 14., 21.])
"""

from collections import Counter
from typing import NamedTuple

import numpy as np

from matgrad import sigmoid

DOES_NOT_FIT = (ValueError, IndexError, TypeError)  # what numpy raises when a slip does not fit the shapes


class Slip(NamedTuple):
    """One mistake: a transform of the catalogue, made at one step (``site``)."""

    transform: str
    site: str


class Site(NamedTuple):
    """A slip that fits a step, with the message key and fields that explain it."""

    slip: Slip
    key: str
    fields: dict


def flipped(name):
    """The name of a transposed operand: ``"W^T"`` -> ``"W"``, ``"x"`` -> ``"x^T"``."""
    return name[:-2] if name.endswith("^T") else f"{name}^T"


class Steps:
    """The steps of one run: applies the ``slips`` switched on, or (``discover=True``)
    records every slip that fits in :attr:`sites`."""

    def __init__(self, slips=frozenset(), discover=False):
        self.slips = slips
        self.sites = [] if discover else None
        self.signed = False  # a step with its own sign slip came before the result
        self.results = []  # (site, like) of each result

    def _choose(self, site, value, options, fields):
        """``value``, changed by every option ``(transform, key, change)`` switched on at ``site``."""
        if self.sites is not None:
            made = fields()
            self.sites.extend(Site(Slip(transform, site), key, made) for transform, key, _ in options)
            return value
        if self.slips:
            for transform, _, change in options:
                if (transform, site) in self.slips:
                    value = change(value)
        return value

    # ------------------------------------------------------------ products
    def product(self, site, left, right, over, transposable=None, skip=()):
        """``A @ B``. ``over`` says what the product adds up: ``"paths"`` (the routes from
        one variable to the loss), ``"samples"`` (the batch) or ``"outer"`` (nothing: an
        outer product). ``transposable`` (0 or 1) is the operand a student may forget to
        transpose; ``skip`` leaves out transforms that cannot be told apart here."""
        (a, A), (b, B) = left, right
        value = A @ B
        options = []
        if transposable is not None:
            change = (lambda v: A.T @ B) if transposable == 0 else (lambda v: A @ B.T)
            options.append(("transposed_operand", "mistake.transposed_operand", change))
        vectors = A.ndim == 1 or B.ndim == 1  # then B A is the transposed operand again
        if over == "paths":
            if not vectors:
                options.append(("wrong_order", "mistake.wrong_order", lambda v: B @ A))
            options += [
                ("missing_sum", "mistake.missing_sum", lambda v: A * B),
                ("missing_path", "mistake.missing_path", lambda v: A[..., :1] @ B[:1]),
                ("last_path_only", "mistake.last_path_only", lambda v: A[..., -1:] @ B[-1:]),
            ]
            if B.ndim == 1:  # the terms A_ji B_i added over the wrong index
                options.append(("wrong_axis", "mistake.wrong_axis.product", lambda v: (A * B).sum(axis=0)))
        elif over == "samples":
            N = A.shape[-1]
            options += [
                ("first_sample_only", "mistake.first_sample_only", lambda v: A[:, :1] @ B[:1]),
                ("last_sample_only", "mistake.last_sample_only", lambda v: A[:, -1:] @ B[-1:]),
                ("skipped_first_sample", "mistake.skipped_first_sample", lambda v: A[:, 1:] @ B[1:]),
                ("skipped_last_sample", "mistake.skipped_last_sample", lambda v: A[:, :-1] @ B[:-1]),
                ("sums_then_outer", "mistake.sums_then_outer",
                 lambda v: A.sum(axis=1, keepdims=True) @ B.sum(axis=0, keepdims=True)),
                ("not_summed", "mistake.not_summed", lambda v: np.einsum("is,sj->sij", A, B)),
                ("mean_instead_of_sum", "mistake.mean_instead_of_sum", lambda v: v / N),
            ]  # fmt: skip
        options = [option for option in options if option[0] not in skip]

        def fields():
            return {"quantity": site, "A": a, "B": b, "A_T": flipped(a), "B_T": flipped(b),
                    "wrong": flipped(a) if transposable == 0 else flipped(b),
                    "right": a if transposable == 0 else b, "N": A.shape[-1], "terms": A.shape[-1]}  # fmt: skip

        return self._choose(site, value, options, fields)

    def elementwise(self, site, left, right):
        """``A * B``, entry by entry (a diagonal Jacobian applied)."""
        (a, A), (b, B) = left, right

        def dot(v):  # np.dot / @ of two vectors adds the products; for a batch it does not fit
            return np.sum(A * B) if A.ndim == 1 or A.shape[0] == 1 else A @ B

        options = [("dot_instead_of_elementwise", "mistake.dot_instead_of_elementwise", dot)]
        return self._choose(site, A * B, options, lambda: {"quantity": site, "A": a, "B": b})

    # ------------------------------------------------------------ the sigmoid
    def sigmoid(self, site, pre):
        """The forward value ``σ(z)`` of a sigmoid layer."""
        name, Z = pre
        options = [("forward_without_sigmoid", "mistake.forward_without_sigmoid", lambda v: Z)]
        return self._choose(site, sigmoid(Z), options, lambda: {"quantity": site, "pre": name})

    def slope(self, site, z, h=None, skip=()):
        """The sigmoid's slope ``σ'(z) = h(1 - h)``, from the pre-activation ``z`` and the output
        ``h``, each a ``(name, value)`` pair: ``h`` defaults to ``σ(z)``, and the value of ``z``
        may be ``None`` when only ``h`` is known."""
        z_name, Z = z
        h_name, H = h if h is not None else (f"σ({z_name})", sigmoid(Z))
        options = [
            ("missing_activation_derivative", "mistake.missing_activation_derivative", lambda v: np.ones_like(v)),
            ("derivative_at_wrong_point", "mistake.derivative_at_wrong_point", lambda v: sigmoid(H) * (1 - sigmoid(H))),
            ("sigmoid_for_slope", "mistake.sigmoid_for_slope", lambda v: H),
            ("missing_square", "mistake.missing_square", lambda v: 1 - H),
            ("slope_sign_inside", "mistake.slope_sign_inside", lambda v: H * (1 + H)),
        ]
        if Z is not None:
            options.append(("pre_activation_in_slope", "mistake.pre_activation_in_slope", lambda v: Z * (1 - Z)))
        options = [option for option in options if option[0] not in skip]
        return self._choose(site, H * (1 - H), options, lambda: {"quantity": site, "z": z_name, "h": h_name})

    # ------------------------------------------------------------ the loss
    def loss_gradient(self, site, prediction, target, loss, skip=()):
        """The derivative of the loss by the prediction: ``loss="half"`` for
        1/2 sum (y - h)^2 (``h - y``), ``loss="mean"`` for the mean squared error over the
        N rows (``(2/N)(yhat - y)``). ``skip`` leaves out transforms that another step
        of the exercise makes the same way (a sign here is a step uphill later)."""
        (p, P), (t, T) = prediction, target
        N = len(P)
        difference = P - T
        # the replacement first; the factors then change whatever value there is (so they combine)
        if loss == "half":
            value = difference
            options = [
                ("loss_instead_of_gradient", "mistake.loss_instead_of_gradient", lambda v: difference**2 / 2),
                ("missing_half", "mistake.missing_half", lambda v: 2 * v),
            ]
        else:
            value = 2 / N * difference
            options = [
                ("loss_instead_of_gradient", "mistake.loss_instead_of_gradient", lambda v: difference**2 / N),
                ("missing_two", "mistake.missing_two", lambda v: v / 2),
                ("missing_mean", "mistake.missing_mean", lambda v: v * N),
                ("missing_loss_factor", "mistake.missing_loss_factor", lambda v: v * N / 2),
            ]
        options.append(("sign", "mistake.sign.loss", lambda v: -v))
        options.append(("extra_activation_derivative", "mistake.extra_activation_derivative", lambda v: v * P * (1 - P)))
        if P.size > 1:
            options.append(("summed_too_early", "mistake.summed_too_early", lambda v: np.sum(v)))
        options = [option for option in options if option[0] not in skip]
        self.signed = True
        right = f"{p} - {t}" if loss == "half" else f"(2/N)({p} - {t})"
        wrong = f"{t} - {p}" if loss == "half" else f"(2/N)({t} - {p})"
        return self._choose(site, value, options, lambda: {
            "quantity": site, "pred": p, "target": t, "N": N, "right": right, "wrong": wrong})  # fmt: skip

    def reduce(self, site, samples, skip=()):
        """The sum over the batch (axis 0: one row per sample), e.g. a bias gradient."""
        name, A = samples
        options = [
            ("mean_instead_of_sum", "mistake.mean_instead_of_sum", lambda v: A.mean(axis=0)),
            ("wrong_axis", "mistake.wrong_axis", lambda v: A.sum(axis=1)),
            ("first_sample_only", "mistake.first_sample_only", lambda v: A[0]),
            ("last_sample_only", "mistake.last_sample_only", lambda v: A[-1]),
            ("skipped_first_sample", "mistake.skipped_first_sample", lambda v: A[1:].sum(axis=0)),
            ("skipped_last_sample", "mistake.skipped_last_sample", lambda v: A[:-1].sum(axis=0)),
            ("summed_to_scalar", "mistake.summed_to_scalar", lambda v: np.sum(A)),
            ("not_summed", "mistake.not_summed", lambda v: A),
        ]
        options = [option for option in options if option[0] not in skip]
        return self._choose(site, A.sum(axis=0), options, lambda: {"quantity": site, "A": name, "N": len(A)})

    # ------------------------------------------------------------ gradient descent
    def scale(self, site, factor, vector):
        """``factor * vector``, e.g. the step lr dL/dW."""
        (f, F), (v_name, V) = factor, vector
        options = [
            ("missing_learning_rate", "mistake.missing_learning_rate", lambda v: V),
            ("divided_by_learning_rate", "mistake.divided_by_learning_rate", lambda v: V / F),
        ]
        return self._choose(site, F * V, options, lambda: {"quantity": site, "lr": f, "lr_value": F, "gradient": v_name})

    def update(self, site, weights, step):
        """``W - step``: one step of gradient descent."""
        name, W = weights
        self.signed = True
        uphill, alone = (self.slips and (t, site) in self.slips for t in ("sign", "step_only"))
        value = (0 if alone else W) + (step if uphill else -step)  # the two slips combine
        options = [("sign", "mistake.sign.update", None), ("step_only", "mistake.step_only", None)]
        return self._choose(site, value, [o for o in options if self.sites is not None], lambda: {"quantity": site, "W": name})

    # ------------------------------------------------------------ the rest
    def alternatives(self, site, value, **changes):
        """``value``, or an exercise's own mistaken version of it (``name=change(value)``)."""
        options = [(name, f"mistake.{name}", change) for name, change in changes.items()]
        return self._choose(site, value, options, lambda: {"quantity": site})

    def result(self, site, value, like):
        """The answer (or one value a function returns), with the shape of ``like``."""
        options = []
        if np.ndim(value) == 2 and np.shape(value) != (1, 1):
            options.append(("transposed", "mistake.transposed", lambda v: v.T))
        if not self.signed:
            options.append(("sign", "mistake.sign", lambda v: -v))
        self.results.append((site, like))
        return self._choose(site, value, options, lambda: {"quantity": site, "like": like})


# transforms that say the same thing twice when made at one step (the 2/N of a loss dropped, and its 2)
EXCLUSIVE = (frozenset({"missing_two", "missing_mean", "missing_loss_factor", "missing_half", "loss_instead_of_gradient"}),)


def combinable(a, b):
    """Two slips make a pair worth naming: not two overlapping changes of one step."""
    return a.site != b.site or not any(a.transform in group and b.transform in group for group in EXCLUSIVE)


def evaluate(compute, given, slips=frozenset()):
    """``compute(given)`` with ``slips`` switched on (a set of :class:`Slip`)."""
    with np.errstate(all="ignore"):
        return compute(given, Steps(slips))


def discover(compute, given):
    """``(solution, sites, results)``: the solution, every :class:`Site` that fits, and the
    ``(site, like)`` of each result."""
    at = Steps(discover=True)
    with np.errstate(all="ignore"):
        value = compute(given, at)
    return value, at.sites, at.results


def slip_ids(sites):
    """``{slip: id}``: a slip's id is its transform, or ``transform@site`` when the same
    transform fits at several steps of the exercise."""
    counts = Counter(site.slip.transform for site in sites)
    return {
        site.slip: site.slip.transform if counts[site.slip.transform] == 1 else f"{site.slip.transform}@{site.slip.site}"
        for site in sites
    }
