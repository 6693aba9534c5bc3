from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest


class Clock:
    """The time as the portal sees it (django.utils.timezone.now), moved by the test."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def timestamp(self):
        return self.now.timestamp()

    def advance(self, **kwargs):
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    # The signed links' timestamps (django.core.signing reads time.time()).
    monkeypatch.setattr("django.core.signing.time", SimpleNamespace(time=clock.timestamp))
    return clock


@pytest.fixture
def skovvejen(seed):
    from districts.models import District

    return District.objects.get(slug="skovvejen")


@pytest.fixture
def valhalla(seed):
    from districts.models import Institution

    return Institution.objects.get(slug="boernehuset-valhalla")
