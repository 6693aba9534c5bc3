"""The administrator uploads an inspection report for Børnehuset Valhalla, finds it on
/tilsyn/ and downloads it, and an HTML file named rapport.pdf is refused; a parent goes
from Valhalla's page to its latest report. axe checks the new pages and the upload form."""

import re

from playwright.sync_api import expect

from tests.daycare.inspection_pdfs import plain_pdf

from .journeys import heading, log_in
from .test_accessibility import axe_violations

SUMMARY = "Browsertest: børnene trives, og sikkerheden er i orden."


def fill_report(page, name, content, date):
    page.get_by_label("Enhed").select_option(label="Børnehuset Valhalla")
    page.get_by_label("Dato for tilsynsbesøget").fill(date)
    page.get_by_label("Rapport (PDF)").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": content}
    )
    page.get_by_label("Kort resumé").fill(SUMMARY)
    page.get_by_label("Offentliggjort").check()


def test_administrator_uploads_and_parent_finds_the_report(open_page, browser_problems):
    page = open_page("/admin/login/")
    log_in(page, "admin")
    found = {}
    page.goto("/admin/daycare/inspectionreport/")
    found["changelist"] = axe_violations(page, browser_problems)
    page.get_by_role("link", name="Oversigt: hvem mangler tilsyn").click()
    expect(page.locator("#due-overview")).to_contain_text("Børnehuset Valhalla")
    found["due overview"] = axe_violations(page, browser_problems)

    page.goto("/admin/daycare/inspectionreport/add/")
    found["upload form"] = axe_violations(page, browser_problems)
    fill_report(page, "rapport.pdf", b"<html><body>Ikke en PDF</body></html>", "01.03.2026")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("Filen er ikke en PDF-fil")).to_be_visible()
    found["upload form with error"] = axe_violations(page, browser_problems)

    fill_report(page, "Tilsyn Valhalla.pdf", plain_pdf("Tilsyn Valhalla"), "01.03.2026")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("blev tilføjet")).to_be_visible()

    page.goto("/tilsyn/")
    section = page.get_by_role("region", name="Distrikt Skovvejen")
    expect(section.get_by_text(SUMMARY)).to_be_visible()
    link = section.get_by_role("link", name=re.compile("Tilsynsrapport, søndag den 1. marts 2026"))
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")

    # The parent: from Valhalla's page to its latest report.
    page.goto("/institutioner/boernehuset-valhalla/")
    assert heading(page) == "Børnehuset Valhalla"
    tilsyn = page.get_by_role("region", name="Tilsyn")
    expect(tilsyn.get_by_text(SUMMARY)).to_be_visible()
    href = tilsyn.get_by_role("link", name=re.compile("Tilsynsrapport")).get_attribute("href")
    assert page.request.get(href).body().startswith(b"%PDF-")
    tilsyn.get_by_role("link", name="Alle tilsynsrapporter").click()
    assert heading(page) == "Tilsynsrapporter"

    report = [f"axe on {name}:\n" + "\n".join(v) for name, v in found.items() if v]
    assert not report, "\n".join(report)
