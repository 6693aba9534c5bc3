"""Alternative care on one screen (issue 24.2): every coming closing day with alternative
care in a district, set and saved at once; tried by every role on every district, GET and
POST."""

import datetime

import pytest

from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay
from districts.constants import DAYCARE_TYPES
from districts.models import District, Institution
from tests.admin_forms import choices, form_data
from tests.conftest import login
from tests.daycare.factories import ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

PLAN = "/admin/daycare/alternativecare/alle-dage/"
SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.fixture
def days():
    """Two coming days with alternative care, one without, one past: no places yet."""
    ClosingDay.objects.all().delete()
    return {
        "past": ClosingDayFactory(
            date=datetime.date(2026, 11, 20), name="Forbi", alternative_care=True
        ),
        "first": ClosingDayFactory(
            date=datetime.date(2026, 12, 28), name="Mellem jul og nytår", alternative_care=True
        ),
        "second": ClosingDayFactory(
            date=datetime.date(2027, 3, 22),
            name="Mandag før påske",
            alternative_care=True,
            status=PublicationStatus.DRAFT,
        ),
        "closed": ClosingDayFactory(date=datetime.date(2027, 5, 7), name="Helt lukket"),
    }


def houses_of(slug):
    return list(
        Institution.objects.filter(
            districts__slug=slug, institution_type__in=DAYCARE_TYPES
        ).order_by("name")
    )


def url(slug=None):
    return PLAN if slug is None else f"{PLAN}?distrikt={slug}"


def plan_post(client, slug, values):
    """Post the page as a browser would, with ``values`` (day -> houses) ticked."""
    page = client.get(url(slug))
    data = form_data(page)
    for day, houses in values.items():
        data[f"dag-{day.pk}-houses"] = [str(h.pk) for h in houses]
    return client.post(url(slug), data)


def places(day, slug):
    care = AlternativeCare.objects.filter(closing_day=day, district__slug=slug).first()
    return set() if care is None else set(care.houses.all())


def test_the_page_shows_coming_days_with_alternative_care_and_marks_those_without(client, days):
    login(client, "leder-baltorp")
    response = client.get(PLAN)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Distrikt Baltorp" in text
    assert "Mellem jul og nytår" in text and "Mandag før påske" in text
    assert "Forbi" not in text  # past
    assert "Helt lukket" not in text  # no alternative care
    assert text.count("Mangler sted") == 2
    assert "2 dage mangler et sted." in text
    assert "kladde, ikke offentliggjort endnu" in text
    # The district is fixed: no other district is offered.
    assert "distrikt=hedegaard" not in text
    # Only Baltorp's daycare houses are offered.
    offered = set(choices(response, f"dag-{days['first'].pk}-houses"))
    assert offered == {str(h.pk) for h in houses_of("baltorp")}


def test_a_leader_sets_every_day_and_saves_once(client, days):
    login(client, "leder-baltorp")
    first, second = houses_of("baltorp")[:2]
    response = plan_post(client, None, {days["first"]: [first], days["second"]: [first, second]})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).content.decode()
    assert "Alternativ pasning i Baltorp er gemt (2 dage ændret)." in page
    assert "Mangler sted" not in page
    assert places(days["first"], "baltorp") == {first}
    assert places(days["second"], "baltorp") == {first, second}
    # Parents see the place on the published day at once.
    assert first.name in client.get("/lukkedage/").content.decode()
    # Changed again: one day loses its place, the other changes.
    response = plan_post(client, None, {days["first"]: [], days["second"]: [second]})
    assert response.status_code == 302
    assert places(days["first"], "baltorp") == set()
    assert not AlternativeCare.objects.filter(closing_day=days["first"]).exists()
    assert places(days["second"], "baltorp") == {second}


def test_a_house_of_another_district_is_refused_and_nothing_saved(client, days):
    login(client, "leder-baltorp")
    own = houses_of("baltorp")[0]
    foreign = houses_of("hedegaard")[0]
    response = plan_post(client, None, {days["first"]: [own], days["second"]: [foreign]})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vælg kun børnehuse i distriktet." in text
    assert "Ret fejlene nedenfor. Intet er gemt." in text
    assert not AlternativeCare.objects.exists()


def test_a_change_made_meanwhile_is_not_overwritten(client, days):
    login(client, "leder-baltorp")
    own = houses_of("baltorp")
    data = form_data(client.get(PLAN))
    care = AlternativeCare.objects.create(
        closing_day=days["first"], district=District.objects.get(slug="baltorp")
    )
    care.houses.set(own[1:2])
    data[f"dag-{days['first'].pk}-houses"] = [str(own[0].pk)]
    response = client.post(PLAN, data)
    assert "er blevet ændret af en anden" in response.content.decode()
    assert places(days["first"], "baltorp") == {own[1]}


@pytest.mark.parametrize("district", SLUGS)
@pytest.mark.parametrize("username", ["admin", *(f"leder-{s}" for s in SLUGS), "kultur-baltorp"])
def test_every_role_on_every_district(client, days, username, district):
    login(client, username)
    house = houses_of(district)[0]
    may = username == "admin" or username == f"leder-{district}"
    response = client.get(url(district))
    assert response.status_code == (200 if may else 403)
    if may:
        response = plan_post(client, district, {days["first"]: [house]})
        assert response.status_code == 302
        assert places(days["first"], district) == {house}
    else:
        data = {
            "version": "x",
            f"dag-{days['first'].pk}-houses": [str(house.pk)],
            f"dag-{days['first'].pk}-note": "",
        }
        assert client.post(url(district), data).status_code == 403
        assert not AlternativeCare.objects.exists()


def test_administrators_choose_the_district(client, days):
    login(client, "admin")
    text = client.get(PLAN).content.decode()
    assert "Distrikt Baltorp" in text  # the first, until another is chosen
    for slug in SLUGS[1:]:
        assert f'href="?distrikt={slug}"' in text
    assert "Distrikt Hedegård" in client.get(url("hedegaard")).content.decode()
    assert client.get(url("findes-ikke")).status_code == 403


def test_the_one_screen_is_linked_from_the_list(client, days):
    login(client, "leder-baltorp")
    assert PLAN in client.get("/admin/daycare/alternativecare/").content.decode()


def test_parents_see_which_districts_have_no_place_yet(client, days):
    login(client, "leder-baltorp")
    plan_post(client, None, {days["first"]: houses_of("baltorp")[:1]})
    page = client.get("/lukkedage/").content.decode()
    day = page.split("Mellem jul og nytår", 1)[1].split("</li>\n    \n", 1)[0]
    assert "Distrikt Baltorp:" in day
    assert "Distrikt Hedegård: stedet er endnu ikke fastlagt" in day


def test_a_note_with_an_unclosed_direction_override_is_refused_and_nothing_saved(client, days):
    """A RIGHT-TO-LEFT OVERRIDE left open would turn the rest of the line round in the
    feeds and the mails; the one-day form refuses it, and so does the plan."""
    login(client, "leder-baltorp")
    own = houses_of("baltorp")[0]
    page = client.get(url("baltorp"))
    data = form_data(page)
    data[f"dag-{days['first'].pk}-houses"] = [str(own.pk)]
    data[f"dag-{days['first'].pk}-note"] = "Kun \u202efor børn fra huset"
    response = client.post(url("baltorp"), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Teksten har et usynligt tegn, der vender skriveretningen (U+202E)" in text
    assert "Ret fejlene nedenfor. Intet er gemt." in text
    assert not AlternativeCare.objects.exists()
    assert "\u202e" not in client.get("/lukkedage/baltorp.ics").content.decode()
    # Closed again, the same note is saved.
    data[f"dag-{days['first'].pk}-note"] = "Kun \u202efor børn\u202c fra huset"
    assert client.post(url("baltorp"), data).status_code == 302
    assert AlternativeCare.objects.get().note == "Kun \u202efor børn\u202c fra huset"
