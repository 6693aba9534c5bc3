"""A district leader keeps their own district's houses current, and only those."""

from playwright.sync_api import expect

from districts.models import Institution

from .journeys import log_in, save, visit_public_institution


def test_district_leader_changes_a_house_in_their_district_and_no_other(page, live_server):
    page.get_by_role("contentinfo").get_by_role("link", name="Log ind for medarbejdere").click()
    log_in(page, "leder-baltorp")

    page.get_by_role("link", name="Institutioner", exact=True).click()
    listed = page.locator("#result_list")
    expect(listed.get_by_role("link", name="Børnehuset Grantoften")).to_be_visible()
    expect(listed.get_by_role("link", name="Børnehuset Bispevangen")).to_be_visible()
    # Skovvejen's houses are not theirs to change, so they are not offered.
    for other in ["Børnehuset Valhalla", "Børnehuset Lundegården", "Klub Nord"]:
        expect(listed.get_by_role("link", name=other)).to_have_count(0)

    listed.get_by_role("link", name="Børnehuset Grantoften").click()
    page.get_by_label("Telefon").fill("44 77 56 78")
    save(page)

    contact = visit_public_institution(page, "Baltorp", "Børnehuset Grantoften")
    expect(contact.get_by_role("link", name="44 77 56 78")).to_be_visible()

    # Typing the address of a Skovvejen house's form does not open it either.
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    response = page.goto(f"{live_server.url}/admin/districts/institution/{valhalla.pk}/change/")
    assert response.status == 403
    expect(page.get_by_label("Telefon")).to_have_count(0)
    assert Institution.objects.get(pk=valhalla.pk).phone == ""
