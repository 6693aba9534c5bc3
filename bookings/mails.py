"""The booking mails, put in the shared outbox (``outbox``) inside the transaction that
changes the booking: a booking that is rolled back sends nothing, and the outbox's key
makes a retried request send nothing twice.

Kinds: ``confirmed`` and ``waiting`` (the booking was received), ``promoted`` (moved up
from the waiting list), ``cancelled`` (cancelled by the network), ``moved`` (to another
showing) and ``reminder`` (two days before, ``manage.py send_booking_reminders``).
"""

from django.conf import settings
from django.urls import reverse

import outbox

# Kinds that can happen again, each time with a save of the booking (a move back and
# forth, promoted again after it): keyed by that save's history row too.
PER_SAVE = {"promoted", "moved"}
# Once per showing the booking is at.
PER_SHOWING = {"reminder"}


def key(kind, booking):
    if kind in PER_SAVE:
        saved = booking.history.order_by("-history_id").values_list("history_id", flat=True)
        return f"booking:{booking.pk}:{kind}:{booking.showing_id}:{saved.first()}"
    if kind in PER_SHOWING:
        return f"booking:{booking.pk}:{kind}:{booking.showing_id}"
    return f"booking:{booking.pk}:{kind}"


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
