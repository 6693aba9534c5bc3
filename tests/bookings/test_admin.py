"""Making a performance bookable in the admin: every account against every network's
offer, GET and POST. A network's members keep their own offers, showings and steps."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.constants import BookingStatus
from bookings.models import Offer, Showing
from culture.models import Event
from tests.admin_forms import choices, form_data
from tests.bookings.test_rules import ACCOUNTS, DISTRICTS, manages
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")
OFFERS = "/admin/bookings/offer/"


def may_open_admin(username):
    return username == "admin" or username.startswith(("kultur-", "ambassadoer-"))


@pytest.mark.parametrize("username", ACCOUNTS)
def test_offers_in_the_admin_follow_the_network(client, username):
    admin_forms = {}
    login(client, "admin")
    for district in DISTRICTS:
        offer = Offer.objects.get(event__network__district__slug=district)
        admin_forms[district] = form_data(client.get(admin_url(offer)))
    client.logout()
    login(client, username)
    listing = client.get(OFFERS)
    assert listing.status_code == (200 if may_open_admin(username) else 403)
    for district in DISTRICTS:
        offer = Offer.objects.get(event__network__district__slug=district)
        if listing.status_code == 200:
            assert (admin_url(offer) in listing.content.decode()) == manages(username, district)
        page = client.get(admin_url(offer))
        assert page.status_code == (200 if manages(username, district) else 403)
        new_places = admin_forms[district] | {"showings-0-places": "12"}
        response = client.post(admin_url(offer), new_places)
        first = Showing.objects.filter(offer=offer).order_by("pk").first()
        if manages(username, district):
            assert response.status_code == 302, response.content.decode()[:3000]
            assert first.places == 12
        else:
            assert response.status_code == 403
            assert first.places == 40


def test_an_ambassador_makes_their_own_performance_bookable(client):
    event = Event.objects.create(
        network=Offer.objects.get(event__network__district__slug="skovvejen").event.network,
        title="Ællingen",
        starts_at=timezone.now() + timedelta(days=30),
        venue="Salen",
    )
    login(client, "ambassadoer-skovvejen")
    page = client.get(OFFERS + "add/")
    events = choices(page, "event")
    assert str(event.pk) in map(str, events)
    others = Event.objects.exclude(network__district__slug="skovvejen")
    assert not {str(e.pk) for e in others} & set(map(str, events))
    soon = timezone.localtime() + timedelta(days=1)
    data = form_data(page) | {
        "event": event.pk,
        "booking_opens": soon.strftime("%Y-%m-%dT08:00"),
        "booking_closes": (soon + timedelta(days=10)).strftime("%Y-%m-%dT08:00"),
        "showings-0-starts_at": (soon + timedelta(days=20)).strftime("%Y-%m-%dT09:30"),
        "showings-0-venue": "Salen",
        "showings-0-places": "25",
    }
    response = client.post(OFFERS + "add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    offer = Offer.objects.get(event=event)
    assert [s.places for s in offer.showings.all()] == [25]


def test_booking_closing_before_it_opens_is_refused_in_danish(client):
    offer = Offer.objects.get(event__network__district__slug="skovvejen")
    login(client, "kultur-skovvejen")
    data = form_data(client.get(admin_url(offer))) | {
        "booking_opens": "2027-01-10T08:00",
        "booking_closes": "2027-01-01T08:00",
    }
    response = client.post(admin_url(offer), data)
    assert "Bookingen skal lukke, efter den åbner." in response.content.decode()


def test_a_showing_with_bookings_is_not_deleted_with_them(client):
    from tests.bookings.helpers import book, first_showing

    showing = first_showing("skovvejen")
    booking = book(showing)
    offer = showing.offer
    login(client, "kultur-skovvejen")
    data = form_data(client.get(admin_url(offer)))
    index = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(showing.pk))
    data[index.replace("-id", "-DELETE")] = "on"
    response = client.post(admin_url(offer), data)
    assert response.status_code == 200
    assert "beskyttede" in response.content.decode()
    assert Showing.objects.filter(pk=showing.pk).exists()
    booking.refresh_from_db()
    assert booking.showing_id == showing.pk


def test_more_places_in_the_admin_move_the_waiting_line_up_at_once(client):
    from outbox.models import Mail
    from tests.bookings.helpers import book, first_showing

    showing = first_showing("skovvejen")  # 40 places
    book(showing, "klub-nord", children=37, adults=3)
    waiting = book(showing, "skovvejens-skole", children=4, adults=1)
    assert waiting.status == BookingStatus.WAITING
    login(client, "kultur-skovvejen")
    offer = showing.offer
    data = form_data(client.get(admin_url(offer)))
    index = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(showing.pk))
    data[index.replace("-id", "-places")] = "45"
    response = client.post(admin_url(offer), data, follow=True)
    assert "Skovvejens Skole (Rødstuen) er rykket op fra ventelisten." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert Mail.objects.filter(key__startswith=f"booking:{waiting.pk}:promoted:").count() == 1


def test_places_below_the_confirmed_bookings_are_refused_in_danish(client):
    from tests.bookings.helpers import book, first_showing

    showing = first_showing("skovvejen")
    book(showing, children=18, adults=3)  # 21 confirmed
    login(client, "kultur-skovvejen")
    offer = showing.offer
    data = form_data(client.get(admin_url(offer)))
    index = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(showing.pk))
    data[index.replace("-id", "-places")] = "10"
    response = client.post(admin_url(offer), data)
    assert response.status_code == 200
    assert "Sæt pladserne til mindst 21" in response.content.decode()
    showing.refresh_from_db()
    assert showing.places == 40
    data[index.replace("-id", "-places")] = "21"  # exactly the confirmed places will do
    assert client.post(admin_url(offer), data).status_code == 302
    showing.refresh_from_db()
    assert showing.places == 21


@pytest.mark.parametrize("field", ["booking_opens", "booking_closes", "showings-0-starts_at"])
@pytest.mark.parametrize("value", ["0001-01-01T00:30", "0001-01-01T00:00", "9999-12-31T23:59"])
def test_a_date_no_calendar_holds_is_refused_in_danish_never_a_500(client, field, value):
    client.raise_request_exception = False
    offer = Offer.objects.get(event__network__district__slug="skovvejen")
    before = list(Showing.objects.filter(offer=offer).values_list("starts_at", flat=True))
    login(client, "kultur-skovvejen")
    data = form_data(client.get(admin_url(offer))) | {field: value, "confirm_date": "on"}
    response = client.post(admin_url(offer), data)
    assert response.status_code == 200
    assert "Datoen skal ligge mellem år 1900 og 9998." in response.content.decode()
    refreshed = Offer.objects.get(pk=offer.pk)
    assert (refreshed.booking_opens, refreshed.booking_closes) == (
        offer.booking_opens,
        offer.booking_closes,
    )
    assert list(Showing.objects.filter(offer=offer).values_list("starts_at", flat=True)) == before


def test_booking_dates_far_off_are_questioned_then_saved_when_confirmed(client):
    offer = Offer.objects.get(event__network__district__slug="skovvejen")
    login(client, "kultur-skovvejen")
    data = form_data(client.get(admin_url(offer))) | {"booking_closes": "2040-01-10T08:00"}
    response = client.post(admin_url(offer), data)
    assert "Er datoen rigtig?" in response.content.decode()
    offer.refresh_from_db()
    assert offer.booking_closes.year != 2040
    response = client.post(admin_url(offer), data | {"confirm_date": "on"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.booking_closes.year == 2040
