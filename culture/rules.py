"""Who may change what in the culture networks.

A staff member owns a network by holding one of its seats (coordinator or ambassador):
they keep its meetings, projects, events and presentation current, and nothing of
another network. Kulturtjenesten's own texts, organisations and facilitators, and which
networks exist, are the administrators'. District leaders see their district's network;
keeping it is the ambassadors' job (the brochure gives it to them).
"""

from django.db.models import Q

from core import permissions
from core.permissions import NOTHING, cached_on_user
from districts.rules import led_district_ids

from .models import (
    CultureService,
    Event,
    Facilitator,
    Meeting,
    Network,
    Organisation,
    Project,
    Seat,
)


def held_network_ids(user):
    """The networks in which ``user`` holds a seat (once per request)."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    return cached_on_user(
        user,
        "culture:networks",
        lambda: frozenset(
            Seat.objects.filter(person__user=user).values_list("network_id", flat=True)
        ),
    )


def _own_network_rows(user):
    return Q(network__in=held_network_ids(user))


permissions.register(
    Network,
    change=lambda user: Q(pk__in=held_network_ids(user)),
    # Members see their own network; a district leader sees their district's.
    view=lambda user: Q(pk__in=held_network_ids(user)) | Q(district__in=led_district_ids(user)),
)
for model in (Meeting, Project, Event):
    permissions.register(model, change=_own_network_rows)
# Who holds a seat is decided with the institutions and appointed by an administrator;
# the members see their network's seats.
permissions.register(Seat, change=lambda user: NOTHING, view=_own_network_rows)
for model in (CultureService, Organisation, Facilitator):
    permissions.register(model, change=lambda user: NOTHING)
