"""The content version: what makes every kept page, value and fragment out of date.

Any model save or delete, and any M2M change, in any app stores a new version
(``bump_content_version``, connected in ``caching.apps.CachingConfig.ready``). A page is
kept with the version it was rendered under and served only while that is still the
version read in the same request, so a staff change shows at once on every worker.

The version a request reads is the stored one *and today's date in Europe/Copenhagen*
(``TIME_ZONE``): pages and values that show "the next closing day" or whether a sign-up
deadline is open are out of date at midnight too, without any save.

Where the version lives: with Redis, a key there (Redis never culls a key without an
expiry unless told to evict, and then the version is the most used key). With the
database cache, a row of its own table (``caching.ContentVersion``), never in the cache
table: Django culls that table when it is full, and the version must not be culled with
the pages. On PostgreSQL that row is read with a statement prepared on the server,
through psycopg's public cursor API on the request's own connection
(``read_version_prepared``).

The version is read *before* rendering: a change committed while a page renders gives the
copy the old version, which the next request no longer accepts. The version is bumped at
the save and again when the transaction commits, so nobody caches a page read before the
commit under the new version.
"""

import contextlib
import uuid

from django.apps import apps
from django.db import connections, router, transaction
from django.utils import timezone

from . import layers
from .failures import cache_failed
from .store import page_cache, version_in_database

VERSION_KEY = "portal:content-version"
# Models whose rows change on logins and requests, not content shown to visitors.
IGNORED_APPS = {"sessions", "axes", "admin", "otp_totp", "otp_static", "django_otp"}
# The version's row in ``ContentVersion`` while pages are kept in the database.
VERSION_ROW = 1

migrating = [False]


def migration_started(**kwargs):
    """``pre_migrate``: saves inside migrations need no version (and the cache table may
    not exist yet); ``post_migrate`` stores a new one at the end."""
    migrating[0] = True


def migration_finished(**kwargs):
    if migrating[0]:
        migrating[0] = False
        store_new_version(kwargs.get("using") or "default")


def bump_content_version(sender=None, **kwargs):
    """Store a new content version (a signal receiver for saves, deletes, M2M changes)."""
    if migrating[0]:
        return
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in IGNORED_APPS:
        return
    action = kwargs.get("action")
    if action and not action.startswith("post_"):
        return  # m2m_changed: only after the change
    using = kwargs.get("using") or "default"
    store_new_version(using)
    transaction.on_commit(lambda: store_new_version(using), using=using)


def store_new_version(using="default"):
    try:
        write_version(uuid.uuid4().hex)
    except Exception:  # the cache being down must never stop a save
        cache_failed("Sideversionen kunne ikke gemmes")


def new_content_version():
    """Store a new content version now: every page kept so far is out of date (``manage.py
    restore`` calls it: the restored rows are older than the kept pages)."""
    store_new_version()


def dated(stored):
    """The version a request sees: the stored one and today's date in the portal's time
    zone, so that everything kept is out of date at midnight."""
    if stored is None:
        return None
    return f"{stored}:{timezone.localdate().isoformat()}"


def content_version():
    """The current (dated) content version, storing a first one if there is none yet;
    ``None`` when the cache is unreachable."""
    try:
        return read_version() or first_version()
    except Exception:
        cache_failed("Sideversionen kunne ikke læses")
        return None


def request_version(request):
    """The content version for this request: the one the page cache's middleware read,
    else read once and kept on a GET or HEAD request (the site settings and ``kept``
    values of one page then cost one read together, not one each). A POST may save, so
    it reads the version afresh every time."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = content_version()
        if version is not None and getattr(request, "method", None) in ("GET", "HEAD"):
            request.content_version = version
    return version


def version_model():
    return apps.get_model("caching", "ContentVersion")


def write_version(version):
    if not version_in_database():
        page_cache().set(VERSION_KEY, version, None)
        return
    model = version_model()
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


def first_version():
    """A first content version, stored if none is there yet (two workers starting at once
    agree on one)."""
    version = uuid.uuid4().hex
    if version_in_database():
        model = version_model()
        alias = router.db_for_write(model)
        model.objects.using(alias).bulk_create(
            [model(pk=VERSION_ROW, value=version)], ignore_conflicts=True
        )
        return read_version() or dated(version)
    if not page_cache().add(VERSION_KEY, version, None):
        version = page_cache().get(VERSION_KEY) or version
    return dated(version)


def read_version():
    """The (dated) content version alone, as cheaply as it can be read: all a hit on a
    worker's own copy of a page reads."""
    return dated(read_stored_version())


def read_stored_version():
    if not version_in_database():
        return page_cache().get(VERSION_KEY)
    model = version_model()
    alias = router.db_for_read(model)
    connection = connections[alias]
    if (
        connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and not connection.queries_logged
        and layers.on("prepared_version")
    ):
        return read_version_prepared(connection, model)
    rows = model.objects.using(alias).filter(pk=VERSION_ROW).values_list("value", flat=True)
    return next(iter(rows), None)


def read_version_prepared(connection, model):
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


def version_and_page(key):
    """The (dated) content version and the shared cache's entry for ``key``: one round
    trip (``get_many``) where both are in the cache, two with the version in the
    database."""
    if version_in_database():
        return read_version(), page_cache().get(key)
    found = page_cache().get_many([VERSION_KEY, key])
    return dated(found.get(VERSION_KEY)), found.get(key)


def release_connection():
    """After a version read outside Django's request cycle, what the end of a request
    would do to the connection it was read on: give a pooled one back to its pool,
    close a persistent one past ``CONN_MAX_AGE``."""
    if version_in_database():
        connection = connections[router.db_for_read(version_model())]
        if connection.connection is not None and not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
