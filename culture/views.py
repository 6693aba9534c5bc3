"""Public pages: Kulturtjenesten, and each district's culture network."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from daycare.calendar import UID_DOMAIN
from districts.models import Institution

from .models import (
    CultureService,
    Facilitator,
    Network,
    Organisation,
    Seat,
)

SEATS = Prefetch(
    "seats",
    queryset=Seat.objects.select_related("person", "institution").order_by(
        "-is_coordinator", "seat_type"
    ),
)


def service(request):
    networks = Network.objects.for_listing().prefetch_related(SEATS)
    context = {
        "service": CultureService.objects.first(),
        "organisations": Organisation.objects.all(),
        "facilitators": Facilitator.objects.select_related("person"),
        "networks": networks,
    }
    return render(request, "culture/service_detail.html", context)


def network_detail(request, slug):
    # The network comes with its seats in one query (a second only for a network that
    # has no members yet): the page stays within six queries.
    seats = list(
        Seat.objects.filter(network__district__slug=slug)
        .select_related("network__district", "person", "institution")
        .order_by("-is_coordinator", "seat_type")
    )
    if seats:
        network = seats[0].network
    else:
        network = get_object_or_404(Network.objects.select_related("district"), district__slug=slug)
    network.member_seats = seats
    today = timezone.localdate()
    institutions = Prefetch("institutions", queryset=Institution.objects.order_by("name"))
    meetings = list(network.meetings.all())
    events = list(network.events.prefetch_related(institutions))
    projects = list(network.projects.prefetch_related(institutions))
    context = {
        "network": network,
        "upcoming_meetings": [m for m in meetings if m.date >= today],
        "past_meetings": [m for m in reversed(meetings) if m.date < today],
        "upcoming_events": [e for e in events if timezone.localdate(e.starts_at) >= today],
        "past_events": [e for e in reversed(events) if timezone.localdate(e.starts_at) < today],
        "current_projects": [p for p in projects if p.status != "afsluttet"],
        "done_projects": [p for p in projects if p.status == "afsluttet"],
    }
    return render(request, "culture/network_detail.html", context)


def network_feed(request, slug):
    """The network's performances and culture events as an iCalendar feed."""
    network = get_object_or_404(Network.objects.select_related("district"), district__slug=slug)
    calendar = Calendar()
    calendar.add("prodid", "-//Ballerup Kommune//Børneportal kultur//DA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(network))
    for event in network.events.all():
        entry = CalendarEvent()
        entry.add("uid", f"kultur-{event.pk}@{UID_DOMAIN}")
        entry.add("dtstamp", event.starts_at)
        entry.add("dtstart", event.starts_at)
        if event.ends_at:
            entry.add("dtend", event.ends_at)
        entry.add("summary", event.title)
        entry.add("location", event.venue)
        details = [event.performer, event.age_group, event.description]
        entry.add("description", "\n".join(part for part in details if part))
        calendar.add_component(entry)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
