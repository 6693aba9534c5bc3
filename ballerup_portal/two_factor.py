"""Two-factor login for staff: TOTP devices (django-otp) and what they mean for access.

A staff member enrols an authenticator app by scanning a QR code and confirming one
code; only a confirmed device counts. With ``settings.REQUIRE_2FA`` on, the admin needs
a login verified by such a device, and a staff member without one is sent to enrolment.
"""

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = _("Godkendelsesapp")


def confirmed_devices(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def has_confirmed_device(user):
    return user.is_authenticated and confirmed_devices(user).exists()


def needs_enrolment(user):
    """A logged-in staff member who must set up two-factor login before the admin opens."""
    return (
        settings.REQUIRE_2FA
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and not has_confirmed_device(user)
    )


def may_enrol(user):
    """Staff may add a device; with one already, only after logging in with it, so that a
    stolen password alone cannot add the thief's phone."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return not has_confirmed_device(user) or user.is_verified()


def pending_device(user):
    """The unconfirmed device being enrolled; the same one on every reload of the page."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(DEVICE_NAME), confirmed=False)
    return device


def verify_login_token(user, token):
    """The confirmed device that accepts ``token``, or None. Each device throttles
    repeated wrong codes itself (django-otp's ThrottlingMixin)."""
    with transaction.atomic():
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(token):
                return device
    return None


def is_throttled(user):
    """True while every confirmed device refuses codes after recent wrong ones."""
    devices = list(confirmed_devices(user))
    return bool(devices) and not any(device.verify_is_allowed()[0] for device in devices)


def confirm_device(device, token):
    """Confirm ``device`` if ``token`` is its current code. It replaces every other device
    of the user: setting up a new phone retires the old one, which may be lost."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(token):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return True


def secret_text(device):
    """The key as the base32 text an authenticator app accepts, in groups of four."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The device's otpauth:// URL as an inline SVG: no style attribute and no script,
    so it renders under the strict Content Security Policy."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", svgclass="totp-qr", lineclass=None
    )
