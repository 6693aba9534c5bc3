from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DaycareConfig(AppConfig):
    """Closing days, inspection reports and the daycare vision (arrive with their issues)."""

    name = "daycare"
    verbose_name = _("Dagtilbud")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the feed's version to the places)
