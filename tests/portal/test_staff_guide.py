"""The staff guide (issue 24.8): "Hjælp" on every admin page leads to the part for the
user's role, and every admin page the guide names exists."""

import re

import pytest

from daycare.models import ClosingDay
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

GUIDE = "/admin/hjaelp/"


def admin_links(page):
    return sorted(set(re.findall(r'href="(/admin/[^"#?]*)', page)))


def test_every_admin_page_the_guide_names_exists(client):
    login(client, "admin")
    page = client.get(GUIDE).content.decode()
    guide = page.split('class="staff-guide"', 1)[1].split("</main>", 1)[0]
    named = [url for url in admin_links(guide) if url not in ("/admin/", GUIDE)]
    assert len(named) >= 10
    for url in named:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("username", "anchor", "urls"),
    [
        ("admin", "administrator", ["/admin/", "/admin/daycare/closingday/foreslaa/"]),
        ("leder-baltorp", "distriktsleder", ["/admin/daycare/alternativecare/alle-dage/"]),
        ("kultur-baltorp", "kulturnetvaerk", ["/admin/culture/event/add/"]),
    ],
)
def test_hjaelp_on_every_page_leads_to_the_users_part(client, username, anchor, urls):
    login(client, username)
    day = ClosingDay.objects.first()
    pages = [*urls, "/admin/", admin_url(day) if username != "kultur-baltorp" else GUIDE]
    for url in pages:
        page = client.get(url).content.decode()
        assert f'<a href="{GUIDE}#{anchor}">Hjælp</a>' in page, url
    guide = client.get(GUIDE).content.decode()
    assert f'id="{anchor}"' in guide


def test_the_guide_is_for_staff_only(client):
    response = client.get(GUIDE)
    assert response.status_code == 302 and "/admin/login/" in response.headers["Location"]


def test_the_guide_speaks_no_code(client):
    login(client, "admin")
    text = re.sub(r"<[^>]+>", " ", client.get(GUIDE).content.decode())
    body = text.split("Hjælp til administrationen", 1)[-1]
    for word in ["Django", "Markdown", "admin/", "model", "slug"]:
        assert word not in body, word
