from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add, add_user_links
from bookings import rules
from core import permissions
from culture.rules import held_network_ids

# Performances are culture's offers: their lists are under "Kultur".
add("kultur", ["bookings.Offer", "bookings.AgeBand"])


def booking_links(user):
    """The booking pages this staff member uses: their institutions' bookings, the
    networks' bookings."""
    links = []
    if rules.bookable_institution_ids(user):
        links.append((reverse("bookings:our_bookings"), _("Vores bookinger")))
    if held_network_ids(user) or permissions.is_administrator(user):
        links.append((reverse("bookings:network_overview"), _("Netværkets bookinger")))
    return links


add_user_links(20, booking_links)
