"""The mails to subscribers, rendered from Danish templates (templates/notify/mail/), each
with a one-click unsubscribe link and the RFC 8058 headers."""

from django.conf import settings
from django.urls import reverse

import outbox

from . import choices, tokens


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def links(subscriber):
    return {
        "unsubscribe_url": absolute(
            reverse("notify:unsubscribe", args=[tokens.link_token(subscriber, tokens.UNSUBSCRIBE)])
        ),
        "manage_url": absolute(
            reverse("notify:manage", args=[tokens.link_token(subscriber, tokens.MANAGE)])
        ),
    }


def headers(link_context):
    # RFC 8058: a mail program's "unsubscribe" button POSTs to this address by itself.
    return {
        "List-Unsubscribe": f"<{link_context['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def to_subscriber(subscriber, template, context):
    """Keyword arguments for ``outbox.enqueue`` (all but ``key``)."""
    link_context = links(subscriber)
    return {
        "to": subscriber.email,
        "headers": headers(link_context),
        **outbox.render(template, {**context, **link_context, "subscriber": subscriber}),
    }


def confirmation(subscriber, token, codes):
    # No link to change choices: there are none before the confirmation.
    return to_subscriber(
        subscriber,
        "notify/mail/confirm",
        {
            "confirming": True,
            "confirm_url": absolute(reverse("notify:confirm", args=[token])),
            "chosen": choices.labels(codes),
        },
    )
