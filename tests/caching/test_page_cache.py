"""The shared page cache (caching/): anonymous pages come from a
cache every worker shares, and a change anywhere shows at once."""

import contextlib
import os
import subprocess
import sys
import time
import uuid

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command

from districts.models import District, Institution
from tests.conftest import login, run_name
from tests.public_pages import EXISTING_PAGES

pytestmark = pytest.mark.usefixtures("demo")

DISTRICT = "/distrikter/baltorp/"
# The Redis server the tests share with other runs: each run keeps to its own key prefix.
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def delete_prefixed(location, prefix):
    """Delete the keys under ``prefix`` only. Django's ``cache.clear()`` on Redis empties
    the whole database, other runs' keys included."""
    client = redis.Redis.from_url(location, socket_connect_timeout=0.25)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def clear_cache():
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        config = django_settings.CACHES["default"]
        delete_prefixed(config["LOCATION"], config["KEY_PREFIX"])
    else:
        cache.clear()


@pytest.fixture
def page_cache(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    clear_cache()
    yield
    with contextlib.suppress(redis.RedisError):  # the test pointed the cache at a closed port
        clear_cache()


def redis_caches(settings, location):
    settings.CACHES = {
        "default": {
            "BACKEND": "caching.cache_backends.PortalRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("url", EXISTING_PAGES.values())
def test_every_public_page_is_served_from_the_cache_the_second_time(client, url):
    first = client.get(url)
    second = client.get(url)
    assert "X-Page-Cache" not in first.headers
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second.cookies == {}
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert "public" in second.headers["Cache-Control"]


@pytest.mark.usefixtures("page_cache")
def test_a_cached_page_answers_304_to_a_revalidation(client):
    client.get(DISTRICT)
    cached = client.get(DISTRICT)
    again = client.get(DISTRICT, headers={"if-none-match": cached.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.usefixtures("page_cache")
def test_a_saved_change_shows_at_once(client):
    client.get(DISTRICT)
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp Ændret"
    district.save()
    response = client.get(DISTRICT)
    assert "X-Page-Cache" not in response.headers
    assert "Baltorp Ændret" in response.content.decode()


@pytest.mark.usefixtures("page_cache")
def test_a_deleted_institution_disappears_at_once(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    client.get(DISTRICT)
    house.delete()
    assert "Bispevangen" not in client.get(DISTRICT).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_an_m2m_change_shows_at_once(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    other = District.objects.exclude(pk__in=house.districts.all()).first()
    url = f"/distrikter/{other.slug}/"
    assert "Bispevangen" not in client.get(url).content.decode()
    house.districts.add(other)
    assert "Bispevangen" in client.get(url).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_staff_never_get_nor_fill_the_cache(client):
    staff = login(client, "leder-baltorp")
    first = staff.get(DISTRICT)
    second = staff.get(DISTRICT)
    assert "X-Page-Cache" not in second.headers
    assert "private" in first.headers["Cache-Control"]
    staff.logout()
    client.cookies.clear()
    assert "X-Page-Cache" not in client.get(DISTRICT).headers  # staff filled nothing


@pytest.mark.usefixtures("page_cache")
def test_a_real_redis_shares_the_pages(client, settings):
    redis_caches(settings, REDIS)
    caches["default"].get("ping")  # fails loudly when the Redis server is missing
    client.get(DISTRICT)
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp i Redis"
    district.save()
    assert "Baltorp i Redis" in client.get(DISTRICT).content.decode()


@pytest.mark.usefixtures("page_cache")
def test_an_unreachable_redis_gives_uncached_pages_not_errors(client, settings):
    redis_caches(settings, "redis://127.0.0.1:9/0")  # the discard port: nobody listens
    for url in EXISTING_PAGES.values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response.headers
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp uden Redis"
    district.save()  # a save never fails for the cache's sake
    assert "Baltorp uden Redis" in client.get(DISTRICT).content.decode()


PG = ["-h", "127.0.0.1", "-U", "postgres"]


# Two gunicorn instances on one PostgreSQL and one Redis, or on one PostgreSQL and its
# database cache -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def prepared_site(tmp_path_factory):
    """The portal migrated, seeded and collected once (a template database and a static
    folder); each pair of instances gets a copy of the database."""
    from tests.portal.test_settings import manage

    template = run_name("ballerup_two_template")
    subprocess.run(["dropdb", *PG, "--if-exists", template], check=True)
    subprocess.run(["createdb", *PG, template], check=True)
    static = tmp_path_factory.mktemp("two-static")
    env = {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{template}",
        "STATIC_ROOT": str(static),
        "REDIS_URL": "",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    for command in (["migrate", "--noinput"], ["load_seed"], ["collectstatic", "--noinput"]):
        result = manage(*command, **env)
        assert result.returncode == 0, result.stdout + result.stderr
    try:
        yield template, static
    finally:
        subprocess.run(["dropdb", *PG, "--if-exists", template])


@pytest.fixture(scope="module", params=["redis", "database"])
def two_servers(request, prepared_site):
    from tests.portal.test_production import free_port
    from tests.portal.test_settings import manage, production_env

    template, static = prepared_site
    # This run's own database and key prefix: another run on the machine has its own.
    database = run_name("ballerup_two")
    db_url = f"postgres://postgres@127.0.0.1:5432/{database}"
    subprocess.run(["dropdb", *PG, "--if-exists", database], check=True)
    subprocess.run(["createdb", *PG, "--template", template, database], check=True)
    prefix = f"two-{uuid.uuid4().hex}"
    env = {
        "DATABASE_URL": db_url,
        "STATIC_ROOT": str(static),
        # The database cache: the table migrate made in the shared PostgreSQL.
        "REDIS_URL": REDIS if request.param == "redis" else "",
        "CACHE_KEY_PREFIX": prefix,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    servers, urls = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                cwd=django_settings.BASE_DIR,
                env=production_env(**env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        yield urls, env, manage, database
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
        subprocess.run(["dropdb", *PG, "--if-exists", database])
        if request.param == "redis":
            delete_prefixed(REDIS, prefix)


def get(url):
    import urllib.request

    # Behind the load balancer every instance is asked for the same host.
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1"})
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.headers, response.read().decode()
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


@pytest.mark.system
def test_two_gunicorn_instances_share_the_cache_and_see_a_change_at_once(two_servers):
    (one, two), env, manage, _database = two_servers
    get(one + DISTRICT)
    headers, _ = get(two + DISTRICT)  # filled by the other instance
    assert headers["X-Page-Cache"] == "hit"
    for _ in range(8):  # every worker of both instances now holds its own copy
        for base in (one, two):
            assert get(base + DISTRICT)[0]["X-Page-Cache"] == "hit"
    # A staff change made through the first instance's code and settings (shared DB+cache).
    result = manage(
        "shell",
        "-c",
        "from districts.models import District; d = District.objects.get(slug='baltorp');"
        "d.name = 'Baltorp fra instans et'; d.save()",
        **env,
    )
    assert result.returncode == 0, result.stderr
    for _ in range(8):  # no worker answers from its old copy
        for base in (one, two):
            assert "Baltorp fra instans et" in get(base + DISTRICT)[1]
    headers, _ = get(two + DISTRICT)
    assert headers["X-Page-Cache"] == "hit"


@pytest.mark.system
def test_the_instances_answer_at_once_after_their_database_connections_are_cut(two_servers):
    """As after a PostgreSQL restart: the version read on a dead connection closes it,
    and the page comes through on a new one, never an error."""
    (one, two), _env, _manage, database = two_servers
    for base in (one, two):
        get(base + DISTRICT)
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{database}' AND pid <> pg_backend_pid()",
        ],
        check=True,
        capture_output=True,
    )
    import urllib.request

    for _ in range(8):
        for base in (one, two):
            request = urllib.request.Request(base + DISTRICT, headers={"Host": "127.0.0.1"})
            with urllib.request.urlopen(request, timeout=10) as response:  # no retry here
                assert response.status == 200
                assert "Distrikt Baltorp" in response.read().decode()


@pytest.mark.usefixtures("page_cache")
def test_the_database_cache_shares_the_pages_and_sees_a_change(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    call_command("createcachetable")  # the test settings' migrate made none (in-memory)
    client.get(DISTRICT)
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp i databasen"
    district.save()
    response = client.get(DISTRICT)
    assert "X-Page-Cache" not in response.headers
    assert "Baltorp i databasen" in response.content.decode()


# Query strings neither flush nor flood the cache (issue 20.5) -----------------------


@pytest.fixture
def database_cache(settings, page_cache):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": 8, "CULL_FREQUENCY": 2},
        }
    }
    call_command("createcachetable")
    caches["default"].clear()


def cache_rows():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM portal_cache")
        return cursor.fetchone()[0]


def test_culling_the_database_cache_never_drops_the_content_version(client, database_cache):
    """Django culls the cache table when it is full, oldest keys first; the version
    sorted first and went with them, and every cached page was then out of date."""
    from caching.version import content_version

    client.get(DISTRICT)
    version = content_version()
    for url in EXISTING_PAGES.values():  # far more pages than MAX_ENTRIES: culled often
        client.get(url)
    assert cache_rows() <= 9  # culled before each insert past MAX_ENTRIES
    assert content_version() == version
    client.get(DISTRICT)
    assert client.get(DISTRICT).headers["X-Page-Cache"] == "hit"


def test_random_query_strings_get_the_page_without_them_and_store_nothing(
    client, database_cache, settings
):
    settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] = 5000
    client.get(DISTRICT)
    rows = cache_rows()
    for n in range(30):
        response = client.get(f"{DISTRICT}?r={uuid.uuid4().hex}&n={n}")
        assert response.headers["X-Page-Cache"] == "hit"
        assert "Distrikt Baltorp" in response.content.decode()
    assert cache_rows() == rows
    # Not cached yet: rendered (the view does not see the parameter), but not stored.
    first = client.get("/distrikter/?utm_source=nyhedsbrev")
    assert "X-Page-Cache" not in first.headers and first.status_code == 200
    assert cache_rows() == rows
    assert "X-Page-Cache" not in client.get("/distrikter/").headers


def test_a_declared_parameter_is_part_of_the_key_and_the_only_one_the_view_sees(
    client, database_cache
):
    everything = client.get("/institutioner/").content.decode()
    clubs = client.get("/institutioner/?type=klubber")
    assert clubs.content.decode() != everything
    again = client.get("/institutioner/?type=klubber")
    assert again.headers["X-Page-Cache"] == "hit" and again.content == clubs.content
    # An extra parameter: the clubs' page, from the cache.
    extra = client.get("/institutioner/?r=1&type=klubber")
    assert extra.headers["X-Page-Cache"] == "hit" and extra.content == clubs.content
    search = client.get("/soeg/?q=m%C3%A5l%C3%B8v")
    assert client.get("/soeg/?q=m%C3%A5l%C3%B8v").content == search.content
    assert client.get("/soeg/?q=m%C3%A5l%C3%B8v").headers["X-Page-Cache"] == "hit"


def test_anonymous_searches_store_at_most_the_bound_per_content_version(
    client, database_cache, settings
):
    settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] = 5000
    settings.PAGE_CACHE_QUERY_PAGES = 3
    client.get("/")
    rows = cache_rows()
    for n in range(12):
        assert client.get(f"/soeg/?q=hus{n}").status_code == 200
    assert cache_rows() <= rows + 3 + 1  # three pages and their counter
    assert client.get("/soeg/?q=hus0").headers["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/soeg/?q=hus11").headers
    # A staff change starts a new version, with room for new searches.
    district = District.objects.get(slug="baltorp")
    district.save()
    client.get("/soeg/?q=hus11")
    assert client.get("/soeg/?q=hus11").headers["X-Page-Cache"] == "hit"


@pytest.mark.usefixtures("page_cache")
def test_random_query_strings_add_no_keys_to_redis(client, settings):
    import redis

    redis_caches(settings, REDIS)
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    server = redis.Redis.from_url(REDIS)
    client.get(DISTRICT)
    before = len(server.keys(f"{prefix}:*"))
    for _ in range(20):
        assert client.get(f"{DISTRICT}?r={uuid.uuid4().hex}").headers["X-Page-Cache"] == "hit"
        client.get(f"/lukkedage/?r={uuid.uuid4().hex}")
    assert len(server.keys(f"{prefix}:*")) == before  # not even /lukkedage/ itself
    caches["default"].clear()


@pytest.mark.usefixtures("page_cache")
def test_an_unreachable_redis_is_a_few_lines_in_the_log_not_one_per_request(
    client, settings, caplog
):
    import logging

    redis_caches(settings, "redis://127.0.0.1:9/0")
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            for url in ("/", DISTRICT, "/lukkedage/"):
                assert client.get(url).status_code == 200
    logged = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in logged)
    # One line per kind of failure in the test's few seconds, not one per request.
    assert len(logged) == len({r.getMessage().split(":")[0] for r in logged}) <= 4
