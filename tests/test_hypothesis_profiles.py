"""tests/conftest.py chooses the Hypothesis profile explicitly: derandomized and
without an example database under CI, random with the local database elsewhere."""

import os

from hypothesis import settings

import conftest


def test_the_ci_profile_is_derandomized_and_keeps_no_database():
    ci = settings.get_profile("matgrad-ci")
    assert ci.derandomize and ci.database is None and ci.print_blob and ci.deadline is None


def test_the_dev_profile_is_random_with_the_local_database():
    dev = settings.get_profile("matgrad-dev")
    assert not dev.derandomize and dev.database is not None and dev.deadline is None


def test_the_profile_follows_the_ci_variable():
    expected = "matgrad-ci" if os.environ.get("CI") else "matgrad-dev"
    assert conftest.HYPOTHESIS_PROFILE == expected
    assert settings.default.derandomize == (expected == "matgrad-ci")
