"""Demo closing days for a local run, proposed from the rules and published, with
alternative care in each district's first daycare house. Marked as demo data."""

from django.utils import timezone

from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay, ClosingDayRule
from daycare.models.closing_days import propose_closing_days
from districts.constants import DAYCARE_TYPES
from districts.models import District


def create():
    return create_closing_days()


def create_closing_days():
    if ClosingDay.objects.filter(is_demo=True).exists():
        return False
    year = timezone.localdate().year
    rules = ClosingDayRule.objects.all()
    days = propose_closing_days(rules, year) + propose_closing_days(rules, year + 1)
    ClosingDay.objects.filter(pk__in=[day.pk for day in days]).update(
        status=PublicationStatus.PUBLISHED,
        is_demo=True,
        signup_text="Demodata: tilmeld dit barn i dit barns børnehus.",
    )
    districts = list(District.objects.order_by("name").prefetch_related("institutions"))
    for day in ClosingDay.objects.filter(is_demo=True, alternative_care=True):
        day.signup_deadline = day.date - timezone.timedelta(days=21)
        day.save()
        for district in districts:
            houses = [i for i in district.institutions.all() if i.institution_type in DAYCARE_TYPES]
            if houses:
                care = AlternativeCare.objects.create(closing_day=day, district=district)
                care.houses.set(houses[:1])
    return True
