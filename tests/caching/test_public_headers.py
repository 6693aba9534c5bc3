"""Public pages can be cached for visitors who are not logged in; staff pages cannot."""

import pytest
from django.contrib.auth import get_user_model

from tests.public_pages import EXISTING_PAGES

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize("url", EXISTING_PAGES.values())
def test_public_pages_are_cacheable_for_anonymous_visitors(client, settings, url):
    settings.PUBLIC_CACHE_SECONDS = 120
    response = client.get(url)
    assert response.headers["Cache-Control"] == "public, max-age=120"
    assert "Cookie" in response.headers["Vary"]
    assert "Accept-Language" not in response.headers["Vary"]  # one language, one copy
    assert response.cookies == {}


def test_unchanged_page_answers_304_to_a_revalidation(client):
    first = client.get("/distrikter/baltorp/")
    again = client.get("/distrikter/baltorp/", headers={"if-none-match": first.headers["ETag"]})
    assert again.status_code == 304


def test_logged_in_staff_get_private_pages(client):
    client.force_login(get_user_model().objects.get(username="leder-baltorp"))
    response = client.get("/distrikter/baltorp/")
    assert "private" in response.headers["Cache-Control"]
    assert "public" not in response.headers["Cache-Control"]


def test_admin_and_errors_are_never_public(client):
    assert "public" not in client.get("/admin/login/").headers["Cache-Control"]
    assert "public" not in client.get("/findes-ikke/").headers["Cache-Control"]


def test_a_bogus_session_cookie_never_gets_a_public_answer(client, settings):
    """The session middleware deletes a cookie that names no session, with a Set-Cookie,
    after the answer was made public: a shared cache could keep that Set-Cookie."""
    settings.PUBLIC_CACHE_SECONDS = 120
    client.cookies[settings.SESSION_COOKIE_NAME] = "bogus"
    response = client.get("/distrikter/baltorp/")
    assert response.status_code == 200
    assert "public" not in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
