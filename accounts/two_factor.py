"""Two-factor login for staff: TOTP devices (django-otp) and what they mean for access.

A staff member enrols an authenticator app by scanning a QR code and confirming one
code; only a confirmed device counts. With ``settings.REQUIRE_2FA`` on, the admin needs
a login verified by such a device, and a staff member without one is sent to enrolment.
"""

import segno
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

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


PENDING_KEY = "portal_2fa_pending_key"
PENDING_FAILURES = "portal_2fa_pending_failures"
# Wrong codes in a row before the key being set up is thrown away for a fresh one.
MAX_ENROLMENT_FAILURES = 5


def pending_device(request):
    """The device being set up in this session: an unsaved device with a key kept in the
    session only. Every login session gets its own key (someone else who has the password
    and opens this page sees another key), and the same one on every reload of the page,
    so a half-finished scan still works. It reaches the database only when confirmed."""
    key = request.session.get(PENDING_KEY)
    if key is None:
        key = request.session[PENDING_KEY] = random_hex(20)
    return TOTPDevice(user=request.user, name=str(DEVICE_NAME), key=key, confirmed=False)


def _matching_step(device, token):
    """The time step at which ``token`` is the device's code, or None."""
    try:
        token = int(token)
    except (TypeError, ValueError):
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    for offset in range(-device.tolerance, device.tolerance + 1):
        totp.drift = device.drift + offset
        if totp.token() == token:
            return totp.t()
    return None


def confirm_pending_device(request, token):
    """Store this session's pending device if ``token`` is its current code, retiring every
    other device of the user (setting up a new phone retires the old one, which may be
    lost) and ending the user's other sessions. Returns the device, or None."""
    device = pending_device(request)
    step = _matching_step(device, token)
    if step is None:
        failures = request.session.get(PENDING_FAILURES, 0) + 1
        request.session[PENDING_FAILURES] = failures
        if failures >= MAX_ENROLMENT_FAILURES:
            # Guessing is slowed down: the next try starts over with a new key.
            request.session.pop(PENDING_KEY, None)
            request.session.pop(PENDING_FAILURES, None)
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).delete()
        device.confirmed = True
        device.last_t = step
        device.save()
    request.session.pop(PENDING_KEY, None)
    request.session.pop(PENDING_FAILURES, None)
    end_other_sessions(request)
    return device


def end_other_sessions(request):
    """Log the user out everywhere but here: whoever had the password before the phone
    was set up is logged out with it."""
    user_id = str(request.user.pk)
    current = request.session.session_key
    stale = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if session.session_key != current and session.get_decoded().get(SESSION_KEY) == user_id
    ]
    Session.objects.filter(session_key__in=stale).delete()


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
