"""The role matrix: who can see and change which district's objects in the admin.

Every role (administrator, the leader of each district, a culture network coordinator,
an anonymous visitor) against every district's institutions, clicked through the admin.
"""

import pytest
from django.contrib.auth import get_user_model

from districts.constants import RoleType
from districts.models import District, Institution, Person, Role
from tests.admin_forms import choices, form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
INSTITUTIONS = "/admin/districts/institution/"


def own_institution(slug):
    """An institution of this district only (not Klub Syd)."""
    return (
        Institution.objects.filter(districts__slug=slug)
        .exclude(slug="klub-syd")
        .order_by("name")
        .first()
    )


def listed(response, model=Institution):
    page = response.content.decode()
    return {obj.slug for obj in model.objects.all() if f'href="{admin_url(obj)}"' in page}


@pytest.fixture
def admin_form(client):
    """The change form of an object as the administrator's browser holds it."""

    def get(obj):
        login(client, "admin")
        data = form_data(client.get(admin_url(obj)))
        client.logout()
        return data

    return get


@pytest.mark.parametrize("slug", SLUGS)
def test_leader_lists_exactly_their_own_districts_institutions(client, slug):
    login(client, f"leder-{slug}")
    response = client.get(INSTITUTIONS)
    assert response.status_code == 200
    expected = set(Institution.objects.filter(districts__slug=slug).values_list("slug", flat=True))
    assert listed(response) == expected
    if slug in ("baltorp", "hedegaard"):
        assert "klub-syd" in expected


def test_administrator_lists_and_opens_every_institution(client):
    login(client, "admin")
    assert listed(client.get(INSTITUTIONS)) == set(
        Institution.objects.values_list("slug", flat=True)
    )
    for institution in Institution.objects.all():
        assert client.get(admin_url(institution)).status_code == 200


@pytest.mark.parametrize("target", SLUGS)
@pytest.mark.parametrize("leader", SLUGS)
def test_leader_changes_own_districts_institution_and_nothing_of_another(
    client, admin_form, leader, target
):
    institution = own_institution(target)
    stale = admin_form(institution) | {"phone": "44 77 99 99"}
    login(client, f"leder-{leader}")
    url = admin_url(institution)
    page = client.get(url)
    if leader == target:
        assert page.status_code == 200
        response = client.post(url, form_data(page) | {"phone": "44 77 99 99"})
        assert response.status_code == 302
        institution.refresh_from_db()
        assert institution.phone == "44 77 99 99"
    else:
        assert page.status_code == 403
        assert "Ingen adgang" in page.content.decode()
        assert client.post(url, stale).status_code == 403
        assert client.get(f"{url[: -len('change/')]}history/").status_code == 403
        assert client.post(f"{url[: -len('change/')]}delete/", {"post": "yes"}).status_code == 403
        institution.refresh_from_db()
        assert institution.phone == ""


@pytest.mark.parametrize("leader", ["baltorp", "hedegaard"])
def test_klub_syd_is_changed_by_both_leaders_and_keeps_both_districts(client, leader):
    klub_syd = Institution.objects.get(slug="klub-syd")
    own = District.objects.get(slug=leader)
    login(client, f"leder-{leader}")
    page = client.get(admin_url(klub_syd))
    assert page.status_code == 200
    # Only their own district is offered; the other district is not theirs to remove.
    assert choices(page, "districts") == [str(own.pk)]
    other = "Hedegård" if leader == "baltorp" else "Baltorp"
    assert f"Institutionen hører også til {other}. Det bevares" in page.content.decode()
    data = form_data(page) | {"email": f"{leader}@klubsyd.invalid", "districts": [own.pk]}
    assert client.post(admin_url(klub_syd), data).status_code == 302
    klub_syd.refresh_from_db()
    assert klub_syd.email == f"{leader}@klubsyd.invalid"
    assert {d.slug for d in klub_syd.districts.all()} == {"baltorp", "hedegaard"}


def test_leader_cannot_move_an_institution_into_another_district(client):
    house = own_institution("baltorp")
    login(client, "leder-baltorp")
    page = client.get(admin_url(house))
    other = District.objects.get(slug="skovlunde")
    response = client.post(admin_url(house), form_data(page) | {"districts": [other.pk]})
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert [d.slug for d in house.districts.all()] == ["baltorp"]


@pytest.mark.parametrize("target", SLUGS)
def test_leader_adds_an_institution_only_to_their_own_district(client, target):
    login(client, "leder-skovlunde")
    page = client.get(f"{INSTITUTIONS}add/")
    assert page.status_code == 200
    own = District.objects.get(slug="skovlunde")
    assert choices(page, "districts") == [str(own.pk)]
    district = District.objects.get(slug=target)
    data = form_data(page) | {
        "name": "Børnehuset Nyt",
        "slug": "boernehuset-nyt",
        "institution_type": "boernehus",
        "districts": [district.pk],
    }
    response = client.post(f"{INSTITUTIONS}add/", data)
    created = Institution.objects.filter(slug="boernehuset-nyt")
    if target == "skovlunde":
        assert response.status_code == 302
        assert [d.slug for d in created.get().districts.all()] == ["skovlunde"]
    else:
        assert response.status_code == 200
        assert not created.exists()


def test_leader_views_districts_but_changes_none(client):
    district = District.objects.get(slug="baltorp")
    login(client, "leder-baltorp")
    page = client.get(admin_url(district))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    data = {"name": "Omdøbt", "slug": "baltorp", "roles-TOTAL_FORMS": "0"}
    assert client.post(admin_url(district), data).status_code == 403
    assert client.get("/admin/districts/district/add/").status_code == 403
    district.refresh_from_db()
    assert district.name == "Baltorp"


def test_administrator_changes_a_district(client):
    district = District.objects.get(slug="baltorp")
    login(client, "admin")
    page = client.get(admin_url(district))
    data = form_data(page) | {"description": "Distriktet i den sydlige del af kommunen."}
    assert client.post(admin_url(district), data).status_code == 302
    district.refresh_from_db()
    assert district.description == "Distriktet i den sydlige del af kommunen."


@pytest.mark.parametrize("slug", SLUGS)
def test_culture_coordinator_changes_nothing_of_the_districts(client, slug):
    login(client, f"kultur-{slug}")
    index = client.get("/admin/")
    assert index.status_code == 200
    # Their own network's pages, and nothing of districts, institutions or people.
    assert ">Lokale kulturnetværk</a>" in index.content.decode()
    assert "/admin/districts/" not in index.content.decode()
    institution = own_institution(slug)
    assert client.get(INSTITUTIONS).status_code == 403
    assert client.get(admin_url(institution)).status_code == 403
    data = {"name": "Overtaget", "slug": institution.slug, "institution_type": "klub"}
    assert client.post(admin_url(institution), data).status_code == 403
    institution.refresh_from_db()
    assert institution.name != "Overtaget"


def test_anonymous_visitor_is_sent_to_the_login(client):
    institution = own_institution("baltorp")
    for url in [INSTITUTIONS, admin_url(institution), "/admin/districts/person/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    client.post(admin_url(institution), {"name": "Overtaget", "phone": "44 77 00 00"})
    institution.refresh_from_db()
    assert institution.name != "Overtaget" and institution.phone == ""


# --- people and roles ------------------------------------------------------------


def people_of(slug):
    return Person.objects.filter(
        roles__in=Role.objects.filter(district__slug=slug)
        | Role.objects.filter(institution__districts__slug=slug)
    ).distinct()


@pytest.mark.parametrize("slug", SLUGS)
def test_leader_lists_and_changes_only_their_districts_people(client, slug):
    login(client, f"leder-{slug}")
    expected = {p.pk for p in people_of(slug)}
    page = client.get("/admin/districts/person/").content.decode()
    shown = {p.pk for p in Person.objects.all() if f'href="{admin_url(p)}"' in page}
    assert shown == expected
    other = people_of("skovvejen" if slug != "skovvejen" else "baltorp").first()
    assert client.get(admin_url(other)).status_code == 403


def test_leader_cannot_link_accounts_or_make_anyone_district_leader(client):
    login(client, "leder-baltorp")
    me = get_user_model().objects.get(username="leder-baltorp").person
    page = client.get(admin_url(me))
    assert page.status_code == 200
    # The account link is user management: shown, not editable.
    assert 'name="user"' not in page.content.decode()
    assert choices(page, "roles-__prefix__-role_type") == [
        RoleType.PEDAGOGICAL_LEADER,
        RoleType.CULTURE_CONTACT,
    ]
    # Their own district-leader role is not theirs to change or hand on.
    own_role = me.roles.get(role_type=RoleType.DISTRICT_LEADER)
    assert client.get(admin_url(own_role)).status_code == 403

    add = client.get("/admin/districts/role/add/")
    hedegaard = District.objects.get(slug="hedegaard")
    baltorp = District.objects.get(slug="baltorp")
    assert choices(add, "district") == ["", str(baltorp.pk)]
    helper = people_of("baltorp").exclude(pk=me.pk).first()
    attempts = [
        {"person": helper.pk, "role_type": RoleType.DISTRICT_LEADER, "district": hedegaard.pk},
        {"person": helper.pk, "role_type": RoleType.DISTRICT_LEADER, "district": baltorp.pk},
        {"person": me.pk, "role_type": RoleType.DISTRICT_LEADER, "district": hedegaard.pk},
    ]
    before = Role.objects.count()
    for attempt in attempts:
        response = client.post("/admin/districts/role/add/", form_data(add) | attempt)
        assert response.status_code == 200, attempt
    assert Role.objects.count() == before
    assert not Role.objects.filter(district=hedegaard, person__in=[me, helper]).exists()


def test_role_inline_offers_only_the_leaders_own_people(client):
    house = own_institution("maaloevhoej")
    login(client, "leder-maaloevhoej")
    page = client.get(admin_url(house))
    offered = {int(pk) for pk in choices(page, "roles-0-person") if pk}
    assert offered <= {p.pk for p in people_of("maaloevhoej")}
    stranger = people_of("skovvejen").first()
    data = form_data(page) | {"roles-0-person": stranger.pk}
    response = client.post(admin_url(house), data)
    assert response.status_code == 200
    assert not Role.objects.filter(person=stranger, institution=house).exists()


def test_administrator_manages_accounts_but_cannot_make_anyone_superuser(client):
    login(client, "admin")
    leader = get_user_model().objects.get(username="leder-baltorp")
    url = f"/admin/auth/user/{leader.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.content.decode()
    data = form_data(page) | {"is_superuser": "on", "first_name": "Lene"}
    assert client.post(url, data).status_code == 302
    leader.refresh_from_db()
    assert leader.first_name == "Lene" and not leader.is_superuser
    me = get_user_model().objects.get(username="admin")
    own = client.get(f"/admin/auth/user/{me.pk}/change/")
    data = form_data(own) | {"is_superuser": "on", "first_name": "Ane"}
    assert client.post(f"/admin/auth/user/{me.pk}/change/", data).status_code == 302
    me.refresh_from_db()
    assert me.first_name == "Ane" and not me.is_superuser


def test_leader_is_offered_only_their_own_people_and_houses_for_a_role(client):
    login(client, "leder-hedegaard")
    page = client.get("/admin/districts/role/add/")
    assert page.status_code == 200
    offered = {int(pk) for pk in choices(page, "person") if pk}
    assert offered
    assert offered == {p.pk for p in people_of("hedegaard")}
    houses = {int(pk) for pk in choices(page, "institution") if pk}
    assert houses == set(
        Institution.objects.filter(districts__slug="hedegaard").values_list("pk", flat=True)
    )


def test_leader_adds_a_person_together_with_a_role_in_their_district(client):
    house = own_institution("skovvejen")
    login(client, "leder-skovvejen")
    add = client.get("/admin/districts/person/add/")
    base = form_data(add) | {"name": "Ny Pædagogisk Leder"}
    # Without a role the person would vanish from the leader's view: refused.
    assert client.post("/admin/districts/person/add/", base).status_code == 200
    assert not Person.objects.filter(name="Ny Pædagogisk Leder").exists()
    with_role = base | {
        "roles-0-role_type": RoleType.PEDAGOGICAL_LEADER,
        "roles-0-institution": house.pk,
    }
    assert client.post("/admin/districts/person/add/", with_role).status_code == 302
    person = Person.objects.get(name="Ny Pædagogisk Leder")
    assert person.roles.get().institution == house
    assert client.get(admin_url(person)).status_code == 200


def test_a_person_in_two_districts_is_changed_but_not_deleted_by_one_leader(client):
    person = people_of("baltorp").exclude(user__isnull=False).first()
    elsewhere = Role.objects.create(
        person=person,
        role_type=RoleType.PEDAGOGICAL_LEADER,
        institution=Institution.objects.get(slug="boernehuset-ellekilde"),
    )
    login(client, "leder-baltorp")
    page = client.get(admin_url(person))
    assert page.status_code == 200
    # The Skovlunde role is not in the Baltorp leader's form, so it cannot be removed.
    assert f'value="{elsewhere.pk}"' not in page.content.decode()
    assert client.post(admin_url(person), form_data(page)).status_code == 302
    assert (
        client.post(admin_url(person)[: -len("change/")] + "delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Role.objects.filter(pk=elsewhere.pk).exists()


def test_only_administrators_change_a_web_address(client):
    house = own_institution("baltorp")
    address = house.get_absolute_url()
    login(client, "leder-baltorp")
    page = client.get(admin_url(house))
    assert 'name="slug"' not in page.content.decode()
    data = form_data(page) | {"slug": "nyt-navn-i-adressen", "phone": "44 77 00 01"}
    assert client.post(admin_url(house), data).status_code == 302
    house.refresh_from_db()
    assert house.phone == "44 77 00 01"
    assert house.get_absolute_url() == address  # parents' links and bookmarks still work

    login(client, "admin")
    assert 'name="slug"' in client.get(admin_url(house)).content.decode()


def test_a_new_name_whose_web_address_is_taken_gets_a_danish_message(client):
    login(client, "leder-baltorp")
    page = client.get(f"{INSTITUTIONS}add/")
    baltorp = District.objects.get(slug="baltorp")
    data = form_data(page) | {
        "name": "Klub-Syd",
        "institution_type": "klub",
        "districts": [baltorp.pk],
    }
    response = client.post(f"{INSTITUTIONS}add/", data)
    assert response.status_code == 200
    assert "Navnet giver webadressen »klub-syd«" in response.content.decode()
    assert not Institution.objects.filter(name="Klub-Syd").exists()


def test_role_forms_offer_only_the_role_types_that_fit_where_they_are_edited(client):
    login(client, "admin")
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    on_house = client.get(admin_url(house))
    assert choices(on_house, "roles-__prefix__-role_type") == [
        RoleType.PEDAGOGICAL_LEADER,
        RoleType.CULTURE_CONTACT,
    ]
    district = District.objects.get(slug="baltorp")
    on_district = client.get(admin_url(district))
    assert choices(on_district, "roles-__prefix__-role_type") == [RoleType.DISTRICT_LEADER]
    # A school has no pedagogical leaders: its form offers only culture contact persons.
    school = Institution.objects.get(slug="baltorpskolen")
    on_school = client.get(admin_url(school))
    assert choices(on_school, "roles-__prefix__-role_type") == [RoleType.CULTURE_CONTACT]


def test_a_role_type_that_does_not_fit_gets_a_message_not_an_error_page(client):
    login(client, "leder-baltorp")
    house = Institution.objects.get(slug="boernehuset-grantoften")
    page = client.get(admin_url(house))
    person = people_of("baltorp").first()
    data = form_data(page) | {
        "roles-TOTAL_FORMS": str(int(form_data(page)["roles-TOTAL_FORMS"]) + 1),
        f"roles-{form_data(page)['roles-TOTAL_FORMS']}-person": person.pk,
        f"roles-{form_data(page)['roles-TOTAL_FORMS']}-role_type": RoleType.DISTRICT_LEADER,
    }
    response = client.post(admin_url(house), data)
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert not Role.objects.filter(institution=house, role_type=RoleType.DISTRICT_LEADER)


def test_leader_cannot_delete_a_person_who_has_a_staff_account(client):
    coordinator = get_user_model().objects.get(username="kultur-baltorp").person
    login(client, "leder-baltorp")
    delete_url = admin_url(coordinator).replace("/change/", "/delete/")
    response = client.post(delete_url, {"post": "yes"})
    assert response.status_code == 403
    assert Person.objects.filter(pk=coordinator.pk).exists()
