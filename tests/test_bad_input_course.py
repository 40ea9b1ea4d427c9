"""matgrad.course rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import math

import pytest

from bad_input import BAD_VALUES, assert_sweep_passes, fresh, valid
from matgrad import Identity, Linear, Network, Sigmoid
from matgrad.course import comparison, homework
from matgrad.course.comparison import Comparison, agrees_to_written_decimals, comparison_table, comparison_text

NET = homework.network()
ROW = comparison_table()[0]
BIG = homework.PARAMETER_BOUND * 10
IDENTITIES = Network([(Linear([[1.0, 2.0]]), Identity()), (Linear([[1.0, 2.0], [3.0, 4.0]]), Identity()),
                      (Linear([[1.0], [2.0]]), Identity())])  # fmt: skip
HUGE_WEIGHT = Network([(Linear([[1e300, 2.0]]), Sigmoid()), (Linear([[1.0, 2.0], [3.0, 4.0]]), Sigmoid()),
                       (Linear([[1.0], [2.0]]), Identity())])  # fmt: skip
VERDICTS = r"'agrees', 'rounding', 'carried slip', 'slip'"

CASES = {
    # check_parameters
    "check_parameters None": (lambda: homework.check_parameters(None), TypeError, r"values must be a mapping of homework parameter names to numbers.*; got NoneType"),
    "check_parameters list of pairs": (lambda: homework.check_parameters([("w1_11", 1.0)]), TypeError, r"values must be a mapping .*; got list"),
    "check_parameters key not a str": (lambda: homework.check_parameters({1: 2.0}), TypeError, r"values must have parameter names \(str\) as keys; got the key 1 of type int"),
    "check_parameters unknown name": (lambda: homework.check_parameters({"w9_99": 1.0}), ValueError, r"unknown homework parameter 'w9_99'; expected one of w1_11, w1_12, .*b3_1"),
    "check_parameters huge int": (lambda: homework.check_parameters({"w1_11": 10**400}), ValueError, r"w1_11 must be finite; got an integer too large for a float"),
    "check_parameters bool": (lambda: homework.check_parameters({"b1_1": True}), TypeError, r"b1_1 must be a real number; got True of type bool"),
    "check_parameters complex": (lambda: homework.check_parameters({"b1_1": 1j}), TypeError, r"b1_1 must be a real number; got 1j of type complex"),
    # network and its parameters
    "network beyond the bound": (lambda: homework.network(w2_11=BIG), ValueError, r"w2_11 must lie within \+-1e\+06 .*overflow.*; got 1e\+07"),
    "network 1e308": (lambda: homework.network(w3_11=1e308), ValueError, r"w3_11 must lie within \+-1e\+06 .*; got 1e\+308"),
    "network list value": (lambda: homework.network(b2_2=[1.0]), TypeError, r"b2_2 must be a real number; got \[1.0\] of type list"),
    # the network argument
    "parameters_of None": (lambda: homework.parameters_of(None), TypeError, r"net must be the homework's 1-2-2-1 network with activations Sigmoid, Sigmoid, Identity .*; got NoneType"),
    "parameters_of the function": (lambda: homework.parameters_of(homework.network), TypeError, r"net must be the homework's 1-2-2-1 network .*; got function"),
    "gradients_by_name wrong sizes": (lambda: homework.gradients_by_name(Network([(Linear([[1.0], [2.0]]), Identity())])), ValueError, r"net must be .*; got sizes \(2, 1\) with activations Identity"),
    "gradients_by_name wrong activations": (lambda: homework.gradients_by_name(IDENTITIES), ValueError, r"net must be .* Sigmoid, Sigmoid, Identity .*; got sizes \(1, 2, 2, 1\) with activations Identity, Identity, Identity"),
    "gradients_by_name huge weight": (lambda: homework.gradients_by_name(HUGE_WEIGHT), ValueError, r"net must have every weight and bias within \+-1e\+06 \(larger ones overflow .*\); got 1e\+300"),
    "forward_values huge weight": (lambda: homework.forward_values(HUGE_WEIGHT), ValueError, r"net must have every weight and bias within"),
    "forward_values a dict": (lambda: homework.forward_values(dict(homework.DEFAULTS)), TypeError, r"net must be the homework's .*; got dict"),
    # the learning rate
    "updated_by_name lr zero": (lambda: homework.updated_by_name(NET, lr=0), ValueError, r"lr must be a positive learning rate; got 0.0"),
    "updated_by_name lr negative": (lambda: homework.updated_by_name(NET, lr=-0.1), ValueError, r"lr must be a positive learning rate; got -0.1"),
    "updated_by_name lr string": (lambda: homework.updated_by_name(NET, lr="0.1"), TypeError, r"lr must be a real number; got '0.1' of type str"),
    "updated_by_name lr nan": (lambda: homework.updated_by_name(NET, lr=math.nan), ValueError, r"lr must be finite; got nan"),
    "updated_by_name lr overflows the step": (lambda: homework.updated_by_name(NET, lr=1e308), ValueError, r"lr must keep the step within \+-1e\+06: with lr=1e\+308 the step takes w1_11 from 1 to .* \(the learning rate or the parameters are too large\)"),
    "updated_by_name lr too large a step": (lambda: homework.updated_by_name(NET, lr=1e6), ValueError, r"lr must keep the step within .*w3_11 from 1 to -6.96998e\+06"),
    "updated_by_name net at the bound": (lambda: homework.updated_by_name(homework.network(w3_11=1e6, w3_21=1e6), lr=1.0), ValueError, r"lr must keep the step within .*the learning rate or the parameters are too large"),
    # loss_along
    "loss_along name unknown": (lambda: homework.loss_along("lr", [0.0]), ValueError, r"name must be one of the homework parameters w1_11, .*b3_1; got 'lr'"),
    "loss_along name not a str": (lambda: homework.loss_along(3, [0.0]), TypeError, r"name must be a homework parameter name \(a str such as 'w3_11'\); got int"),
    "loss_along name unhashable": (lambda: homework.loss_along(["w1_11"], [0.0]), TypeError, r"name must be a homework parameter name .*; got list"),
    "loss_along grid empty": (lambda: homework.loss_along("w1_11", []), ValueError, r"grid must hold at least one value; got an empty grid"),
    "loss_along grid scalar": (lambda: homework.loss_along("w1_11", 1.5), ValueError, r"grid must be a 1-D sequence of numbers; got the single number 1.5"),
    "loss_along grid 2-D": (lambda: homework.loss_along("w1_11", [[0.0], [1.0]]), ValueError, r"grid must be a 1-D sequence of numbers; got an array of shape \(2, 1\)"),
    "loss_along grid strings": (lambda: homework.loss_along("w1_11", ["1.5", "2"]), TypeError, r"grid must be a 1-D sequence of numbers; got entries of dtype <U3"),
    "loss_along grid a string": (lambda: homework.loss_along("w1_11", "0.5"), TypeError, r"grid must be a 1-D sequence of numbers; got str"),
    "loss_along grid None entry": (lambda: homework.loss_along("w1_11", [0.0, None]), TypeError, r"grid must be .*; got entries of dtype object"),
    "loss_along grid ragged": (lambda: homework.loss_along("w1_11", [[0.0], [1.0, 2.0]]), ValueError, r"grid must be a 1-D sequence of numbers; got the ragged"),
    "loss_along grid nan": (lambda: homework.loss_along("w1_11", [0.0, math.nan]), ValueError, r"grid must be finite; got an entry equal to nan"),
    "loss_along grid beyond the bound": (lambda: homework.loss_along("w3_11", [0.0, 1e200]), ValueError, r"grid must lie within \+-1e\+06 .*; got 1e\+200"),
    "loss_along grid too long": (lambda: homework.loss_along("w3_11", range(200_000)), ValueError, r"grid must hold at most 100000 values; got 200000"),
    "loss_along bad override": (lambda: homework.loss_along("w3_11", [0.0], w9_99=1.0), ValueError, r"unknown homework parameter 'w9_99'"),
    "loss_along bad override of name": (lambda: homework.loss_along("w3_11", [0.0], w3_11="x"), TypeError, r"w3_11 must be a real number; got 'x'"),
    # comparison
    "comparison_text only substring": (lambda: comparison_text(only="carried"), ValueError, rf"only must hold verdicts from {VERDICTS}; got 'carried'"),
    "comparison_text only unknown in a set": (lambda: comparison_text(only={"slip", "slips"}), ValueError, rf"only must hold verdicts from {VERDICTS}; got 'slips'"),
    "comparison_text only empty": (lambda: comparison_text(only=set()), ValueError, rf"only must name at least one verdict from {VERDICTS}; got none"),
    "comparison_text only number": (lambda: comparison_text(only=3), TypeError, r"only must be a verdict or a collection of verdicts from .*; got int"),
    "comparison_text only dict": (lambda: comparison_text(only={"slip": True}), TypeError, r"only must be a verdict or a collection .*; got dict"),
    "comparison_text only non-str verdict": (lambda: comparison_text(only=[None]), TypeError, r"only must hold verdicts \(str\) from .*; got NoneType"),
    "comparison_text rows one row": (lambda: comparison_text(ROW), TypeError, r"rows must be a list of Comparison rows .*; got a single Comparison \(pass \[row\]\)"),
    "comparison_text rows empty": (lambda: comparison_text([]), ValueError, r"rows must be a list of Comparison rows .*, at least one; got none"),
    "comparison_text rows a string": (lambda: comparison_text("rows"), TypeError, r"rows must be a list of Comparison rows .*; got str"),
    "comparison_text rows of tuples": (lambda: comparison_text([tuple(ROW)]), TypeError, r"rows must be a list of Comparison rows .*; got rows\[0\] of type tuple"),
    "comparison_text rows nan exact": (lambda: comparison_text([ROW._replace(exact=math.nan)]), ValueError, r"rows\[0\].exact must be finite; got nan"),
    "comparison_text rows key None": (lambda: comparison_text([ROW._replace(key=None)]), TypeError, r"rows\[0\].key must be a str; got NoneType"),
    "agrees written float": (lambda: agrees_to_written_decimals(6.975, 6.97), TypeError, r"written must be the number as written, a str such as '6.975'; got float"),
    "agrees written not a number": (lambda: agrees_to_written_decimals("6,975", 6.97), ValueError, r"written must be a decimal number such as '6.975' or '-0.13'; got '6,975'"),
    "agrees written empty": (lambda: agrees_to_written_decimals("", 6.97), ValueError, r"written must be a decimal number .*; got ''"),
    "agrees written too large": (lambda: agrees_to_written_decimals("9" * 400, 1.0), ValueError, r"written must be a decimal number within the range of a float"),
    "agrees value inf": (lambda: agrees_to_written_decimals("1.5", math.inf), ValueError, r"value must be finite; got inf"),
}
# **overrides are keyword arguments the sweep cannot replace: every bad value, for every function taking them
OVERRIDES_TAKEN_BY = {
    "network": homework.network,
    "chain_rule_gradients": homework.chain_rule_gradients,
    "loss_along": lambda **overrides: homework.loss_along("w1_11", [0.0], **overrides),
}
for _label, _bad in BAD_VALUES.items():
    _error = ValueError if isinstance(_bad, float) else TypeError  # NaN, +-inf, 1e308: a value; the rest: a type
    for _name, _function in OVERRIDES_TAKEN_BY.items():
        CASES[f"{_name} b3_1 = {_label}"] = (lambda f=_function, b=_bad: f(b3_1=b), _error, r"b3_1 must (be|lie)")
        CASES[f"{_name} unknown name = {_label}"] = (
            lambda f=_function, b=_bad: f(w4_11=b), ValueError, r"unknown homework parameter 'w4_11'; expected one of")

VALID_CALLS = [
    valid("matgrad.course.homework.check_parameters", homework.check_parameters, {"w3_11": 1.5}),
    valid("matgrad.course.homework.network", homework.network, w3_11=1.5),
    valid("matgrad.course.homework.parameters_of", homework.parameters_of, NET),
    valid("matgrad.course.homework.gradients_by_name", homework.gradients_by_name, NET),
    valid("matgrad.course.homework.updated_by_name", homework.updated_by_name, NET, 0.2),
    valid("matgrad.course.homework.forward_values", homework.forward_values, NET),
    valid("matgrad.course.homework.chain_rule_gradients", homework.chain_rule_gradients, w2_21=-1.5),
    valid("matgrad.course.homework.loss_along", homework.loss_along, "w3_11", [0.0, 1.0, 2.0], b1_1=0.5),
    fresh("matgrad.course.comparison.comparison_text", lambda: comparison_text, comparison_table()[:5], {"agrees"}),
    valid("matgrad.course.comparison.agrees_to_written_decimals", agrees_to_written_decimals, "6.975", 6.96998),
]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)


def test_only_accepts_one_verdict_or_a_collection_of_them():
    everything = comparison_table()
    for only in ("carried slip", {"carried slip"}, ["carried slip"], ("carried slip",), frozenset({"carried slip"})):
        lines = comparison_text(only=only).splitlines()[1:]
        assert [line.split()[0] for line in lines] == ["dL/dw1_11", "dL/db1_1"], only
    slips = comparison_text(only=["slip", "carried slip"]).splitlines()[1:]
    assert len(slips) == sum(row.verdict in ("slip", "carried slip") for row in everything) == 6
    # a single verdict is not read as a set of characters: "slip" does not match "carried slip"
    assert len(comparison_text(only="slip").splitlines()) == 1 + 4
    assert set(comparison.VERDICTS) == {row.verdict for row in everything}
    # a filter that keeps nothing is an answer, not an error: the header alone
    assert comparison_text(comparison_table()[:1], only="slip").splitlines() == [comparison_text().splitlines()[0]]
    assert isinstance(ROW, Comparison)
