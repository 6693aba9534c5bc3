"""Sending what waits in the outbox, safely against crashes and a mail server that is down.

A run takes (claims) a batch of due mails in one short transaction: each gets
``claimed_until`` (a lease) and no other run touches it until then. On PostgreSQL the
rows are read with ``SELECT … FOR UPDATE SKIP LOCKED``, so two senders at once take
different mails; SQLite has no row locks, but its writes are serialised (the embedded
default starts every transaction IMMEDIATE), so two claims never overlap either.

The batch goes out over one connection. Before each mail the run renews its lease on that
mail (and skips it if the lease was lost); right after the server accepted it the mail is
marked sent in its own autocommitted statement. Every claim has its own random token
(``claim_token``): a run whose lease ran out while it was still sending (a slow server, a
paused process) and whose mail another run took over changes nothing but "sent" on it;
its put-back, give-up or error touches only rows still held under its own token, so it
cannot undo the other run's claim or mark. So:

- a crash leaves every mail either marked sent (never sent again) or still waiting (sent
  by a later run when the lease runs out): nothing is lost;
- only a crash in the moment between the server's acceptance and the mark, or one mail's
  delivery taking longer than the lease (``LEASE``, far above ``EMAIL_TIMEOUT``), can
  send one mail twice; the two copies carry the same Message-ID (``outbox.message_id``),
  so the resend is recognisable and most mail systems drop it.

A mail server that cannot be reached leaves the batch waiting with a growing pause
(``backoff``) and one log line, not a traceback per mail. So does a refusal that is the
server's or the configuration's, not one mail's: the sender refused (``MAIL FROM``
answered 530 authentication required, 550 or 553: ``EMAIL_HOST_USER`` forgotten, a
``DEFAULT_FROM_EMAIL`` the server will not send from), or a ``DEFAULT_FROM_EMAIL`` that
Django cannot write as a header (``outbox.checks`` reports it too). A mail the server
refuses for good (a 5xx answer for its recipient: no such mailbox) is given up after
``MAX_ATTEMPTS``.
"""

import contextlib
import logging
import secrets
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import message_id
from .models import Mail, SentKey

logger = logging.getLogger("outbox")

LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
FIRST_PAUSE = timedelta(minutes=1)
LONGEST_PAUSE = timedelta(hours=6)


def backoff(attempts):
    """The pause before the next try after ``attempts`` failed ones: 1, 2, 4, … minutes,
    at most six hours."""
    return min(FIRST_PAUSE * 2 ** max(attempts - 1, 0), LONGEST_PAUSE)


@dataclass
class Result:
    sent: int = 0
    waiting: int = 0
    given_up: int = 0
    server_down: bool = False


def waiting_mails(now):
    return Mail.objects.filter(
        sent_at__isnull=True, given_up_at__isnull=True, send_after__lte=now
    ).filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))


def claim(batch_size, now):
    """Take up to ``batch_size`` due mails for this run; returns them with their lease."""
    until, token = now + LEASE, secrets.token_hex(16)
    with transaction.atomic():
        due = waiting_mails(now).order_by("send_after", "id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("id", flat=True)[:batch_size])
        if not ids:
            return []
        Mail.objects.filter(id__in=ids).update(claimed_until=until, claim_token=token)
    return list(Mail.objects.filter(id__in=ids, claim_token=token).order_by("send_after", "id"))


def held(mail):
    """``mail``'s row while this run still holds it (and it is neither sent nor given
    up): every change but "sent" goes through here."""
    return Mail.objects.filter(
        pk=mail.pk, claim_token=mail.claim_token, sent_at__isnull=True, given_up_at__isnull=True
    )


def message(mail, conn):
    headers = {**mail.headers, "Message-ID": message_id(mail.key)}
    email = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        headers=headers,
        connection=conn,
    )
    if mail.html:
        email.attach_alternative(mail.html, "text/html")
    return email


def _first_line(error):
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:500]


def _put_back(mails, error, now):
    """The mails wait again, each after a pause that grows with its attempts."""
    for mail in mails:
        attempts = mail.attempts + 1
        held(mail).update(
            attempts=attempts,
            last_error=_first_line(error),
            claimed_until=None,
            claim_token="",
            send_after=now + backoff(attempts),
        )


def _refused_for_good(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _server_gone(error):
    """A mail server that is down or went away (smtplib's errors are OSErrors too; a
    refused recipient is not the server's absence)."""
    if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def _refused_everywhere(error):
    """The server refuses the sender or wants a login: no mail can go until the
    configuration is fixed, whichever its recipient."""
    if isinstance(error, smtplib.SMTPSenderRefused):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code == 530 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code == 530


def sender_error():
    """Why Django cannot write ``DEFAULT_FROM_EMAIL`` as a From header, or ``None``."""
    try:
        EmailMultiAlternatives(
            subject="kontrol", body="kontrol", from_email=settings.DEFAULT_FROM_EMAIL,
            to=["kontrol@example.dk"],
        ).message()  # fmt: skip
    except Exception as error:  # noqa: BLE001 - any failure means no mail can be written
        return _first_line(error)
    return None


def send_batch(batch_size=50):
    """Claim and send one batch. Returns a :class:`Result`."""
    result = Result()
    now = timezone.now()
    mails = claim(batch_size, now)
    if not mails:
        return result
    problem = sender_error()
    if problem:
        _put_back(mails, f"DEFAULT_FROM_EMAIL kan ikke bruges: {problem}", now)
        result.waiting, result.server_down = len(mails), True
        logger.error(
            "DEFAULT_FROM_EMAIL %r kan ikke bruges som afsender (%s; sæt navnet i "
            "anførselstegn); %d mails venter.",
            settings.DEFAULT_FROM_EMAIL,
            problem,
            len(mails),
        )
        return result
    conn = get_connection(fail_silently=False)
    try:
        conn.open()
    except OSError as error:  # smtplib.SMTPException included
        _put_back(mails, error, now)
        result.waiting, result.server_down = len(mails), True
        logger.warning(
            "Mailserveren kan ikke nås (%s); %d mails venter og prøves igen senere.",
            _first_line(error),
            len(mails),
        )
        return result
    try:
        for index, mail in enumerate(mails):
            now = timezone.now()
            # Renew this run's lease; a run that lost it (paused past the lease) skips the
            # mail, which another run now owns.
            renewed = held(mail).update(claimed_until=now + LEASE)
            if not renewed:
                continue
            mail.claimed_until = now + LEASE
            try:
                email = message(mail, conn)
                email.message()  # a header that cannot be written fails here, not in SMTP
            except Exception as error:  # noqa: BLE001 - one broken mail must not stop the rest
                held(mail).update(
                    last_error=_first_line(error),
                    claimed_until=None,
                    claim_token="",
                    given_up_at=now,
                )
                result.given_up += 1
                logger.error("Mail %s kan ikke laves og er opgivet: %s", mail.key, error)
                continue
            try:
                accepted = email.send()
            except OSError as error:  # smtplib.SMTPException included
                if _refused_everywhere(error):
                    rest = mails[index:]
                    _put_back(rest, error, now)
                    result.waiting += len(rest)
                    result.server_down = True
                    logger.error(
                        "Mailserveren afviser afsenderen (%s): tjek DEFAULT_FROM_EMAIL og "
                        "EMAIL_HOST_USER/EMAIL_HOST_PASSWORD; %d mails venter.",
                        _first_line(error),
                        len(rest),
                    )
                    break
                if not _server_gone(error):
                    refused = _refused_for_good(error)
                    if refused and mail.attempts + 1 >= MAX_ATTEMPTS:
                        held(mail).update(
                            attempts=F("attempts") + 1,
                            last_error=_first_line(error),
                            claimed_until=None,
                            claim_token="",
                            given_up_at=now,
                        )
                        result.given_up += 1
                        logger.warning("Mail %s opgivet: %s", mail.key, _first_line(error))
                    else:
                        _put_back([mail], error, now)
                        result.waiting += 1
                        logger.warning("Mail %s venter: %s", mail.key, _first_line(error))
                    continue
                rest = mails[index:]
                _put_back(rest, error, now)
                result.waiting += len(rest)
                result.server_down = True
                logger.warning(
                    "Forbindelsen til mailserveren blev afbrudt (%s); %d mails venter.",
                    _first_line(error),
                    len(rest),
                )
                break
            if not accepted:
                _put_back([mail], "Mailen blev ikke modtaget", now)
                result.waiting += 1
                continue
            # Accepted by the server: marked sent at once, in its own transaction; even by
            # a run that lost its lease meanwhile (the mail did go), but only once.
            Mail.objects.filter(pk=mail.pk, sent_at__isnull=True).update(
                sent_at=timezone.now(),
                claimed_until=None,
                claim_token="",
                last_error="",
                attempts=F("attempts") + 1,
            )
            result.sent += 1
    finally:
        # Closing a connection that died must not hide what was sent.
        with contextlib.suppress(Exception):
            conn.close()
    return result


# Sent mails are kept this long (to see what went out), then deleted: they hold addresses.
KEEP_SENT = timedelta(days=30)
# Their keys (no address, no text) are kept this long after that: longer than any notice
# can be made again (a closing day is at most next year's, a booking's showing sooner).
KEEP_KEYS = timedelta(days=2 * 365)
PRUNE_CHUNK = 500


def prune(now=None):
    """Delete the mails sent (or given up) more than ``KEEP_SENT`` ago, keeping their keys
    (``SentKey``) so that ``enqueue`` never makes one of them again; keys older than
    ``KEEP_KEYS`` go too. Returns the number of mails deleted."""
    now = now or timezone.now()
    cutoff = now - KEEP_SENT
    old = Mail.objects.filter(Q(sent_at__lt=cutoff) | Q(given_up_at__lt=cutoff))
    deleted = 0
    while True:
        with transaction.atomic():
            rows = list(old.values_list("pk", "key", "created")[:PRUNE_CHUNK])
            if not rows:
                break
            SentKey.objects.bulk_create(
                [SentKey(key=key, created=created) for _pk, key, created in rows],
                ignore_conflicts=True,
            )
            Mail.objects.filter(pk__in=[pk for pk, _key, _created in rows]).delete()
        deleted += len(rows)
    SentKey.objects.filter(created__lt=now - KEEP_SENT - KEEP_KEYS).delete()
    return deleted


def send_due(batch_size=50, max_batches=20):
    """Send batches until nothing is due, the server is down or ``max_batches`` ran."""
    total = Result()
    for _ in range(max_batches):
        result = send_batch(batch_size)
        total.sent += result.sent
        total.waiting += result.waiting
        total.given_up += result.given_up
        if result.server_down:
            total.server_down = True
            break
        if not (result.sent or result.given_up or result.waiting):
            break
    return total
