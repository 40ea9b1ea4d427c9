"""The computational graph and its backward walk: every number is the library's.

Three independent references: the library's own backprop (the activations'
and Linear layers' ``backward``, ``Network.gradients``), central finite
differences (``matgrad.numerical_gradient``) and, for the worked homework's first
sample, the chain rule written out by hand with ``math.exp``.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support import assert_close, assert_matches_finite_differences, matrices, vectors

from matgrad import HalfSSELoss, Identity, Linear, MSELoss, Network, Sigmoid
from matgrad.course import homework
from matgrad.widgets.graph.model import computational_graph
from matgrad.widgets.graph.walk import backward_walk, graph_walk_text, walk_captions

ROW_231 = Network([
    (Linear([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], [0.1, 0.0, -0.2]), Sigmoid()),
    (Linear([[1.0], [-2.0], [0.5]], [0.3]), Identity()),
])  # fmt: skip
CASES = {
    "homework sample 1": (homework.network(), [-1.0], [1.0], MSELoss()),
    "homework sample 3": (homework.network(w2_12=-1.5), [1.0], [-1.0], HalfSSELoss()),
    "2-3-1": (ROW_231, [0.5, -1.0], [-1.0], HalfSSELoss()),
    "2-2 sigmoid out": (Network([(Linear([[1.0, -2.0], [0.5, 3.0]], [0.0, 1.0]), Sigmoid())]),
                        [0.3, -0.7], [1.0, 0.0], MSELoss()),
    "3-2-2-1 identity hidden": (Network([
        (Linear(np.arange(6.0).reshape(3, 2) / 4 - 0.5, [0.1, -0.1]), Identity()),
        (Linear([[1.0, -1.0], [2.0, 0.5]], [0.0, 0.2]), Sigmoid()),
        (Linear([[1.5], [-0.5]], [0.0]), Sigmoid()),
    ]), [1.0, 2.0, -1.0], [0.25], MSELoss()),
}  # fmt: skip


def library_chain(net, x, y, loss):
    """The library's backprop on one sample: per layer (dL/dN, dL/dO_{l-1}, dW, db), 1-D pieces."""
    X, Y = np.atleast_2d(x), np.atleast_2d(y)
    yhat, trace = net.forward(X)
    upstream = loss.grad(yhat, Y)
    out = []
    for (linear, activation), seen in zip(reversed(net.layers), reversed(trace)):
        dN = activation.backward(seen.pre, upstream)
        upstream, dW, db = linear.backward(seen.input, dN)
        out.append((dN[0], upstream[0], dW, db))
    return out[::-1]


def node_keys(net):
    """Per layer l (1-based): the keys of the node after the Linear (z or merged h/yhat) and of
    the layer's input nodes."""
    sizes, last = net.sizes, len(net.layers)
    keys = []
    for l, (linear, activation) in enumerate(net.layers, start=1):
        out = [f"yhat{j + 1}" if l == last else f"h{l}_{j + 1}" for j in range(sizes[l])]
        z = out if type(activation) is Identity else [f"z{l}_{j + 1}" for j in range(sizes[l])]
        inputs = [f"x{i + 1}" for i in range(sizes[0])] if l == 1 else [f"h{l - 1}_{i + 1}" for i in range(sizes[l - 1])]
        keys.append((z, inputs))
    return keys


@pytest.mark.parametrize("name", sorted(CASES))
def test_node_gradients_are_the_library_backprop(name):
    net, x, y, loss = CASES[name]
    walk = backward_walk(net, x, y, loss)
    grads = walk.gradients
    by_layer = net.gradients(np.atleast_2d(x), np.atleast_2d(y), loss)
    for (z_keys, in_keys), (dN, dX, _, _), (dW, db) in zip(node_keys(net), library_chain(net, x, y, loss), by_layer):
        dz = [grads[k] for k in z_keys]
        assert dz == pytest.approx(dN, rel=1e-12, abs=1e-15)  # Sigmoid/Identity.backward
        assert dz == pytest.approx(db, rel=1e-12, abs=1e-15)  # Network.gradients: dL/db = dL/dz
        assert [grads[k] for k in in_keys] == pytest.approx(dX, rel=1e-12, abs=1e-15)  # Linear.backward
        # dL/dw_ij = (value of input i) x dL/dz_j: the weight gradients follow from the nodes
        inputs = [walk.graph.node(k).value for k in in_keys]
        assert np.outer(inputs, dz) == pytest.approx(dW, rel=1e-12, abs=1e-15)
    assert grads["L"] == 1.0


@pytest.mark.parametrize("name", sorted(CASES))
def test_values_and_local_gradients_are_the_library_forward(name):
    net, x, y, loss = CASES[name]
    graph = computational_graph(net, x, y, loss)
    yhat, trace = net.forward(np.atleast_2d(x))
    values = {node.key: node.value for node in graph.nodes}
    assert values["L"] == loss.value(yhat, np.atleast_2d(y))
    for (z_keys, in_keys), (linear, activation), seen in zip(node_keys(net), net.layers, trace):
        assert [values[k] for k in z_keys] == list(seen.pre[0])
        local = {(e.parent, e.child): e.local for e in graph.edges}
        for i, parent in enumerate(in_keys):
            assert [local[parent, z] for z in z_keys] == list(linear.W[i])
        if type(activation) is not Identity:
            outs = [e.child for e in graph.edges if e.parent in z_keys]
            assert [values[k] for k in outs] == list(seen.out[0])
            assert [local[z, h] for z, h in zip(z_keys, outs)] == list(activation.derivative(seen.pre[0]))
    dyhat = loss.grad(yhat, np.atleast_2d(y))[0]
    assert [e.local for e in graph.edges if e.child == "L"] == list(dyhat)


@pytest.mark.parametrize("name", sorted(CASES))
def test_node_gradients_match_finite_differences(name):
    net, x, y, loss = CASES[name]
    grads = backward_walk(net, x, y, loss).gradients
    sizes = net.sizes
    x_keys = [f"x{i + 1}" for i in range(sizes[0])]
    assert_matches_finite_differences([grads[k] for k in x_keys],
                                      lambda v: net.loss(v[np.newaxis], np.atleast_2d(y), loss), np.array(x, float))  # fmt: skip
    _, trace = net.forward(np.atleast_2d(x))
    for l, (z_keys, in_keys) in enumerate(node_keys(net)):
        rest = Network(list(net.layers[l:]))  # the network from layer l + 1 on, fed with h^l

        def loss_from(h, rest=rest):
            return rest.loss(h[np.newaxis], np.atleast_2d(y), loss)

        assert_matches_finite_differences([grads[k] for k in in_keys], loss_from, trace[l].input[0])

        def loss_by_bias(b, l=l):  # z^l_j moves with b^l_j one for one, so dL/db = dL/dz
            layers = list(net.layers)
            layers[l] = (Linear(layers[l][0].W, b), layers[l][1])
            return Network(layers).loss(np.atleast_2d(x), np.atleast_2d(y), loss)

        assert_matches_finite_differences([grads[k] for k in z_keys], loss_by_bias, net.layers[l][0].b)


def test_the_homework_sample_by_the_chain_rule_by_hand():
    """Sample 1 (x = -1, y = 1) with L = (yhat - y)^2, every number from math.exp."""
    p = homework.DEFAULTS
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    x, y = -1.0, 1.0
    z1 = [p["w1_11"] * x + p["b1_1"], p["w1_12"] * x + p["b1_2"]]
    h1 = [s(z) for z in z1]
    z2 = [p[f"w2_1{j}"] * h1[0] + p[f"w2_2{j}"] * h1[1] + p[f"b2_{j}"] for j in (1, 2)]
    h2 = [s(z) for z in z2]
    yhat = p["w3_11"] * h2[0] + p["w3_21"] * h2[1] + p["b3_1"]
    d_yhat = 2 * (yhat - y)
    d_h2 = [d_yhat * p["w3_11"], d_yhat * p["w3_21"]]
    d_z2 = [d_h2[j] * h2[j] * (1 - h2[j]) for j in (0, 1)]
    d_h1 = [p[f"w2_{i}1"] * d_z2[0] + p[f"w2_{i}2"] * d_z2[1] for i in (1, 2)]
    d_z1 = [d_h1[i] * h1[i] * (1 - h1[i]) for i in (0, 1)]
    d_x = p["w1_11"] * d_z1[0] + p["w1_12"] * d_z1[1]
    expected = {"L": 1.0, "yhat1": d_yhat, "h2_1": d_h2[0], "h2_2": d_h2[1], "z2_1": d_z2[0],
                "z2_2": d_z2[1], "h1_1": d_h1[0], "h1_2": d_h1[1], "z1_1": d_z1[0], "z1_2": d_z1[1], "x1": d_x}  # fmt: skip
    walk = backward_walk(homework.network(), x, y, MSELoss())
    assert dict(walk.gradients) == pytest.approx(expected, rel=1e-12)
    assert walk.graph.node("L").value == pytest.approx((yhat - y) ** 2, rel=1e-12)
    assert f"{d_yhat:.3f}" == "5.218" and f"{d_x:.3f}" == "2.667"  # the numbers the captions show


def test_each_step_multiplies_upstream_by_local_and_sums_over_paths():
    walk = backward_walk(*CASES["2-3-1"])
    assert len(walk.steps) == len(walk.graph.edges) == 2 * 3 + 3 + 3 + 1
    assert sorted((s.edge.parent, s.edge.child) for s in walk.steps) == sorted(
        (e.parent, e.child) for e in walk.graph.edges)  # every edge walked once
    seen = set()
    for s in walk.steps:
        assert s.upstream == walk.gradients[s.edge.child] and s.edge.child in seen | {"L"}  # complete
        assert s.downstream == s.upstream * s.local and s.terms[-1] == s.downstream
        assert s.total == sum(s.terms) and len(s.terms) == s.path
        if s.complete:
            assert s.path == s.paths and walk.gradients[s.edge.parent] == s.total
            seen.add(s.edge.parent)
    assert seen == {n.key for n in walk.graph.nodes} - {"L"}
    x2_paths = [s for s in walk.steps if s.edge.parent == "x2"]
    assert [s.path for s in x2_paths] == [1, 2, 3] and x2_paths[-1].complete


def test_the_walk_goes_from_the_loss_back_to_the_inputs():
    walk = backward_walk(*CASES["homework sample 1"])
    order = [(s.edge.parent, s.edge.child) for s in walk.steps]
    assert order[:3] == [("yhat1", "L"), ("h2_1", "yhat1"), ("h2_2", "yhat1")]
    assert order[-2:] == [("x1", "z1_1"), ("x1", "z1_2")]
    columns = [walk.graph.node(p).column for p, _ in order]
    assert columns == sorted(columns, reverse=True)


def test_captions_use_the_vocabulary_and_the_numbers():
    walk = backward_walk(*CASES["homework sample 1"])
    captions = walk_captions(walk)
    assert len(captions) == len(walk.steps) + 1 and captions[0].startswith("Step 0 of 13: the forward pass")
    assert "local gradient" in captions[0]
    assert captions[2] == "Step 2 of 13: dL/dh²₁ = upstream dL/dŷ × local w³₁₁ = 5.218 × 1.000 = 5.218"
    s = walk.steps[6]  # h1_1's second path: the sum over paths
    assert captions[7].endswith(f"sum over paths: dL/dh¹₁ = {s.terms[0]:.3f} + {s.terms[1]:.3f} = {s.total:.3f}")
    assert graph_walk_text(*CASES["homework sample 1"]).splitlines() == list(captions)
    wide = walk_captions(walk, "{:.5f}")
    assert f"{walk.gradients['x1']:.5f}" in wide[-1]


def test_negative_numbers_read_as_subtraction_and_in_parentheses():
    # h1 = (-x, x), yhat = h1_1 + h1_2 = 0; with x = 2, y = 1: dL/dyhat = yhat - y = -1
    net = Network([(Linear([[-1.0, 1.0]], [0.0, 0.0]), Identity()), (Linear([[1.0], [1.0]]), Identity())])
    captions = walk_captions(backward_walk(net, 2.0, 1.0, HalfSSELoss()))
    assert captions[1].endswith("upstream dL/dL × local dL/dŷ = 1.000 × (-1.000) = -1.000")
    assert captions[2].endswith("local w²₁₁ = (-1.000) × 1.000 = -1.000")
    assert captions[5].endswith("= (-1.000) × 1.000 = -1.000; sum over paths: dL/dx = 1.000 - 1.000 = 0.000")


def test_a_column_convention_network_gives_the_same_graph():
    row = CASES["2-3-1"][0]
    column = Network([(Linear(lin.W.T, lin.b, convention="column"), act) for lin, act in row.layers])
    a, b = backward_walk(row, [0.5, -1.0], -1.0, HalfSSELoss()), backward_walk(column, [0.5, -1.0], -1.0, HalfSSELoss())
    assert a.graph == b.graph and dict(a.gradients) == pytest.approx(dict(b.gradients), rel=1e-12)


@st.composite
def small_networks(draw):
    sizes = draw(st.lists(st.integers(1, 3), min_size=2, max_size=4))
    layers = [(Linear(draw(matrices(n_in, n_out)), draw(vectors(n_out))),
               draw(st.sampled_from([Sigmoid(), Identity()]))) for n_in, n_out in zip(sizes, sizes[1:])]  # fmt: skip
    loss = draw(st.sampled_from([MSELoss(), HalfSSELoss()]))
    return Network(layers), draw(vectors(sizes[0])), draw(vectors(sizes[-1])), loss


def path_sums(graph):
    """node key -> the sum over all paths to L of |product of local gradients|: the scale of
    the round-off in dL/d node (each product and sum adds a few ulps of it)."""
    scale = {"L": 1.0}
    for column in reversed(graph.columns[:-1]):
        for key in column:
            scale[key] = sum(scale[e.child] * abs(e.local) for e in graph.edges if e.parent == key)
    return scale


@settings(max_examples=40, deadline=None)
@given(small_networks())
def test_any_small_network_walks_to_the_library_gradients(case):
    net, x, y, loss = case
    walk = backward_walk(net, x, y, loss)
    scale = path_sums(walk.graph)
    for (z_keys, in_keys), (dN, dX, _, _) in zip(node_keys(net), library_chain(net, x, y, loss)):
        for keys, expected in ((z_keys, dN), (in_keys, dX)):
            assert_close([walk.gradients[k] for k in keys], expected, [scale[k] for k in keys])
