"""``{% next_closing_day %}``: the next published closing day for the home, district and
daycare-house pages. One query, then kept in the process until a staff save or the next
day (``page_cache.kept``), and its box rendered once per content version and day
(``page_cache.kept_html``)."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from ballerup_portal import page_cache
from ballerup_portal.templatetags.kept_fragments import refuse_while_keeping
from daycare.models import ClosingDay

register = template.Library()


def _next_day(today):
    return ClosingDay.objects.published().upcoming(today).order_by("date").first()


@register.simple_tag(takes_context=True)
def next_closing_day(context):
    refuse_while_keeping(context, "the next closing day (it depends on the date)")
    request = context.get("request")
    today = timezone.localdate()

    def render():
        day = page_cache.kept("next_closing_day", lambda: _next_day(today), request, key=today)
        return render_to_string("daycare/includes/next_closing_day.html", {"day": day})

    return page_cache.kept_html(request, ("next_closing_day", today), render)
