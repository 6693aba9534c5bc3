"""Kept values that depend on the time of day end when the time moves on: the culture box
of a district page names coming performances only, also while its value is kept in the
process (``caching.kept.kept`` with ``still_valid``), with no save in between."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from culture.models import Event, Network
from tests.caching.conftest import at
from tests.culture.factories import EventFactory

pytestmark = pytest.mark.usefixtures("demo")

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MORNING = datetime.datetime(2026, 12, 14, 9, 0, tzinfo=COPENHAGEN)
STARTS = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=COPENHAGEN)
NOON = datetime.datetime(2026, 12, 14, 12, 0, tzinfo=COPENHAGEN)


def test_a_performance_that_has_started_leaves_the_kept_culture_box_the_same_day(client):
    network = Network.objects.get(district__slug="baltorp")
    Event.objects.filter(network=network).delete()
    EventFactory(network=network, title="Morgenteatret", starts_at=STARTS)
    EventFactory(network=network, title="Juleforestillingen", starts_at=STARTS.replace(day=18))
    with at(MORNING):
        morning = client.get("/distrikter/baltorp/").content.decode()
    assert "Morgenteatret" in morning and "Juleforestillingen" in morning
    with at(NOON):  # the same day, the same content version
        noon = client.get("/distrikter/baltorp/").content.decode()
    assert "Morgenteatret" not in noon
    assert "Juleforestillingen" in noon
