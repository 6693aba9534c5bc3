from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    """Institutions book places at the culture networks' performances (issue 25)."""

    name = "bookings"
    verbose_name = _("Booking af forestillinger")

    def ready(self):
        from . import receivers  # noqa: F401  (a performance renamed: its calendar events)
