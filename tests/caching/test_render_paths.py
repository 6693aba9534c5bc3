"""What an anonymous page keeps between requests (caching/: the
content version, ``kept`` values and ``{% keep %}`` fragments) never shows a visitor
anything stale, and the shared page cache's hit is the page the visitor would have got."""

import datetime
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from culture.models import Event, Network
from districts.models import District, Institution
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")

DISTRICT = "/distrikter/baltorp/"


def test_a_renamed_house_shows_at_once_on_its_districts_page(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    assert "Børnehuset Bispevangen" in client.get(DISTRICT).content.decode()
    client.get(DISTRICT)  # the list is now kept in this process
    house.name = "Børnehuset Bispevangen Nyt Navn"
    house.save()
    assert "Børnehuset Bispevangen Nyt Navn" in client.get(DISTRICT).content.decode()


def test_a_house_moved_to_another_district_leaves_the_list_at_once(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    client.get(DISTRICT)
    house.districts.set([District.objects.exclude(slug="baltorp").first()])
    page = client.get(DISTRICT).content.decode()
    # (The district's alternative care may still name the house: staff move that.)
    assert "Bispevangen" not in page[: page.index("Næste lukkedag")]


def test_a_renamed_district_shows_at_once_in_its_title_and_header(client):
    client.get(DISTRICT)
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp Omdøbt"
    district.save()
    page = client.get(DISTRICT).content.decode()
    assert "<h1>Distrikt Baltorp Omdøbt</h1>" in page


def test_the_search_page_keeps_each_visitors_own_query_in_its_own_box(client):
    """The page's own box ("Søg igen") holds the query, escaped; the header's box is the
    same empty one for everyone (kept once, never another visitor's query)."""
    first = client.get("/soeg/", {"q": "bispevangen"}).content.decode()
    second = client.get("/soeg/", {"q": '<b>"skole'}).content.decode()
    assert 'value="bispevangen"' in first
    header = second[second.index("<header") : second.index("</header>")]
    main = second[second.index("<main") : second.index("</main>")]
    assert 'value="&lt;b&gt;&quot;skole"' in main and "bispevangen" not in second
    assert "skole" not in header


def test_the_main_menu_marks_the_page_the_visitor_is_on(client):
    for path in ["/", "/distrikter/", DISTRICT, "/lukkedage/"]:
        page = client.get(path).content.decode()
        nav = page[
            page.index('<ul class="site-nav">') : page.index("</ul>", page.index("site-nav"))
        ]
        current = [line for line in nav.splitlines() if "aria-current" in line]
        assert len(current) == 1, (path, nav)
        href = current[0].split('href="')[1].split('"')[0]
        assert path.startswith(href), (path, nav)


def test_a_started_performance_gives_way_to_the_next_without_a_save(client):
    network = Network.objects.get(district__slug="baltorp")
    Event.objects.filter(network=network).delete()
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    Event.objects.create(
        network=network,
        title="Rødhætte",
        venue="Salen",
        starts_at=now + hour,
    )
    Event.objects.create(
        network=network, title="Pippi", venue="Salen", starts_at=now + datetime.timedelta(days=3)
    )
    assert "Næste forestilling: Rødhætte" in client.get(DISTRICT).content.decode()
    later = now + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page = client.get(DISTRICT).content.decode()
    assert "Næste forestilling: Pippi" in page and "Rødhætte" not in page


def test_staff_see_a_change_at_once_too(client):
    staff = login(client, "leder-baltorp")
    staff.get(DISTRICT)
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp for personalet"
    district.save()
    assert "Baltorp for personalet" in staff.get(DISTRICT).content.decode()


@pytest.fixture
def database_cache(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    call_command("createcachetable")
    caches["default"].clear()


@pytest.mark.usefixtures("database_cache")
def test_a_hit_is_the_page_with_every_header_the_first_answer_had(client):
    first = client.get(DISTRICT)
    hit = client.get(DISTRICT)
    assert hit.headers["X-Page-Cache"] == "hit"
    assert hit.status_code == 200 and hit.content == first.content
    assert {k: v for k, v in hit.headers.items() if k != "X-Page-Cache"} == dict(first.headers)
    assert hit.cookies == {}


@pytest.mark.usefixtures("database_cache")
def test_a_failing_database_cache_lookup_still_gives_the_page(client):
    client.get(DISTRICT)
    failure = OperationalError("server closed the connection unexpectedly")
    with (
        # The version (read from its own table) and the pages (the cache table).
        mock.patch("caching.version.read_stored_version", side_effect=failure),
        mock.patch("django.core.cache.backends.db.DatabaseCache.get", side_effect=failure),
        mock.patch("django.core.cache.backends.db.DatabaseCache.get_many", side_effect=failure),
    ):
        response = client.get(DISTRICT)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers
    assert "Distrikt Baltorp" in response.content.decode()
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"  # and recovers


@pytest.fixture
def memory_cache(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()


@pytest.mark.usefixtures("memory_cache")
def test_a_workers_own_copy_is_not_served_after_a_change_made_elsewhere(client):
    from caching import version

    client.get(DISTRICT)
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"
    # Another instance saved something: only the shared version says so.
    caches["default"].set(version.VERSION_KEY, "a-version-from-another-instance", None)
    assert "X-Page-Cache" not in client.get(DISTRICT).headers
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"


@pytest.mark.usefixtures("memory_cache")
def test_a_worker_without_a_copy_serves_the_page_another_worker_stored(client):
    from caching import worker_copies

    first = client.get(DISTRICT)
    worker_copies.forget_pages()  # as in a worker that never saw the page
    second = client.get(DISTRICT)
    assert second.headers["X-Page-Cache"] == "hit" and second.content == first.content


def test_pages_are_the_same_with_fragments_kept_or_rendered_every_time(client, settings):
    paths = ["/", DISTRICT, "/lukkedage/", "/soeg/?q=bispevangen"]
    client.get(DISTRICT)
    kept = {path: client.get(path).content for path in paths}
    settings.CACHE_LAYERS_OFF = frozenset({"fragments"})
    for path in paths:
        assert client.get(path).content == kept[path], path


def test_the_next_closing_day_box_moves_on_at_midnight_and_after_a_publication(client):
    from tests.daycare.factories import ClosingDayFactory

    first = ClosingDayFactory(date=datetime.date(2027, 1, 4), name="Første lukkedag")
    ClosingDayFactory(date=datetime.date(2027, 1, 5), name="Anden lukkedag")
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2027, 1, 1)):
        client.get(DISTRICT)  # the box is now kept for this day and version
        assert "Første lukkedag" in client.get(DISTRICT).content.decode()
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2027, 1, 5)):
        page = client.get(DISTRICT).content.decode()
    assert "Anden lukkedag" in page and "Første lukkedag" not in page
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2027, 1, 1)):
        first.name = "Første lukkedag, nyt navn"
        first.save()
        assert "Første lukkedag, nyt navn" in client.get(DISTRICT).content.decode()


@pytest.mark.usefixtures("memory_cache")
def test_a_worker_keeps_searches_apart_so_they_never_push_out_the_other_pages(client, settings):
    from caching import worker_copies

    settings.PAGE_CACHE_QUERY_PAGES = 1000
    client.get(DISTRICT)
    for n in range(worker_copies.LOCAL_QUERY_PAGES_MAX + 20):
        client.get(f"/soeg/?q=hus{n}")
    assert len(worker_copies.local_query_pages) <= worker_copies.LOCAL_QUERY_PAGES_MAX
    assert client.get("/soeg/?q=hus119").headers["X-Page-Cache"] == "hit"
    assert len(worker_copies.local_pages) == 1  # the district page's copy is still kept
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"
