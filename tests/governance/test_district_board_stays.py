"""Every district has its parent board (001; the district page links it): not even an
administrator deletes a district's board on its own, one by one or in bulk. It goes
with its district, and only then."""

import pytest

from districts.models import District
from governance.models import Board, BoardMeeting, Membership
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")


def the_board_is_there(client, slug):
    page = client.get(f"/distrikter/{slug}/").content.decode()
    assert f'href="/bestyrelser/{slug}/"' in page
    assert client.get(f"/bestyrelser/{slug}/").status_code == 200


def test_the_delete_page_refuses_a_districts_board(client):
    board = Board.objects.get(district__slug="baltorp")
    members = Membership.objects.filter(board=board).count()
    login(client, "admin")
    assert "deletelink" not in client.get(admin_url(board)).content.decode()
    assert client.post(admin_url(board, "delete"), {"post": "yes"}).status_code == 403
    assert Membership.objects.filter(board=board).count() == members
    the_board_is_there(client, "baltorp")


def test_a_bulk_deletion_with_a_districts_board_deletes_nothing(client):
    boards = list(Board.objects.values_list("pk", flat=True))
    meetings = BoardMeeting.objects.count()
    login(client, "admin")
    response = client.post(
        "/admin/governance/board/",
        {"action": "delete_selected", "_selected_action": boards, "post": "yes"},
        follow=True,
    )
    assert "Intet er ændret." in response.content.decode()
    assert sorted(Board.objects.values_list("pk", flat=True)) == sorted(boards)
    assert BoardMeeting.objects.count() == meetings
    the_board_is_there(client, "baltorp")


def test_the_board_goes_with_its_district(client):
    district = District.objects.create(name="Ny Egn")
    board = Board.objects.get(district=district)
    Membership.objects.create(board=board, name="Ny Forælder", role="medarbejderrepraesentant")
    login(client, "admin")
    page = client.get(admin_url(district, "delete")).content.decode()
    assert board.name in page  # the confirmation names what goes along
    response = client.post(
        admin_url(district, "delete"), form_data(client.get(admin_url(district, "delete")))
    )
    assert response.status_code == 302
    assert not Board.objects.filter(pk=board.pk).exists()
    assert client.get(f"/bestyrelser/{district.slug}/").status_code == 404


def test_a_district_whose_board_has_minutes_is_not_deleted(client):
    """The minutes are the board's record: deleting the district would take them along,
    so the admin names them and deletes nothing."""
    district = District.objects.get(slug="baltorp")
    board = Board.objects.get(district=district)
    meeting = BoardMeeting.objects.create(
        board=board, date="2026-11-03", minutes="Referat.", published=True
    )
    login(client, "admin")
    page = client.get(admin_url(district, "delete")).content.decode()
    assert "beskyttede" in page and "03.11.2026" in page
    response = client.post(admin_url(district, "delete"), {"post": "yes"})
    assert response.status_code in (200, 403)
    assert District.objects.filter(pk=district.pk).exists()
    assert BoardMeeting.objects.filter(pk=meeting.pk).exists()
    the_board_is_there(client, "baltorp")
