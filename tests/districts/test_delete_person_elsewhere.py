"""A district leader deletes a person with their roles in the district, never with rows
of another app: a seat in a culture network is the administrators' to hand out (and Klub
Syd's seat may be in another district's network)."""

import pytest

from culture.models import Seat
from districts.constants import RoleType
from districts.models import Person, Role
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def seat_holder():
    seat = Seat.objects.filter(
        network__district__slug="hedegaard",
        institution__slug="klub-syd",
        person__user__isnull=True,
    ).first()
    assert seat is not None
    # An administrator also made them Klub Syd's culture contact: in Baltorp's reach.
    Role.objects.create(
        person=seat.person, role_type=RoleType.CULTURE_CONTACT, institution=seat.institution
    )
    return seat


def test_a_leader_cannot_delete_a_person_who_holds_a_seat(client, seat_holder):
    login(client, "leder-baltorp")
    response = client.post(admin_url(seat_holder.person, "delete"), {"post": "yes"})
    assert response.status_code == 403
    assert Seat.objects.filter(pk=seat_holder.pk).exists()


def test_an_administrator_still_can(client, seat_holder):
    login(client, "admin")
    response = client.post(admin_url(seat_holder.person, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=seat_holder.person_id).exists()
