"""The booking vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BookingStatus(models.TextChoices):
    CONFIRMED = "bekraeftet", _("Bekræftet")
    WAITING = "venteliste", _("På venteliste")
    CANCELLED = "aflyst", _("Aflyst")


class StepScope(models.TextChoices):
    """Who a reserved step opens booking for (as Malmö's Kulturkartan does it): first
    named institutions, then the network's district or one institution type in it, then
    every institution in the municipality."""

    INSTITUTIONS = "institutioner", _("Udvalgte institutioner")
    DISTRICT = "distrikt", _("Netværkets distrikt")
    DISTRICT_TYPE = "distrikt_type", _("En institutionstype i netværkets distrikt")
    EVERYONE = "alle", _("Alle institutioner i kommunen")


# The largest group one booking may bring: a whole school year at most.
MAX_GROUP = 300

# The staff group of the institutions' contact persons: it gives no admin rights; what
# they may book follows from their role at an institution (bookings.rules).
CONTACT_GROUP = "Kulturkontaktperson"
