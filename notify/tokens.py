"""The signed links in the mails (django.core.signing): nothing secret is stored in them,
and nothing but the subscriber's id and a random per-subscriber value is signed.

- confirm: timestamped (TimestampSigner), valid for 48 hours, carries the choices asked
  for: they only take effect when the link is followed, even for an address already
  subscribed, so nobody can change another person's subscriptions. It also carries the
  subscriber's ``choices_version``: once the person has taken a choice off, an older link
  is outdated and brings nothing back (the unsubscribe sticks);
- manage and unsubscribe: no expiry; they stop working when the address is deleted (a
  new sign-up gets a new random value).
"""

from django.core import signing

from .constants import CONFIRM_WITHIN
from .models import Subscriber

CONFIRM, MANAGE, UNSUBSCRIBE = "notify.confirm", "notify.manage", "notify.unsubscribe"


def confirm_token(subscriber, choices):
    return signing.TimestampSigner(salt=CONFIRM).sign_object(
        {
            "id": subscriber.pk,
            "k": subscriber.secret,
            "c": sorted(choices),
            "v": subscriber.choices_version,
        },
        compress=True,
    )


def link_token(subscriber, purpose):
    return signing.Signer(salt=purpose).sign_object({"id": subscriber.pk, "k": subscriber.secret})


class Expired(Exception):
    pass


class Outdated(Exception):
    """The person has changed their choices since the link was sent."""


def _subscriber(value, subscribers=Subscriber.objects):
    if not isinstance(value, dict):
        return None
    subscriber = subscribers.filter(pk=value.get("id")).first()
    if subscriber is None or subscriber.secret != value.get("k"):
        return None
    return subscriber


def read_confirm(token, subscribers=Subscriber.objects):
    """``(subscriber, choices)``; raises :class:`Expired` after 48 hours and
    :class:`Outdated` when the person has taken a choice off since it was sent, gives
    ``(None, [])`` for a link that is not ours or whose address is gone. ``subscribers``
    is where the subscriber is read from (``select_for_update()`` to hold it)."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM).unsign_object(token, max_age=CONFIRM_WITHIN)
    except signing.SignatureExpired as error:
        raise Expired from error
    except signing.BadSignature:
        return None, []
    subscriber = _subscriber(value, subscribers)
    if subscriber is None:
        return None, []
    # Links sent before the version was kept carry none: they count as the first one.
    if value.get("v", 0) != subscriber.choices_version:
        raise Outdated
    return subscriber, [c for c in value.get("c") or [] if isinstance(c, str)]


def read_link(token, purpose):
    try:
        return _subscriber(signing.Signer(salt=purpose).unsign_object(token))
    except signing.BadSignature:
        return None


DIGEST_OFF = "notify.digest-off"


def digest_token(user):
    return signing.Signer(salt=DIGEST_OFF).sign_object({"u": user.pk})


def read_digest_token(token):
    from django.contrib.auth import get_user_model

    try:
        value = signing.Signer(salt=DIGEST_OFF).unsign_object(token)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict):
        return None
    return get_user_model().objects.filter(pk=value.get("u"), is_active=True).first()
