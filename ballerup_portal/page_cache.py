"""A shared page cache for anonymous visitors that is never stale.

Public pages rendered for a visitor without a session cookie are kept in the ``default``
cache, which every worker and every host shares (the database cache for the embedded
set-up, Redis when ``REDIS_URL`` is set). Every entry carries the *content version* it
was rendered under; any model save or delete, and any M2M change, in any app stores a new
version (``bump_content_version``, connected in ``PortalConfig.ready``). A request reads
the current version and its page in one round trip (``get_many``) and only serves the
copy when the versions match, so a staff change shows at once on every worker.

The version is read *before* rendering: a change committed while a page renders gives the
copy the old version, which the next request no longer accepts. The version is bumped at
the save and again when the transaction commits, so nobody caches a page read before the
commit under the new version.

Staff (anything with a session cookie) skip the cache entirely: they never get a cached
page and never fill one. When the cache is unreachable, pages are rendered as usual.
"""

import contextlib
import hashlib
import logging
import sys
import threading
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

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
        # A savepoint: the database cache writes on the saving connection, and a failed
        # cache write must not break the staff member's transaction.
        with transaction.atomic(using=using):
            _cache().set(VERSION_KEY, uuid.uuid4().hex, None)
    except Exception:  # the cache being down must never stop a save
        logger.warning("Sideversionen kunne ikke gemmes i cachen: %s", sys.exc_info()[1])


def content_version():
    """The current content version, storing a first one if there is none yet; ``None``
    when the cache is unreachable. One cache round trip (none on Redis' or the memory's
    side of the database)."""
    try:
        version = _lookup([VERSION_KEY]).get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            # add: two workers starting at once agree on one version.
            if not _cache().add(VERSION_KEY, version, None):
                version = _cache().get(VERSION_KEY) or version
        return version
    except Exception:
        logger.warning("Sideversionen kunne ikke læses fra cachen: %s", sys.exc_info()[1])
        return None


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


def forget_kept():
    """Drop the kept values and fragments (tests: a rolled-back transaction keeps the
    version)."""
    _kept.clear()
    _local_pages.clear()
    with _fragments_lock:
        _fragments.clear()
        _fragments_version[0] = None


def _page_key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    # "page2": entries are (version, status, headers, content), no pickled response.
    return f"portal:page2:{digest}"


def _lookup(keys):
    """``get_many`` on the page cache. On the database cache the lookup is usually the
    request's first query, so it also stands for the connection's health check
    (``SELECT 1`` before the first query of every request, ``CONN_HEALTH_CHECKS``): a
    hit, or reading the content version, then costs one round trip, not two. Should the
    lookup fail, the connection is closed, so that rendering the page opens a fresh one,
    as the health check would have done."""
    cache = _cache()
    connection = None
    if isinstance(cache, DatabaseCache):
        connection = connections[router.db_for_read(cache.cache_model_class)]
        if connection.connection is not None and not connection.in_atomic_block:
            connection.health_check_done = True
    try:
        return cache.get_many(keys)
    except Exception:
        if connection is not None and not connection.in_atomic_block:
            with contextlib.suppress(Exception):
                connection.close()
        raise


# Each worker's copies of the pages it served or rendered, with the content version they
# were rendered under: a hit then reads only the version from the shared cache (one small
# value), never the page. A copy is only served when its version is the current one, read
# in the same request, so a staff change shows at once on every worker all the same.
LOCAL_PAGES_MAX = 300
_local_pages = {}
_local_lock = threading.Lock()


def _keep_local(key, entry):
    with _local_lock:
        if len(_local_pages) >= LOCAL_PAGES_MAX:
            # The oldest copies go first (dicts keep their insertion order).
            for old in list(_local_pages)[: LOCAL_PAGES_MAX // 4]:
                _local_pages.pop(old, None)
        _local_pages[key] = entry


class SharedPageCacheMiddleware:
    """Serves and fills the shared page cache for anonymous GET requests.

    Sits right after WhiteNoise, before sessions, authentication, 2FA and lock-out
    middleware: a cached page costs one cache round trip and none of their work.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_SKIP_PREFIXES)
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request)
        # This worker's own copy of the page, if any: then only the (small) version is
        # read from the shared cache, and the copy is served when it is still current.
        local = _local_pages.get(key)
        try:
            found = _lookup([VERSION_KEY] if local is not None else [VERSION_KEY, key])
        except Exception:
            logger.warning("Sidecachen svarer ikke; siden vises uden cache", exc_info=True)
            return self.get_response(request)
        version = found.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            try:
                # add: two workers starting at once agree on one version.
                if not _cache().add(VERSION_KEY, version, None):
                    version = _cache().get(VERSION_KEY) or version
            except Exception:
                return self.get_response(request)
        # What the page is rendered under; the site settings are read once per version.
        request.content_version = version
        if local is not None and local[0] == version:
            return self._hit(request, local)
        if local is None:
            entry = found.get(key)
        else:  # a change since this worker kept its copy: another may have the new page
            try:
                entry = _cache().get(key)
            except Exception:
                entry = None
        if entry is not None and entry[0] == version:
            _keep_local(key, entry)
            return self._hit(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and self._cacheable_response(response):
            entry = (version, response.status_code, tuple(response.items()), response.content)
            _keep_local(key, entry)
            try:
                _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Siden kunne ikke gemmes i cachen", exc_info=True)
        return response

    @staticmethod
    def _hit(request, entry):
        """The stored page as a new response: kept as plain bytes and header pairs, so
        a hit unpickles no response object."""
        _version, status, headers, content = entry
        response = HttpResponse(content, status=status, headers=dict(headers))
        response["X-Page-Cache"] = "hit"
        meta = request.META
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
