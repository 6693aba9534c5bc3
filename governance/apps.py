from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    """Parent boards, house councils, by-laws and minutes."""

    name = "governance"
    verbose_name = _("Bestyrelser og husråd")

    def ready(self):
        from districts import dependents
        from districts.models import District

        from . import house_checks
        from .models import ensure_district_board

        post_save.connect(ensure_district_board, sender=District, dispatch_uid="district_board")
        dependents.register_daycare_check(house_checks.daycare_check)
        dependents.register_district_check(house_checks.district_check)
        dependents.register_institution_history(house_checks.council_history)
