from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base every app uses: permissions, the admin base, checks, text, dates, files,
    PDF checks, navigation, and the way apps plug in (``contributions``)."""

    default = True
    name = "core"
    verbose_name = _("Fælles grundlag")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .contributions import autodiscover

        # Each app's named pages and menu entries (<app>/navigation.py).
        autodiscover("navigation")
