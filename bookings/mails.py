"""The booking mails, put in the shared outbox (``outbox``) inside the transaction that
changes the booking: a booking that is rolled back sends nothing, and the outbox's key
makes a retried request send nothing twice.

Kinds: ``confirmed`` and ``waiting`` (the booking was received), ``promoted`` (moved up
from the waiting list), ``cancelled`` (cancelled by the network), ``moved`` (to another
showing), ``rescheduled`` (the network changed the showing's time: "Tidspunktet er
ændret") and ``reminder`` (two days before, ``manage.py send_booking_reminders``).
"""

import datetime

from django.conf import settings
from django.urls import reverse

import outbox

# Kinds that can happen again, each time with a save of the booking (a move back and
# forth, promoted again after it): keyed by that save's history row too.
PER_SAVE = {"promoted", "moved"}
# Once per showing the booking is at and time the showing starts: a showing postponed
# after its reminder was sent is reminded of again before its new time.
PER_START = {"reminder"}


def start_key(starts_at):
    """A showing's start as it is written in a key: UTC, to the minute."""
    return starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%MZ")


def key(kind, booking):
    if kind in PER_SAVE:
        saved = booking.history.order_by("-history_id").values_list("history_id", flat=True)
        return f"booking:{booking.pk}:{kind}:{booking.showing_id}:{saved.first()}"
    if kind in PER_START:
        return f"{legacy_reminder_key(booking)}:{start_key(booking.showing.starts_at)}"
    if kind == "rescheduled":
        # Per change of the showing's time (its history row): a time changed back and
        # forth is told each time, a retried save once.
        showing = booking.showing
        saved = showing.history.order_by("-history_id").values_list("history_id", flat=True)
        return (
            f"booking:{booking.pk}:{kind}:{showing.pk}:{start_key(showing.starts_at)}"
            f":{saved.first()}"
        )
    return f"booking:{booking.pk}:{kind}"


def legacy_reminder_key(booking):
    """The reminder's key before the start was part of it (booking and showing only)."""
    return f"booking:{booking.pk}:reminder:{booking.showing_id}"


def enqueue(kind, booking, waiting_place=None):
    showing = booking.showing
    context = {
        "kind": kind,
        "booking": booking,
        "showing": showing,
        "event": showing.offer.event,
        "network": showing.offer.event.network,
        "waiting_place": waiting_place,
        "our_bookings_url": settings.SITE_URL + reverse("bookings:our_bookings"),
        "offer_url": settings.SITE_URL + showing.offer.get_absolute_url(),
    }
    outbox.enqueue(
        key=key(kind, booking),
        to=booking.contact_email,
        **outbox.render("bookings/mail/booking", context),
    )
