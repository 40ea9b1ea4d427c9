"""Shared pytest setup for the course's test suite."""


def pytest_configure(config):
    # Slow tests still run in the one test command; the mark only says so
    # (select them with `-m slow`, or leave them out with `-m "not slow"`).
    config.addinivalue_line(
        "markers", "slow: builds an environment or drives a real browser (tens of seconds or more)"
    )
