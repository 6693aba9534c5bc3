"""The shared outbox: every mail the portal sends goes through here.

Call :func:`enqueue` inside the transaction that changes the content the mail tells
about: the mail and the content are committed together or not at all, and a second
enqueue with the same key adds nothing. ``manage.py send_notifications`` sends what is
waiting (outbox/sending.py).

    with transaction.atomic():
        booking.save()
        outbox.enqueue(key=f"booking:{booking.pk}:confirmed", to=booking.email,
                       **outbox.render("bookings/mail/confirmed", {"booking": booking}))

``outbox/notice`` is a ready template for a plain notice: ``subject``, ``paragraphs``
(texts), ``links`` and ``footer`` (each ``{"text": …, "url": …}``).
"""

import hashlib
from email.utils import parseaddr

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone


def enqueue(*, key, to, subject, text, html="", headers=None, send_after=None):
    """Put one mail in the outbox (idempotent by ``key``).

    Nothing happens when a mail with this key is already there, sent or not, or was
    there: ``sending.prune`` deletes old mails but keeps their keys (``SentKey``). The
    insert joins the caller's transaction: roll it back and the mail is gone too.
    """
    from .models import Mail, SentKey

    Mail.objects.bulk_create(
        [
            Mail(
                key=key,
                to=to,
                subject=" ".join(subject.split())[:255],
                text=text,
                html=html,
                headers=dict(headers or {}),
                send_after=send_after or timezone.now(),
            )
        ],
        # INSERT … ON CONFLICT DO NOTHING (PostgreSQL) / INSERT OR IGNORE (SQLite): one
        # statement, no savepoint, and the caller's transaction stays usable.
        ignore_conflicts=True,
    )
    # Looked up after the insert: a prune that deletes the old mail and keeps its key in
    # one transaction either left the old row (the insert added nothing) or is committed
    # by now (the key is seen here, and the row just added is taken out again).
    if SentKey.objects.filter(key=key).exists():
        Mail.objects.filter(key=key, sent_at__isnull=True, given_up_at__isnull=True).delete()


def render(template, context):
    """``subject``, ``text`` and ``html`` of a mail from three Danish templates:
    ``<template>_subject.txt``, ``<template>.txt`` (extends ``outbox/base.txt``) and
    ``<template>.html`` (extends ``outbox/base.html``). The HTML carries no images, no
    tracking pixel and only the links the text has, as they are.
    """
    context = {"site_url": settings.SITE_URL, **context}
    return {
        "subject": " ".join(render_to_string(f"{template}_subject.txt", context).split()),
        "text": render_to_string(f"{template}.txt", context).strip() + "\n",
        "html": render_to_string(f"{template}.html", context),
    }


def message_id(key):
    """The Message-ID of the mail with ``key``: the same on every attempt, so that a
    receiver (or a person reading the logs) recognises the rare resend after a crash
    between the server's acceptance and the mail being marked sent."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{digest}.outbox@{domain}>"
