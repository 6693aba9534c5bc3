"""Closing days as iCalendar (RFC 5545), for phones and calendar programs to subscribe to."""

from datetime import UTC, timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.dates import long_date

# Stable across hosts and releases: a subscribed calendar updates its events instead
# of duplicating them.
UID_DOMAIN = "boern.ballerup.dk"


def closing_days_calendar(days, district=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Ballerup Kommune//Børneportal lukkedage//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = _("Lukkedage i dagtilbud, Ballerup Kommune")
    if district is not None:
        name = _("Lukkedage i dagtilbud, distrikt %(district)s") % {"district": district.name}
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    # Ask subscribers to look for changes twice a day.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    for day in days:
        calendar.add_component(_event(day, district))
    return calendar


def _event(day, district):
    event = Event()
    scope = district.slug if district is not None else "alle"
    event.add("uid", f"lukkedag-{day.date.isoformat()}-{scope}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(day))
    # Calendar apps update an event whose SEQUENCE grew since they last read it.
    event.add("sequence", getattr(day, "sequence", 0))
    event.add("last-modified", day.changed_at)
    event.add("dtstart", day.date)
    event.add("dtend", day.date + timedelta(days=1))
    event.add("summary", _("Lukkedag i dagtilbud: %(name)s") % {"name": day.name})
    event.add("transp", "TRANSPARENT")
    event.add("description", "\n".join(_description(day, district)))
    return event


def _stamp(day):
    from datetime import datetime, time

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
