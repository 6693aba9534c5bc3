"""No lost updates: a form opened before someone else saved is refused, not saved over."""

import pytest

from districts.constants import RoleType
from districts.models import District, Institution, Role
from governance.constants import CouncilRole
from governance.models import CouncilMember
from tests.admin_forms import form_data
from tests.conftest import admin_url, logged_in

pytestmark = pytest.mark.usefixtures("demo")


def stale(obj):
    """The one message every admin form gives, naming the object."""
    return f"»{obj}« er blevet ændret af en anden, siden du åbnede siden."


def test_second_save_of_a_stale_form_is_refused_and_changes_nothing():
    house = Institution.objects.get(slug="distriktsinstitutionen-rugvaenget")
    url = admin_url(house)
    administrator, leader = logged_in("admin"), logged_in("leder-baltorp")
    admin_form = form_data(administrator.get(url))
    leader_form = form_data(leader.get(url))

    first = administrator.post(url, admin_form | {"phone": "44 77 01 01"})
    assert first.status_code == 302

    second = leader.post(url, leader_form | {"email": "rugvaenget@ballerup.invalid"})
    assert second.status_code == 200
    page = second.content.decode()
    assert stale(house) in page
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
    # Hedegård's culture seat held from the club would keep it in Hedegård.
    klub_syd.culture_seats.filter(network__district__slug="hedegaard").delete()
    url = admin_url(klub_syd)
    administrator, leader = logged_in("admin"), logged_in("leder-baltorp")
    leader_form = form_data(leader.get(url))
    baltorp = District.objects.get(slug="baltorp")
    admin_form = form_data(administrator.get(url)) | {"districts": [baltorp.pk]}
    assert administrator.post(url, admin_form).status_code == 302

    response = leader.post(url, leader_form | {"phone": "44 77 02 02"})
    assert stale(klub_syd) in response.content.decode()
    klub_syd.refresh_from_db()
    assert klub_syd.phone == ""
    assert [d.slug for d in klub_syd.districts.all()] == ["baltorp"]


def test_a_form_without_its_version_is_refused():
    house = Institution.objects.get(slug="boernehuset-grantoften")
    client = logged_in("admin")
    data = form_data(client.get(admin_url(house)))
    del data["version_token"]
    response = client.post(admin_url(house), data | {"phone": "44 77 03 03"})
    assert stale(house) in response.content.decode()
    house.refresh_from_db()
    assert house.phone == ""


def test_other_models_refuse_stale_forms_naming_the_object():
    district = District.objects.get(slug="skovvejen")
    client, other = logged_in("admin"), logged_in("admin")
    opened = form_data(client.get(admin_url(district)))
    fresh = form_data(other.get(admin_url(district))) | {"description": "Første udgave."}
    assert other.post(admin_url(district), fresh).status_code == 302
    response = client.post(admin_url(district), opened | {"description": "Anden udgave."})
    assert stale(district) in response.content.decode()
    district.refresh_from_db()
    assert district.description == "Første udgave."


def test_a_role_changed_elsewhere_makes_the_persons_open_form_stale():
    """The person form edits the person's roles inline: a role moved meanwhile in the role
    admin must not be moved back by saving the older person form."""
    role = Role.objects.filter(
        role_type=RoleType.PEDAGOGICAL_LEADER, institution__slug="boernehuset-bispevangen"
    ).get()
    person_url = admin_url(role.person)
    leader, administrator = logged_in("leder-baltorp"), logged_in("admin")
    leader_form = form_data(leader.get(person_url))

    grantoften = Institution.objects.get(slug="boernehuset-grantoften")
    role_form = form_data(administrator.get(admin_url(role))) | {"institution": grantoften.pk}
    assert administrator.post(admin_url(role), role_form).status_code == 302

    response = leader.post(person_url, leader_form | {"phone": "44 77 02 02"})
    assert response.status_code == 200
    assert stale(role.person) in response.content.decode()
    role.refresh_from_db()
    assert role.institution == grantoften
    assert role.person.phone == ""


def test_a_row_pointing_at_an_object_but_not_edited_in_its_form_leaves_it_fresh():
    """Only what a form edits counts. A house's form edits its leaders, not its house
    council, so a council member added meanwhile (a row pointing at the house from the
    governance app) leaves an open form of the house valid."""
    house = Institution.objects.get(slug="boernehuset-grantoften")
    client = logged_in("admin")
    data = form_data(client.get(admin_url(house)))
    CouncilMember.objects.create(house=house, name="Ny i husrådet", role=CouncilRole.PARENT)
    assert client.post(admin_url(house), data | {"phone": "44 77 09 09"}).status_code == 302
    house.refresh_from_db()
    assert house.phone == "44 77 09 09"
