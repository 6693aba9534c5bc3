"""An institution books places at a Skovvejen performance on a phone; another
institution cannot book in its name; the network sees the booking and downloads the
list. axe checks every booking page on the way."""

import re

from django.conf import settings
from playwright.sync_api import expect

from bookings.models import Booking
from districts.models import Institution

from .conftest import PHONE


def field(page, label):
    """A text field by its label, which a required field follows with an asterisk."""
    return page.get_by_role("textbox", name=re.compile(rf"^{label}\*?$"))


def log_in_to(open_page, username, path, **options):
    """The portal's staff login, then back to ``path`` (no admin page in between)."""
    page = open_page(f"/admin/login/?next={path}", **options)
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"**{path}")
    return page


def test_an_institution_books_and_the_network_downloads_the_list(open_page, browser_problems):
    from tests.browser.test_accessibility import axe_violations

    title = "Demodata: Teaterforestilling for de mindste"

    # kontakt-valhalla, on a phone, from the network's list of performances.
    page = log_in_to(
        open_page, "kontakt-valhalla", "/kultur/skovvejen/forestillinger/", viewport=PHONE
    )
    assert axe_violations(page, browser_problems) == []
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    expect(page.get_by_text("40 ledige pladser af 40").first).to_be_visible()
    page.get_by_role("link", name="Book pladser").click()
    assert axe_violations(page, browser_problems) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_label("Institution").select_option(label="Børnehuset Valhalla")
    page.get_by_role("radio").first.check()
    field(page, "Gruppe").fill("Rødstuen")
    page.get_by_label("Antal børn").fill("18")
    page.get_by_label("Antal voksne").fill("3")
    field(page, "Kontaktperson").fill("Anne Demo-Jensen")
    page.get_by_label("Kontaktpersonens telefon").fill("44 77 00 00")
    page.get_by_label("Kontaktpersonens e-mail").fill("roedstuen@valhalla.invalid")
    page.get_by_label("Kørestolsbruger i gruppen").check()
    page.get_by_role("button", name="Book", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vores bookinger")
    expect(page.get_by_text("Bookingen er bekræftet.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Rødstuen")
    expect(row).to_contain_text("18 børn og 3 voksne")
    expect(row).to_contain_text("Bekræftet")
    assert axe_violations(page, browser_problems) == []

    # A parent sees fewer places left, and not who took them.
    booking = Booking.objects.get()
    visitor = open_page(booking.showing.offer.get_absolute_url())
    expect(visitor.get_by_text("19 ledige pladser af 40")).to_be_visible()
    assert "Valhalla" not in visitor.content()
    assert axe_violations(visitor, browser_problems) == []

    # kontakt-baltorpskolen cannot book for Valhalla, not even with a forged form.
    offer = booking.showing.offer
    school = log_in_to(
        open_page, "kontakt-baltorpskolen", f"/kultur/forestillinger/{offer.pk}/book/"
    )
    options = school.get_by_label("Institution").locator("option").all_inner_texts()
    assert options == ["Baltorpskolen"]
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    school.evaluate(
        "pk => { const s = document.querySelector('select[name=institution]');"
        " s.add(new Option('Børnehuset Valhalla', pk)); s.value = String(pk); }",
        valhalla.pk,
    )
    school.get_by_role("radio").first.check()
    field(school, "Gruppe").fill("2.B")
    school.get_by_label("Antal børn").fill("20")
    field(school, "Kontaktperson").fill("Mads Demo-Nielsen")
    school.get_by_label("Kontaktpersonens telefon").fill("44 77 11 11")
    school.get_by_label("Kontaktpersonens e-mail").fill("2b@baltorpskolen.invalid")
    school.get_by_role("button", name="Book", exact=True).click()
    expect(
        school.get_by_text("Du kan kun booke for den institution, du er kontaktperson for.")
    ).to_be_visible()
    assert Booking.objects.count() == 1

    # The Skovvejen ambassador sees the booking and downloads the list.
    network = log_in_to(open_page, "ambassadoer-skovvejen", "/booking/netvaerk/")
    network.get_by_role("link", name=title).click()
    expect(network.get_by_role("cell", name="Børnehuset Valhalla", exact=True)).to_be_visible()
    expect(network.get_by_role("cell", name="Rødstuen", exact=True)).to_be_visible()
    assert axe_violations(network, browser_problems) == []
    with network.expect_download() as download:
        network.get_by_role("link", name="Hent deltagerlisten som regneark (CSV)").click()
    data = download.value.path().read_bytes()
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert "Børnehuset Valhalla;Rødstuen;18;3" in text
    network.get_by_role("link", name="Deltagerliste til udskrift").click()
    expect(network.get_by_role("heading", level=1)).to_have_text(f"Deltagerliste: {title}")
    assert axe_violations(network, browser_problems) == []

    # Where the network makes a performance bookable: the admin's offer page.
    network.goto(f"/admin/bookings/offer/{offer.pk}/change/")
    expect(network.get_by_role("heading", name="Pladser til distrikter")).to_be_visible()
    assert axe_violations(network, browser_problems) == []
