"""Issue 23.2 and 23.3: the next alternative-care deadline on the house, district and
daycare-unit pages, each with its district's calendar, and /lukkedage/ for one district.
The clock is controlled: the box moves on when the deadline passes and at midnight."""

import datetime
import re
from html import unescape
from unittest import mock

import pytest
from icalendar import Calendar

from daycare.models import ClosingDay
from districts.models import District, Institution
from tests.daycare.factories import AlternativeCareFactory, ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

PAGES = [
    "/institutioner/boernehuset-bispevangen/",  # a house in Baltorp
    "/distrikter/baltorp/",
    "/institutioner/distriktsinstitutionen-rugvaenget/",  # a daycare unit in Baltorp
    "/institutioner/dagplejen/",  # Dagplejen: Baltorp's district
]


def text(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def box_of(html):
    start = html.index("Næste lukkedag i dagtilbud")
    return html[start : html.index("</section>", start)]


def on(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


@pytest.fixture
def christmas():
    """24 December without alternative care, 28 December with it (Baltorp's place set,
    Hedegård's not), sign-up until 20 December."""
    ClosingDay.objects.all().delete()
    ClosingDayFactory(date=datetime.date(2026, 12, 24), name="Juleaftensdag")
    care_day = ClosingDayFactory(
        date=datetime.date(2026, 12, 28),
        name="Mellem jul og nytår",
        alternative_care=True,
        signup_deadline=datetime.date(2026, 12, 20),
        signup_text="Tilmeld dit barn i Aula.",
    )
    AlternativeCareFactory(
        closing_day=care_day,
        district=District.objects.get(slug="baltorp"),
        houses=[Institution.objects.get(slug="boernehuset-grantoften")],
    )
    return care_day


@pytest.mark.parametrize("path", PAGES)
def test_the_next_deadline_for_alternative_care_is_where_the_parent_is(client, christmas, path):
    with on(datetime.date(2026, 12, 14)):
        box = text(box_of(client.get(path).content.decode()))
    assert "Torsdag den 24. december 2026" in box and "Der er ikke alternativ pasning." in box
    assert "Næste dag med alternativ pasning Mandag den 28. december 2026" in box
    assert "Alternativ pasning i distrikt Baltorp: Børnehuset Grantoften" in box
    assert "Tilmelding senest søndag den 20. december 2026." in box
    assert "Tilmeld dit barn i Aula." in box


@pytest.mark.parametrize("path", PAGES)
def test_each_page_offers_its_districts_calendar(client, christmas, path):
    html = client.get(path).content.decode()
    box = box_of(html)
    assert "Få lukkedagene i din kalender" in box
    assert 'href="webcal://testserver/lukkedage/baltorp.ics"' in box
    assert 'href="/lukkedage/baltorp.ics" download' in box
    assert 'href="/lukkedage/baltorp/"' in box
    feed = Calendar.from_ical(client.get("/lukkedage/baltorp.ics").content)
    descriptions = [str(event["description"]) for event in feed.walk("VEVENT")]
    assert any("Baltorp: Børnehuset Grantoften" in d for d in descriptions)


def test_after_the_deadline_the_box_says_sign_up_has_closed_and_moves_on(client, christmas):
    path = "/institutioner/boernehuset-bispevangen/"
    with on(datetime.date(2026, 12, 20)):
        client.get(path)  # kept for this day
        assert "Tilmelding senest" in text(box_of(client.get(path).content.decode()))
    with on(datetime.date(2026, 12, 21)):
        box = text(box_of(client.get(path).content.decode()))
    assert "Tilmelding senest" not in box and "Tilmeld dit barn i Aula." not in box
    assert "Tilmeldingen lukkede søndag den 20. december 2026." in box
    with on(datetime.date(2026, 12, 25)):  # the day after Christmas Eve: the care day is next
        box = text(box_of(client.get(path).content.decode()))
    assert "Juleaftensdag" not in box and "Næste dag med alternativ pasning" not in box
    assert "Mandag den 28. december 2026" in box and "Der er alternativ pasning." in box


def test_a_district_without_a_place_says_it_is_not_set_yet(client, christmas):
    with on(datetime.date(2026, 12, 14)):
        box = text(box_of(client.get("/distrikter/hedegaard/").content.decode()))
    assert "Alternativ pasning i distrikt Hedegård: stedet er endnu ikke fastlagt" in box
    assert "Grantoften" not in box


def test_a_school_page_has_no_closing_day_box(client, christmas):
    assert "Næste lukkedag" not in client.get("/institutioner/baltorpskolen/").content.decode()


# --- /lukkedage/ ----------------------------------------------------------------------


def test_the_subscription_comes_before_the_days(client, christmas):
    with on(datetime.date(2026, 12, 14)):
        html = client.get("/lukkedage/").content.decode()
    assert html.index("Få lukkedagene i din kalender") < html.index("Lukkedage 2026")
    assert 'href="webcal://testserver/lukkedage/baltorp.ics"' in html


def test_one_districts_page_shows_only_that_districts_places(client, christmas):
    with on(datetime.date(2026, 12, 14)):
        page = text(client.get("/lukkedage/hedegaard/").content.decode())
        baltorp = text(client.get("/lukkedage/baltorp/").content.decode())
    assert "Lukkedage i distrikt Hedegård" in page
    assert "Distrikt Hedegård: stedet er endnu ikke fastlagt" in page
    assert "Grantoften" not in page and "Distrikt Baltorp:" not in page
    assert "Abonnér på lukkedagene i distrikt Hedegård" in page
    assert "Distrikt Baltorp: Børnehuset Grantoften" in baltorp


def test_the_all_districts_view_folds_the_places_away_and_names_the_unset(client, christmas):
    with on(datetime.date(2026, 12, 14)):
        html = client.get("/lukkedage/").content.decode()
    start = html.index('<details class="mb-2"')
    details = html[start : html.index("</details>", start)]
    assert "Distrikt Baltorp: " in text(details) and "Børnehuset Grantoften" in details
    assert "Distrikt Hedegård: stedet er endnu ikke fastlagt" in text(details)
    # Every district appears once per day, inside the folded list only.
    assert text(html).count("Distrikt Skovlunde: stedet er endnu ikke fastlagt") == 1


def test_an_unknown_district_is_a_404(client):
    assert client.get("/lukkedage/findes-ikke/").status_code == 404


def test_the_daycare_page_shows_the_deadline_and_every_districts_place_and_calendar(
    client, christmas
):
    """/dagtilbud/ belongs to no single district: its box names each district's place (or
    that it is not set yet) and offers each district's calendar, so a parent finds their
    own from the section's front page too (issue 23.2)."""
    with on(datetime.date(2026, 12, 14)):
        html = client.get("/dagtilbud/").content.decode()
    box = box_of(html)
    words = text(box)
    assert "Torsdag den 24. december 2026" in words and "Der er ikke alternativ pasning." in words
    assert "Næste dag med alternativ pasning Mandag den 28. december 2026" in words
    assert "Alternativ pasning i distrikt Baltorp: Børnehuset Grantoften" in words
    assert "Alternativ pasning i distrikt Hedegård: stedet er endnu ikke fastlagt" in words
    assert "Tilmelding senest søndag den 20. december 2026." in words
    assert "Få lukkedagene i din kalender" in words
    for district in District.objects.all():
        assert f'href="webcal://testserver/lukkedage/{district.slug}.ics"' in box
        assert f'href="/lukkedage/{district.slug}.ics" download' in box
