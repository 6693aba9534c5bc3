"""The booking pages as their users see them: the form, "Vores bookinger", the public
performance page, the network's overview, attendance list and CSV, the calendar feed
and the evaluation."""

import csv
import io
import re
from datetime import UTC, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from bookings import services
from bookings.constants import BookingStatus
from bookings.models import Booking, CalendarFeed, Evaluation
from core.dates import long_date
from districts.models import District
from tests.bookings.helpers import (
    DETAILS,
    book,
    calendar_of,
    first_showing,
    institution,
    offer_of,
)
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")


def form_data(showing, **changes):
    return (
        DETAILS
        | {"institution": institution("boernehuset-valhalla").pk, "showing": showing.pk}
        | changes
    )


def book_url(offer):
    return f"/kultur/forestillinger/{offer.pk}/book/"


def test_a_contact_person_books_and_sees_it_under_our_bookings(client):
    login(client, "kontakt-valhalla")
    showing = first_showing("skovvejen")
    page = client.get(book_url(showing.offer)).content.decode()
    assert "40 ledige pladser af 40" in page
    assert 'name="group_name"' in page
    response = client.post(book_url(showing.offer), form_data(showing), follow=True)
    text = response.content.decode()
    assert "Bookingen er bekræftet." in text
    assert "Rødstuen" in text and "18 børn og 3 voksne" in text and "Bekræftet" in text
    booking = Booking.objects.get()
    assert (booking.children, booking.adults, booking.status) == (18, 3, "bekraeftet")


def test_a_full_showing_puts_the_group_on_the_waiting_list_with_its_place(client):
    showing = first_showing("skovvejen")
    book(showing, "klub-nord", children=37, adults=3)
    book(showing, "skovvejens-skole", children=10, adults=1)
    login(client, "kontakt-valhalla")
    response = client.post(book_url(showing.offer), form_data(showing), follow=True)
    text = response.content.decode()
    assert "I er nr. 2 på ventelisten" in text
    assert "nr. 2 på ventelisten" in text.split("Vores bookinger")[-1]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"children": 0}, "En gruppe skal have mindst ét barn med."),
        ({"children": ""}, "Skriv hvor mange børn der kommer."),
        ({"children": "mange"}, "Skriv antallet af børn som et tal."),
        ({"adults": -1}, "Antallet af voksne kan ikke være negativt."),
        ({"group_name": ""}, "Skriv gruppens navn"),
        ({"contact_phone": "12"}, "Telefonnummeret har 2 cifre. Det skal have mindst 8"),
        ({"children": 40, "adults": 2}, "Opførelsen har kun 40 pladser i alt"),
        ({"showing": 999999}, "Vælg en af forestillingens opførelser."),
    ],
)
def test_bad_input_gets_a_danish_message_and_changes_nothing(client, changes, message):
    login(client, "kontakt-valhalla")
    showing = first_showing("skovvejen")
    response = client.post(book_url(showing.offer), form_data(showing) | changes)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_showing_of_another_performance_cannot_be_booked_through_this_one(client):
    login(client, "kontakt-valhalla")
    other = first_showing("baltorp")
    response = client.post(book_url(offer_of("skovvejen")), form_data(other))
    assert "Vælg en af forestillingens opførelser." in response.content.decode()
    assert not Booking.objects.exists()


def test_booking_after_it_closed_is_refused(client):
    showing = first_showing("skovvejen")
    offer = showing.offer
    offer.booking_opens = timezone.now() - timedelta(days=5)
    offer.booking_closes = timezone.now() - timedelta(minutes=1)
    offer.save()
    login(client, "kontakt-valhalla")
    response = client.post(book_url(offer), form_data(showing))
    assert response.status_code == 400
    assert "Bookingen af forestillingen er lukket." in response.content.decode()
    assert not Booking.objects.exists()


def test_cancelling_frees_the_places_and_moves_the_first_in_line_up(client):
    showing = first_showing("skovvejen")
    own = book(showing, children=30, adults=5)
    waiting = book(showing, "klub-nord", children=8, adults=2)
    assert waiting.status == BookingStatus.WAITING
    login(client, "kontakt-valhalla")
    response = client.post(f"/booking/{own.pk}/aflys/", follow=True)
    assert "Bookingen er aflyst." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED


def test_the_public_page_shows_places_left_and_never_who_booked(client):
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    url = showing.offer.get_absolute_url()
    assert "40 ledige pladser af 40" in client.get(url).content.decode()
    book(showing, children=18, adults=3)
    book(other, "klub-nord", children=38, adults=2)
    book(other, "skovvejens-skole", children=2)
    page = client.get(url).content.decode()
    assert "19 ledige pladser af 40" in page
    assert "Fuldt booket – der er venteliste" in page
    for secret in ("Valhalla", "Klub Nord", "Skovvejens Skole", "Rødstuen", "Anne Demo"):
        assert secret not in page


def test_the_network_lists_its_offers_by_age_band_and_month(client):
    offer = offer_of("skovvejen")
    url = "/kultur/skovvejen/forestillinger/"
    assert offer.event.title in client.get(url).content.decode()
    assert offer.event.title in client.get(url, {"alder": "3-5-aar"}).content.decode()
    assert offer.event.title not in client.get(url, {"alder": "0-2-aar"}).content.decode()
    month = timezone.localtime(first_showing("skovvejen").starts_at).strftime("%Y-%m")
    assert offer.event.title in client.get(url, {"maaned": month}).content.decode()
    # A month without showings is no choice; the list is shown unfiltered with a message.
    response = client.get(url, {"maaned": "1999-01"})
    assert response.status_code == 200


def test_the_network_sees_bookings_by_district_with_totals(client):
    showing = first_showing("skovvejen")
    book(showing, children=18, adults=3)
    book(showing, "baltorpskolen", group_name="2.B", children=10, adults=2)
    login(client, "ambassadoer-skovvejen")
    page = client.get(f"/booking/netvaerk/{showing.offer.pk}/").content.decode()
    assert "Distrikt Baltorp" in page and "Distrikt Skovvejen" in page
    assert "33 af 40 pladser booket (28 børn og 5 voksne)" in page
    assert "Børnehuset Valhalla" in page and "Baltorpskolen" in page


def test_the_csv_opens_in_danish_excel_with_aeoeaa_intact(client):
    showing = first_showing("skovvejen")
    book(showing, group_name="Rødstuen", note='=HYPERLINK("x")', wheelchair=True)
    login(client, "kultur-skovvejen")
    response = client.get(f"/booking/netvaerk/{showing.offer.pk}/deltagerliste.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Opførelse", "Sted", "Distrikt", "Institution"]
    assert rows[1][2:7] == ["Skovvejen", "Børnehuset Valhalla", "Rødstuen", "18", "3"]
    assert rows[1][9:11] == ["roedstuen@valhalla.invalid", "ja"]
    assert rows[1][12].startswith("'=")  # never a formula


def test_no_cell_of_the_csv_is_a_formula_whoever_typed_it(client):
    """A contact person types the group's name and their own; the coordinator opens the
    list in Excel: none of what they typed may run as a formula."""
    showing = first_showing("skovvejen")
    book(
        showing,
        group_name='=HYPERLINK("https://evil.example","Klik")',
        contact_name="@SUM(1+1)",
        note="-2+3\nlinje to",
    )
    login(client, "kultur-skovvejen")
    raw = client.get(f"/booking/netvaerk/{showing.offer.pk}/deltagerliste.csv").content
    row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))[1]
    assert row[4] == '\'=HYPERLINK("https://evil.example","Klik")'
    assert row[7] == "'@SUM(1+1)"
    assert row[12] == "'-2+3 linje to"
    starts = ("=", "+", "-", "@", "\t", "\r", "|")
    assert not [cell for cell in row if cell.startswith(starts)]


def test_the_attendance_list_prints_every_group(client):
    showing = first_showing("skovvejen")
    book(showing)
    login(client, "kultur-skovvejen")
    page = client.get(f"/booking/netvaerk/{showing.offer.pk}/deltagerliste/").content.decode()
    assert "Deltagerliste" in page and "Rødstuen" in page and "44 77 00 00" in page


def test_the_network_moves_a_booking_to_another_showing(client):
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    booking = book(showing)
    login(client, "kultur-skovvejen")
    response = client.post(
        f"/booking/netvaerk/booking/{booking.pk}/flyt/", {"showing": other.pk}, follow=True
    )
    assert "Bookingen er flyttet og bekræftet." in response.content.decode()
    booking.refresh_from_db()
    assert booking.showing == other
    bad = client.post(
        f"/booking/netvaerk/booking/{booking.pk}/flyt/",
        {"showing": first_showing("baltorp").pk},
        follow=True,
    )
    assert "Vælg en af forestillingens andre opførelser." in bad.content.decode()
    booking.refresh_from_db()
    assert booking.showing == other


def test_the_private_calendar_lists_confirmed_performances_and_can_be_renewed(client):
    showing = first_showing("skovvejen")
    book(showing)
    book(showing, children=40, adults=0, group_name="Venter")  # waits: not in the feed
    login(client, "kontakt-valhalla")
    client.post(f"/booking/kalender/{institution('boernehuset-valhalla').pk}/ny-adresse/")
    feed = CalendarFeed.objects.get()
    assert len(feed.token) >= 40
    response = client.get(feed.private_url())
    assert "private" in response["Cache-Control"]  # never in a shared cache
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "Demodata: Teaterforestilling for de mindste" in body
    old = feed.private_url()
    client.post(f"/booking/kalender/{institution('boernehuset-valhalla').pk}/ny-adresse/")
    feed.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(feed.private_url()).status_code == 200
    # Another institution's contact person cannot renew it.
    login(client, "kontakt-baltorpskolen")
    url = f"/booking/kalender/{institution('boernehuset-valhalla').pk}/ny-adresse/"
    assert client.post(url).status_code == 403


def test_after_the_visit_the_institution_evaluates_and_the_network_sees_it(client):
    showing = first_showing("skovvejen")
    booking = book(showing)
    login(client, "kontakt-valhalla")
    too_early = client.post(f"/booking/{booking.pk}/evaluering/", {"rating": 5}, follow=True)
    assert "når I har set den" in too_early.content.decode()
    assert not Evaluation.objects.exists()
    showing.starts_at = timezone.now() - timedelta(days=1)
    showing.save()
    bad = client.post(f"/booking/{booking.pk}/evaluering/", {"rating": 7})
    assert "Vælg en vurdering fra 1 til 5." in bad.content.decode()
    assert not Evaluation.objects.exists()
    client.post(f"/booking/{booking.pk}/evaluering/", {"rating": 4, "comment": "Børnene lo."})
    other = book(first_showing("skovvejen").offer.showings.last(), "klub-nord")
    Evaluation.objects.create(booking=other, rating=2, comment="For lang.")
    login(client, "ambassadoer-skovvejen")
    page = client.get(f"/booking/netvaerk/{showing.offer.pk}/").content.decode()
    assert "Gennemsnit 3,0 af 5 fra 2 evalueringer." in page
    assert "Børnene lo." in page and "For lang." in page


@pytest.mark.parametrize(
    ("username", "links"),
    [
        ("kontakt-valhalla", ["Vores bookinger"]),
        ("ambassadoer-skovvejen", ["Netværkets bookinger"]),
        ("admin", ["Netværkets bookinger"]),
        ("leder-baltorp", []),
    ],
)
def test_the_admin_header_links_the_booking_pages_a_user_has(client, username, links):
    login(client, username)
    page = client.get("/admin/").content.decode()
    for label in ("Vores bookinger", "Netværkets bookinger"):
        assert (label in page) == (label in links)


def test_the_network_sees_who_cancelled_moved_and_what_moved_up_from_the_waiting_list(client):
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    first = book(showing, "klub-nord", children=37, adults=3, group_name="Klubben")
    moved = book(showing, "skovvejens-skole", children=10, adults=1, group_name="2.B")
    assert moved.status == BookingStatus.WAITING
    login(client, "kultur-skovvejen")
    page = client.get(f"/booking/netvaerk/{showing.offer.pk}/").content.decode()
    assert "Ingen bookinger er aflyst, flyttet eller rykket op fra ventelisten endnu." in page
    client.post(f"/booking/netvaerk/booking/{moved.pk}/flyt/", {"showing": other.pk})
    client.post(f"/booking/netvaerk/booking/{first.pk}/aflys/")
    page = client.get(f"/booking/netvaerk/{showing.offer.pk}/").content.decode()
    log = page.split("Aflysninger, flytninger og ventelisten")[1].split("</section>")[0]
    rows = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in log.split("<tr>")[2:]]
    when = timezone.localtime(other.starts_at)
    assert len(rows) == 2
    assert rows[0].endswith("Klub Nord, Klubben Aflyst kultur-skovvejen")
    assert rows[1].endswith(
        f"Skovvejens Skole, 2.B Flyttet til opførelsen {long_date(when.date())} "
        f"kl. {when:%H.%M} kultur-skovvejen"
    )


def test_the_admin_header_lists_every_apps_links_in_order(client):
    """Help, the bookings, two-factor, the weekly digest, then Django's own links: each
    app adds its links (accounts.admin_index.add_user_links), the template names none."""
    login(client, "kontakt-valhalla")
    page = client.get("/admin/").content.decode()
    header = page[page.index('id="user-tools"') :]
    order = ["Hjælp", "Vores bookinger", "Mit to-trinslogin", "Ugentlig oversigt", "Log ud"]
    positions = [header.index(label) for label in order]
    assert positions == sorted(positions)


def test_a_network_without_coming_offers_still_offers_every_age_band(client):
    offer_of("skovvejen").event.delete()
    page = client.get("/kultur/skovvejen/forestillinger/").content.decode()
    assert "Der er ingen kommende forestillinger, der passer." in page
    assert '<option value="3-5-aar">' in page
    response = client.get("/kultur/skovvejen/forestillinger/", {"alder": "ingen"})
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed." in response.content.decode()


def test_a_performance_page_shows_the_places_held_for_a_district(client):
    offer = offer_of("skovvejen")
    district = District.objects.get(slug="skovvejen")
    released = timezone.localdate() + timedelta(days=20)
    offer.allotments.create(district=district, places=10, released_on=released)
    book(first_showing("skovvejen"), children=3, adults=1)  # Valhalla, in Skovvejen
    page = client.get(offer.get_absolute_url()).content.decode()
    held = f"Heraf til distrikt Skovvejen indtil {long_date(released)}"
    assert f"{held}: 6 ledige pladser af 10" in page
    assert f"{held}: 10 ledige pladser af 10" in page  # the other showing


def test_an_administrator_booking_for_an_institution_lands_on_the_offers_bookings(client):
    login(client, "admin")
    showing = first_showing("skovvejen")
    response = client.post(book_url(showing.offer), form_data(showing), follow=True)
    assert response.redirect_chain == [(f"/booking/netvaerk/{showing.offer.pk}/", 302)]
    text = response.content.decode()
    assert response.status_code == 200
    assert "Bookingen er bekræftet." in text and "Rødstuen" in text
    assert Booking.objects.get().institution == institution("boernehuset-valhalla")


def calendar_event(client, feed):
    """The feed's one event as ``{property: value}`` (lines unfolded)."""
    text = client.get(feed.private_url()).content.decode().replace("\r\n ", "")
    block = text.split("BEGIN:VEVENT\r\n")[1].split("\r\nEND:VEVENT")[0]
    return dict(line.split(":", 1) for line in block.split("\r\n"))


def test_a_moved_booking_or_a_new_time_is_a_newer_version_in_the_calendar(client):
    showing = first_showing("skovvejen")
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    booking = book(showing)
    feed = calendar_of("kontakt-valhalla", booking.institution.slug)
    first = calendar_event(client, feed)
    assert first["SEQUENCE"] == "0"
    later = timezone.now() + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        services.move(booking.pk, other.pk)
    moved = calendar_event(client, feed)
    assert moved["UID"] == first["UID"]
    assert moved["DTSTART"] != first["DTSTART"]
    assert int(moved["SEQUENCE"]) > int(first["SEQUENCE"])
    stamp = f"{later.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    assert moved["DTSTAMP"] == moved["LAST-MODIFIED"] == stamp
    assert calendar_event(client, feed) == moved  # unchanged until something changes
    other.starts_at += timedelta(hours=2)  # the network changes the showing's time
    other.save()
    rescheduled = calendar_event(client, feed)
    assert rescheduled["DTSTART"] != moved["DTSTART"]
    assert int(rescheduled["SEQUENCE"]) > int(moved["SEQUENCE"])
    assert rescheduled["DTSTAMP"] == rescheduled["LAST-MODIFIED"] != moved["LAST-MODIFIED"]


def test_the_form_offers_only_the_places_the_institution_may_take(client):
    """30 of 40 places held for another district: Valhalla's contact person is offered
    10, and the group of 21 that lands on the waiting list was told so beforehand."""
    showing = first_showing("skovvejen")
    valhalla = institution("boernehuset-valhalla")
    other = District.objects.exclude(pk__in=valhalla.districts.all()).order_by("name").first()
    showing.offer.allotments.create(
        district=other, places=30, released_on=timezone.localdate() + timedelta(days=10)
    )
    login(client, "kontakt-valhalla")
    form = client.get(book_url(showing.offer)).content.decode()
    assert "10 ledige pladser af 40" in form
    assert "40 ledige pladser af 40" not in form
    client.post(book_url(showing.offer), form_data(showing, children=18, adults=3))
    assert Booking.objects.get().status == BookingStatus.WAITING


def test_a_group_that_does_not_fit_is_not_told_the_showing_is_full(client):
    showing = first_showing("skovvejen")
    book(showing, "klub-nord", children=27, adults=3)  # 10 of 40 left
    login(client, "kontakt-valhalla")
    page = client.post(book_url(showing.offer), form_data(showing), follow=True)
    text = page.content.decode()
    assert "Der er ikke plads til hele gruppen lige nu. I er nr. 1 på ventelisten" in text
    assert "fuldt booket" not in text


def test_a_renamed_performance_is_a_newer_version_in_the_calendar(client):
    """The event is named after the performance: a new title must reach calendars."""
    showing = first_showing("skovvejen")
    booking = book(showing)
    feed = calendar_of("kontakt-valhalla", booking.institution.slug)
    first = calendar_event(client, feed)
    event = showing.offer.event
    event.title = "Ny titel på forestillingen"
    event.save()
    renamed = calendar_event(client, feed)
    assert renamed["SUMMARY"] == "Ny titel på forestillingen"
    assert int(renamed["SEQUENCE"]) > int(first["SEQUENCE"])
    event.save()  # saved unchanged: no new version
    assert calendar_event(client, feed)["SEQUENCE"] == renamed["SEQUENCE"]
