"""The portal's one iCalendar (RFC 5545) builder: every feed (closing days, a culture
network's events, an institution's booked performances) is made here, so that each has
the same header, stable UIDs and an answer with the right type.

The ``icalendar`` package writes the text: CRLF line ends, lines folded at 75 octets
(never inside a UTF-8 letter), commas, semicolons and new lines escaped. Times are
written as the database holds them, in UTC (``…Z``), dates as dates: no VTIMEZONE is
needed.
"""

from django.http import HttpResponse
from icalendar import Calendar, Event

# Stable across hosts and releases: a subscribed calendar updates its events instead
# of duplicating them.
UID_DOMAIN = "boern.ballerup.dk"

CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(kind, *parts):
    """``kind-part-part@boern.ballerup.dk``: the same event keeps the same UID."""
    return "-".join(str(part) for part in (kind, *parts)) + f"@{UID_DOMAIN}"


def new_calendar(product, name, refresh=None, timezone_name=None):
    """An empty feed. ``product`` names the feed in PRODID ("lukkedage"), ``name`` is the
    title a calendar program shows; ``refresh`` (a ``timedelta``) asks subscribers to
    look for changes that often; ``timezone_name`` is the zone its dates are meant in."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Ballerup Kommune//Børneportal {product}//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", str(name))
    if timezone_name:
        calendar.add("x-wr-timezone", timezone_name)
    if refresh is not None:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", f"PT{int(refresh.total_seconds() // 3600)}H")
    return calendar


def add_event(
    calendar,
    uid,
    stamp,
    start,
    summary,
    end=None,
    location="",
    description=(),
    **properties,
):
    """Add one VEVENT. ``description`` is a list of lines (empty ones left out);
    ``properties`` are further properties by name (``sequence=2``,
    ``last_modified=…``, ``transp="TRANSPARENT"``), written in that order."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    for name, value in properties.items():
        if value is not None:
            event.add(name.replace("_", "-"), value)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", str(summary))
    if location:
        event.add("location", location)
    lines = [str(line) for line in description if line]
    if lines:
        event.add("description", "\n".join(lines))
    calendar.add_component(event)
    return event


def calendar_response(calendar):
    return HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
