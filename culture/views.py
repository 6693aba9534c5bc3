"""Public pages: Kulturtjenesten, and each district's culture network."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core import icalendar
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
    # One query each, split by the querysets' own upcoming/past and current/done.
    meetings = list(network.meetings.with_is_upcoming(today))
    events = list(network.events.with_is_upcoming(today).prefetch_related(institutions))
    projects = list(network.projects.with_is_current().prefetch_related(institutions))
    context = {
        "network": network,
        "upcoming_meetings": [m for m in meetings if m.is_upcoming],
        "past_meetings": [m for m in reversed(meetings) if not m.is_upcoming],
        "upcoming_events": [e for e in events if e.is_upcoming],
        "past_events": [e for e in reversed(events) if not e.is_upcoming],
        "current_projects": [p for p in projects if p.is_current],
        "done_projects": [p for p in projects if not p.is_current],
    }
    return render(request, "culture/network_detail.html", context)


def network_feed(request, slug):
    """The network's performances and culture events as an iCalendar feed."""
    network = get_object_or_404(Network.objects.select_related("district"), district__slug=slug)
    calendar = icalendar.new_calendar("kultur", network)
    for event in network.events.all():
        icalendar.add_event(
            calendar,
            uid=icalendar.uid("kultur", event.pk),
            stamp=event.starts_at,
            start=event.starts_at,
            end=event.ends_at,
            summary=event.title,
            location=event.venue,
            description=[event.performer, event.age_group, event.description],
        )
    return icalendar.calendar_response(calendar)
