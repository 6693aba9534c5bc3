"""The admin index by task (issue 24.5): at most eight groups, each role sees only its
own, with the shortcuts to the pages that are no model's list; one breadcrumb root."""

import re

import pytest

from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")


def groups(page):
    return re.findall(r'<caption>\s*<a href="[^"]*" class="section">([^<]+)</a>', page)


def test_administrators_see_every_task_in_at_most_eight_groups(client):
    login(client, "admin")
    page = client.get("/admin/").content.decode()
    assert groups(page) == [
        "Lukkedage og alternativ pasning",
        "Tilsyn",
        "Distrikter og institutioner",
        "Bestyrelser og husråd",
        "Kultur",
        "Tekster om dagtilbud",
        "Portalens oplysninger",
        "Brugere og sikkerhed",
    ]
    for url in ["/admin/daycare/closingday/foreslaa/", "/admin/daycare/alternativecare/alle-dage/",
                "/admin/daycare/inspectionreport/oversigt/"]:  # fmt: skip
        assert f'href="{url}"' in page
    assert "Andet" not in groups(page)
    assert "application" not in page and "applikation" not in page


def test_a_district_leader_sees_only_their_tasks(client):
    login(client, "leder-baltorp")
    page = client.get("/admin/").content.decode()
    found = groups(page)
    assert "Lukkedage og alternativ pasning" in found
    assert "Brugere og sikkerhed" not in found and "Portalens oplysninger" not in found
    # Of culture, only their district's network, which they may read.
    assert "/admin/culture/network/" in page and "/admin/culture/event/" not in page
    assert 'href="/admin/daycare/alternativecare/alle-dage/"' in page
    assert "/foreslaa/" not in page and "/oversigt/" not in page


def test_a_culture_ambassador_sees_only_culture(client):
    login(client, "kultur-baltorp")
    page = client.get("/admin/").content.decode()
    assert groups(page) == ["Kultur"]
    assert "alle-dage" not in page


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/daycare/closingday/", "/admin/daycare/closingday/foreslaa/"]
)
def test_every_breadcrumb_trail_starts_at_forside(client, url):
    login(client, "admin")
    page = client.get(url).content.decode()
    if url != "/admin/":
        trail = page.split('<div class="breadcrumbs">', 1)[1].split("</div>", 1)[0]
        assert re.search(r'<a href="/admin/">\s*Forside\s*</a>', trail)
    assert "Hjem" not in page
