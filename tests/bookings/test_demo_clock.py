"""The session's demo data is dated by the real clock even when it is (re)loaded inside a
test that fixes the portal's today: the bookings' demo showings then lie ahead, and a
booking test that runs after such a test can book them (they once ended up on the fixed
day, in the past: "Opførelsen er allerede begyndt")."""

import datetime

from django.utils import timezone

from bookings.models import Showing
from tests.conftest import ensure_seed_and_demo

A_PAST_DAY = datetime.date(2026, 1, 5)


def test_demo_showings_reloaded_under_a_fixed_today_lie_ahead(empty_db, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: A_PAST_DAY)
    ensure_seed_and_demo()
    monkeypatch.undo()
    showings = list(Showing.objects.filter(offer__event__is_demo=True))
    assert showings
    now = timezone.now()
    assert all(showing.starts_at > now + datetime.timedelta(days=30) for showing in showings)
