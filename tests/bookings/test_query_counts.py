"""The staff's booking pages cost the same number of queries at ten times the bookings
(the public ones are in tests/test_query_counts.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings.models import Showing
from districts.models import Institution
from tests.bookings.helpers import book, first_showing, offer_of
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")


def add_bookings(count):
    """``count`` bookings at each showing of the Skovvejen performance, from as many
    institutions, so that some are confirmed and many wait."""
    houses = list(Institution.objects.order_by("pk")[:count])
    for showing in Showing.objects.filter(offer=offer_of("skovvejen")):
        for house in houses:
            book(showing, house.slug, children=5, adults=1)


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("kultur-skovvejen", "/booking/netvaerk/{offer}/"),
        ("kultur-skovvejen", "/booking/netvaerk/{offer}/deltagerliste/"),
        ("kultur-skovvejen", "/booking/netvaerk/{offer}/deltagerliste.csv"),
        ("kultur-skovvejen", "/booking/netvaerk/"),
        ("kontakt-valhalla", "/booking/"),
        ("kontakt-valhalla", "/kultur/forestillinger/{offer}/book/"),
    ],
)
def test_staff_booking_pages_need_as_many_queries_at_ten_times_the_bookings(client, username, path):
    url = path.format(offer=offer_of("skovvejen").pk)
    login(client, username)
    add_bookings(2)
    book(first_showing("skovvejen"), "boernehuset-valhalla")
    book(first_showing("skovvejen"), "boernehuset-valhalla", children=40, adults=0)  # waits
    before = queries(client, url)
    add_bookings(20)
    for _ in range(9):
        book(first_showing("skovvejen"), "boernehuset-valhalla")
    after = queries(client, url)
    assert len(after) == len(before), after
