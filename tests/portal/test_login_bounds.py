"""The login form bounds every field: no length of input makes it fail."""

import pytest

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.mark.usefixtures("axes_on")
@pytest.mark.parametrize(
    "fields",
    [
        {"username": "x" * 10_000, "password": "forkert"},
        {"username": "admin", "password": "x" * 10_000},
        {"username": "admin", "password": "forkert", "otp_token": "1" * 10_000},
        {"username": "ø" * 300, "password": "ø" * 300},
        {"username": "\x00admin", "password": "forkert"},
    ],
    ids=["long-username", "long-password", "long-code", "multibyte", "nul"],
)
def test_long_or_odd_login_fields_get_a_danish_form_error_not_a_500(client, fields):
    response = client.post("/admin/login/?next=/admin/", fields)
    assert response.status_code == 200
    page = response.content.decode()
    # The form's summary above it, and the reason at the field or the form.
    assert '<p class="errornote">' in page and 'class="errorlist' in page
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("next_url", ["https://angriber.example/", "//angriber.example", ""])
def test_a_bad_or_missing_next_lands_in_the_admin(client, next_url):
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "ballerup-demo-2026", "next": next_url},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"
