"""The site settings (``models.SiteSettings``) for every page: the municipality's contact
details in every footer, read with one query by the pages that show them (the footer is a
``{% keep %}`` fragment, so most pages do not read them at all). Kept in no cache of their
own: `make bench` showed no gain from keeping them per content version."""

from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def current(request=None):
    """The site settings; an unsaved, empty row while administrators have entered none."""
    return SiteSettings.objects.order_by("pk").first() or SiteSettings()


def lazy():
    """The site settings, read only when something uses them."""
    return SimpleLazyObject(current)


def context_processor(request):
    """``site_settings`` in every template, read only when a template uses it."""
    return {"site_settings": lazy()}
