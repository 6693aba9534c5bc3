"""A role held once: a person has a role at a place once, a district one leader. A
second one, entered on a house's, a district's or a person's page or on the role's own
form, gets the constraint's Danish message and changes nothing (it used to reach the
database and answer 500)."""

import pytest

from districts.constants import RoleType
from districts.models import District, Role
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

SAME_ROLE = "Personen har allerede denne rolle."
SECOND_LEADER = "Distriktet har allerede en distriktsleder."


def add_rows(data, prefix, *rows):
    """``data`` with ``rows`` (field → value) added to the inline ``prefix``."""
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(n + len(rows))
    for i, row in enumerate(rows, start=n):
        data |= {f"{prefix}-{i}-{name}": value for name, value in row.items()}
    return data


def refused(client, url, data, message):
    client.raise_request_exception = False
    before = list(Role.objects.order_by("pk").values_list())
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(Role.objects.order_by("pk").values_list()) == before


@pytest.fixture
def leader_role():
    return (
        Role.objects.filter(
            role_type=RoleType.PEDAGOGICAL_LEADER, institution__districts__slug="baltorp"
        )
        .select_related("institution")
        .first()
    )


def test_a_role_the_person_holds_already_on_the_house_page(client, leader_role):
    login(client, "leder-baltorp")
    url = admin_url(leader_role.institution)
    data = add_rows(
        form_data(client.get(url)),
        "roles",
        {"person": str(leader_role.person_id), "role_type": leader_role.role_type},
    )
    refused(client, url, data, SAME_ROLE)


def test_the_same_new_role_twice_in_one_save_on_the_house_page(client, leader_role):
    other = Role.objects.filter(institution__districts__slug="baltorp").exclude(
        person=leader_role.person, institution=leader_role.institution
    )
    person = other.exclude(person__roles__institution=leader_role.institution).first().person
    login(client, "leder-baltorp")
    url = admin_url(leader_role.institution)
    row = {"person": str(person.pk), "role_type": RoleType.CULTURE_CONTACT}
    data = add_rows(form_data(client.get(url)), "roles", row, row)
    refused(client, url, data, SAME_ROLE)


def test_a_second_district_leader_on_the_district_page(client):
    district = District.objects.get(slug="baltorp")
    leader = Role.objects.get(role_type=RoleType.DISTRICT_LEADER, district=district)
    other = (
        Role.objects.filter(institution__districts=district).exclude(person=leader.person).first()
    )
    login(client, "admin")
    url = admin_url(district)
    data = form_data(client.get(url))
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS")).removesuffix("-TOTAL_FORMS")
    data = add_rows(
        data, prefix, {"person": str(other.person_id), "role_type": RoleType.DISTRICT_LEADER}
    )
    refused(client, url, data, SECOND_LEADER)


def test_a_second_district_leader_on_the_persons_page(client):
    district = District.objects.get(slug="baltorp")
    other = (
        Role.objects.filter(institution__districts=district)
        .exclude(person__roles__role_type=RoleType.DISTRICT_LEADER)
        .first()
    )
    login(client, "admin")
    url = admin_url(other.person)
    data = form_data(client.get(url))
    data = add_rows(
        data,
        "roles",
        {"role_type": RoleType.DISTRICT_LEADER, "district": str(district.pk)},
    )
    refused(client, url, data, SECOND_LEADER)


def test_a_second_district_leader_on_the_roles_own_form(client):
    """The role's own form: Django's ModelAdmin checks the constraint there."""
    district = District.objects.get(slug="baltorp")
    other = Role.objects.filter(institution__districts=district).first()
    login(client, "admin")
    url = "/admin/districts/role/add/"
    data = form_data(client.get(url)) | {
        "person": str(other.person_id),
        "role_type": RoleType.DISTRICT_LEADER,
        "district": str(district.pk),
    }
    refused(client, url, data, SECOND_LEADER)
