"""Ten times the bookable performances (``manage.py create_scale_data``): each of the
scale data's culture performances is made bookable with two showings, like the demo's."""

from datetime import timedelta

from ballerup_portal.scale_data import MARK
from culture.models import Event

from .models import AgeBand, Offer, Showing


def create(factor=10):
    """An offer with two showings, a day apart, for every performance the culture app's
    scale data added (``factor`` is culture's: it made the performances). Runs once:
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
