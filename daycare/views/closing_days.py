"""The closing days page and the calendar feeds parents subscribe to."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.icalendar import calendar_response
from daycare.calendar import closing_days_calendar
from daycare.closing_day_text import DayList, district_addresses
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
    rows = DayList(today, [district] if district else districts, folded=district is None)
    years, past = {}, []
    for day in ClosingDay.objects.shown(today).rows(district.pk if district else None):
        if day["date"] < today:
            past.append(rows.past(day))
        else:
            years.setdefault(day["date"].year, []).append(rows.coming(day))
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
