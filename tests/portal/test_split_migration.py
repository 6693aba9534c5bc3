"""Nothing lost in the move (issue 22.2): a database as today's ``main`` left it, with
rows in every model that moved out of the project package (the account history to
``accounts``, the site settings to ``pages``) and a group permission on one, migrates
to the new layout with every row, every content type (same ids) and every permission,
on SQLite and on PostgreSQL. The ends run in their own processes
(``split_migration_steps``); the step between is the deploy's own ``manage.py migrate``."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.conftest import run_name
from tests.portal.split_migration_steps import MOVED, RENAMED, WRITTEN_BY_MIGRATE

PG = ["-h", "127.0.0.1", "-U", "postgres"]


def run(*args, database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ballerup_portal.settings.test",
        "DATABASE_URL": database_url,
    }
    result = subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'main.sqlite3'}"
        return
    name = run_name("ballerup_split")
    subprocess.run(["dropdb", *PG, "--if-exists", name], check=True)
    subprocess.run(["createdb", *PG, name], check=True)
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        subprocess.run(["dropdb", *PG, "--if-exists", name], check=True)


@pytest.mark.system
def test_a_database_from_before_the_split_keeps_every_row_and_permission(database_url):
    steps = "tests.portal.split_migration_steps"
    before = json.loads(run("-m", steps, "before", database_url=database_url))
    migrated = run("manage.py", "migrate", "--noinput", database_url=database_url)
    assert "Applying accounts.0001_initial... OK" in migrated
    after = json.loads(run("-m", steps, "after", database_url=database_url))

    # Every table has the rows it had, under its new name where simple-history renamed it.
    counts_before = {RENAMED.get(table, table): n for table, n in before["counts"].items()}
    for table, n in counts_before.items():
        if table not in WRITTEN_BY_MIGRATE:
            assert after["counts"].get(table) == n, table
    assert not set(RENAMED) & set(after["counts"])

    # The same content type rows, now under the new apps: nothing points at a new one.
    assert after["content_types"] == {
        f"{app}.{model}": before["content_types"][model] for model, app in MOVED.items()
    }
    assert len(after["permissions_of_moved_models"]) == 4 * len(MOVED)
    assert all(
        name.split(".")[0] in ("accounts", "pages") for name in after["permissions_of_moved_models"]
    )
    # The group kept its permission on the site settings, and its member may use it.
    assert after["group_permissions"] == ["pages.change_sitesettings"]
    assert after["user_may_change_site_settings"] is True

    # The rows themselves, read through the moved models.
    assert after["site_settings"] == [
        before["site_settings"],
        "44 77 00 00",
        "borgerservice@ballerup.dk",
    ]
    assert after["site_settings_history"] == ["44 77 00 00"]
    assert after["user_history"] == [["ida", [before["group"]]]]
    assert after["group_history"] == [["Administrator-test", [before["permission"]]]]
    # The admin's log entry still opens the site settings.
    assert after["log_entry"] == ["pages", "sitesettings", "SiteSettings"]
