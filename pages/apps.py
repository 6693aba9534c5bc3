from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Site-wide pages: the front page, the accessibility statement, privacy, the error
    pages, and the site settings every page shows."""

    default = True
    name = "pages"
    verbose_name = _("Portalens sider")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.contributions import autodiscover

        from . import site_settings
        from .models import SiteSettings

        # The site settings kept in the shared cache follow their own saves.
        for signal in (post_save, post_delete):
            signal.connect(
                site_settings.settings_changed,
                sender=SiteSettings,
                dispatch_uid=f"site_settings_{id(signal)}",
            )
        # What each app adds to the front page (<app>/front_page.py).
        autodiscover("front_page")
