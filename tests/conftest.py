import os

import pytest
from django.core.management import call_command


@pytest.fixture
def seed(db):
    """The real seed facts from fixtures/, loaded the way `make run` loads them."""
    call_command("load_seed", verbosity=0)


@pytest.fixture
def demo(seed):
    call_command("create_demo", verbosity=0)


def pytest_sessionfinish(session, exitstatus):
    # In CI nothing may be skipped for a missing component: a skip fails the run.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if os.environ.get("CI") and reporter and reporter.stats.get("skipped"):
        reporter.write_line("CI: tests were skipped; failing the run.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
