"""The sign-up limits hold for requests at the same moment: twelve sign-ups for one
address, each from its own thread and database connection, against committed data,
store exactly the day's limit of confirmation mails and refuse the rest in Danish."""

import pytest

from notify import signup
from notify.constants import MAX_PER_ADDRESS_PER_DAY
from notify.models import SignupAttempt
from outbox.models import Mail
from tests.parallel import in_parallel, on_postgresql

pytestmark = pytest.mark.system

REQUESTS = 12


def test_parallel_signups_for_one_address_stop_at_the_days_limit(transactional_db):
    if not on_postgresql(__file__):
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
