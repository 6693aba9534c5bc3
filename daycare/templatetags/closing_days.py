"""``{% next_closing_day %}``: the next published closing day for the home, district and
daycare-house pages. One query, then kept in the process until a staff save or the next
day (``page_cache.kept``)."""

from django import template
from django.utils import timezone

from ballerup_portal import page_cache
from daycare.models import ClosingDay

register = template.Library()


def _next_day(today):
    return ClosingDay.objects.published().upcoming(today).order_by("date").first()


@register.inclusion_tag("daycare/includes/next_closing_day.html", takes_context=True)
def next_closing_day(context):
    today = timezone.localdate()
    day = page_cache.kept(
        "next_closing_day", lambda: _next_day(today), request=context.get("request"), key=today
    )
    return {"day": day}
