"""The signed links in the mails (django.core.signing): nothing secret is stored in them,
and nothing but the subscriber's id and a random per-subscriber value is signed.

- confirm: timestamped (TimestampSigner), valid for 48 hours, carries the choices asked
  for: they only take effect when the link is followed, even for an address already
  subscribed, so nobody can change another person's subscriptions;
- manage and unsubscribe: no expiry; they stop working when the address is deleted (a
  new sign-up gets a new random value).
"""

from django.core import signing

from .constants import CONFIRM_WITHIN
from .models import Subscriber

CONFIRM, MANAGE, UNSUBSCRIBE = "notify.confirm", "notify.manage", "notify.unsubscribe"


def confirm_token(subscriber, choices):
    return signing.TimestampSigner(salt=CONFIRM).sign_object(
        {"id": subscriber.pk, "k": subscriber.secret, "c": sorted(choices)}, compress=True
    )


def link_token(subscriber, purpose):
    return signing.Signer(salt=purpose).sign_object({"id": subscriber.pk, "k": subscriber.secret})


class Expired(Exception):
    pass


def _subscriber(value):
    if not isinstance(value, dict):
        return None
    subscriber = Subscriber.objects.filter(pk=value.get("id")).first()
    if subscriber is None or subscriber.secret != value.get("k"):
        return None
    return subscriber


def read_confirm(token):
    """``(subscriber, choices)``; raises :class:`Expired` after 48 hours, gives
    ``(None, [])`` for a link that is not ours or whose address is gone."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM).unsign_object(token, max_age=CONFIRM_WITHIN)
    except signing.SignatureExpired as error:
        raise Expired from error
    except signing.BadSignature:
        return None, []
    subscriber = _subscriber(value)
    choices = value.get("c") if subscriber else []
    return subscriber, [c for c in choices or [] if isinstance(c, str)]


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
