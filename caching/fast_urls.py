"""``reverse`` remembered per process: a list page links to dozens of institutions, and
Django's ``reverse`` costs the same work for each of them every time."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from . import layers


@lru_cache(maxsize=8192)
def _reverse(viewname, kwargs, prefix, urlconf, root_urlconf):
    return reverse(viewname, kwargs=dict(kwargs) or None, urlconf=urlconf)


def reverse_cached(viewname, **kwargs):
    """``reverse(viewname, kwargs=kwargs)``, remembered for the script prefix and URLconf
    in use (both part of the key, so a test's ``override_settings`` is honoured)."""
    if not layers.on("fast_urls"):
        return reverse(viewname, kwargs=kwargs or None)
    return _reverse(
        viewname,
        tuple(sorted(kwargs.items())),
        get_script_prefix(),
        get_urlconf(),
        settings.ROOT_URLCONF,
    )
