"""Seed 004, the worked homework: the network, its gradients and the step, checked
against sympy (exact), finite differences and a hand formula written here in plain
Python; plus the transcription of the author's numbers and their verdicts."""

import dataclasses
import inspect
import math
import types

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_input import Case, assert_clear_error
from matgrad import Identity, Linear, MSELoss, Network, numerical_gradient, relative_error, symbolic
from matgrad import course
from matgrad.course import homework
from matgrad.course.comparison import (
    AGREES, NOTED, ROUNDING, SLIP, VERDICTS, Comparison, agrees_to_written_decimals, comparison_table,
    comparison_text,
)  # fmt: skip
from matgrad.course.handwritten import HANDWRITTEN, Handwritten

NAMES = homework.PARAMETER_NAMES


# ------------------------------------------------------------------ helpers
class Tracked:
    """A float and its *size*: the sum of the absolute values of every term that
    went into it (``a + b`` and ``a - b`` add sizes, ``a * b`` multiplies them).

    Any two correct float64 evaluations of the same formula differ by at most
    a few dozen ulps of the size, however much the terms cancel, so the size is
    the scale for a tolerance: ``-8.6e-18`` against an exact ``0`` is fine when
    the size is 1, and a slip of 1e-9 is caught when the size is 1e-3."""

    __slots__ = ("value", "size")

    def __init__(self, value, size=None):
        self.value, self.size = float(value), abs(float(value)) if size is None else size

    def __add__(self, other):
        other = other if isinstance(other, Tracked) else Tracked(other)
        return Tracked(self.value + other.value, self.size + other.size)

    __radd__ = __add__

    def __sub__(self, other):
        other = other if isinstance(other, Tracked) else Tracked(other)
        return Tracked(self.value - other.value, self.size + other.size)

    def __rsub__(self, other):
        return Tracked(other) - self

    def __mul__(self, other):
        other = other if isinstance(other, Tracked) else Tracked(other)
        return Tracked(self.value * other.value, self.size * other.size)

    __rmul__ = __mul__


def tracked_sigmoid(z):
    """s(z) = 1 / (1 + e^-z); its error relative to s is at most that of z, so its
    size is s(z) (1 + size of z)."""
    value = 1.0 / (1.0 + math.exp(-z.value)) if z.value >= 0 else math.exp(z.value) / (1.0 + math.exp(z.value))
    return Tracked(value, value * (1.0 + z.size))


def hand_forward(p, x):
    """One sample's forward pass in plain Python: ``l1, h1, l2, h2`` (lists of two
    Tracked) and ``yhat`` (Tracked). ``p`` maps parameter names to floats."""
    w = {name: Tracked(value) for name, value in p.items()}
    l1 = [w[f"w1_1{i}"] * x + w[f"b1_{i}"] for i in (1, 2)]
    h1 = [tracked_sigmoid(z) for z in l1]
    l2 = [w[f"w2_1{j}"] * h1[0] + w[f"w2_2{j}"] * h1[1] + w[f"b2_{j}"] for j in (1, 2)]
    h2 = [tracked_sigmoid(z) for z in l2]
    yhat = w["w3_11"] * h2[0] + w["w3_21"] * h2[1] + w["b3_1"]
    return l1, h1, l2, h2, yhat


def hand_gradients(p):
    """The homework's gradients in plain Python (math, loops, no numpy), from the
    chain rule written out per sample k: an independent hand formula.
    Returns ``{name: Tracked}`` (the gradient and the size of what it sums)."""
    w = {name: Tracked(value) for name, value in p.items()}
    g = {name: Tracked(0.0) for name in NAMES}
    for x, y in zip((-1.0, 0.0, 1.0), (1.0, 0.0, -1.0)):
        _, h1, _, h2, yhat = hand_forward(p, x)
        d_yhat = (2.0 / 3.0) * (yhat - y)  # d/dyhat of (1/3) sum (yhat - y)^2
        g["b3_1"] += d_yhat
        d_n2 = []
        for j in (1, 2):
            g[f"w3_{j}1"] += d_yhat * h2[j - 1]
            d_n2.append(d_yhat * w[f"w3_{j}1"] * h2[j - 1] * (1 - h2[j - 1]))
        for j in (1, 2):
            g[f"b2_{j}"] += d_n2[j - 1]
            for i in (1, 2):
                g[f"w2_{i}{j}"] += d_n2[j - 1] * h1[i - 1]
        for i in (1, 2):
            d_h1 = w[f"w2_{i}1"] * d_n2[0] + w[f"w2_{i}2"] * d_n2[1]
            d_n1 = d_h1 * h1[i - 1] * (1 - h1[i - 1])
            g[f"w1_1{i}"] += d_n1 * x
            g[f"b1_{i}"] += d_n1
    return g


def assert_equal_to_rounding(got, hand, what):
    """``got[name]`` (floats) equals ``hand[name]`` (Tracked) up to 1e-12 of the size
    of the terms summed (about 5000 ulps; a correct formula is within a few dozen).
    The 1e-300 floor only absorbs products that underflow below the smallest float."""
    for name in NAMES:
        error, allowed = abs(got[name] - hand[name].value), 1e-12 * hand[name].size + 1e-300
        assert error <= allowed, f"{what} {name}: {got[name]!r} vs {hand[name].value!r} (size {hand[name].size:.3g})"


def loss_of_vector(v):
    return homework.network(**dict(zip(NAMES, map(float, v)))).loss(homework.X, homework.Y, homework.LOSS)


def sympy_gradients_at(values):
    """Exact sympy gradients of the homework loss, evaluated at ``values`` (floats)."""
    W1, b1 = symbolic.symbol_matrix("p", 1, 2), symbolic.symbol_row("q", 2)
    W2, b2 = symbolic.symbol_matrix("r", 2, 2), symbolic.symbol_row("s", 2)
    W3, b3 = symbolic.symbol_matrix("t", 2, 1), symbolic.symbol_row("u", 1)
    net = symbolic.Network([
        (symbolic.Linear(W1, b1), symbolic.Sigmoid()),
        (symbolic.Linear(W2, b2), symbolic.Sigmoid()),
        (symbolic.Linear(W3, b3), symbolic.Identity()),
    ])  # fmt: skip
    X, Y = sp.Matrix([[-1], [0], [1]]), sp.Matrix([[1], [0], [-1]])
    grads = net.gradients(X, Y, symbolic.MSELoss())
    symbols = {
        "w1_11": W1[0, 0], "w1_12": W1[0, 1], "b1_1": b1[0], "b1_2": b1[1],
        "w2_11": W2[0, 0], "w2_12": W2[0, 1], "w2_21": W2[1, 0], "w2_22": W2[1, 1],
        "b2_1": b2[0], "b2_2": b2[1], "w3_11": W3[0, 0], "w3_21": W3[1, 0], "b3_1": b3[0],
    }  # fmt: skip
    subs = {symbols[n]: sp.Rational(values[n]) if float(values[n]).is_integer() else values[n] for n in NAMES}
    flat = {}
    for (dW, db), (W, b) in zip(grads, [(W1, b1), (W2, b2), (W3, b3)]):
        for k in range(len(W)):
            flat[W[k]] = dW[k]
        for k in range(len(b)):
            flat[b[k]] = db[k]
    return {n: float(sp.N(flat[symbols[n]].subs(subs), 30)) for n in NAMES}


# ------------------------------------------------------------ the network
def test_network_holds_the_seed_parameters_in_the_seed_layout():
    net = homework.network()
    assert net.sizes == (1, 2, 2, 1)
    (l1, a1), (l2, a2), (l3, a3) = net.layers
    np.testing.assert_array_equal(l1.W, [[1, 2]])
    np.testing.assert_array_equal(l1.b, [0, 1])
    np.testing.assert_array_equal(l2.W, [[1, 2], [3, 4]])  # w2_ij: input i -> output j
    np.testing.assert_array_equal(l2.b, [0, 1])
    np.testing.assert_array_equal(l3.W, [[1], [2]])
    np.testing.assert_array_equal(l3.b, [1])
    assert [type(a).__name__ for a in (a1, a2, a3)] == ["Sigmoid", "Sigmoid", "Identity"]
    assert homework.parameters_of(net) == homework.DEFAULTS
    assert isinstance(homework.LOSS, MSELoss) and homework.LEARNING_RATE == 0.1


def test_overrides_change_exactly_one_parameter():
    for name in NAMES:
        params = homework.parameters_of(homework.network(**{name: 7.25}))
        assert params == {**homework.DEFAULTS, name: 7.25}


def test_forward_values_match_the_seed_rounding():
    f = homework.forward_values(homework.network())
    np.testing.assert_array_equal(f["h1"].round(2), [[0.27, 0.27], [0.50, 0.73], [0.73, 0.95]])
    np.testing.assert_array_equal(f["h2"].round(2), [[0.75, 0.93], [0.94, 0.99], [0.97, 1.00]])
    np.testing.assert_array_equal(f["residual"].round(2), [2.61, 3.92, 4.97])
    np.testing.assert_allclose(f["h1"], 1 / (1 + np.exp(-f["z1"])), rtol=1e-15)


@pytest.mark.parametrize("overrides", [{}, {"w2_21": -1.5, "b1_2": 0.25, "b3_1": -2.0}])
def test_forward_values_equal_a_plain_python_forward_pass(overrides):
    params = {**homework.DEFAULTS, **overrides}
    f = homework.forward_values(homework.network(**overrides))
    assert {key: f[key].shape for key in f} == {
        "z1": (3, 2), "h1": (3, 2), "z2": (3, 2), "h2": (3, 2), "yhat": (3,), "residual": (3,)}  # fmt: skip
    for k, (x, y) in enumerate(zip((-1.0, 0.0, 1.0), (1.0, 0.0, -1.0))):
        l1, h1, l2, h2, yhat = hand_forward(params, x)
        hand = {"z1": l1, "h1": h1, "z2": l2, "h2": h2, "yhat": [yhat], "residual": [yhat - y]}
        for key, values in hand.items():
            for got, expected in zip(np.atleast_1d(f[key][k]), values, strict=True):
                assert abs(got - expected.value) <= 1e-13 * expected.size, (key, k, got, expected.value)


# ---------------------------------------------------------- the gradients
def test_default_gradients_three_ways_and_the_seed_formulas():
    library = homework.gradients_by_name(homework.network())
    hand = hand_gradients(homework.DEFAULTS)
    exact = sympy_gradients_at(homework.DEFAULTS)
    seed = homework.chain_rule_gradients()
    numeric = dict(zip(NAMES, numerical_gradient(loss_of_vector, np.array([homework.DEFAULTS[n] for n in NAMES]))))
    for name in NAMES:
        assert library[name] == pytest.approx(exact[name], rel=1e-13, abs=1e-15), name
        assert library[name] == pytest.approx(hand[name].value, rel=1e-13, abs=1e-15), name
        assert library[name] == pytest.approx(seed[name], rel=1e-13, abs=1e-15), name
    assert relative_error([library[n] for n in NAMES], [numeric[n] for n in NAMES]) < 1e-8


def test_default_gradients_to_five_decimals():
    # Written down once from the sympy result above (30 significant digits).
    expected = {
        "w1_11": -0.12992, "w1_12": -0.35458, "b1_1": 0.23134, "b1_2": 0.50360,
        "w2_11": 0.22969, "w2_12": 0.08735, "w2_21": 0.28476, "w2_22": 0.09877,
        "b2_1": 0.57176, "b2_2": 0.27120, "w3_11": 6.96998, "w3_21": 7.52328, "b3_1": 7.66713,
    }  # fmt: skip
    got = homework.gradients_by_name(homework.network())
    assert {n: round(g, 5) for n, g in got.items()} == expected


PARAM = st.floats(min_value=-3, max_value=3, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({name: PARAM for name in NAMES}))
def test_random_parameters_library_equals_hand_formula_seed_formula_and_finite_differences(params):
    library = homework.gradients_by_name(homework.network(**params))
    hand = hand_gradients(params)
    seed = homework.chain_rule_gradients(**params)
    assert_equal_to_rounding(library, hand, "Network.gradients")
    assert_equal_to_rounding(seed, hand, "chain_rule_gradients")
    as_vector = lambda g: np.array([g[n] for n in NAMES])  # noqa: E731
    numeric = numerical_gradient(loss_of_vector, np.array([params[n] for n in NAMES]))
    scale = max(1.0, loss_of_vector([params[n] for n in NAMES]))
    assert np.linalg.norm(as_vector(library) - numeric) <= 1e-6 * np.linalg.norm(numeric) + 1e-8 * scale


def test_sympy_exact_at_other_parameters():
    params = {**homework.DEFAULTS, "w2_21": -1.5, "b1_2": 0.25, "w3_21": -2.0}
    exact = sympy_gradients_at(params)
    library = homework.gradients_by_name(homework.network(**params))
    for name in NAMES:
        assert library[name] == pytest.approx(exact[name], rel=1e-12, abs=1e-14), name


def test_loss_along_a_parameter_equals_the_network_loss():
    grid = np.linspace(-2, 3, 11)
    for name in ("w1_12", "b2_2", "w3_21"):
        curve = homework.loss_along(name, grid, w2_11=0.5)
        direct = [homework.network(w2_11=0.5, **{name: g}).loss(homework.X, homework.Y, homework.LOSS) for g in grid]
        np.testing.assert_allclose(curve, direct, rtol=1e-14)


# ------------------------------------------------------------- the step
def test_one_step_is_parameters_minus_lr_times_gradients():
    net = homework.network()
    g = hand_gradients(homework.DEFAULTS)
    updated = homework.updated_by_name(net)
    for name in NAMES:
        assert updated[name] == pytest.approx(homework.DEFAULTS[name] - 0.1 * g[name].value, rel=1e-14, abs=1e-16)
    # The author's updated parameters, to the decimals the author wrote.
    assert round(updated["w1_11"], 3) == 1.013 and round(updated["w1_12"], 3) == 2.035
    assert round(updated["w2_22"], 2) == 3.99 and round(updated["b3_1"], 4) == 0.2333
    assert round(updated["w3_11"], 4) == 0.3030 != 0.3025  # the author's 0.3025 follows from 6.975
    after = homework.network(**updated).loss(homework.X, homework.Y, homework.LOSS)
    assert after < net.loss(homework.X, homework.Y, homework.LOSS)


# ----------------------------------------------------- the handwriting
# The main results as written in the seed, transcribed a second time here.
SEED_RESULTS = {
    "dL/dw3_11": "6.975", "dL/dw3_21": "7.519", "dL/db3_1": "7.667",
    "dL/dw2_11": "0.23", "dL/dw2_12": "0.09", "dL/dw2_21": "0.28", "dL/dw2_22": "0.10",
    "dL/db2_1": "0.57", "dL/db2_2": "0.27", "dL/dw1_11": "-0.13", "dL/dw1_12": "-0.35",
    "dL/db1_1": "0.23", "dL/db1_2": "0.5", "dL/dw1_11 (side note)": "-0.17",
    "dL/db1_1 (side note)": "0.27",
    "new w1_11": "1.013", "new w1_12": "2.035", "new w2_11": "0.977", "new w2_12": "1.991",
    "new w2_21": "2.972", "new w2_22": "3.99", "new w3_11": "0.3025", "new w3_21": "1.2481",
    "new b1_1": "-0.023", "new b1_2": "0.95", "new b2_1": "-0.057", "new b2_2": "0.973",
    "new b3_1": "0.2333",
}  # fmt: skip


def test_transcription_of_the_results():
    written = {h.key: h.written for h in HANDWRITTEN}
    assert len(written) == len(HANDWRITTEN) == 95, "every key once"
    for key, value in SEED_RESULTS.items():
        assert written[key] == value, key
    forward = {f"{name}[{k}]": w for name, ws in {
        "h1_1": "0.27 0.50 0.73", "h1_2": "0.27 0.73 0.95", "h2_1": "0.75 0.94 0.97",
        "h2_2": "0.93 0.99 1.00", "r": "2.61 3.92 4.97"}.items() for k, w in enumerate(ws.split(), 1)}  # fmt: skip
    for key, value in forward.items():
        assert written[key] == value, key


def test_verdicts():
    rows = {row.key: row for row in comparison_table()}
    counts = {v: sum(r.verdict == v for r in rows.values()) for v in (AGREES, ROUNDING, SLIP, NOTED)}
    assert counts == {AGREES: 73, ROUNDING: 16, SLIP: 4, NOTED: 2}
    assert {k for k, r in rows.items() if r.verdict == SLIP} == {
        "r*h2_2[1]", "B2_2*h1_2[2]", "B2_2 (b line)[3]", "B1_1[1]"}  # fmt: skip
    # the side notes say what the written vector computes to (보이는 것은 계산 ...), and it does
    assert {k for k, r in rows.items() if r.verdict == NOTED} == {"dL/dw1_11 (side note)", "dL/db1_1 (side note)"}
    for key in ("dL/dw3_11", "dL/dw3_21", "new w3_11", "new w3_21"):
        assert rows[key].verdict == ROUNDING, key
    for key in ("dL/dw1_11", "dL/dw1_12", "dL/db1_1", "dL/db1_2", "dL/db2_2", "dL/db3_1", "new b3_1"):
        assert rows[key].verdict == AGREES, key
    # the replays are the author's arithmetic on the written numbers
    assert rows["dL/dw3_11"].replayed == pytest.approx(2 / 3 * (2.61 * 0.75 + 3.92 * 0.94 + 4.97 * 0.97))
    assert rows["r*h2_2[1]"].replayed == pytest.approx(2.61 * 0.93)
    assert rows["B1_1[1]"].replayed == pytest.approx((1 * 0.49 + 2 * 0.33) * 0.20)
    assert rows["dL/dw1_11 (side note)"].replayed == pytest.approx(2 / 3 * (-0.28 + 0.03))
    assert rows["new w3_11"].replayed == pytest.approx(1 - 0.1 * 6.975)
    for row in rows.values():
        if row.verdict in (SLIP, NOTED):
            assert row.note, f"{row.key} needs an explanation"
        assert math.isfinite(row.exact)


def test_agreement_is_to_the_written_decimals():
    agrees = agrees_to_written_decimals
    assert agrees("0.5", 0.5036) and agrees("0.23", 0.2313) and agrees("0.50", 0.504999)
    assert not agrees("6.975", 6.96998) and agrees("6.975", 6.9755) and not agrees("6.975", 6.9756)
    assert not agrees("0.28", 0.2278) and not agrees("0.50", 0.5051) and agrees("-0.13", -0.12992)
    assert not agrees("-0.13", 0.12992) and agrees("2", 2.4) and not agrees("2", 2.6)


def test_only_accepts_one_verdict_or_a_collection_of_them():
    everything = comparison_table()
    for only in ("author's note", {"author's note"}, ["author's note"], ("author's note",), frozenset({"author's note"})):
        lines = comparison_text(only=only).splitlines()[1:]
        assert [line.split()[0] for line in lines] == ["dL/dw1_11", "dL/db1_1"], only
    slips = comparison_text(only=["slip", "author's note"]).splitlines()[1:]
    assert len(slips) == sum(row.verdict in ("slip", "author's note") for row in everything) == 6
    # a single verdict is not read as a set of characters: "slip" matches only "slip"
    assert len(comparison_text(only="slip").splitlines()) == 1 + 4
    assert set(VERDICTS) == {row.verdict for row in everything}
    # a filter that keeps nothing, or no rows, is an answer, not an error: the header alone
    header = [comparison_text().splitlines()[0]]
    assert comparison_text(everything[:1], only="slip").splitlines() == header == comparison_text([]).splitlines()
    assert comparison_text(everything, only=set()).splitlines() == header
    assert all(isinstance(row, Comparison) for row in everything)


# ------------------------------------------------------- shared state
def test_course_data_is_read_only():
    for array in (homework.X, homework.Y):
        with pytest.raises(ValueError, match="read-only"):
            array[0, 0] = 5.0
        with pytest.raises(ValueError, match="read-only"):
            array[:, 0] += 1.0
    with pytest.raises(TypeError):
        homework.DEFAULTS["w1_11"] = 5.0  # a read-only mapping
    assert isinstance(homework.PARAMETER_NAMES, tuple) and isinstance(HANDWRITTEN, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        HANDWRITTEN[0].written = "0.99"  # a frozen record
    assert homework.X[:, 0].tolist() == [-1.0, 0.0, 1.0] and homework.Y[:, 0].tolist() == [1.0, 0.0, -1.0]


def test_results_are_new_objects_so_callers_do_not_share_them():
    net = homework.network()
    first = homework.forward_values(net)
    first["h1"][0, 0] = 99.0  # a caller's own copy
    params = homework.parameters_of(net)
    params["w1_11"] = 99.0
    assert homework.forward_values(net)["h1"][0, 0] != 99.0
    assert homework.parameters_of(net)["w1_11"] == 1.0 == homework.DEFAULTS["w1_11"]
    assert homework.network() is not homework.network()


def test_the_learning_rate_is_read_at_call_time_not_captured_as_a_default(monkeypatch):
    for module in (homework, course.comparison, course.handwritten):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                defaults = [p.default for p in inspect.signature(obj).parameters.values()
                            if p.default is not inspect.Parameter.empty]
                assert all(d is None for d in defaults), f"{name} captures {defaults} at import"
    net = homework.network()
    monkeypatch.setattr(homework, "LEARNING_RATE", 0.5)
    assert homework.updated_by_name(net) == homework.updated_by_name(net, lr=0.5)


def test_every_course_module_exports_only_its_own_public_names():
    for module in (course, homework, course.comparison, course.handwritten):
        assert module.__all__ and all(not name.startswith("_") for name in module.__all__)
        for name in module.__all__:
            obj = getattr(module, name)
            assert not isinstance(obj, types.ModuleType) or obj.__name__.startswith("matgrad.course."), name
            assert getattr(obj, "__module__", module.__name__).startswith("matgrad."), name


# ------------------------------------------------------------ bad input
def test_bad_parameter_names_and_values_are_named():
    one_layer = Network([(Linear([[1.0], [2.0]]), Identity())])
    for case in (
        Case(lambda: homework.network(w4_11=1.0), ValueError, "parameter name", "'w4_11'"),
        Case(lambda: homework.network(w1_11=float("nan")), ValueError, "w1_11", "nan"),
        Case(lambda: homework.network(b3_1="1"), TypeError, "b3_1", "'1'"),
        Case(lambda: homework.gradients_by_name(one_layer), ValueError, "net", "(2, 1)"),
        Case(lambda: homework.loss_along("lr", [0.0, 1.0]), ValueError, "name", "'lr'"),
        Case(lambda: homework.loss_along("w1_11", [[0.0], [1.0]]), ValueError, "grid", "(2, 1)"),
    ):
        assert_clear_error(case)


def test_a_handwritten_number_is_checked_once_when_it_is_recorded():
    h = Handwritten("r[1]", "forward: yhat - y", "-0.0651")
    assert (h.value, h.decimals) == (-0.0651, 4)
    for bad in (float("nan"), "", "zzz", 2, "1e3", " 0.5", None):
        with pytest.raises((TypeError, ValueError), match="written"):
            Handwritten("r[1]", "forward: yhat - y", bad)
