from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    CLOSING_DAYS = "lukkedage", _("Lukkedage og alternativ pasning")
    MINUTES = "referater", _("Nye referater fra forældrebestyrelsen")
    REPORTS = "tilsyn", _("Nye tilsynsrapporter")


# A confirmation link works this long; an address not confirmed by then is deleted.
CONFIRM_WITHIN = timedelta(hours=48)
# Confirmation mails: at most this many per address a day, per client address an hour.
MAX_PER_ADDRESS_PER_DAY = 3
MAX_PER_CLIENT_PER_HOUR = 5
# At most this many unconfirmed addresses at once: a flood of sign-ups cannot fill the
# database (the form then asks people to try again later).
MAX_PENDING = 2000
# Days before the sign-up deadline for alternative care that subscribers are reminded.
REMIND_DAYS_BEFORE_DEADLINE = 3
