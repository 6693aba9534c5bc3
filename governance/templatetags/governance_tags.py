"""``{% house_council institution %}`` on a house's page (one query),
``{% district_board district %}`` on a district's page (none: every district has its
board, at the district's own address under /bestyrelser/) and ``{% unit_boards
institution %}`` on an institution's page: the boards that cover it (Dagplejen: Hedegård's
and its own), from every board read once per content version (``caching.kept.kept``)."""

from django import template
from django.db.models import Prefetch

from caching.kept import kept
from districts.models import Institution
from governance.models import Board, CouncilMember

register = template.Library()


@register.inclusion_tag("governance/includes/house_council.html")
def house_council(institution):
    members = list(CouncilMember.objects.current().filter(house=institution))
    return {"institution": institution, "members": members}


@register.inclusion_tag("governance/includes/district_board.html")
def district_board(district):
    return {"district": district}


def _boards():
    boards = Board.objects.select_related("district").prefetch_related(
        Prefetch("extra_units", queryset=Institution.objects.only("pk"))
    )
    return [(board, {unit.pk for unit in board.extra_units.all()}) for board in boards]


def boards_covering(institution, request=None):
    """The boards that cover ``institution``, district boards first."""
    boards = kept("boards_with_units", _boards, request=request)
    return [board for board, extra in boards if board.covers(institution, extra)]


@register.inclusion_tag("governance/includes/unit_boards.html", takes_context=True)
def unit_boards(context, institution):
    return {"boards": boards_covering(institution, context.get("request"))}
