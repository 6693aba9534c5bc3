from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search (``engine``) and its page; each app adds what it finds."""

    default = True
    name = "search"
    verbose_name = _("Søgning")

    def ready(self):
        from core.contributions import autodiscover

        # Each app's search providers (<app>/search.py).
        autodiscover("search")
