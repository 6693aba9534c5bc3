"""Tests that take the test database back to an older migration and forward again
(``migrate``), within one worker's database: ``migrating`` puts every app back at its
latest migration afterwards, so that the tests that follow in the same worker find every
table (unapplying one app's migration also unapplies the apps that depend on it, and
migrating forward to one target does not bring those back)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to ``targets`` (``[(app, migration or None)]``); the models as they were
    at the targets (``apps.get_model``), for writing rows the way that code did."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    applied = [target for target in targets if target[1] is not None]
    return executor.loader.project_state(applied).apps if applied else None


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrating():
    """``migrate``, with every app put back at its latest migration afterwards."""
    yield migrate
    migrate_to_latest()
