"""The README's production recipe, run for real: migrate, load_seed and collectstatic
with production settings, then gunicorn serving the portal and whitenoise its static
files, behind a (pretend) TLS-terminating proxy."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from tests.portal.test_settings import manage, production_env

pytestmark = pytest.mark.system


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "boern.ballerup.example", **headers})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    env = {
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "TRUSTED_PROXY_COUNT": "1",
    }
    for command in (["migrate", "--noinput"], ["load_seed"], ["collectstatic", "--noinput"]):
        result = manage(*command, **env)
        assert result.returncode == 0, result.stdout + result.stderr
    demo = manage("create_demo", **env)
    assert demo.returncode != 0 and "Demodata må kun oprettes" in demo.stderr

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=settings.BASE_DIR,
        env=production_env(**env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def test_gunicorn_serves_the_seeded_portal_over_the_proxy(production_server):
    status, headers, body = fetch(production_server + "/distrikter/hedegaard/", **HTTPS)
    assert status == 200
    assert "Klub Syd" in body and "Kasperskolen" in body
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "Set-Cookie" not in headers


def test_a_script_name_header_changes_no_link(production_server):
    """gunicorn took SCRIPT_NAME from a request of a trusted address, and the kept
    fragments then gave every visitor links under the forged prefix."""
    _, _, forged = fetch(production_server + "/distrikter/", **HTTPS, **{"SCRIPT_NAME": "/x"})
    _, _, page = fetch(production_server + "/distrikter/", **HTTPS)
    for body in (forged, page):
        assert 'href="/distrikter/baltorp/"' in body
        assert 'href="/x/' not in body


def test_plain_http_is_redirected_to_https(production_server):
    status, headers, _ = fetch(production_server + "/distrikter/")
    assert status == 301
    assert headers["Location"] == "https://boern.ballerup.example/distrikter/"


def test_whitenoise_serves_hashed_compressed_static_files_for_a_year(production_server):
    _, _, body = fetch(production_server + "/", **HTTPS)
    css = re.search(r'href="(/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]{12}\.css)"', body)
    assert css, "the page links Bootstrap by its content-hashed name"
    status, headers, _ = fetch(
        production_server + css.group(1), **HTTPS, **{"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_unknown_pages_get_the_danish_404_not_a_debug_page(production_server):
    status, _, body = fetch(production_server + "/findes-ikke/", **HTTPS)
    assert status == 404
    assert "Siden findes ikke" in body
    assert "Traceback" not in body and "URLconf" not in body
