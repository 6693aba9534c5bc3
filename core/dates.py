"""Danish dates as the site writes them: "fredag den 15. maj 2026", "uge 20"."""

from django.utils import formats
from django.utils.translation import gettext as _


def long_date(value):
    """``date(2026, 5, 15)`` → "fredag den 15. maj 2026"."""
    if not value:
        return ""
    return _("%(weekday)s den %(day)s. %(month)s %(year)s") % {
        "weekday": formats.date_format(value, "l"),
        "day": value.day,
        "month": formats.date_format(value, "F"),
        "year": value.year,
    }


def week_number(value):
    """The ISO week, as Danes count weeks: ``date(2026, 5, 15)`` → "uge 20"."""
    if not value:
        return ""
    return _("uge %(week)s") % {"week": value.isocalendar().week}
