from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistrictsConfig(AppConfig):
    name = "districts"
    verbose_name = _("Distrikter og institutioner")

    def ready(self):
        from . import receivers  # noqa: F401  (a house taken out of a district)
