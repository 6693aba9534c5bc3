"""A shared page cache for anonymous visitors that is never stale.

Public pages rendered for a visitor without a session cookie are kept in the ``default``
cache, which every worker and every host shares (the database cache for the embedded
set-up, Redis when ``REDIS_URL`` is set). Every entry carries the *content version* it
was rendered under; any model save or delete, and any M2M change, in any app stores a new
version (``bump_content_version``, connected in ``PortalConfig.ready``). A request reads
the current version and its page in one round trip (``get_many``) and only serves the
copy when the versions match, so a staff change shows at once on every worker.

Each worker also keeps its own copies of the pages it served (``LocalPage``). For those a
request reads only the version, and the WSGI entry point (``PageCacheApplication``)
answers it before Django builds a request.

Where the version lives: with Redis, a key there (Redis never culls a key without an
expiry unless told to evict, and then the version is the most used key). With the
database cache, a row of its own table (``models.ContentVersion``), never in the cache
table: Django culls that table when it is full, and the version must not be culled with
the pages. On PostgreSQL that row is read with one prepared statement through psycopg's
public cursor API on the request's connection (``_read_version_psycopg``): a fifth of the
CPU time of a read through Django's cursor and the cache (measured 28 µs against 180 µs).

Query strings (``query_parameters``): a page is kept under its path and only the query
parameters its view declares; the view sees only those. ``/?utm_source=x`` is answered
with the page kept for ``/``, and a page rendered for a request with an undeclared
parameter is never stored. Pages with a declared parameter are stored at most
``PAGE_CACHE_QUERY_PAGES`` per content version, so random searches cannot fill the cache.

The version is read *before* rendering: a change committed while a page renders gives the
copy the old version, which the next request no longer accepts. The version is bumped at
the save and again when the transaction commits, so nobody caches a page read before the
commit under the new version.

Staff (anything with a session cookie) skip the cache entirely: they never get a cached
page and never fill one. When the cache is unreachable, pages are rendered as usual.
"""

import contextlib
import gzip
import hashlib
import logging
import sys
import threading
import time
import uuid
from http.client import responses

import brotli
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError, connections, router, transaction
from django.http import HttpResponse, QueryDict, parse_cookie
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:content-version"
# Models whose rows change on logins and requests, not content shown to visitors.
IGNORED_APPS = {"sessions", "axes", "admin", "otp_totp", "otp_static", "django_otp"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


_migrating = False


def migration_started(**kwargs):
    """``pre_migrate``: saves inside migrations need no version (and the cache table may
    not exist yet); ``post_migrate`` stores a new one at the end."""
    global _migrating
    _migrating = True


def migration_finished(**kwargs):
    global _migrating
    if _migrating:
        _migrating = False
        _store_new_version(kwargs.get("using") or "default")


def bump_content_version(**kwargs):
    """Store a new content version (a signal receiver for saves, deletes, M2M changes)."""
    if _migrating:
        return
    sender = kwargs.get("sender")
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in IGNORED_APPS:
        return
    action = kwargs.get("action")
    if action and not action.startswith("post_"):
        return  # m2m_changed: only after the change
    using = kwargs.get("using") or "default"
    _store_new_version(using)
    transaction.on_commit(lambda: _store_new_version(using), using=using)


def _store_new_version(using="default"):
    try:
        _write_version(uuid.uuid4().hex, using)
    except Exception:  # the cache being down must never stop a save
        cache_failed("Sideversionen kunne ikke gemmes")


def new_content_version():
    """Store a new content version now: every page kept so far is out of date (``manage.py
    restore`` calls it: the restored rows are older than the kept pages)."""
    _store_new_version()


def content_version():
    """The current content version, storing a first one if there is none yet; ``None``
    when the cache is unreachable. One round trip (``_read_version``)."""
    try:
        return _read_version() or _first_version()
    except Exception:
        cache_failed("Sideversionen kunne ikke læses")
        return None


# The version's row in ``models.ContentVersion`` while pages are kept in the database.
VERSION_ROW = 1


def _version_in_database():
    return isinstance(_cache(), DatabaseCache)


def _version_model():
    from .models import ContentVersion

    return ContentVersion


def _write_version(version, using="default"):
    if not _version_in_database():
        _cache().set(VERSION_KEY, version, None)
        return
    model = _version_model()
    alias = router.db_for_write(model)
    # A savepoint: a failed write must not break the staff member's transaction. The
    # row is written without signals (``update``, ``bulk_create``), so it bumps nothing.
    with transaction.atomic(using=alias):
        rows = model.objects.using(alias).filter(pk=VERSION_ROW)
        if not rows.update(value=version):
            model.objects.using(alias).bulk_create(
                [model(pk=VERSION_ROW, value=version)], ignore_conflicts=True
            )
            rows.update(value=version)


def _first_version():
    """A first content version, stored if none is there yet (two workers starting at once
    agree on one)."""
    version = uuid.uuid4().hex
    if _version_in_database():
        model = _version_model()
        alias = router.db_for_write(model)
        model.objects.using(alias).bulk_create(
            [model(pk=VERSION_ROW, value=version)], ignore_conflicts=True
        )
        return _read_version() or version
    if not _cache().add(VERSION_KEY, version, None):
        version = _cache().get(VERSION_KEY) or version
    return version


def _read_version():
    """The content version alone, as cheaply as it can be read: the version of every hit
    for which the worker has its own copy."""
    if not _version_in_database():
        return _cache().get(VERSION_KEY)
    model = _version_model()
    alias = router.db_for_read(model)
    connection = connections[alias]
    if (
        connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and not connection.queries_logged
    ):
        return _read_version_psycopg(connection, model)
    rows = model.objects.using(alias).filter(pk=VERSION_ROW).values_list("value", flat=True)
    return next(iter(rows), None)


def _read_version_psycopg(connection, model):
    """The version row through psycopg's own cursor on the request's connection, prepared
    on the server (``prepare=True``), in the connection's autocommit mode: no Django
    cursor wrapper and no query building. A failure closes the connection, so that the
    page is rendered on a fresh one."""
    import psycopg

    connection.ensure_connection()
    table = connection.ops.quote_name(model._meta.db_table)
    try:
        with psycopg.Cursor(connection.connection) as cursor:
            cursor.execute(f"SELECT value FROM {table} WHERE id = %s", (VERSION_ROW,), prepare=True)
            row = cursor.fetchone()
    except Exception:
        with contextlib.suppress(Exception):
            connection.close()
        raise
    return row[0] if row else None


def _version_and_page(key):
    """The content version and the shared cache's entry for ``key``: one round trip
    (``get_many``) where both are in the cache, two with the version in the database."""
    if _version_in_database():
        version = _read_version()
        return version, _cache().get(key)
    found = _cache().get_many([VERSION_KEY, key])
    return found.get(VERSION_KEY), found.get(key)


# A cache that cannot be reached is said once in a while, not on every request; while the
# database itself is unreachable (the database cache) the failing request's own log line
# says it (``logging_filters.OneLineOutages``).
WARNING_INTERVAL = 10.0
_last_warning = {}


def cache_failed(message):
    """Log the exception being handled as one line without a traceback, at most once per
    ``WARNING_INTERVAL`` seconds per message in each process."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError) and _version_in_database():
        logger.debug("%s: %s", message, error)
        return
    now = time.monotonic()
    if now - _last_warning.get(message, -WARNING_INTERVAL) < WARNING_INTERVAL:
        return
    _last_warning[message] = now
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
    logger.warning("%s: %s", message, detail)


def request_version(request):
    """The content version for this request: the one the page cache's middleware read,
    else read once and kept on a GET or HEAD request (the site settings and ``kept``
    values of one page then cost one cache round trip together, not one each). A POST
    may save, so it reads the version afresh every time."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = content_version()
        if version is not None and getattr(request, "method", None) in ("GET", "HEAD"):
            request.content_version = version
    return version


# Values kept in this process until the content version changes: see ``kept``.
_kept = {}


def kept(name, compute, request=None, key=None, still_valid=None):
    """``compute()``, kept in this process while the content version (bumped by every
    staff save) and ``key`` (today's date, say) stay the same, and ``still_valid(value)``
    holds when given (a performance that has started is no longer the next one): a value
    every page shows, like the next closing day, then costs no query. Computed afresh
    when the cache is unreachable."""
    version = request_version(request)
    if version is None:
        return compute()
    # The script prefix too: a value may hold links (``get_absolute_url``).
    key = (key, get_script_prefix())
    entry = _kept.get(name)
    if (
        entry is not None
        and entry[0] == (version, key)
        and (still_valid is None or still_valid(entry[1]))
    ):
        return entry[1]
    value = compute()
    _kept[name] = ((version, key), value)
    return value


# Rendered template fragments (``{% keep %}``) of the newest content version seen.
FRAGMENTS_MAX = 2000
_fragments = {}
_fragments_version = [None]
_fragments_lock = threading.Lock()


def kept_fragment(key, version, render):
    """The HTML ``render()`` gives, kept in this process under ``key`` while the content
    version stays ``version``: a fragment that shows only content (names, links, the
    footer's contact details) is then rendered once per staff change, not per request.
    A new version drops every fragment of the old one; at most ``FRAGMENTS_MAX`` are kept."""
    if _fragments_version[0] == version:
        html = _fragments.get(key)
        if html is not None:
            return html
    html = render()
    with _fragments_lock:
        if _fragments_version[0] != version:
            _fragments.clear()
            _fragments_version[0] = version
        if len(_fragments) >= FRAGMENTS_MAX:
            _fragments.clear()
        _fragments[key] = html
    return html


def kept_html(request, key, render):
    """``render()``'s HTML kept per content version under ``key`` (``kept_fragment``)
    for the version this request read; rendered every time without a request, with
    ``KEEP_FRAGMENTS`` off or when the cache is unreachable."""
    if request is None or not settings.KEEP_FRAGMENTS:
        return render()
    version = request_version(request)
    if version is None:
        return render()
    # Links in a fragment start with the script prefix, which is not in every key given.
    return kept_fragment((get_script_prefix(), *key), version, render)


def forget_kept():
    """Drop the kept values and fragments (tests: a rolled-back transaction keeps the
    version)."""
    _kept.clear()
    _local_pages.clear()
    with _fragments_lock:
        _fragments.clear()
        _fragments_version[0] = None


def page_key(meta, query=""):
    """The cache key of a request's page, from its WSGI environment as the server gave
    it (``request.META``): scheme, host, script name and path, and ``query``, the query
    parameters the view declared (``query_parameters``), sorted. The WSGI entry point
    and the middleware compute it the same way; a page may name its own address (the
    calendar's ``webcal://`` links), hence the scheme and host."""
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        host = meta["HTTP_X_FORWARDED_HOST"]
    raw = "\n".join(
        (
            _scheme(meta),
            host,
            meta.get("SCRIPT_NAME", ""),
            meta.get("PATH_INFO", ""),
            query,
        )
    )
    # "page4": entries are (version, status, headers, content, {coding: compressed
    # content}), keyed by this address.
    return "portal:page4:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _scheme(meta):
    """``request.scheme`` from the environment alone (``SECURE_PROXY_SSL_HEADER`` as
    ``HttpRequest.scheme`` reads it)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def _has_session_cookie(meta):
    cookie = meta.get("HTTP_COOKIE")
    return bool(cookie) and settings.SESSION_COOKIE_NAME in parse_cookie(cookie)


class LocalPage:
    """A worker's own copy of a page: the shared cache's entry, and per content coding
    (none, brotli, gzip) the body and headers ready for a WSGI answer and for a response
    object."""

    __slots__ = ("version", "status", "answers")

    def __init__(self, entry):
        version, status, headers, content, compressed = entry
        self.version = version
        self.status = status
        status_line = f"{status} {responses.get(status, 'Unknown Status Code')}"
        self.answers = {}
        for encoding, body in ((None, content), *compressed.items()):
            answer_headers = (
                headers if encoding is None else _encoded_headers(headers, encoding, body)
            )
            self.answers[encoding] = (
                body,
                status_line,
                (*answer_headers, ("X-Page-Cache", "hit")),
                answer_headers,
            )

    def answer(self, accept_encoding):
        return self.answers.get(chosen_encoding(accept_encoding)) or self.answers[None]


# Anonymous pages are compressed once, when they are stored, and sent compressed to every
# browser that accepts it. Safe from BREACH: a cached page holds no secret (no session,
# no CSRF token; a response that sets a cookie is never stored). Staff pages stay
# uncompressed, as before (a TLS proxy in front may compress those).
COMPRESS_MIN_BYTES = 200
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/xml")
BROTLI_QUALITY = 6  # about a millisecond for a page; 11 saves 10 % more at five times that


def _compressed(response):
    """``{"br": …, "gzip": …}`` of a response's body worth compressing, else ``{}``."""
    content = response.content
    if (
        len(content) < COMPRESS_MIN_BYTES
        or response.has_header("Content-Encoding")
        or not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
    ):
        return {}
    return {
        "br": brotli.compress(content, quality=BROTLI_QUALITY),
        "gzip": gzip.compress(content, compresslevel=6, mtime=0),
    }


def _encoded_headers(headers, encoding, body):
    """The identity answer's headers for the ``encoding`` of its body: its length, the
    coding, and the ETag made weak (the same page, other bytes), as Django's
    ``GZipMiddleware`` does."""
    encoded = []
    for name, value in headers:
        lower = name.lower()
        if lower == "content-length":
            value = str(len(body))
        elif lower == "etag" and not value.startswith("W/"):
            value = "W/" + value
        encoded.append((name, value))
    encoded.append(("Content-Encoding", encoding))
    return tuple(encoded)


_chosen = {}


def chosen_encoding(accept_encoding):
    """The content coding to send for an ``Accept-Encoding`` header: ``"br"``, else
    ``"gzip"``, else ``None`` (identity); a coding with ``q=0`` is refused, ``*`` stands
    for any not named. Remembered per header value (browsers send a handful)."""
    if not accept_encoding:
        return None
    chosen = _chosen.get(accept_encoding, False)
    if chosen is not False:
        return chosen
    weights = {}
    for part in accept_encoding.split(","):
        name, _, params = part.partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[name.strip().lower()] = weight
    chosen = None
    for encoding in ("br", "gzip"):
        if weights.get(encoding, weights.get("*", 0.0)) > 0:
            chosen = encoding
            break
    if len(_chosen) < 256:
        _chosen[accept_encoding] = chosen
    return chosen


# Each worker's copies of the pages it served or rendered, with the content version they
# were rendered under: a hit then reads only the version from the shared cache (one small
# value), never the page. A copy is only served when its version is the current one, read
# in the same request, so a staff change shows at once on every worker all the same.
LOCAL_PAGES_MAX = 300
_local_pages = {}
_local_lock = threading.Lock()


def _keep_local(key, entry):
    page = LocalPage(entry)
    with _local_lock:
        if len(_local_pages) >= LOCAL_PAGES_MAX:
            # The oldest copies go first (dicts keep their insertion order).
            for old in list(_local_pages)[: LOCAL_PAGES_MAX // 4]:
                _local_pages.pop(old, None)
        _local_pages[key] = page
    return page


# What the WSGI entry point learnt about a request it passed on to Django.
ENVIRON_VERSION = "portal.content_version"
ENVIRON_UNREACHABLE = "portal.page_cache_unreachable"


class PageCacheApplication:
    """The WSGI entry point (``ballerup_portal.wsgi``): answers an anonymous GET or
    HEAD without a query string for which this worker holds its own copy of the page,
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
            and not environ.get("QUERY_STRING")
            and "HTTP_IF_NONE_MATCH" not in environ
            and "HTTP_IF_MODIFIED_SINCE" not in environ
            and not _has_session_cookie(environ)
        ):
            page = _local_pages.get(page_key(environ))
            if page is not None:
                try:
                    version = _read_version()
                except Exception:
                    cache_failed("Sidecachen svarer ikke; siden vises uden cache")
                    environ[ENVIRON_UNREACHABLE] = True
                else:
                    _release_connection()
                    if version == page.version:
                        body, status_line, headers, _plain = page.answer(
                            environ.get("HTTP_ACCEPT_ENCODING")
                        )
                        start_response(status_line, list(headers))
                        return [b""] if method == "HEAD" else [body]
                    if version is not None:
                        environ[ENVIRON_VERSION] = version
        return self.application(environ, start_response)


def _release_connection():
    """After a version read outside Django's request cycle, what the end of a request
    would do to the connection it was read on: give a pooled one back to its pool,
    close a persistent one past ``CONN_MAX_AGE``."""
    if _version_in_database():
        connection = connections[router.db_for_read(_version_model())]
        if connection.connection is not None and not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


# Query parameters ---------------------------------------------------------------------

QUERY_PARAMETERS_ATTRIBUTE = "page_cache_query_parameters"
# Longest query string (of declared parameters) a page is stored for.
QUERY_MAX_LENGTH = 200


def query_parameters(*names):
    """Declare the query parameters a view's page depends on (``@query_parameters("q")``).
    For anonymous visitors the view then sees only those in ``request.GET``; its pages are
    kept per value of them, and every other parameter is left out of the key."""

    def declare(view):
        setattr(view, QUERY_PARAMETERS_ATTRIBUTE, frozenset(names))
        return view

    return declare


def _page_query(request):
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


def _may_store_query_page(version):
    """Whether another page with a query string may be stored under ``version``: at most
    ``PAGE_CACHE_QUERY_PAGES`` per content version (counted in the shared cache)."""
    counter = f"portal:query-pages:{version}"
    cache = _cache()
    try:
        cache.add(counter, 0, settings.PAGE_CACHE_SECONDS)
        return cache.incr(counter) <= settings.PAGE_CACHE_QUERY_PAGES
    except Exception:  # gone between add and incr, or the cache away: store nothing
        return False


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

    def _cacheable_request(self, request):
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
        if meta.get(ENVIRON_UNREACHABLE) or not self._cacheable_request(request):
            return self.get_response(request)
        query, complete = _page_query(request)
        if query is None:
            return self.get_response(request)
        key = page_key(meta, query)
        # This worker's own copy of the page, if any: then only the (small) version is
        # read from the shared cache, and the copy is served when it is still current.
        local = _local_pages.get(key)
        version = meta.get(ENVIRON_VERSION)  # read by the WSGI entry point
        entry, fetched = None, False
        try:
            if version is None and local is None:
                version, entry = _version_and_page(key)
                fetched = True
            elif version is None:
                version = _read_version()
        except Exception:
            cache_failed("Sidecachen svarer ikke; siden vises uden cache")
            return self.get_response(request)
        if version is None:
            try:
                version = _first_version()
            except Exception:
                cache_failed("Sideversionen kunne ikke gemmes")
                return self.get_response(request)
        # What the page is rendered under; the site settings are read once per version.
        request.content_version = version
        if local is not None and local.version == version:
            return self._hit(request, local)
        if not fetched:
            try:  # a change since this worker kept its copy: another may have the new page
                entry = _cache().get(key)
            except Exception:
                entry = None
        if isinstance(entry, tuple) and len(entry) == 5 and entry[0] == version:
            # Pages with a query string are not copied into the worker: their number is
            # bounded in the shared cache only, and they must not push the others out.
            page = _keep_local(key, entry) if not query else LocalPage(entry)
            return self._hit(request, page)
        response = self.get_response(request)
        if (
            request.method == "GET"
            and complete
            and self._cacheable_response(response)
            and (not query or (len(query) <= QUERY_MAX_LENGTH and _may_store_query_page(version)))
        ):
            self._keep(request, key, query, version, response)
        return response

    @staticmethod
    def _keep(request, key, query, version, response):
        compressed = _compressed(response)
        if compressed:
            patch_vary_headers(response, ["Accept-Encoding"])
        entry = (
            version,
            response.status_code,
            tuple(response.items()),
            response.content,
            compressed,
        )
        page = _keep_local(key, entry) if not query else LocalPage(entry)
        try:
            _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:
            cache_failed("Siden kunne ikke gemmes i cachen")
        encoding = chosen_encoding(request.META.get("HTTP_ACCEPT_ENCODING"))
        if encoding in compressed:  # this visitor gets the compressed page at once
            body, _status, _headers, plain = page.answers[encoding]
            response.content = body
            for name, value in plain:
                response[name] = value

    @staticmethod
    def _hit(request, page):
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
    def _cacheable_response(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
        )
