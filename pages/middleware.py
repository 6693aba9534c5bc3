"""Response headers that neither Django nor django-csp sets: permissions and caching."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from caching.expiry import expires_at, expires_header, kept_until, seconds_left


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` → ``camera=(), fullscreen=(self)``."""
    return ", ".join(
        f"{feature}=({' '.join(origins)})" for feature, origins in sorted(policy.items())
    )


class PermissionsPolicyMiddleware:
    """Switches off the browser features listed in ``settings.PERMISSIONS_POLICY``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def next_midnight():
    """The next midnight in the portal's time zone (Europe/Copenhagen)."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


class PublicCacheMiddleware:
    """Lets browsers and a caching proxy keep public pages a short while for visitors who
    are not logged in, and keeps everything else private.

    Only successful GET/HEAD responses that set no cookie and no ``Cache-Control`` of their
    own (the admin sets ``never_cache``) become public. ``Vary: Cookie`` keeps a staff
    member who logs in from being served the anonymous copy, so staff see their own edits
    at once; parents may see a change up to ``PUBLIC_CACHE_SECONDS`` later. A page that
    changes at a time of day (``caching.expiry.keep_until``) gets an ``Expires`` at that
    time and a ``max-age`` no longer than until then.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        patch_vary_headers(response, ["Cookie"])
        # A session cookie, even one naming no session, makes the answer private: the
        # session middleware (outside this one) may still delete that cookie with a
        # Set-Cookie, which a public answer must never carry.
        anonymous = (
            not request.user.is_authenticated
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        if response.status_code == 200 and anonymous and not response.cookies:
            # Kept no longer by anyone than until the page changes: at a time of day
            # (booking opens), else at midnight at the latest (the next closing day, a
            # sign-up deadline, "coming" and "past" move then).
            until = next_midnight()
            changes = kept_until(request)
            if changes is not None and changes < until:
                until = changes
            response["Expires"] = expires_header(until)
            left = seconds_left(expires_at(response.items()))
            max_age = max(min(settings.PUBLIC_CACHE_SECONDS, left), 0)
            patch_cache_control(response, public=True, max_age=max_age)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response


# The policy of a response no inner middleware got to: a 400 for a forged Host header is
# made before django-csp and the security middleware run. Its page loads our CSS only.
BASELINE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class BaselineSecurityHeadersMiddleware:
    """Outermost but for the page cache (whose pages were stored with these headers):
    every response carries the security headers, also the ones produced before the rest
    of the stack ran. Headers set further in are kept as they are."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Static files (WhiteNoise answers them further in) and the 400 get it here.
        self.headers = {
            **BASELINE_HEADERS,
            "Permissions-Policy": permissions_policy_header(settings.PERMISSIONS_POLICY),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response
