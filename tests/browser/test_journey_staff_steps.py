"""Staff do their jobs in fewer steps (issue 24): the walks of the issue in Chromium, with
axe on every admin page they touch.

Clicks, before → after (counted from the admin's front page, a click or a choice each):
- administrator, a year's closing days proposed and published: about 9 over two lists
  with action menus (rule list, tick all, choose action, run, closing-day list, filter,
  tick all, choose action, run) → 6 (the shortcut, the year, "Lav kladderne", tick all,
  choose action, "Udfør"); a year other than next was impossible before.
- administrator, a report uploaded for a unit that is due: list, "Oversigt", find the unit
  by eye, back, "Tilføj", choose the unit (6) → the shortcut, "Læg rapport op" (2).
- district leader, alternative care for N coming days: 4 per day (list, add, choose day,
  choose district, tick, save: 6N) → 2 + one tick per house + 1 save.
- culture ambassador, a performance and its public page: add, choose network, save, go
  to the site and find the network (5+) → add, save, "Se … på websted" (3).
"""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from culture.models import Network
from daycare.models import ClosingDay
from governance.models import Board

from .journeys import log_in


def axe_clean(page, browser_problems, name):
    from tests.browser.test_accessibility import axe_violations

    violations = axe_violations(page, browser_problems)
    assert violations == [], f"axe on {name}:\n" + "\n".join(violations)


def test_administrator_proposes_publishes_and_uploads_from_the_worklist(
    open_page, browser_problems
):
    year = timezone.localdate().year + 2
    page = open_page("/admin/login/")
    log_in(page, "admin")
    axe_clean(page, browser_problems, "index")

    page.get_by_role("link", name="Foreslå lukkedage for et år").click()
    axe_clean(page, browser_problems, "proposal")
    page.get_by_label(str(year)).check()
    page.get_by_role("button", name="Lav kladderne").click()
    expect(page.get_by_text(f"lukkedage i {year} er lavet som kladder.")).to_be_visible()
    expect(
        page.get_by_role("link", name="Se kladderne, ret dem til, og offentliggør dem.")
    ).to_be_visible()
    axe_clean(page, browser_problems, "the new drafts")

    # Every day with alternative care is filled in but one (as an administrator would in
    # the day's form), then the whole list is published in one go.
    drafts = ClosingDay.objects.filter(date__year=year, alternative_care=True).order_by("date")
    missing = drafts.first()
    drafts.exclude(pk=missing.pk).update(
        signup_deadline=datetime.date(year, 1, 15), signup_text="Tilmeld dit barn i Aula."
    )
    page.reload()
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option(label="Offentliggør de valgte lukkedage")
    page.get_by_role("button", name="Udfør").click()
    expect(page.get_by_text(f"{missing} kan ikke offentliggøres")).to_be_visible()
    expect(page.get_by_text("lukkedage er offentliggjort.")).to_be_visible()
    made = ClosingDay.objects.filter(date__year=year)
    assert made.filter(status="kladde").get() == missing
    page.goto("/lukkedage/")
    expect(page.get_by_text(missing.name).first).to_be_visible()  # another day of the rule

    # The worklist: overdue first, an upload link per row.
    page.goto("/admin/")
    page.get_by_role("link", name="Hvem skal have en rapport").click()
    axe_clean(page, browser_problems, "due worklist")
    first = page.locator("#due-overview tbody tr").first
    unit = first.locator("th").inner_text()
    expect(first).to_contain_text("Mangler")
    first.get_by_role("link", name="Læg rapport op").click()
    expect(page.get_by_label("Enhed")).to_have_value(
        page.get_by_label("Enhed").locator("option", has_text=unit).get_attribute("value")
    )
    axe_clean(page, browser_problems, "upload form with the unit chosen")


def test_leader_sets_alternative_care_for_every_coming_day_on_one_screen(
    open_page, browser_problems
):
    page = open_page("/admin/login/")
    log_in(page, "leder-baltorp")
    page.get_by_role("link", name="Alternativ pasning på alle kommende dage").click()
    expect(page.get_by_role("heading", name="Distrikt Baltorp")).to_be_visible()
    axe_clean(page, browser_problems, "alternative care on one screen")
    days = page.locator("fieldset.module")
    count = days.count()
    assert count >= 2
    for i in range(count):
        days.nth(i).get_by_label("Børnehuset Grantoften").check()
    page.get_by_role("button", name="Gem alle dage").click()
    expect(page.get_by_text("Alternativ pasning i Baltorp er gemt")).to_be_visible()
    expect(page.get_by_text("Mangler sted")).to_have_count(0)
    axe_clean(page, browser_problems, "alternative care saved")

    # The board's members: a compact table, every input named; help for the leader.
    board = Board.objects.get(district__slug="baltorp")
    page.goto(f"/admin/governance/board/{board.pk}/change/")
    expect(page.locator(".tabular")).to_be_visible()
    axe_clean(page, browser_problems, "board with its members as a table")
    page.get_by_role("link", name="Hjælp").click()
    expect(page.get_by_role("heading", name="Distriktsleder")).to_be_visible()
    assert page.url.endswith("#distriktsleder")
    axe_clean(page, browser_problems, "staff guide")


def test_ambassador_adds_a_performance_without_choosing_the_network_and_sees_it(
    open_page, browser_problems
):
    page = open_page("/admin/login/")
    log_in(page, "kultur-baltorp")
    page.goto("/admin/culture/event/add/")
    axe_clean(page, browser_problems, "performance add form")
    # "Netværk" is theirs already: not touched.
    baltorp = Network.objects.get(district__slug="baltorp")
    expect(page.get_by_label("Netværk")).to_have_value(str(baltorp.pk))
    page.get_by_label("Titel").fill("Rasmus Klump på scenen")
    soon = timezone.localtime() + datetime.timedelta(days=3)
    page.get_by_label("Dato og tid").fill(soon.strftime("%Y-%m-%dT09:30"))
    page.get_by_label("Sted").fill("Baltorpskolens sal")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_text("blev tilføjet")).to_be_visible()
    page.get_by_role("link", name="Se »Rasmus Klump på scenen« på websted").click()
    expect(page.get_by_role("heading", name="Rasmus Klump på scenen")).to_be_visible()
