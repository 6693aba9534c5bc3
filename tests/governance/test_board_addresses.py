"""/bestyrelser/<slug>/ names either a district's board (by the district's slug) or a
board without a district (by its own): when both share a slug, the district's board is
shown, alone, and the admin refuses to make such a board."""

import pytest
from django.core.exceptions import ValidationError

from districts.models import District
from governance.models import Board, Membership
from tests.conftest import page_queries

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def district_named_like_dagplejens_board():
    """A district whose slug is the slug of Dagplejen's own board (no district)."""
    district = District.objects.create(name="Dagplejen")
    assert district.slug == "dagplejen"
    return Board.objects.get(district=district), Board.objects.get(slug="dagplejen")


def test_the_district_board_is_shown_alone(client, district_named_like_dagplejens_board):
    own, other = district_named_like_dagplejens_board
    Membership.objects.create(board=own, name="Ny Medarbejder", role="medarbejderrepraesentant")
    others = list(Membership.objects.filter(board=other).values_list("name", flat=True))
    assert others
    page = client.get("/bestyrelser/dagplejen/").content.decode()
    assert "<h1>Forældrebestyrelsen i distrikt Dagplejen</h1>" in page
    assert "Ny Medarbejder" in page
    assert not [name for name in others if name in page]


def test_without_members_the_page_is_the_district_boards_not_a_500(
    client, district_named_like_dagplejens_board
):
    own, other = district_named_like_dagplejens_board
    Membership.objects.filter(board__in=[own, other]).delete()
    response = client.get("/bestyrelser/dagplejen/")
    assert response.status_code == 200
    assert "<h1>Forældrebestyrelsen i distrikt Dagplejen</h1>" in response.content.decode()


def test_a_district_board_without_members_is_not_replaced_by_the_other_board(
    client, district_named_like_dagplejens_board
):
    own, other = district_named_like_dagplejens_board
    assert not Membership.objects.filter(board=own).exists()
    others = list(Membership.objects.filter(board=other).values_list("name", flat=True))
    assert others, "Dagplejen's own board has demo members"
    page = client.get("/bestyrelser/dagplejen/").content.decode()
    assert "<h1>Forældrebestyrelsen i distrikt Dagplejen</h1>" in page
    assert not [name for name in others if name in page]


def test_the_board_page_is_read_in_as_many_queries_with_members_as_without(client):
    board = Board.objects.get(district__slug="baltorp")
    with_members = len(page_queries(client, "/bestyrelser/baltorp/"))
    Membership.objects.filter(board=board).delete()
    assert len(page_queries(client, "/bestyrelser/baltorp/")) == with_members


def test_a_board_without_a_district_may_not_take_a_districts_address():
    board = Board(name="Ny bestyrelse", slug="baltorp")
    with pytest.raises(ValidationError) as refused:
        board.full_clean()
    assert "er et distrikts bestyrelse" in str(refused.value)
    Board(name="Ny bestyrelse", slug="ny-bestyrelse").full_clean()


def test_a_board_that_got_its_clash_later_can_still_be_saved(
    district_named_like_dagplejens_board,
):
    """Its address is read-only for district leaders: refusing would lock them out."""
    _own, other = district_named_like_dagplejens_board
    other.name = "Dagplejens forældrebestyrelse, nyt navn"
    other.full_clean()
