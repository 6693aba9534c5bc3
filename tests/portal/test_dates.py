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


def test_long_date_writes_what_djangos_date_formats_write_for_every_day_of_a_year():
    """The names looked up directly are the ones ``date_format`` "l" and "F" print."""
    import datetime

    from django.utils import formats, translation

    from core.dates import long_date

    with translation.override("da"):
        day = datetime.date(2026, 1, 1)
        for offset in range(366):
            value = day + datetime.timedelta(days=offset)
            expected = (
                f"{formats.date_format(value, 'l')} den {value.day}. "
                f"{formats.date_format(value, 'F')} {value.year}"
            )
            assert long_date(value) == expected
        assert long_date(datetime.date(2026, 5, 15)) == "fredag den 15. maj 2026"
