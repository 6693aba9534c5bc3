from django.apps import AppConfig

# Imported as a module so Django's AdminConfig is not mistaken for this app's config.
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    """Project-wide pieces: management commands, template tags and the public frame."""

    default = True
    name = "ballerup_portal"
    verbose_name = "Ballerup børneportal"

    def ready(self):
        # Registers the object-level rules with django-rules.
        from . import permissions  # noqa: F401


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with ``admin.site`` being the portal's two-factor admin site.

    Replacing the default site keeps every ``@admin.register`` in the apps working.
    """

    default = False
    default_site = "ballerup_portal.admin_site.PortalAdminSite"
