"""Demo culture networks for a local run: the kultur-<district> accounts hold the
coordinator's seat, demo ambassadors the other seats, and each network gets a few demo
meetings, a project and a theatre performance. All marked as demo data."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from core.permissions import CULTURE_NETWORK
from districts.demo import account, demo_person, person_of

from .constants import SEAT_INSTITUTION_TYPES, MeetingKind, ProjectStatus, SeatType
from .models import Event, Meeting, Network, Project, Seat


def create():
    if Seat.objects.filter(person__is_demo=True).exists():
        return False
    today = timezone.localdate()
    for network in Network.objects.select_related("district"):
        institutions = list(network.district.institutions.order_by("name"))
        seats = []
        for seat_type in SeatType:
            fitting = [
                i for i in institutions if i.institution_type in SEAT_INSTITUTION_TYPES[seat_type]
            ]
            if fitting:
                seats.append((seat_type, fitting[0]))
        for number, (seat_type, institution) in enumerate(seats):
            if number == 0:
                person = person_of(account(f"kultur-{network.district.slug}", CULTURE_NETWORK))
            elif number == 1:
                # One ambassador with an account, to try an ambassador's rights.
                user = account(f"ambassadoer-{network.district.slug}", CULTURE_NETWORK)
                person = person_of(user)
            else:
                person = demo_person()
            Seat.objects.create(
                network=network,
                seat_type=seat_type,
                person=person,
                institution=institution,
                is_coordinator=number == 0,
            )
        Meeting.objects.create(
            network=network,
            kind=MeetingKind.NETWORK,
            date=today + timedelta(days=21),
            start_time=time(14),
            end_time=time(16),
            place="Netværkets mødelokale",
            agenda="- Forårets teaterforestillinger\n- Inspirationsdagen",
            is_demo=True,
        )
        Meeting.objects.create(
            network=network,
            kind=MeetingKind.NETWORK,
            date=today - timedelta(days=30),
            place="Netværkets mødelokale",
            minutes="Demodata: netværket aftalte forårets program.",
            is_demo=True,
        )
        project = Project.objects.create(
            network=network,
            title=f"Demodata: Kunst i {network.district.name}",
            description="Et opdigtet projekt fra en lokal demo.",
            start=today - timedelta(days=60),
            end=today + timedelta(days=120),
            status=ProjectStatus.ONGOING,
            is_demo=True,
        )
        project.institutions.set(institutions[:3])
        starts_at = datetime.combine(today + timedelta(days=40), time(9, 30))
        event = Event.objects.create(
            network=network,
            title="Demodata: Teaterforestilling for de mindste",
            performer="Et opdigtet teater",
            venue="Salen",
            starts_at=timezone.make_aware(starts_at),
            age_group="3–6 år",
            places_available=40,
            is_demo=True,
        )
        event.institutions.set(institutions[:2])
    return True
