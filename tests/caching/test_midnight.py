"""Issue 23: a cached page must not show yesterday's closing-day box. Every kept page,
value and fragment is out of date when the date changes in Europe/Copenhagen, with no
save in between (the content version is dated: caching/version.py)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from caching.kept import kept
from daycare.models import ClosingDay
from tests.caching.conftest import at
from tests.daycare.factories import ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# 23:59 and 00:01 in Copenhagen; in UTC both are still 20 December.
BEFORE_MIDNIGHT = datetime.datetime(2026, 12, 20, 23, 59, tzinfo=COPENHAGEN)
AFTER_MIDNIGHT = datetime.datetime(2026, 12, 21, 0, 1, tzinfo=COPENHAGEN)
PAGES = ["/", "/distrikter/baltorp/", "/institutioner/boernehuset-bispevangen/"]


@pytest.fixture
def deadline_tonight():
    """Alternative care on 28 December, sign-up until 20 December (today, before
    midnight)."""
    ClosingDay.objects.all().delete()
    return ClosingDayFactory(
        date=datetime.date(2026, 12, 28),
        name="Mellem jul og nytår",
        alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 20),
        signup_text="Tilmeld dit barn i Aula.",
    )


@pytest.mark.usefixtures("page_cache", "deadline_tonight")
@pytest.mark.parametrize("path", PAGES)
def test_a_cached_page_shows_the_new_days_box_after_midnight(client, path):
    with at(BEFORE_MIDNIGHT):
        client.get(path)
        evening = client.get(path)
    assert evening.headers["X-Page-Cache"] == "hit"
    assert "Tilmelding senest søndag den 20. december 2026." in evening.content.decode()
    assert "Tilmeld dit barn i Aula." in evening.content.decode()

    with at(AFTER_MIDNIGHT):
        night = client.get(path)
        again = client.get(path)
    assert "X-Page-Cache" not in night.headers  # yesterday's copy is not served
    page = night.content.decode()
    assert "Tilmeldingen lukkede søndag den 20. december 2026." in page
    assert "Tilmelding senest" not in page and "Tilmeld dit barn i Aula." not in page
    assert again.headers["X-Page-Cache"] == "hit" and again.content == night.content


@pytest.mark.usefixtures("page_cache")
def test_a_kept_value_is_computed_again_after_midnight(rf):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    with at(BEFORE_MIDNIGHT):
        assert kept("test-value", compute, rf.get("/")) == 1
        assert kept("test-value", compute, rf.get("/")) == 1
    with at(AFTER_MIDNIGHT):
        assert kept("test-value", compute, rf.get("/")) == 2


@pytest.mark.usefixtures("page_cache", "deadline_tonight")
def test_a_page_with_tonights_deadline_is_not_kept_by_browsers_past_midnight(client):
    """The page moves on at midnight on the server; browsers and proxies must not keep
    the "sign-up open" page past it either (Expires at midnight, max-age no longer)."""
    import re

    late = BEFORE_MIDNIGHT.replace(second=30)  # 23:59:30 Copenhagen
    with at(late):
        response = client.get("/distrikter/baltorp/")
    assert "Tilmelding senest søndag den 20. december 2026." in response.content.decode()
    seconds = int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1))
    midnight = (late + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0)
    assert late + datetime.timedelta(seconds=seconds) <= midnight, response.headers["Cache-Control"]
