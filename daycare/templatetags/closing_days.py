"""``{% next_closing_day %}``: the next published closing day, in one query, for the home,
district and daycare-house pages."""

from django import template

from daycare.models import ClosingDay

register = template.Library()


@register.inclusion_tag("daycare/includes/next_closing_day.html")
def next_closing_day():
    return {"day": ClosingDay.objects.published().upcoming().order_by("date").first()}
