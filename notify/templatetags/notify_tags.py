"""``{% subscribe_box %}``: the e-mail sign-up box on the district page, the house page
and /lukkedage/. It asks the database nothing: the page has the district or house (and
the house its districts, prefetched) already, and the boards (a house's: those that cover
it, as its board box shows them; a district's: its own) are the rows every page keeps
per content version (``governance.listing``), which the house page's board box has read."""

from django import template

from notify import choices

register = template.Library()


@register.inclusion_tag("notify/includes/subscribe_box.html", takes_context=True)
def subscribe_box(context, district=None, house=None, districts=None):
    request = context.get("request")
    if house is not None:
        offered = choices.for_house(
            house, house.districts.all() if districts is None else districts, request
        )
    elif district is not None:
        offered = choices.for_districts([district], request)
    else:
        offered = choices.for_closing_days(districts or [])
    return {"offered": offered, "prefix": "besked"}
