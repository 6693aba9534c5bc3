"""Public pages, as a parent would read them."""

import pytest

from districts.constants import InstitutionType, RoleType
from districts.models import District, Institution, Role
from tests.conftest import MAX_PAGE_QUERIES, page_queries
from tests.districts.factories import InstitutionFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.usefixtures("seed")


def html(response):
    return response.content.decode()


def test_home_lists_the_five_districts_with_links(client):
    page = html(client.get("/"))
    assert '<html lang="da">' in page
    for district in District.objects.all():
        assert f'href="{district.get_absolute_url()}"' in page
        assert district.name in page
    assert 'Skovlunde<span class="district-card-meta">8 institutioner' in page
    # Klub Syd counts in both of its districts.
    assert 'Hedegård<span class="district-card-meta">4 institutioner' in page
    assert 'Baltorp<span class="district-card-meta">6 institutioner' in page


def test_base_layout_has_skip_link_navigation_and_accessibility_footer(client):
    page = html(client.get("/distrikter/"))
    assert page.index('href="#indhold"') < page.index("<nav")
    assert 'id="indhold"' in page
    assert 'aria-label="Hovedmenu"' in page
    assert 'aria-label="Brødkrumme"' in page
    assert '<a href="/was">Tilgængelighedserklæring</a>' in page


def test_no_third_party_assets(client):
    for url in ["/", "/distrikter/baltorp/", "/institutioner/klub-syd/", "/was"]:
        page = html(client.get(url))
        assert "//" not in "".join(part.split('"')[0] for part in page.split('src="')[1:]), url
        for part in page.split('<link rel="stylesheet" href="')[1:]:
            assert part.startswith("/static/"), url


def test_anonymous_visitors_get_no_cookie(client):
    for url in ["/", "/distrikter/", "/distrikter/hedegaard/", "/institutioner/dagplejen/"]:
        response = client.get(url)
        assert response.cookies == {}, url
        assert "Set-Cookie" not in response.headers


def test_district_list(client):
    page = html(client.get("/distrikter/"))
    assert "Måløvhøj" in page
    for name, count in [("Skovlunde", 8), ("Hedegård", 4), ("Baltorp", 6)]:
        entry = page[page.index(f">{name}</a>") :]
        assert entry.index(f"{count} institutioner") < entry.index("</li>"), name


def test_district_page_groups_institutions_by_type(client):
    page = html(client.get("/distrikter/skovlunde/"))
    assert "<h1>Distrikt Skovlunde</h1>" in page
    houses = page.index(">Børnehuse</h2>")
    schools = page.index(">Skoler</h2>")
    special = page.index(">Specialskoler</h2>")
    clubs = page.index(">Klubber</h2>")
    assert houses < schools < special < clubs
    assert page.index("Børnehuset Sol og Mudder") < schools
    assert schools < page.index("Ordblindeinstituttet") < clubs
    for institution in Institution.objects.filter(districts__slug="skovlunde"):
        assert f'href="{institution.get_absolute_url()}"' in page


def test_klub_syd_is_on_both_district_pages_and_says_so(client):
    baltorp = html(client.get("/distrikter/baltorp/"))
    hedegaard = html(client.get("/distrikter/hedegaard/"))
    assert 'href="/institutioner/klub-syd/"' in baltorp
    assert 'href="/institutioner/klub-syd/"' in hedegaard
    assert "også i Hedegård" in baltorp
    assert "også i Baltorp" in hedegaard


def test_district_page_shows_its_leader(client):
    district = District.objects.get(slug="maaloevhoej")
    district.roles.filter(role_type=RoleType.DISTRICT_LEADER).delete()  # the demo leader
    RoleFactory(
        person=PersonFactory(name="Lise Leder", email="lise@example.invalid"),
        role_type=RoleType.DISTRICT_LEADER,
        district=district,
    )
    page = html(client.get("/distrikter/maaloevhoej/"))
    assert "Lise Leder" in page
    assert "mailto:lise@example.invalid" in page
    # ...and not on another district's page.
    assert "Lise Leder" not in html(client.get("/distrikter/baltorp/"))


def test_district_page_without_leader_says_so(client):
    Role.objects.filter(role_type=RoleType.DISTRICT_LEADER, district__slug="skovvejen").delete()
    assert "Distriktslederen er endnu ikke registreret." in html(
        client.get("/distrikter/skovvejen/")
    )


def test_unknown_district_is_a_danish_404(client):
    response = client.get("/distrikter/findes-ikke/")
    assert response.status_code == 404
    assert "Siden findes ikke" in html(response)


def test_institution_page_shows_type_districts_and_back_links(client):
    page = html(client.get("/institutioner/klub-syd/"))
    assert "<h1>Klub Syd</h1>" in page
    assert '<p class="lead">Klub</p>' in page  # the type, not just the name
    assert 'href="/distrikter/baltorp/"' in page
    assert 'href="/distrikter/hedegaard/"' in page


def test_institution_page_breadcrumb_leads_back_to_its_only_district(client):
    page = html(client.get("/institutioner/boernehuset-kaerlodden/"))
    crumbs = page[
        page.index('aria-label="Brødkrumme"') : page.index("</nav>", page.index("Brødkrumme"))
    ]
    assert 'href="/distrikter/maaloevhoej/">Måløvhøj</a>' in crumbs
    assert 'aria-current="page">Børnehuset Kærlodden' in crumbs


def test_institution_contact_box_shows_what_staff_entered_and_nothing_else(client):
    page = html(client.get("/institutioner/boernehuset-valhalla/"))
    assert (
        "Institutionens adresse, telefonnummer, e-mailadresse og åbningstider er endnu ikke "
        "registreret." in page
    )
    Institution.objects.filter(slug="boernehuset-valhalla").update(
        phone="44 77 55 66", email="valhalla@example.invalid"
    )
    page = html(client.get("/institutioner/boernehuset-valhalla/"))
    assert 'href="tel:44775566">44 77 55 66</a>' in page
    assert "mailto:valhalla@example.invalid" in page
    # Issue 23.1: what is still missing is named, not left out.
    contact = page.split('id="kontakt"')[1].split("</section>")[0]
    assert "Institutionens adresse og åbningstider er endnu ikke registreret." in contact
    assert "telefonnummer" not in contact


def test_institution_page_shows_pedagogical_leaders_with_demo_label(client):
    house = Institution.objects.get(slug="boernehuset-ellekilde")
    RoleFactory(
        person=PersonFactory(name="Per Pædagog", is_demo=True),
        role_type=RoleType.PEDAGOGICAL_LEADER,
        institution=house,
        district=None,
    )
    page = html(client.get(house.get_absolute_url()))
    assert "Per Pædagog" in page
    assert "Demodata" in page


def test_dagplejen_shows_its_family_day_carers(client):
    page = html(client.get("/institutioner/dagplejen/"))
    assert "Dagplejen har 16 dagplejere i kommunen." in page


def test_accessibility_statement(client):
    page = html(client.get("/was"))
    assert "<h1>Tilgængelighedserklæring</h1>" in page
    assert "WCAG 2.1" in page


def queries_for(client, url):
    return len(page_queries(client, url))


def test_query_count_does_not_grow_with_ten_times_the_data(client):
    # One data set for the four pages (it was built once per page: 4 × 20 s).
    urls = ["/", "/distrikter/", "/distrikter/baltorp/", "/institutioner/boernehuset-bispevangen/"]
    before = {url: queries_for(client, url) for url in urls}
    baltorp, hedegaard = District.objects.filter(slug__in=["baltorp", "hedegaard"])
    bispevangen = Institution.objects.get(slug="boernehuset-bispevangen")
    for n in range(Institution.objects.count() * 9):
        InstitutionFactory(
            districts=[baltorp, hedegaard] if n % 3 else [baltorp],
            institution_type=list(InstitutionType)[n % len(InstitutionType)],
        )
        RoleFactory(role_type=RoleType.PEDAGOGICAL_LEADER, institution=bispevangen)
    assert Institution.objects.filter(districts=baltorp).count() > 200
    after = {url: queries_for(client, url) for url in urls}
    assert after == before
    assert max(before.values()) <= MAX_PAGE_QUERIES


def test_server_error_page_is_danish_and_needs_no_database(rf, django_assert_num_queries):
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/distrikter/baltorp/"))
    page = html(response)
    assert response.status_code == 500
    assert '<html lang="da">' in page
    assert "Der skete en fejl" in page
    assert 'href="/was"' in page


def test_bad_request_page_is_danish(rf):
    from django.core.exceptions import BadRequest
    from django.views.defaults import bad_request

    response = bad_request(rf.get("/"), BadRequest())
    assert response.status_code == 400
    assert "Forkert forespørgsel" in html(response)
