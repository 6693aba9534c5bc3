"""Signing up: the limits that keep the form from flooding an inbox or the database, and
the confirmation mail."""

import contextlib
import hashlib
import hmac
import ipaddress
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
    """The address as it is stored: lower case throughout. Mail systems parents use treat
    the part before @ without regard to case too, so "Mette@…" (a phone capitalises the
    first letter) and "mette@…" are one subscriber, not two getting every notice twice."""
    return email.strip().lower()


def mailbox(email):
    """The inbox an address reaches, for the per-address limit: lower case, without a
    "+tag" ("navn+1@…", "navn+2@…" all reach navn@…), the domain in its ASCII (IDNA)
    form ("æøå.dk" and "xn--5cab8c.dk" are one domain)."""
    local, _at, domain = normalise(email).rpartition("@")
    local = local.split("+", 1)[0]
    with contextlib.suppress(UnicodeError):  # a domain IDNA cannot write stays as typed
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def client_key(ip):
    """The client the hourly limit counts: an IPv4 address, or an IPv6 address's /64 (a
    home or a phone has a whole /64 and could take a new address for every request)."""
    try:
        address = ipaddress.ip_address(ip or "")
    except ValueError:
        return ip or ""
    if address.version == 6:
        if address.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is 192.0.2.1
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


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
    if len(email) > Subscriber._meta.get_field("email").max_length:
        # A letter that grows in lower case ("İ") can make a valid address too long.
        raise Refused(_("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."), status=400)
    address, client = digest(mailbox(email)), digest(client_key(client))
    now = timezone.now()
    with transaction.atomic():
        one_at_a_time()
        attempts = SignupAttempt.objects.filter(at__gte=now - timedelta(days=1))
        if attempts.filter(address_digest=address).count() >= MAX_PER_ADDRESS_PER_DAY:
            raise Refused(
                _(
                    "Der er allerede sendt flere bekræftelsesmails til denne adresse i dag. "
                    "Se efter dem i din indbakke (og uønsket post), eller prøv igen i morgen."
                )
            )
        recent = attempts.filter(at__gte=now - timedelta(hours=1), client_digest=client)
        if recent.count() >= MAX_PER_CLIENT_PER_HOUR:
            raise Refused(
                _(
                    "Der er sendt mange tilmeldinger fra din forbindelse den seneste time. "
                    "Prøv igen om en time."
                )
            )
        # Asked before the address is looked up, and answered alike for every address:
        # otherwise the answer would tell whether an address is subscribed.
        if Subscriber.objects.pending().count() >= MAX_PENDING:
            raise Refused(
                _("Der er mange ubekræftede tilmeldinger lige nu. Prøv igen om et par timer."),
                status=503,
            )
        # Also an address stored before addresses were stored in lower case.
        subscriber = Subscriber.objects.filter(email__iexact=email).order_by("pk").first()
        if subscriber is None:
            subscriber = Subscriber.objects.create(email=email)
        elif not subscriber.is_confirmed:
            # The new link is valid for 48 hours: so is the unconfirmed address.
            subscriber.created = now
            subscriber.save(update_fields=["created"])
        attempt = SignupAttempt.objects.create(address_digest=address, client_digest=client)
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
