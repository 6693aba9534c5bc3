from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultureConfig(AppConfig):
    """Kulturtjenesten and the five local culture networks (arrives with its own issue)."""

    name = "culture"
    verbose_name = _("Kultur")
