"""Each worker's own copies of the pages it served or rendered, answered in the WSGI
entry point (``PageCacheApplication``) before Django builds a request.

A copy is kept with the content version it was rendered under; a hit then reads only the
version from the shared cache (one small value), never the page, and a copy is served only
when its version is the current one, read in the same request, so a staff change (or a
new day) shows at once on every worker all the same; and only until its ``Expires``, if
the page has one (``caching.expiry``: booking opens at a time of day)."""

import re
import threading
from http.client import responses

from django.conf import settings
from django.utils import timezone

from . import layers
from .compression import chosen_encoding, encoded_headers
from .expiry import expires_at, is_fresh
from .failures import cache_failed
from .keys import has_session_cookie, page_key
from .version import read_version, release_connection

LOCAL_PAGES_MAX = 300
# Pages with a query string (a search, a filter) apart, so that random searches never push
# the others out.
LOCAL_QUERY_PAGES_MAX = 100
local_pages = {}
local_query_pages = {}
local_lock = threading.Lock()

# What the WSGI entry point learnt about a request it passed on to Django.
ENVIRON_VERSION = "portal.content_version"
ENVIRON_UNREACHABLE = "portal.page_cache_unreachable"


class LocalPage:
    """A page ready to send: the shared cache's entry, and per content coding (none,
    brotli, gzip) the body and headers for a WSGI answer and for a response object."""

    __slots__ = ("version", "status", "answers", "expires", "max_age")

    def __init__(self, entry):
        version, status, headers, content, compressed = entry
        self.version = version
        self.status = status
        # A page that changes at a time of day is not served from then on (its Expires).
        self.expires = expires_at(headers)
        # Browsers and proxies go by max-age, not Expires (RFC 9111): sent no longer than
        # the time left until Expires, counted when the page is served (``answer``).
        self.max_age = max_age_of(headers)
        status_line = f"{status} {responses.get(status, 'Unknown Status Code')}"
        self.answers = {}
        for encoding, body in ((None, content), *compressed.items()):
            answer_headers = (
                headers if encoding is None else encoded_headers(headers, encoding, body)
            )
            self.answers[encoding] = (
                body,
                status_line,
                (*answer_headers, ("X-Page-Cache", "hit")),
                answer_headers,
            )

    def is_fresh(self):
        """Whether the page may still be served now (its ``Expires`` has not come)."""
        return is_fresh(self.expires)

    def answer(self, accept_encoding):
        """``(body, status line, WSGI headers, header pairs)`` in the coding the browser
        prefers; in the last ``max-age`` seconds before the page's ``Expires`` (booking
        opens, midnight), with a ``max-age`` that ends then."""
        found = self.answers.get(chosen_encoding(accept_encoding)) or self.answers[None]
        if self.expires is None or self.max_age is None:
            return found
        left = int(self.expires - timezone.now().timestamp())
        if left >= self.max_age:
            return found
        body, status_line, headers, plain = found
        left = max(left, 0)
        return body, status_line, with_max_age(headers, left), with_max_age(plain, left)


MAX_AGE = re.compile(r"max-age=\d+")


def max_age_of(headers):
    """The ``max-age`` of a response's ``Cache-Control`` among ``headers``, or ``None``."""
    for name, value in headers:
        if name.lower() == "cache-control":
            found = MAX_AGE.search(value)
            return int(found.group()[8:]) if found else None
    return None


def with_max_age(headers, seconds):
    """``headers`` with the ``Cache-Control``'s ``max-age`` set to ``seconds``."""
    return tuple(
        (name, MAX_AGE.sub(f"max-age={seconds}", value))
        if name.lower() == "cache-control"
        else (name, value)
        for name, value in headers
    )


def raw_query_key(meta):
    """The key of a worker's copy under the request's raw query string, as the WSGI entry
    point sees it (the page is the same as for the declared parameters alone: the
    middleware narrowed them when it kept the copy). Never a key of ``page_key``'s own:
    an encoded query never starts with "?"."""
    return page_key(meta, "?" + meta.get("QUERY_STRING", ""))


def local_page(key, query=""):
    """This worker's copy of the page under ``key``, if it keeps one."""
    return (local_query_pages if query else local_pages).get(key)


def keep_local(key, entry, query="", raw_key=None):
    """A ``LocalPage`` of ``entry``, kept as this worker's copy (when the layer is on);
    a page with a query string under ``raw_key`` too, for the WSGI entry point."""
    return store_local(key, LocalPage(entry), query, raw_key)


def store_local(key, page, query="", raw_key=None):
    """Keep ``page`` (a ``LocalPage``) as this worker's copy, as ``keep_local``."""
    if not layers.on("worker_copies"):
        return page
    pages, most = (
        (local_query_pages, LOCAL_QUERY_PAGES_MAX) if query else (local_pages, LOCAL_PAGES_MAX)
    )
    with local_lock:
        if len(pages) >= most:
            # The oldest copies go first (dicts keep their insertion order).
            for old in list(pages)[: most // 4]:
                pages.pop(old, None)
        pages[key] = page
        if query and raw_key is not None:
            pages[raw_key] = page
    return page


def forget_pages():
    with local_lock:
        local_pages.clear()
        local_query_pages.clear()


class PageCacheApplication:
    """The WSGI entry point (``ballerup_portal.wsgi``): answers an anonymous GET or
    HEAD for which this worker holds its own copy of the page (a page with a query
    string by the raw query string it was asked with),
    rendered under the current content version, before Django builds a request: one read
    of the version and no middleware, signal or response object. Everything else goes
    to Django, where ``SharedPageCacheMiddleware`` serves the shared cache, renders and
    fills it (and keeps the copies this entry point serves, with the headers every
    middleware gave them). A copy only exists for an address the middleware found
    cacheable (its key is the scheme, host and path), so the checks left here are the
    method, the session cookie and revalidations (those go to Django, which answers 304).

    The version read here goes along to Django, so a changed page costs one read; when
    the cache cannot be read, Django renders the page without trying the cache again."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if (
            (method == "GET" or method == "HEAD")
            and settings.PAGE_CACHE_ENABLED
            and "HTTP_IF_NONE_MATCH" not in environ
            and "HTTP_IF_MODIFIED_SINCE" not in environ
            and not has_session_cookie(environ)
        ):
            if environ.get("QUERY_STRING"):
                page = local_query_pages.get(raw_query_key(environ))
            else:
                page = local_pages.get(page_key(environ))
            if page is not None:
                try:
                    version = read_version()
                except Exception:
                    cache_failed("Sidecachen svarer ikke; siden vises uden cache")
                    environ[ENVIRON_UNREACHABLE] = True
                else:
                    release_connection()
                    if version == page.version and page.is_fresh():
                        body, status_line, headers, _plain = page.answer(
                            environ.get("HTTP_ACCEPT_ENCODING")
                        )
                        start_response(status_line, list(headers))
                        return [b""] if method == "HEAD" else [body]
                    if version is not None:
                        environ[ENVIRON_VERSION] = version
        return self.application(environ, start_response)
