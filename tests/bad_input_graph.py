"""Bad input for the network drawings (draw_network, and matgrad.widgets.graph: the
computational graph, its backward walk and widget): the CASES and VALID_CALLS tables that
tests/test_bad_input.py runs (see tests/bad_input.py)."""

import functools

import numpy as np
from matplotlib.figure import Figure

from tests.bad_input import Case, ValidCall, fresh, valid
from matgrad import HalfSSELoss, Linear, MSELoss, Network, Sigmoid
from matgrad.course.homework import X, network
from matgrad.widgets import (ComputationalGraphWalk, backward_walk, computational_graph, draw_computational_graph,
                             draw_network, graph_walk_text, show_graph_walk)  # fmt: skip
from matgrad.widgets.graph import walk_captions

NET = network()
LOSS = MSELoss()
WIDE = Network([(Linear(np.ones((1, 9))), Sigmoid()), (Linear(np.ones((9, 1))), Sigmoid())])
HUGE = Network([(Linear(np.ones((60, 60))), Sigmoid())])
AX = lambda: Figure().add_subplot()  # noqa: E731


@functools.lru_cache(maxsize=None)
def homework_walk():
    """One widget for the sweep of ``show`` (show refuses bad input before changing anything)."""
    return ComputationalGraphWalk(NET, -1.0, 1.0, LOSS)


CASES = {
    # draw_network
    "draw_network fmt not a string": Case(lambda: draw_network(NET, AX(), fmt=5), TypeError, "fmt", "int"),
    "draw_network fmt without a field": Case(lambda: draw_network(NET, AX(), fmt="weights"), ValueError, "fmt", "'weights'"),
    "draw_network fmt for ints": Case(lambda: draw_network(NET, AX(), fmt="{:d}"), ValueError, "fmt", "'{:d}'"),
    "draw_network fmt two fields": Case(lambda: draw_network(NET, AX(), fmt="{} {}"), ValueError, "fmt", "'{} {}'"),
    "draw_network fmt a huge width": Case(lambda: draw_network(NET, AX(), fmt="{:>999999999}"), ValueError, "fmt", "999999999"),
    "draw_network net a list": Case(lambda: draw_network([NET], AX()), TypeError, "net", "list"),
    "draw_network net a class": Case(lambda: draw_network(Network, AX()), TypeError, "net", "the class Network"),
    "draw_network ax": Case(lambda: draw_network(NET, ax="abc"), TypeError, "ax", "str"),
    "draw_network names": Case(lambda: draw_network(NET, AX(), names="yes"), ValueError, "names", "'yes'"),
    "draw_network label_at text": Case(lambda: draw_network(NET, AX(), label_at="0.3"), TypeError, "label_at", "'0.3'"),
    "draw_network label_at at the end": Case(lambda: draw_network(NET, AX(), label_at=1.0), ValueError, "label_at", "1"),
    "draw_network spacing": Case(lambda: draw_network(NET, AX(), spacing=float("nan")), ValueError, "spacing", "nan"),
    "draw_network spacing huge int": Case(lambda: draw_network(NET, AX(), spacing=10**400), ValueError, "spacing", "too large"),
    "draw_network layer_gap": Case(lambda: draw_network(NET, AX(), layer_gap=-1), ValueError, "layer_gap", "-1"),
    "draw_network too wide": Case(lambda: draw_network(HUGE, AX()), ValueError, "net", "(60, 60)"),
    # the sample
    "x is a batch": Case(lambda: computational_graph(NET, X, [1.0], LOSS), ValueError, "x", "(3, 1)"),
    "x of the wrong length": Case(lambda: computational_graph(NET, [1.0, 2.0], 1.0, LOSS), ValueError, "x", "(2,)"),
    "x a number for two inputs": Case(lambda: backward_walk(Network([(Linear(np.ones((2, 1))), Sigmoid())]), 1.0, 0.0, LOSS),
                                      ValueError, "x", "0-D"),
    "y of the wrong length": Case(lambda: computational_graph(NET, -1.0, [1.0, 0.0], LOSS), ValueError, "y", "(2,)"),
    "x NaN": Case(lambda: graph_walk_text(NET, [np.nan], 1.0, LOSS), ValueError, "x", "nan"),
    "y text": Case(lambda: graph_walk_text(NET, -1.0, "1", LOSS), TypeError, "y", "str"),
    "x overflows": Case(lambda: computational_graph(NET, 1e308, 1.0, LOSS), ValueError, "x", "[1e+308]"),
    "y overflows the loss": Case(lambda: backward_walk(NET, -1.0, 1e200, LOSS), ValueError, "y", "[1e+200]"),
    # the network and the loss
    "net not a Network": Case(lambda: computational_graph([(Linear([[1.0]]), Sigmoid())], 1.0, 1.0, LOSS), TypeError, "net", "list"),
    "loss not called": Case(lambda: backward_walk(NET, -1.0, 1.0, HalfSSELoss), TypeError, "loss", "call it, HalfSSELoss()"),
    "loss a function": Case(lambda: backward_walk(NET, -1.0, 1.0, lambda a, b: 0.0), TypeError, "loss", "function"),
    "net too big for a graph of scalars": Case(lambda: backward_walk(HUGE, np.zeros(60), np.zeros(60), LOSS), ValueError,
                                               "net", "(60, 60) give 3720"),
    "net too wide to draw": Case(lambda: draw_computational_graph(WIDE, 1.0, 0.0, LOSS, AX()), ValueError, "net",
                                 "(1, 9, 9, 1, 1, 1)"),
    "widget for a net too wide": Case(lambda: ComputationalGraphWalk(WIDE, 1.0, 0.0, LOSS), ValueError, "net", "(1, 9, 9, 1, 1, 1)"),
    # steps, formats, axes
    "step past the end": Case(lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), step=14), ValueError, "step", "14"),
    "step negative": Case(lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), step=-1), ValueError, "step", "-1"),
    "step a float": Case(lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), step=2.0), TypeError, "step", "2.0"),
    "step a bool": Case(lambda: ComputationalGraphWalk(NET, -1.0, 1.0, LOSS, step=True), TypeError, "step", "True"),
    "widget show past the end": Case(lambda: homework_walk().show(99), ValueError, "step", "99"),
    "widget show a float": Case(lambda: homework_walk().show(2.0), TypeError, "step", "2.0"),
    "graph fmt two fields": Case(lambda: graph_walk_text(NET, -1.0, 1.0, LOSS, fmt="{:.3f} and {:.3f}"), ValueError, "fmt",
                                 "'{:.3f} and {:.3f}'"),
    "graph fmt a huge width": Case(lambda: graph_walk_text(NET, -1.0, 1.0, LOSS, fmt="{:>999999999}"), ValueError, "fmt",
                                   "999999999"),
    "graph fmt a huge precision": Case(lambda: show_graph_walk(NET, -1.0, 1.0, LOSS, fmt="{:.500f}"), ValueError, "fmt",
                                       "'{:.500f}'"),
    "graph fmt named field": Case(lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), fmt="{value:.2f}"),
                                  ValueError, "fmt", "'{value:.2f}'"),
    "graph fmt broken": Case(lambda: ComputationalGraphWalk(NET, -1.0, 1.0, LOSS, fmt="{:.3f"), ValueError, "fmt", "'{:.3f'"),
    "graph ax": Case(lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, ax=object()), TypeError, "ax", "object"),
    "graph title not a bool": Case(lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), title="yes"), ValueError,
                                   "title", "'yes'"),
    "twin width": Case(lambda: show_graph_walk(NET, -1.0, 1.0, LOSS, width=10), ValueError, "width", "10"),
    "captions of something else": Case(lambda: walk_captions(computational_graph(NET, -1.0, 1.0, LOSS)), TypeError,
                                       "walk", "ComputationalGraph"),
}  # fmt: skip


def _with_fresh_axes(target, function, *args, **kwargs):
    """Like ``valid``, with a new Axes as the 5th positional argument (or ``ax=``) for every try."""
    def make():
        return function, (*args, AX()), dict(kwargs)
    return ValidCall(target, make)


VALID_CALLS = [  # one per public callable of the drawings
    ValidCall("matgrad.widgets.draw_network", lambda: (draw_network, (NET, AX()), {"fmt": "{:.2f}", "names": True})),
    _with_fresh_axes("matgrad.widgets.draw_computational_graph", draw_computational_graph, NET, -1.0, 1.0, LOSS, step=7),
    valid("matgrad.widgets.computational_graph", computational_graph, NET, [-1.0], [1.0], LOSS),
    valid("matgrad.widgets.backward_walk", backward_walk, NET, -1.0, 1.0, HalfSSELoss()),
    valid("matgrad.widgets.graph_walk_text", graph_walk_text, NET, -1.0, 1.0, LOSS, "{:.4f}"),
    fresh("matgrad.widgets.graph.walk_captions", lambda: walk_captions, backward_walk(NET, 0.0, 0.0, LOSS), "{:.2f}"),
    valid("matgrad.widgets.ComputationalGraphWalk", ComputationalGraphWalk, NET, 1.0, -1.0, LOSS, step=2),
    fresh("matgrad.widgets.ComputationalGraphWalk.show", lambda: homework_walk().show, 3),
    valid("matgrad.widgets.show_graph_walk", show_graph_walk, NET, -1.0, 1.0, LOSS, fmt="{:.2f}", width=80),
]  # fmt: skip
