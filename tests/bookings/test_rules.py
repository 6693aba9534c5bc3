"""The role matrix of the booking pages: every account against every network's
performance and every institution, GET and POST.

- A contact person (kontakt-valhalla, kontakt-baltorpskolen) books for their own
  institution only, sees and cancels only its bookings.
- Ambassadors and coordinators manage the bookings of their own network's performances.
- Administrators may do everything; district leaders book nothing and manage nothing.
"""

import pytest
from django.contrib.auth import get_user_model

from bookings.constants import BookingStatus
from bookings.models import Booking
from districts.models import Institution
from tests.bookings.helpers import DETAILS, book, first_showing, offer_of
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")

DISTRICTS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
CONTACTS = {"kontakt-valhalla": "boernehuset-valhalla", "kontakt-baltorpskolen": "baltorpskolen"}
ACCOUNTS = [
    "admin",
    *CONTACTS,
    *(f"leder-{d}" for d in DISTRICTS),
    *(f"kultur-{d}" for d in DISTRICTS),
    *(f"ambassadoer-{d}" for d in DISTRICTS),
]


def network_of(username):
    for prefix in ("kultur-", "ambassadoer-"):
        if username.startswith(prefix):
            return username.removeprefix(prefix)
    return None


def manages(username, district):
    return username == "admin" or network_of(username) == district


def institution_in(district):
    """An institution of this district only that has no demo contact person."""
    return (
        Institution.objects.filter(districts__slug=district)
        .exclude(slug__in=["klub-syd", *CONTACTS.values()])
        .order_by("name")
        .first()
    )


@pytest.fixture
def bookings():
    """One booking at every network's performance, by a house of that district."""
    return {d: book(first_showing(d), institution_in(d).slug) for d in DISTRICTS}


@pytest.mark.parametrize("username", ACCOUNTS)
def test_the_network_pages_answer_only_their_own_network(client, bookings, username):
    login(client, username)
    for district in DISTRICTS:
        offer = offer_of(district)
        for url in (
            f"/booking/netvaerk/{offer.pk}/",
            f"/booking/netvaerk/{offer.pk}/deltagerliste/",
            f"/booking/netvaerk/{offer.pk}/deltagerliste.csv",
        ):
            response = client.get(url)
            expected = 200 if manages(username, district) else 403
            assert response.status_code == expected, (username, url)
            if expected == 200 and not url.endswith(".csv"):
                assert bookings[district].institution.name in response.content.decode()


@pytest.mark.parametrize("username", ACCOUNTS)
def test_only_the_network_and_administrators_cancel_or_move_a_booking(client, bookings, username):
    login(client, username)
    for district in DISTRICTS:
        booking = bookings[district]
        other = booking.showing.offer.showings.exclude(pk=booking.showing_id).first()
        moved = client.post(f"/booking/netvaerk/booking/{booking.pk}/flyt/", {"showing": other.pk})
        booking.refresh_from_db()
        if manages(username, district):
            assert moved.status_code == 302
            assert booking.showing == other
        else:
            assert moved.status_code == 403
            assert booking.showing != other
        cancelled = client.post(f"/booking/netvaerk/booking/{booking.pk}/aflys/")
        booking.refresh_from_db()
        if manages(username, district):
            assert cancelled.status_code == 302
            assert booking.status == BookingStatus.CANCELLED
        else:
            assert cancelled.status_code == 403
            assert booking.status == BookingStatus.CONFIRMED


@pytest.mark.parametrize("username", ACCOUNTS)
def test_a_contact_person_books_for_their_own_institution_only(client, username):
    login(client, username)
    own = CONTACTS.get(username)
    for district in DISTRICTS:
        offer = offer_of(district)
        page = client.get(f"/kultur/forestillinger/{offer.pk}/book/")
        may_book = own is not None or username == "admin"
        assert page.status_code == (200 if may_book else 403), (username, district)
        for target in (*CONTACTS.values(), institution_in(district).slug):
            institution = Institution.objects.get(slug=target)
            data = DETAILS | {
                "institution": institution.pk,
                "showing": first_showing(district).pk,
                "children": 1,
                "adults": 0,
            }
            before = Booking.objects.count()
            response = client.post(f"/kultur/forestillinger/{offer.pk}/book/", data)
            if username == "admin" or target == own:
                assert response.status_code == 302, (username, target)
                assert Booking.objects.count() == before + 1
                assert Booking.objects.latest("pk").institution == institution
            elif own is None:
                assert response.status_code == 403
                assert Booking.objects.count() == before
            else:
                assert response.status_code == 200
                assert "kun booke for den institution, du er kontaktperson for" in (
                    response.content.decode()
                )
                assert Booking.objects.count() == before


@pytest.mark.parametrize("username", ACCOUNTS)
def test_our_bookings_shows_and_cancels_only_the_own_institutions(client, bookings, username):
    own = CONTACTS.get(username)
    mine = book(first_showing("skovvejen"), own, group_name="Egen gruppe") if own else None
    login(client, username)
    page = client.get("/booking/")
    assert page.status_code == (200 if own else 403)
    if own:
        text = page.content.decode()
        assert "Egen gruppe" in text
        assert all(b.institution.name not in text for b in bookings.values())
    for booking in [*bookings.values(), *([mine] if mine else [])]:
        response = client.post(f"/booking/{booking.pk}/aflys/")
        booking.refresh_from_db()
        if booking == mine:
            assert response.status_code == 302
            assert booking.status == BookingStatus.CANCELLED
        else:
            assert response.status_code == 403
            assert booking.status == BookingStatus.CONFIRMED


def test_an_anonymous_visitor_is_sent_to_the_staff_login(client, bookings):
    offer = offer_of("skovvejen")
    booking = bookings["skovvejen"]
    for url in (
        f"/kultur/forestillinger/{offer.pk}/book/",
        "/booking/",
        f"/booking/netvaerk/{offer.pk}/",
        f"/booking/netvaerk/{offer.pk}/deltagerliste.csv",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")
    for url in (f"/booking/{booking.pk}/aflys/", f"/booking/netvaerk/booking/{booking.pk}/aflys/"):
        assert client.post(url).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_contact_person_without_a_staff_account_books_nothing(client):
    user = get_user_model().objects.get(username="kontakt-valhalla")
    user.is_staff = False
    user.save()
    client.force_login(user)
    assert client.get("/booking/").status_code == 302
