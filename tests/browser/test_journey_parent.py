"""A parent on a phone finds their district and daycare house, goes back to the
district and reads the accessibility statement, all by clicking."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE
from .journeys import contact_box, district_card, heading

# Only pages are read: one load of the data serves every test here.
pytestmark = pytest.mark.read_only


def test_parent_on_a_phone_finds_their_house_and_the_accessibility_statement(open_page):
    page = open_page("/", viewport=PHONE, is_mobile=True, has_touch=True)
    assert heading(page) == "Børn og unge i Ballerup Kommune"
    expect(page.get_by_role("heading", name="Find dit distrikt")).to_be_visible()
    for name in ["Baltorp", "Hedegård", "Måløvhøj", "Skovlunde", "Skovvejen"]:
        expect(district_card(page, name)).to_be_visible()

    card = district_card(page, "Baltorp")
    expect(card).to_contain_text("6 institutioner")
    card.click()
    assert heading(page) == "Distrikt Baltorp"
    houses = page.get_by_role("region", name="Børnehuse")
    expect(houses.get_by_role("link", name="Børnehuset Bispevangen")).to_be_visible()
    expect(houses.get_by_role("link", name="Børnehuset Grantoften")).to_be_visible()
    expect(page.get_by_role("link", name="Klub Syd")).to_be_visible()
    expect(page.get_by_text("også i Hedegård")).to_be_visible()
    leader = page.locator(".info-box", has=page.get_by_role("heading", name="Distriktsleder"))
    expect(leader).to_be_visible()
    expect(leader.get_by_text("Demodata")).to_be_visible()

    houses.get_by_role("link", name="Børnehuset Bispevangen").click()
    assert heading(page) == "Børnehuset Bispevangen"
    expect(page.get_by_text("Børnehus", exact=True)).to_be_visible()
    contact = contact_box(page)
    expect(contact.get_by_text("Pædagogisk ledelse", exact=True)).to_be_visible()
    expect(contact.get_by_text("e-mailadresse og åbningstider er endnu ikke")).to_be_visible()
    expect(contact.get_by_role("heading", name="Kontakt husets pædagogiske leder")).to_be_visible()
    expect(contact.get_by_role("link", name="soeren.demo.jensen@demo.invalid")).to_be_visible()

    crumbs = page.get_by_role("navigation", name="Brødkrumme")
    expect(crumbs.get_by_text("Børnehuset Bispevangen")).to_have_attribute("aria-current", "page")
    crumbs.get_by_role("link", name="Baltorp").click()
    assert heading(page) == "Distrikt Baltorp"

    footer = page.get_by_role("contentinfo")
    footer.get_by_role("link", name="Tilgængelighedserklæring").click()
    assert heading(page) == "Tilgængelighedserklæring"
    expect(page.get_by_text("WCAG 2.1", exact=False).first).to_be_visible()
    expect(page.get_by_text("Digitaliseringsstyrelsen").first).to_be_visible()


def test_parent_finds_the_closing_days_and_the_calendar_to_subscribe_to(open_page):
    page = open_page("/", viewport=PHONE)
    next_day = page.get_by_role("region", name="Næste lukkedag i dagtilbud")
    expect(next_day).to_be_visible()
    next_day.get_by_role("link", name="Se alle lukkedage").click()
    assert heading(page) == "Lukkedage i dagtilbud"
    expect(page.get_by_text("Alternativ pasning:").first).to_be_visible()
    feed = page.get_by_role("link", name="Alle lukkedage (iCalendar)")
    assert feed.get_attribute("href") == "/lukkedage.ics"
    assert "BEGIN:VCALENDAR" in page.request.get("/lukkedage.ics").text()


def test_parent_on_a_phone_searches_for_their_house_from_the_home_page(open_page):
    page = open_page("/", viewport=PHONE, is_mobile=True, has_touch=True)
    page.get_by_role("searchbox", name="Søg på siden").fill("valhala")
    page.get_by_role("button", name="Søg").click()
    assert heading(page) == "Søg"
    page.get_by_role("link", name="Børnehuset Valhalla").click()
    assert heading(page) == "Børnehuset Valhalla"


def test_parent_reads_the_daycare_section_the_vision_and_the_partners(open_page):
    page = open_page("/", viewport=PHONE, is_mobile=True, has_touch=True)
    page.get_by_role("link", name="Dagtilbud: organisering", exact=False).click()
    assert heading(page) == "Dagtilbud i Ballerup Kommune"
    figures = page.get_by_role("region", name="Dagtilbuddene i tal")
    expect(figures).to_contain_text("Kommunen oplyser: 25 børnehuse og 16 dagplejere.")

    page.get_by_role("link", name="Vision og strategi").last.click()
    assert heading(page) == "Vision: Dagtilbud med mening"
    expect(page.get_by_text("Et legende og udviklingsorienteret dagtilbud")).to_be_visible()
    contents = page.get_by_role("navigation", name="På denne side")
    contents.get_by_role("link", name="Leg og læring går nye veje").click()
    expect(page.get_by_role("heading", name="Kvaliteten i vores dagtilbud")).to_be_visible()
    expect(page.get_by_role("heading", name="Vores fælles fundament", exact=False)).to_be_attached()

    page.get_by_role("navigation", name="Brødkrumme").get_by_role("link", name="Dagtilbud").click()
    page.get_by_role("link", name="Vi samarbejder med hinanden").click()
    assert heading(page) == "Vi samarbejder med hinanden"
    ppr = page.get_by_role("region", name="PPR – Pædagogisk Psykologisk Rådgivning")
    expect(ppr.get_by_role("listitem").filter(has_text="Logopæd (talepædagog)")).to_be_visible()
    expect(page.get_by_role("link", name="Baltorpskolen")).to_be_visible()
