from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultureConfig(AppConfig):
    """Kulturtjenesten and the five local culture networks (arrives with its own issue)."""

    name = "culture"
    verbose_name = _("Kultur")

    def ready(self):
        from districts import dependents

        from . import institution_checks

        dependents.register_type_check(institution_checks.type_check)
        dependents.register_district_check(institution_checks.district_check)
