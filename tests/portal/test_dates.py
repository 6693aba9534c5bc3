from datetime import date

from django.template import Context, Template

from core.dates import long_date, week_number


def test_danish_long_date_and_week():
    assert long_date(date(2026, 5, 15)) == "fredag den 15. maj 2026"
    assert long_date(date(2026, 12, 24)) == "torsdag den 24. december 2026"
    assert week_number(date(2026, 5, 15)) == "uge 20"
    # ISO weeks: 1 January 2027 is a Friday in week 53 of 2026.
    assert week_number(date(2027, 1, 1)) == "uge 53"


def test_filters_in_templates():
    rendered = Template("{% load danish_dates %}{{ d|long_date }}, {{ d|week_number }}").render(
        Context({"d": date(2026, 6, 5)})
    )
    assert rendered == "fredag den 5. juni 2026, uge 23"
