"""``{% next_closing_day %}``: the next published closing day for the home page, and with
districts (``{% next_closing_day districts %}``) on the district, house and daycare-unit
pages: the next closing day, the next day with alternative care when that is another
day, with the district's places and whether sign-up is still open, and the district's
calendar to subscribe to.

Read in one set of queries, then kept in the process until a staff save or the next day
(``caching.kept.kept`` with today's date as its key), and each box rendered once per
content version, day, districts and host (``kept_html``): nothing in it can
outlive the day it was made for (the deadline "closes" at midnight)."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from caching.kept import kept
from caching.templatetags.kept_fragments import kept_html, refuse_while_keeping
from daycare.models import ClosingDay

register = template.Library()


def _next_days(today):
    upcoming = ClosingDay.objects.published().upcoming(today).order_by("date")
    day = upcoming.first()
    care_day = None
    if day is not None:
        care_day = upcoming.filter(alternative_care=True).with_alternative_care().first()
    return day, care_day


def next_days(request, today):
    """``(next closing day, next closing day with alternative care)`` for ``today``."""
    return kept("next_closing_days", lambda: _next_days(today), request, key=today)


def care_in(care_day, districts):
    """``[(district, AlternativeCare or None)]``: where ``care_day`` offers alternative
    care in each of ``districts`` (``None``: not set yet)."""
    if care_day is None:
        return []
    places = {care.district_id: care for care in care_day.care_places.all()}
    return [(district, places.get(district.pk)) for district in districts]


@register.simple_tag(takes_context=True)
def next_closing_day(context, districts=None):
    refuse_while_keeping(context, "the next closing day (it depends on the date)")
    request = context.get("request")
    today = timezone.localdate()
    if districts is None:
        districts = []
    elif hasattr(districts, "pk"):  # one district
        districts = [districts]
    else:
        districts = list(districts)
    host = request.get_host() if request is not None else ""

    def render():
        day, care_day = next_days(request, today)
        signup_open = bool(
            care_day and (care_day.signup_deadline is None or care_day.signup_deadline >= today)
        )
        return render_to_string(
            "daycare/includes/next_closing_day.html",
            {
                "day": day,
                "care_day": care_day,
                "places": care_in(care_day, districts),
                "signup_open": signup_open,
                "districts": districts,
                "host": host,
            },
        )

    key = ("next_closing_day", today, tuple(d.pk for d in districts), host)
    return kept_html(request, key, render)
