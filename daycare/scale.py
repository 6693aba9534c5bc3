"""Ten times the daycare app's closing days (with alternative care) and inspection
reports (``manage.py create_scale_data``). A database without any (the seed only, as the
benchmark's) counts as having the demo's: ten closing days a year, a report per unit."""

import datetime

import holidays
from django.core.files.base import ContentFile
from django.utils import timezone

from core.scale_data import MARK
from districts.constants import DAYCARE_TYPES
from districts.models import District

from .constants import PublicationStatus
from .demo import demo_pdf
from .models import AlternativeCare, ClosingDay, InspectionReport
from .models.inspection import inspected_units


def free_weekdays(today):
    """This year's and next year's weekdays that are neither a holiday nor a closing day:
    first those from today on, then those before it, latest first."""
    years = (today.year, today.year + 1)
    public_holidays = holidays.Denmark(years=years)
    taken = set(ClosingDay.objects.in_years(*years).values_list("date", flat=True))
    day, last = datetime.date(today.year, 1, 1), datetime.date(today.year + 1, 12, 31)
    free = []
    while day <= last:
        if day.weekday() < 5 and day not in public_holidays and day not in taken:
            free.append(day)
        day += datetime.timedelta(days=1)
    return [d for d in free if d >= today] + [d for d in reversed(free) if d < today]


def create_closing_days(factor):
    """(factor − 1) published demo closing days per existing one, on free weekdays of
    this year and next; every third with alternative care in each district's first two
    daycare houses. Runs once."""
    if ClosingDay.objects.filter(name__startswith=MARK).exists():
        return False
    today = timezone.localdate()
    wanted = (ClosingDay.objects.count() or 20) * (factor - 1)
    districts = list(District.objects.order_by("name").prefetch_related("institutions"))
    houses = {
        d.pk: [i for i in d.institutions.all() if i.institution_type in DAYCARE_TYPES][:2]
        for d in districts
    }
    added = False
    for n, date in enumerate(free_weekdays(today)[:wanted]):
        care = n % 3 == 0
        day = ClosingDay.objects.create(
            date=date,
            name=f"{MARK} lukkedag {n + 1}",
            alternative_care=care,
            signup_deadline=date - datetime.timedelta(days=21) if care else None,
            signup_text="Demodata: tilmeld dit barn i dit barns børnehus." if care else "",
            status=PublicationStatus.DRAFT,
            is_demo=True,
        )
        added = True
        if care:
            for district in districts:
                if houses[district.pk]:
                    place = AlternativeCare.objects.create(closing_day=day, district=district)
                    place.houses.set(houses[district.pk])
        # Published with its places, as a leader would: no change since publication.
        day.publish()
    return added


def create_inspection_reports(factor):
    """(factor − 1) published demo reports per existing one, over every inspected unit
    (the scale data's houses too), a visit every few days back from today. Each has its
    own small valid PDF. Runs once."""
    if InspectionReport.objects.filter(summary__startswith=f"{MARK} rapport").exists():
        return False
    today = timezone.localdate()
    units = list(inspected_units().order_by("name"))
    seeded = [unit for unit in units if not unit.name.startswith(MARK)]
    wanted = (InspectionReport.objects.count() or len(seeded)) * (factor - 1)
    if not units:
        return False
    taken = set(InspectionReport.objects.values_list("unit_id", "visit_date"))
    pdf = demo_pdf(f"{MARK.upper()} - tilsynsrapport", ["Dette er ikke en rigtig tilsynsrapport."])
    for n in range(wanted):
        unit = units[n % len(units)]
        visit = today - datetime.timedelta(days=10 + 3 * n)
        while (unit.pk, visit) in taken:
            visit -= datetime.timedelta(days=1)
        taken.add((unit.pk, visit))
        report = InspectionReport(
            unit=unit,
            visit_date=visit,
            announced=n % 3 != 0,
            summary=f"{MARK} rapport {n + 1}: ikke et rigtigt tilsyn.",
            published=True,
            is_demo=True,
        )
        report.pdf.save("demo.pdf", ContentFile(pdf), save=False)
        report.save()
    return wanted > 0


def create(factor=10):
    added = create_closing_days(factor)
    added |= create_inspection_reports(factor)
    return added
