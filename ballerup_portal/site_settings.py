"""The site settings (``models.SiteSettings``) for every page, read cheaply.

Every page shows the municipality's contact details in its footer, so they are read on
every render. The row is kept in each process together with the content version it was
read under (``page_cache``): any save anywhere stores a new version, so a changed setting
shows at once, and until then a page costs no query for it. The shared page cache's
middleware has read the version already for an anonymous visitor's request; for anyone
else it costs one cache round trip.
"""

from django.utils.functional import SimpleLazyObject

from . import page_cache
from .models import SiteSettings

# (content version, row) of the latest read in this process.
_latest = None


def current(request=None):
    """The site settings; an unsaved, empty row while administrators have entered none."""
    global _latest
    version = page_cache.request_version(request)
    latest = _latest
    if version is not None and latest is not None and latest[0] == version:
        return latest[1]
    row = SiteSettings.objects.order_by("pk").first() or SiteSettings()
    if version is not None:
        _latest = (version, row)
    return row


def forget():
    """Drop the row kept in this process (a test's rolled-back transaction does not
    take the content version in the cache back with it)."""
    global _latest
    _latest = None


def context_processor(request):
    """``site_settings`` in every template, read only when a template uses it."""
    return {"site_settings": SimpleLazyObject(lambda: current(request))}
