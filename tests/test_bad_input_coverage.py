"""Every public callable of the package is in the bad-input sweep, and every
public module declares its public names (``__all__``): the API is enumerated
from the package itself, so a new public name without bad-input tests fails."""

import importlib
from pathlib import Path

from bad_input import public_callables, public_modules

# every tests/test_bad_input_<area>.py lists the valid calls of its area
AREAS = [
    importlib.import_module(path.stem)
    for path in sorted(Path(__file__).parent.glob("test_bad_input_*.py"))
    if path.stem != Path(__file__).stem
]


def test_every_public_module_declares_its_public_names():
    missing = [name for name in public_modules() if not hasattr(importlib.import_module(name), "__all__")]
    assert not missing, f"modules without __all__: {missing}"


def test_every_public_callable_has_a_valid_call_in_the_sweep():
    listed = [call.target for area in AREAS for call in area.VALID_CALLS]
    duplicates = sorted({t for t in listed if listed.count(t) > 1})
    assert not duplicates, f"listed twice: {duplicates}"
    api = set(public_callables())
    assert not sorted(api - set(listed)), f"public callables missing from the sweep: {sorted(api - set(listed))}"
    assert not sorted(set(listed) - api), f"swept names that are not public: {sorted(set(listed) - api)}"
