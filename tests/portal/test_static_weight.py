"""The first view of the home page (HTML, CSS, icon) weighs at most 30 KB compressed, as
collected for production: whitenoise serves brotli and gzip copies of hashed files, and
the page cache sends anonymous pages compressed. A repeat view (the hashed files kept
for a year) is the page alone: at most 8 KB."""

import re
import subprocess
import sys

import brotli
import pytest
from django.conf import settings

from tests.portal.test_settings import manage

LIMIT = 30 * 1024
pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    result = manage("collectstatic", "--noinput", "-v0", STATIC_ROOT=str(root))
    assert result.returncode == 0, result.stderr
    import json

    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    return root, manifest


@pytest.fixture
def page_cache(settings):
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()


@pytest.mark.system
@pytest.mark.usefixtures("page_cache")
def test_the_home_pages_first_view_is_at_most_30_kb_compressed(client, collected):
    root, manifest = collected
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.headers["Content-Encoding"] == "br"  # as the portal sends it
    total = len(response.content)
    html = brotli.decompress(response.content)
    assets = re.findall(rb'(?:href|src)="/static/([^"]+)"', html)
    assert any(a.endswith(b".css") for a in assets)
    for asset in assets:
        hashed = root / manifest[asset.decode()]
        # whitenoise made a gzip and a brotli copy of every one, the icon too.
        assert hashed.with_name(hashed.name + ".gz").is_file(), hashed
        total += hashed.with_name(hashed.name + ".br").stat().st_size
    assert total <= LIMIT, f"{total} bytes"


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize(
    "path", ["/", "/distrikter/baltorp/", "/institutioner/boernehuset-bispevangen/", "/lukkedage/"]
)
def test_a_repeat_view_is_the_compressed_page_alone_at_most_8_kb(client, path):
    client.get(path)
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.headers["X-Page-Cache"] == "hit"
    assert len(response.content) <= 8 * 1024, f"{len(response.content)} bytes"


def test_every_bootstrap_class_the_templates_use_is_in_the_shipped_subset():
    full = (settings.BASE_DIR / "static_src/bootstrap/bootstrap.min.css").read_text()
    subset = (settings.BASE_DIR / "static/vendor/bootstrap/bootstrap.min.css").read_text()
    in_full = set(re.findall(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)", full))
    in_subset = set(re.findall(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)", subset))
    used = set()
    for template in (settings.BASE_DIR / "templates").rglob("*.html"):
        for classes in re.findall(r'class="([^"]*)"', template.read_text()):
            used |= set(re.sub(r"{[{%].*?[%}]}", " ", classes).split())
    missing = (used & in_full) - in_subset
    assert not missing, f"run `make css` (scripts/purge_bootstrap.py): {sorted(missing)}"


@pytest.mark.system
def test_the_subset_is_what_the_script_makes_of_the_templates(tmp_path):
    shipped = settings.BASE_DIR / "static/vendor/bootstrap/bootstrap.min.css"
    made = tmp_path / "bootstrap.min.css"  # not the shipped file: other tests read it
    subprocess.run(
        [sys.executable, "scripts/purge_bootstrap.py", str(made)],
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
    )
    assert made.read_text() == shipped.read_text(), "run `make css` and commit the result"
