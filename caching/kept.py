"""Values kept in this process while the content version stays the same (``kept``).

A value every page shows, like the next closing day or the boards with their units, then
costs no query. The version is dated (``caching.version.dated``): a value that follows
from the content and today's date can never be shown on another day. A value that depends
on the time of day or on the visitor must not be kept (``still_valid`` can end a value
early: a performance that has started is no longer the next one)."""

from django.urls import get_script_prefix

from . import layers
from .version import request_version

values = {}


def kept(name, compute, request=None, key=None, still_valid=None):
    """``compute()``, kept in this process while the content version (bumped by every
    staff save, and dated) and ``key`` stay the same, and ``still_valid(value)`` holds
    when given. Computed afresh when the cache is unreachable."""
    if not layers.on("kept_values"):
        return compute()
    version = request_version(request)
    if version is None:
        return compute()
    # The script prefix too: a value may hold links (``get_absolute_url``).
    key = (key, get_script_prefix())
    entry = values.get(name)
    if (
        entry is not None
        and entry[0] == (version, key)
        and (still_valid is None or still_valid(entry[1]))
    ):
        return entry[1]
    value = compute()
    values[name] = ((version, key), value)
    return value


def forget_kept():
    """Drop every value, fragment and page this process keeps (tests: a rolled-back
    transaction keeps the version)."""
    from .templatetags.kept_fragments import forget_fragments
    from .worker_copies import forget_pages

    values.clear()
    forget_fragments()
    forget_pages()
