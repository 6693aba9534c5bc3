"""Parallel requests from separate database connections, for the system tier's race tests.

SQLite's in-memory test database takes no parallel connections: a race test that finds
itself on SQLite runs its own file again on PostgreSQL, in a subprocess, under a database
name of its own run (two runs on one machine must not share or drop each other's)."""

import os
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, connections


def on_postgresql(test_file):
    """True on PostgreSQL; on another database runs ``test_file`` on PostgreSQL in a
    subprocess (it must pass) and returns False."""
    if connection.vendor == "postgresql":
        return True
    name = f"ballerup_parallel_{uuid.uuid4().hex[:12]}"
    env = os.environ | {"DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}"}
    env.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", test_file, "-q", "-p", "no:cacheprovider", "--create-db"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
    return False


def in_parallel(calls):
    """Run the calls at once, each in its own thread with its own connection."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        try:
            barrier.wait(timeout=30)
            return call()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))
