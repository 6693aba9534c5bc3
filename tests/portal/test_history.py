"""Audit history: who changed what, seen in the admin, and restoring an earlier version."""

import pytest
from django.contrib.auth import get_user_model

from districts.constants import RoleType
from districts.models import District, Institution, Person, Role
from tests.admin_forms import form_data
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")

User = get_user_model()


def url(obj, view="change"):
    return f"/admin/districts/{obj._meta.model_name}/{obj.pk}/{view}/"


def edit(client, obj, **changes):
    page = client.get(url(obj))
    response = client.post(url(obj), form_data(page) | changes)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_a_change_is_recorded_with_who_and_the_old_and_new_value(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    login(client, "leder-baltorp")
    edit(client, house, phone="44 77 10 10")

    latest, previous = house.history.all()[:2]
    assert latest.history_user.username == "leder-baltorp"
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(previous).changes}
    assert changes == {"phone": ("", "44 77 10 10")}

    page = client.get(url(house, "history")).content.decode()
    assert "leder-baltorp" in page
    assert "44 77 10 10" in page


def leave_hedegaards_seat(klub_syd):
    """Hedegård's culture seat held from the club would keep it in Hedegård."""
    klub_syd.culture_seats.filter(network__district__slug="hedegaard").delete()


def test_district_changes_of_an_institution_are_recorded(client):
    klub_syd = Institution.objects.get(slug="klub-syd")
    leave_hedegaards_seat(klub_syd)
    baltorp = District.objects.get(slug="baltorp")
    login(client, "admin")
    edit(client, klub_syd, districts=[baltorp.pk])
    latest = klub_syd.history.first()
    assert latest.history_user.username == "admin"
    assert [row.district.slug for row in latest.districts.all()] == ["baltorp"]
    assert "Hedegård" in client.get(url(klub_syd, "history")).content.decode()


def test_administrator_restores_an_earlier_version_and_the_restore_is_recorded(client):
    klub_syd = Institution.objects.get(slug="klub-syd")
    leave_hedegaards_seat(klub_syd)
    baltorp = District.objects.get(slug="baltorp")
    before = klub_syd.history.first()
    login(client, "admin")
    edit(client, klub_syd, phone="44 77 20 20", districts=[baltorp.pk])

    restore_url = f"/admin/districts/institution/{klub_syd.pk}/history/{before.history_id}/"
    page = client.get(restore_url)
    assert page.status_code == 200
    response = client.post(restore_url, form_data(page))
    assert response.status_code == 302, response.content.decode()[:3000]

    klub_syd.refresh_from_db()
    assert klub_syd.phone == ""
    assert {d.slug for d in klub_syd.districts.all()} == {"baltorp", "hedegaard"}
    restored = klub_syd.history.first()
    assert restored.history_user.username == "admin"
    assert restored.history_id != before.history_id


def test_deleting_is_recorded(client):
    role = Role.objects.filter(role_type=RoleType.PEDAGOGICAL_LEADER).first()
    login(client, "admin")
    response = client.post(url(role, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    deleted = Role.history.filter(id=role.pk).first()
    assert deleted.history_type == "-"
    assert deleted.history_user.username == "admin"


def test_people_changes_are_recorded(client):
    person = User.objects.get(username="leder-skovlunde").person
    login(client, "leder-skovlunde")
    edit(client, person, phone="44 77 30 30")
    assert person.history.first().history_user.username == "leder-skovlunde"
    assert person.history.first().phone == "44 77 30 30"


def test_leader_sees_only_history_of_what_they_may_change(client):
    own = Institution.objects.get(slug="boernehuset-bispevangen")
    foreign = Institution.objects.get(slug="boernehuset-valhalla")
    klub_syd = Institution.objects.get(slug="klub-syd")
    login(client, "leder-baltorp")
    assert client.get(url(own, "history")).status_code == 200
    assert client.get(url(klub_syd, "history")).status_code == 200
    assert client.get(url(foreign, "history")).status_code == 403
    version = foreign.history.first().history_id
    assert client.get(url(foreign, f"history/{version}")).status_code == 403
    # Districts are the administrators' to change: their history too.
    assert client.get(url(District.objects.get(slug="baltorp"), "history")).status_code == 403
    other_person = Person.objects.filter(roles__institution=foreign).first()
    assert client.get(url(other_person, "history")).status_code == 403


def test_only_administrators_restore(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    first = house.history.last()
    login(client, "leder-baltorp")
    edit(client, house, phone="44 77 40 40")
    restore_url = url(house, f"history/{first.history_id}")
    page = client.get(restore_url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(restore_url, form_data(page)).status_code == 403
    house.refresh_from_db()
    assert house.phone == "44 77 40 40"


def test_history_pages_are_in_danish(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    login(client, "admin")
    edit(client, house, phone="44 77 50 50")
    page = client.get(url(house, "history")).content.decode()
    assert "Historik: Børnehuset Bispevangen" in page
    for text in ["Ændret af", "Ændringer", "Telefon:", "44 77 50 50"]:
        assert text in page, text
    for english in ["Changed by", "Change reason", "Revert"]:
        assert english not in page, english
    version = house.history.last().history_id
    form = client.get(url(house, f"history/{version}")).content.decode()
    assert "Gendan Børnehuset Bispevangen" in form and 'value="Gendan"' in form


def test_history_starts_with_the_seed_facts_so_a_first_change_shows_what_it_replaced(client):
    district = District.objects.get(slug="skovvejen")
    (created,) = district.history.all()
    assert created.history_type == "+"
    assert created.history_change_reason == "Grunddata fra kilderne"

    login(client, "admin")
    edit(client, district, description="Distriktet ved Skovvejens Skole.")
    page = client.get(url(district, "history")).content.decode()
    assert "Oprettet" in page and "systemet" in page
    assert "Distriktet ved Skovvejens Skole." in page
    latest, previous = district.history.all()[:2]
    assert latest.diff_against(previous).changed_fields == ["description"]


def test_account_and_group_changes_are_recorded_without_password_hashes(client):
    leader = User.objects.get(username="leder-skovvejen")
    administrators = leader.groups.model.objects.get(name="Administrator")
    login(client, "admin")
    page = client.get(url_for_user(leader))
    data = form_data(page) | {"groups": [administrators.pk], "first_name": "Sanne"}
    assert client.post(url_for_user(leader), data).status_code == 302

    latest = leader.history.first()
    assert latest.history_user.username == "admin"
    assert latest.first_name == "Sanne"
    assert [g.group_id for g in latest.groups.all()] == [administrators.pk]
    assert not hasattr(latest, "password")
    history = client.get(f"/admin/auth/user/{leader.pk}/history/").content.decode()
    assert "Historik: leder-skovvejen" in history and "Sanne" in history
    # Rights are not handed back with a click.
    version = client.get(f"/admin/auth/user/{leader.pk}/history/{latest.history_id}/")
    assert version.status_code == 200
    assert 'value="Gendan"' not in version.content.decode()


def test_a_login_adds_no_version_to_the_account(client):
    leader = User.objects.get(username="leder-hedegaard")
    versions = leader.history.count()
    assert client.login(username="leder-hedegaard", password="ballerup-demo-2026")
    leader.refresh_from_db()
    assert leader.last_login is not None
    assert leader.history.count() == versions


def url_for_user(user):
    return f"/admin/auth/user/{user.pk}/change/"


def test_the_first_version_of_a_seeded_institution_can_be_restored(client):
    """The seed's first version records the institution's districts, so restoring it does
    not fail with "Dette felt er påkrævet"."""
    klub_syd = Institution.objects.get(slug="klub-syd")
    leave_hedegaards_seat(klub_syd)
    first = klub_syd.history.order_by("history_id").first()
    assert first.history_type == "+"
    assert sorted(d.district.slug for d in first.districts.all()) == ["baltorp", "hedegaard"]

    assert klub_syd.history.count() == 1
    login(client, "admin")
    baltorp = District.objects.get(slug="baltorp")
    edit(client, klub_syd, name="Klub Syd og Vest", districts=[baltorp.pk])
    restore_url = f"{url(klub_syd, 'history')}{first.history_id}/"
    response = client.post(restore_url, form_data(client.get(restore_url)))
    assert response.status_code == 302, response.content.decode()[:2000]
    klub_syd.refresh_from_db()
    assert klub_syd.name == "Klub Syd"
    assert sorted(d.slug for d in klub_syd.districts.all()) == ["baltorp", "hedegaard"]
