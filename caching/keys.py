"""Which page a request asks for: its cache key, and the query parameters that count.

A page is kept under its address (scheme, host, script name, path) and only the query
parameters its view declares (``query_parameters``); the view sees only those.
``/?utm_source=x`` is answered with the page kept for ``/``, and a page rendered for a
request with an undeclared parameter is never stored. Pages with a declared parameter are
stored at most ``PAGE_CACHE_QUERY_PAGES`` per content version, so random searches cannot
fill the cache."""

import hashlib

from django.conf import settings
from django.http import QueryDict, parse_cookie
from django.urls import Resolver404, resolve

from .release import release_id
from .store import page_cache

QUERY_PARAMETERS_ATTRIBUTE = "page_cache_query_parameters"
# Longest query string (of declared parameters) a page is stored for.
QUERY_MAX_LENGTH = 200


def page_key(meta, query=""):
    """The cache key of a request's page, from its WSGI environment as the server gave
    it (``request.META``): scheme, host, script name and path, and ``query``, the query
    parameters the view declared, sorted. The WSGI entry point and the middleware compute
    it the same way; a page may name its own address (the calendar's ``webcal://``
    links), hence the scheme and host."""
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        host = meta["HTTP_X_FORWARDED_HOST"]
    raw = "\n".join(
        (
            # Each release its own pages (caching.release: a rolling deploy).
            release_id(),
            scheme(meta),
            host,
            meta.get("SCRIPT_NAME", ""),
            meta.get("PATH_INFO", ""),
            query,
        )
    )
    # "page4": entries are (version, status, headers, content, {coding: compressed
    # content}), keyed by this address.
    return "portal:page4:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def scheme(meta):
    """``request.scheme`` from the environment alone (``SECURE_PROXY_SSL_HEADER`` as
    ``HttpRequest.scheme`` reads it)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def has_session_cookie(meta):
    cookie = meta.get("HTTP_COOKIE")
    return bool(cookie) and settings.SESSION_COOKIE_NAME in parse_cookie(cookie)


def query_parameters(*names):
    """Declare the query parameters a view's page depends on (``@query_parameters("q")``).
    For anonymous visitors the view then sees only those in ``request.GET``; its pages are
    kept per value of them, and every other parameter is left out of the key."""

    def declare(view):
        setattr(view, QUERY_PARAMETERS_ATTRIBUTE, frozenset(names))
        return view

    return declare


def page_query(request):
    """``(query, complete)``: the declared parameters of the request's view, sorted and
    encoded, and whether they were all it had; ``(None, False)`` for an address no view
    answers. ``request.GET`` is narrowed to the declared parameters, so the page rendered
    follows from the key alone."""
    if not request.META.get("QUERY_STRING"):
        return "", True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None, False
    declared = getattr(match.func, QUERY_PARAMETERS_ATTRIBUTE, frozenset())
    given = request.GET
    narrowed = QueryDict(mutable=True)
    for name in sorted(declared.intersection(given)):
        narrowed.setlist(name, given.getlist(name))
    complete = all(name in declared for name in given)
    request.GET = narrowed
    return narrowed.urlencode(), complete


def may_store_query_page(version):
    """Whether another page with a query string may be stored under ``version``: at most
    ``PAGE_CACHE_QUERY_PAGES`` per content version (counted in the shared cache)."""
    counter = f"portal:query-pages:{version}"
    cache = page_cache()
    try:
        cache.add(counter, 0, settings.PAGE_CACHE_SECONDS)
        return cache.incr(counter) <= settings.PAGE_CACHE_QUERY_PAGES
    except Exception:  # gone between add and incr, or the cache away: store nothing
        return False
