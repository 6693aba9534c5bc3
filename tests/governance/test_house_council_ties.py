"""A house's council and its parent representatives on a board hold the house to what
it is: it is not made a school, nor taken out of the district whose board they sit on,
until they are removed (they would vanish from the pages but stay in the database, and
the board's member form could no longer be saved)."""

import pytest

from districts.constants import InstitutionType, RoleType
from districts.models import District, Institution
from governance.constants import BoardRole, CouncilRole
from governance.models import Board, CouncilMember, Membership
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def board():
    return Board.objects.get(district__slug="baltorp")


@pytest.fixture
def house(board):
    """One of Baltorp's houses, without pedagogical leaders or a culture seat (they are
    refused already)."""
    house = (
        board.units()
        .filter(institution_type=InstitutionType.DAYCARE_HOUSE, culture_seats__isnull=True)
        .first()
    )
    house.roles.filter(role_type=RoleType.PEDAGOGICAL_LEADER).delete()
    CouncilMember.objects.filter(house=house).delete()
    Membership.objects.filter(house=house).delete()
    return house


def post_type(client, house, institution_type):
    page = client.get(admin_url(house))
    return client.post(admin_url(house), form_data(page) | {"institution_type": institution_type})


def test_a_house_with_a_council_and_a_board_parent_stays_a_house(client, board, house):
    CouncilMember.objects.create(house=house, name="Ida Husråd", role=CouncilRole.PARENT)
    Membership.objects.create(board=board, name="Pia Forælder", role=BoardRole.PARENT, house=house)
    login(client, "leder-baltorp")
    response = post_type(client, house, InstitutionType.SCHOOL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Huset har et husråd" in page
    assert f"Huset har forældrerepræsentanter i {board.name}" in page
    house.refresh_from_db()
    assert house.institution_type == InstitutionType.DAYCARE_HOUSE


def test_without_them_the_house_can_become_a_school(client, house):
    login(client, "leder-baltorp")
    assert post_type(client, house, InstitutionType.SCHOOL).status_code == 302
    house.refresh_from_db()
    assert house.institution_type == InstitutionType.SCHOOL


def test_a_house_council_alone_keeps_it_a_house(client, house):
    CouncilMember.objects.create(house=house, name="Ida Husråd", role=CouncilRole.PARENT)
    login(client, "leder-baltorp")
    assert "Fjern husrådets medlemmer først" in post_type(client, house, "klub").content.decode()
    house.refresh_from_db()
    assert house.institution_type == InstitutionType.DAYCARE_HOUSE


def test_a_house_with_a_parent_on_its_districts_board_stays_in_the_district(client, board, house):
    Membership.objects.create(board=board, name="Pia Forælder", role=BoardRole.PARENT, house=house)
    other = District.objects.get(slug="hedegaard")
    login(client, "admin")
    data = form_data(client.get(admin_url(house))) | {"districts": [str(other.pk)]}
    response = client.post(admin_url(house), data)
    assert response.status_code == 200
    assert "og tag så huset ud af distriktet" in response.content.decode()
    assert list(Institution.objects.get(pk=house.pk).districts.all()) == [board.district]
    # Moved once the parent has left the board.
    Membership.objects.filter(house=house).delete()
    data = form_data(client.get(admin_url(house))) | {"districts": [str(other.pk)]}
    assert client.post(admin_url(house), data).status_code == 302
    assert list(Institution.objects.get(pk=house.pk).districts.all()) == [other]
