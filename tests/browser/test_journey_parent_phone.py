"""Issue 23: a parent on a phone (390 px) opens their child's house page and finds on its
first screen how to reach the house, then the next deadline for alternative care, their
district's calendar (the feed answers with that district's days) and their parent
board; Dagplejen's page leads to the right boards. axe finds nothing on any page the
journey touches, at 390 px and at desktop width. The journey starts on the front page
with a search typed the way parents say it: the kind of place before the name."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay
from districts.models import District, Institution

from .conftest import DESKTOP
from .journeys import contact_box, heading
from .test_accessibility import axe_violations

PHONE_390 = {"width": 390, "height": 844}
HOUSE = "/institutioner/boernehuset-bispevangen/"


def weekday(day):
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


@pytest.fixture
def closing_days(site):
    """The next closing day has no alternative care; the one after has it, in Baltorp at
    Grantoften, with a sign-up deadline still ahead."""
    ClosingDay.objects.all().delete()
    today = timezone.localdate()
    first = weekday(today + datetime.timedelta(days=3))
    second = weekday(first + datetime.timedelta(days=7))
    deadline = first + datetime.timedelta(days=1)
    ClosingDay.objects.create(date=first, name="Juleaftensdag", status=PublicationStatus.PUBLISHED)
    care_day = ClosingDay.objects.create(
        date=second,
        name="Mellem jul og nytår",
        alternative_care=True,
        signup_deadline=deadline,
        status=PublicationStatus.PUBLISHED,
    )
    care = AlternativeCare.objects.create(
        closing_day=care_day, district=District.objects.get(slug="baltorp")
    )
    care.houses.set([Institution.objects.get(slug="boernehuset-grantoften")])
    return care_day


def no_axe_violations(page, browser_problems):
    violations = axe_violations(page, browser_problems)
    assert violations == [], f"axe on {page.url}:\n" + "\n".join(violations)


def in_first_screen(page, locator):
    box = locator.bounding_box()
    assert box is not None
    return box["y"] + box["height"] <= page.viewport_size["height"]


def test_parent_on_a_phone_reaches_contact_deadline_calendar_and_board(
    open_page, browser_problems, closing_days
):
    page = open_page("/", viewport=PHONE_390, is_mobile=True, has_touch=True)
    page.get_by_role("searchbox", name="Søg på siden").fill("børnehave bispevangen")
    page.get_by_role("button", name="Søg").click()
    assert heading(page) == "Søg"
    no_axe_violations(page, browser_problems)
    page.get_by_role("link", name="Børnehuset Bispevangen").first.click()
    assert heading(page) == "Børnehuset Bispevangen"
    page.evaluate("window.scrollTo(0, 0)")

    # The phone header is two short lines: the menu folds behind a button.
    header = page.locator("header.site-header")
    assert header.bounding_box()["height"] < 160  # it took about 210 px
    menu_link = page.locator("header").get_by_role("link", name="Bestyrelser", exact=True)
    expect(menu_link).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(menu_link).to_be_visible()
    page.get_by_text("Menu", exact=True).click()
    search = page.get_by_role("searchbox", name="Søg på siden")
    assert search.bounding_box()["width"] >= 190  # room for "Fx navnet på et børnehus"

    # The first screen after the name: address, phone, e-mail, opening hours, leaders,
    # each either given or named as not registered yet, and whom to ask.
    contact = contact_box(page)
    for label in ["Adresse", "Telefon", "E-mail", "Åbningstider", "Pædagogisk ledelse"]:
        term = contact.get_by_text(label, exact=True)
        expect(term).to_be_visible()
        assert in_first_screen(page, term), label
    leader = contact.get_by_role("link", name="soeren.demo.jensen@demo.invalid")
    assert in_first_screen(page, leader)
    expect(contact.get_by_text("Endnu ikke registreret").first).to_be_visible()
    expect(contact.get_by_role("heading", name="Kontakt husets pædagogiske leder")).to_be_visible()
    no_axe_violations(page, browser_problems)

    # The next deadline for alternative care, with the district's place.
    box = page.get_by_role("region", name="Næste lukkedag i dagtilbud")
    expect(box.get_by_text("Der er ikke alternativ pasning.")).to_be_visible()
    expect(box.get_by_role("heading", name="Næste dag med alternativ pasning")).to_be_visible()
    expect(box.get_by_text("Alternativ pasning i distrikt Baltorp:")).to_contain_text(
        "Børnehuset Grantoften"
    )
    expect(box.get_by_text("Tilmelding senest")).to_be_visible()

    # The district's calendar: subscribe (webcal://) or download; the feed holds Baltorp's days.
    subscribe = box.get_by_role("link", name="Abonnér på lukkedagene i distrikt Baltorp")
    href = subscribe.get_attribute("href")
    assert href.startswith("webcal://") and href.endswith("/lukkedage/baltorp.ics")
    download = box.get_by_role("link", name="hent som fil (iCalendar)")
    assert download.get_attribute("href") == "/lukkedage/baltorp.ics"
    feed = Calendar.from_ical(page.request.get("/lukkedage/baltorp.ics").body())
    assert "distrikt Baltorp" in str(feed["x-wr-calname"])
    events = {str(event["summary"]): str(event["description"]) for event in feed.walk("VEVENT")}
    care = events["Lukkedag i dagtilbud: Mellem jul og nytår"]
    assert "Baltorp: Børnehuset Grantoften" in care and "Hedegård" not in care

    # The district's own closing-days page: the subscription first, only its places.
    box.get_by_role("link", name="Alle lukkedage i distrikt Baltorp").click()
    assert heading(page) == "Lukkedage i distrikt Baltorp"
    calendar = page.get_by_role("region", name="Få lukkedagene i din kalender")
    assert in_first_screen(page, calendar.get_by_role("link").first)
    expect(page.get_by_text("Distrikt Baltorp: Børnehuset Grantoften")).to_be_visible()
    expect(page.get_by_text("Distrikt Hedegård:")).to_have_count(0)
    no_axe_violations(page, browser_problems)

    # Back on the house page, on to the district's parent board.
    page.go_back()
    boards = page.get_by_role("region", name="Forældrebestyrelse")
    boards.get_by_role("link", name="Forældrebestyrelsen i distrikt Baltorp").click()
    assert heading(page) == "Forældrebestyrelsen i distrikt Baltorp"
    covered = page.get_by_role("complementary").filter(has_text="Bestyrelsen dækker")
    expect(covered.get_by_role("link", name="Børnehuset Bispevangen")).to_be_visible()
    expect(covered.get_by_role("link", name="Dagplejen")).to_have_count(0)
    no_axe_violations(page, browser_problems)


def test_dagplejens_parent_finds_both_its_boards(open_page, browser_problems, closing_days):
    page = open_page("/institutioner/dagplejen/", viewport=PHONE_390, is_mobile=True)
    assert heading(page) == "Dagplejen"
    boards = page.get_by_role("region", name="Forældrebestyrelser")
    expect(boards.get_by_role("link")).to_have_count(2)
    expect(boards.get_by_role("link", name="Baltorp")).to_have_count(0)
    no_axe_violations(page, browser_problems)
    boards.get_by_role("link", name="Dagplejens forældrebestyrelse").click()
    assert heading(page) == "Dagplejens forældrebestyrelse"
    expect(page.get_by_text("Dagplejen indgår under distrikt Hedegårdens")).to_be_visible()
    expect(page.get_by_text("sekretær")).to_have_count(0)
    no_axe_violations(page, browser_problems)
    page.get_by_role("link", name="Forældrebestyrelsen i distrikt Hedegård").first.click()
    covered = page.get_by_role("complementary").filter(has_text="Bestyrelsen dækker")
    expect(covered.get_by_role("link", name="Dagplejen")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        HOUSE,
        "/institutioner/dagplejen/",
        "/distrikter/baltorp/",
        "/lukkedage/",
        "/lukkedage/baltorp/",
        "/bestyrelser/baltorp/",
        "/bestyrelser/dagplejen/",
        "/kultur/baltorp/",
        "/dagtilbud/",
    ],
)
def test_every_page_of_the_journey_passes_axe_at_desktop_width(
    open_page, browser_problems, closing_days, path
):
    page = open_page(path, viewport=DESKTOP)
    # At desktop width the menu is shown as it is, without the button.
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    menu = page.get_by_role("navigation", name="Hovedmenu")
    expect(menu.get_by_role("link", name="Bestyrelser", exact=True)).to_be_visible()
    no_axe_violations(page, browser_problems)


def test_the_all_districts_closing_days_stay_short_on_a_phone(open_page, closing_days):
    page = open_page("/lukkedage/", viewport=PHONE_390, is_mobile=True)
    calendar = page.get_by_role("region", name="Få lukkedagene i din kalender")
    assert in_first_screen(page, calendar.get_by_role("link").first)
    expect(page.get_by_text("Distrikt Skovlunde: stedet er endnu ikke fastlagt")).to_be_hidden()
    page.get_by_text("Hvor: se stederne i alle distrikter").first.click()
    expect(page.get_by_text("Distrikt Skovlunde: stedet er endnu ikke fastlagt")).to_be_visible()
