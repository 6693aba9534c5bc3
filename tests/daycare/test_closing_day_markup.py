"""The closing-day page, its rows made in Python (``daycare.closing_day_text``) rather than
by the template: whatever staff type is escaped as the template escaped it, in every
field a row shows, on the page, in the next-closing-day box and on /tilsyn/."""

import datetime

import pytest

from daycare.models import ClosingDay
from districts.models import District, Institution
from tests.daycare.factories import AlternativeCareFactory, ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

TODAY = datetime.date(2026, 11, 23)
NASTY = "<script>alert('x')</script> & \"Ø\""
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Ø&quot;"


@pytest.fixture
def nasty_day(demo, monkeypatch):
    ClosingDay.objects.all().delete()
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    house = Institution.objects.get(slug="boernehuset-valhalla")
    house.name = NASTY
    house.save()
    day = ClosingDayFactory(
        date=datetime.date(2026, 12, 28),
        name=NASTY,
        alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 1),
        signup_text=NASTY,
        signup_url="https://aula.example/?a=1&b=<2>",
        note=NASTY,
    )
    AlternativeCareFactory(
        closing_day=day, district=District.objects.get(slug="skovvejen"), houses=[house],
        note=NASTY,
    )  # fmt: skip
    ClosingDayFactory(date=datetime.date(2026, 6, 5), name=NASTY)  # passed
    return day


@pytest.mark.usefixtures("nasty_day")
@pytest.mark.parametrize("path", ["/lukkedage/", "/lukkedage/skovvejen/"])
def test_what_staff_type_is_escaped_in_every_row(client, path):
    page = client.get(path).content.decode()
    assert "<script>" not in page
    # The name, the house, the place's note, the sign-up text and the note; the past day.
    assert page.count(ESCAPED) >= 6
    assert 'href="https://aula.example/?a=1&amp;b=&lt;2&gt;"' in page
    assert "Tilmelding senest tirsdag den 1. december 2026." in page


@pytest.mark.usefixtures("nasty_day")
def test_the_box_escapes_them_too(client):
    page = client.get("/distrikter/skovvejen/").content.decode()
    box = page[page.index("Næste lukkedag i dagtilbud") :]
    assert "<script>" not in box
    assert 'Alternativ pasning i distrikt Skovvejen: <a href="/institutioner/' in box
    assert ESCAPED in box
