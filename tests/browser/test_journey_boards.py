"""A parent finds their house council and their district's board; a district leader
keeps their own board and cannot reach another district's."""

import pytest
from playwright.sync_api import expect

from governance.models import Board, BoardMeeting

from .journeys import heading, log_in


@pytest.mark.read_only
def test_parent_goes_from_their_house_to_its_council_and_the_districts_board(open_page):
    page = open_page("/institutioner/boernehuset-ellekilde/")
    council = page.get_by_role("region", name="Husråd")
    expect(council).to_be_visible()
    expect(council.get_by_text("forældrerepræsentant")).to_be_visible()
    page.goto("/distrikter/skovlunde/")
    page.get_by_role(
        "link", name="Forældrebestyrelsen i Skovlunde: medlemmer, vedtægter og referater"
    ).click()
    assert heading(page) == "Forældrebestyrelsen i distrikt Skovlunde"
    expect(page.get_by_text("deltager uden stemmeret").first).to_be_visible()


def test_leader_keeps_skovlundes_board_and_cannot_reach_baltorps(
    open_page, live_server, browser_problems
):
    from tests.browser.test_accessibility import axe_violations

    page = open_page("/admin/login/")
    log_in(page, "leder-skovlunde")
    skovlunde = Board.objects.get(district__slug="skovlunde")
    page.goto(f"/admin/governance/board/{skovlunde.pk}/change/")
    assert axe_violations(page, browser_problems) == []
    page.goto("/admin/governance/boardmeeting/add/")
    assert axe_violations(page, browser_problems) == []
    page.get_by_label("Bestyrelse").select_option(label=skovlunde.name)
    page.get_by_label("Dato").fill("2026-10-07")
    page.get_by_label("Referat").fill("Bestyrelsen godkendte principperne for sovetid.")
    page.get_by_label("Offentliggjort").check()
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("blev tilføjet")).to_be_visible()
    page.goto("/bestyrelser/skovlunde/")
    expect(page.get_by_text("Bestyrelsen godkendte principperne for sovetid.")).to_be_visible()

    baltorp = Board.objects.get(district__slug="baltorp")
    response = page.goto(f"{live_server.url}/admin/governance/board/{baltorp.pk}/change/")
    assert response.status == 403
    page.goto("/admin/governance/boardmeeting/add/")
    options = page.get_by_label("Bestyrelse").locator("option").all_inner_texts()
    assert baltorp.name not in options
    assert not BoardMeeting.objects.filter(board=baltorp, minutes__contains="sovetid").exists()
