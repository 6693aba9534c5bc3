"""Pages that change at a time of day: until when a page may be kept.

The content version turns over on every save and at midnight (``caching.version``); a
page that changes at another moment without a save (booking opens at 10.00, the next
performance starts) says when with ``keep_until(request, when)``, from the view or a
template tag. The response then carries ``Expires`` (and browsers' ``max-age`` is no
longer than that, ``pages.middleware.PublicCacheMiddleware``); the shared page cache
stores it no longer than that and neither it nor a worker's own copy
(``caching.worker_copies``) is served from that moment on."""

from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe

KEPT_UNTIL = "page_kept_until"


def keep_until(request, when):
    """The page of ``request`` may be kept until ``when`` (an aware datetime) at the
    latest; the earliest of several calls counts. ``None`` changes nothing."""
    if when is None or request is None:
        return
    current = getattr(request, KEPT_UNTIL, None)
    if current is None or when < current:
        setattr(request, KEPT_UNTIL, when)


def kept_until(request):
    return getattr(request, KEPT_UNTIL, None)


def expires_header(when):
    """``when`` as an ``Expires`` value: whole seconds, cut down (never later)."""
    return http_date(int(when.timestamp()))


def expires_at(headers):
    """The ``Expires`` of a response's header pairs as a POSIX timestamp, or ``None``;
    an unreadable one counts as already past (RFC 9111: an invalid date is in the past)."""
    for name, value in headers:
        if name.lower() == "expires":
            parsed = parse_http_date_safe(value)
            return 0 if parsed is None else parsed
    return None


def seconds_left(expires, now=None):
    """Whole seconds until ``expires`` (a POSIX timestamp), ``None`` for no limit."""
    if expires is None:
        return None
    now = (now or timezone.now()).timestamp()
    return int(expires - now)


def is_fresh(expires, now=None):
    return expires is None or (now or timezone.now()).timestamp() < expires
