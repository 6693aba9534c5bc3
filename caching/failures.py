"""A cache that cannot be reached is said once in a while, not on every request.

While the database itself is unreachable (the database cache) the failing request's own
log line says it (``logging_filters.OneLineOutages``), so this logs it at debug level."""

import logging
import sys
import time

from django.core.cache.backends.db import DatabaseCache
from django.db import InterfaceError, OperationalError

from .store import page_cache

logger = logging.getLogger("caching")

WARNING_INTERVAL = 10.0
last_warning = {}


def cache_failed(message):
    """Log the exception being handled as one line without a traceback, at most once per
    ``WARNING_INTERVAL`` seconds per message in each process."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError) and isinstance(
        page_cache(), DatabaseCache
    ):
        logger.debug("%s: %s", message, error)
        return
    now = time.monotonic()
    if now - last_warning.get(message, -WARNING_INTERVAL) < WARNING_INTERVAL:
        return
    last_warning[message] = now
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
    logger.warning("%s: %s", message, detail)
