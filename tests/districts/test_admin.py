"""The staff admin in Danish, used as an administrator clicks it."""

import pytest

from districts.models import District, Institution
from tests.admin_forms import form_data

pytestmark = pytest.mark.usefixtures("demo")


def test_admin_is_danish_and_lists_the_portals_models(administrator):
    page = administrator.get("/admin/").content.decode()
    assert "Distrikter og institutioner" in page
    for label in ["Distrikter", "Institutioner", "Personer", "Roller"]:
        assert label in page


def test_institution_search_and_filters(administrator):
    page = administrator.get("/admin/districts/institution/", {"q": "Klub"}).content.decode()
    assert "Klub Syd" in page and "Klub Nord" in page
    assert "Børnehuset Valhalla" not in page
    page = administrator.get(
        "/admin/districts/institution/", {"institution_type__exact": "specialskole"}
    ).content.decode()
    assert "Kasperskolen" in page and "Ordblindeinstituttet" in page
    assert "Klub Syd" not in page


def test_administrator_changes_a_phone_number_and_parents_see_it(administrator, client):
    house = Institution.objects.get(slug="boernehuset-lundebjerg")
    form = administrator.get(f"/admin/districts/institution/{house.pk}/change/")
    assert form.status_code == 200
    data = form_data(form) | {"phone": "44 77 00 11"}
    response = administrator.post(f"/admin/districts/institution/{house.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "44 77 00 11" in client.get(house.get_absolute_url()).content.decode()


def test_bad_phone_number_gets_a_danish_message_and_changes_nothing(administrator):
    house = Institution.objects.get(slug="boernehuset-lundebjerg")
    form = administrator.get(f"/admin/districts/institution/{house.pk}/change/")
    data = form_data(form) | {"phone": "ring til os"}
    response = administrator.post(f"/admin/districts/institution/{house.pk}/change/", data)
    assert response.status_code == 200
    assert "Et telefonnummer kan kun have cifre, mellemrum" in response.content.decode()
    house.refresh_from_db()
    assert house.phone == ""


def test_only_dagplejen_is_asked_for_its_number_of_family_day_carers(administrator):
    for slug, asked in [("dagplejen", True), ("klub-syd", False), ("baltorpskolen", False)]:
        institution = Institution.objects.get(slug=slug)
        page = administrator.get(f"/admin/districts/institution/{institution.pk}/change/")
        assert ('name="family_day_carers"' in page.content.decode()) is asked, slug


def test_a_blank_web_address_is_made_with_the_danish_rule(administrator):
    page = administrator.get("/admin/districts/district/add/")
    data = form_data(page) | {"name": "Ny Løvehøj", "slug": ""}
    assert administrator.post("/admin/districts/district/add/", data).status_code == 302
    assert District.objects.get(name="Ny Løvehøj").slug == "ny-loevehoej"


def test_demo_marking_is_not_staff_editable(administrator):
    from districts.models import Person

    person = Person.objects.filter(is_demo=True).first()
    url = f"/admin/districts/person/{person.pk}/change/"
    page = administrator.get(url)
    assert 'name="is_demo"' not in page.content.decode()
    data = form_data(page) | {"is_demo": ""}
    assert administrator.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.is_demo


def test_a_house_form_makes_as_many_queries_with_ten_leaders_as_with_one(client):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from districts.constants import RoleType
    from districts.models import Role
    from tests.districts.factories import PersonFactory

    house = Institution.objects.get(slug="boernehuset-bispevangen")
    client.force_login(get_user_model().objects.get(username="leder-baltorp"))
    url = f"/admin/districts/institution/{house.pk}/change/"

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    one = queries()
    for _ in range(9):
        Role.objects.create(
            person=PersonFactory(), role_type=RoleType.PEDAGOGICAL_LEADER, institution=house
        )
    assert queries() == one
