"""matgrad.course rejects bad input with a message naming the argument, the
expected and the given shape or value (see tests/bad_input.py for the sweep)."""

import pytest

from bad_input import assert_sweep_passes, fresh, valid  # noqa: F401

CASES = {}

VALID_CALLS = []  # one per public callable of matgrad.course (tests/test_bad_input_coverage.py)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_error(name):
    call, error_type, message = CASES[name]
    with pytest.raises(error_type, match=message):
        call()


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)
