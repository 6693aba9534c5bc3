"""Every iCalendar feed is made by one builder (core.icalendar) and is valid
RFC 5545 as a calendar program reads it: CRLF line ends, lines folded at 75 octets,
text escaped, each event with a stable UID and a DTSTAMP."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from culture.models import Event, Network
from tests.bookings.helpers import calendar_of
from tests.daycare.factories import ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

# Commas, semicolons, a backslash and a new line must be escaped; Danish letters are two
# octets in UTF-8 and a fold must never split one.
LONG = (
    "Forestilling for børn, forældre og bedsteforældre; med sange, æbler og "
    "ålekager på Måløvhøj\\Ballerup, hele formiddagen.\nMød op i god tid – "
) * 3


def feed_lines(body):
    assert body.endswith(b"\r\n")
    lines = body[:-2].split(b"\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines)  # CRLF only
    too_long = [line for line in lines if len(line) > 75]
    assert too_long == []  # folded at 75 octets
    for line in lines:
        line.decode()  # a fold never cuts a letter in two
    return lines


def check_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    feed_lines(response.content)
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]).startswith("-//Ballerup Kommune//Børneportal ")
    events = calendar.walk("VEVENT")
    for event in events:
        assert str(event["uid"]).endswith("@boern.ballerup.dk")
        assert event.decoded("dtstamp")
        assert event.decoded("dtstart")
    return events


def test_the_closing_days_feed_is_valid_and_keeps_long_danish_text(client):
    ClosingDayFactory(
        date=datetime.date(2027, 3, 17), name=LONG[:90], alternative_care=True, signup_text=LONG
    )
    for url in ("/lukkedage.ics", "/lukkedage/skovvejen.ics"):
        events = check_feed(client, url)
        (event,) = [e for e in events if e.decoded("dtstart") == datetime.date(2027, 3, 17)]
        assert str(event["summary"]) == f"Lukkedag i dagtilbud: {LONG[:90]}"
        assert LONG in str(event["description"])


def test_a_culture_networks_feed_is_valid_and_keeps_long_danish_text(client):
    network = Network.objects.get(district__slug="skovvejen")
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=9)
    event = Event.objects.create(
        network=network, title="Pippi, Emil; og Ronja", venue="Biblioteket, salen",
        starts_at=starts, description=LONG,
    )  # fmt: skip
    events = check_feed(client, "/kultur/skovvejen.ics")
    (entry,) = [e for e in events if str(e["uid"]) == f"kultur-{event.pk}@boern.ballerup.dk"]
    assert str(entry["summary"]) == "Pippi, Emil; og Ronja"
    assert str(entry["location"]) == "Biblioteket, salen"
    assert str(entry["description"]) == LONG
    unfolded = client.get("/kultur/skovvejen.ics").content.replace(b"\r\n ", b"")
    assert b"SUMMARY:Pippi\\, Emil\\; og Ronja\r\n" in unfolded  # escaped as RFC 5545 asks
    assert entry.decoded("dtstart") == starts


def test_an_institutions_booking_feed_is_valid(client):
    feed = calendar_of("kontakt-valhalla", "boernehuset-valhalla")
    check_feed(client, feed.private_url())
