"""While the database is unreachable: a Danish 503 with Retry-After, one log line per
failure, and health endpoints for the load balancer."""

import logging

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import OperationalError, connection

from districts.models import District
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def database_down(demo):
    """Every query fails the way psycopg fails when the server is gone (undone before the
    test's transaction is rolled back)."""

    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(District.objects, "with_institution_count", refuse)
        patch.setattr(connection, "cursor", refuse)
        yield


@pytest.fixture
def no_raise(client):
    client.raise_request_exception = False
    return client


@pytest.mark.usefixtures("database_down")
def test_visitors_get_a_danish_503_with_retry_after(no_raise):
    response = no_raise.get("/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(settings.OUTAGE_RETRY_AFTER)
    page = response.content.decode()
    assert "Siden er midlertidigt utilgængelig" in page
    assert '<html lang="da">' in page
    assert "Content-Security-Policy" in response.headers


@pytest.mark.usefixtures("database_down")
def test_an_outage_is_one_log_line_per_failure_without_a_traceback(no_raise, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        no_raise.get("/")
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert records[0].getMessage().startswith("Databasen svarer ikke (/): connection to server")
    assert "\n" not in records[0].getMessage()


@pytest.fixture
def page_cache_in_the_database(settings, db):
    """The embedded set-up: the page cache is a table of the database that is down."""
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    call_command("createcachetable")
    caches["default"].clear()


def test_an_outage_with_the_page_cache_in_the_database_is_one_line_per_request(
    page_cache_in_the_database, database_down, no_raise, caplog
):
    """A 6 s outage wrote 28,891 lines with 810 tracebacks: the page cache and the site
    settings logged their own failure, with a traceback, beside the request's."""
    urls = ["/", "/distrikter/baltorp/", "/lukkedage/", "/"]
    with caplog.at_level(logging.DEBUG):
        for url in urls:
            assert no_raise.get(url).status_code == 503
    logged = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(logged) == len(urls), [r.getMessage() for r in logged]
    assert all(r.name == "django.request" and r.exc_info is None for r in logged)
    assert all(r.getMessage().startswith("Databasen svarer ikke") for r in logged)


def test_a_refused_request_is_one_line_without_a_traceback(client, caplog):
    """Every 403 wrote a full traceback: anybody signed in could flood the log."""
    login(client, "leder-baltorp")
    with caplog.at_level(logging.WARNING, logger="django.request"):
        for _ in range(3):
            assert client.get("/admin/auth/user/").status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 3
    assert all(r.exc_info is None and r.exc_text is None for r in records)
    assert records[0].getMessage() == "Afvist (403): /admin/auth/user/"


def test_other_errors_still_give_the_500_page(no_raise, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("programming error")

    monkeypatch.setattr(District.objects, "with_institution_count", broken)
    response = no_raise.get("/")
    assert response.status_code == 500
    assert "Der skete en fejl" in response.content.decode()


def test_health_and_readiness(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").content == b"ok"
    ready = client.get("/readyz")
    assert (ready.status_code, ready.content) == (200, b"ok")
    assert "no-cache" in ready.headers["Cache-Control"]


@pytest.mark.usefixtures("database_down")
def test_readiness_fails_and_liveness_holds_while_the_database_is_down(client):
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.headers["Retry-After"]


def test_liveness_touches_neither_database_nor_cache_with_the_page_cache_on(
    page_cache_in_the_database, client, django_assert_num_queries
):
    """The load balancer's probes are never answered from, nor stored in, the page
    cache: with the cache in the database, reading the content version was a query,
    so a database outage would have made /healthz wait for it."""
    with django_assert_num_queries(0):
        for _ in range(3):
            assert client.get("/healthz").content == b"ok"
    assert client.get("/readyz").status_code == 200
    assert "X-Page-Cache" not in client.get("/readyz").headers


@pytest.mark.usefixtures("page_cache_in_the_database", "database_down")
def test_liveness_holds_while_the_database_and_its_page_cache_are_down(client, caplog):
    with caplog.at_level(logging.WARNING):
        assert client.get("/healthz").status_code == 200
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert client.get("/readyz").status_code == 503


def test_timeouts_are_configured_for_the_database_in_use():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if connection.vendor == "postgresql":
        assert options["connect_timeout"] == 5
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "15s"
    else:
        assert options["timeout"] == 20
        assert options["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in options["init_command"]


def test_the_accessibility_statement_with_a_trailing_slash_redirects(client):
    response = client.get("/was/")
    assert response.status_code == 301
    assert response.headers["Location"] == "/was"


def test_a_forged_host_is_one_warning_and_its_400_has_the_security_headers(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.security.DisallowedHost"):
        response = client.get("/", headers={"host": "angriber.example"})
    assert response.status_code == 400
    assert "Forkert forespørgsel" in response.content.decode()
    for header in ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"]:
        assert header in response.headers
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].levelname == "WARNING"
    assert records[0].exc_info is None
    assert records[0].getMessage().startswith("Afvist Host-header: Invalid HTTP_HOST header")
