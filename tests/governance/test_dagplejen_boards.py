"""Issue 23.5: Dagplejen "indgår under distrikt Hedegårdens forældrebestyrelse, men har
derudover også en selvstændig forældrebestyrelse" (001). The brochure lists Dagplejen in
Baltorp's district (000), for the culture network: that does not put it under Baltorp's
board."""

import importlib
import re
from html import unescape

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from districts.models import Institution
from governance.constants import BoardRole
from governance.models import Board, Membership
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")


def covered(client, slug):
    page = client.get(f"/bestyrelser/{slug}/").content.decode()
    box = page[page.index("Bestyrelsen dækker") :]
    return box[: box.index("</section>") if "</section>" in box else box.index("</div>")]


def text(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def test_hedegaards_board_covers_dagplejen_and_baltorps_does_not(client):
    assert 'href="/institutioner/dagplejen/"' in covered(client, "hedegaard")
    baltorp = covered(client, "baltorp")
    assert 'href="/institutioner/dagplejen/"' not in baltorp
    assert 'href="/institutioner/boernehuset-bispevangen/"' in baltorp


def test_dagplejens_own_board_keeps_its_page_and_says_only_what_the_source_says(client):
    response = client.get("/bestyrelser/dagplejen/")
    assert response.status_code == 200
    page = text(response.content.decode())
    assert (
        "Dagplejen indgår under distrikt Hedegårdens forældrebestyrelse, men har derudover "
        "også en selvstændig forældrebestyrelse." in page
    )
    assert 'href="/bestyrelser/hedegaard/"' in response.content.decode()
    assert 'href="/institutioner/dagplejen/"' in covered(client, "dagplejen")
    # The district boards' composition is not said of Dagplejen's board.
    for claim in ("sekretær", "uden stemmeret", "distriktslederen", "Distriktslederen"):
        assert claim not in page, claim
    assert "Dagplejens forældremøde i september" in page


def test_a_member_represents_a_unit_the_board_covers():
    dagplejen = Institution.objects.get(slug="dagplejen")
    hedegaard = Board.objects.get(district__slug="hedegaard")
    baltorp = Board.objects.get(district__slug="baltorp")
    Membership(board=hedegaard, name="A", role=BoardRole.PARENT, house=dagplejen).full_clean()
    with pytest.raises(ValidationError) as refused:
        Membership(board=baltorp, name="B", role=BoardRole.PARENT, house=dagplejen).full_clean()
    assert "Dagplejen hører ikke under Forældrebestyrelsen i distrikt Baltorp." in str(
        refused.value
    )
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")  # Skovvejen
    with pytest.raises(ValidationError):
        Membership(board=baltorp, name="C", role=BoardRole.PARENT, house=valhalla).full_clean()


def test_the_admin_offers_only_the_units_the_board_covers(client):
    login(client, "admin")
    hedegaard = client.get(admin_url(Board.objects.get(district__slug="hedegaard")))
    baltorp = client.get(admin_url(Board.objects.get(district__slug="baltorp")))
    hedegaard, baltorp = hedegaard.content.decode(), baltorp.content.decode()
    dagplejen = str(Institution.objects.get(slug="dagplejen").pk)
    option = f'<option value="{dagplejen}">Dagplejen</option>'
    assert option in hedegaard
    assert option not in baltorp
    assert ">Børnehuset Bispevangen</option>" in baltorp
    assert ">Børnehuset Bispevangen</option>" not in hedegaard


def test_the_data_migration_fixes_an_existing_database():
    """A database from before the fix: Dagplejen under Baltorp's board, not Hedegård's,
    and a parent representative for Dagplejen on Baltorp's board."""
    migration = importlib.import_module(
        "governance.migrations.0004_dagplejen_under_hedegaards_board"
    )
    dagplejen = Institution.objects.get(slug="dagplejen")
    hedegaard = Board.objects.get(district__slug="hedegaard")
    baltorp = Board.objects.get(district__slug="baltorp")
    hedegaard.extra_units.remove(dagplejen)
    baltorp.extra_units.add(dagplejen)
    member = Membership.objects.create(
        board=baltorp, name="Forælder", role=BoardRole.PARENT, house=dagplejen
    )
    migration.forwards(apps, None)
    assert list(hedegaard.extra_units.all()) == [dagplejen]
    assert dagplejen not in baltorp.extra_units.all()
    assert list(Board.objects.get(district=None).extra_units.all()) == [dagplejen]
    member.refresh_from_db()
    assert member.board == hedegaard
    migration.forwards(apps, None)  # a second run changes nothing
    assert list(hedegaard.extra_units.all()) == [dagplejen]
