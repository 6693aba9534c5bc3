"""``{% house_council institution %}`` on a house's page (one query, of one table),
``{% district_board district %}`` on a district's page (none: every district has its
board, at the district's own address under /bestyrelser/) and ``{% unit_boards
institution %}`` on an institution's page: the boards that cover it (Dagplejen: Hedegård's
and its own), from every board read once per content version (``caching.kept.kept``)."""

from django import template
from django.utils import timezone

from core.rows import demo_badge
from governance.constants import CouncilRole
from governance.listing import boards_covering
from governance.models import CouncilMember

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


@register.inclusion_tag("governance/includes/unit_boards.html", takes_context=True)
def unit_boards(context, institution, districts=None):
    return {"boards": boards_covering(institution, context.get("request"), districts)}
