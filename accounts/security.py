"""Login protection: which client address a request comes from, and the lock-out page.

django-axes counts failed logins per username and client address. Behind reverse
proxies REMOTE_ADDR is the nearest proxy, so the client is read from X-Forwarded-For,
trusting exactly ``settings.TRUSTED_PROXY_COUNT`` hops: anything further left in the
header is whatever the client chose to send and must not decide whose counter grows.
"""

from django.conf import settings
from django.shortcuts import render


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote_addr
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [hop for hop in forwarded if hop]
    # Each trusted proxy appends the address it received the request from; the last
    # proxy's own address is REMOTE_ADDR. With n proxies the client is the n-th from the
    # right. A shorter header means the request bypassed a proxy: count REMOTE_ADDR.
    if len(forwarded) < proxies:
        return remote_addr
    return forwarded[-proxies]


def lockout_response(request, original_response=None, credentials=None):
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "axes/lockout.html",
        {"minutes": seconds // 60, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
