"""Closing days in fewer steps (issue 24.1): the proposal asks for the year and says
what it made and what it left out, and a day with alternative care is never published
without a deadline and a way to sign up."""

import datetime

import pytest

from daycare.constants import PublicationStatus, RuleKind
from daycare.models import ClosingDay, ClosingDayRule
from tests.admin_forms import choices, form_data
from tests.conftest import admin_url, login
from tests.daycare.factories import ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

TODAY = datetime.date(2026, 12, 3)  # December: next year's days exist already
PROPOSE = "/admin/daycare/closingday/foreslaa/"
CHANGELIST = "/admin/daycare/closingday/"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def propose(client, year, rules=None):
    page = client.get(PROPOSE)
    data = form_data(page) | {"year": str(year)}
    if rules is not None:
        data["rules"] = [str(rule.pk) for rule in rules]
    return client.post(PROPOSE, data, follow=True)


def test_the_proposal_offers_this_year_next_and_the_one_after(client):
    login(client, "admin")
    page = client.get(PROPOSE)
    assert choices(page, "year") == ["2026", "2027", "2028"]
    assert form_data(page)["year"] == "2027"
    # Every rule is ticked: one click proposes the lot.
    assert len(form_data(page)["rules"]) == ClosingDayRule.objects.count()
    # Reached from the closing-day list in one click.
    assert PROPOSE in client.get(CHANGELIST).content.decode()


def test_proposing_the_year_after_next_says_what_it_made_and_links_to_the_drafts(client):
    login(client, "admin")
    response = propose(client, 2028)
    text = response.content.decode()
    made = ClosingDay.objects.filter(date__year=2028)
    assert made.count() == 8
    assert set(made.values_list("status", flat=True)) == {PublicationStatus.DRAFT}
    assert "8 lukkedage i 2028 er lavet som kladder." in text
    assert "24. december 2028 Juleaftensdag: lørdag eller søndag" in text
    assert '<a href="/admin/daycare/closingday/?date__year=2028&amp;status__exact=kladde">' in text
    # The page it lands on is that list of drafts.
    assert response.redirect_chain[-1][0] == f"{CHANGELIST}?date__year=2028&status__exact=kladde"


def test_left_out_dates_are_named_with_the_reason(client):
    login(client, "admin")
    holiday = ClosingDayRule.objects.create(
        name="Skærtorsdag", kind=RuleKind.EASTER, easter_offset=-3, order=99
    )
    grundlov = ClosingDayRule.objects.get(kind=RuleKind.FIXED, month=6, day=5)
    christmas_eve = ClosingDayRule.objects.get(name="Juleaftensdag")
    response = propose(client, 2027, [holiday, grundlov, christmas_eve])
    assert response.redirect_chain[-1][0] == f"{CHANGELIST}?date__year=2027"
    text = response.content.decode()
    assert "Der er ikke lavet nye lukkedage i 2027." in text
    assert "3 datoer er udeladt:" in text
    assert "25. marts 2027 Skærtorsdag: helligdag" in text
    assert "5. juni 2027 Grundlovsdag: lørdag eller søndag" in text
    assert "24. december 2027 Juleaftensdag: findes allerede" in text
    assert "lavet som kladde" not in text
    # Nothing new: the list shows the year's days as they are.
    assert "Juleaftensdag" in text


def test_one_day_made_is_told_in_the_singular(client):
    login(client, "admin")
    grundlov = ClosingDayRule.objects.get(kind=RuleKind.FIXED, month=6, day=5)
    text = propose(client, 2028, [grundlov]).content.decode()
    assert "1 lukkedag i 2028 er lavet som kladde." in text
    assert "Se kladden, ret den til, og offentliggør den." in text
    assert "udeladt" not in text


@pytest.mark.parametrize("year", ["2025", "2029", "abc", ""])
def test_a_year_not_offered_is_refused_in_danish_and_nothing_made(client, year):
    login(client, "admin")
    count = ClosingDay.objects.count()
    response = client.post(PROPOSE, {"year": year, "rules": [1]})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Vælg i år, næste år eller året efter." in text or "Vælg et år." in text
    assert ClosingDay.objects.count() == count


def test_without_rules_the_proposal_asks_for_one(client):
    login(client, "admin")
    response = client.post(PROPOSE, {"year": "2028"})
    assert "Vælg mindst én regel." in response.content.decode()
    assert not ClosingDay.objects.filter(date__year=2028).exists()


def drafts(**kwargs):
    return [
        ClosingDayFactory(
            date=datetime.date(2028, 4, 10 + i), status=PublicationStatus.DRAFT, **kwargs
        )
        for i in range(3)
    ]


def test_a_day_with_alternative_care_but_no_deadline_is_refused_and_the_rest_published(client):
    login(client, "admin")
    ready = drafts()
    missing = ClosingDayFactory(
        date=datetime.date(2028, 4, 14),
        name="Fredag uden frist",
        alternative_care=True,
        signup_text="Tilmeld i Aula.",
        status=PublicationStatus.DRAFT,
    )
    response = client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [d.pk for d in [*ready, missing]]},
        follow=True,
    )
    text = response.content.decode()
    assert (
        "14.04.2028 Fredag uden frist kan ikke offentliggøres: der er alternativ pasning, "
        "men ingen tilmeldingsfrist." in text
    )
    assert "3 lukkedage er offentliggjort." in text
    missing.refresh_from_db()
    assert missing.status == PublicationStatus.DRAFT and missing.published_at is None
    for day in ready:
        day.refresh_from_db()
        assert day.status == PublicationStatus.PUBLISHED
    assert "Fredag uden frist" not in client.get("/lukkedage/").content.decode()


def test_a_day_with_no_way_to_sign_up_is_refused(client):
    login(client, "admin")
    day = ClosingDayFactory(
        date=datetime.date(2028, 4, 14),
        name="Fredag uden tilmelding",
        alternative_care=True,
        signup_deadline=datetime.date(2028, 3, 1),
        status=PublicationStatus.DRAFT,
    )
    text = client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [day.pk]}, follow=True
    ).content.decode()
    assert "men ingen tekst eller link om, hvordan man tilmelder sig." in text
    assert "0 lukkedage er offentliggjort." in text
    day.refresh_from_db()
    assert day.status == PublicationStatus.DRAFT
    # Nor through the day's own form.
    page = client.get(admin_url(day))
    response = client.post(admin_url(day), form_data(page) | {"status": "offentliggjort"})
    assert "Fredag uden tilmelding kan ikke offentliggøres" in response.content.decode()
    day.refresh_from_db()
    assert day.status == PublicationStatus.DRAFT


@pytest.mark.parametrize("username", ["leder-baltorp", "kultur-baltorp"])
def test_staff_who_are_not_administrators_can_neither_propose_nor_publish(client, username):
    login(client, username)
    day = drafts()[0]
    assert client.get(PROPOSE).status_code == 403
    assert client.post(PROPOSE, {"year": "2028", "rules": [1]}).status_code == 403
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [day.pk]})
    day.refresh_from_db()
    assert day.status == PublicationStatus.DRAFT
    assert PROPOSE not in client.get(CHANGELIST).content.decode()
    assert not ClosingDay.objects.filter(date__year=2028).exclude(pk=day.pk).count() > 2


@pytest.mark.parametrize("offset", ["282", "-81", "251", "32767"])
def test_an_easter_rule_that_would_leave_the_year_is_refused_in_danish(client, offset):
    login(client, "admin")
    count = ClosingDayRule.objects.count()
    add = "/admin/daycare/closingdayrule/add/"
    data = form_data(client.get(add))
    data |= {"name": "Langt ude", "kind": RuleKind.EASTER, "easter_offset": offset, "order": "9"}
    response = client.post(add, data)
    assert response.status_code == 200
    assert (
        "Dagen skal ligge i samme år som påskedag: angiv et antal dage fra -80 til 250."
        in response.content.decode()
    )
    assert ClosingDayRule.objects.count() == count
    # The bounds themselves are days of Easter's year.
    for offset in ("-80", "250"):
        assert client.post(add, data | {"easter_offset": offset}).status_code == 302


def test_a_rule_saved_beyond_the_year_proposes_nothing_in_another_year(client):
    """A rule kept from before the bounds: its day in the next year is neither proposed
    nor fails the proposal when that date has a day already."""
    login(client, "admin")
    rule = ClosingDayRule.objects.create(name="Langt ude", kind=RuleKind.EASTER, easter_offset=282)
    grundlov = ClosingDayRule.objects.get(kind=RuleKind.FIXED, month=6, day=5)
    taken = datetime.date(2028, 1, 4)  # Easter 2027 (28 March) + 282 days, a Tuesday
    ClosingDay.objects.filter(date=taken).delete()
    ClosingDayFactory(date=taken, name="Findes")
    count = ClosingDay.objects.count()
    response = propose(client, 2027, [rule])
    assert response.status_code == 200
    assert "Der er ikke lavet nye lukkedage i 2027." in response.content.decode()
    assert ClosingDay.objects.count() == count
    assert ClosingDay.objects.get(date=taken).name == "Findes"
    ClosingDay.objects.filter(date=taken).delete()
    ClosingDay.objects.filter(date__year=2028).delete()
    text = propose(client, 2028, [rule, grundlov]).content.decode()
    assert "1 lukkedag i 2028 er lavet som kladde." in text
    assert list(ClosingDay.objects.filter(date__year__gte=2028).values_list("name", flat=True)) == [
        "Grundlovsdag"
    ]


def test_a_day_no_calendar_holds_is_refused_in_danish(client):
    """A day of 99999999999 overflowed the date check (a 500); it is no date."""
    login(client, "admin")
    count = ClosingDayRule.objects.count()
    add = "/admin/daycare/closingdayrule/add/"
    data = form_data(client.get(add))
    data |= {"name": "Langt ude", "kind": RuleKind.FIXED, "month": "6", "order": "9"}
    response = client.post(add, data | {"day": "99999999999"})
    assert response.status_code == 200
    assert "Den dato findes ikke." in response.content.decode()
    assert ClosingDayRule.objects.count() == count


def test_a_rule_number_no_column_holds_is_refused_in_danish(client):
    login(client, "admin")
    count = ClosingDay.objects.count()
    response = client.post(PROPOSE, {"year": "2027", "rules": ["99999999999999999999"]})
    assert response.status_code == 200
    assert "er ikke en gyldig værdi" in response.content.decode()
    assert ClosingDay.objects.count() == count


def test_without_rules_the_proposal_says_where_to_enter_them_and_offers_no_form(client):
    """Production starts without rules (the sources give no closing days): the page says
    so and links to where they are entered, rather than an empty list to tick."""
    login(client, "admin")
    ClosingDayRule.objects.all().delete()
    page = client.get(PROPOSE)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Der er endnu ingen regler for lukkedage, så der er intet at foreslå ud fra." in text
    assert 'href="/admin/daycare/closingdayrule/add/"' in text
    assert 'name="rules"' not in text and 'name="year"' not in text
    days = ClosingDay.objects.count()
    response = client.post(PROPOSE, {"year": "2027"})
    assert response.status_code == 200
    assert "Der er endnu ingen regler for lukkedage" in response.content.decode()
    assert ClosingDay.objects.count() == days


def test_the_demo_rules_are_marked_as_demo_data_in_the_rule_list(client):
    login(client, "admin")
    assert set(ClosingDayRule.objects.values_list("is_demo", flat=True)) == {True}
    text = client.get("/admin/daycare/closingdayrule/").content.decode()
    assert "column-is_demo" in text
