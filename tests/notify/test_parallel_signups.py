"""The sign-up limits hold for requests at the same moment: twelve sign-ups for one
address, each from its own thread and database connection, against committed data,
store exactly the day's limit of confirmation mails and refuse the rest in Danish."""

import os
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection, connections

from notify import signup
from notify.constants import MAX_PER_ADDRESS_PER_DAY
from notify.models import SignupAttempt
from outbox.models import Mail

pytestmark = pytest.mark.system

# On SQLite the file runs again on PostgreSQL in a subprocess (the in-memory test database
# takes no parallel connections), under a database name of its own run.
POSTGRESQL_URL = (
    f"postgres://postgres@127.0.0.1:5432/ballerup_signups_parallel_{uuid.uuid4().hex[:12]}"
)
REQUESTS = 12


def run_on_postgresql():
    env = os.environ | {"DATABASE_URL": POSTGRESQL_URL}
    env.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider", "--create-db"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def in_parallel(calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        try:
            barrier.wait(timeout=30)
            return call()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_parallel_signups_for_one_address_stop_at_the_days_limit(transactional_db):
    if connection.vendor != "postgresql":
        run_on_postgresql()
        return

    def attempt(n):
        def call():
            try:
                signup.sign_up("samtidig@example.dk", ["c1"], f"10.0.0.{n}")
            except signup.Refused as refused:
                return refused.message
            return "ok"

        return call

    results = in_parallel([attempt(n) for n in range(REQUESTS)])
    assert results.count("ok") == MAX_PER_ADDRESS_PER_DAY
    refusals = [r for r in results if r != "ok"]
    assert len(refusals) == REQUESTS - MAX_PER_ADDRESS_PER_DAY
    assert all("bekræftelsesmails til denne adresse i dag" in r for r in refusals)
    assert SignupAttempt.objects.count() == MAX_PER_ADDRESS_PER_DAY
    assert Mail.objects.filter(to="samtidig@example.dk").count() == MAX_PER_ADDRESS_PER_DAY
