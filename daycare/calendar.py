"""Closing days as iCalendar (RFC 5545), for phones and calendar programs to subscribe to."""

from datetime import UTC, datetime, time, timedelta

from django.utils.translation import gettext as _

from core import icalendar
from core.dates import long_date


def closing_days_calendar(days, district=None):
    name = _("Lukkedage i dagtilbud, Ballerup Kommune")
    if district is not None:
        name = _("Lukkedage i dagtilbud, distrikt %(district)s") % {"district": district.name}
    # Subscribers are asked to look for changes twice a day.
    calendar = icalendar.new_calendar(
        "lukkedage", name, refresh=timedelta(hours=12), timezone_name="Europe/Copenhagen"
    )
    scope = district.slug if district is not None else "alle"
    for day in days:
        icalendar.add_event(
            calendar,
            uid=icalendar.uid("lukkedag", day.date.isoformat(), scope),
            stamp=_stamp(day),
            start=day.date,
            end=day.date + timedelta(days=1),
            summary=_("Lukkedag i dagtilbud: %(name)s") % {"name": day.name},
            description=_description(day, district),
            # Calendar apps update an event whose SEQUENCE grew since they last read it.
            sequence=getattr(day, "sequence", 0),
            last_modified=day.changed_at,
            transp="TRANSPARENT",
        )
    return calendar


def _stamp(day):
    return datetime.combine(day.date, time(0, 0), tzinfo=UTC)


def _description(day, district):
    lines = [_("Alle dagtilbud i Ballerup Kommune holder lukket %(date)s.") % {
        "date": long_date(day.date)}]  # fmt: skip
    if not day.alternative_care:
        lines.append(_("Der er ikke alternativ pasning denne dag."))
        return lines
    lines.append(_("Der er alternativ pasning."))
    for care in day.care_places.all():
        if district is not None and care.district_id != district.pk:
            continue
        houses = ", ".join(house.name for house in care.houses.all())
        lines.append(f"{care.district.name}: {houses}" + (f" ({care.note})" if care.note else ""))
    if day.signup_deadline:
        lines.append(_("Tilmelding senest %(date)s.") % {"date": long_date(day.signup_deadline)})
    if day.signup_text:
        lines.append(day.signup_text)
    if day.signup_url:
        lines.append(day.signup_url)
    return lines
