"""A shared page cache for anonymous visitors that is never stale.

Public pages rendered for a visitor without a session cookie are kept in the ``default``
cache, which every worker and every host shares (the database cache for the embedded
set-up, Redis when ``REDIS_URL`` is set), with the content version they were rendered
under (``caching.version``: any save, and midnight, make a new one). A request reads the
current version and its page in one round trip and only serves the copy when the
versions match. Each worker also keeps its own copies (``caching.worker_copies``). A
page with an ``Expires`` (``caching.expiry``: it changes at a time of day) is stored no
longer than that and not served from then on.

Staff (anything with a session cookie) skip the cache entirely: they never get a cached
page and never fill one. When the cache is unreachable, pages are rendered as usual.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

from .compression import chosen_encoding, compressed
from .expiry import expires_at, seconds_left
from .failures import cache_failed
from .keys import QUERY_MAX_LENGTH, may_store_query_page, page_key, page_query
from .store import page_cache
from .version import first_version, read_version, version_and_page
from .worker_copies import (
    ENVIRON_UNREACHABLE,
    ENVIRON_VERSION,
    LocalPage,
    keep_local,
    local_page,
    raw_query_key,
    store_local,
)


class SharedPageCacheMiddleware:
    """Serves and fills the shared page cache for anonymous GET requests.

    The outermost middleware: a cached page costs one cache round trip and none of the
    work of the middleware below (security headers, sessions, authentication, 2FA,
    lock-outs), and a page is stored with the headers all of them gave it. Requests the
    security middleware would redirect to https, and requests for a host that is not
    allowed, pass through untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def cacheable_request(self, request):
        if not (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(settings.PAGE_CACHE_SKIP_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
        ):
            return False
        try:
            request.get_host()
        except DisallowedHost:
            return False
        return True

    def __call__(self, request):
        meta = request.META
        if meta.get(ENVIRON_UNREACHABLE) or not self.cacheable_request(request):
            return self.get_response(request)
        query, complete = page_query(request)
        if query is None:
            return self.get_response(request)
        key = page_key(meta, query)
        # This worker's own copy of the page, if any: then only the (small) version is
        # read from the shared cache, and the copy is served when it is still current.
        local = local_page(key, query)
        version = meta.get(ENVIRON_VERSION)  # read by the WSGI entry point
        entry, fetched = None, False
        try:
            if version is None and local is None:
                version, entry = version_and_page(key)
                fetched = True
            elif version is None:
                version = read_version()
        except Exception:
            cache_failed("Sidecachen svarer ikke; siden vises uden cache")
            return self.get_response(request)
        if version is None:
            try:
                version = first_version()
            except Exception:
                cache_failed("Sideversionen kunne ikke gemmes")
                return self.get_response(request)
        # What the page is rendered under; the site settings are read once per version.
        request.content_version = version
        if local is not None and local.version == version and local.is_fresh():
            return self.hit(request, local)
        if not fetched:
            try:  # a change since this worker kept its copy: another may have the new page
                entry = page_cache().get(key)
            except Exception:
                entry = None
        if isinstance(entry, tuple) and len(entry) == 5 and entry[0] == version:
            page = LocalPage(entry)
            if page.is_fresh():  # not past its Expires (caching.expiry)
                return self.hit(request, store_local(key, page, query, raw_query_key(meta)))
        response = self.get_response(request)
        if (
            request.method == "GET"
            and complete
            and self.cacheable_response(response)
            and (not query or (len(query) <= QUERY_MAX_LENGTH and may_store_query_page(version)))
        ):
            self.keep(request, key, query, version, response)
        return response

    @staticmethod
    def keep(request, key, query, version, response):
        # A page that changes at a time of day is kept until then only (caching.expiry).
        left = seconds_left(expires_at(response.items()))
        if left is not None and left <= 0:
            return
        bodies = compressed(response)
        if bodies:
            patch_vary_headers(response, ["Accept-Encoding"])
        entry = (
            version,
            response.status_code,
            tuple(response.items()),
            response.content,
            bodies,
        )
        page = keep_local(key, entry, query, raw_query_key(request.META))
        try:
            timeout = settings.PAGE_CACHE_SECONDS
            page_cache().set(key, entry, timeout if left is None else min(timeout, left))
        except Exception:
            cache_failed("Siden kunne ikke gemmes i cachen")
        encoding = chosen_encoding(request.META.get("HTTP_ACCEPT_ENCODING"))
        if encoding in bodies:  # this visitor gets the compressed page at once
            body, _status, _headers, plain = page.answers[encoding]
            response.content = body
            for name, value in plain:
                response[name] = value

    @staticmethod
    def hit(request, page):
        """The stored page as a new response: kept as plain bytes and header pairs, so
        a hit unpickles no response object."""
        meta = request.META
        body, _status, _headers, plain = page.answer(meta.get("HTTP_ACCEPT_ENCODING"))
        response = HttpResponse(body, status=page.status, headers=dict(plain))
        response["X-Page-Cache"] = "hit"
        if "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta:
            return get_conditional_response(
                request, etag=response.get("ETag"), last_modified=None, response=response
            )
        return response

    @staticmethod
    def cacheable_response(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
        )
