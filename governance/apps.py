from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    """Parent boards and house councils (arrive with their own issue)."""

    name = "governance"
    verbose_name = _("Bestyrelser og husråd")
