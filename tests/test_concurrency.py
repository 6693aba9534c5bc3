"""No lost updates: a form opened before someone else saved is refused, not saved over."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from districts.constants import RoleType
from districts.models import District, Institution, Role
from tests.admin_forms import form_data

pytestmark = pytest.mark.usefixtures("demo")

STALE = "Institutionen er blevet ændret af en anden, siden du åbnede den."


def logged_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def change_url(obj):
    return f"/admin/districts/{obj._meta.model_name}/{obj.pk}/change/"


def test_second_save_of_a_stale_form_is_refused_and_changes_nothing():
    house = Institution.objects.get(slug="distriktsinstitutionen-rugvaenget")
    url = change_url(house)
    administrator, leader = logged_in("admin"), logged_in("leder-baltorp")
    admin_form = form_data(administrator.get(url))
    leader_form = form_data(leader.get(url))

    first = administrator.post(url, admin_form | {"phone": "44 77 01 01"})
    assert first.status_code == 302

    second = leader.post(url, leader_form | {"email": "rugvaenget@ballerup.invalid"})
    assert second.status_code == 200
    page = second.content.decode()
    assert STALE in page
    assert "Genindlæs siden og indtast dine ændringer igen." in page
    house.refresh_from_db()
    assert house.phone == "44 77 01 01"
    assert house.email == ""
    assert house.history.first().history_user.username == "admin"

    # Reloading gives a fresh form, and then the leader's change goes through.
    fresh = form_data(leader.get(url)) | {"email": "rugvaenget@ballerup.invalid"}
    assert leader.post(url, fresh).status_code == 302
    house.refresh_from_db()
    assert (house.phone, house.email) == ("44 77 01 01", "rugvaenget@ballerup.invalid")


def test_a_change_of_districts_alone_makes_an_open_form_stale():
    klub_syd = Institution.objects.get(slug="klub-syd")
    url = change_url(klub_syd)
    administrator, leader = logged_in("admin"), logged_in("leder-baltorp")
    leader_form = form_data(leader.get(url))
    baltorp = District.objects.get(slug="baltorp")
    admin_form = form_data(administrator.get(url)) | {"districts": [baltorp.pk]}
    assert administrator.post(url, admin_form).status_code == 302

    response = leader.post(url, leader_form | {"phone": "44 77 02 02"})
    assert STALE in response.content.decode()
    klub_syd.refresh_from_db()
    assert klub_syd.phone == ""
    assert [d.slug for d in klub_syd.districts.all()] == ["baltorp"]


def test_a_form_without_its_version_is_refused():
    house = Institution.objects.get(slug="boernehuset-grantoften")
    client = logged_in("admin")
    data = form_data(client.get(change_url(house)))
    del data["version_token"]
    response = client.post(change_url(house), data | {"phone": "44 77 03 03"})
    assert STALE in response.content.decode()
    house.refresh_from_db()
    assert house.phone == ""


def test_other_models_refuse_stale_forms_in_their_own_words():
    district = District.objects.get(slug="skovvejen")
    client, other = logged_in("admin"), logged_in("admin")
    stale = form_data(client.get(change_url(district)))
    fresh = form_data(other.get(change_url(district))) | {"description": "Første udgave."}
    assert other.post(change_url(district), fresh).status_code == 302
    response = client.post(change_url(district), stale | {"description": "Anden udgave."})
    assert "Distriktet er blevet ændret af en anden, siden du åbnede det." in (
        response.content.decode()
    )
    district.refresh_from_db()
    assert district.description == "Første udgave."


def test_a_role_changed_elsewhere_makes_the_persons_open_form_stale():
    """The person form edits the person's roles inline: a role moved meanwhile in the role
    admin must not be moved back by saving the older person form."""
    role = Role.objects.filter(
        role_type=RoleType.PEDAGOGICAL_LEADER, institution__slug="boernehuset-bispevangen"
    ).get()
    person_url = change_url(role.person)
    leader, administrator = logged_in("leder-baltorp"), logged_in("admin")
    leader_form = form_data(leader.get(person_url))

    grantoften = Institution.objects.get(slug="boernehuset-grantoften")
    role_form = form_data(administrator.get(change_url(role))) | {"institution": grantoften.pk}
    assert administrator.post(change_url(role), role_form).status_code == 302

    response = leader.post(person_url, leader_form | {"phone": "44 77 02 02"})
    assert response.status_code == 200
    assert "Personen er blevet ændret af en anden" in response.content.decode()
    role.refresh_from_db()
    assert role.institution == grantoften
    assert role.person.phone == ""
