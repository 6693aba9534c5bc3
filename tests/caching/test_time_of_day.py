"""Pages that change at a time of day without a save: booking opens at 10.00, the next
performance starts. The page says until when it may be kept (``caching.expiry``); neither
the shared page cache nor a worker's own copy serves it after that, and browsers are told
the same (``Expires``, ``max-age``)."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils.http import http_date

from caching import worker_copies
from culture.models import Event
from tests.bookings.helpers import offer_of
from tests.caching.conftest import at
from tests.caching.test_page_cache_entry import call

pytestmark = pytest.mark.usefixtures("demo")

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
NOT_YET = "Der åbnes for booking"
OPEN = "Log ind og book"


@pytest.fixture
def opening_tomorrow():
    """The Skovvejen performance: booking opens tomorrow at 10.00 and closes at 14.00."""
    offer = offer_of("skovvejen")
    tomorrow = datetime.datetime.now(COPENHAGEN) + datetime.timedelta(days=1)
    offer.booking_opens = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0)
    offer.booking_closes = offer.booking_opens.replace(hour=14)
    offer.save()
    return offer


@pytest.mark.usefixtures("page_cache")
def test_the_cached_performance_page_shows_booking_open_once_it_opened_and_closed(
    client, opening_tomorrow
):
    offer, url = opening_tomorrow, opening_tomorrow.get_absolute_url()
    hour = datetime.timedelta(hours=1)
    with at(offer.booking_opens - hour):
        client.get(url)
        before = client.get(url)
    assert before.headers["X-Page-Cache"] == "hit"
    assert NOT_YET in before.content.decode() and OPEN not in before.content.decode()
    with at(offer.booking_opens + hour):
        opened = client.get(url)
        again = client.get(url)
    assert "X-Page-Cache" not in opened.headers  # the morning's copy is not served
    assert OPEN in opened.content.decode() and NOT_YET not in opened.content.decode()
    assert again.headers["X-Page-Cache"] == "hit" and again.content == opened.content
    with at(offer.booking_closes + hour):
        closed = client.get(url).content.decode()
    assert "Bookingen lukkede" in closed and OPEN not in closed


@pytest.mark.usefixtures("page_cache")
def test_the_page_tells_browsers_and_the_shared_cache_until_when(client, opening_tomorrow):
    offer, url = opening_tomorrow, opening_tomorrow.get_absolute_url()
    cache = caches["default"]
    soon = offer.booking_opens - datetime.timedelta(seconds=30)
    with at(soon), mock.patch.object(cache, "set", wraps=cache.set) as stored:
        response = client.get(url)
    assert response.headers["Expires"] == http_date(offer.booking_opens.timestamp())
    assert "max-age=30" in response.headers["Cache-Control"]  # not the usual 60
    timeouts = [c.args[2] for c in stored.call_args_list if c.args[0].startswith("portal:page")]
    assert timeouts and all(timeout <= 30 for timeout in timeouts)


@pytest.fixture
def wsgi_entry(page_cache):
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    calls = []

    def django(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return WSGIHandler()(environ, start_response)

    try:
        yield worker_copies.PageCacheApplication(django), calls
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_a_workers_own_copy_is_not_answered_after_its_time(wsgi_entry, opening_tomorrow):
    app, calls = wsgi_entry
    offer, url = opening_tomorrow, opening_tomorrow.get_absolute_url()
    with at(offer.booking_opens - datetime.timedelta(minutes=1)):
        call(app, url)
        assert call(app, url)["headers"]["X-Page-Cache"] == "hit"
    assert len(calls) == 1
    with at(offer.booking_opens + datetime.timedelta(seconds=1)):
        answer = call(app, url)
    assert len(calls) == 2 and "X-Page-Cache" not in answer["headers"]
    assert OPEN in answer["body"].decode()


@pytest.mark.usefixtures("page_cache")
def test_a_district_page_no_longer_names_a_performance_that_has_started(client):
    event = (
        Event.objects.filter(starts_at__gt=datetime.datetime.now(COPENHAGEN))
        .select_related("network__district")
        .order_by("starts_at")
        .first()
    )
    url = f"/distrikter/{event.network.district.slug}/"
    with at(event.starts_at - datetime.timedelta(hours=1)):
        client.get(url)
        before = client.get(url)
    assert before.headers["X-Page-Cache"] == "hit"
    with at(event.starts_at + datetime.timedelta(minutes=1)):
        after = client.get(url)
    assert "X-Page-Cache" not in after.headers
    assert after.content.decode().count(event.title) < before.content.decode().count(event.title)


def max_age_of(headers):
    return int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))


@pytest.mark.usefixtures("page_cache")
def test_a_shared_cache_hit_tells_browsers_to_keep_it_no_longer_than_its_expires(
    client, opening_tomorrow
):
    offer, url = opening_tomorrow, opening_tomorrow.get_absolute_url()
    with at(offer.booking_opens - datetime.timedelta(hours=1)):
        client.get(url)  # rendered and stored: max-age=60
    ten_seconds_before = offer.booking_opens - datetime.timedelta(seconds=10)
    with at(ten_seconds_before):
        hit = client.get(url)
    assert hit.headers["X-Page-Cache"] == "hit"
    # Browsers go by max-age over Expires (RFC 9111): not kept past the opening.
    assert max_age_of(hit.headers) <= 10, hit.headers["Cache-Control"]


def test_a_workers_copy_tells_browsers_to_keep_it_no_longer_than_its_expires(
    wsgi_entry, opening_tomorrow
):
    app, _calls = wsgi_entry
    offer, url = opening_tomorrow, opening_tomorrow.get_absolute_url()
    with at(offer.booking_opens - datetime.timedelta(hours=1)):
        call(app, url)
    with at(offer.booking_opens - datetime.timedelta(seconds=10)):
        answer = call(app, url)
    assert answer["headers"]["X-Page-Cache"] == "hit"
    assert max_age_of(answer["headers"]) <= 10, answer["headers"]["Cache-Control"]
