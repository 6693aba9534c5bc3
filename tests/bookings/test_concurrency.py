"""Never overbooked (issue 25.4): parallel requests from separate connections.

Thirty institutions ask for the ten places of one showing at the same moment, each from
its own thread with its own database connection, against committed data (no test
transaction around them). Exactly ten are confirmed, the rest wait in the order they got
the showing's row lock; then cancels and new requests race, and the freed place goes to
the first in line, once.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings import services
from bookings.constants import BookingStatus
from bookings.models import Booking, Offer, Showing
from culture.models import Event, Network
from districts.models import District, Institution
from tests.parallel import in_parallel, on_postgresql

# Real processes and parallel connections: the system tier.
pytestmark = pytest.mark.system


PLACES = 10
REQUESTS = 30


@pytest.fixture
def showing(transactional_db):
    district = District.objects.create(name="Parallelby", slug="parallelby")
    network = Network.objects.create(district=district)
    now = timezone.now()
    event = Event.objects.create(
        network=network,
        title="Parallelteatret",
        starts_at=now + timedelta(days=30),
        venue="Salen",
    )
    offer = Offer.objects.create(
        event=event,
        booking_opens=now - timedelta(days=1),
        booking_closes=now + timedelta(days=20),
    )
    return Showing.objects.create(
        offer=offer, starts_at=event.starts_at, venue="Salen", places=PLACES
    )


def institutions(count, prefix):
    district = District.objects.get(slug="parallelby")
    made = []
    for n in range(count):
        institution = Institution.objects.create(
            name=f"{prefix} {n}", slug=f"{prefix.lower()}-{n}", institution_type="boernehus"
        )
        institution.districts.add(district)
        made.append(institution)
    return made


def booking_call(showing, institution):
    def call():
        return services.book(
            showing.pk,
            institution,
            group_name="Gruppen",
            children=1,
            adults=0,
            contact_name="Kontakt",
            contact_phone="44 77 00 00",
            contact_email="kontakt@parallel.invalid",
        ).booking

    return call


def test_thirty_parallel_requests_confirm_exactly_the_places_and_the_rest_wait_in_order(
    showing,
):
    if not on_postgresql(__file__):
        return
    booked = in_parallel([booking_call(showing, i) for i in institutions(REQUESTS, "Hus")])

    assert len(booked) == REQUESTS
    assert showing.confirmed_places() == PLACES
    line = list(Booking.objects.filter(showing=showing).in_line())
    statuses = [b.status for b in line]
    # First come, first served: the ten who got the lock first are confirmed, the
    # twenty after them wait, in the order they arrived.
    assert statuses == [BookingStatus.CONFIRMED] * PLACES + [BookingStatus.WAITING] * (
        REQUESTS - PLACES
    )
    assert [b.pk for b in line] == sorted(b.pk for b in line)
    waiting = [b for b in line if b.status == BookingStatus.WAITING]
    positions = services.waiting_positions(waiting)
    assert [positions[b.pk] for b in waiting] == list(range(1, REQUESTS - PLACES + 1))

    # Ten parallel cancels of one booking (double clicks, two tabs) and ten new
    # requests at once: the place goes to the first in line, once.
    cancelled = line[0]
    first_in_line = waiting[0]
    cancel_calls = [lambda: services.cancel(cancelled.pk) for _ in range(10)]
    new_calls = [booking_call(showing, i) for i in institutions(10, "Ny")]
    outcomes = in_parallel(cancel_calls + new_calls)

    promoted = [b.pk for outcome in outcomes[:10] for b in outcome.promoted]
    assert promoted == [first_in_line.pk]
    first_in_line.refresh_from_db()
    cancelled.refresh_from_db()
    assert first_in_line.status == BookingStatus.CONFIRMED
    assert cancelled.status == BookingStatus.CANCELLED
    assert showing.confirmed_places() == PLACES
    assert all(b.status == BookingStatus.WAITING for b in outcomes[10:])
    assert Booking.objects.filter(showing=showing, status=BookingStatus.WAITING).count() == (
        REQUESTS - PLACES - 1 + 10
    )
