"""The WSGI entry point (``caching.worker_copies.PageCacheApplication``, ``ballerup_portal.wsgi``):
a worker's own copy of a page is answered before Django builds a request, and only when
nothing about the request or the content says it may not be."""

import contextlib
import io
import logging
import sys
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from caching import compression, middleware, version, worker_copies
from districts.models import District

pytestmark = pytest.mark.usefixtures("demo")

DISTRICT = "/distrikter/baltorp/"


class CountingDjango:
    """Django's own WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def entry(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    django = CountingDjango()
    try:
        yield worker_copies.PageCacheApplication(django), django
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(app, path=DISTRICT, method="GET", scheme="http", script_name="", **headers):
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": script_name,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = status
        answer["headers"] = dict(response_headers)

    body = app(environ, start_response)
    answer["body"] = b"".join(body)
    with contextlib.suppress(AttributeError):
        body.close()
    return answer


def test_a_workers_copy_is_answered_before_django_with_the_same_page_and_headers(entry):
    app, django = entry
    first = call(app)
    assert django.calls == 1 and "X-Page-Cache" not in first["headers"]
    hit = call(app)
    assert django.calls == 1  # Django never saw the second request
    assert hit["status"] == "200 OK" and hit["body"] == first["body"]
    assert hit["headers"].pop("X-Page-Cache") == "hit"
    assert hit["headers"] == first["headers"]
    assert "Set-Cookie" not in hit["headers"]
    assert "Content-Security-Policy" in hit["headers"]


def test_a_change_anywhere_is_never_answered_from_the_old_copy(entry):
    app, django = entry
    call(app)
    district = District.objects.get(slug="baltorp")
    district.name = "Baltorp Ændret"
    district.save()
    answer = call(app)
    assert django.calls == 2
    assert "X-Page-Cache" not in answer["headers"]
    assert "Distrikt Baltorp Ændret" in answer["body"].decode()
    assert call(app)["headers"]["X-Page-Cache"] == "hit" and django.calls == 2


def test_staff_with_a_session_cookie_always_reach_django(entry, settings):
    app, django = entry
    call(app)
    answer = call(app, cookie=f"{settings.SESSION_COOKIE_NAME}=abc; other=1")
    assert django.calls == 2 and "X-Page-Cache" not in answer["headers"]
    # Another cookie alone does not make a visitor staff.
    assert call(app, cookie="csrftoken=x")["headers"]["X-Page-Cache"] == "hit"


def test_head_gets_the_headers_without_the_page(entry):
    app, django = entry
    first = call(app)
    head = call(app, method="HEAD")
    assert django.calls == 1 and head["body"] == b""
    assert head["headers"]["Content-Length"] == first["headers"]["Content-Length"]


def test_a_revalidation_goes_to_django_and_gets_304(entry):
    app, django = entry
    etag = call(app)["headers"]["ETag"]
    answer = call(app, if_none_match=etag)
    assert django.calls == 2 and answer["status"].startswith("304") and answer["body"] == b""


def test_a_post_another_address_host_or_scheme_reach_django(entry):
    app, django = entry
    call(app)
    call(app, method="POST")
    call(app, path=DISTRICT + "?x=1")
    call(app, host="localhost")
    call(app, scheme="https")
    assert django.calls == 5


def test_no_copy_is_answered_with_the_page_cache_off(entry, settings):
    app, django = entry
    call(app)
    settings.PAGE_CACHE_ENABLED = False
    assert "X-Page-Cache" not in call(app)["headers"] and django.calls == 2


def test_an_unreadable_version_gives_the_rendered_page_and_no_second_try(entry):
    app, django = entry
    call(app)
    with (
        mock.patch.object(version, "read_stored_version", side_effect=OSError("cache away")),
        mock.patch.object(
            middleware, "version_and_page", side_effect=OSError("cache away")
        ) as lookup,
    ):
        answer = call(app)
    assert django.calls == 2 and answer["status"] == "200 OK"
    assert "Distrikt Baltorp" in answer["body"].decode()
    assert "X-Page-Cache" not in answer["headers"]
    # The middleware did not look for the page again.
    assert not lookup.called


def test_the_production_entry_point_is_the_page_cache_in_front_of_django():
    # Importing the module sets Django up again, and dictConfig adds every logger's
    # filters a second time: the later tests in this process would log "Afvist
    # Host-header: Afvist Host-header: ..." (tests/portal/test_outages.py).
    loggers = [logging.getLogger(), *map(logging.getLogger, logging.root.manager.loggerDict)]
    filters = {logger: list(logger.filters) for logger in loggers}
    try:
        from ballerup_portal import wsgi
    finally:
        for logger, kept in filters.items():
            logger.filters[:] = kept

    assert isinstance(wsgi.application, worker_copies.PageCacheApplication)
    assert isinstance(wsgi.application.application, WSGIHandler)


# Cached pages go out compressed to browsers that accept it --------------------------


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("gzip, deflate, br, zstd", "br"),  # what Chromium sends
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("BR;Q=0.5", "br"),
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("identity", None),
        ("", None),
        (None, None),
        ("br;q=nonsense, gzip", "gzip"),
        (";;,,;q=", None),
    ],
)
def test_the_coding_is_chosen_from_accept_encoding(accept, chosen):
    assert compression.chosen_encoding(accept) == chosen


def test_a_copy_goes_out_in_brotli_or_gzip_and_is_the_same_page(entry):
    import gzip

    import brotli

    app, django = entry
    plain = call(app)
    etag = plain["headers"]["ETag"]
    assert "Accept-Encoding" in plain["headers"]["Vary"]
    br = call(app, accept_encoding="gzip, deflate, br")
    gz = call(app, accept_encoding="gzip")
    assert django.calls == 1  # all three from the one copy
    assert br["headers"]["Content-Encoding"] == "br"
    assert brotli.decompress(br["body"]) == plain["body"]
    assert gz["headers"]["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz["body"]) == plain["body"]
    for answer in (br, gz):
        assert int(answer["headers"]["Content-Length"]) == len(answer["body"])
        assert len(answer["body"]) < len(plain["body"]) / 3
        assert answer["headers"]["ETag"] == "W/" + etag
        assert answer["headers"]["Vary"] == plain["headers"]["Vary"]
    assert "Content-Encoding" not in plain["headers"]
    head = call(app, method="HEAD", accept_encoding="br")
    assert (
        head["body"] == b"" and head["headers"]["Content-Length"] == br["headers"]["Content-Length"]
    )
    # The browser's revalidation with the weak ETag still gets a 304.
    assert call(app, accept_encoding="br", if_none_match="W/" + etag)["status"].startswith("304")


def test_the_first_visitor_gets_the_compressed_page_too(entry):
    import brotli

    app, django = entry
    first = call(app, accept_encoding="br")
    assert "X-Page-Cache" not in first["headers"] and first["headers"]["Content-Encoding"] == "br"
    assert int(first["headers"]["Content-Length"]) == len(first["body"])
    assert "Distrikt Baltorp" in brotli.decompress(first["body"]).decode()
    assert call(app)["body"] == brotli.decompress(first["body"])


def test_the_calendar_feed_is_compressed(entry):
    import brotli

    app, _django = entry
    call(app, path="/lukkedage.ics")
    feed = call(app, path="/lukkedage.ics", accept_encoding="br")
    assert feed["headers"]["Content-Encoding"] == "br"
    assert brotli.decompress(feed["body"]).startswith(b"BEGIN:VCALENDAR")


def test_the_middleware_serves_the_shared_copy_compressed_too(entry, client):
    import brotli

    plain = client.get(DISTRICT)
    worker_copies.forget_pages()  # a worker that never saw the page: the shared copy
    hit = client.get(DISTRICT, HTTP_ACCEPT_ENCODING="gzip, br")
    assert hit.headers["X-Page-Cache"] == "hit" and hit.headers["Content-Encoding"] == "br"
    assert brotli.decompress(hit.content) == plain.content


def test_staff_pages_are_never_compressed_by_the_portal(entry, admin_client):
    admin_client.get(DISTRICT)
    response = admin_client.get(DISTRICT, HTTP_ACCEPT_ENCODING="br")
    assert "Content-Encoding" not in response.headers and "X-Page-Cache" not in response.headers


def test_kept_fragments_and_pages_follow_the_script_prefix(entry, settings):
    """A forged SCRIPT_NAME gave every later visitor the kept header and footer with
    links under the forged prefix (issue 20.7)."""
    settings.PAGE_CACHE_ENABLED = False  # the fragments alone
    app, _django = entry
    under_x = call(app, script_name="/x")["body"].decode()
    assert 'href="/x/distrikter/"' in under_x
    page = call(app)["body"].decode()
    assert 'href="/x/' not in page
    assert 'href="/distrikter/"' in page
    settings.PAGE_CACHE_ENABLED = True  # and the pages
    call(app, script_name="/x")
    assert 'href="/x/' not in call(app)["body"].decode()


def test_a_search_is_answered_before_django_by_its_query_string(entry):
    app, django = entry
    first = call(app, "/soeg/?q=m%C3%A5l%C3%B8v")
    hit = call(app, "/soeg/?q=m%C3%A5l%C3%B8v")
    assert django.calls == 1 and hit["headers"]["X-Page-Cache"] == "hit"
    assert hit["body"] == first["body"]
    other = call(app, "/soeg/?q=andet")
    assert django.calls == 2 and "X-Page-Cache" not in other["headers"]
    assert other["body"] != first["body"]
    # An undeclared parameter: Django answers, with the page kept for the declared one.
    extra = call(app, "/soeg/?q=m%C3%A5l%C3%B8v&utm_source=x")
    assert django.calls == 3 and extra["body"] == first["body"]
    # A change: the copy under the query string is out of date like any other.
    District.objects.get(slug="baltorp").save()
    call(app, "/soeg/?q=m%C3%A5l%C3%B8v")
    assert django.calls == 4
