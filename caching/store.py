"""The shared cache the page cache keeps its pages (and, with Redis, its version) in."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache


def page_cache():
    """The cache every worker and host shares (``PAGE_CACHE_ALIAS``)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def version_in_database():
    """Whether the content version is a row of ``caching.ContentVersion`` (the database
    cache) rather than a key in the shared cache (Redis)."""
    return isinstance(page_cache(), DatabaseCache)
