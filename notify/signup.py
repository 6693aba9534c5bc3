"""Signing up: the limits that keep the form from flooding an inbox or the database, and
the confirmation mail."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import outbox

from . import mails, tokens
from .constants import MAX_PENDING, MAX_PER_ADDRESS_PER_DAY, MAX_PER_CLIENT_PER_HOUR
from .models import SignupAttempt, Subscriber


class Refused(Exception):
    """The sign-up is refused; the message says why, in Danish."""

    def __init__(self, message, status=429):
        super().__init__(message)
        self.message = message
        self.status = status


def digest(value):
    """A keyed digest: the rate limits count by it without keeping the address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def normalise(email):
    local, _at, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


# Sign-ups take their turn: two at once cannot both pass a limit that only one of them
# may. PostgreSQL: a transaction-level advisory lock (any fixed 64-bit number names it);
# SQLite: the portal's transactions are IMMEDIATE (settings), so writers take turns anyway.
SIGNUP_LOCK = 0x6E6F74696679  # "notify"


def one_at_a_time():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SIGNUP_LOCK])


def sign_up(email, codes, client):
    """Store the address (unconfirmed if new) and put a confirmation mail carrying the
    choices in the outbox. Raises :class:`Refused` when a limit is reached."""
    email = normalise(email)
    now = timezone.now()
    with transaction.atomic():
        one_at_a_time()
        attempts = SignupAttempt.objects.filter(at__gte=now - timedelta(days=1))
        if attempts.filter(address_digest=digest(email)).count() >= MAX_PER_ADDRESS_PER_DAY:
            raise Refused(
                _(
                    "Der er allerede sendt flere bekræftelsesmails til denne adresse i dag. "
                    "Se efter dem i din indbakke (og uønsket post), eller prøv igen i morgen."
                )
            )
        recent = attempts.filter(at__gte=now - timedelta(hours=1), client_digest=digest(client))
        if recent.count() >= MAX_PER_CLIENT_PER_HOUR:
            raise Refused(
                _(
                    "Der er sendt mange tilmeldinger fra din forbindelse den seneste time. "
                    "Prøv igen om en time."
                )
            )
        subscriber = Subscriber.objects.filter(email=email).first()
        if subscriber is None:
            if Subscriber.objects.pending().count() >= MAX_PENDING:
                raise Refused(
                    _("Der er mange ubekræftede tilmeldinger lige nu. Prøv igen om et par timer."),
                    status=503,
                )
            subscriber = Subscriber.objects.create(email=email)
        elif not subscriber.is_confirmed:
            # The new link is valid for 48 hours: so is the unconfirmed address.
            subscriber.created = now
            subscriber.save(update_fields=["created"])
        attempt = SignupAttempt.objects.create(
            address_digest=digest(email), client_digest=digest(client)
        )
        outbox.enqueue(
            key=f"notify:confirm:{subscriber.pk}:{attempt.pk}",
            **mails.confirmation(subscriber, tokens.confirm_token(subscriber, codes), codes),
        )
    return subscriber


def clean_up(now=None):
    """Delete the addresses not confirmed within 48 hours and the counts older than a day."""
    now = now or timezone.now()
    expired, _kinds = Subscriber.objects.expired(now).delete()
    SignupAttempt.objects.filter(at__lt=now - timedelta(days=1)).delete()
    return expired


def forget(subscriber):
    """Unsubscribing: the address, its choices and the notices to it still in the outbox
    are deleted."""
    from outbox.models import Mail

    with transaction.atomic():
        # A staff member's weekly digest to the same address is theirs, not the choices'.
        notices = Mail.objects.filter(to=subscriber.email, key__startswith="notify:")
        notices.exclude(key__startswith="notify:digest:").delete()
        subscriber.delete()
