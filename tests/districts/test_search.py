"""Parents find their house: the search in the header of every page, and the A–Å list."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import scale_data
from culture.models import Event, Network, Project
from districts import scale as districts_scale
from districts.constants import InstitutionType
from districts.models import District, Institution
from search.engine import loose, search
from search.engine import providers as search_providers
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
    page = results(client, "kasperskolevej")
    assert "Vi fandt intet, der hedder »kasperskolevej«." in page
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
        for typed in ["børnehus", "lundeården", "kasperskolevej"]:
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


# The search matches in Python, the same on both databases (issue 23.4); CI runs this
# suite on SQLite and on PostgreSQL.


def found(typed, kind="Institutioner"):
    """The titles ``search`` finds for ``typed`` under ``kind``, in their order."""
    groups, _ = search(typed)
    return [r.title for group in groups if str(group.kind) == kind for r in group.results]


def suggested(typed):
    return [result.title for result in search(typed)[1]]


def one_typo(name):
    """``name`` with the letter in its middle dropped, and with it changed."""
    middle = len(name) // 2
    while not name[middle].isalpha():
        middle += 1
    other = "x" if name[middle] != "x" else "z"
    return [name[:middle] + name[middle + 1 :], name[:middle] + other + name[middle + 1 :]]


def test_every_institution_is_found_with_one_typo_on_both_databases():
    for institution in Institution.objects.all():
        for typed in one_typo(institution.name):
            assert found(typed)[:1] == [institution.name], typed


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
    assert found("Klub Måløv") == ["Klub Måløv"]
    # Every name with a whole word "Måløv" before the names it only begins; the shorter
    # name first.
    assert found("maalov") == ["Klub Måløv", "Børnehuset Måløv By", "Måløvhøj Skole"]
    # The name every word matches exactly before the name one typo away.
    assert found("børnehuset undegården")[:1] == ["Børnehuset Lundegården"]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        # One wrong, missing, extra or swapped letter (issue 23.4), on SQLite too.
        ("walhalla", "Børnehuset Valhalla"),
        ("lundeården", "Børnehuset Lundegården"),
        ("bispevanget", "Børnehuset Bispevangen"),
        ("hedegårsskole", "Hedegårdsskolen"),
        ("kasperkolen", "Kasperskolen"),
        ("baltropskolen", "Baltorpskolen"),
        ("kærloden", "Børnehuset Kærlodden"),
        # Two in a word of ten letters or more.
        ("kasparskule", "Kasperskolen"),
    ],
)
def test_one_wrong_missing_or_extra_letter_finds_the_name_on_both_databases(client, typed, name):
    assert found(typed)[:1] == [name]
    assert "Vi fandt intet" not in results(client, typed)


def test_word_forms_parents_type_find_on_both_databases():
    # "skoler" is one letter from "Skole", on SQLite as on PostgreSQL.
    assert set(found("skoler")) >= {"Skovlunde Skole", "Skovvejens Skole", "Måløvhøj Skole"}
    assert found("Dagplejen", "Forældrebestyrelser")[:1] == ["Dagplejens forældrebestyrelse"]
    assert found("kulturnetvaerk maaloevhoej", "Kulturnetværk") == ["Kulturnetværk Måløvhøj"]


def test_a_short_word_is_not_stretched_to_other_names():
    # "nord" is a whole word of two names; a typo match would add "Ordblindeinstituttet".
    assert set(found("nord")) == {"Klub Nord", "Børnehuset Nord- og Sydpolen"}


# Issue 23.4: search as parents type.


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("valhalla børnehave", "boernehuset-valhalla"),
        ("valhalla vuggestue", "boernehuset-valhalla"),
        ("Valhalla Ballerup", "boernehuset-valhalla"),
        ("børnehave valhalla i ballerup", "boernehuset-valhalla"),
        ("Valhalla skole", "boernehuset-valhalla"),
        ("vuggestue kærlodden", "boernehuset-kaerlodden"),
        ("dagplejen ballerup", "dagplejen"),
        ("Klub Nord Ballerup", "klub-nord"),
        ("rugvænget børnehus", "distriktsinstitutionen-rugvaenget"),
        ("walhalla børnehave", "boernehuset-valhalla"),
    ],
)
def test_words_for_a_kind_of_place_do_not_stop_a_match(client, typed, slug):
    page = results(client, typed)
    assert "Vi fandt intet" not in page
    first = page.index('<li><a href="')
    assert page[first:].startswith(f'<li><a href="/institutioner/{slug}/"'), typed


def test_a_word_for_a_kind_of_place_still_narrows_when_it_matches():
    # "skole" is part of the school's name: the school alone, not the district, its board
    # or its culture network, which "Hedegård" alone finds.
    assert found("Hedegård skole") == ["Hedegårdsskolen"]
    assert search("Hedegård skole") == search("hedegårdsskolen")
    assert found("Hedegård", "Distrikter") == ["Distrikt Hedegård"]


def test_a_word_for_a_kind_of_place_alone_finds_that_kind():
    houses = set(found("børnehave"))
    assert "Børnehuset Valhalla" in houses and "Distriktsinstitutionen Rugvænget" in houses
    assert "Baltorpskolen" not in houses and "Klub Syd" not in houses
    assert set(found("klubber")) == {"Klub Syd", "Klub Nord", "Klub Måløv", "Klub Skovlunde"}


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("sydpolen", "Børnehuset Nord- og Sydpolen"),
        ("polen", "Børnehuset Nord- og Sydpolen"),
        ("magleparken", "Distriktsinstitutionen Hede-/Magleparken"),
        ("østerhøj", "Distriktsinstitutionen Østerhøj"),
        ("ellekilde", "Børnehuset Ellekilde"),
        ("villa", "Børnehuset Villa-Kulla"),
    ],
)
def test_part_of_a_name_finds_it(typed, name):
    assert found(typed)[:1] == [name]


def test_no_result_suggests_the_nearest_names():
    # "nordpolen" shares "nord" and "polen" with the house, only "olen" with the school.
    assert suggested("nordpolen")[:1] == ["Børnehuset Nord- og Sydpolen"]
    assert "Baltorpskolen" not in suggested("nordpolen")
    # Near the name typed, not near the words for a kind of place: no school.
    assert suggested("nordpolen skole") == ["Børnehuset Nord- og Sydpolen"]
    assert suggested("hedegårdsskolevej")[:1] == ["Hedegårdsskolen"]
    # Nothing near: no suggestion rather than a random name.
    assert suggested("xqzzyv") == []


def test_no_result_page_offers_mente_du(client):
    page = results(client, "nordpolen")
    assert "Vi fandt intet, der hedder »nordpolen«." in page
    mente = page[page.index("Mente du") :]
    assert mente.index('href="/institutioner/boernehuset-nord-og-sydpolen/"') < mente.index(
        'href="/institutioner/"'
    )


PERFORMANCES = "Forestillinger og kulturoplevelser"


def upcoming_event(title, days=10, **fields):
    network = Network.objects.get(district__slug=fields.pop("district", "skovvejen"))
    fields.setdefault("venue", "Skovvejens Skole")
    starts_at = timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(network=network, title=title, starts_at=starts_at, **fields)


def test_performances_are_found_by_title_performer_and_kind(client):
    event = upcoming_event("Rasmus Klump på eventyr", performer="Gruppe 38")
    for typed in ["teater", "forestilling", "forestillinger", "rasmus klump", "gruppe 38"]:
        assert "Rasmus Klump på eventyr" in found(typed, PERFORMANCES), typed
    page = results(client, "rasmus klump")
    link = f'href="/kultur/skovvejen/#forestilling-{event.pk}"'
    assert link in page
    # The link leads to the performance on its network's page.
    network_page = client.get("/kultur/skovvejen/").content.decode()
    assert f'id="forestilling-{event.pk}"' in network_page
    # The demo data's performances too.
    assert found("teater", PERFORMANCES)


def test_a_past_performance_is_not_found():
    upcoming_event("Snedronningen", days=-3)
    assert found("snedronningen", PERFORMANCES) == []


def test_a_performance_that_has_passed_is_gone_the_next_day_without_a_staff_change(
    client, monkeypatch
):
    upcoming_event("Snedronningen", days=1)
    assert "Snedronningen" in results(client, "snedronningen")
    later = timezone.localdate() + datetime.timedelta(days=2)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: later)
    assert "Snedronningen" not in results(client, "snedronningen")


def test_culture_projects_are_found(client):
    project = Project.objects.create(
        network=Network.objects.get(district__slug="baltorp"), title="Dans i gården"
    )
    assert found("dans gården", "Kulturprojekter") == ["Dans i gården"]
    assert found("projekt dans", "Kulturprojekter") == ["Dans i gården"]
    assert f'href="/kultur/baltorp/#projekt-{project.pk}"' in results(client, "dans i gården")
    assert f'id="projekt-{project.pk}"' in client.get("/kultur/baltorp/").content.decode()


def test_boards_are_found_by_their_district_and_the_word_bestyrelse():
    assert found("bestyrelse baltorp", "Forældrebestyrelser") == [
        "Forældrebestyrelsen i distrikt Baltorp"
    ]
    assert found("forældrebestyrelse dagplejen", "Forældrebestyrelser")[:1] == [
        "Dagplejens forældrebestyrelse"
    ]


def test_a_street_name_finds_the_house_on_it(client):
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    valhalla.address, valhalla.postal_code, valhalla.city = "Tværvej 12", "2750", "Ballerup"
    valhalla.save()
    for typed in ["Tværvej", "tvaervej 12", "tværvej 12 ballerup", "tvarvej"]:
        assert found(typed) == ["Børnehuset Valhalla"], typed
    page = results(client, "tværvej")
    assert 'href="/institutioner/boernehuset-valhalla/"' in page
    assert "Tværvej 12, 2750 Ballerup" in page


def test_a_staff_change_is_found_at_once(client):
    # The names are kept in each process per content version: a save stores a new
    # version, and the next search reads the names again.
    assert found("valhalla") == ["Børnehuset Valhalla"]
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    valhalla.name = "Børnehuset Asgård"
    valhalla.save()
    assert found("valhalla") == []
    assert 'href="/institutioner/boernehuset-valhalla/"' in results(client, "asgård")
    upcoming_event("Pippi i Sydhavet")
    assert "Pippi i Sydhavet" in results(client, "pippi")
    Event.objects.filter(title="Pippi i Sydhavet").delete()
    assert "Pippi i Sydhavet" not in results(client, "pippi")


def test_a_search_reads_nothing_from_the_database_while_nothing_changed(client):
    # The names are read once per content version (and day), not per search.
    page_queries(client, "/soeg/", {"q": "valhalla"})
    for typed in ["børnehus", "walhalla", "xqzzyv", "teater", "tværvej"]:
        assert page_queries(client, "/soeg/", {"q": typed}) == [], typed


def test_reading_the_names_after_a_change_costs_as_many_queries_at_ten_times_the_data(client):
    def queries_after_a_change():
        Institution.objects.get(slug="boernehuset-valhalla").save()  # a new content version
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/soeg/", {"q": "valhalla"}).status_code == 200
        return len(captured)

    before = queries_after_a_change()
    assert scale_data.create(10)
    for network in Network.objects.all():
        for n in range(10):
            upcoming_event(f"Forestilling {n}", district=network.district.slug)
            Project.objects.create(network=network, title=f"Projekt {n}")
    assert queries_after_a_change() == before
    # One query per kind of page, and one for the institutions' districts.
    assert before <= len(search_providers()) + 1


def test_a_group_shows_its_best_thirty_and_says_how_many_there_were(client):
    assert districts_scale.create(10)  # ten times the institutions only
    houses = Institution.objects.filter(name__icontains="børnehus").count()
    page = results(client, "børnehus")
    institutions = page[page.index(">Institutioner<") : page.index("</section>")]
    assert institutions.count("<li>") == 30
    assert f"Viser de 30 bedste af {houses}. Skriv flere ord for at finde færre." in page
    # The named house still comes first among hundreds.
    assert found("børnehus valhalla")[:1] == ["Børnehuset Valhalla"]


def test_an_app_plugs_in_its_own_kind_of_page(monkeypatch):
    # What an app's search.py does: register, and the next index has its rows.
    from search import engine as site_search

    monkeypatch.setattr(site_search, "_providers", list(site_search.providers()))
    site_search.register(
        "Legepladser",
        lambda: [("Legepladsen Troldeskoven", "/legepladser/troldeskoven/")],
        lambda row: (row[0], site_search.Result(row[0], row[1])),
        order=7,
        words="legeplads legepladser",
    )
    Institution.objects.get(slug="boernehuset-valhalla").save()  # a new content version
    assert found("troldeskoven", "Legepladser") == ["Legepladsen Troldeskoven"]
    assert found("legeplads", "Legepladser") == ["Legepladsen Troldeskoven"]


def header(response):
    page = response.content.decode()
    return page[page.index("<header") : page.index("</header>")]


def test_the_results_page_has_its_own_box_with_the_query_and_the_same_header_for_every_search(
    client,
):
    first = client.get("/soeg/", {"q": "valhalla"})
    second = client.get("/soeg/", {"q": "walhalla børnehave"})
    # The header is one fragment for every search, kept once, not rendered per query.
    assert header(first) == header(second)
    assert 'value="' not in header(first)
    assert 'value="walhalla børnehave"' in main(second)
    assert 'for="soeg-igen"' in main(second) and "Søg igen" in main(second)
    # One id once on the page (the header's box has its own).
    page = second.content.decode()
    for found_id in re.findall(r' id="([^"]+)"', page):
        assert page.count(f' id="{found_id}"') == 1, found_id


@pytest.mark.parametrize("query", ["", "zzqxw"])
def test_a_search_that_finds_nothing_offers_the_list_the_districts_app_registers(client, query):
    """The search page names no app: the A–Å list is districts' (``register_browse``)."""
    html = main(client.get("/soeg/", {"q": query} if query else {}))
    assert '<a href="/institutioner/">Se alle institutioner fra A til Å</a>' in html


def test_a_query_longer_than_the_box_takes_is_searched_by_its_first_letters(client):
    """A pasted address may carry more than the box's 100 letters: the search is not
    dropped for the intro page, it searches what fits."""
    page = client.get("/soeg/", {"q": "Bispevangen " + "x" * 200}).content.decode()
    assert "Bispevangen" in page
    assert 'maxlength="100"' in page
    assert "x" * 101 not in page


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Ωmega", "Ωmega"),
        ("Ωmega", "ωmega"),  # case does not matter in Greek either
        ("Детский сад Солнышко", "Детский сад"),
        ("Детский сад Солнышко", "солнышко"),
        ("مدرسة النور", "مدرسة"),
        ("مدرسة النور", "مَدرسة"),  # with a vowel mark typed
        ("幼儿园", "幼儿园"),
        ("Ærø Ωmega", "aero ωmega"),  # Danish folding beside another script
    ],
)
def test_names_in_any_script_are_found_by_typing_them(client, name, typed):
    house = InstitutionFactory(name=name, districts=[District.objects.get(slug="baltorp")])
    assert found(typed) == [name], typed
    assert f'href="{house.get_absolute_url()}"' in results(client, typed)


def test_folding_keeps_letters_of_every_script_and_the_danish_rules():
    assert loose("Ωmega") == loose("ωMEGA") == "ωmega"
    assert loose("Детский сад") == loose("ДЕТСКИЙ САД") == "детскисад"  # й as и, like é as e
    assert loose("مدرسة") == loose("مَدْرَسَة")
    assert loose("Ω") != loose("Ж") != ""
    # Danish letters as before: æ/ø/å as ae/oe/aa or a/o, doubled letters as one.
    assert loose("Måløv") == loose("maaloev") == loose("malov") == "malov"
    assert loose("Kærlodden") == loose("kaerloden") == "karloden"


def test_a_search_links_direction_characters_cannot_turn_the_page_title_round(client):
    """/soeg/?q=%E2%80%AE… in a link: the query is isolated in <title> (U+2068…U+2069),
    so "– Børn og unge i Ballerup Kommune" after it keeps its direction."""
    import re

    page = client.get("/soeg/", {"q": "\u202eabc"}).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "\u2068\u202eabc\u2069" in title
    plain = client.get("/soeg/", {"q": "måløv"}).content.decode()
    assert "\u2068" not in re.search(r"<title>(.*?)</title>", plain, re.S).group(1)
