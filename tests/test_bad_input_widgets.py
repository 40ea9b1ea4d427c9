"""matgrad.widgets rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import pytest

from bad_input import assert_sweep_passes, fresh, valid  # noqa: F401
from matgrad.widgets.stepper import DerivationStepper, derivation_markdown, step

CASES = {
    # stepper
    "step text": (lambda: step(3, "x"), TypeError, r"text must be a string; got int"),
    "stepper empty": (lambda: DerivationStepper([]), ValueError, r"a derivation needs at least one step; got none"),
    "stepper items": (lambda: derivation_markdown(["x = 1"]), TypeError, r"steps\[0\] must be a matgrad.widgets.stepper.Step; got 'x = 1'"),
    "markdown upto": (lambda: derivation_markdown([step("a", "x")], upto=3), ValueError, r"upto must be between 1 and 1; got 3"),
}

VALID_CALLS = []  # one per public callable of matgrad.widgets (tests/test_bad_input_coverage.py)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)
