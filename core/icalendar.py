"""The portal's one iCalendar (RFC 5545) builder: every feed (closing days, a culture
network's events, an institution's booked performances) is made here, so that each has
the same header, stable UIDs and an answer with the right type.

The text is the ``icalendar`` package's, byte for byte: CRLF line ends, lines folded at
75 octets (never inside a UTF-8 letter, never after a backslash), commas, semicolons and
new lines escaped, the properties in its order. Times are written as the database holds
them, in UTC (``…Z``), dates as dates: no VTIMEZONE is needed.

The package builds a property object per value and folds every line letter by letter,
which made it most of a feed's time; so the values feeds use (text, whole numbers, dates
and UTC times) are written here, and any other value by the package itself
(``tests/portal/test_icalendar.py`` holds both writers to the same bytes).
"""

from datetime import UTC, date, datetime

from django.http import HttpResponse
from icalendar import Calendar, Event
from icalendar.caselessdict import canonsort_keys
from icalendar.prop import vDDDTypes, vInt, vText

# Stable across hosts and releases: a subscribed calendar updates its events instead
# of duplicating them.
UID_DOMAIN = "boern.ballerup.dk"

CONTENT_TYPE = "text/calendar; charset=utf-8"

# RFC 5545: a line is folded before it grows beyond 75 octets (the package folds at 74,
# so that with the fold's leading space a continuation line is at most 75).
FOLD_AT = 74


def uid(kind, *parts):
    """``kind-part-part@boern.ballerup.dk``: the same event keeps the same UID."""
    return "-".join(str(part) for part in (kind, *parts)) + f"@{UID_DOMAIN}"


class Component:
    """A VCALENDAR or a VEVENT (``kind``: the package's ``Calendar`` or ``Event``): its
    properties as content lines, written as the package writes them (``to_ical``)."""

    def __init__(self, kind):
        self.kind = kind
        self.properties = {}
        self.subcomponents = []

    def add(self, name, value, parameters=None):
        name = name.upper()
        line = _fast_line(self.kind, name, value) if parameters is None else None
        if line is None:
            line = _package_line(self.kind, name, value, parameters)
        self.properties.setdefault(name, []).append(line)

    def add_component(self, component):
        self.subcomponents.append(component)

    def content_lines(self, lines):
        lines.append(f"BEGIN:{self.kind.name}".encode())
        for name in canonsort_keys(self.properties, self.kind.canonical_order):
            lines.extend(fold(line) for line in self.properties[name])
        for component in self.subcomponents:
            component.content_lines(lines)
        lines.append(f"END:{self.kind.name}".encode())
        return lines

    def to_ical(self):
        return b"\r\n".join(self.content_lines([])) + b"\r\n"


def _fast_line(kind, name, value):
    """The content line of a plain value, or ``None`` for the package to write."""
    value_type = type(value)
    if value_type is str:
        if _value_type(kind, name) is vText:
            return f"{name}:{escape(value)}"
    elif value_type is int:
        if _value_type(kind, name) is vInt:
            return f"{name}:{value}"
    elif value_type is date:
        if _value_type(kind, name, "DATE") is vDDDTypes:
            return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    elif value_type is datetime and value.tzinfo is UTC and _value_type(kind, name) is vDDDTypes:
        return (
            f"{name}:{value.year:04}{value.month:02}{value.day:02}"
            f"T{value.hour:02}{value.minute:02}{value.second:02}Z"
        )
    return None


# The package's value type of each property name (and VALUE), looked up once per process:
# a fact of the package, not of the data.
_value_types = {}


def _value_type(kind, name, value=None):
    key = (kind, name, value)
    found = _value_types.get(key)
    if found is None:
        found = _value_types[key] = kind.types_factory.for_property(name, value)
    return found


def _package_line(kind, name, value, parameters):
    """The content line the package writes for ``value`` (unfolded)."""
    component = kind()
    component.add(name, value, parameters=parameters)
    (line,) = [line for line in component.content_lines() if line][1:-1]
    return str(line)


def escape(text):
    """RFC 5545 TEXT escaping (the order matters). Unlike the icalendar package, which
    first reads a typed "\\N" as a line break, staff text is kept as typed: "P:\\Nyt"
    stays "P:\\Nyt" in a calendar program."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def fold(line):
    """``line`` in UTF-8, folded as the package folds it: pieces of at most 74 octets
    that end between two letters, never right after a backslash or a caret (an escape
    stays whole), joined by CRLF and a space."""
    data = line.encode()
    if len(data) <= FOLD_AT:
        return data
    pieces = []
    start, size = 0, len(data)
    while size - start > FOLD_AT:
        end = start + FOLD_AT
        while data[end] & 0xC0 == 0x80:  # inside a letter: fold before it
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def new_calendar(product, name, refresh=None, timezone_name=None):
    """An empty feed. ``product`` names the feed in PRODID ("lukkedage"), ``name`` is the
    title a calendar program shows; ``refresh`` (a ``timedelta``) asks subscribers to
    look for changes that often; ``timezone_name`` is the zone its dates are meant in."""
    calendar = Component(Calendar)
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
    event = Component(Event)
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
