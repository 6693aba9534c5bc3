"""A performance institutions book through the portal: the network's page sends them to
its booking page, which counts the places left, instead of a number typed in once."""

import pytest

from tests.bookings.helpers import book, offer_of

pytestmark = pytest.mark.usefixtures("demo")


def test_the_network_page_does_not_promise_places_a_booked_out_performance_lacks(client):
    offer = offer_of("skovvejen")
    assert offer.event.places_available == 40
    for showing in offer.showings.all():
        book(showing, "klub-nord", children=37, adults=3)  # every showing full
    assert "Fuldt booket" in client.get(offer.get_absolute_url()).content.decode()
    page = client.get("/kultur/skovvejen/").content.decode()
    assert "40 ledige pladser" not in page
    assert f'href="{offer.get_absolute_url()}">Ledige pladser og booking for institutioner' in page


def test_a_performance_without_booking_keeps_its_typed_places(client):
    offer = offer_of("skovvejen")
    event = offer.event
    offer.delete()
    page = client.get("/kultur/skovvejen/").content.decode()
    assert f"{event.places_available} ledige pladser." in page
    assert "Ledige pladser og booking for institutioner" not in page
