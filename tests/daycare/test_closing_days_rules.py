"""Who changes what: administrators set closing days; each district leader sets where
alternative care is offered in their own district and nothing of another district's."""

import datetime

import pytest

from daycare.models import AlternativeCare, ClosingDay
from districts.constants import DAYCARE_TYPES
from districts.models import District, Institution
from tests.admin_forms import choices, form_data
from tests.conftest import admin_url, login
from tests.daycare.factories import AlternativeCareFactory, ClosingDayFactory

pytestmark = pytest.mark.usefixtures("demo")

SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
ADD = "/admin/daycare/alternativecare/add/"


@pytest.fixture
def day(demo):
    return ClosingDayFactory(date=datetime.date(2030, 5, 6), alternative_care=True)


def daycare_house(slug):
    return (
        Institution.objects.filter(districts__slug=slug, institution_type__in=DAYCARE_TYPES)
        .exclude(slug="klub-syd")
        .first()
    )


@pytest.mark.parametrize("target", SLUGS)
@pytest.mark.parametrize("leader", SLUGS)
def test_a_leader_sets_alternative_care_in_their_own_district_only(client, day, leader, target):
    login(client, f"leder-{leader}")
    district = District.objects.get(slug=target)
    house = daycare_house(target)
    page = client.get(ADD)
    assert page.status_code == 200
    assert {str(pk) for pk in choices(page, "district") if pk} == {
        str(District.objects.get(slug=leader).pk)
    }
    response = client.post(
        ADD,
        form_data(page) | {"closing_day": day.pk, "district": district.pk, "houses": [house.pk]},
    )
    created = AlternativeCare.objects.filter(closing_day=day, district=district)
    if leader == target:
        assert response.status_code == 302
        assert list(created.get().houses.all()) == [house]
    else:
        assert response.status_code == 200
        assert not created.exists()

    # An existing place in the target district: changed only by its own leader.
    other = AlternativeCareFactory(
        closing_day=ClosingDayFactory(date=datetime.date(2030, 5, 7), alternative_care=True),
        district=district,
        houses=[house],
    )
    url = admin_url(other)
    if leader == target:
        assert client.get(url).status_code == 200
        assert client.post(admin_url(other, "delete"), {"post": "yes"}).status_code == 302
        assert not AlternativeCare.objects.filter(pk=other.pk).exists()
    else:
        assert client.get(url).status_code == 403
        assert client.post(url, {"note": "overtaget"}).status_code == 403
        assert client.post(admin_url(other, "delete"), {"post": "yes"}).status_code == 403
        other.refresh_from_db()
        assert other.note == ""


def test_a_leader_cannot_offer_another_districts_house(client, day):
    login(client, "leder-baltorp")
    page = client.get(ADD)
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")  # Skovvejen
    assert str(valhalla.pk) not in choices(page, "houses")
    baltorp = District.objects.get(slug="baltorp")
    response = client.post(
        ADD,
        form_data(page)
        | {"closing_day": day.pk, "district": baltorp.pk, "houses": [valhalla.pk]},  # fmt: skip
    )
    assert response.status_code == 200
    assert not AlternativeCare.objects.filter(closing_day=day).exists()


def test_the_houses_must_be_daycare_houses_of_the_district(client, day):
    login(client, "admin")
    page = client.get(ADD)
    baltorp = District.objects.get(slug="baltorp")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    response = client.post(
        ADD,
        form_data(page)
        | {"closing_day": day.pk, "district": baltorp.pk, "houses": [valhalla.pk]},  # fmt: skip
    )
    assert "Børnehuset Valhalla er ikke et børnehus i distriktet." in response.content.decode()
    assert not AlternativeCare.objects.filter(closing_day=day).exists()


@pytest.mark.parametrize("username", [f"leder-{slug}" for slug in SLUGS] + ["kultur-baltorp"])
def test_only_administrators_change_closing_days_and_rules(client, day, username):
    login(client, username)
    name = day.name
    assert client.post(admin_url(day), {"name": "Ændret"}).status_code == 403
    assert client.post(admin_url(day, "delete"), {"post": "yes"}).status_code == 403
    assert client.get("/admin/daycare/closingdayrule/").status_code == 403
    assert (
        client.post(
            "/admin/daycare/closingdayrule/",
            {"action": "propose", "_selected_action": [1]},
        ).status_code
        == 403
    )
    count = ClosingDay.objects.count()
    assert client.get("/admin/daycare/closingday/foreslaa/").status_code == 403
    response = client.post("/admin/daycare/closingday/foreslaa/", {"year": 2027, "rules": [1]})
    assert response.status_code == 403
    assert ClosingDay.objects.count() == count
    day.refresh_from_db()
    assert day.name == name
    expected = 200 if username.startswith("leder") else 403
    assert client.get("/admin/daycare/closingday/").status_code == expected
    assert ClosingDay.objects.filter(pk=day.pk).exists()
