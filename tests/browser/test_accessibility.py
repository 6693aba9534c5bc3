"""WCAG 2.1 AA in Chromium: axe-core on every public page type and on the admin pages
staff use, the skip link, visible focus, and reflow at 320 px and at 200 % zoom."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from districts.models import Institution
from tests.public_pages import PUBLIC_PAGES

from .journeys import log_in

# Only pages are read: one load of the data serves every test here.
pytestmark = pytest.mark.read_only

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
axe = Axe()


def axe_violations(page, browser_problems):
    """Axe's WCAG A/AA violations, one readable paragraph each.

    axe-core adds a <style> element of its own while it checks some pages, which the
    page's policy rightly blocks; that one message is axe's, not the page's, and is
    dropped. Everything else the page does wrong during the run still fails the test.
    """
    before = len(browser_problems.found)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    browser_problems.found[before:] = [
        problem
        for problem in browser_problems.found[before:]
        if not problem.startswith("console: Applying inline style violates")
    ]
    report = []
    for violation in results.response["violations"]:
        nodes = "\n".join(
            f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
            for node in violation["nodes"]
        )
        report.append(f"{violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}")
    return report


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_axe_violations(open_page, browser_problems, path):
    page = open_page(path)
    assert page.locator("h1").count() == 1
    violations = axe_violations(page, browser_problems)
    assert not violations, f"axe on {path}:\n" + "\n".join(violations)


def test_admin_pages_staff_use_have_no_axe_violations(open_page, browser_problems):
    page = open_page("/admin/login/")
    found = {"login": axe_violations(page, browser_problems)}
    log_in(page, "admin")
    page.get_by_role("heading", name="Administration").wait_for()
    found["index"] = axe_violations(page, browser_problems)
    page.get_by_role("link", name="Institutioner", exact=True).click()
    page.get_by_role("heading", name="Vælg institution, der skal ændres").wait_for()
    found["institution changelist"] = axe_violations(page, browser_problems)
    page.get_by_role("link", name="Børnehuset Bispevangen").click()
    page.get_by_label("Telefon").wait_for()
    found["institution change form"] = axe_violations(page, browser_problems)
    page.get_by_role("link", name="Historik").click()
    page.get_by_role("heading", name="Historik: Børnehuset Bispevangen").wait_for()
    found["institution history"] = axe_violations(page, browser_problems)

    page.goto("/admin/districts/person/")
    page.locator("#result_list tbody th a").first.click()
    page.get_by_label("Navn").wait_for()
    found["person change form"] = axe_violations(page, browser_problems)
    page.goto("/admin/districts/role/add/")
    page.get_by_label("Rolle").wait_for()
    found["role add form"] = axe_violations(page, browser_problems)
    page.goto("/admin/districts/district/")
    page.get_by_role("link", name="Måløvhøj").click()
    page.get_by_label("Beskrivelse").wait_for()
    found["district change form"] = axe_violations(page, browser_problems)
    # The daycare section's texts: a document with its sections, a section with its
    # bullets, a partner with its professions, and the portal's own settings.
    for name, path, label in [
        ("vision", "/admin/daycare/document/1/change/", "Undertitel"),
        ("section", "/admin/daycare/section/5/change/", "Overskrift"),
        ("partner", "/admin/daycare/partner/2/change/", "Beskrivelse"),
        ("daycare texts", "/admin/daycare/daycareabout/1/change/", "Indledning"),
        ("site settings", "/admin/pages/sitesettings/", "Telefon"),
    ]:
        page.goto(path)
        page.get_by_label(label).first.wait_for()
        found[name] = axe_violations(page, browser_problems)
    page.get_by_role("link", name="Mit to-trinslogin").click()
    page.get_by_label("Engangskode").wait_for()
    found["two-factor enrolment"] = axe_violations(page, browser_problems)
    report = [f"axe on admin {name}:\n" + "\n".join(v) for name, v in found.items() if v]
    assert not report, "\n".join(report)


def test_skip_link_is_first_focusable_and_moves_focus_to_main(page):
    skip = page.get_by_role("link", name="Gå til indhold")
    assert skip.bounding_box()["width"] <= 1  # hidden until focused

    page.keyboard.press("Tab")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["width"] > 40 and box["height"] > 20
    assert skip.is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {outline, shadow, text: (el.innerText || el.name || el.id).trim().slice(0, 40)};
}"""


@pytest.mark.parametrize(
    "path", ["/", "/distrikter/baltorp/", "/institutioner/dagplejen/", "/was", "/admin/login/"]
)
def test_focus_is_always_visible(open_page, path):
    page = open_page(path)
    # Number every element a keyboard user should reach, then Tab through them all.
    tabbable = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea')]
            .filter(el => !el.disabled && el.type !== 'hidden' && el.offsetParent !== null)
            .map((el, i) => { el.dataset.tabCheck = i; return i; }).length"""
    )
    assert tabbable >= 3
    # Start from the top of the page, as on arrival (the admin login autofocuses a field).
    page.evaluate(
        """() => {
            const body = document.body;
            body.tabIndex = -1;
            body.focus();
            body.removeAttribute('tabindex');
        }"""
    )
    reached = set()
    for _ in range(tabbable):
        page.keyboard.press("Tab")
        state = page.evaluate_handle("document.activeElement").evaluate(FOCUS_STYLE)
        assert state["outline"] or state["shadow"], f"no visible focus on {state['text']!r}"
        reached.add(page.evaluate("document.activeElement.dataset.tabCheck"))
    assert reached == {str(i) for i in range(tabbable)}, f"Tab missed elements on {path}"


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(
    "viewport",
    [
        pytest.param({"viewport": {"width": 320, "height": 640}}, id="320px"),
        pytest.param(
            {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}, id="zoom-200"
        ),
    ],
)
def test_pages_reflow_without_horizontal_scroll(open_page, viewport):
    # The longest name in the seed data is the hardest test of a narrow screen.
    longest = max(Institution.objects.all(), key=lambda i: len(i.name))
    paths = [*PUBLIC_PAGES.values(), longest.get_absolute_url(), "/admin/login/"]
    page = open_page("/", **viewport)
    overflowing = {}
    for path in paths:
        page.goto(path)
        assert page.locator("main, #content").first.is_visible(), path
        if not no_horizontal_scroll(page):
            overflowing[path] = page.evaluate("document.documentElement.scrollWidth")
    assert not overflowing, f"horizontal scroll at {viewport}: {overflowing}"
