"""Parents find their house: the search in the header of every page, and the A–Å list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ballerup_portal.search import loose
from districts.constants import InstitutionType
from districts.models import District, Institution
from tests.districts.factories import InstitutionFactory
from tests.public_pages import EXISTING_PAGES

pytestmark = pytest.mark.usefixtures("demo")


def main(response):
    """The page's own content, without the header's navigation and search box."""
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def results(client, query):
    return main(client.get("/soeg/", {"q": query}))


def test_every_institution_is_found_by_its_name_and_by_a_lower_case_part(client):
    for institution in Institution.objects.all():
        link = f'href="{institution.get_absolute_url()}"'
        assert link in results(client, institution.name), institution.name
        part = institution.name.split()[-1].lower()
        assert link in results(client, part), (institution.name, part)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("maalov", "boernehuset-maaloev-by"),
        ("malov by", "boernehuset-maaloev-by"),
        ("valhala", "boernehuset-valhalla"),
        ("villa kula", "boernehuset-villa-kulla"),
        ("sol mudder", "boernehuset-sol-og-mudder"),
        ("HEDE-/MAGLEPARKEN", "distriktsinstitutionen-hede-magleparken"),
        ("kaerlodden", "boernehuset-kaerlodden"),
    ],
)
def test_names_typed_carelessly_still_find(client, typed, slug):
    assert f'href="/institutioner/{slug}/"' in results(client, typed)


def test_results_are_grouped_by_kind_with_their_district(client):
    page = results(client, "måløv")
    assert page.index("<h2") < page.index("Institutioner") < page.index("Distrikter")
    assert "(Klub · Måløvhøj)" in page
    assert 'href="/distrikter/maaloevhoej/"' in page
    assert 'href="/kultur/maaloevhoej/"' in page and 'href="/bestyrelser/maaloevhoej/"' in page


def test_no_result_offers_the_nearest_names_and_the_a_to_aa_list(client):
    page = results(client, "bispevanget")
    assert "Vi fandt intet, der hedder »bispevanget«." in page
    assert 'href="/institutioner/boernehuset-bispevangen/"' in page
    assert 'href="/institutioner/"' in page


def test_the_query_is_never_echoed_unescaped(client):
    page = results(client, '<script>alert("x")</script>')
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert client.get("/soeg/", {"q": "x" * 10_000}).status_code == 200


def test_the_search_box_is_in_the_header_of_every_page(client):
    for path in EXISTING_PAGES.values():
        page = client.get(path).content.decode()
        header = page[page.index("<header") : page.index("</header>")]
        assert 'action="/soeg/"' in header and 'method="get"' in header, path
        assert "<label" in header and 'for="soeg"' in header, path


def test_a_search_makes_as_many_queries_at_ten_times_the_data(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            results(client, "børnehus")
        return len(captured)

    before = queries()
    baltorp = District.objects.get(slug="baltorp")
    for _ in range(Institution.objects.count() * 9):
        InstitutionFactory(districts=[baltorp])
    assert queries() == before
    assert before <= 6


def test_folding():
    assert loose("Børnehuset Måløv By") == loose("bornehuset malov by") == "bornehusetmalovby"
    assert loose("Villa-Kulla") == loose("vila kula")


def test_the_a_to_aa_list_in_danish_order_with_a_type_filter(client):
    page = main(client.get("/institutioner/"))
    assert page.count('<li><a href="/institutioner/') == Institution.objects.count()
    assert "(Klub · Baltorp, Hedegård)" in page
    clubs = main(client.get("/institutioner/", {"type": "klubber"}))
    assert (
        clubs.count('<li><a href="/institutioner/')
        == Institution.objects.filter(institution_type=InstitutionType.CLUB).count()
    )
    assert 'value="klubber" checked' in clubs
    odd = client.get("/institutioner/", {"type": '"><script>'})
    assert odd.status_code == 200 and "<script>" not in odd.content.decode()


def test_danish_sorting_puts_aeoeaa_last(client):
    InstitutionFactory(name="Ådalens Børnehus", districts=[District.objects.get(slug="baltorp")])
    InstitutionFactory(name="Ølstykke Test", districts=[District.objects.get(slug="baltorp")])
    page = main(client.get("/institutioner/"))
    assert page.index("Ølstykke Test") < page.index("Ådalens Børnehus")
    assert page.index(">Skovvejens Skole<") < page.index("Ølstykke Test")
    assert '<h2 id="bogstav-' in page and ">Å</h2>" in page
