"""Opening hours as staff type them ("6.30-17", "6:30 – 17.00", "lukket") and as the
pages show them ("6.30–17.00", "Lukket")."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CLOSED = "Lukket"
_HOURS = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?\s*[-–—]\s*(\d{1,2})(?:[.:](\d{2}))?$")


def normalise(value):
    """``value`` in the pages' form, or ``ValidationError`` with a Danish message."""
    text = " ".join(str(value).split())
    if not text:
        return ""
    if text.lower() == CLOSED.lower():
        return CLOSED
    match = _HOURS.match(text)
    if match is None:
        raise ValidationError(
            _("Skriv åbningstiden som fx 6.30–17.00, eller »lukket«."), code="opening_hours"
        )
    opens_h, opens_m, closes_h, closes_m = (int(part or 0) for part in match.groups())
    opens, closes = opens_h * 60 + opens_m, closes_h * 60 + closes_m
    if opens_h > 23 or closes_h > 24 or opens_m > 59 or closes_m > 59 or closes > 24 * 60:
        raise ValidationError(
            _("»%(value)s« er ikke et klokkeslæt på døgnet."),
            code="opening_hours",
            params={"value": text},
        )
    if closes <= opens:
        raise ValidationError(
            _("Lukketiden skal være efter åbningstiden."), code="opening_hours_order"
        )
    return f"{opens_h}.{opens_m:02d}–{closes_h}.{closes_m:02d}"


def validate(value):
    normalise(value)
