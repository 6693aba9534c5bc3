"""The site settings (``models.SiteSettings``) for every page.

Every page shows the municipality's contact details in its footer. Each process keeps the
row it read while the content version stays the same (``caching.kept.kept``): any save,
the settings' own included, stores a new version, after which the next page reads the row
again (one query per process per change)."""

from django.utils.functional import SimpleLazyObject

from caching import layers
from caching.kept import kept

from .models import SiteSettings


def read():
    """The row from the database; an unsaved, empty row while administrators have entered
    none."""
    return SiteSettings.objects.order_by("pk").first() or SiteSettings()


def current(request=None):
    """The site settings, kept per content version in this process."""
    if not layers.on("site_settings"):
        return read()
    return kept("site_settings", read, request=request)


def context_processor(request):
    """``site_settings`` in every template, read only when a template uses it."""
    return {"site_settings": SimpleLazyObject(lambda: current(request))}
