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


def test_the_booking_form_needs_as_many_queries_at_more_showings_and_allotments(client):
    """The form offers each showing with the places the contact's houses may take there,
    less other districts' allotments: a fixed number of queries, not one per showing
    and allotment."""
    import datetime

    from django.utils import timezone

    from bookings.models import Allotment
    from districts.models import District

    offer = offer_of("skovvejen")
    showing = first_showing("skovvejen")
    soon = timezone.localdate() + datetime.timedelta(days=5)
    districts = list(District.objects.exclude(institutions__slug="boernehuset-valhalla"))
    Allotment.objects.create(offer=offer, district=districts[0], places=3, released_on=soon)
    login(client, "kontakt-valhalla")
    url = f"/kultur/forestillinger/{offer.pk}/book/"
    book(showing, "boernehuset-valhalla")
    before = queries(client, url)
    for district in districts[1:]:
        Allotment.objects.create(offer=offer, district=district, places=2, released_on=soon)
    for hours in range(1, 6):
        Showing.objects.create(
            offer=offer,
            starts_at=showing.starts_at + datetime.timedelta(hours=hours),
            venue=showing.venue,
            places=30,
        )
    after = queries(client, url)
    assert len(districts) > 1
    assert len(after) == len(before), after
