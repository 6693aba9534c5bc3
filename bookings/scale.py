"""Ten times the bookable performances and the bookings (``manage.py create_scale_data``):
each of the scale data's culture performances is made bookable with two showings, like the
demo's, and each booking gets (factor − 1) confirmed copies at those showings."""

from datetime import timedelta

from core.scale_data import MARK
from culture.models import Event

from .constants import BookingStatus
from .models import AgeBand, Booking, Offer, Showing


def create(factor=10):
    added = create_offers()
    added |= create_bookings(factor)
    return added


def create_offers():
    """An offer with two showings, a day apart, for every performance the culture app's
    scale data added (ten times the demo's when culture's factor was ten). Runs once:
    performances with an offer are left alone."""
    events = Event.objects.filter(title__startswith=f"{MARK} forestilling", offer__isnull=True)
    bands = list(AgeBand.objects.order_by("pk")[:2])
    added = False
    for n, event in enumerate(events.order_by("pk")):
        offer = Offer.objects.create(
            event=event,
            booking_opens=event.starts_at - timedelta(days=60),
            booking_closes=event.starts_at - timedelta(days=7),
        )
        offer.audience.set(bands[n % 2 :])
        for offset in (0, 1):
            Showing.objects.create(
                offer=offer,
                starts_at=event.starts_at + timedelta(days=offset),
                venue=event.venue,
                places=40,
            )
        added = True
    return added


def create_bookings(factor):
    """(factor − 1) confirmed bookings per existing booking, by the same institution, at
    the scale data's showings (one each). Runs once."""
    if Booking.objects.filter(group_name__startswith=MARK).exists():
        return False
    showings = list(
        Showing.objects.filter(offer__event__title__startswith=f"{MARK} forestilling").order_by(
            "starts_at", "pk"
        )
    )
    bookings = list(Booking.objects.order_by("pk"))
    for n, (booking, _copy) in enumerate((b, c) for b in bookings for c in range(factor - 1)):
        if not showings:
            break
        Booking.objects.create(
            showing=showings[n % len(showings)],
            institution=booking.institution,
            group_name=f"{MARK} gruppe {n + 1}",
            children=booking.children,
            adults=booking.adults,
            contact_name=booking.contact_name,
            contact_phone=booking.contact_phone,
            contact_email=booking.contact_email,
            status=BookingStatus.CONFIRMED,
            is_demo=True,
        )
    return bool(bookings and showings)
