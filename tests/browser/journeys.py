"""Steps that several journeys share."""

import re

from django.conf import settings
from playwright.sync_api import expect


def log_in(page, username):
    """Log in on the admin login page the browser is showing."""
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("link", name="Log ud").or_(
        page.get_by_role("button", name="Log ud")
    ).wait_for()


def heading(page):
    return page.get_by_role("heading", level=1).inner_text()


def save(page):
    """Press the admin's "Gem" and wait for its confirmation."""
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("blev ændret")).to_be_visible()


def visit_public_institution(page, district, institution):
    """From the admin to the public site as a visitor goes there: the front page, the
    district, the institution. Returns the page's contact box (first in its main part)."""
    page.get_by_role("link", name="Se side", exact=True).click()
    district_card(page, district).click()
    page.get_by_role("link", name=institution).click()
    assert heading(page) == institution
    return contact_box(page)


def contact_box(page):
    """An institution page's contact box, right after its name."""
    return page.get_by_role("main").get_by_role("region", name="Kontakt")


def district_card(page, district):
    """A district's card on the front page; its name is followed by its count of
    institutions ("Baltorp 6 institutioner")."""
    return page.get_by_role("link", name=re.compile(rf"^{re.escape(district)}( |$)"))
