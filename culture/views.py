"""Public pages: Kulturtjenesten, and each district's culture network.

The pages read rows as plain values (``values()``), not model instances, and work out
once per page what a template would otherwise work out per row: the translated words,
the dates as the page writes them, the links (``core.rows``)."""

import datetime

from django.db.models import Count, F, FilteredRelation, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import icalendar
from core.bidi import isolate
from core.dates import long_date, time_range
from core.history import history_rows
from core.rows import demo_badge, link_maker
from districts.models import District

from .constants import SEAT_WORDS, MeetingKind, ProjectStatus, SeatType
from .models import (
    CultureService,
    Event,
    Facilitator,
    Meeting,
    Network,
    Organisation,
    Project,
    Seat,
)


def network_rows():
    """Every network for a listing, by district name, with its address and its
    coordinator (``coordinator_name``, ``coordinator_is_demo``; ``None`` while not
    registered): one query, no model instances."""
    address = link_maker("culture:network_detail", "slug")
    rows = list(
        Network.objects.annotate(
            coordinator=FilteredRelation("seats", condition=Q(seats__is_coordinator=True))
        )
        .order_by("district__name")
        .values(
            name=F("district__name"),
            slug=F("district__slug"),
            coordinator_name=F("coordinator__person__name"),
            coordinator_is_demo=F("coordinator__person__is_demo"),
        )
    )
    for row in rows:
        row["url"] = address(row["slug"])
    return rows


def service(request):
    context = {
        "service": CultureService.objects.first(),
        "organisations": Organisation.objects.values("name", "description", "website"),
        "facilitators": list(
            Facilitator.objects.values(
                "title", name=F("person__name"), is_demo=F("person__is_demo")
            )
        ),
        "networks": network_rows(),
        "demo_badge": demo_badge(),
    }
    return render(request, "culture/service_detail.html", context)


def _with_institutions(rows):
    """Rows read with ``institution`` (one row per taking-part institution, by name,
    ``None`` for none) folded into one row each with ``institutions``: "A, B"."""
    folded = []
    for row in rows:
        name = row.pop("institution")
        if folded and folded[-1]["pk"] == row["pk"]:
            folded[-1]["names"].append(name)
            continue
        row["names"] = [] if name is None else [name]
        folded.append(row)
    for row in folded:
        row["institutions"] = SafeString(", ".join(isolate(name) for name in row.pop("names")))
    return folded


# What the network page reads of a network (besides its district's name and address) and
# of each seat.
NETWORK_FIELDS = ("network_id", "network__description", "network__district_id")
SEAT_FIELDS = (
    "seat_type",
    "is_coordinator",
    "person__name",
    "person__is_demo",
    "institution__name",
    "institution__slug",
)


def _network_and_seats(slug):
    """The network of district ``slug`` and its seats as values, coordinator first, in
    one query while it has members (the Network built from the first row)."""
    seats = list(
        Seat.objects.filter(network__district__slug=slug)
        .order_by("-is_coordinator", "seat_type")
        .values(*NETWORK_FIELDS, "network__district__name", *SEAT_FIELDS)
    )
    if not seats:
        network = get_object_or_404(
            Network.objects.select_related("district").only(
                "description", "district__name", "district__slug"
            ),
            district__slug=slug,
        )
        return network, []
    row = seats[0]
    district = District(
        pk=row["network__district_id"], name=row["network__district__name"], slug=slug
    )
    network = Network(
        pk=row["network_id"], district=district, description=row["network__description"]
    )
    return network, seats


def _seat_rows(seats):
    coordinator, ambassador = _("Kulturnetværkskoordinator"), _("Kulturambassadør")
    institution_address = link_maker("districts:institution_detail", "slug")
    # A seat in a sentence (``Seat.seat_words``): its words, else its choice's label.
    words = {value: str(SEAT_WORDS.get(value, label)) for value, label in SeatType.choices}
    return [
        {
            "name": seat["person__name"],
            "is_demo": seat["person__is_demo"],
            "role": coordinator if seat["is_coordinator"] else ambassador,
            "words": words.get(seat["seat_type"], seat["seat_type"]),
            "institution": seat["institution__name"],
            "url": institution_address(seat["institution__slug"]),
        }
        for seat in seats
    ]


def _event_rows(events, today):
    """Each performance's lines as the page writes them: ``when`` ("Onsdag den 13. januar
    2027 kl. 09.30–10.15, Salen") and ``audience`` ("For 3–6 år. 12 ledige pladser.")."""
    age_words = _("For %(age)s.")
    offer_address = link_maker("bookings:offer_detail", "pk")
    for event in events:
        # Upcoming until it has ended (EventQuerySet.upcoming): its end's local day, or
        # its start's when it has no end, is today or later.
        last_day = timezone.localtime(event["ends_at"] or event["starts_at"]).date()
        event["is_upcoming"] = last_day >= today
        # The local days and times: 00.30 on 14 January is the 14th, though stored as
        # 23.30 UTC on the 13th; an end after midnight names its own day.
        when = capfirst(time_range(event["starts_at"], event["ends_at"]))
        event["when"] = SafeString(f"{escape(when)}, {isolate(event['venue'])}")
        audience = []
        if event["age_group"]:
            audience.append(age_words % {"age": event["age_group"]})
        places = event["places_available"]
        # A performance institutions book through the portal has its places counted
        # from the bookings on its own page; the number typed here would go stale.
        if event["offer_pk"] is not None:
            event["booking_url"] = offer_address(event["offer_pk"])
        elif places is not None:
            audience.append(
                ngettext("%(counter)s ledig plads.", "%(counter)s ledige pladser.", places)
                % {"counter": places}
            )
        event["audience"] = " ".join(audience)
    return events


def _project_rows(projects):
    """Each project's ``state``: "I gang · fredag den 1. maj 2026 – …"."""
    statuses = {value: str(label) for value, label in ProjectStatus.choices}
    for project in projects:
        project["is_current"] = project["status"] != ProjectStatus.DONE
        state = statuses.get(project["status"], project["status"])
        if project["start"]:
            state += f" · {long_date(project['start'])}"
            if project["end"]:
                state += f" – {long_date(project['end'])}"
        project["state"] = state
    return projects


def _meeting_rows(meetings, today):
    """Each meeting's ``heading`` ("Netværksmøde, tirsdag den …") and ``when`` ("kl.
    14.00–16.00, Skovlunde Skole"; empty without a time and a place)."""
    kinds = {value: str(label) for value, label in MeetingKind.choices}
    at = _("kl. %(start)s")
    for meeting in meetings:
        meeting["is_upcoming"] = meeting["date"] >= today
        kind = kinds.get(meeting["kind"], meeting["kind"])
        meeting["heading"] = f"{kind}, {long_date(meeting['date'])}"
        start, end, place = meeting["start_time"], meeting["end_time"], meeting["place"]
        when = ""
        if start:
            when = at % {"start": f"{start:%H.%M}"}
            if end:
                when += f"–{end:%H.%M}"
            if place:
                when += ", "
        meeting["when"] = when + place
    return meetings


def network_detail(request, slug):
    network, seats = _network_and_seats(slug)
    today = timezone.localdate()
    # One query each, split here into upcoming and past (from today, the local date, as
    # DatedQuerySet.upcoming() and EventQuerySet.upcoming() say) and current and done
    # (as ProjectQuerySet.current()): plain columns cost less to build than an
    # annotation of the same conditions.
    meetings = _meeting_rows(
        list(
            Meeting.objects.filter(network_id=network.pk).values(
                "kind",
                "date",
                "start_time",
                "end_time",
                "place",
                "agenda",
                "minutes",
                "is_demo",
            )
        ),
        today,
    )
    # Each with the institutions taking part (a row per institution), in the same query.
    events = _event_rows(
        _with_institutions(
            Event.objects.filter(network_id=network.pk)
            .order_by("starts_at", "pk", "institutions__name")
            .values(
                "pk",
                "title",
                "performer",
                "starts_at",
                "ends_at",
                "venue",
                "age_group",
                "places_available",
                "description",
                "is_demo",
                institution=F("institutions__name"),
                # The booking app's offer of the performance, if any (its page counts
                # the places left).
                offer_pk=F("offer__pk"),
            )
        ),
        today,
    )
    projects = _project_rows(
        _with_institutions(
            Project.objects.filter(network_id=network.pk)
            .order_by("-start", "title", "pk", "institutions__name")
            .values(
                "pk",
                "title",
                "status",
                "start",
                "end",
                "description",
                "is_demo",
                institution=F("institutions__name"),
            )
        )
    )
    context = {
        "network": network,
        "seats": _seat_rows(seats),
        "upcoming_meetings": [m for m in meetings if m["is_upcoming"]],
        "past_meetings": [m for m in reversed(meetings) if not m["is_upcoming"]],
        "upcoming_events": [e for e in events if e["is_upcoming"]],
        "past_events": [e for e in reversed(events) if not e["is_upcoming"]],
        "current_projects": [p for p in projects if p["is_current"]],
        "done_projects": [p for p in projects if not p["is_current"]],
        "demo_badge": demo_badge(),
    }
    return render(request, "culture/network_detail.html", context)


# An event without a history row (bulk-created) has this stamp: fixed, so the feed's
# bytes stay the same between changes, and never in the future.
NEVER_CHANGED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def network_feed(request, slug):
    """The network's performances and culture events as an iCalendar feed: the events
    with their network's name in one query (a second only for a network without any).

    Each event is stamped (DTSTAMP, LAST-MODIFIED) with its last change and numbered
    (SEQUENCE) by its saves since it was added, both from its history, so a calendar app
    takes a moved performance as the newer copy (RFC 5545/5546)."""
    versions = history_rows(Event).filter(id=OuterRef("pk")).order_by()
    events = list(
        Event.objects.filter(network__district__slug=slug)
        .annotate(
            changed_at=Subquery(
                versions.order_by("-history_date", "-history_id").values("history_date")[:1]
            ),
            saves=Subquery(
                versions.values("id").annotate(count=Count("history_id")).values("count")
            ),
        )
        .values(
            "pk",
            "title",
            "performer",
            "starts_at",
            "ends_at",
            "venue",
            "age_group",
            "description",
            "network__district__name",
            "changed_at",
            "saves",
        )
    )
    if events:
        name = events[0]["network__district__name"]
    else:
        network = get_object_or_404(Network.objects.select_related("district"), district__slug=slug)
        name = network.district.name
    calendar = icalendar.new_calendar("kultur", Network.name_for(name))
    for event in events:
        changed = (event["changed_at"] or NEVER_CHANGED).astimezone(datetime.UTC)
        icalendar.add_event(
            calendar,
            uid=icalendar.uid("kultur", event["pk"]),
            stamp=changed,
            start=event["starts_at"],
            end=event["ends_at"],
            summary=event["title"],
            location=event["venue"],
            description=[event["performer"], event["age_group"], event["description"]],
            # Calendar apps update an event whose SEQUENCE grew since they last read it.
            sequence=max((event["saves"] or 0) - 1, 0),
            last_modified=changed,
        )
    return icalendar.calendar_response(calendar)
