"""The site settings (``models.SiteSettings``) for every page, read without a query.

Every page shows the municipality's contact details in its footer. The row is kept in
the shared cache (the page cache's), and each process keeps what it read there while the
content version stays the same (``page_cache.kept``): a page then costs neither a query
nor a cache read for it, and after any save a process reads the shared cache once again.
Only a change of the settings themselves makes the next reader read the database.

A save removes the shared row at once (the next reader reads the database) and stores the
committed row when its transaction commits; readers only ever ``add``, so a reader that
read the database just before the commit cannot overwrite the committed row with the
old one. A save that is rolled back leaves the old row in place.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.functional import SimpleLazyObject

from ballerup_portal import page_cache

from .models import SiteSettings

CACHE_KEY = "portal:site-settings"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _stored(row):
    """What the cache keeps: the row's field values; ``{}`` while there is no row."""
    if row is None:
        return {}
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def _read_database():
    return _stored(SiteSettings.objects.order_by("pk").first())


def current(request=None):
    """The site settings; an unsaved, empty row while administrators have entered none."""
    return page_cache.kept("site_settings", _from_shared_cache, request=request)


def _from_shared_cache():
    try:
        stored = _cache().get(CACHE_KEY)
    except Exception:
        page_cache.cache_failed("Portalens oplysninger kunne ikke læses fra cachen")
        return SiteSettings(**_read_database())
    if stored is None:
        stored = _read_database()
        try:
            _cache().add(CACHE_KEY, stored, None)
        except Exception:
            page_cache.cache_failed("Portalens oplysninger kunne ikke gemmes i cachen")
    return SiteSettings(**stored)


def forget():
    """Drop the kept row, so that the next reader reads the database."""
    try:
        _cache().delete(CACHE_KEY)
    except Exception:
        page_cache.cache_failed("Portalens oplysninger kunne ikke fjernes fra cachen")


def _store_committed():
    try:
        _cache().set(CACHE_KEY, _read_database(), None)
    except Exception:
        page_cache.cache_failed("Portalens oplysninger kunne ikke gemmes i cachen")
        forget()


def settings_changed(sender, using="default", **kwargs):
    """``post_save``/``post_delete`` of ``SiteSettings`` (connected in ``PortalConfig.ready``)."""
    forget()
    transaction.on_commit(_store_committed, using=using)


def context_processor(request):
    """``site_settings`` in every template, read only when a template uses it."""
    return {"site_settings": SimpleLazyObject(lambda: current(request))}
