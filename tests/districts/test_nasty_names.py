"""No name staff can type takes a page down: every name gives a working web address, or
is refused with a Danish message."""

import pytest
from django.contrib.contenttypes.models import ContentType

from districts.models import District, Institution, Person
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.usefixtures("demo")

NASTY_NAMES = [
    "👶🎈",
    "روضة الأطفال",
    "幼儿园",
    "<>",
    "<script>alert('x')</script>",
    "../../etc/passwd",
    "---",
    "'; DROP TABLE districts_institution; --",
    "Ø" * 150,  # 150 letters, 300 in the address
    # A right-to-left override closed again (one left open is refused:
    # tests/portal/test_bidi.py).
    "\u202eesuhnrøB\u202c",
]


def every_page_answers(client, *objects):
    paths = [*PUBLIC_PAGES.values()] + [obj.get_absolute_url() for obj in objects]
    for path in paths:
        response = client.get(path)
        expected = 404 if path == PUBLIC_PAGES["404"] else 200
        assert response.status_code == expected, (path, response.status_code)


def test_a_district_leader_saves_the_nastiest_names_and_every_page_still_answers(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    login(client, "leder-baltorp")
    for name in NASTY_NAMES:
        page = client.get(admin_url(house))
        response = client.post(admin_url(house), form_data(page) | {"name": name})
        assert response.status_code == 302, (name, response.content.decode()[:500])
        house.refresh_from_db()
        assert house.name == name
        assert house.slug, name
        # The public page, the district page and the admin's "Vis på websted" work.
        assert client.get(house.get_absolute_url()).status_code == 200
        content_type = ContentType.objects.get_for_model(house)
        view_on_site = client.get(f"/admin/r/{content_type.pk}/{house.pk}/")
        assert view_on_site.status_code == 302
        assert view_on_site.url.endswith(house.get_absolute_url())
        every_page_answers(client.__class__(), house)
    assert client.get("/admin/districts/institution/").status_code == 200


def test_an_administrator_adds_districts_and_houses_with_nasty_names(client):
    login(client, "admin")
    for number, name in enumerate(NASTY_NAMES):
        response = client.post(
            "/admin/districts/district/add/",
            form_data(client.get("/admin/districts/district/add/")) | {"name": name},
        )
        assert response.status_code == 302, (name, response.content.decode()[:500])
        district = District.objects.get(name=name)
        assert district.slug
        house_form = form_data(client.get("/admin/districts/institution/add/"))
        response = client.post(
            "/admin/districts/institution/add/",
            house_form
            | {
                "name": f"{name} {number}" if name != "Ø" * 150 else "Å" * 150,
                "institution_type": "boernehus",
                "districts": [district.pk],
            },
        )
        assert response.status_code == 302, (name, response.content.decode()[:500])
    anonymous = client.__class__()
    every_page_answers(anonymous, *District.objects.all(), *Institution.objects.all())
    for path in ["/admin/districts/district/", "/admin/districts/institution/"]:
        assert client.get(path).status_code == 200


def test_names_without_letters_get_addresses_from_their_id_and_stay_unique():
    first = Institution.objects.create(name="🏠", institution_type="boernehus")
    second = Institution.objects.create(name="🏡", institution_type="boernehus")
    assert first.slug == f"institution-{first.pk}"
    assert second.slug == f"institution-{second.pk}"
    district = District.objects.create(name="🌳")
    assert district.slug == f"distrikt-{district.pk}"


def test_a_name_whose_address_is_taken_is_refused_in_danish(client):
    login(client, "admin")
    form = form_data(client.get("/admin/districts/district/add/"))
    response = client.post("/admin/districts/district/add/", form | {"name": "Baltorp!"})
    assert response.status_code == 200
    assert "Navnet giver webadressen »baltorp«, som en anden side allerede har." in (
        response.content.decode()
    )
    assert not District.objects.filter(name="Baltorp!").exists()


def test_people_with_nasty_names_show_safely(client):
    person = Person.objects.filter(roles__institution__slug="boernehuset-bispevangen").first()
    person.name = "<script>alert('x')</script> 👶"
    person.save()
    page = client.get("/institutioner/boernehuset-bispevangen/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 👶" in page


def test_a_name_without_letters_gets_a_free_address_when_its_id_address_is_taken(client):
    """An emoji name is found at "institution-<id>"; a house named "Institution <id>"
    may hold that address already: the new one gets the next free, not a 500."""
    login(client, "admin")
    add = "/admin/districts/institution/add/"
    base = {"institution_type": "boernehus", "districts": [District.objects.first().pk]}
    # The ids the next two houses get (PostgreSQL's sequence skips rolled-back ids).
    probe = Institution.objects.create(name="Prøve", institution_type="boernehus")
    upcoming = probe.pk + 2
    probe.delete()
    named = form_data(client.get(add)) | base | {"name": f"Institution {upcoming}"}
    assert client.post(add, named).status_code == 302
    emoji = form_data(client.get(add)) | base | {"name": "👶🎈🧸"}
    assert client.post(add, emoji).status_code == 302
    house = Institution.objects.get(name="👶🎈🧸")
    assert house.pk == upcoming
    assert house.slug == f"institution-{upcoming}-2"
    assert client.get(house.get_absolute_url()).status_code == 200
