"""Shared fixtures: the seeded database, logins, and the CI rule that nothing is skipped.

The seed facts and the demo data are loaded once per test session (``django_db_setup``);
every test runs in a transaction that is rolled back, so each starts from the seeded
database. A test that needs an empty database asks for ``empty_db``.
"""

import os
import uuid
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caching.kept import forget_kept
from tests.migrating import migrating  # noqa: F401  (a fixture for the migration tests)

# This run's and this worker's own name: every database, cache key prefix and folder a
# test makes outside the test database carries it, so that two runs on one machine (CI
# beside a developer) never share one. TEST_RUN_ID names a run; each process makes its own.
RUN_ID = os.environ.get("TEST_RUN_ID") or uuid.uuid4().hex[:8]
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def run_name(prefix):
    """A name unique to this run and worker: ``ballerup_two_1a2b3c4d_gw0``."""
    return f"{prefix}_{RUN_ID}_{WORKER}"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The test database's name carries the run's id (xdist's worker suffix is added
    already): ``test_ballerup_ci_gw0_1a2b3c4d``. SQLite's test database is in memory, the
    process's own."""
    from django.conf import settings

    for database in settings.DATABASES.values():
        if database["ENGINE"].endswith("sqlite3"):
            continue
        test = database.setdefault("TEST", {})
        test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_{RUN_ID}"


def _load_seed_and_demo():
    # Both commands add nothing to a database that has their data already.
    call_command("load_seed", verbosity=0)
    call_command("create_demo", verbosity=0)
    # The demo accounts have addresses (…@demo.invalid) so that a local run shows the
    # staff digest; in the tests they have none, so that a test's outbox holds only the
    # mails it caused. The digest's tests give their users addresses themselves
    # (tests/notify/test_digest.py).
    get_user_model().objects.update(email="")


@pytest.fixture(autouse=True)
def _forget_site_settings():
    """The site settings kept in the in-memory cache are not rolled back with a test's
    transaction: each test starts without them."""
    forget_kept()
    yield
    forget_kept()


def seeded():
    """Whether the seed and the demo data are in the database: one query. The demo
    accounts are loaded last; a transactional test's flush removes them with the rest."""
    return get_user_model().objects.filter(username="admin").exists()


# The real clock, as imported before any test could replace it: ``now`` and the local
# date and time (tests fix ``localdate`` with a function that ignores its argument, so
# ``localdate(event.starts_at)`` in a demo module would answer the test's day).
_REAL_CLOCK = {name: getattr(timezone, name) for name in ("now", "localdate", "localtime")}


def ensure_seed_and_demo():
    """Load the seed and the demo data unless they are there (then it costs one query).

    Loaded on the real clock: the reload may happen inside a test with a controlled clock
    (notify, outbox, a fixed ``localdate``), and the demo data dated by it (performances
    40 days on, bookable showings) is shared by every later test of the session."""
    if not seeded():
        with mock.patch.multiple(timezone, **_REAL_CLOCK):
            _load_seed_and_demo()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _load_seed_and_demo()


@pytest.fixture
def seed_kept(django_db_setup, django_db_blocker):
    """The seed and the demo data in the database, committed: loaded once per session
    and again only after a transactional test has emptied the database. Asked for before
    ``db`` (by ``seed``), a reload happens outside the test's transaction and stays for
    the tests after it; inside one it is rolled back with the test."""
    with django_db_blocker.unblock():
        ensure_seed_and_demo()


@pytest.fixture
def seed(seed_kept, db):
    """The seed facts from fixtures/ and the demo accounts (``seed_kept``)."""


# The seed and the demo data are loaded together; both names say what a test relies on.
demo = seed


# Kept by empty_db: what migrations create, and what caches in memory would point to.
KEPT_TABLES = {"django_migrations", "django_content_type", "auth_permission"}


@pytest.fixture
def empty_db(db):
    """A database without the seed facts or demo data (rolled back after the test).

    Not ``flush``: it would recreate content types and permissions under new ids, and
    Django's in-memory content type cache would point at rows the rollback removes.
    """
    tables = [t for t in connection.introspection.django_table_names() if t not in KEPT_TABLES]
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables):
            cursor.execute(statement)


@pytest.fixture
def seed_only(empty_db):
    """The seed facts without the demo data."""
    call_command("load_seed", verbosity=0)


def login(client, username):
    """Log ``client`` in as the account ``username`` (a demo account, say); returns it."""
    client.force_login(get_user_model().objects.get(username=username))
    return client


def logged_in(username):
    """A new test client logged in as ``username``: for two staff members at once."""
    return login(Client(), username)


# The query budget of every public page, whatever the amount of data.
MAX_PAGE_QUERIES = 6


def page_queries(client, path, data=None, status=200):
    """The SQL of a parent's request for ``path``, after a first request has filled what
    each process keeps per content version (the site settings, the next closing day)."""
    assert client.get(path, data).status_code == status, path
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, data).status_code == status, path
    return [query["sql"] for query in captured.captured_queries]


def empty_committed_database():
    """Empty every table but the ones migrations fill, outside any test's transaction
    (after a module built data of its own); the next ``seed`` reloads the seed data."""
    tables = [t for t in connection.introspection.django_table_names() if t not in KEPT_TABLES]
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))


def admin_url(obj, view="change"):
    """The admin page of ``obj``: ``change``, ``delete``, ``history``."""
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/{view}/"


@pytest.fixture
def administrator(client, seed):
    """A client logged in as the demo Administrator (a group member, not a superuser)."""
    return login(client, "admin")


def pytest_sessionfinish(session, exitstatus):
    # In CI nothing may be skipped for a missing component: a skip fails the run.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if os.environ.get("CI") and reporter and reporter.stats.get("skipped"):
        reporter.write_line("CI: tests were skipped; failing the run.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
