"""Danish dates as the site writes them: "fredag den 15. maj 2026", "uge 20", "fredag den
15. maj 2026 kl. 22.00 – lørdag den 16. maj kl. 00.30"."""

from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext as _


def long_date(value):
    """``date(2026, 5, 15)`` → "fredag den 15. maj 2026".

    The names are Django's own (``django.utils.dates``, what the date formats "l" and "F"
    print), looked up directly: a page of closing days writes hundreds of dates, and
    ``formats.date_format`` parses its format string each time (34 against 12 µs)."""
    if not value:
        return ""
    return _("%(weekday)s den %(day)s. %(month)s %(year)s") % {
        "weekday": WEEKDAYS[value.weekday()],
        "day": value.day,
        "month": MONTHS[value.month],
        "year": value.year,
    }


def week_number(value):
    """The ISO week, as Danes count weeks: ``date(2026, 5, 15)`` → "uge 20"."""
    if not value:
        return ""
    return _("uge %(week)s") % {"week": value.isocalendar().week}


def day_and_month(value):
    """``date(2026, 5, 16)`` → "lørdag den 16. maj": a date whose year the text around it
    has already given."""
    return _("%(weekday)s den %(day)s. %(month)s") % {
        "weekday": WEEKDAYS[value.weekday()],
        "day": value.day,
        "month": MONTHS[value.month],
    }


def time_range(start, end=None):
    """When something happens, in Copenhagen time however it is stored (UTC):
    "fredag den 15. maj 2026 kl. 09.30–10.15"; an end on another day names that day,
    and its year when the year is another: "fredag den 15. maj 2026 kl. 22.00 – lørdag
    den 16. maj kl. 00.30"."""
    start = timezone.localtime(start)
    at = _("kl. %(time)s")
    text = f"{long_date(start.date())} {at % {'time': f'{start:%H.%M}'}}"
    if not end:
        return text
    end = timezone.localtime(end)
    if end.date() == start.date():
        return f"{text}–{end:%H.%M}"
    day = long_date(end.date()) if end.year != start.year else day_and_month(end.date())
    return f"{text} – {day} {at % {'time': f'{end:%H.%M}'}}"
