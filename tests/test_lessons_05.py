"""Notebook 05's general formula, checked beyond the notebook's own numbers.

The multilayer derivation's formula for any layer i (row convention, one
sample, no bias, half squared error), evaluated from left to right:

    dLoss/dW_i = O_{i-1}^T  dLoss/dO_n  prod_{j=0}^{n-i-1} (D_{n-j} W_{n-j}^T)  D_i

with D_k = dO_k/dN_k and O_{-1} = X. Notebook 05 checks it at its own
weights; here it is compared with ``Network.gradients`` (to round-off,
scaled by the terms summed) and with central finite differences for random
weights, three choices of activations and networks of 1 to 4 layers. These
checks were in notebook 05 before its lesson rewrite.
"""

import numpy as np
import pytest

import matgrad
from tests.support import assert_close, assert_matches_finite_differences, gradient_terms

HALF_SSE = matgrad.HalfSSELoss()
ACTIVATIONS = {
    "sigmoid everywhere": lambda depth: [matgrad.Sigmoid()] * depth,
    "linear output": lambda depth: [matgrad.Sigmoid()] * (depth - 1) + [matgrad.Identity()],
    "identity everywhere": lambda depth: [matgrad.Identity()] * depth,
}
SIZES = {1: (3, 2), 2: (3, 2, 2), 3: (3, 2, 3, 2), 4: (2, 3, 1, 3, 2)}


def derivation_gradient(i, X, Ws, activations, t):
    """dLoss/dW_i by the general formula, multiplied from left to right."""
    pres, outs, O = [], [], X
    for W, act in zip(Ws, activations):
        pres.append(O @ W)  # N_k = O_{k-1} W_k
        O = act.forward(pres[-1])
        outs.append(O)
    Ds = [act.jacobian(N[0]) for act, N in zip(activations, pres)]  # dO_k/dN_k, diagonal
    n = len(Ws) - 1
    row = outs[-1] - t  # the upstream gradient dLoss/dO_n of the half squared error
    for j in range(n - i):
        row = row @ Ds[n - j] @ Ws[n - j].T
    row = row @ Ds[i]  # delta_i
    return (X if i == 0 else outs[i - 1]).T @ row


def network(Ws, activations):
    return matgrad.Network([(matgrad.Linear(W), act) for W, act in zip(Ws, activations)])


# The notebook's weights and data (section 7): X (1, 3), t (1, 2), W_0, W_1, W_2.
NOTEBOOK_X, NOTEBOOK_T = np.array([[1.0, -2.0, 0.5]]), np.array([[1.0, 0.0]])
NOTEBOOK_WS = [np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]),
               np.array([[0.7, -0.5, 0.1], [0.4, 0.9, -0.3]]),
               np.array([[0.6, -0.7], [-0.2, 0.5], [0.8, 0.3]])]


def assert_three_ways_agree(X, Ws, activations, t):
    """The formula equals Network.gradients (to round-off) and finite differences, every layer."""
    net = network(Ws, activations)
    by_network = [dW for dW, _ in net.gradients(X, t, HALF_SSE)]
    terms = [dW_terms for dW_terms, _ in gradient_terms(net, X, t, HALF_SSE)]
    for i, W in enumerate(Ws):
        by_formula = derivation_gradient(i, X, Ws, activations, t)
        assert by_formula.shape == W.shape == by_network[i].shape
        assert_close(by_formula, by_network[i], terms[i])

        def loss_with(W_i, i=i):
            trial = list(Ws)
            trial[i] = W_i
            return network(trial, activations).loss(X, t, HALF_SSE)

        assert_matches_finite_differences(by_formula, loss_with, W)


@pytest.mark.parametrize("depth", sorted(SIZES))
@pytest.mark.parametrize("setting", sorted(ACTIVATIONS))
@pytest.mark.parametrize("draw", range(4))
def test_general_formula_equals_network_gradients_and_finite_differences(depth, setting, draw):
    sizes = SIZES[depth]
    rng = np.random.default_rng([5, depth, draw])
    Ws = [rng.normal(size=(a, b)) for a, b in zip(sizes, sizes[1:])]
    X, t = rng.normal(size=(1, sizes[0])), rng.uniform(size=(1, sizes[-1]))
    assert_three_ways_agree(X, Ws, ACTIVATIONS[setting](depth), t)


@pytest.mark.parametrize("setting", sorted(ACTIVATIONS))
def test_general_formula_at_the_notebooks_weights_for_every_activation_setting(setting):
    assert_three_ways_agree(NOTEBOOK_X, NOTEBOOK_WS, ACTIVATIONS[setting](3), NOTEBOOK_T)


def test_formula_with_the_notebooks_weights_gives_its_printed_gradients():
    sigmoids = [matgrad.Sigmoid()] * 3
    first_column_of_dW2 = derivation_gradient(2, NOTEBOOK_X, NOTEBOOK_WS, sigmoids, NOTEBOOK_T)[:, 0]
    np.testing.assert_allclose(first_column_of_dW2, [-0.0449, -0.0369, -0.0385], atol=5e-5)
