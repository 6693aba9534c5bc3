"""Ten times each culture network's performances, meetings and projects
(``manage.py create_scale_data``), half of them ahead of today and half behind it. A
network without any (a database with the seed only, as the benchmark's) counts as having
the demo's: a performance, two meetings and a project."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from core.scale_data import MARK

from .constants import MeetingKind, ProjectStatus
from .models import Event, Meeting, Network, Project


def ahead_or_behind(today, n, step):
    """The n-th date: even ones ahead of today, odd ones behind it, ``step`` days apart."""
    days = 7 + step * (n // 2)
    return today + timedelta(days=days if n % 2 == 0 else -days)


def create(factor=10):
    """Add (factor − 1) performances, meetings and projects per network for each one the
    network has. Runs once."""
    if (
        Event.objects.filter(title__startswith=f"{MARK} forestilling").exists()
        or Meeting.objects.filter(place__startswith=f"{MARK} mødelokale").exists()
        or Project.objects.filter(title__startswith=f"{MARK} projekt").exists()
    ):
        return False
    today = timezone.localdate()
    added = False
    for network in Network.objects.select_related("district").order_by("pk"):
        institutions = list(network.district.institutions.order_by("name")[:4])
        district = network.district.name
        for n in range((network.events.count() or 1) * (factor - 1)):
            day = ahead_or_behind(today, n, 9)
            event = Event.objects.create(
                network=network,
                title=f"{MARK} forestilling {n + 1} i {district}",
                performer="Et opdigtet teater",
                venue="Salen",
                starts_at=timezone.make_aware(datetime.combine(day, time(9 + n % 3, 30))),
                age_group="3–6 år",
                places_available=40,
                is_demo=True,
            )
            event.institutions.set(institutions[n % 2 : n % 2 + 2])
            added = True
        for n in range((network.meetings.count() or 2) * (factor - 1)):
            ahead = n % 2 == 0
            Meeting.objects.create(
                network=network,
                kind=MeetingKind.NETWORK,
                date=ahead_or_behind(today, n, 14),
                start_time=time(14),
                end_time=time(16),
                place=f"{MARK} mødelokale {n + 1}",
                agenda="- Forestillinger\n- Projekter" if ahead else "",
                minutes="" if ahead else f"{MARK}: netværket aftalte programmet.",
                is_demo=True,
            )
            added = True
        statuses = [ProjectStatus.ONGOING, ProjectStatus.PLANNED, ProjectStatus.DONE]
        for n in range((network.projects.count() or 1) * (factor - 1)):
            start = ahead_or_behind(today, n, 30)
            project = Project.objects.create(
                network=network,
                title=f"{MARK} projekt {n + 1} i {district}",
                description="Et opdigtet projekt.",
                start=start,
                end=start + timedelta(days=90),
                status=statuses[n % 3],
                is_demo=True,
            )
            project.institutions.set(institutions[n % 3 : n % 3 + 2])
            added = True
    return added
