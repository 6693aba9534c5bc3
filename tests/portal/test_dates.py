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


def test_a_time_range_on_one_day_writes_the_date_once():
    import datetime

    from django.utils import timezone

    from core.dates import time_range

    copenhagen = timezone.get_default_timezone()
    start = datetime.datetime(2026, 5, 15, 9, 30, tzinfo=copenhagen)
    assert time_range(start) == "fredag den 15. maj 2026 kl. 09.30"
    end = start + datetime.timedelta(minutes=45)
    assert time_range(start, end) == "fredag den 15. maj 2026 kl. 09.30–10.15"


def test_a_time_range_past_midnight_writes_both_days_in_copenhagen_time():
    """Stored in UTC, written in Danish time: 22.00 on 15 May is 20.00 UTC, 00.30 on
    the 16th is 22.30 UTC on the 15th."""
    import datetime

    from core.dates import time_range

    utc = datetime.UTC
    start = datetime.datetime(2026, 5, 15, 20, 0, tzinfo=utc)
    end = datetime.datetime(2026, 5, 15, 22, 30, tzinfo=utc)
    assert time_range(start, end) == (
        "fredag den 15. maj 2026 kl. 22.00 – lørdag den 16. maj kl. 00.30"
    )
    # Over New Year the end has its year too; over days, each day is named.
    new_year = datetime.datetime(2026, 12, 31, 22, 0, tzinfo=utc)  # 23.00 in Copenhagen
    assert time_range(new_year, new_year + datetime.timedelta(hours=2)) == (
        "torsdag den 31. december 2026 kl. 23.00 – fredag den 1. januar 2027 kl. 01.00"
    )
    camp = datetime.datetime(2026, 6, 1, 7, 0, tzinfo=utc)
    assert time_range(camp, camp + datetime.timedelta(days=2, hours=6)) == (
        "mandag den 1. juni 2026 kl. 09.00 – onsdag den 3. juni kl. 15.00"
    )
