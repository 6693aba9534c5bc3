"""The feeds' iCalendar writer (core.icalendar) writes the very bytes the ``icalendar``
package writes: it writes plain values itself (text, whole numbers, dates, UTC times) and
folds the lines itself, because the package's way was most of a feed's time. Held here to
the package, built as the feeds built it before, on Danish text, escapes at the folds,
letters of two and four octets, and every kind of value the feeds add."""

import datetime
import random
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from core import icalendar

UTC = datetime.UTC
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def package_calendar(product, name, refresh=None, timezone_name=None):
    """The builder as it was: the package's own objects."""
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


def package_event(calendar, uid, stamp, start, summary, end=None, location="",
                  description=(), **properties):  # fmt: skip
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


def both(header, events):
    """The feed written by core.icalendar and by the package."""
    ours, theirs = icalendar.new_calendar(**header), package_calendar(**header)
    for event in events:
        icalendar.add_event(ours, **event)
        package_event(theirs, **event)
    return ours.to_ical(), theirs.to_ical()


LETTERS = "abcæøåÆØÅ ,;\\^\n\r:\"'-–»«😀éN"


def random_text(rng, longest=400):
    """Random staff text, without a backslash before an N: the package reads a typed
    "\\N" as a line break, the portal keeps it as typed (test_closing_days.py)."""
    text = "".join(rng.choice(LETTERS) for _ in range(rng.randrange(longest)))
    return text.replace("\\N", "\\ N")


def test_the_closing_day_feed_is_written_as_the_package_writes_it():
    header = {
        "product": "lukkedage",
        "name": "Lukkedage i dagtilbud, distrikt Måløv; alle",
        "refresh": datetime.timedelta(hours=12),
        "timezone_name": "Europe/Copenhagen",
    }
    day = datetime.date(2027, 5, 7)
    event = {
        "uid": icalendar.uid("lukkedag", day.isoformat(), "alle"),
        "stamp": datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=UTC),
        "start": day,
        "end": day + datetime.timedelta(days=1),
        "summary": "Lukkedag i dagtilbud: Fredag efter Kristi himmelfartsdag",
        "description": ["Alle dagtilbud holder lukket.", "", "Baltorp: Børnehuset, Grantoften"],
        "sequence": 3,
        "last_modified": datetime.datetime(2026, 11, 2, 9, 5, 7, 123456, tzinfo=UTC),
        "transp": "TRANSPARENT",
    }
    ours, theirs = both(header, [event, event | {"sequence": 0, "description": ()}])
    assert ours == theirs


def test_the_culture_and_booking_feeds_are_written_as_the_package_writes_them():
    starts = datetime.datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
    events = [
        {
            "uid": icalendar.uid("kultur", 7),
            "stamp": starts,
            "start": starts,
            "end": starts + datetime.timedelta(hours=1),
            "summary": "Pippi, Emil; og Ronja",
            "location": "Biblioteket, salen",
            "description": ["Teater Vest", "3-6 år", "Forestilling\\for børn"],
        },
        {
            "uid": icalendar.uid("booking", 8),
            "stamp": starts,
            "start": starts,
            "summary": "Forestilling",
            "location": "",
            "description": ["Stuen: 12 børn og 2 voksne"],
        },
    ]
    for header in ({"product": "kultur", "name": "Kulturnetværk Skovvejen, Ballerup"},
                   {"product": "booking", "name": "Forestillinger for Valhalla"}):  # fmt: skip
        ours, theirs = both(header, events)
        assert ours == theirs


def test_values_the_writer_leaves_to_the_package_are_written_by_it():
    # Times in another zone (and a naive one), durations and text that is not a plain str.
    copenhagen = datetime.datetime(2027, 7, 1, 10, 0, tzinfo=COPENHAGEN)
    utc_zone = datetime.datetime(2027, 7, 1, 10, 0, tzinfo=ZoneInfo("UTC"))
    event = {
        "uid": "x@boern.ballerup.dk",
        "stamp": copenhagen,
        "start": copenhagen,
        "end": utc_zone,
        "summary": "Sommer",
        "last_modified": datetime.datetime(2027, 7, 1, 10, 0),
        "duration": datetime.timedelta(hours=2),
        "sequence": True,
        "x_custom": "a, b; c",
    }
    ours, theirs = both({"product": "test", "name": "Test"}, [event])
    assert ours == theirs


def test_random_text_folds_and_escapes_as_the_package_does():
    rng = random.Random(22_4)
    stamp = datetime.datetime(2027, 1, 1, tzinfo=UTC)
    events = [
        {
            "uid": f"{n}-{random_text(rng, 60)}@boern.ballerup.dk",
            "stamp": stamp,
            "start": datetime.date(2027, 1, 1) + datetime.timedelta(days=n),
            "summary": random_text(rng),
            "location": random_text(rng, 120),
            "description": [random_text(rng) for _ in range(rng.randrange(4))],
            "transp": "TRANSPARENT",
        }
        for n in range(300)
    ]
    ours, theirs = both({"product": "test", "name": random_text(rng, 200)}, events)
    assert ours == theirs
    # Backslashes and carets just before every possible fold.
    for position in range(60, 80):
        for mark in ("\\", "^", ",", "ø"):
            text = "x" * position + mark + "y" * 100
            event = {"uid": "u", "stamp": stamp, "start": stamp, "summary": text}
            ours, theirs = both({"product": "test", "name": "Test"}, [event])
            assert ours == theirs, (position, mark)
