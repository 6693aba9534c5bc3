"""Two-factor login for staff: with REQUIRE_2FA on, the password alone opens nothing;
staff enrol an authenticator app themselves and then log in with its code."""

import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.districts.factories import UserFactory

PASSWORD = "korrekt-hest-batteri"


@pytest.fixture
def require_2fa(settings):
    settings.REQUIRE_2FA = True


@pytest.fixture
def staff(db):
    return UserFactory(username="leder", password=PASSWORD, is_superuser=True)


def code(device, drift=0):
    """The code the staff member's phone shows now (``drift`` steps later)."""
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{token:06d}"


def device_on_page(page):
    """The device the enrolment page offers, as the phone scanning it knows it."""
    secret = re.search(r'<code class="totp-secret">([A-Z2-7 ]+)</code>', page).group(1)
    padded = secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8)
    return TOTPDevice(key=b32decode(padded).hex())


def login(client, password=PASSWORD, otp_token=""):
    return client.post(
        "/admin/login/",
        {"username": "leder", "password": password, "otp_token": otp_token, "next": "/admin/"},
    )


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)


def test_off_in_development_the_password_opens_the_admin(client, staff, settings):
    settings.REQUIRE_2FA = False
    assert login(client).headers["Location"] == "/admin/"
    assert "Distrikter og institutioner" in client.get("/admin/").content.decode()


@pytest.mark.usefixtures("require_2fa")
def test_the_password_alone_sends_staff_to_enrolment_not_into_the_admin(client, staff):
    response = login(client)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/2fa/")
    # Every admin page keeps sending them back until a device is confirmed.
    index = client.get("/admin/", follow=True)
    assert index.redirect_chain[-1][0].startswith("/admin/2fa/")
    assert "Administrationen kræver to-trinslogin" in index.content.decode()
    change = client.get("/admin/districts/district/")
    assert change.status_code == 302
    assert not change.headers["Location"].startswith("/admin/districts/")


@pytest.mark.usefixtures("require_2fa")
def test_enrolment_end_to_end(client, staff):
    login(client)
    page = client.get("/admin/2fa/").content.decode()
    # A QR code without inline style, and the key as text for typing in by hand.
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "style" not in svg
    assert all(" src=" in tag for tag in re.findall(r"<script[^>]*>", page)), "inline script"
    device = device_on_page(page)
    # Reloading the page shows the same key, so a half-finished scan still works.
    assert device_on_page(client.get("/admin/2fa/").content.decode()).key == device.key
    # Nothing is stored until the phone has shown it has the key.
    assert not TOTPDevice.objects.filter(user=staff).exists()

    wrong = client.post("/admin/2fa/", {"otp_token": code(device, drift=-10)})
    assert wrong.status_code == 200
    assert "Koden passer ikke" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert client.get("/admin/").status_code == 302

    done = client.post("/admin/2fa/", {"otp_token": code(device)}, follow=True)
    assert done.redirect_chain[-1][0] == "/admin/"
    page = done.content.decode()
    assert "To-trinslogin er sat op" in page
    assert "Distrikter og institutioner" in page
    assert TOTPDevice.objects.get(user=staff).key == device.key


@pytest.mark.usefixtures("require_2fa")
def test_enrolled_staff_need_the_code_and_a_wrong_code_gives_no_access(client, staff):
    device = confirmed_device(staff)

    missing = login(client)
    assert missing.status_code == 200
    assert "Skriv engangskoden fra din godkendelsesapp." in missing.content.decode()
    assert "_auth_user_id" not in client.session

    wrong = login(client, otp_token="12345")
    assert "Engangskoden er 6 cifre." in wrong.content.decode()
    wrong = login(client, otp_token=code(device, drift=-10))
    assert "Engangskoden er forkert eller udløbet" in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    # django-otp throttles a device after a wrong code; wait it out as a person would.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    right = login(client, otp_token=code(device))
    assert right.headers["Location"] == "/admin/"
    assert "Distrikter og institutioner" in client.get("/admin/").content.decode()


@pytest.mark.usefixtures("require_2fa")
def test_a_wrong_password_with_a_right_code_gives_no_access(client, staff):
    device = confirmed_device(staff)
    response = login(client, password="forkert-forkert", otp_token=code(device))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("require_2fa")
def test_a_password_alone_cannot_add_a_new_device_to_an_enrolled_account(client, staff):
    confirmed_device(staff)
    # Logged in by password only (as when REQUIRE_2FA was switched on after login).
    client.force_login(staff)
    response = client.get("/admin/2fa/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302
    assert not TOTPDevice.objects.filter(user=staff, confirmed=False).exists()


def test_visitors_who_are_not_logged_in_cannot_enrol(client, db):
    response = client.get("/admin/2fa/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")


def test_codes_can_be_typed_with_a_space_as_the_app_shows_them(client, staff, settings):
    settings.REQUIRE_2FA = True
    device = confirmed_device(staff)
    spaced = code(device)
    spaced = f"{spaced[:3]} {spaced[3:]}"
    assert login(client, otp_token=spaced).headers["Location"] == "/admin/"


@pytest.mark.usefixtures("require_2fa")
def test_guessing_codes_is_slowed_down(client, staff):
    device = confirmed_device(staff)
    login(client, otp_token=code(device, drift=-10))
    # Right after a wrong code even the right one is refused, so codes cannot be tried
    # at speed; the wait doubles with each further wrong code.
    response = login(client, otp_token=code(device))
    assert "For mange forkerte engangskoder. Vent lidt" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("demo", "require_2fa")
def test_an_administrator_removes_a_lost_phone_without_ever_seeing_its_key(client, staff):
    staff.is_superuser = False  # an ordinary staff member's phone
    staff.save()
    device = confirmed_device(staff)
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="admin"))  # Administrator
    admin_session = admin.session
    # The administrator has logged in with their own code, as production requires.
    admin_device = confirmed_device(get_user_model().objects.get(username="admin"))
    admin_session[DEVICE_ID_SESSION_KEY] = admin_device.persistent_id
    admin_session.save()

    superuser = UserFactory(username="noedadgang", is_superuser=True)
    confirmed_device(superuser)
    listed = admin.get("/admin/otp_totp/totpdevice/").content.decode()
    assert "leder" in listed
    assert "noedadgang" not in listed  # a superuser's device is out of reach
    assert "Medarbejder" in listed and "Senest brugt" in listed
    shown = admin.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert device.key not in shown and "otpauth://" not in shown
    assert admin.get("/admin/otp_totp/totpdevice/add/").status_code == 403

    delete_url = f"/admin/otp_totp/totpdevice/{device.pk}/delete/"
    assert admin.post(delete_url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    # Its owner logs in with the password and is sent to set up the new phone.
    assert "/admin/2fa/" in login(client).headers["Location"]


def test_setting_up_a_new_phone_retires_the_old_one(client, staff):
    old = confirmed_device(staff)
    assert login(client, otp_token=code(old)).status_code == 302  # verified with the old
    new = device_on_page(client.get("/admin/2fa/").content.decode())
    # The old phone's next code too (its current one was used to log in).
    confirmed = {"current_token": code(old, drift=1), "otp_token": code(new)}
    assert client.post("/admin/2fa/", confirmed).status_code == 302
    new = TOTPDevice.objects.get(user=staff)
    assert new.key != old.key
    # The old phone's code no longer opens the admin.
    client.logout()
    TOTPDevice.objects.filter(pk=new.pk).update(last_t=-1)
    refused = login(client, otp_token=code(old))
    assert refused.status_code == 200
    assert "Engangskoden er forkert" in refused.content.decode()


@pytest.mark.usefixtures("require_2fa")
def test_each_enrolment_gets_its_own_key_and_a_copied_key_is_worthless(client, staff):
    """Someone who has the password and opens the enrolment page before the owner sees
    another key than the owner does; a code from it opens nothing afterwards, and
    their session ends when the owner confirms the phone."""
    intruder = Client()
    login(intruder)
    copied = device_on_page(intruder.get("/admin/2fa/").content.decode())

    login(client)
    owners = device_on_page(client.get("/admin/2fa/").content.decode())
    assert owners.key != copied.key
    assert client.post("/admin/2fa/", {"otp_token": code(owners)}).status_code == 302

    # The intruder's session is over, and the copied key gives no code that works.
    assert intruder.get("/admin/").status_code == 302
    assert "_auth_user_id" not in intruder.session
    later = Client()
    refused = login(later, otp_token=code(copied))
    assert refused.status_code == 200
    assert "_auth_user_id" not in later.session
    assert TOTPDevice.objects.filter(user=staff).count() == 1


@pytest.mark.usefixtures("require_2fa")
def test_guessing_the_enrolment_code_throws_the_key_away(client, staff):
    login(client)
    device = device_on_page(client.get("/admin/2fa/").content.decode())
    for _ in range(5):
        client.post("/admin/2fa/", {"otp_token": "000000"})
    fresh = device_on_page(client.get("/admin/2fa/").content.decode())
    assert fresh.key != device.key
    assert client.post("/admin/2fa/", {"otp_token": code(device)}).status_code == 200
    assert not TOTPDevice.objects.filter(user=staff).exists()


@pytest.mark.usefixtures("require_2fa")
def test_a_session_after_the_password_step_alone_can_be_logged_out(client, staff):
    """Someone who leaves a shared PC before setting up the app must be able to end the
    session: the next person could otherwise enrol their own phone on the account."""
    assert login(client).headers["Location"].startswith("/admin/2fa/")
    page = client.get("/admin/2fa/").content.decode()
    assert 'action="/admin/logout/"' in page
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/2fa/").status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()


@pytest.mark.usefixtures("require_2fa")
def test_completing_the_enrolment_gives_the_session_a_new_key(client, staff):
    """The session gains the admin when the app is confirmed: a key seen before (after
    the password step) must not carry that."""
    login(client)
    device = device_on_page(client.get("/admin/2fa/").content.decode())
    before = client.cookies["sessionid"].value
    assert client.post("/admin/2fa/", {"otp_token": code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.cookies["sessionid"].value != before


@pytest.mark.usefixtures("require_2fa")
@pytest.mark.parametrize("current", ["", "000000"])
def test_a_session_alone_cannot_put_another_phone_on_the_account(client, staff, current):
    """Someone who got hold of a verified session must not add their phone and lock the
    owner out: a new app needs a code from the one already set up as well."""
    old = confirmed_device(staff)
    assert login(client, otp_token=code(old)).status_code == 302
    page = client.get("/admin/2fa/").content.decode()
    assert "Kode fra din nuværende app" in page
    new = device_on_page(page)
    response = client.post("/admin/2fa/", {"current_token": current, "otp_token": code(new)})
    assert response.status_code == 200
    assert "nuværende app" in response.content.decode()
    assert list(TOTPDevice.objects.filter(user=staff, confirmed=True)) == [old]
