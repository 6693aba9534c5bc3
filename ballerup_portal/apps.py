from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package: settings and URLs, and the migrations of the models that moved
    to ``accounts``, ``pages`` and ``caching`` (``migrations/0006_*``), which existing
    databases have applied. It has no models and no start-up code of its own."""

    default = True
    name = "ballerup_portal"
    verbose_name = _("Ballerup børneportal")
