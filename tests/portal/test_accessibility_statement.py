"""The accessibility statement at /was: linked from every page, complete, and honest
about its contact address (a setting, never an invented one)."""

import pytest

from tests.public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.usefixtures("seed")


def test_every_public_page_links_to_the_statement_in_its_footer(client):
    for path in PUBLIC_PAGES.values():
        page = client.get(path).content.decode()
        footer = page[page.index("<footer") :]
        assert '<a href="/was">Tilgængelighedserklæring</a>' in footer, path


def test_statement_says_what_is_met_how_it_is_tested_and_what_is_not(client):
    page = client.get("/was").content.decode()
    assert "<h1>Tilgængelighedserklæring</h1>" in page
    assert "WCAG 2.1 på niveau AA" in page
    for method in ["axe-core", "Chromium", "Nu Html Checker", "tastaturet", "320 pixel", "200 %"]:
        assert method in page, method
    assert "<h2>Kendte undtagelser</h2>" in page
    assert "Django's administrationsmodul" in page
    assert "ikke testet" in page


def test_without_a_contact_address_the_statement_points_to_the_general_contact(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = ""
    page = client.get("/was").content.decode()
    assert "mailto:" not in page
    assert "kommunens almindelige kontaktveje" in page


def test_the_configured_contact_address_is_shown_as_a_mail_link(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tilgaengelighed@ballerup.example"
    page = client.get("/was").content.decode()
    assert (
        '<a href="mailto:tilgaengelighed@ballerup.example">tilgaengelighed@ballerup.example</a>'
        in page
    )
    assert "kommunens almindelige kontaktveje" not in page


def test_complaints_go_to_digitaliseringsstyrelsen(client):
    page = client.get("/was").content.decode()
    assert "klage til Digitaliseringsstyrelsen" in page
    assert 'href="https://digst.dk/"' in page
