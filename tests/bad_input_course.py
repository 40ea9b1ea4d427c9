"""matgrad.course's bad-input tables (run by test_bad_input.py; see tests/bad_input.py)."""

import math

from tests.bad_input import BAD_VALUES, Case, fresh, valid
from matgrad import Identity, Linear, Network, Sigmoid
from matgrad.course import capstone, homework
from matgrad.course.comparison import agrees_to_written_decimals, comparison_table, comparison_text
from matgrad.course.handwritten import Handwritten

NET = homework.network()
ROW = comparison_table()[0]
BIG = homework.PARAMETER_BOUND * 10
IDENTITIES = Network([(Linear([[1.0, 2.0]]), Identity()), (Linear([[1.0, 2.0], [3.0, 4.0]]), Identity()),
                      (Linear([[1.0], [2.0]]), Identity())])  # fmt: skip
HUGE_WEIGHT = Network([(Linear([[1e300, 2.0]]), Sigmoid()), (Linear([[1.0, 2.0], [3.0, 4.0]]), Sigmoid()),
                       (Linear([[1.0], [2.0]]), Identity())])  # fmt: skip
COLUMN = Network([(Linear([[1.0], [2.0]], convention="column"), Sigmoid()),
                  (Linear([[1.0, 3.0], [2.0, 4.0]], convention="column"), Sigmoid()),
                  (Linear([[1.0, 2.0]], convention="column"), Identity())])  # fmt: skip

CASES = {
    # check_parameters
    "check_parameters None": Case(lambda: homework.check_parameters(None), TypeError, "values", "None"),
    "check_parameters list of pairs": Case(lambda: homework.check_parameters([("w1_11", 1.0)]), TypeError, "values", "list"),
    "check_parameters the class dict": Case(lambda: homework.check_parameters(dict), TypeError, "values", "the class dict"),
    "check_parameters key not a str": Case(lambda: homework.check_parameters({1: 2.0}), ValueError, "parameter name", "got 1"),
    "check_parameters unknown name": Case(lambda: homework.check_parameters({"w9_99": 1.0}), ValueError, "parameter name", "'w9_99'"),
    "check_parameters huge int": Case(lambda: homework.check_parameters({"w1_11": 10**400}), ValueError, "w1_11", "too large"),
    "check_parameters bool": Case(lambda: homework.check_parameters({"b1_1": True}), TypeError, "b1_1", "True"),
    "check_parameters complex": Case(lambda: homework.check_parameters({"b1_1": 1j}), TypeError, "b1_1", "1j"),
    # network and its parameters
    "network beyond the bound": Case(lambda: homework.network(w2_11=BIG), ValueError, "w2_11", "1e+07"),
    "network 1e308": Case(lambda: homework.network(w3_11=1e308), ValueError, "w3_11", "1e+308"),
    "network list value": Case(lambda: homework.network(b2_2=[1.0]), TypeError, "b2_2", "[1.0]"),
    "network string value": Case(lambda: homework.network(b3_1="1"), TypeError, "b3_1", "'1'"),
    # the network argument
    "parameters_of None": Case(lambda: homework.parameters_of(None), TypeError, "net", "None"),
    "parameters_of the function": Case(lambda: homework.parameters_of(homework.network), TypeError, "net", "function"),
    "parameters_of the class Network": Case(lambda: homework.parameters_of(Network), TypeError, "net", "the class Network"),
    "gradients_by_name wrong sizes": Case(lambda: homework.gradients_by_name(Network([(Linear([[1.0], [2.0]]), Identity())])), ValueError, "net", "(2, 1)"),
    "gradients_by_name wrong activations": Case(lambda: homework.gradients_by_name(IDENTITIES), ValueError, "net", "Identity, Identity, Identity"),
    "gradients_by_name column convention": Case(lambda: homework.gradients_by_name(COLUMN), ValueError, "net", "column"),
    "gradients_by_name huge weight": Case(lambda: homework.gradients_by_name(HUGE_WEIGHT), ValueError, "net", "1e+300"),
    "forward_values huge weight": Case(lambda: homework.forward_values(HUGE_WEIGHT), ValueError, "net", "1e+300"),
    "forward_values a dict": Case(lambda: homework.forward_values(dict(homework.DEFAULTS)), TypeError, "net", "dict"),
    # the learning rate
    "updated_by_name lr zero": Case(lambda: homework.updated_by_name(NET, lr=0), ValueError, "lr", "0.0"),
    "updated_by_name lr negative": Case(lambda: homework.updated_by_name(NET, lr=-0.1), ValueError, "lr", "-0.1"),
    "updated_by_name lr string": Case(lambda: homework.updated_by_name(NET, lr="0.1"), TypeError, "lr", "'0.1'"),
    "updated_by_name lr nan": Case(lambda: homework.updated_by_name(NET, lr=math.nan), ValueError, "lr", "nan"),
    "updated_by_name lr huge int": Case(lambda: homework.updated_by_name(NET, lr=10**400), ValueError, "lr", "too large"),
    "updated_by_name lr overflows the step": Case(lambda: homework.updated_by_name(NET, lr=1e308), ValueError, "lr", "1e+308"),
    "updated_by_name lr too large a step": Case(lambda: homework.updated_by_name(NET, lr=1e6), ValueError, "lr", "w3_11 from 1 to -6.96998e+06"),
    "updated_by_name net at the bound": Case(lambda: homework.updated_by_name(homework.network(w3_11=1e6, w3_21=1e6), lr=1.0), ValueError, "lr", "lr = 1"),
    # loss_along
    "loss_along name unknown": Case(lambda: homework.loss_along("lr", [0.0]), ValueError, "name", "'lr'"),
    "loss_along name not a str": Case(lambda: homework.loss_along(3, [0.0]), ValueError, "name", "got 3"),
    "loss_along name a list": Case(lambda: homework.loss_along(["w1_11"], [0.0]), ValueError, "name", "['w1_11']"),
    "loss_along grid empty": Case(lambda: homework.loss_along("w1_11", []), ValueError, "grid", "(0,)"),
    "loss_along grid scalar": Case(lambda: homework.loss_along("w1_11", 1.5), ValueError, "grid", "0-D"),
    "loss_along grid 2-D": Case(lambda: homework.loss_along("w1_11", [[0.0], [1.0]]), ValueError, "grid", "(2, 1)"),
    "loss_along grid strings": Case(lambda: homework.loss_along("w1_11", ["1.5", "2"]), TypeError, "grid", "<U3"),
    "loss_along grid a string": Case(lambda: homework.loss_along("w1_11", "0.5"), TypeError, "grid", "str"),
    "loss_along grid None entry": Case(lambda: homework.loss_along("w1_11", [0.0, None]), TypeError, "grid", "object"),
    "loss_along grid ragged": Case(lambda: homework.loss_along("w1_11", [[0.0], [1.0, 2.0]]), ValueError, "grid", "rectangular"),
    "loss_along grid nan": Case(lambda: homework.loss_along("w1_11", [0.0, math.nan]), ValueError, "grid", "nan"),
    "loss_along grid beyond the bound": Case(lambda: homework.loss_along("w3_11", [0.0, 1e200]), ValueError, "grid", "1e+200"),
    "loss_along grid too long": Case(lambda: homework.loss_along("w3_11", range(200_000)), ValueError, "grid", "200000"),
    "loss_along bad override": Case(lambda: homework.loss_along("w3_11", [0.0], w9_99=1.0), ValueError, "parameter name", "'w9_99'"),
    "loss_along bad override of name": Case(lambda: homework.loss_along("w3_11", [0.0], w3_11="x"), TypeError, "w3_11", "'x'"),
    # comparison
    "comparison_text only substring": Case(lambda: comparison_text(only="carried"), ValueError, "only", "'carried'"),
    "comparison_text only unknown in a set": Case(lambda: comparison_text(only={"slip", "slips"}), ValueError, "only", "'slips'"),
    "comparison_text only number": Case(lambda: comparison_text(only=3), TypeError, "only", "int"),
    "comparison_text only dict": Case(lambda: comparison_text(only={"slip": True}), TypeError, "only", "dict"),
    "comparison_text only None in a list": Case(lambda: comparison_text(only=[None]), ValueError, "only", "None"),
    "comparison_text rows one row": Case(lambda: comparison_text(ROW), TypeError, "rows", "Comparison(key="),
    "comparison_text rows a string": Case(lambda: comparison_text("rows"), TypeError, "rows", "'rows'"),
    "comparison_text rows of tuples": Case(lambda: comparison_text([tuple(ROW)]), TypeError, "rows", "[('h1_1[1]'"),
    "agrees written float": Case(lambda: agrees_to_written_decimals(6.975, 6.97), TypeError, "written", "6.975"),
    "agrees written not a number": Case(lambda: agrees_to_written_decimals("6,975", 6.97), ValueError, "written", "'6,975'"),
    "agrees written empty": Case(lambda: agrees_to_written_decimals("", 6.97), ValueError, "written", "''"),
    "agrees written too large": Case(lambda: agrees_to_written_decimals("9" * 400, 1.0), ValueError, "written", "'999"),
    "agrees value inf": Case(lambda: agrees_to_written_decimals("1.5", math.inf), ValueError, "value", "inf"),
    # the record of a handwritten number, checked once at construction
    "Handwritten written nan": Case(lambda: Handwritten("r[1]", "forward", math.nan), TypeError, "written", "nan"),
    "Handwritten written empty": Case(lambda: Handwritten("r[1]", "forward", ""), ValueError, "written", "''"),
    "Handwritten written letters": Case(lambda: Handwritten("r[1]", "forward", "zzz"), ValueError, "written", "'zzz'"),
    "Handwritten written int": Case(lambda: Handwritten("r[1]", "forward", 2), TypeError, "written", "int"),
    "Handwritten written 'nan'": Case(lambda: Handwritten("r[1]", "forward", "nan"), ValueError, "written", "'nan'"),
    "Handwritten written 1e3": Case(lambda: Handwritten("r[1]", "forward", "1e3"), ValueError, "written", "'1e3'"),
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
        CASES[f"{_name} b3_1 = {_label}"] = Case(lambda f=_function, b=_bad: f(b3_1=b), _error, "b3_1", repr(_bad))
        CASES[f"{_name} unknown name = {_label}"] = Case(
            lambda f=_function, b=_bad: f(w4_11=b), ValueError, "parameter name", "'w4_11'")

MOONS = capstone.two_moons(20)
CASES.update({
    "two_moons odd n": Case(lambda: capstone.two_moons(7), ValueError, "n", "7"),
    "two_moons n a float": Case(lambda: capstone.two_moons(200.0), TypeError, "n", "200.0"),
    "classifier hidden 0": Case(lambda: capstone.classifier(0), ValueError, "hidden", "0"),
    "classifier hidden a list": Case(lambda: capstone.classifier([8]), TypeError, "hidden", "[8]"),
    "train a class": Case(lambda: capstone.train(Network, *MOONS, lr=1.0, steps=1), TypeError, "network", "the class Network"),
    "train X 3 columns": Case(lambda: capstone.train(capstone.classifier(2), MOONS[0][:, [0, 1, 1]], MOONS[1], 1.0, 1),
                              ValueError, "X", "(20, 3)"),
    "train y one short": Case(lambda: capstone.train(capstone.classifier(2), MOONS[0], MOONS[1][:-1], 1.0, 1),
                              ValueError, "y", "(19, 1)"),
    "train lr negative": Case(lambda: capstone.train(capstone.classifier(2), *MOONS, lr=-1.0, steps=1), ValueError, "lr", "-1"),
    "train steps a float": Case(lambda: capstone.train(capstone.classifier(2), *MOONS, lr=1.0, steps=10.5), TypeError, "steps", "10.5"),
    "accuracy y as text": Case(lambda: capstone.accuracy(capstone.classifier(2), MOONS[0], "y"), TypeError, "y", "str"),
})

VALID_CALLS = [
    valid("matgrad.course.capstone.two_moons", capstone.two_moons, 20, 0.1, 3),
    valid("matgrad.course.capstone.classifier", capstone.classifier, 4, 1.0, 2),
    fresh("matgrad.course.capstone.train", lambda: capstone.train, capstone.classifier(2), *MOONS, 1.0, 3),
    fresh("matgrad.course.capstone.accuracy", lambda: capstone.accuracy, capstone.classifier(2), *MOONS),
    valid("matgrad.course.homework.check_parameters", homework.check_parameters, {"w3_11": 1.5}),
    valid("matgrad.course.homework.network", homework.network, w3_11=1.5),
    valid("matgrad.course.homework.parameters_of", homework.parameters_of, NET),
    valid("matgrad.course.homework.gradients_by_name", homework.gradients_by_name, NET),
    valid("matgrad.course.homework.updated_by_name", homework.updated_by_name, NET, 0.2),
    valid("matgrad.course.homework.forward_values", homework.forward_values, NET),
    valid("matgrad.course.homework.chain_rule_gradients", homework.chain_rule_gradients, w2_21=-1.5),
    valid("matgrad.course.homework.loss_along", homework.loss_along, "w3_11", [0.0, 1.0, 2.0], b1_1=0.5),
    valid("matgrad.course.handwritten.Handwritten", Handwritten, "dL/dw3_11", "(1) dL/dw^3_11", "6.975", "a note"),
    fresh("matgrad.course.comparison.comparison_text", lambda: comparison_text, comparison_table()[:5], {"agrees"}),
    valid("matgrad.course.comparison.agrees_to_written_decimals", agrees_to_written_decimals, "6.975", 6.96998),
]
