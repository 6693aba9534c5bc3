"""A culture coordinator keeps their own network current, and only that one."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from culture.models import Network

from .journeys import log_in


def test_coordinator_adds_a_performance_that_parents_see_and_cannot_reach_skovlunde(
    open_page, live_server, browser_problems
):
    from tests.browser.test_accessibility import axe_violations

    page = open_page("/admin/login/")
    log_in(page, "kultur-baltorp")

    # The network's presentation.
    baltorp = Network.objects.get(district__slug="baltorp")
    page.goto(f"/admin/culture/network/{baltorp.pk}/change/")
    page.get_by_label("Om netværket").fill("Vi laver teater og musik med børnene i Baltorp.")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("blev ændret")).to_be_visible()

    # A theatre performance.
    page.goto("/admin/culture/event/add/")
    assert axe_violations(page, browser_problems) == []
    page.get_by_label("Netværk").select_option(label="Kulturnetværk Baltorp")
    page.get_by_label("Titel").fill("Den grimme ælling")
    page.get_by_label("Teater, kunstner eller gruppe").fill("Teatret i Baltorp")
    soon = timezone.localtime() + datetime.timedelta(days=1)
    page.get_by_label("Dato og tid").fill(soon.strftime("%Y-%m-%dT09:30"))
    page.get_by_label("Sted").fill("Baltorpskolens sal")
    page.get_by_label("Aldersgruppe").fill("3–6 år")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("blev tilføjet")).to_be_visible()

    page.goto("/kultur/baltorp/")
    expect(page.get_by_text("Vi laver teater og musik med børnene i Baltorp.")).to_be_visible()
    expect(page.get_by_role("heading", name="Den grimme ælling")).to_be_visible()
    assert axe_violations(page, browser_problems) == []
    page.goto("/distrikter/baltorp/")
    expect(page.get_by_text("Næste forestilling: Den grimme ælling")).to_be_visible()

    # Skovlunde's network is not theirs.
    skovlunde = Network.objects.get(district__slug="skovlunde")
    response = page.goto(f"{live_server.url}/admin/culture/network/{skovlunde.pk}/change/")
    assert response.status == 403
    page.goto("/admin/culture/event/add/")
    options = page.get_by_label("Netværk").locator("option").all_inner_texts()
    assert "Kulturnetværk Skovlunde" not in options
    assert Network.objects.get(pk=skovlunde.pk).description == ""
