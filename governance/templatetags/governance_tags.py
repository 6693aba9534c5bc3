"""``{% house_council institution %}`` on a house's page (one query) and
``{% district_board district %}`` on a district's page (none: every district has its
board, at the district's own address under /bestyrelser/)."""

from django import template

from governance.models import CouncilMember

register = template.Library()


@register.inclusion_tag("governance/includes/house_council.html")
def house_council(institution):
    members = list(CouncilMember.objects.current().filter(house=institution))
    return {"institution": institution, "members": members}


@register.inclusion_tag("governance/includes/district_board.html")
def district_board(district):
    return {"district": district}
