"""Switches for the page cache's layers, for the benchmark only (``make bench`` measures
each layer on and off: docs and scripts/bench.py). In production every layer is on.

``CACHE_LAYERS_OFF`` (a setting read from the environment, comma-separated) names the
layers to turn off: ``worker_copies`` (each worker's own copies of pages, answered in the
WSGI entry point), ``compression`` (pages stored compressed), ``prepared_version`` (the
version row read with a prepared statement on PostgreSQL), ``kept_values``
(``caching.kept.kept``), ``fragments`` (``{% keep %}``) and ``redis_client`` (one
redis-py client per process instead of Django's ``RedisCache``).
"""

from django.conf import settings

LAYERS = (
    "worker_copies",
    "compression",
    "prepared_version",
    "kept_values",
    "fragments",
    "redis_client",
)


def on(layer):
    """Whether ``layer`` is on (it is unless ``CACHE_LAYERS_OFF`` names it)."""
    return layer not in settings.CACHE_LAYERS_OFF
