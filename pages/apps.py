from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Site-wide pages: the front page, the accessibility statement, privacy, the error
    pages, and the site settings every page shows."""

    default = True
    name = "pages"
    verbose_name = _("Portalens sider")

    def ready(self):
        from core.contributions import autodiscover

        # What each app adds to the front page (<app>/front_page.py).
        autodiscover("front_page")
