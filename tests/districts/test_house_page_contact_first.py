"""Issue 23.1: a house's page puts its contact first, says what is missing and whom to
ask, says when no inspection report is published, and links its boards and its
district's culture network (Dagplejen: both its boards)."""

import re
from html import unescape

import pytest

from daycare.models.inspection import InspectionReport

pytestmark = pytest.mark.usefixtures("demo")


def html_of(client, slug):
    response = client.get(f"/institutioner/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def main_text(html):
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def test_the_contact_comes_right_after_the_name(client):
    html = html_of(client, "boernehuset-bispevangen")
    main = html[html.index("<main") :]
    assert main.index("<h1>") < main.index('id="kontakt"') < main.index("Pædagogisk ledelse")
    # Before the districts, the inspection report and everything else on the page.
    assert main.index("Pædagogisk ledelse") < main.index('id="tilsyn"')
    assert main.index("Pædagogisk ledelse") < main.index("Næste lukkedag")


def test_a_house_without_a_published_report_says_so_and_links_the_archive(client):
    InspectionReport.objects.filter(unit__slug="boernehuset-bispevangen").delete()
    html = html_of(client, "boernehuset-bispevangen")
    section = html[html.index('id="tilsyn"') :]
    section = section[: section.index("</section>")]
    assert (
        "Der er endnu ikke offentliggjort en tilsynsrapport for Børnehuset Bispevangen"
        in unescape(section)
    )
    assert 'href="/tilsyn/"' in section


def test_a_house_links_its_districts_board_and_culture_network(client):
    html = html_of(client, "boernehuset-bispevangen")
    assert 'href="/bestyrelser/baltorp/"' in html
    assert 'href="/kultur/baltorp/"' in html
    assert "Forældrebestyrelsen i distrikt Baltorp" in main_text(html)


def test_dagplejens_page_links_both_its_boards_and_not_baltorps(client):
    html = html_of(client, "dagplejen")
    boards = html[html.index('id="bestyrelse"') :]
    boards = boards[: boards.index("</section>")]
    assert 'href="/bestyrelser/hedegaard/"' in boards
    assert 'href="/bestyrelser/dagplejen/"' in boards
    assert 'href="/bestyrelser/baltorp/"' not in boards
    # Its culture network is Baltorp's (the brochure lists Dagplejen there).
    assert 'href="/kultur/baltorp/"' in html


def test_a_school_links_its_culture_network_but_no_parent_board(client):
    html = html_of(client, "baltorpskolen")
    assert 'href="/kultur/baltorp/"' in html
    assert 'id="bestyrelse"' not in html


def test_opening_hours_of_the_same_days_read_as_one_line(client):
    from districts.models import Institution

    Institution.objects.filter(slug="boernehuset-bispevangen").update(
        **{f"hours_{d}": "6.30–17.00" for d in ("monday", "tuesday", "wednesday", "thursday")},
        hours_friday="6.30–16.00",
    )
    text = main_text(html_of(client, "boernehuset-bispevangen"))
    assert "Mandag–torsdag 6.30–17.00 Fredag 6.30–16.00" in text
