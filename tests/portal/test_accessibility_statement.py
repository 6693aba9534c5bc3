"""The accessibility statement at /was: linked from every page, complete, in plain Danish
without the names of test tools, with the contacts and dates administrators enter in the
site settings (never invented ones), and a redirect to the official statement once
``WAS_URL`` names it."""

import datetime

import pytest

from pages.models import SiteSettings
from tests.public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.usefixtures("seed")

TOOL_NAMES = ["axe-core", "axe", "Chromium", "Nu Html Checker", "W3C", "Django", "pytest"]


def test_every_public_page_links_to_the_statement_in_its_footer(client):
    for path in PUBLIC_PAGES.values():
        page = client.get(path).content.decode()
        footer = page[page.index("<footer") :]
        assert '<a href="/was">Tilgængelighedserklæring</a>' in footer, path


def test_statement_says_what_is_met_how_it_is_tested_and_what_is_not(client):
    page = client.get("/was").content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert "<h1>Tilgængelighedserklæring</h1>" in main
    assert "WCAG 2.1 på niveau AA" in main
    for method in ["tastaturet", "320 pixel", "200 %", "automatisk i en browser"]:
        assert method in main, method
    assert "<h2>Kendte undtagelser</h2>" in main
    assert "Administrationen for medarbejdere" in main
    assert "ikke testet" in main


def test_parents_read_no_names_of_test_tools(client):
    main = client.get("/was").content.decode().split("<main", 1)[1].split("</main>")[0]
    for name in TOOL_NAMES:
        assert name not in main, name


def test_without_site_settings_the_statement_says_what_is_not_registered(client):
    page = client.get("/was").content.decode()
    assert "mailto:" not in page
    assert "tel:" not in page
    assert "Kommunens telefonnummer og e-mailadresse er endnu ikke registreret" in page
    assert "kommunens almindelige kontaktveje" in page
    assert "Datoen, hvor erklæringen blev udarbejdet, er endnu ikke registreret." in page
    assert "Datoen, hvor erklæringen senest blev gennemgået, er endnu ikke registreret." in page
    assert "har endnu ikke registreret sin vurdering" in page


def test_the_statement_shows_the_contacts_dates_and_status_from_the_site_settings(client):
    SiteSettings.objects.create(
        phone="44 77 00 00",
        email="tilgaengelighed@ballerup.example",
        statement_prepared=datetime.date(2026, 9, 1),
        statement_reviewed=datetime.date(2026, 11, 2),
        compliance_status="Portalen lever delvist op til kravene.",
        known_problems="Nogle PDF-filer med tilsynsrapporter kan ikke læses af skærmlæsere.",
    )
    page = client.get("/was").content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert '<a href="tel:44770000">44 77 00 00</a>' in main
    assert (
        '<a href="mailto:tilgaengelighed@ballerup.example">tilgaengelighed@ballerup.example</a>'
        in main
    )
    assert "Erklæringen blev udarbejdet tirsdag den 1. september 2026." in main
    assert "Den blev senest gennemgået mandag den 2. november 2026." in main
    assert "gennemgås mindst én gang om året" in main
    assert "<p>Portalen lever delvist op til kravene.</p>" in main
    assert "Nogle PDF-filer med tilsynsrapporter kan ikke læses af skærmlæsere." in main
    assert "Vi kender ikke til indhold" not in main
    assert "endnu ikke registreret" not in main
    assert "kommunens almindelige kontaktveje" not in main


def test_complaints_go_to_digitaliseringsstyrelsen(client):
    page = client.get("/was").content.decode()
    assert "klage til Digitaliseringsstyrelsen" in page
    assert 'href="https://digst.dk/"' in page


def test_with_was_url_set_the_statement_is_the_official_one(client, settings):
    settings.WAS_URL = "https://www.was.digst.dk/boern-ballerup-dk"
    response = client.get("/was")
    assert response.status_code == 302
    assert response["Location"] == "https://www.was.digst.dk/boern-ballerup-dk"
    assert client.get("/was/")["Location"] == "/was"  # and from there on


def test_without_was_url_the_portals_own_statement_is_shown(client, settings):
    settings.WAS_URL = ""
    response = client.get("/was")
    assert response.status_code == 200
    assert "<h1>Tilgængelighedserklæring</h1>" in response.content.decode()
