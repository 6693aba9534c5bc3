"""The closing days page and the calendar feeds parents subscribe to."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from daycare.calendar import closing_days_calendar
from daycare.models import ClosingDay
from districts.models import District


def shown_days():
    """This year's and next year's published closing days, with where care is offered."""
    year = timezone.localdate().year
    return ClosingDay.objects.published().in_years(year, year + 1).with_alternative_care()


def with_changes(days):
    """Each day's changes since it was published, from one read of their history."""
    records = {}
    history = ClosingDay.history.filter(id__in=[day.pk for day in days]).order_by("history_date")
    for record in history:
        records.setdefault(record.id, []).append(record)
    for day in days:
        day.changed_fields, day.sequence = day.changes_since_publication(records.get(day.pk, []))
    return days


def closing_days(request):
    today = timezone.localdate()
    days = with_changes(list(shown_days()))
    upcoming = [day for day in days if day.date >= today]
    years = {}
    for day in upcoming:
        years.setdefault(day.date.year, []).append(day)
    districts = list(District.objects.order_by("name"))
    for day in upcoming:
        # Parents of a district with no place yet are told so, not left to guess.
        placed = {care.district_id for care in day.care_places.all()}
        day.unplaced = [d.name for d in districts if d.pk not in placed]
    context = {
        "years": sorted(years.items()),
        "past": [day for day in days if day.date < today],
        "districts": districts,
    }
    return render(request, "daycare/closingday_list.html", context)


def feed(request, district_slug=None):
    district = None
    if district_slug is not None:
        district = get_object_or_404(District, slug=district_slug)
    calendar = closing_days_calendar(with_changes(list(shown_days())), district)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = f"lukkedage-{district.slug}.ics" if district else "lukkedage.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
