"""Segregation of duties: nobody but an administrator gives themselves a role.

A role at a house makes its holder a booking contact there (``bookings.rules``), with the
bookings and contact details of the house's other contact persons. A district leader
hands such roles out, on the role's own page and as rows on a person's or a house's
page, but never to the person of their own account, and their own roles they neither
change nor delete. An administrator may do all of it.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from districts import rules
from districts.constants import DAYCARE_TYPES, RoleType
from districts.models import Institution, Person, Role
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

User = get_user_model()

SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
ROLES = "/admin/districts/role/"
REFUSED = "Du kan ikke give dig selv en rolle. Bed en administrator om det."


def daycare_house(slug):
    """A daycare house of this district only: it may have both kinds of role."""
    return (
        Institution.objects.filter(districts__slug=slug, institution_type__in=DAYCARE_TYPES)
        .exclude(slug="klub-syd")
        .order_by("name")
        .first()
    )


def someones_role_at(house):
    """The pedagogical leader's role at ``house`` (every demo house has one)."""
    return Role.objects.filter(institution=house, role_type=RoleType.PEDAGOGICAL_LEADER).first()


def person_of(username):
    """The person of the account ``username``; the demo administrator gets one."""
    user = User.objects.get(username=username)
    return Person.objects.get_or_create(user=user, defaults={"name": username})[0]


def errors(response, html_id):
    """The messages Django shows under the field ``html_id`` (``id_person``)."""
    found = re.search(
        rf'<ul class="errorlist" id="{re.escape(html_id)}_error">(.*?)</ul>',
        response.content.decode(),
        re.S,
    )
    return re.findall(r"<li>(.*?)</li>", found.group(1)) if found else []


def row_errors(response):
    """The messages of the inline rows that are about the row, not one of its fields."""
    page = response.content.decode()
    return re.findall(r'<ul class="errorlist nonfield"><li>(.*?)</li>', page)


def with_row(data, prefix, **values):
    """``data`` with one more inline row under ``prefix`` holding ``values``."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    row = {f"{prefix}-{index}-{name}": value for name, value in values.items()}
    return data | row | {f"{prefix}-TOTAL_FORMS": str(index + 1)}


# --- the role's own page: add -------------------------------------------------------


@pytest.mark.parametrize("role_type", rules.LEADER_ASSIGNABLE_ROLE_TYPES)
@pytest.mark.parametrize("slug", SLUGS)
def test_a_leader_cannot_give_themselves_a_role_on_the_role_form(client, slug, role_type):
    house = daycare_house(slug)
    me = person_of(f"leder-{slug}")
    login(client, f"leder-{slug}")
    page = client.get(f"{ROLES}add/")
    appointment = {"role_type": role_type, "institution": house.pk, "district": ""}
    before = Role.objects.count()
    response = client.post(f"{ROLES}add/", form_data(page) | appointment | {"person": me.pk})
    assert response.status_code == 200
    assert errors(response, "id_person") == [REFUSED]
    assert Role.objects.count() == before
    assert not Role.objects.filter(person=me, institution=house).exists()
    # Someone else of the district is the leader's to appoint.
    other = someones_role_at(house).person
    elsewhere = (
        Institution.objects.filter(districts__slug=slug).exclude(pk=house.pk).order_by("name")
    ).first()
    appointment = {"role_type": RoleType.CULTURE_CONTACT, "institution": elsewhere.pk}
    response = client.post(f"{ROLES}add/", form_data(page) | appointment | {"person": other.pk})
    assert response.status_code == 302
    assert Role.objects.filter(person=other, institution=elsewhere).exists()


def test_an_administrator_gives_themselves_a_role_on_the_role_form(client):
    house = daycare_house("baltorp")
    me = person_of("admin")
    login(client, "admin")
    page = client.get(f"{ROLES}add/")
    data = form_data(page) | {
        "person": me.pk,
        "role_type": RoleType.CULTURE_CONTACT,
        "institution": house.pk,
        "district": "",
    }
    assert client.post(f"{ROLES}add/", data).status_code == 302
    assert Role.objects.filter(person=me, institution=house).exists()


# --- the role's own page: change ----------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_a_leader_cannot_move_someones_role_onto_themselves(client, slug):
    role = someones_role_at(daycare_house(slug))
    holder = role.person
    me = person_of(f"leder-{slug}")
    login(client, f"leder-{slug}")
    page = client.get(admin_url(role))
    assert page.status_code == 200
    response = client.post(admin_url(role), form_data(page) | {"person": me.pk})
    assert response.status_code == 200
    assert errors(response, "id_person") == [REFUSED]
    role.refresh_from_db()
    assert role.person == holder


def test_an_administrator_moves_someones_role_onto_themselves(client):
    role = someones_role_at(daycare_house("skovlunde"))
    me = person_of("admin")
    login(client, "admin")
    page = client.get(admin_url(role))
    assert client.post(admin_url(role), form_data(page) | {"person": me.pk}).status_code == 302
    role.refresh_from_db()
    assert role.person == me


# --- the role rows on the person's own page -----------------------------------------


def test_a_leader_cannot_give_themselves_a_role_on_their_own_page(client):
    house = daycare_house("hedegaard")
    me = person_of("leder-hedegaard")
    login(client, "leder-hedegaard")
    page = client.get(admin_url(me))
    assert page.status_code == 200
    before = Role.objects.count()
    data = with_row(
        form_data(page),
        "roles",
        role_type=RoleType.CULTURE_CONTACT,
        institution=house.pk,
        district="",
    )
    response = client.post(admin_url(me), data)
    assert response.status_code == 200
    assert row_errors(response) == [REFUSED]
    assert Role.objects.count() == before
    assert not me.roles.filter(institution=house).exists()


def test_an_administrator_gives_themselves_a_role_on_their_own_page(client):
    house = daycare_house("hedegaard")
    me = person_of("admin")
    login(client, "admin")
    page = client.get(admin_url(me))
    data = with_row(
        form_data(page),
        "roles",
        role_type=RoleType.PEDAGOGICAL_LEADER,
        institution=house.pk,
        district="",
    )
    assert client.post(admin_url(me), data).status_code == 302
    assert me.roles.filter(institution=house, role_type=RoleType.PEDAGOGICAL_LEADER).exists()


# --- the role rows on a house's page ------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_a_leader_cannot_make_themselves_contact_person_on_the_houses_page(client, slug):
    house = daycare_house(slug)
    me = person_of(f"leder-{slug}")
    login(client, f"leder-{slug}")
    page = client.get(admin_url(house))
    assert page.status_code == 200
    before = Role.objects.count()
    data = with_row(form_data(page), "roles", person=me.pk, role_type=RoleType.CULTURE_CONTACT)
    response = client.post(admin_url(house), data)
    assert response.status_code == 200
    index = int(data["roles-TOTAL_FORMS"]) - 1
    assert errors(response, f"id_roles-{index}-person") == [REFUSED]
    assert Role.objects.count() == before
    assert not Role.objects.filter(person=me, institution=house).exists()


def test_an_administrator_makes_themselves_contact_person_on_the_houses_page(client):
    house = daycare_house("maaloevhoej")
    me = person_of("admin")
    login(client, "admin")
    page = client.get(admin_url(house))
    data = with_row(form_data(page), "roles", person=me.pk, role_type=RoleType.CULTURE_CONTACT)
    assert client.post(admin_url(house), data).status_code == 302
    assert Role.objects.filter(person=me, institution=house).exists()


# --- a leader's own roles are an administrator's to change --------------------------


def test_a_leaders_own_role_is_shown_but_not_theirs_to_change_or_delete(client):
    house = daycare_house("baltorp")
    other_house = Institution.objects.filter(districts__slug="baltorp").exclude(pk=house.pk).first()
    me = person_of("leder-baltorp")
    own = Role.objects.create(person=me, role_type=RoleType.CULTURE_CONTACT, institution=house)
    login(client, "leder-baltorp")
    assert f'href="{admin_url(own)}"' in client.get(ROLES).content.decode()
    page = client.get(admin_url(own))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    data = {"person": me.pk, "role_type": RoleType.CULTURE_CONTACT, "institution": other_house.pk}
    assert client.post(admin_url(own), data).status_code == 403
    assert client.post(admin_url(own, "delete"), {"post": "yes"}).status_code == 403
    # Not a row of their own page either, and a row posted with its id is refused.
    mine = client.get(admin_url(me))
    assert f'value="{own.pk}"' not in mine.content.decode()
    forged = with_row(
        form_data(mine),
        "roles",
        id=own.pk,
        role_type=RoleType.CULTURE_CONTACT,
        institution=other_house.pk,
        district="",
    )
    forged["roles-INITIAL_FORMS"] = forged["roles-TOTAL_FORMS"]
    assert client.post(admin_url(me), forged).status_code == 200
    own.refresh_from_db()
    assert own.institution == house


def test_who_may_give_whom_a_role():
    leader = User.objects.get(username="leder-skovvejen")
    administrator = User.objects.get(username="admin")
    contact = person_of("kontakt-valhalla")
    assert not rules.may_give_role_to(leader, person_of("leder-skovvejen"))
    assert rules.may_give_role_to(leader, contact)
    assert rules.may_give_role_to(leader, Person(name="Ny, uden konto"))
    assert rules.may_give_role_to(administrator, person_of("admin"))
    assert rules.may_give_role_to(administrator, person_of("leder-skovvejen"))
