"""An administrator logs in, changes a house's phone number and an institution's
e-mail, and finds both on the public pages."""

from playwright.sync_api import expect

from .journeys import contact_box, log_in, save, visit_public_institution


def test_administrator_changes_contact_details_and_sees_them_on_the_public_page(page):
    page.get_by_role("contentinfo").get_by_role("link", name="Log ind for medarbejdere").click()
    log_in(page, "admin")
    expect(page.get_by_role("heading", name="Administration")).to_be_visible()

    page.get_by_role("link", name="Institutioner", exact=True).click()
    page.get_by_role("link", name="Børnehuset Grantoften").click()
    page.get_by_label("Telefon").fill("44 77 12 34")
    save(page)
    row = page.get_by_role("row").filter(has_text="Børnehuset Grantoften")
    expect(row).to_contain_text("44 77 12 34")

    page.get_by_role("link", name="Klub Syd").click()
    page.get_by_label("E-mail").fill("klubsyd@ballerup.example")
    save(page)

    # To the public site as a visitor would go: from the front page, by clicking.
    contact = visit_public_institution(page, "Baltorp", "Børnehuset Grantoften")
    expect(contact.get_by_role("link", name="44 77 12 34")).to_have_attribute(
        "href", "tel:44771234"
    )

    page.get_by_role("navigation", name="Brødkrumme").get_by_role("link", name="Baltorp").click()
    page.get_by_role("link", name="Klub Syd").click()
    expect(
        contact_box(page).get_by_role("link", name="klubsyd@ballerup.example")
    ).to_have_attribute("href", "mailto:klubsyd@ballerup.example")
