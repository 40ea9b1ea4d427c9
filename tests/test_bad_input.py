"""Bad input gets a clear error, over every area of the package (tests/bad_input.py).

Every public callable is in the sweep, and every public module declares its
public names (``__all__``): the API is enumerated from the package itself, so
a new public name without a valid call in a ``bad_input_<area>.py`` fails here.
"""

import importlib

import pytest

from tests.bad_input import AREAS, assert_clear_error, assert_sweep_passes, public_callables, public_modules

MODULES = {area: importlib.import_module(f"tests.bad_input_{area}") for area in AREAS}
CASES = {f"{area}: {name}": case for area, module in MODULES.items() for name, case in module.CASES.items()}
VALID_CALLS = [call for module in MODULES.values() for call in module.VALID_CALLS]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_plausible_mistake_gets_an_error_naming_the_argument(name):
    assert_clear_error(CASES[name])


@pytest.mark.parametrize("call", VALID_CALLS, ids=lambda c: c.target)
def test_every_argument_survives_the_bad_input_sweep(call):
    assert_sweep_passes(call)


def test_every_public_module_declares_its_public_names():
    missing = [name for name in public_modules() if not hasattr(importlib.import_module(name), "__all__")]
    assert not missing, f"modules without __all__: {missing}"


def test_every_public_callable_has_a_valid_call_in_the_sweep():
    listed = [call.target for call in VALID_CALLS]
    duplicates = sorted({t for t in listed if listed.count(t) > 1})
    assert not duplicates, f"listed twice: {duplicates}"
    api = set(public_callables())
    assert not sorted(api - set(listed)), f"public callables missing from the sweep: {sorted(api - set(listed))}"
    assert not sorted(set(listed) - api), f"swept names that are not public: {sorted(set(listed) - api)}"
