"""Who may change what of the parent boards and house councils.

A district leader owns their district's board through their role (district leader of
that district): its members, meetings and minutes, the by-laws that apply only to
boards they lead, and the house councils of their district's houses. Dagplejen's own
board has no district: administrators keep it. Culture staff change nothing here.
"""

from django.db.models import Q

from core import permissions
from core.permissions import NOTHING
from districts.rules import institutions_in, led_district_ids

from .models import Board, BoardMeeting, Bylaws, CouncilMember, GovernanceText, Membership


def _led_boards(user):
    return Board.objects.filter(district__in=led_district_ids(user)).values("pk")


def _own_bylaws(user):
    """By-laws that apply to a board the user leads and to no other board."""
    others = Board.objects.exclude(district__in=led_district_ids(user)).values("pk")
    return Q(pk__in=Bylaws.objects.filter(boards__in=_led_boards(user)).values("pk")) & ~Q(
        pk__in=Bylaws.objects.filter(boards__in=others).values("pk")
    )


permissions.register(Board, change=lambda user: Q(pk__in=_led_boards(user)))
permissions.register(Membership, change=lambda user: Q(board__in=_led_boards(user)))
permissions.register(BoardMeeting, change=lambda user: Q(board__in=_led_boards(user)))
permissions.register(Bylaws, change=_own_bylaws)
permissions.register(
    CouncilMember, change=lambda user: Q(house__in=institutions_in(led_district_ids(user)))
)
permissions.register(GovernanceText, change=lambda user: NOTHING)
