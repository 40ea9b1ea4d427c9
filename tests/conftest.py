"""Shared pytest setup for the course's test suite.

Hypothesis profiles, chosen here explicitly (Hypothesis would otherwise pick
its own built-in "ci" profile whenever a CI variable is set):

* ``matgrad-ci`` (when the ``CI`` environment variable is set): derandomized,
  so CI runs the same examples every time and an edit to a test never
  silently re-rolls them; no example database (a clean clone has none to
  trust); a failure prints the blob that reproduces it; no deadline, since
  the CI machine has 2 shared cores and timing is measured by benchmarks/.
* ``matgrad-dev`` (otherwise): random examples on every run, with the local
  example database in ``.hypothesis/`` replaying earlier failures first.
"""

import os
from pathlib import Path

from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

settings.register_profile("matgrad-ci", derandomize=True, database=None, print_blob=True, deadline=None)
EXAMPLES = Path(__file__).resolve().parent.parent / ".hypothesis" / "examples"  # git-ignored
settings.register_profile(
    "matgrad-dev", derandomize=False, database=DirectoryBasedExampleDatabase(EXAMPLES), deadline=None
)
HYPOTHESIS_PROFILE = "matgrad-ci" if os.environ.get("CI") else "matgrad-dev"
settings.load_profile(HYPOTHESIS_PROFILE)


def pytest_configure(config):
    # Slow tests still run in the one test command; the mark only says so
    # (select them with `-m slow`, or leave them out with `-m "not slow"`).
    config.addinivalue_line(
        "markers", "slow: builds an environment or drives a real browser (tens of seconds or more)"
    )


def pytest_report_header(config):
    return f"hypothesis profile: {HYPOTHESIS_PROFILE} (tests/conftest.py)"
