"""``{% subscribe_box %}``: the e-mail sign-up box on the district page, the house page
and /lukkedage/. It asks the database nothing: the page has the district or house (and
the house its districts, prefetched) already."""

from django import template

from notify import choices

register = template.Library()


@register.inclusion_tag("notify/includes/subscribe_box.html")
def subscribe_box(district=None, house=None, districts=None):
    if house is not None:
        offered = choices.for_house(
            house, house.districts.all() if districts is None else districts
        )
    elif district is not None:
        offered = choices.for_district(district)
    else:
        offered = choices.for_closing_days(districts or [])
    return {"offered": offered, "prefix": "besked"}
