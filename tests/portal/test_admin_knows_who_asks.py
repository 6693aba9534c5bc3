"""Forms that know who is asking (issue 24.4): one allowed option is chosen already, list
filters offer only what the user may see, no box or link the role cannot use, "Se på
websted" on every object with a public page and a link to it after saving, board members
as a compact table offering exactly the units the board covers; no demo marker on a form
(24.5)."""

import re

import pytest

from culture.models import Event, Network
from daycare.models import ClosingDay
from districts.constants import DAYCARE_TYPES
from districts.models import District, Institution
from governance.models import Board, BoardMeeting, Bylaws
from tests.admin_forms import choices, form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")


def test_the_ambassadors_one_network_is_chosen_already(client):
    login(client, "kultur-baltorp")
    own = Network.objects.get(district__slug="baltorp")
    add = client.get("/admin/culture/event/add/")
    assert choices(add, "network") == [str(own.pk)]  # no "---------"
    assert form_data(add)["network"] == str(own.pk)
    response = client.post(
        "/admin/culture/event/add/",
        form_data(add)
        | {"title": "Teater i salen", "venue": "Salen", "starts_at": "2027-02-01T10:00"},
        follow=True,
    )
    event = Event.objects.get(title="Teater i salen")
    assert event.network == own
    # After saving: straight to the public page.
    assert f'href="{own.get_absolute_url()}#forestillinger"' in response.content.decode()
    assert "Se »Teater i salen« på websted" in response.content.decode()


def test_a_leaders_one_district_is_chosen_already(client):
    login(client, "leder-skovvejen")
    add = client.get("/admin/daycare/alternativecare/add/")
    skovvejen = District.objects.get(slug="skovvejen")
    assert choices(add, "district") == [str(skovvejen.pk)]
    assert form_data(add)["district"] == str(skovvejen.pk)


def test_administrators_still_choose(client):
    login(client, "admin")
    add = client.get("/admin/culture/event/add/")
    assert choices(add, "network")[0] == ""
    assert len(choices(add, "network")) == 1 + Network.objects.count()


def test_the_list_filter_offers_only_the_users_network(client):
    login(client, "kultur-baltorp")
    page = client.get("/admin/culture/event/").content.decode()
    offered = set(re.findall(r"network__id__exact=(\d+)", page))
    # One network: nothing to choose between, so no filter by network at all.
    assert offered <= {str(Network.objects.get(district__slug="baltorp").pk)}
    assert "Efter netværk" not in page
    login(client, "admin")
    page = client.get("/admin/culture/event/").content.decode()
    assert len(set(re.findall(r"network__id__exact=(\d+)", page))) == Network.objects.count()
    assert "Efter netværk" in page


def test_the_network_form_shows_no_box_or_link_the_member_cannot_use(client):
    login(client, "kultur-baltorp")
    network = Network.objects.get(district__slug="baltorp")
    page = client.get(admin_url(network)).content.decode()
    assert "pladser i kulturnetværk" not in page.lower()
    assert "/admin/districts/district/" not in page
    assert "Baltorp" in page  # the district, as text
    assert 'href="/kultur/baltorp/"' in page  # Se på websted
    # The page still saves.
    response = client.post(admin_url(network), form_data(client.get(admin_url(network))))
    assert response.status_code == 302
    # Administrators keep the seats.
    login(client, "admin")
    assert "pladser i kulturnetværk" in client.get(admin_url(network)).content.decode().lower()


@pytest.mark.parametrize(
    "obj",
    [
        lambda: Event.objects.first(),
        lambda: Network.objects.first(),
        lambda: Board.objects.first(),
        lambda: BoardMeeting.objects.filter(published=True).first(),
        lambda: ClosingDay.objects.filter(status="offentliggjort").first(),
        lambda: Institution.objects.first(),
        lambda: District.objects.first(),
    ],
)
def test_every_object_with_a_public_page_has_se_paa_websted(client, obj):
    login(client, "admin")
    obj = obj()
    page = client.get(admin_url(obj)).content.decode()
    assert "Se på websted" in page
    assert f'href="{obj.get_absolute_url()}"' in page
    assert client.get(obj.get_absolute_url().split("#")[0]).status_code == 200


def test_a_draft_has_no_link_to_a_public_page(client):
    login(client, "admin")
    day = ClosingDay.objects.first()
    day.status = "kladde"
    day.save()
    assert "Se på websted" not in client.get(admin_url(day)).content.decode()


def board_house_choices(client, board):
    page = client.get(admin_url(board))
    return {c for c in choices(page, "memberships-0-house") if c}, page


@pytest.mark.parametrize("slug", ["baltorp", "hedegaard"])
def test_board_members_are_a_table_offering_exactly_the_boards_units(client, slug):
    login(client, f"leder-{slug}")
    board = Board.objects.get(district__slug=slug)
    offered, page = board_house_choices(client, board)
    expected = set(
        Institution.objects.filter(
            districts__slug=slug, institution_type__in=DAYCARE_TYPES
        ).values_list("pk", flat=True)
    )
    if slug == "hedegaard":
        expected.add(Institution.objects.get(slug="dagplejen").pk)
    assert offered == {str(pk) for pk in expected}
    text = page.content.decode()
    assert "tabular" in text
    # The add button's text, in the inline's JSON data.
    text = text.replace("\\u00f8", "ø")
    assert "Tilføj: Bestyrelsesmedlem" in text
    assert "Tilføj endnu en" not in text


def test_a_house_the_board_does_not_cover_is_refused_in_danish(client):
    login(client, "leder-baltorp")
    board = Board.objects.get(district__slug="baltorp")
    page = client.get(admin_url(board))
    data = form_data(page)
    school = Institution.objects.exclude(institution_type__in=DAYCARE_TYPES).first()
    data["memberships-0-house"] = str(school.pk)
    data["memberships-0-role"] = "forælder"
    text = client.post(admin_url(board), data).content.decode()
    assert "Vælg et af bestyrelsens børnehuse." in text


@pytest.mark.parametrize(
    "obj",
    [
        lambda: Event.objects.filter(is_demo=True).first(),
        lambda: Bylaws.objects.first(),
        lambda: BoardMeeting.objects.first(),
        lambda: ClosingDay.objects.first(),
    ],
)
def test_no_demo_marker_on_a_staff_form(client, obj):
    login(client, "admin")
    page = client.get(admin_url(obj())).content.decode()
    # Neither a box nor a read-only line (the demo texts themselves may say "Demodata").
    assert "is_demo" not in page
