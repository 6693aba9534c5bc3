"""/privatliv: what the portal shows about people and stores about visitors, and that
what it says is what the portal does."""

import pytest

from pages.models import SiteSettings
from tests.public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.usefixtures("seed")


def main(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_the_privacy_page_is_in_danish_and_says_what_is_shown_and_stored(client):
    response = client.get("/privatliv")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="da">' in page
    text = main(response)
    assert "<h1>Privatliv og cookies</h1>" in text
    assert "Ballerup Kommune er dataansvarlig" in text
    assert "navn og rolle" in text
    assert "ingen kontaktoplysninger på forældre" in text
    assert "uden at logge ind, får du ingen cookies" in text
    assert "sessionid" in text and "csrftoken" in text
    assert "kun forespørgsler til portalen selv" in text
    assert "Datatilsynet" in text


def test_the_privacy_page_gives_the_contacts_or_says_they_are_missing(client):
    assert "endnu ikke registreret" in main(client.get("/privatliv"))
    SiteSettings.objects.create(phone="44 77 00 00", email="boern@ballerup.example")
    text = main(client.get("/privatliv"))
    assert '<a href="mailto:boern@ballerup.example">boern@ballerup.example</a>' in text
    assert "endnu ikke registreret" not in text


def test_privatliv_with_a_slash_leads_to_the_page(client):
    response = client.get("/privatliv/")
    assert response.status_code == 301
    assert response["Location"] == "/privatliv"


def test_what_the_page_says_holds_no_cookie_for_visitors_and_nothing_from_elsewhere(client):
    for path in PUBLIC_PAGES.values():
        response = client.get(path)
        assert response.cookies == {}, path
        policy = response.headers["Content-Security-Policy"]
        assert "http" not in policy, path  # only the portal's own files


def test_staff_get_the_session_and_csrf_cookies_the_page_names(client, settings):
    response = client.get("/admin/login/")
    assert set(response.cookies) == {"csrftoken"}
    response = client.post(
        "/admin/login/", {"username": "admin", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert "sessionid" in response.cookies
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60
