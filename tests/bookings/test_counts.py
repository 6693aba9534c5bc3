"""Counts read as Danish in the singular too: "1 ledig plads af 1", "1 barn og 1 voksen",
"1 af 1 plads booket", never "1 af 1 pladser ledige" or "1 børn og 1 voksne"."""

import pytest
from django.core import mail
from django.core.management import call_command

from bookings import services
from bookings.models import Booking
from tests.bookings.helpers import DETAILS, book, first_showing, institution
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def one_place():
    """The first Skovvejen showing, with a single place."""
    showing = first_showing("skovvejen")
    showing.places = 1
    showing.save()
    return showing


def test_a_showing_with_one_place_left_says_so_in_the_singular(client, one_place):
    page = client.get(one_place.offer.get_absolute_url()).content.decode()
    assert "1 ledig plads af 1" in page
    assert "pladser ledige" not in page.replace("40 ledige pladser af 40", "")
    assert "40 ledige pladser af 40" in page  # the other showing, in the plural
    login(client, "kontakt-valhalla")
    form = client.get(f"/kultur/forestillinger/{one_place.offer.pk}/book/").content.decode()
    assert "1 ledig plads af 1" in form and "40 ledige pladser af 40" in form


def test_a_district_share_of_one_place_left_is_singular(client):
    import datetime

    from django.utils import timezone

    from bookings.models import Allotment
    from districts.models import District

    showing = first_showing("skovvejen")
    Allotment.objects.create(
        offer=showing.offer,
        district=District.objects.get(slug="skovvejen"),
        places=1,
        released_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    page = client.get(showing.offer.get_absolute_url()).content.decode()
    assert "Heraf til distrikt Skovvejen" in page
    assert "1 ledig plads af 1" in page


def test_one_child_and_one_adult_are_one_barn_and_one_voksen(client, one_place):
    showing = first_showing("skovvejen")
    showing.places = 2
    showing.save()
    book(showing, children=1, adults=1)
    login(client, "kontakt-valhalla")
    assert "1 barn og 1 voksen" in client.get("/booking/").content.decode()
    login(client, "ambassadoer-skovvejen")
    overview = client.get(f"/booking/netvaerk/{showing.offer.pk}/").content.decode()
    assert "2 af 2 pladser booket (1 barn og 1 voksen), 0 på venteliste." in overview
    login(client, "kultur-skovvejen")
    attendance = client.get(f"/booking/netvaerk/{showing.offer.pk}/deltagerliste/")
    assert "Bekræftet: 1 barn og 1 voksen." in attendance.content.decode()
    call_command("send_notifications", verbosity=0)
    assert "Rødstuen, 1 barn og 1 voksen" in mail.outbox[0].body
    assert "1 barn og 1 voksen" in mail.outbox[0].alternatives[0][0]


def test_a_showing_of_one_place_booked_reads_af_1_plads(client, one_place):
    book(one_place, children=1, adults=0)
    login(client, "ambassadoer-skovvejen")
    overview = client.get(f"/booking/netvaerk/{one_place.offer.pk}/").content.decode()
    assert "1 af 1 plads booket (1 barn og 0 voksne), 0 på venteliste." in overview
    index = client.get("/booking/netvaerk/").content.decode()
    assert "1 af 1 plads booket, 0 på venteliste" in index


def test_a_group_larger_than_a_one_place_showing_is_told_in_the_singular(one_place):
    with pytest.raises(services.BookingError) as refused:
        services.book(one_place.pk, institution("boernehuset-valhalla"), **DETAILS)
    assert str(refused.value.args[0]) == (
        "Opførelsen har kun 1 plads i alt, børn og voksne talt med."
    )
    assert not Booking.objects.exists()


def test_the_calendar_feed_counts_in_the_singular():
    from bookings.counts import party

    assert party(1, 1) == "1 barn og 1 voksen"
    assert party(18, 3) == "18 børn og 3 voksne"
    assert party(0, 1) == "0 børn og 1 voksen"
