"""Security headers on every kind of page: a strict Content Security Policy, no framing,
no referrer leaks beyond our origin, no sniffing, browser features switched off."""

import json
import textwrap

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from districts.models import Institution
from tests.portal.test_settings import manage
from tests.public_pages import PUBLIC_PAGES

UNSAFE = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"}


def csp(response):
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def assert_strict_headers(response, where):
    policy = csp(response)
    assert policy["default-src"] <= {"'self'", "'none'"}, where
    for directive in ["script-src", "style-src"]:
        sources = policy.get(directive, policy["default-src"])
        assert not sources & UNSAFE, (where, directive, sources)
        assert not any(s.startswith(("'sha", "'nonce")) for s in sources), (where, directive)
    assert policy["object-src"] == {"'none'"}, where
    assert policy["base-uri"] == {"'none'"}, where
    assert policy["frame-ancestors"] == {"'none'"}, where
    assert policy["form-action"] == {"'self'"}, where
    # Nothing may come from another origin.
    for directive, sources in policy.items():
        assert all(s.startswith("'") or s == "data:" for s in sources), (where, directive)
    assert response.headers["X-Frame-Options"] == "DENY", where
    assert response.headers["X-Content-Type-Options"] == "nosniff", where
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin", where
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", where
    features = dict(
        item.strip().split("=", 1) for item in response.headers["Permissions-Policy"].split(",")
    )
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]:
        assert features[feature] == "()", (where, feature)


@pytest.mark.usefixtures("seed")
@pytest.mark.parametrize("url", PUBLIC_PAGES.values())
def test_public_pages_send_strict_security_headers(client, url):
    response = client.get(url)
    assert response.status_code == (404 if url == "/findes-ikke/" else 200)
    assert_strict_headers(response, url)


@pytest.mark.usefixtures("seed")
def test_admin_login_and_change_page_send_the_same_headers(client):
    assert_strict_headers(client.get("/admin/login/"), "admin login")
    client.force_login(get_user_model().objects.create_superuser("chef", password=None))
    house = Institution.objects.get(slug="klub-syd")
    response = client.get(f"/admin/districts/institution/{house.pk}/change/")
    assert response.status_code == 200
    assert_strict_headers(response, "admin change page")


@pytest.mark.usefixtures("seed")
def test_public_pages_have_no_inline_style_or_script(client):
    for url in PUBLIC_PAGES.values():
        page = client.get(url).content.decode()
        assert " style=" not in page and "<style" not in page, url
        assert "<script" not in page, url


def test_production_sends_hsts_and_secure_cookies():
    script = textwrap.dedent(
        """
        import json
        from django.conf import settings as s
        from django.test import Client
        from django.test.utils import override_settings

        # Static files from the finders: the test has not run collectstatic.
        plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        override_settings(STORAGES={**s.STORAGES, "staticfiles": plain}).enable()
        # A page that reads no database: this process has no migrated one.
        r = Client().get("/healthz", secure=True, headers={"host": "boern.ballerup.example"})
        print(json.dumps({
            "status": r.status_code,
            "hsts": r.headers.get("Strict-Transport-Security"),
            "csp": r.headers.get("Content-Security-Policy"),
            "session_secure": s.SESSION_COOKIE_SECURE,
            "csrf_secure": s.CSRF_COOKIE_SECURE,
            "session_httponly": s.SESSION_COOKIE_HTTPONLY,
            "csrf_httponly": s.CSRF_COOKIE_HTTPONLY,
            "samesite": [s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE],
            "require_2fa": s.REQUIRE_2FA,
        }))
        """
    )
    result = manage("shell", "-c", script)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["status"] == 200
    assert facts["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert facts["session_secure"] and facts["csrf_secure"]
    assert facts["session_httponly"] and facts["csrf_httponly"]
    assert facts["samesite"] == ["Lax", "Lax"]
    assert "script-src 'self'" in facts["csp"]
    assert facts["require_2fa"], "production requires two-factor login"


@pytest.mark.usefixtures("seed")
def test_the_400_and_static_files_switch_off_the_browser_features(client, settings):
    from pages.middleware import permissions_policy_header

    policy = permissions_policy_header(settings.PERMISSIONS_POLICY)
    bad_host = client.get("/", headers={"host": "angriber.example"})
    assert bad_host.status_code == 400
    assert bad_host.headers["Permissions-Policy"] == policy
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in the tests
    settings.WHITENOISE_AUTOREFRESH = True
    static = Client().get("/static/css/portal.css")
    assert static.status_code == 200 and "X-Content-Type-Options" in static.headers
    assert static.headers["Permissions-Policy"] == policy
