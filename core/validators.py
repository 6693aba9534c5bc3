"""Validators whose messages say exactly what is wrong with what was typed."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Spaces of any kind (a number copied from a web page or a document often carries
# non-breaking or thin spaces), hyphens, dashes and brackets are formatting.
_FORMATTING = re.compile(r"[\s\u00a0\u2009\u202f()\-\u2010-\u2013]")


def phone_link(value):
    """The ``tel:`` address of a phone number as typed: its digits and a leading +,
    whatever spaces (non-breaking and thin too), hyphens and brackets it was written
    with. ``{{ phone|phone_link }}`` in templates (core/templatetags/portal_text.py)."""
    value = str(value or "").strip()
    digits = "".join(c for c in value if c.isascii() and c.isdigit())
    return f"+{digits}" if value.startswith("+") else digits


@deconstructible
class PhoneNumberValidator:
    """A phone number: 8 to 15 digits, written with spaces, hyphens or brackets as one
    likes, perhaps with + in front (+45 44 77 00 00)."""

    def __call__(self, value):
        digits = _FORMATTING.sub("", value)
        if digits.startswith("+"):
            digits = digits[1:]
        if not digits.isdigit() or not digits.isascii():
            raise ValidationError(
                _(
                    "Et telefonnummer kan kun have cifre, mellemrum, bindestreger og "
                    "parenteser, og evt. + foran, fx 44 77 00 00."
                ),
                code="phone_characters",
            )
        count = len(digits)
        if count < 8:
            raise ValidationError(
                ngettext_lazy(
                    "Telefonnummeret har %(count)d ciffer. Det skal have mindst 8, fx 44 77 00 00.",
                    "Telefonnummeret har %(count)d cifre. Det skal have mindst 8, fx 44 77 00 00.",
                    "count",
                ),
                code="phone_short",
                params={"count": count},
            )
        if count > 15:
            raise ValidationError(
                _("Telefonnummeret har %(count)d cifre. Det kan højst have 15."),
                code="phone_long",
                params={"count": count},
            )

    def __eq__(self, other):
        return isinstance(other, PhoneNumberValidator)


phone_validator = PhoneNumberValidator()
