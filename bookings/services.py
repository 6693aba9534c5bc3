"""Booking, cancelling and moving places: the only code that changes a booking's status.

Every change takes the showing's row lock first (``SELECT … FOR UPDATE`` inside one
transaction), then counts the confirmed places and writes. Two requests for the last
places of a showing therefore queue on the lock on PostgreSQL instead of both reading
"room left": a showing is never overbooked, and the waiting list keeps the order the
requests got the lock in, which is the order they arrived at the database.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import mails
from .constants import BookingStatus
from .models import Booking, Showing


class BookingError(Exception):
    """A booking change that is not allowed; the message is shown to the user."""


@dataclass
class Outcome:
    booking: Booking
    promoted: list = field(default_factory=list)


def _locked_showing(showing_id):
    return (
        Showing.objects.select_for_update(of=("self",))
        .select_related("offer__event__network")
        .get(pk=showing_id)
    )


def _locked_booking(booking_id):
    """The booking with its showing's row locked; read again after the lock, since a
    parallel move may have changed its showing meanwhile."""
    while True:
        showing_id = Booking.objects.values_list("showing_id", flat=True).get(pk=booking_id)
        showing = _locked_showing(showing_id)
        booking = Booking.objects.get(pk=booking_id)
        if booking.showing_id == showing.pk:
            booking.showing = showing
            return booking


def free_places(showing, district_ids, today=None):
    """The places of ``showing`` an institution in ``district_ids`` may take now: those
    not confirmed, less what other districts' allotments still hold until released.
    A district's bookings use its own allotment first."""
    return free_places_by_showing([showing], [district_ids], today)[showing.pk]


def free_places_by_showing(showings, district_sets, today=None):
    """``{showing pk: places}``: for each of ``showings`` (of one offer) the most any of
    ``district_sets`` may take now (``free_places``), in three queries however many
    showings, allotments and district sets there are."""
    showings = list(showings)
    if not showings:
        return {}
    today = today or timezone.localdate()
    allotments = [a for a in showings[0].offer.allotments.all() if a.is_active(today)]
    confirmed = Booking.objects.filter(showing__in=showings, status=BookingStatus.CONFIRMED).values(
        "showing_id"
    )
    taken = dict(
        confirmed.annotate(taken=Sum(F("children") + F("adults"))).values_list(
            "showing_id", "taken"
        )
    )
    # A booking of a house in several districts counts against each one's allotment.
    used = {
        (showing_id, district_id): places
        for showing_id, district_id, places in confirmed.filter(
            institution__districts__in=[a.district_id for a in allotments]
        )
        .values("showing_id", "institution__districts")
        .annotate(places=Sum(F("children") + F("adults")))
        .values_list("showing_id", "institution__districts", "places")
    }
    free = {}
    for showing in showings:
        unbooked = showing.places - (taken.get(showing.pk) or 0)
        free[showing.pk] = max(
            unbooked
            - sum(
                max(a.places - used.get((showing.pk, a.district_id), 0), 0)
                for a in allotments
                if a.district_id not in district_ids
            )
            for district_ids in district_sets
        )
    return free


def _districts_of(institution):
    return set(institution.districts.values_list("pk", flat=True))


def _promote(showing, today=None, now=None):
    """Confirm the waiting bookings that fit, first come first served; none once the
    performance has begun (a place freed afterwards helps nobody, and "I har fået
    plads" would be a false mail)."""
    promoted = []
    if (now or timezone.now()) >= showing.starts_at:
        return promoted
    for waiting in showing.bookings.filter(status=BookingStatus.WAITING).in_line():
        if waiting.size <= free_places(showing, _districts_of(waiting.institution), today):
            waiting.status = BookingStatus.CONFIRMED
            waiting.save(update_fields=["status"])
            promoted.append(waiting)
    if promoted:  # now in the institution's calendar
        Booking.objects.filter(pk__in=[b.pk for b in promoted]).bump_feed()
    return promoted


def _notify(kind, bookings):
    """Hand the mails to the outbox in the same transaction as the change."""
    for booking in bookings:
        place = None
        if booking.status == BookingStatus.WAITING:
            place = waiting_positions([booking]).get(booking.pk)
        mails.enqueue(kind, booking, place)


def book(showing_id, institution, *, user=None, now=None, **details):
    """Book places of a showing for ``institution``; confirmed when they fit, else
    waiting. The waiting line is moved up first, so a new booking never takes places a
    waiting booking fits in. Raises ``BookingError`` with a Danish message and changes
    nothing when the showing is closed or not open to the institution."""
    now = now or timezone.now()
    with transaction.atomic():
        showing = _locked_showing(showing_id)
        offer = showing.offer
        if now < offer.booking_opens:
            raise BookingError(_("Der er ikke åbnet for booking af forestillingen endnu."))
        if now >= offer.booking_closes:
            raise BookingError(_("Bookingen af forestillingen er lukket."))
        if now >= showing.starts_at:
            raise BookingError(_("Opførelsen er allerede begyndt."))
        district_ids = _districts_of(institution)
        if not offer.is_open_for(institution, district_ids, timezone.localdate(now)):
            raise BookingError(
                _("Forestillingen er endnu kun åben for booking for andre institutioner.")
            )
        size = details.get("children", 0) + details.get("adults", 0)
        if size > showing.places:
            raise BookingError(
                ngettext(
                    "Opførelsen har kun %(places)s plads i alt, børn og voksne talt med.",
                    "Opførelsen har kun %(places)s pladser i alt, børn og voksne talt med.",
                    showing.places,
                )
                % {"places": showing.places}
            )
        # Those already waiting come first: places freed since the line last moved (more
        # places in the admin, a district's allotment released today) are theirs.
        promoted = _promote(showing, timezone.localdate(now), now)
        free = free_places(showing, district_ids, timezone.localdate(now))
        status = BookingStatus.CONFIRMED if size <= free else BookingStatus.WAITING
        made = timezone.now()
        booking = Booking.objects.create(
            showing=showing,
            institution=institution,
            status=status,
            created=made,
            queued_at=made,
            created_by=user,
            **details,
        )
        _notify("confirmed" if status == BookingStatus.CONFIRMED else "waiting", [booking])
        _notify("promoted", promoted)
    return Outcome(booking, promoted)


def cancel(booking_id, *, by_network=False, now=None):
    """Cancel a booking and confirm the first waiting bookings that fit in its places.

    An institution cancels until booking closes; the network at any time. Cancelling a
    cancelled booking changes nothing (a second click or a parallel request)."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked_booking(booking_id)
        showing = booking.showing
        if booking.status == BookingStatus.CANCELLED:
            return Outcome(booking)
        if not by_network and not booking.institution_may_cancel(now):
            raise BookingError(
                _("Bookingen er lukket, så den kan ikke længere aflyses her. Kontakt netværket.")
            )
        booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["status"])
        promoted = _promote(showing, timezone.localdate(now), now)
        if by_network:
            _notify("cancelled", [booking])
        _notify("promoted", promoted)
    return Outcome(booking, promoted)


def promote_waiting(showing_id):
    """Confirm the waiting bookings that fit now: after a district's allotment is
    released (``send_booking_reminders`` runs it daily) or the network changed the
    showing's places or the allotments in the admin."""
    with transaction.atomic():
        showing = _locked_showing(showing_id)
        promoted = _promote(showing)
        _notify("promoted", promoted)
    return promoted


def _locked_move(booking_id, to_showing_id):
    """``(booking, old showing, new showing)`` with both showings' rows locked, always in
    the same order, so two moves cannot deadlock (one row when it is moved to where it
    already is). The booking is read again after the locks: a parallel move may have
    taken it elsewhere meanwhile, and then the showing it is at now is locked instead."""
    while True:
        old_id = Booking.objects.values_list("showing_id", flat=True).get(pk=booking_id)
        locked = {pk: _locked_showing(pk) for pk in sorted({old_id, to_showing_id})}
        booking = Booking.objects.get(pk=booking_id)
        if booking.showing_id == old_id:
            booking.showing = locked[old_id]
            return booking, locked[old_id], locked[to_showing_id]


def tell_time_changed(showing_id, now=None):
    """The network changed the showing's time: every institution with a booking there,
    confirmed or waiting, gets "Tidspunktet er ændret" with the new time (once per
    change, by the outbox's key). None for a showing that has begun."""
    with transaction.atomic():
        showing = _locked_showing(showing_id)
        if (now or timezone.now()) >= showing.starts_at:
            return []
        bookings = list(
            showing.bookings.exclude(status=BookingStatus.CANCELLED)
            .select_related("institution")
            .in_line()
        )
        for booking in bookings:
            booking.showing = showing
        _notify("rescheduled", bookings)
    return bookings


def move(booking_id, to_showing_id):
    """Move a booking to another showing of the same performance (the network's job).
    It is confirmed there when it fits, else it waits there; its old places go to the
    old showing's waiting list."""
    with transaction.atomic():
        booking, old, new = _locked_move(booking_id, to_showing_id)
        if new.offer_id != old.offer_id:
            raise BookingError(_("Vælg en opførelse af samme forestilling."))
        if booking.status == BookingStatus.CANCELLED:
            raise BookingError(_("Bookingen er aflyst."))
        if old.pk == new.pk:
            return Outcome(booking)
        promoted = _promote(new)  # those already waiting there come first
        free = free_places(new, _districts_of(booking.institution))
        booking.showing = new
        booking.status = BookingStatus.CONFIRMED if booking.size <= free else BookingStatus.WAITING
        booking.queued_at = timezone.now()  # behind those already waiting there
        booking.save(update_fields=["showing", "status", "queued_at"])
        Booking.objects.filter(pk=booking.pk).bump_feed()  # its calendar event moved
        promoted += _promote(old)
        _notify("moved", [booking])
        _notify("promoted", promoted)
    return Outcome(booking, promoted)


def waiting_positions(bookings):
    """``{booking pk: place in line}`` for the waiting ones among ``bookings`` (one
    query for all their showings)."""
    showing_ids = {b.showing_id for b in bookings if b.status == BookingStatus.WAITING}
    if not showing_ids:
        return {}
    positions, counters = {}, {}
    line = Booking.objects.filter(showing__in=showing_ids, status=BookingStatus.WAITING)
    for showing_id, pk in line.in_line().values_list("showing_id", "pk"):
        counters[showing_id] = counters.get(showing_id, 0) + 1
        positions[pk] = counters[showing_id]
    return positions
