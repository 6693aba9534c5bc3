"""The booking rules: confirmed while places are left, else in line; cancelling
promotes the first waiting bookings that fit; bad requests change nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings import services
from bookings.constants import BookingStatus, StepScope
from bookings.models import Booking, ReservationStep
from tests.bookings.helpers import DETAILS, book, first_showing, institution, offer_of

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def showing():
    showing = first_showing("skovvejen")
    showing.places = 30
    showing.save()
    return showing


def test_confirmed_while_places_are_left_then_waiting_in_order(showing):
    first = book(showing, children=18, adults=3)  # 21 of 30
    second = book(showing, "boernehuset-ved-skoven", children=10, adults=2)  # would be 33
    third = book(showing, "klub-nord", children=8, adults=1)  # 30 of 30
    fourth = book(showing, "skovvejens-skole", children=1, adults=0)
    assert [b.status for b in (first, second, third, fourth)] == [
        BookingStatus.CONFIRMED,
        BookingStatus.WAITING,
        BookingStatus.CONFIRMED,
        BookingStatus.WAITING,
    ]
    assert showing.confirmed_places() == 30
    assert services.waiting_positions([second, fourth]) == {second.pk: 1, fourth.pk: 2}


def test_cancelling_confirms_the_first_waiting_bookings_that_fit(showing):
    first = book(showing, children=20, adults=2)
    big = book(showing, "boernehuset-ved-skoven", children=25, adults=3)
    small = book(showing, "klub-nord", children=7, adults=2)
    smaller = book(showing, "skovvejens-skole", children=2, adults=0)
    assert [b.status for b in (big, small)] == [BookingStatus.WAITING] * 2
    assert smaller.status == BookingStatus.CONFIRMED  # 22 + 2 fit at once

    outcome = services.cancel(first.pk)
    assert [b.pk for b in outcome.promoted] == [big.pk]
    for booking in (first, big, small):
        booking.refresh_from_db()
    assert first.status == BookingStatus.CANCELLED
    assert big.status == BookingStatus.CONFIRMED
    assert small.status == BookingStatus.WAITING  # 28 + 2 taken; 9 do not fit
    # A second cancel (a double click) changes nothing.
    assert services.cancel(first.pk).promoted == []


def test_a_group_larger_than_the_showing_is_refused_and_nothing_is_saved(showing):
    with pytest.raises(services.BookingError, match="kun 30 pladser i alt"):
        book(showing, children=29, adults=2)
    assert not Booking.objects.exists()


def test_no_booking_before_it_opens_or_after_it_closes(showing):
    offer = showing.offer
    offer.booking_opens = timezone.now() + timedelta(days=1)
    offer.save()
    with pytest.raises(services.BookingError, match="ikke åbnet"):
        book(showing)
    offer.booking_opens = timezone.now() - timedelta(days=10)
    offer.booking_closes = timezone.now() - timedelta(minutes=1)
    offer.save()
    with pytest.raises(services.BookingError, match="lukket"):
        book(showing)
    assert not Booking.objects.exists()


def test_an_institution_cannot_cancel_after_booking_closes_but_the_network_can(showing):
    booking = book(showing)
    later = showing.offer.booking_closes + timedelta(minutes=1)
    with pytest.raises(services.BookingError, match="Kontakt netværket"):
        services.cancel(booking.pk, now=later)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    services.cancel(booking.pk, by_network=True, now=later)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_reserved_steps_open_for_named_institutions_then_the_district_then_everyone(showing):
    offer = offer_of("skovvejen")
    today = timezone.localdate()
    named = ReservationStep.objects.create(
        offer=offer, opens_on=today - timedelta(days=1), scope=StepScope.INSTITUTIONS
    )
    named.institutions.add(institution("boernehuset-lundegaarden"))
    district = ReservationStep.objects.create(
        offer=offer, opens_on=today + timedelta(days=3), scope=StepScope.DISTRICT
    )
    ReservationStep.objects.create(
        offer=offer, opens_on=today + timedelta(days=6), scope=StepScope.EVERYONE
    )
    assert book(showing, "boernehuset-lundegaarden").status == BookingStatus.CONFIRMED
    with pytest.raises(services.BookingError, match="endnu kun åben"):
        book(showing, "boernehuset-valhalla", children=1, adults=0)
    in_three_days = timezone.now() + timedelta(days=3)
    services.book(showing.pk, institution("boernehuset-valhalla"), now=in_three_days, **_small())
    with pytest.raises(services.BookingError, match="endnu kun åben"):
        services.book(showing.pk, institution("baltorpskolen"), now=in_three_days, **_small())
    district.scope = StepScope.DISTRICT_TYPE
    district.institution_type = "skole"
    district.save()
    with pytest.raises(services.BookingError, match="endnu kun åben"):
        services.book(
            showing.pk, institution("boernehuset-ved-skoven"), now=in_three_days, **_small()
        )
    services.book(showing.pk, institution("skovvejens-skole"), now=in_three_days, **_small())
    in_six_days = timezone.now() + timedelta(days=6)
    services.book(showing.pk, institution("baltorpskolen"), now=in_six_days, **_small())


def _small():
    return {
        "group_name": "2.B",
        "children": 1,
        "adults": 0,
        "contact_name": "A",
        "contact_phone": "44770000",
        "contact_email": "a@b.invalid",
    }


def test_moving_a_booking_frees_its_places_for_the_old_line(showing):
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    first = book(showing, children=25, adults=5)
    waiting = book(showing, "klub-nord", children=10, adults=0)
    outcome = services.move(first.pk, other.pk)
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.showing == other and first.status == BookingStatus.CONFIRMED
    assert waiting.status == BookingStatus.CONFIRMED
    assert outcome.promoted == [waiting]


def test_a_districts_allotment_is_held_for_it_until_released(showing, client):
    from bookings.models import Allotment
    from districts.models import District

    today = timezone.localdate()
    allotment = Allotment.objects.create(
        offer=showing.offer,
        district=District.objects.get(slug="skovvejen"),
        places=10,
        released_on=today + timedelta(days=5),
    )
    # Baltorp may take the 20 places not held for Skovvejen, not more.
    assert book(showing, "baltorpskolen", children=25, adults=0).status == BookingStatus.WAITING
    assert book(showing, "baltorpskolen", children=15, adults=0).status == BookingStatus.CONFIRMED
    assert book(showing, "baltorpskolen", children=6, adults=0).status == BookingStatus.WAITING
    # Skovvejen uses its own ten and the five left in the pool.
    assert book(showing, children=4, adults=1).status == BookingStatus.CONFIRMED
    page = client.get(showing.offer.get_absolute_url()).content.decode()
    assert "Heraf til distrikt Skovvejen" in page
    assert "5 ledige pladser af 10" in page
    assert services.promote_waiting(showing.pk) == []  # still held

    allotment.released_on = today
    allotment.save()
    promoted = services.promote_waiting(showing.pk)
    # Released: the first in line that fits (6 of the 10 left) moves up; 25 does not fit.
    assert [(b.children, b.status) for b in promoted] == [(6, BookingStatus.CONFIRMED)]
    assert showing.confirmed_places() == 26


def test_the_institution_cancels_until_booking_closes_and_evaluates_after_the_visit():
    """The rules the page (which buttons it shows) and the services (what they allow)
    share, on the model."""
    showing = first_showing("skovvejen")
    booking = book(showing)
    closes, starts = showing.offer.booking_closes, showing.starts_at
    second = timedelta(seconds=1)
    assert booking.institution_may_cancel(closes - second)
    assert not booking.institution_may_cancel(closes)
    with pytest.raises(services.BookingError):
        services.cancel(booking.pk, now=closes)
    assert not booking.may_be_evaluated(starts - second)
    assert booking.may_be_evaluated(starts)
    services.cancel(booking.pk, now=closes - second)
    booking.refresh_from_db()
    assert not booking.institution_may_cancel(closes - second)
    assert not booking.may_be_evaluated(starts)


def test_a_place_freed_after_the_performance_began_promotes_nobody(showing):
    """The network tidies up after the day: no "I har fået plads" for a past show."""
    first = book(showing, children=20, adults=2)
    waiting = book(showing, "boernehuset-ved-skoven", children=25, adults=3)
    assert waiting.status == BookingStatus.WAITING
    after = showing.starts_at + timedelta(days=1)
    outcome = services.cancel(first.pk, by_network=True, now=after)
    assert outcome.promoted == []
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITING


def test_a_booking_moved_to_a_full_showing_queues_behind_those_waiting_there(showing):
    """It keeps its booking date, but not a place ahead of institutions already waiting."""
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    moved = book(showing, children=20, adults=2)  # made first, on the first showing
    other.places = 30
    other.save()
    book(other, "boernehuset-ved-skoven", children=25, adults=3)  # 28 of 30 there
    waiting = book(other, "klub-nord", children=7, adults=2)
    assert waiting.status == BookingStatus.WAITING
    outcome = services.move(moved.pk, other.pk)
    assert outcome.booking.status == BookingStatus.WAITING
    assert services.waiting_positions([moved, waiting]) == {waiting.pk: 1, moved.pk: 2}
    moved.refresh_from_db()
    assert moved.created < waiting.created


def test_a_new_booking_never_takes_places_a_waiting_booking_fits_in(showing):
    """Places held for a district are released by date; the group waiting for them gets
    them before a group that books afterwards (nobody ran the daily promotion yet)."""
    from bookings.models import Allotment
    from districts.models import District
    from outbox.models import Mail

    today = timezone.localdate()
    allotment = Allotment.objects.create(
        offer=showing.offer,
        district=District.objects.get(slug="skovvejen"),
        places=10,
        released_on=today + timedelta(days=5),
    )
    book(showing, "baltorpskolen", children=20, adults=0)  # the 20 not held
    waiting = book(showing, "baltorpskolen", children=6, adults=0)
    assert waiting.status == BookingStatus.WAITING
    allotment.released_on = today
    allotment.save()
    newcomer = services.book(
        showing.pk, institution("klub-nord"), **(DETAILS | {"children": 6, "adults": 0})
    )
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert newcomer.promoted == [waiting]
    assert newcomer.booking.status == BookingStatus.WAITING  # 26 of 30 taken
    assert Mail.objects.filter(key__startswith=f"booking:{waiting.pk}:promoted:").count() == 1


def test_a_booking_moved_to_another_showing_does_not_pass_its_waiting_line(showing):
    other = showing.offer.showings.exclude(pk=showing.pk).get()
    other.places = 30
    other.save()
    book(other, "boernehuset-ved-skoven", children=25, adults=3)
    waiting = book(other, "klub-nord", children=2, adults=2)  # 4 do not fit in 2
    assert waiting.status == BookingStatus.WAITING
    moved = book(showing, children=2, adults=0)
    other.places = 34  # raised without moving the line (a direct save)
    other.save()
    outcome = services.move(moved.pk, other.pk)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert outcome.booking.status == BookingStatus.CONFIRMED  # 32 + 2 of 34
    assert waiting in outcome.promoted


def test_a_raced_move_frees_its_places_for_the_line_it_actually_left(showing, monkeypatch):
    """Two network members move the same booking at once (A→C, then A→B as they saw it):
    the second finds it at C once it holds the locks, and C's first in line moves up."""
    from bookings.models import Showing

    other = showing.offer.showings.exclude(pk=showing.pk).get()
    third = Showing.objects.create(
        offer=showing.offer, starts_at=other.starts_at + timedelta(days=1), venue="Salen", places=21
    )
    booking = book(showing)  # 21 places
    raced, waiting_at_third = [], []
    take_lock = services._locked_showing

    def lock_after_a_race(pk):
        if not raced:  # the other member's move commits before the locks
            raced.append(pk)
            services.move(booking.pk, third.pk)
            waiting_at_third.append(book(third, "klub-nord", children=5, adults=0))
        return take_lock(pk)

    monkeypatch.setattr(services, "_locked_showing", lock_after_a_race)
    outcome = services.move(booking.pk, other.pk)
    booking.refresh_from_db()
    line = waiting_at_third[0]
    line.refresh_from_db()
    assert booking.showing_id == other.pk
    assert line.status == BookingStatus.CONFIRMED  # the places it left at C
    assert outcome.promoted == [line]
