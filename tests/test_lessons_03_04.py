"""What notebooks 03 and 04 state in general, checked beyond the notebooks' own numbers.

* 03: the row-convention layer and its column-convention twin (W_c = W_r^T) have
  weight Jacobians with the same columns in another order, and that order is
  the column-major flattening of W_r: dY/dvec_col(W_r) = I_m (x) x^T.
* 04: one sigmoid layer's backward step is dL/dz^l = (dL/dz^(l+1) (W^(l+1))^T) (.) sigma'(z^l),
  so ||dL/dz^l|| <= 1/4 ||W^(l+1)||_2 ||dL/dz^(l+1)||; the bound is attained (w = 10
  at z = 0 gives x2.5), so "every sigmoid layer shrinks the signal fourfold" is false.
* Both: the slider panels print exactly what their stored static twins print,
  before and after any slider move, whatever numpy's print options are (a
  widget callback does not see the options a cell set).
"""

import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import matgrad
from matgrad import symbolic
from matgrad.widgets import SigmoidPlot, SliderPanel, format_matrix, format_vector
from tests.support import SIZES, matrices, vectors

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NB03 = NOTEBOOKS / "03-row-convention-and-the-kronecker-jacobian.ipynb"
NB04 = NOTEBOOKS / "04-activation-jacobian.ipynb"


# ------------------------------------------------------------------ 03
def column_major_order(n_in, n_out):
    """Positions in vec_row(W) (W of shape (n_in, n_out)) of W's entries read column by column."""
    return np.arange(n_in * n_out).reshape(n_in, n_out).T.ravel()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_twin_weight_jacobians_are_the_same_columns_in_column_major_order(data):
    n_in, n_out = data.draw(SIZES), data.draw(SIZES)
    W, x = data.draw(matrices(n_in, n_out)), data.draw(vectors(n_in))
    row = matgrad.Linear(W)                                   # Y = x^T W
    column = matgrad.Linear(W.T, convention="column")         # y = W^T x, the same layer
    order = column_major_order(n_in, n_out)
    J_row, J_col = row.jacobian_weights(x), column.jacobian_weights(x)
    np.testing.assert_array_equal(J_row, np.kron(x[None, :], np.eye(n_out)))
    np.testing.assert_array_equal(J_col, J_row[:, order])
    np.testing.assert_array_equal(J_col, np.kron(np.eye(n_out), x[None, :]))
    np.testing.assert_array_equal(row.jacobian_input(), column.jacobian_input())


def test_column_major_order_is_the_stacked_columns_of_w():
    W = symbolic.symbol_matrix("w", 2, 3)
    flat = list(symbolic.flatten(W))
    stacked = [flat[i] for i in column_major_order(2, 3)]
    assert stacked == list(symbolic.flatten(W.T))          # w11, w21, w12, w22, w13, w23
    assert column_major_order(2, 3).tolist() == [0, 3, 1, 4, 2, 5]


# ------------------------------------------------------------------ 04
@st.composite
def sigmoid_chain(draw):
    """A Network of 2-4 Linear+Sigmoid layers with widths 1-3, one input sample and a target."""
    depth = draw(st.integers(2, 4))
    widths = [draw(SIZES) for _ in range(depth + 1)]
    big = st.floats(-12.0, 12.0, allow_nan=False)
    layers = [(matgrad.Linear(draw(matrices(widths[i], widths[i + 1], big)), draw(vectors(widths[i + 1]))),
               matgrad.Sigmoid()) for i in range(depth)]
    return matgrad.Network(layers), draw(matrices(1, widths[0])), draw(matrices(1, widths[-1]))


@settings(max_examples=60, deadline=None)
@given(sigmoid_chain())
def test_a_sigmoid_layer_scales_the_backward_signal_by_at_most_a_quarter_of_its_weight_norm(case):
    net, X, target = case
    _, trace = net.forward(X)
    deltas = [db for _, db in net.gradients(X, target, matgrad.HalfSSELoss())]   # dL/dz^l, one sample
    for i in range(len(deltas) - 1):
        W_next = net.layers[i + 1][0].W
        slope = matgrad.Sigmoid().derivative(trace[i].pre[0])
        recursion = (deltas[i + 1] @ W_next.T) * slope
        terms = (np.abs(deltas[i + 1]) @ np.abs(W_next.T)) * slope
        assert np.all(np.abs(deltas[i] - recursion) <= 1e-12 * terms + 1e-300)
        bound = 0.25 * np.linalg.norm(W_next, 2) * np.linalg.norm(deltas[i + 1])
        assert np.linalg.norm(deltas[i]) <= bound * (1 + 1e-9) + 1e-300


@pytest.mark.parametrize("w", [4.0, 10.0, 100.0])
def test_at_z_zero_a_layer_multiplies_the_signal_by_w_over_four(w):
    # z^l = w h^(l-1) - w/2 with h^(l-1) = 1/2 gives z^l = 0 in every layer: factor w/4 each
    layers = [(matgrad.Linear([[w]], [-w / 2]), matgrad.Sigmoid()) for _ in range(5)]
    grads = matgrad.Network(layers).gradients([[0.5]], [[0.0]], matgrad.HalfSSELoss())
    deltas = np.array([db[0] for _, db in grads])
    np.testing.assert_allclose(deltas[:-1] / deltas[1:], w / 4, rtol=1e-12)


# ------------------------------------------------------------ the panels
def cell_with(nb, text, tag=None):
    found = [c for c in nb.cells if c.cell_type == "code" and text in c.source
             and (tag is None or tag in c.metadata.get("tags", []))]
    assert len(found) == 1, f"expected one code cell with {text!r} (tag {tag}); found {len(found)}"
    return found[0]


def stored_text(cell):
    """The plain text of the twin's one display (a StaticView: what nbval compares)."""
    (shown,) = [o for o in cell.outputs if o.get("output_type") == "display_data"]
    return shown["data"]["text/plain"]


def panel_of(path, view_name, namespace):
    """The notebook's view function, its SliderPanel (built from the widget cell) and the twin's stored text."""
    nb = nbformat.read(path, as_version=4)
    exec(cell_with(nb, f"def {view_name}(").source, namespace)
    panel = eval(cell_with(nb, "SliderPanel(", tag="widget").source, namespace)
    twin = cell_with(nb, f"show_static({view_name}", tag="widget-default")
    return namespace[view_name], panel, stored_text(twin)


def notebook_03_panel():
    X, W = symbolic.symbol_column("x", 2), symbolic.symbol_matrix("w", 2, 3)
    J_W = symbolic.jacobian(symbolic.Linear(W).forward(X.T), W)
    namespace = {"np": np, "matgrad": matgrad, "symbolic": symbolic, "format_matrix": format_matrix,
                 "X": X, "J_W": J_W, "W_num": np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
                 "SliderPanel": SliderPanel}
    return panel_of(NB03, "weight_gradient_view", namespace) + (2,)


def notebook_04_panel():
    namespace = {"np": np, "act": matgrad.Sigmoid(), "format_vector": format_vector,
                 "format_matrix": format_matrix, "SliderPanel": SliderPanel, "SigmoidPlot": SigmoidPlot}
    return panel_of(NB04, "sigmoid_view", namespace) + (4,)


def most_decimals(text):
    return max((len(m) for m in re.findall(r"\d\.(\d+)", text)), default=0)


@pytest.mark.parametrize("make", [notebook_03_panel, notebook_04_panel], ids=["03", "04"])
def test_panel_prints_what_its_static_twin_stored_before_and_after_moves(make):
    view, panel, stored, decimals = make()
    assert stored == panel.text == view()
    rng = np.random.default_rng(0)
    for _ in range(12):
        name = rng.choice(list(panel.controls))
        control = panel.controls[name]
        steps = round((control.max - control.min) / control.step)
        with np.printoptions(precision=8, suppress=False):      # what a widget callback used to see
            control.value = control.min + control.step * int(rng.integers(0, steps + 1))
            live = panel.text
        assert live == view(**panel.values)
        assert most_decimals(live) <= decimals, live
