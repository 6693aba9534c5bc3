"""Parents find their house: the search in the header of every page, and the A–Å list."""

import pytest
from django.db import connection

from ballerup_portal.search import loose, search
from districts.constants import InstitutionType
from districts.models import District, Institution
from tests.conftest import MAX_PAGE_QUERIES, page_queries
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
    page = results(client, "kasparskule")
    assert "Vi fandt intet, der hedder »kasparskule«." in page
    assert "Mente du:" in page and 'href="/institutioner/kasperskolen/"' in page
    assert 'href="/institutioner/"' in page


def test_the_query_is_never_echoed_unescaped(client):
    page = results(client, '<script>alert("x")</script>')
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert client.get("/soeg/", {"q": "x" * 10_000}).status_code == 200
    # Nor taken as SQL or as full-text search syntax (PostgreSQL).
    for typed in ["sol & !mudder:*", "'; DROP TABLE districts_institution; --", "(|)", "\\"]:
        assert client.get("/soeg/", {"q": typed}).status_code == 200, typed


def test_the_search_box_is_in_the_header_of_every_page(client):
    for path in EXISTING_PAGES.values():
        page = client.get(path).content.decode()
        header = page[page.index("<header") : page.index("</header>")]
        assert 'action="/soeg/"' in header and 'method="get"' in header, path
        assert "<label" in header and 'for="soeg"' in header, path


def test_a_search_makes_as_many_queries_at_ten_times_the_data(client):
    def queries():
        counts = []
        # A plain word, a typo (trigram similarity on PostgreSQL), and no result.
        for typed in ["børnehus", "lundeården", "kasparskule"]:
            counts.append(len(page_queries(client, "/soeg/", {"q": typed})))
        return counts

    before = queries()
    baltorp = District.objects.get(slug="baltorp")
    for _ in range(Institution.objects.count() * 9):
        InstitutionFactory(districts=[baltorp])
    assert queries() == before
    assert max(before) <= MAX_PAGE_QUERIES


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


# PostgreSQL adds Danish full-text search, trigram similarity and ranking (issue 14). The
# same suite runs on both databases in CI, where nothing may be skipped: each test below
# says what holds on PostgreSQL and what on SQLite.
POSTGRESQL = connection.vendor == "postgresql"


def found(typed, kind="Institutioner"):
    """The titles ``search`` finds for ``typed`` under ``kind``, in their order."""
    groups, _ = search(typed)
    return [result.title for result in {str(k): r for k, r in groups}.get(kind, [])]


def suggested(typed):
    return [result.title for result in search(typed)[1]]


def one_typo(name):
    """``name`` with the letter in its middle dropped, and with it changed."""
    middle = len(name) // 2
    while not name[middle].isalpha():
        middle += 1
    other = "x" if name[middle] != "x" else "z"
    return [name[:middle] + name[middle + 1 :], name[:middle] + other + name[middle + 1 :]]


def test_every_institution_is_found_with_one_typo():
    for institution in Institution.objects.all():
        for typed in one_typo(institution.name):
            if POSTGRESQL:
                # Trigram similarity: found, and first.
                assert found(typed)[:1] == [institution.name], typed
            else:
                # The folded match: found, or offered as a nearest name.
                assert institution.name in found(typed) + suggested(typed), typed


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("valhala", "Børnehuset Valhalla"),
        ("villa kula", "Børnehuset Villa-Kulla"),
        ("sol mudder", "Børnehuset Sol og Mudder"),
        ("maalov by", "Børnehuset Måløv By"),
        ("Villa Kula", "Børnehuset Villa-Kulla"),
    ],
)
def test_names_typed_carelessly_are_found_first_on_both_databases(typed, name):
    assert found(typed)[:1] == [name]


def test_the_exact_name_is_ranked_first():
    for institution in Institution.objects.all():
        assert found(institution.name)[0] == institution.name, institution.name
    assert found("Skovlunde", "Distrikter") == ["Distrikt Skovlunde"]
    if POSTGRESQL:
        # Ranked by similarity: the closest name first, the others after it.
        assert found("Klub Måløv") == ["Klub Måløv"]
        assert found("lundeården") == ["Børnehuset Lundegården"]
        assert found("børnehuset undegården") == [
            "Børnehuset Lundegården",
            "Børnehuset Søndergården",
        ]
        assert found("maalov")[0] == "Klub Måløv"
    else:
        # The folded match keeps the names in their order: A to Å.
        assert found("lundeården") == []
        assert found("maalov") == ["Børnehuset Måløv By", "Klub Måløv", "Måløvhøj Skole"]


def test_typos_and_danish_word_forms_on_each_database(client):
    page = results(client, "bispevanget")
    assert 'href="/institutioner/boernehuset-bispevangen/"' in page
    if POSTGRESQL:
        assert "Vi fandt intet" not in page
        # Full-text search in Danish: "skoler" is a form of "skole".
        assert set(found("skoler")) >= {"Skovlunde Skole", "Skovvejens Skole", "Måløvhøj Skole"}
        # Trigram similarity: a part of a name, typed with a typo.
        assert found("hedegårsskole") == ["Hedegårdsskolen"]
        assert found("Dagplejen", "Forældrebestyrelser") == ["Dagplejens forældrebestyrelse"]
        assert found("kulturnetvaerk maaloevhoej", "Kulturnetværk") == ["Kulturnetværk Måløvhøj"]
    else:
        # Not found on SQLite, but offered as the nearest name.
        assert "Vi fandt intet, der hedder »bispevanget«." in page
        assert found("skoler") == []


def test_the_trigram_extension_is_enabled_on_postgresql_only():
    # districts/migrations/0005_pg_trgm.py creates it on PostgreSQL, and does nothing
    # on SQLite; the migration is applied on both.
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(connection).applied_migrations()
    assert ("districts", "0005_pg_trgm") in applied
    if POSTGRESQL:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone()
