"""Closing days as iCalendar (RFC 5545), for phones and calendar programs to subscribe to."""

from datetime import UTC, timedelta

from django.utils.translation import gettext as _

from core import icalendar
from daycare.closing_day_text import Dates


def closing_days_calendar(days, district=None):
    """The feed of ``days`` (``ClosingDayQuerySet.rows``, with only ``district``'s
    places when it is given)."""
    name = _("Lukkedage i dagtilbud, Ballerup Kommune")
    if district is not None:
        name = _("Lukkedage i dagtilbud, distrikt %(district)s") % {"district": district.name}
    # Subscribers are asked to look for changes twice a day.
    calendar = icalendar.new_calendar(
        "lukkedage", name, refresh=timedelta(hours=12), timezone_name="Europe/Copenhagen"
    )
    scope = district.slug if district is not None else "alle"
    texts = Texts(one_district=district is not None)
    for day in days:
        icalendar.add_event(
            calendar,
            # By the day's id: a day moved to another date stays the same event.
            uid=icalendar.uid("lukkedag", day["pk"], scope),
            stamp=_changed(day),
            start=day["date"],
            end=day["date"] + timedelta(days=1),
            summary=texts.summary % {"name": day["name"]},
            description=texts.description(day),
            # Calendar apps update an event whose SEQUENCE grew since they last read it.
            sequence=day["feed_sequence"],
            last_modified=_changed(day),
            transp="TRANSPARENT",
        )
    return calendar


def _changed(day):
    """When the day's entry last changed (its places included), in UTC: the DTSTAMP and
    LAST-MODIFIED, which stay put between changes (the feed's ETag too)."""
    return (day["feed_changed_at"] or day["changed_at"]).astimezone(UTC)


class Texts:
    """The events' texts, each translation looked up once per feed."""

    def __init__(self, one_district=False):
        self.one_district = one_district
        self.not_set = _("Stedet er endnu ikke fastlagt.")
        self.dates = Dates()
        self.summary = _("Lukkedag i dagtilbud: %(name)s")
        self.closed = _("Alle dagtilbud i Ballerup Kommune holder lukket %(date)s.")
        self.no_care = _("Der er ikke alternativ pasning denne dag.")
        self.care = _("Der er alternativ pasning.")
        self.deadline = _("Tilmelding senest %(date)s.")

    def description(self, day):
        lines = [self.closed % {"date": self.dates(day["date"])}]
        if not day["alternative_care"]:
            lines.append(self.no_care)
            if day["note"]:
                lines.append(day["note"])
            return lines
        lines.append(self.care)
        if self.one_district and not day["places"]:  # as the district's page says
            lines.append(self.not_set)
        for district_name, note, houses in day["places"].values():
            houses = ", ".join(name for name, _slug in houses)
            lines.append(f"{district_name}: {houses}" + (f" ({note})" if note else ""))
        if day["signup_deadline"]:
            lines.append(self.deadline % {"date": self.dates(day["signup_deadline"])})
        if day["signup_text"]:
            lines.append(day["signup_text"])
        if day["signup_url"]:
            lines.append(day["signup_url"])
        if day["note"]:
            lines.append(day["note"])
        return lines
