from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the portal: health checks, backup and restore, logging filters."""

    default = True
    name = "operations"
    verbose_name = _("Drift")
