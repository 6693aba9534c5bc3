"""A board's members in the admin: the board has one secretary (the district leader),
and a second one gets the constraint's Danish message, not a 500; the secretary can be
handed on in one save."""

import pytest

from governance.constants import BoardRole
from governance.models import Board, Membership
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

SECOND = "Bestyrelsen har allerede en sekretær."


@pytest.fixture
def board():
    """Baltorp's board with one secretary, Lis, and another leader, Bo."""
    board = Board.objects.get(district__slug="baltorp")
    Membership.objects.filter(board=board).update(is_secretary=False)
    Membership.objects.create(
        board=board, name="Lis Leder", role=BoardRole.DISTRICT_LEADER, is_secretary=True
    )
    Membership.objects.create(board=board, name="Bo Leder", role=BoardRole.DISTRICT_LEADER)
    return board


def row_prefixes(data):
    """Each member's name → the prefix of their row in the posted form."""
    return {
        data[key]: key.removesuffix("-name")
        for key in data
        if key.startswith("memberships-") and key.endswith("-name")
    }


def secretaries(board):
    return sorted(
        Membership.objects.filter(board=board, is_secretary=True).values_list("name", flat=True)
    )


def test_ticking_a_second_secretary_gets_the_danish_message(client, board):
    login(client, "leder-baltorp")
    data = form_data(client.get(admin_url(board)))
    data[f"{row_prefixes(data)['Bo Leder']}-is_secretary"] = "on"
    client.raise_request_exception = False
    response = client.post(admin_url(board), data)
    assert response.status_code == 200
    assert SECOND in response.content.decode()
    assert secretaries(board) == ["Lis Leder"]


def test_two_new_secretaries_in_one_save_get_the_danish_message(client, board):
    Membership.objects.filter(board=board).update(is_secretary=False)
    before = Membership.objects.filter(board=board).count()
    login(client, "leder-baltorp")
    data = form_data(client.get(admin_url(board)))
    n = int(data["memberships-TOTAL_FORMS"])
    data["memberships-TOTAL_FORMS"] = str(n + 2)
    for i, name in ((n, "Leder Et"), (n + 1, "Leder To")):
        data |= {
            f"memberships-{i}-name": name,
            f"memberships-{i}-role": BoardRole.DISTRICT_LEADER,
            f"memberships-{i}-is_secretary": "on",
        }
    client.raise_request_exception = False
    response = client.post(admin_url(board), data)
    assert response.status_code == 200
    assert SECOND in response.content.decode()
    assert Membership.objects.filter(board=board).count() == before


def test_the_secretary_is_handed_on_in_one_save(client, board):
    login(client, "leder-baltorp")
    data = form_data(client.get(admin_url(board)))
    rows = row_prefixes(data)
    data.pop(f"{rows['Lis Leder']}-is_secretary")
    data[f"{rows['Bo Leder']}-is_secretary"] = "on"
    assert client.post(admin_url(board), data).status_code == 302
    assert secretaries(board) == ["Bo Leder"]


def test_a_secretary_deleted_and_a_new_one_added_in_one_save(client, board):
    login(client, "leder-baltorp")
    data = form_data(client.get(admin_url(board)))
    data[f"{row_prefixes(data)['Lis Leder']}-DELETE"] = "on"
    n = int(data["memberships-TOTAL_FORMS"])
    data |= {
        "memberships-TOTAL_FORMS": str(n + 1),
        f"memberships-{n}-name": "Ny Leder",
        f"memberships-{n}-role": BoardRole.DISTRICT_LEADER,
        f"memberships-{n}-is_secretary": "on",
    }
    assert client.post(admin_url(board), data).status_code == 302
    assert secretaries(board) == ["Ny Leder"]


def test_a_new_board_with_two_secretaries_gets_the_danish_message(client):
    login(client, "admin")
    data = form_data(client.get("/admin/governance/board/add/"))
    data |= {"name": "Ny bestyrelse", "slug": "ny-bestyrelse", "memberships-TOTAL_FORMS": "2"}
    for i in range(2):
        data |= {
            f"memberships-{i}-name": f"Leder {i}",
            f"memberships-{i}-role": BoardRole.DISTRICT_LEADER,
            f"memberships-{i}-is_secretary": "on",
        }
    client.raise_request_exception = False
    response = client.post("/admin/governance/board/add/", data)
    assert response.status_code == 200
    assert SECOND in response.content.decode()
    assert not Board.objects.filter(slug="ny-bestyrelse").exists()
