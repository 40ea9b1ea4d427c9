"""The network drawings (draw_network, the computational graph, its backward walk and
widget) reject bad input with a message naming the argument, the expected and the given
shape or value (see tests/bad_input.py for the sweep)."""

import functools

import numpy as np
import pytest
from matplotlib.figure import Figure

from bad_input import ValidCall, assert_sweep_passes, fresh, valid
from matgrad import HalfSSELoss, Linear, MSELoss, Network, Sigmoid
from matgrad.course.homework import X, network
from matgrad.widgets import (ComputationalGraphWalk, backward_walk, computational_graph, draw_computational_graph,
                             draw_network, graph_walk_text, show_graph_walk)  # fmt: skip
from matgrad.widgets.graph_walk import walk_captions

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
    # draw_network (was: a bare error for fmt=5, ax="abc", label_at="0.3", spacing=nan, ...)
    "draw_network fmt not a string": (lambda: draw_network(NET, AX(), fmt=5), TypeError,
                                      r"fmt must be a format string such as '\{:.3f\}'; got int"),
    "draw_network fmt without a field": (lambda: draw_network(NET, AX(), fmt="weights"), ValueError,
                                         r"fmt must be a format string with exactly one field .*; got 'weights'"),
    "draw_network fmt for ints": (lambda: draw_network(NET, AX(), fmt="{:d}"), ValueError,
                                  r"fmt must format a float, e\.g\. '\{:\.3f\}'; '\{:d\}'\.format\(1\.5\) fails"),
    "draw_network fmt two fields": (lambda: draw_network(NET, AX(), fmt="{} {}"), ValueError,
                                    r"exactly one field for the number"),
    "draw_network ax": (lambda: draw_network(NET, ax="abc"), TypeError,
                        r"ax must be a matplotlib Axes \(e\.g\. Figure\(\)\.add_subplot\(\)\) or None; got str"),
    "draw_network names": (lambda: draw_network(NET, AX(), names="yes"), TypeError,
                           r"names must be True or False; got 'yes'"),
    "draw_network label_at text": (lambda: draw_network(NET, AX(), label_at="0.3"), TypeError,
                                   r"label_at must be a number between 0 and 1; got str"),
    "draw_network spacing": (lambda: draw_network(NET, AX(), spacing=float("nan")), ValueError,
                             r"spacing must be a number in \(0, 100.0\]; got nan"),
    "draw_network layer_gap": (lambda: draw_network(NET, AX(), layer_gap=-1), ValueError,
                               r"layer_gap must be a number in \(0, 100.0\]; got -1"),
    "draw_network too wide": (lambda: draw_network(HUGE, AX()), ValueError,
                              r"net must have at most 30 nodes per layer .*; got sizes \(60, 60\)"),
    # the sample
    "x is a batch": (lambda: computational_graph(NET, X, [1.0], LOSS), ValueError,
                     r"x must be ONE sample, a 1-D array of length 1; got a batch of shape \(3, 1\) "
                     r"\(pass one row, e\.g\. X\[0\]\)"),
    "x of the wrong length": (lambda: computational_graph(NET, [1.0, 2.0], 1.0, LOSS), ValueError,
                              r"x must have shape \(1,\), one sample; got shape \(2,\)"),
    "x a number for two inputs": (lambda: backward_walk(Network([(Linear(np.ones((2, 1))), Sigmoid())]), 1.0, 0.0, LOSS), ValueError,
                                  r"x must have shape \(2,\), one sample; got shape \(\)"),
    "y of the wrong length": (lambda: computational_graph(NET, -1.0, [1.0, 0.0], LOSS), ValueError,
                              r"y must have shape \(1,\), one sample; got shape \(2,\)"),
    "x NaN": (lambda: graph_walk_text(NET, [np.nan], 1.0, LOSS), ValueError, r"x must be finite; got an entry equal to nan"),
    "y text": (lambda: graph_walk_text(NET, -1.0, "1", LOSS), TypeError, r"y must be numeric"),
    "x overflows": (lambda: computational_graph(NET, 1e308, 1.0, LOSS), ValueError,
                    r"net, x and y must give finite values, but the forward pass or the loss overflows "
                    r"for x = \[1e\+308\] and y = \[1\.0\]; x and y must be of moderate size"),
    "y overflows the loss": (lambda: backward_walk(NET, -1.0, 1e200, LOSS), ValueError,
                             r"net, x and y must give finite values"),
    # the network and the loss
    "net not a Network": (lambda: computational_graph([(Linear([[1.0]]), Sigmoid())], 1.0, 1.0, LOSS), TypeError,
                          r"net must be a matgrad.Network; got list"),
    "loss not called": (lambda: backward_walk(NET, -1.0, 1.0, HalfSSELoss), TypeError,
                        r"loss must be a matgrad loss object; got the class HalfSSELoss: call it, HalfSSELoss\(\)"),
    "loss a function": (lambda: backward_walk(NET, -1.0, 1.0, lambda a, b: 0.0), TypeError,
                        r"loss must be a matgrad loss such as MSELoss\(\) or HalfSSELoss\(\); got function"),
    "net too big for a graph of scalars": (lambda: backward_walk(HUGE, np.zeros(60), np.zeros(60), LOSS), ValueError,
                                           r"net must be small enough to draw as a graph of scalars \(at most 2000 "
                                           r"edges\); sizes \(60, 60\) give 3720"),
    "net too wide to draw": (lambda: draw_computational_graph(WIDE, 1.0, 0.0, LOSS, AX()), ValueError,
                             r"net must have at most 8 units per layer .*columns of \(1, 9, 9, 1, 1, 1\) nodes"),
    "widget for a net too wide": (lambda: ComputationalGraphWalk(WIDE, 1.0, 0.0, LOSS), ValueError,
                                  r"net must have at most 8 units per layer"),
    # steps, formats, axes
    "step past the end": (lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), step=14), ValueError,
                          r"step must be from 0 \(the forward pass\) to 13 \(every edge walked\); got 14"),
    "step negative": (lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), step=-1), ValueError,
                      r"step must be from 0 .* to 13 .*; got -1"),
    "step a float": (lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), step=2.0), TypeError,
                     r"step must be an integer from 0 to 13; got float"),
    "step a bool": (lambda: ComputationalGraphWalk(NET, -1.0, 1.0, LOSS, step=True), TypeError,
                    r"step must be an integer from 0 to 13; got bool"),
    "widget show past the end": (lambda: homework_walk().show(99), ValueError, r"step must be from 0 .* to 13 .*; got 99"),
    "graph fmt": (lambda: graph_walk_text(NET, -1.0, 1.0, LOSS, fmt="{:.3f} and {:.3f}"), ValueError,
                  r"fmt must be a format string with exactly one field"),
    "graph fmt named field": (lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), fmt="{value:.2f}"),
                              ValueError, r"fmt must be a format string with exactly one field .*; got '\{value:.2f\}'"),
    "graph fmt broken": (lambda: ComputationalGraphWalk(NET, -1.0, 1.0, LOSS, fmt="{:.3f"), ValueError,
                         r"fmt must be a format string such as '\{:.3f\}'; got '\{:.3f'"),
    "graph ax": (lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, ax=object()), TypeError,
                 r"ax must be a matplotlib Axes .* or None; got object"),
    "graph title not a bool": (lambda: draw_computational_graph(NET, -1.0, 1.0, LOSS, AX(), title="yes"), TypeError,
                               r"title must be True or False; got 'yes'"),
    "twin width": (lambda: show_graph_walk(NET, -1.0, 1.0, LOSS, width=10), ValueError,
                   r"width must be an int of at least 40 \(characters\); got 10"),
    "captions of something else": (lambda: walk_captions(computational_graph(NET, -1.0, 1.0, LOSS)), TypeError,
                                   r"walk must be a BackwardWalk from backward_walk\(...\); got ComputationalGraph"),
}  # fmt: skip


def _with_fresh_axes(target, function, *args, **kwargs):
    """Like ``valid``, with a new Axes as the 5th positional argument (or ``ax=``) for every try."""
    def make():
        return function, (*args, AX()), dict(kwargs)
    return ValidCall(target, make)


VALID_CALLS = [  # one per public callable of the drawings (tests/test_bad_input_coverage.py)
    ValidCall("matgrad.widgets.draw_network", lambda: (draw_network, (NET, AX()), {"fmt": "{:.2f}", "names": True})),
    _with_fresh_axes("matgrad.widgets.draw_computational_graph", draw_computational_graph, NET, -1.0, 1.0, LOSS, step=7),
    valid("matgrad.widgets.computational_graph", computational_graph, NET, [-1.0], [1.0], LOSS),
    valid("matgrad.widgets.backward_walk", backward_walk, NET, -1.0, 1.0, HalfSSELoss()),
    valid("matgrad.widgets.graph_walk_text", graph_walk_text, NET, -1.0, 1.0, LOSS, "{:.4f}"),
    fresh("matgrad.widgets.graph_walk.walk_captions", lambda: walk_captions, backward_walk(NET, 0.0, 0.0, LOSS), "{:.2f}"),
    valid("matgrad.widgets.ComputationalGraphWalk", ComputationalGraphWalk, NET, 1.0, -1.0, LOSS, step=2),
    fresh("matgrad.widgets.ComputationalGraphWalk.show", lambda: homework_walk().show, 3),
    valid("matgrad.widgets.show_graph_walk", show_graph_walk, NET, -1.0, 1.0, LOSS, fmt="{:.2f}", width=80),
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)
