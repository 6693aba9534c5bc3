"""Who may book, and whose bookings a user may see and change.

- An institution books through a staff account linked to a person who holds a role at
  it: its pedagogical leader, or a kulturkontaktperson a district leader appointed. They
  book for that institution only and see its bookings.
- The culture network's members (coordinator and ambassadors, by their seat) keep their
  own network's offers, showings and steps and manage the bookings of its performances.
- Administrators may do everything. District leaders appoint the contact persons
  (``districts.rules``) but book nothing themselves unless they hold such a role.
"""

from django.db.models import Q

from core import permissions
from core.permissions import NOTHING, cached_on_user
from culture.rules import held_network_ids
from districts.constants import RoleType
from districts.models import Role

from .models import (
    AgeBand,
    Allotment,
    Booking,
    CalendarFeed,
    Evaluation,
    Offer,
    ReservationStep,
    Showing,
)

BOOKING_ROLE_TYPES = (RoleType.PEDAGOGICAL_LEADER, RoleType.CULTURE_CONTACT)


def bookable_institution_ids(user):
    """The institutions ``user`` books for (once per request)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return frozenset()
    return cached_on_user(
        user,
        "bookings:institutions",
        lambda: frozenset(
            Role.objects.filter(
                person__user=user,
                role_type__in=BOOKING_ROLE_TYPES,
                institution__isnull=False,
            ).values_list("institution_id", flat=True)
        ),
    )


def may_book_for(user, institution):
    if permissions.is_administrator(user):
        return True
    return institution.pk in bookable_institution_ids(user)


def may_manage_offer(user, offer):
    """Members of the offer's network, and administrators."""
    if permissions.is_administrator(user):
        return True
    return offer.event.network_id in held_network_ids(user)


def managed_offers(user):
    offers = Offer.objects.all()
    if permissions.is_administrator(user):
        return offers
    return offers.filter(event__network__in=held_network_ids(user))


def _booking_rows(user):
    """The institution's own bookings and the bookings of the user's networks."""
    return Q(institution__in=bookable_institution_ids(user)) | Q(
        showing__offer__event__network__in=held_network_ids(user)
    )


def may_view_booking(user, booking):
    if permissions.is_administrator(user):
        return True
    return booking.institution_id in bookable_institution_ids(
        user
    ) or booking.showing.offer.event.network_id in held_network_ids(user)


def may_cancel_as_institution(user, booking):
    return booking.institution_id in bookable_institution_ids(user)


def may_manage_booking(user, booking):
    return may_manage_offer(user, booking.showing.offer)


def _own_network_offers(user):
    return Q(event__network__in=held_network_ids(user))


def _own_network_offer_rows(user):
    return Q(offer__event__network__in=held_network_ids(user))


permissions.register(Offer, change=_own_network_offers)
for model in (Showing, ReservationStep, Allotment):
    permissions.register(model, change=_own_network_offer_rows)
permissions.register(Booking, change=_booking_rows)
permissions.register(
    Evaluation,
    change=lambda user: Q(booking__institution__in=bookable_institution_ids(user)),
    view=lambda user: (
        Q(booking__institution__in=bookable_institution_ids(user))
        | Q(booking__showing__offer__event__network__in=held_network_ids(user))
    ),
)
for model in (AgeBand, CalendarFeed):
    permissions.register(model, change=lambda user: NOTHING)
