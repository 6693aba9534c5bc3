"""The closing days page and the calendar feeds parents subscribe to."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.icalendar import calendar_response
from core.templatetags.navigation_tags import external_link
from daycare.calendar import closing_days_calendar
from daycare.closing_day_text import (
    Dates,
    DeadlineText,
    PlaceText,
    date_texts,
    district_addresses,
    published_text,
)
from daycare.models import ClosingDay
from districts.models import District


def closing_days(request, district_slug=None):
    """Every district's closing days, or one district's (``/lukkedage/<district>/``):
    the calendar to subscribe to first, then the days, each with where alternative care
    is offered in every district (folded away in the all-districts view, so that it
    stays short on a phone) or in the chosen one; a district without a place says it
    is not set yet."""
    today = timezone.localdate()
    districts = list(District.objects.order_by("name"))
    district = None
    if district_slug is not None:
        district = next((d for d in districts if d.slug == district_slug), None)
        if district is None:
            raise Http404
    district_addresses(districts)
    shown = [district] if district is not None else districts
    days = ClosingDay.objects.shown(today).rows(district.pk if district else None)
    dates = Dates()
    place_text = PlaceText(_("Distrikt %(name)s:"), shown)
    deadline_text = DeadlineText(today, dates)
    signup = _("Tilmeld alternativ pasning")
    upcoming, past = [], []
    for day in days:
        date_texts(day, dates)
        if day["date"] < today:
            past.append(day)
            continue
        if day["alternative_care"]:
            day["places_html"] = SafeString(
                "".join(f"<li>{line}</li>" for line in place_text.lines(day["places"]))
            )
            day["deadline_text"] = deadline_text(day["signup_deadline"])
            if day["signup_url"]:
                day["signup_link"] = external_link(day["signup_url"], signup)
        day["published_text"] = published_text(day, dates)
        upcoming.append(day)
    years = {}
    for day in upcoming:
        years.setdefault(day["date"].year, []).append(day)
    context = {
        "years": sorted(years.items()),
        "past": past,
        "districts": districts,
        "district": district,
        "host": request.get_host(),
    }
    return render(request, "daycare/closingday_list.html", context)


def feed(request, district_slug=None):
    district = None
    if district_slug is not None:
        district = get_object_or_404(District, slug=district_slug)
    days = ClosingDay.objects.shown().rows(district.pk if district else None)
    calendar = closing_days_calendar(days, district)
    response = calendar_response(calendar)
    filename = f"lukkedage-{district.slug}.ics" if district else "lukkedage.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
