"""Closing days: the rules that propose them, the public page, the calendar feeds, and
the next closing day on the home, district and house pages."""

import datetime

import pytest
from icalendar import Calendar

from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay, ClosingDayRule
from daycare.models.closing_days import propose_closing_days
from districts.models import District, Institution
from tests.admin_forms import form_data
from tests.conftest import admin_url, login, page_queries
from tests.daycare.factories import AlternativeCareFactory, ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

TODAY = datetime.date(2026, 11, 23)  # a Monday


@pytest.fixture
def today(monkeypatch):
    """The portal's today, fixed, so the tests read the same every day."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.fixture
def no_demo_days(demo):
    ClosingDay.objects.all().delete()


def rule_dates(year):
    return {d for rule in ClosingDayRule.objects.all() for d in rule.dates(year)}


def test_the_rules_give_the_common_danish_closing_days():
    assert rule_dates(2027) == {
        datetime.date(2027, 3, 22),  # Monday, Tuesday and Wednesday before Easter
        datetime.date(2027, 3, 23),
        datetime.date(2027, 3, 24),
        datetime.date(2027, 5, 7),  # the Friday after Ascension Day
        # Grundlovsdag, 5 June 2027, is a Saturday: no closing day.
        datetime.date(2027, 12, 24),
        datetime.date(2027, 12, 27),  # the weekdays between Christmas and New Year
        datetime.date(2027, 12, 28),
        datetime.date(2027, 12, 29),
        datetime.date(2027, 12, 30),
        datetime.date(2027, 12, 31),
    }
    assert datetime.date(2028, 6, 5) in rule_dates(2028)  # a Monday
    assert datetime.date(2028, 4, 10) in rule_dates(2028)  # Monday before Easter 2028


@pytest.mark.usefixtures("no_demo_days", "today")
def test_an_administrator_has_next_year_proposed_as_drafts_and_publishes_them(client):
    login(client, "admin")
    rules = [str(pk) for pk in ClosingDayRule.objects.values_list("pk", flat=True)]
    # From the rule list: the action leads on to the proposal with the rules ticked.
    response = client.post(
        "/admin/daycare/closingdayrule/", {"action": "propose", "_selected_action": rules}
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    data = form_data(page)
    assert data["year"] == "2027" and sorted(data["rules"]) == sorted(rules)
    response = client.post("/admin/daycare/closingday/foreslaa/", data, follow=True)
    text = response.content.decode()
    assert "10 lukkedage i 2027 er lavet som kladder." in text
    drafts = ClosingDay.objects.filter(date__year=2027)
    assert drafts.count() == 10
    assert set(drafts.values_list("status", flat=True)) == {PublicationStatus.DRAFT}
    # Drafts are not shown to parents.
    assert "Mandag før påske" not in client.get("/lukkedage/").content.decode()

    # Proposing again adds nothing twice, and says so.
    response = client.post("/admin/daycare/closingday/foreslaa/", data, follow=True)
    text = response.content.decode()
    assert ClosingDay.objects.filter(date__year=2027).count() == 10
    assert "Der er ikke lavet nye lukkedage i 2027." in text
    assert "24. december 2027 Juleaftensdag: findes allerede" in text

    drafts.filter(alternative_care=True).update(
        signup_deadline=datetime.date(2027, 3, 1), signup_text="Tilmeld dit barn i Aula."
    )
    client.post(
        "/admin/daycare/closingday/",
        {"action": "publish", "_selected_action": list(drafts.values_list("pk", flat=True))},
    )
    page = client.get("/lukkedage/").content.decode()
    assert "Mandag den 22. marts 2027" in page
    assert "(uge 12)" in page


@pytest.mark.usefixtures("no_demo_days", "today")
def test_the_page_shows_each_day_with_danish_date_week_and_alternative_care(client):
    baltorp = District.objects.get(slug="baltorp")
    grantoften = Institution.objects.get(slug="boernehuset-grantoften")
    day = ClosingDayFactory(
        date=datetime.date(2027, 5, 7),
        name="Fredag efter Kristi himmelfartsdag",
        alternative_care=True,
        signup_deadline=datetime.date(2027, 4, 16),
        signup_text="Tilmeld i Aula.",
        signup_url="https://aula.example/tilmelding",
    )
    AlternativeCareFactory(closing_day=day, district=baltorp, houses=[grantoften])
    ClosingDayFactory(date=datetime.date(2026, 12, 24), name="Juleaftensdag")
    ClosingDayFactory(date=datetime.date(2026, 6, 5), name="Grundlovsdag")  # passed
    ClosingDayFactory(
        date=datetime.date(2027, 3, 22), name="Kladde", status=PublicationStatus.DRAFT
    )
    ClosingDayFactory(date=datetime.date(2028, 3, 22), name="Om to år")

    page = client.get("/lukkedage/").content.decode()
    assert "Fredag den 7. maj 2027" in page and "(uge 18)" in page
    assert "Distrikt Baltorp:" in page
    assert 'href="/institutioner/boernehuset-grantoften/"' in page
    assert "Tilmelding senest fredag den 16. april 2027." in page
    assert "Tilmeld i Aula." in page and 'href="https://aula.example/tilmelding"' in page
    assert "Torsdag den 24. december 2026" in page
    assert "Alternativ pasning:</strong> nej" in page
    # The past day stands apart; drafts and days beyond next year are not shown.
    past = page[page.index("Lukkedage, der er overstået i år") :]
    assert "Fredag den 5. juni 2026" in past
    assert "Kladde" not in page and "Om to år" not in page
    assert page.index("Lukkedage 2026") < page.index("Lukkedage 2027")


@pytest.mark.usefixtures("no_demo_days", "today")
def test_the_next_closing_day_is_on_the_home_district_and_house_pages(client):
    ClosingDayFactory(date=datetime.date(2026, 12, 24), name="Juleaftensdag")
    ClosingDayFactory(date=datetime.date(2026, 12, 28), name="Mellem jul og nytår")
    for path in ["/", "/distrikter/skovlunde/", "/institutioner/boernehuset-sol-og-mudder/",
                 "/institutioner/dagplejen/"]:  # fmt: skip
        page = client.get(path).content.decode()
        box = page[page.index("Næste lukkedag i dagtilbud") :]
        assert "Torsdag den 24. december 2026" in box, path
        assert "(uge 52)" in box
        assert 'href="/lukkedage/' in box
    # A school's page is not about daycare.
    assert "Næste lukkedag" not in client.get("/institutioner/skovlunde-skole/").content.decode()


@pytest.mark.usefixtures("no_demo_days", "today")
def test_without_published_days_the_pages_say_so(client):
    assert "Der er ikke offentliggjort flere lukkedage endnu." in client.get("/").content.decode()
    assert (
        "Der er ikke offentliggjort flere lukkedage" in client.get("/lukkedage/").content.decode()
    )


@pytest.mark.usefixtures("no_demo_days", "today")
def test_the_calendar_feeds_parents_subscribe_to(client):
    skovvejen = District.objects.get(slug="skovvejen")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    day = ClosingDayFactory(
        date=datetime.date(2026, 12, 28), name="Mellem jul og nytår", alternative_care=True
    )
    AlternativeCareFactory(closing_day=day, district=skovvejen, houses=[valhalla])
    ClosingDayFactory(date=datetime.date(2027, 1, 5), name="Kladde", status="kladde")

    page = client.get("/lukkedage/").content.decode()
    assert 'href="webcal://testserver/lukkedage.ics"' in page  # subscribe
    assert 'href="webcal://testserver/lukkedage/skovvejen.ics"' in page
    response = client.get("/lukkedage.ics")
    assert response.status_code == 200
    assert response.headers["ETag"]  # calendar apps poll cheaply
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.cookies == {}
    assert "public" in response.headers["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(2026, 12, 28)  # all day
    assert event.decoded("dtend") == datetime.date(2026, 12, 29)
    assert str(event["summary"]) == "Lukkedag i dagtilbud: Mellem jul og nytår"
    assert str(event["uid"]) == f"lukkedag-{day.pk}-alle@boern.ballerup.dk"  # by id
    assert "Skovvejen: Børnehuset Valhalla" in str(event["description"])

    # The same day keeps its UID, so a subscribed calendar updates instead of duplicating.
    again = Calendar.from_ical(client.get("/lukkedage.ics").content)
    assert str(again.walk("VEVENT")[0]["uid"]) == str(event["uid"])

    district = Calendar.from_ical(client.get("/lukkedage/baltorp.ics").content)
    (event,) = district.walk("VEVENT")
    assert "Skovvejen" not in str(event["description"])
    # Baltorp has no place yet: its feed says so, as its page does.
    assert "Stedet er endnu ikke fastlagt." in str(event["description"])
    assert "Baltorp" in str(district["x-wr-calname"])
    assert client.get("/lukkedage/findes-ikke.ics").status_code == 404


def test_bad_input_gets_danish_messages_and_changes_nothing(client):
    login(client, "admin")
    count = ClosingDay.objects.count()
    form = form_data(client.get("/admin/daycare/closingday/add/"))
    cases = [
        ({"date": "2027-06-05", "name": "Lørdag"}, "lørdag eller søndag"),  # a Saturday
        (
            {
                "date": "2027-06-04",
                "name": "X",
                "alternative_care": "on",
                "signup_deadline": "2027-06-10",
            },
            "Tilmeldingsfristen skal ligge før lukkedagen.",
        ),  # fmt: skip
        # A deadline on the day itself is not before it.
        (
            {
                "date": "2027-06-04",
                "name": "X",
                "alternative_care": "on",
                "signup_deadline": "2027-06-04",
                "signup_text": "Aula",
                "status": PublicationStatus.PUBLISHED,
            },
            "Tilmeldingsfristen skal ligge før lukkedagen.",
        ),  # fmt: skip
        ({"date": "2027-06-04", "name": "X", "signup_text": "Aula"}, "Sæt kryds ved"),
        (
            {
                "date": "2027-06-04",
                "name": "X",
                "alternative_care": "on",
                "signup_url": "javascript:alert(1)",
            },
            "Indtast en gyldig URL.",
        ),  # fmt: skip
        ({"date": "31-02-2027", "name": "X"}, "Indtast en gyldig dato."),
        ({"date": "2027-06-04", "name": "x" * 10_000}, "højst"),
    ]
    for data, message in cases:
        response = client.post("/admin/daycare/closingday/add/", form | data)
        assert response.status_code == 200, data
        assert message in response.content.decode(), data
    existing = ClosingDay.objects.first()
    response = client.post(
        "/admin/daycare/closingday/add/", form | {"date": existing.date.isoformat(), "name": "X"}
    )
    assert "Der er allerede en lukkedag på denne dato." in response.content.decode()
    assert ClosingDay.objects.count() == count


@pytest.mark.usefixtures("today")
def test_the_page_makes_as_many_queries_at_ten_times_the_data(client):
    def queries():
        return len(page_queries(client, "/lukkedage/"))

    before = queries()
    districts = list(District.objects.all())
    houses = list(Institution.objects.filter(institution_type="boernehus"))
    for n in range(60):
        day = (
            ClosingDayFactory(
                date=datetime.date(2027, 1, 4) + datetime.timedelta(days=n), alternative_care=True
            )
            if (datetime.date(2027, 1, 4) + datetime.timedelta(days=n)).weekday() < 5
            and not (
                ClosingDay.objects.filter(
                    date=datetime.date(2027, 1, 4) + datetime.timedelta(days=n)
                )
            ).exists()
            else None
        )
        if day:
            for district in districts:
                AlternativeCareFactory(closing_day=day, district=district, houses=houses[:3])
    assert AlternativeCare.objects.count() > 100
    assert queries() == before
    assert before <= 6


def test_proposals_skip_days_that_exist():
    rules = ClosingDayRule.objects.all()
    first = propose_closing_days(rules, 2030)
    assert first and propose_closing_days(rules, 2030) == []


@pytest.mark.usefixtures("no_demo_days", "today")
def test_parents_see_when_a_day_was_published_and_what_changed_since(client):
    login(client, "admin")
    day = ClosingDayFactory(
        date=datetime.date(2027, 5, 7),
        name="Fredag efter Kristi himmelfartsdag",
        status=PublicationStatus.DRAFT,
    )
    client.post("/admin/daycare/closingday/", {"action": "publish", "_selected_action": [day.pk]})
    day.refresh_from_db()
    assert day.published_at is not None
    page = client.get("/lukkedage/").content.decode()
    assert "Offentliggjort " in page and "Ændret" not in page
    event = Calendar.from_ical(client.get("/lukkedage.ics").content).walk("VEVENT")[0]
    assert event["sequence"] == 0

    form = form_data(client.get(admin_url(day)))
    changed = {"alternative_care": "on", "note": "Ny aftale"}
    # A published day with alternative care needs a deadline and a way to sign up.
    response = client.post(admin_url(day), form | changed)
    assert "ingen tilmeldingsfrist og ingen tekst eller link" in response.content.decode()
    changed |= {"signup_deadline": "20.04.2027", "signup_text": "Tilmeld i Aula."}
    response = client.post(admin_url(day), form | changed)
    assert response.status_code == 302
    page = client.get("/lukkedage/").content.decode()
    assert "Ændret " in page
    assert "alternativ pasning, bemærkning, tilmeldingsfrist, sådan tilmelder man sig." in page
    event = Calendar.from_ical(client.get("/lukkedage.ics").content).walk("VEVENT")[0]
    assert event["sequence"] == 1
    assert "last-modified" in event


@pytest.mark.usefixtures("no_demo_days", "today")
def test_the_publication_date_is_the_danish_day_not_the_utc_day(client):
    # Published at 00:30 Danish summer time on Friday 15 May 2026: 22:30 UTC on Thursday.
    published = datetime.datetime(2026, 5, 14, 22, 30, tzinfo=datetime.UTC)
    day = ClosingDayFactory(date=datetime.date(2027, 5, 7), status=PublicationStatus.PUBLISHED)
    ClosingDay.objects.filter(pk=day.pk).update(published_at=published)
    page = client.get("/lukkedage/").content.decode()
    assert "Offentliggjort fredag den 15. maj 2026." in page
