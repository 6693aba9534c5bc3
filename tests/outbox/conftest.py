from datetime import UTC, datetime, timedelta

import pytest


class Clock:
    """The time as the portal sees it (django.utils.timezone.now), moved by the test."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **kwargs):
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock
