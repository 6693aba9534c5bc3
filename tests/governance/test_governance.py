"""Parent boards and house councils: the source's structure, the public pages, and each
district's board kept by its own leader only."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from core.dates import long_date
from districts.models import District, Institution
from governance.constants import BoardRole, CouncilRole
from governance.models import (
    Board,
    BoardMeeting,
    Bylaws,
    CouncilMember,
    Membership,
    next_september_election,
)
from tests.admin_forms import form_data
from tests.conftest import MAX_PAGE_QUERIES, admin_url, login, page_queries

pytestmark = pytest.mark.usefixtures("demo")

SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]


def test_a_board_per_district_and_dagplejens_own():
    assert (
        sorted(Board.objects.exclude(district=None).values_list("district__slug", flat=True))
        == SLUGS
    )
    dagplejen = Institution.objects.get(slug="dagplejen")
    own = Board.objects.get(district=None)
    assert list(own.extra_units.all()) == [dagplejen]
    assert list(Board.objects.get(district__slug="hedegaard").extra_units.all()) == [dagplejen]


def test_the_next_election_is_the_next_september():
    assert next_september_election(datetime.date(2026, 11, 23)) == datetime.date(2027, 9, 1)
    assert next_september_election(datetime.date(2027, 3, 1)) == datetime.date(2027, 9, 1)
    # All through September the meetings, and so the election, are this September's.
    assert next_september_election(datetime.date(2027, 9, 15)) == datetime.date(2027, 9, 1)
    assert next_september_election(datetime.date(2027, 9, 30)) == datetime.date(2027, 9, 1)
    assert next_september_election(datetime.date(2027, 10, 1)) == datetime.date(2028, 9, 1)


def test_the_board_page_shows_members_by_role_votes_secretary_houses_bylaws_minutes(client):
    board = Board.objects.get(district__slug="hedegaard")
    Membership.objects.filter(board=board).delete()
    Bylaws.objects.all().delete()
    BoardMeeting.objects.all().delete()
    house = Institution.objects.get(slug="distriktsinstitutionen-hede-magleparken")
    Membership.objects.create(board=board, name="Anna Forælder", role=BoardRole.PARENT, house=house)
    Membership.objects.create(board=board, name="Bo Pædagog", role=BoardRole.STAFF)
    Membership.objects.create(
        board=board, name="Lis Leder", role=BoardRole.DISTRICT_LEADER, is_secretary=True
    )
    Membership.objects.create(
        board=board,
        name="Gammel Forælder",
        role=BoardRole.PARENT,
        house=house,
        term_end=datetime.date(2020, 8, 31),
    )
    old = Bylaws.objects.create(
        title="Vedtægter 2019", effective_date=datetime.date(2019, 1, 1), text="Gammel"
    )
    new = Bylaws.objects.create(
        title="Vedtægter 2024", effective_date=datetime.date(2024, 1, 1), text="**Ny**"
    )
    future = Bylaws.objects.create(
        title="Vedtægter 2099", effective_date=datetime.date(2099, 1, 1), text="X"
    )
    for bylaws in (old, new, future):
        bylaws.boards.add(board)
    BoardMeeting.objects.create(
        board=board, date=datetime.date(2026, 10, 1), minutes="Offentligt referat.", published=True
    )
    BoardMeeting.objects.create(
        board=board, date=datetime.date(2026, 10, 2), minutes="Kladde til referat."
    )

    page = client.get("/bestyrelser/hedegaard/").content.decode()
    assert "Anna Forælder (Distriktsinstitutionen Hede-/Magleparken)" in page
    assert "Bo Pædagog" in page and "Gammel Forælder" not in page
    assert "Lis Leder, sekretær – deltager uden stemmeret" in page
    # 001 says only who attends without a vote; who votes is not the page's to infer.
    assert "Bo Pædagog –" not in page and "Bo Pædagog, " not in page
    assert (
        "Ved møderne deltager desuden en pædagogisk leder og distriktslederen, begge uden "
        "stemmeret. Distriktslederen er sekretær ved møderne." in page
    )
    assert "har stemmeret" not in page
    assert (
        page.index("Forældrerepræsentant")
        < page.index("Medarbejderrepræsentant")
        < page.index("Distriktsleder")
    )
    covered = page[page.index("Bestyrelsen dækker") :]
    assert 'href="/institutioner/dagplejen/"' in covered  # Dagplejen under Hedegård's board
    assert "<strong>Ny</strong>" in page and "Gældende fra mandag den 1. januar 2024." in page
    assert "Vedtægter 2019, gældende fra tirsdag den 1. januar 2019" in page
    assert "Vedtægter 2099" not in page
    assert "Offentligt referat." in page and "Kladde til referat." not in page
    assert "september" in covered
    assert "@" not in page[page.index("Medlemmer") : page.index("Referater")]


def test_house_pages_show_their_council_and_district_pages_link_their_board(client):
    house = Institution.objects.get(slug="boernehuset-valhalla")
    CouncilMember.objects.filter(house=house).delete()
    CouncilMember.objects.create(house=house, name="Ida Husråd", role=CouncilRole.PARENT)
    page = client.get(house.get_absolute_url()).content.decode()
    assert "Ida Husråd, forældrerepræsentant" in page
    assert 'href="/bestyrelser/skovvejen/"' in client.get("/distrikter/skovvejen/").content.decode()
    # A school has no house council.
    assert "Husråd" not in client.get("/institutioner/skovvejens-skole/").content.decode()


@pytest.mark.parametrize("change", ["added", "removed"])
def test_a_change_of_the_house_council_moves_the_house_pages_last_updated_date(client, change):
    """The house page shows its council: a member added or removed changes the page."""
    house = Institution.objects.get(slug="boernehuset-valhalla")
    member = CouncilMember.objects.create(house=house, name="Ida Husråd", role=CouncilRole.PARENT)
    later = timezone.now() + datetime.timedelta(days=30)
    with mock.patch("django.utils.timezone.now", return_value=later):
        if change == "added":
            CouncilMember.objects.create(house=house, name="Ny Husråd", role=CouncilRole.STAFF)
        else:
            member.delete()
    assert Institution.objects.with_last_changed().get(pk=house.pk).last_changed == later
    page = client.get(house.get_absolute_url()).content.decode()
    day = timezone.localdate(later)
    assert f'Sidst opdateret <time datetime="{day:%Y-%m-%d}">{long_date(day)}</time>' in page


def test_a_house_council_shows_the_members_of_the_current_term_only(client):
    house = Institution.objects.get(slug="boernehuset-valhalla")
    CouncilMember.objects.filter(house=house).delete()
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    for name, start, end in [
        ("Ida Nu", today - day, today + day),
        ("Ole Altid", None, None),
        ("Eva Sidste Dag", None, today),
        ("Bo Tidligere", None, today - day),
        ("Lis Senere", today + day, None),
    ]:
        CouncilMember.objects.create(
            house=house, name=name, role=CouncilRole.PARENT, term_start=start, term_end=end
        )
    shown = {m.name for m in CouncilMember.objects.current(today).filter(house=house)}
    assert shown == {"Ida Nu", "Ole Altid", "Eva Sidste Dag"}
    page = client.get(house.get_absolute_url()).content.decode()
    for name in ("Ida Nu", "Ole Altid", "Eva Sidste Dag"):
        assert f"{name}, forældrerepræsentant" in page
    assert "Bo Tidligere" not in page and "Lis Senere" not in page


@pytest.mark.parametrize(
    "path", ["/bestyrelser/", "/bestyrelser/baltorp/", "/institutioner/boernehuset-grantoften/"]
)
def test_queries_do_not_grow_with_ten_times_the_data(client, path):
    def queries():
        return len(page_queries(client, path))

    before = queries()
    board = Board.objects.get(district__slug="baltorp")
    house = Institution.objects.get(slug="boernehuset-grantoften")
    for n in range(30):
        Membership.objects.create(
            board=board, name=f"Forælder {n}", role=BoardRole.PARENT, house=house
        )
        CouncilMember.objects.create(house=house, name=f"Husråd {n}", role=CouncilRole.STAFF)
        BoardMeeting.objects.create(board=board, date=datetime.date(2026, 1, 1), published=True)
        Bylaws.objects.create(
            title=f"V{n}", effective_date=datetime.date(2000 + n, 1, 1), text="x"
        ).boards.add(board)
    assert queries() == before
    assert before <= MAX_PAGE_QUERIES


@pytest.mark.parametrize("target", SLUGS)
@pytest.mark.parametrize("leader", SLUGS)
def test_a_leader_keeps_their_own_districts_board_and_councils_only(client, leader, target):
    login(client, f"leder-{leader}")
    board = Board.objects.get(district__slug=target)
    meeting = BoardMeeting.objects.create(
        board=board, date=datetime.date(2026, 10, 1), minutes="Original"
    )
    house = Institution.objects.filter(
        districts__slug=target, council_members__isnull=False
    ).first()
    member = CouncilMember.objects.filter(house=house).first()
    if leader == target:
        page = client.get(admin_url(meeting))
        assert (
            client.post(admin_url(meeting), form_data(page) | {"minutes": "Ændret"}).status_code
            == 302
        )
        meeting.refresh_from_db()
        assert meeting.minutes == "Ændret"
        assert client.get(admin_url(board)).status_code == 200
        assert client.get(admin_url(member)).status_code == 200
    else:
        assert client.post(admin_url(meeting), {"minutes": "Ændret"}).status_code == 403
        assert client.post(admin_url(meeting, "delete"), {"post": "yes"}).status_code == 403
        assert client.post(admin_url(board), {"name": "Overtaget"}).status_code == 403
        assert client.post(admin_url(member), {"name": "Overtaget"}).status_code == 403
        meeting.refresh_from_db()
        member.refresh_from_db()
        assert meeting.minutes == "Original" and member.name != "Overtaget"
    # Dagplejen's own board is the administrators'.
    own = Board.objects.get(district=None)
    assert client.post(admin_url(own), {"name": "Overtaget"}).status_code == 403


def test_by_laws_shared_by_all_boards_are_the_administrators(client):
    shared = Bylaws.objects.filter(is_demo=True).first()
    login(client, "leder-baltorp")
    assert client.post(admin_url(shared), {"title": "Overtaget"}).status_code == 403
    mine = Bylaws.objects.create(
        title="Baltorps", effective_date=datetime.date(2024, 1, 1), text="x"
    )
    mine.boards.add(Board.objects.get(district__slug="baltorp"))
    assert client.get(admin_url(mine)).status_code == 200


def test_culture_staff_keep_nothing_here(client):
    login(client, "kultur-baltorp")
    for path in [
        "/admin/governance/board/",
        "/admin/governance/boardmeeting/add/",
        "/admin/governance/councilmember/",
    ]:
        assert client.get(path).status_code == 403


def test_bad_input_gets_danish_messages(client):
    login(client, "leder-baltorp")
    board = Board.objects.get(district__slug="baltorp")
    page = client.get(admin_url(board))
    data = form_data(page)
    prefix = "memberships"
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data |= {
        f"{prefix}-TOTAL_FORMS": str(n + 1),
        f"{prefix}-{n}-name": "Uden hus",
        f"{prefix}-{n}-role": BoardRole.PARENT,
    }
    response = client.post(admin_url(board), data)
    assert "Vælg det børnehus, forælderen repræsenterer." in response.content.decode()
    assert not Membership.objects.filter(name="Uden hus").exists()


def test_a_new_district_gets_its_board_so_its_page_never_links_nowhere(client):
    district = District.objects.create(name="Ny Egn")
    board = Board.objects.get(district=district)
    assert board.get_absolute_url() == f"/bestyrelser/{district.slug}/"
    page = client.get(district.get_absolute_url()).content.decode()
    assert f'href="/bestyrelser/{district.slug}/"' in page
    assert client.get(f"/bestyrelser/{district.slug}/").status_code == 200


def test_every_published_minutes_can_be_reached_from_the_board_page(client):
    """The board's page shows the ten newest; older ones are on its minutes page, by
    year, newest first; drafts on neither."""
    board = Board.objects.get(district__slug="baltorp")
    BoardMeeting.objects.filter(board=board).delete()
    for month in range(1, 13):
        BoardMeeting.objects.create(
            board=board, date=datetime.date(2025 + month // 7, month, 2),
            minutes=f"Referat nummer {month}.", published=True,
        )  # fmt: skip
    BoardMeeting.objects.create(
        board=board, date=datetime.date(2026, 11, 2), minutes="Kladde.", published=False
    )
    page = client.get("/bestyrelser/baltorp/").content.decode()
    assert page.count("Referat nummer") == 10
    assert "Referat nummer 1." not in page and "Referat nummer 12." in page
    assert 'href="/bestyrelser/baltorp/referater/">Alle referater</a>' in page
    archive = client.get("/bestyrelser/baltorp/referater/").content.decode()
    assert archive.count("Referat nummer") == 12 and "Kladde" not in archive
    assert archive.index('id="aar-2026"') < archive.index('id="aar-2025"')
    assert archive.index("Referat nummer 12.") < archive.index("Referat nummer 7.")
    # Ten or fewer: all on the board's page, no link.
    BoardMeeting.objects.filter(board=board, date__year=2025).delete()
    assert "Alle referater" not in client.get("/bestyrelser/baltorp/").content.decode()
    assert client.get("/bestyrelser/findes-ikke/referater/").status_code == 404
