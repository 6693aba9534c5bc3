"""``{% next_closing_day %}``: the next published closing day for the home page, and with
districts (``{% next_closing_day districts %}``) on the district, house and daycare-unit
pages: the next closing day, the next day with alternative care when that is another
day, with the district's places and whether sign-up is still open, and the district's
calendar to subscribe to.

Read in one set of queries (values, no model instances), then kept in the process until
a staff save or the next day (``caching.kept.kept`` with today's date as its key), and
each box rendered once per content version, day, districts and host (``kept_html``):
nothing in it can outlive the day it was made for (the deadline "closes" at midnight).
What the box writes is made in Python once per box (``daycare.closing_day_text``), not
per row in its template."""

from django import template
from django.db.models import Q, Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.kept import kept
from caching.templatetags.kept_fragments import kept_html, refuse_while_keeping
from core.dates import week_number
from core.rows import demo_badge
from core.templatetags.navigation_tags import external_link
from daycare.closing_day_text import (
    Dates,
    DeadlineText,
    PlaceText,
    capfirst,
    district_addresses,
)
from daycare.models import ClosingDay

register = template.Library()

# What the box shows of a day, and of its places (``AlternativeCareQuerySet.places``).
FIELDS = ("pk", "date", "name", "alternative_care", "signup_deadline", "signup_text",
          "signup_url", "is_demo")  # fmt: skip
PLACE_FIELDS = ("care_places__district_id", "care_places__note", "care_places__houses__name",
                "care_places__houses__slug")  # fmt: skip


def _next_days(today):
    """One query: the next day and the next day with alternative care (the same row when
    it is both), the care day once per place and house."""
    upcoming = ClosingDay.objects.published().upcoming(today).order_by("date").values("date")
    rows = (
        ClosingDay.objects.filter(
            Q(date=Subquery(upcoming[:1]))
            | Q(date=Subquery(upcoming.filter(alternative_care=True)[:1]))
        )
        .order_by("date", "care_places__district_id", "care_places__houses__name")
        .values_list(*FIELDS, *PLACE_FIELDS)
    )
    days = {}
    for row in rows:
        day = days.get(row[0])
        if day is None:
            day = days[row[0]] = dict(zip(FIELDS, row, strict=False)) | {"places": {}}
        district_pk, note, house, slug = row[len(FIELDS) :]
        if day["alternative_care"] and district_pk is not None:
            place = day["places"].setdefault(district_pk, (None, note, []))
            if house is not None:
                place[2].append((house, slug))
    days = list(days.values())
    day = days[0] if days else None
    care_day = next((day for day in days if day["alternative_care"]), None)
    return day, care_day


def next_days(request, today):
    """``(next closing day, next closing day with alternative care)`` for ``today``, as
    dicts of ``FIELDS`` (the second with its ``places``: ``AlternativeCareQuerySet.places``).
    Kept in the process and shared by every request: read them, never change them."""
    return kept("next_closing_days", lambda: _next_days(today), request, key=today)


def box(day, care_day, districts, today):
    """The box's context: the days' texts, each district's place on the care day and
    its addresses, written once here."""
    dates = Dates()

    def shown(row):
        if row is None:
            return None
        return {
            "pk": row["pk"],
            "name": row["name"],
            "is_demo": row["is_demo"],
            "alternative_care": row["alternative_care"],
            "date_text": capfirst(dates(row["date"])),
            "week": week_number(row["date"]),
        }

    context = {
        "day": shown(day),
        "care_day": shown(care_day),
        "districts": districts,
        "demo_badge": demo_badge(),
    }
    if care_day is not None:
        deadline = care_day["signup_deadline"]
        signup_open = deadline is None or deadline >= today
        places = PlaceText(_("Alternativ pasning i distrikt %(name)s:"), districts)
        context["care_day"] |= {
            "other_day": care_day["pk"] != day["pk"],
            "places": places.lines(care_day["places"]),
            "deadline_text": DeadlineText(today, dates)(deadline),
            "signup_open": signup_open,
            "signup_text": care_day["signup_text"] if signup_open else "",
            "signup_link": (
                external_link(care_day["signup_url"], _("Tilmeld alternativ pasning"))
                if signup_open and care_day["signup_url"]
                else ""
            ),
        }
    district_addresses(districts)
    return context


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
        return render_to_string(
            "daycare/includes/next_closing_day.html",
            box(day, care_day, districts, today) | {"host": host},
        )

    key = ("next_closing_day", today, tuple(d.pk for d in districts), host)
    return kept_html(request, key, render)
