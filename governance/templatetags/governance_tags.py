"""``{% house_council institution %}`` on a house's page (one query, of one table),
``{% district_board district %}`` on a district's page (none: every district has its
board, at the district's own address under /bestyrelser/) and ``{% unit_boards
institution %}`` on an institution's page: the boards that cover it (Dagplejen: Hedegård's
and its own), from every board read once per content version (``caching.kept.kept``)."""

from collections import defaultdict

from django import template
from django.utils import timezone

from caching.kept import kept
from core.rows import demo_badge
from districts.constants import DAYCARE_TYPES
from governance.constants import CouncilRole
from governance.listing import board_addresses
from governance.models import Board, CouncilMember

register = template.Library()


@register.inclusion_tag("governance/includes/house_council.html")
def house_council(institution):
    roles = {value: str(label).lower() for value, label in CouncilRole.choices}
    today = timezone.localdate()
    # Every member the house has had, by role and name (the model's order after the
    # house, which is this one); the current ones picked here (a plain filter on the
    # house costs less to build than current()'s alternatives, and a house has had few).
    members = [
        member
        for member in CouncilMember.objects.filter(house_id=institution.pk)
        .order_by("role", "name")
        .values("name", "role", "is_demo", "term_start", "term_end")
        if CouncilMember.holds(member["term_start"], member["term_end"], today)
    ]
    for member in members:
        member["role_label"] = roles.get(member["role"], member["role"])
    demo = any(member["is_demo"] for member in members)
    return {
        "institution": institution,
        "members": members,
        "demo_badge": demo_badge() if demo else "",
    }


@register.inclusion_tag("governance/includes/district_board.html")
def district_board(district):
    return {"district": district}


def _boards():
    """Every board, district boards first: ``(name, address, district id, ids of the
    units it covers besides its district's)``, in two queries of plain values."""
    board_address = board_addresses()
    extra = defaultdict(set)
    for board_id, unit_id in Board.extra_units.through.objects.values_list(
        "board_id", "institution_id"
    ):
        extra[board_id].add(unit_id)
    return [
        (board["name"], board_address(board), board["district_id"], extra[board["pk"]])
        for board in Board.objects.values("pk", "name", "slug", "district_id", "district__slug")
    ]


def boards_covering(institution, request=None, districts=None):
    """The boards that cover ``institution``, district boards first: ``(name, address)``.
        A district's board covers its district's daycare units; any board covers the units
        it names besides (``Board.covers``). ``districts``: the institution's, when the page has
    read them already."""
    boards = kept("boards_with_units", _boards, request=request)
    districts = (
        {district.pk for district in (districts or institution.districts.all())}
        if institution.institution_type in DAYCARE_TYPES
        else set()
    )
    return [
        (name, address)
        for name, address, district_id, extra in boards
        if institution.pk in extra or district_id in districts
    ]


@register.inclusion_tag("governance/includes/unit_boards.html", takes_context=True)
def unit_boards(context, institution, districts=None):
    return {"boards": boards_covering(institution, context.get("request"), districts)}
