"""Shared test data for the booking tests: the demo offers and bookings made through the
booking service, as the pages make them."""

from django.contrib.auth import get_user_model

from bookings import services
from bookings.models import CalendarFeed, Offer, Showing
from districts.models import Institution

DETAILS = {
    "group_name": "Rødstuen",
    "children": 18,
    "adults": 3,
    "contact_name": "Anne Demo-Jensen",
    "contact_phone": "44 77 00 00",
    "contact_email": "roedstuen@valhalla.invalid",
}


def offer_of(slug):
    """The demo performance of the network of district ``slug``."""
    return Offer.objects.select_related("event__network__district").get(
        event__network__district__slug=slug
    )


def first_showing(slug):
    return Showing.objects.filter(offer=offer_of(slug)).order_by("starts_at").first()


def institution(slug):
    return Institution.objects.get(slug=slug)


def book(showing, institution_slug="boernehuset-valhalla", **details):
    return services.book(showing.pk, institution(institution_slug), **(DETAILS | details)).booking


def calendar_of(username="kontakt-valhalla", institution_slug="boernehuset-valhalla"):
    """The private booking calendar of contact person ``username`` for the institution."""
    return CalendarFeed.objects.create(
        institution=institution(institution_slug),
        user=get_user_model().objects.get(username=username),
    )
