"""Login protection: five wrong passwords for one username from one address lock that
combination for 15 minutes; nobody else is locked out with it. Passwords must be long."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.districts.factories import UserFactory

PASSWORD = "korrekt-hest-batteri"
ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def staff(db):
    return UserFactory(username="leder", password=PASSWORD)


def login(client, username, password, address, **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, username, address, times, **headers):
    return [login(client, username, "forkert", address, **headers) for _ in range(times)]


def assert_locked_out(response):
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "900"  # 15 minutes
    page = response.content.decode()
    assert "Kontoen er midlertidigt låst" in page
    assert "låst fra denne adresse i 15 minutter" in page


def assert_logged_in(response):
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"


def test_four_failures_still_let_the_right_password_in(client, staff):
    for response in fail(client, "leder", ATTACKER, 4):
        assert response.status_code == 200
        page = response.content.decode()
        assert "Indtast venligst det korrekte brugernavn og adgangskode" in page
    assert_logged_in(login(client, "leder", PASSWORD, ATTACKER))


def test_the_fifth_failure_locks_out_even_the_right_password(client, staff):
    *_, fifth = fail(client, "leder", ATTACKER, 5)
    assert_locked_out(fifth)
    response = login(client, "leder", PASSWORD, ATTACKER)
    assert_locked_out(response)
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_15_minutes(client, staff, settings):
    fail(client, "leder", ATTACKER, 5)
    # Move the failures 15 minutes and a second into the past.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert_logged_in(login(client, "leder", PASSWORD, ATTACKER))


def test_the_real_user_from_another_address_still_gets_in(client, staff):
    fail(client, "leder", ATTACKER, 6)
    assert_logged_in(login(client, "leder", PASSWORD, OFFICE))


def test_another_user_from_the_same_address_still_gets_in(client, staff):
    UserFactory(username="kollega", password=PASSWORD)
    fail(client, "leder", ATTACKER, 6)
    assert_logged_in(login(client, "kollega", PASSWORD, ATTACKER))


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # The attacker also sends a forged X-Forwarded-For; the proxy appends the real address.
    forged = {"HTTP_X_FORWARDED_FOR": f"{OFFICE}, {ATTACKER}"}
    *_, fifth = fail(client, "leder", proxy, 5, **forged)
    assert_locked_out(fifth)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # The real user behind the same proxy is another client and is let in.
    assert_logged_in(login(client, "leder", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE))


def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    # An attacker cannot dodge the lock-out by inventing a new address every time.
    for n in range(5):
        response = login(client, "leder", "forkert", ATTACKER, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}")
    assert_locked_out(response)


def test_two_proxies_take_the_address_the_outer_proxy_saw(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    fail(client, "leder", "10.0.0.3", 1, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}, 10.0.0.2")
    assert AccessAttempt.objects.get().ip_address == ATTACKER


def test_a_short_password_is_refused_with_a_danish_message(staff):
    with pytest.raises(ValidationError) as error:
        validate_password("kort-kode1", user=staff)
    assert (
        "Denne adgangskode er for kort. Den skal indeholde mindst 12 tegn." in error.value.messages
    )


@pytest.mark.usefixtures("demo")
def test_an_administrator_lifts_a_lock_out_in_the_admin(client, staff):
    assert_locked_out(fail(client, "leder", OFFICE, 5)[-1])
    attempt = AccessAttempt.objects.get(username="leder")

    admin = Client()
    admin.force_login(get_user_model().objects.get(username="admin"))  # Administrator
    listed = admin.get("/admin/axes/accessattempt/").content.decode()
    assert "leder" in listed and OFFICE in listed
    assert "Loginbeskyttelse" in listed and "IP-adresse" in listed  # Danish, like the rest
    delete_url = f"/admin/axes/accessattempt/{attempt.pk}/delete/"
    assert admin.post(delete_url, {"post": "yes"}).status_code == 302

    assert_logged_in(login(client, "leder", PASSWORD, OFFICE))


def test_wrong_one_time_codes_count_towards_the_lock_out(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)
    for _ in range(5):
        response = client.post(
            "/admin/login/",
            {"username": "leder", "password": PASSWORD, "otp_token": "000000", "next": "/"},
            REMOTE_ADDR=OFFICE,
        )
    assert_locked_out(response)
    # Even the right password and (any) code now meets the lock-out page.
    assert_locked_out(login(client, "leder", PASSWORD, OFFICE))
