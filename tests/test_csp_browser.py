"""In a real browser, every page type and the admin run under the Content Security
Policy without a single violation or console error. Self-contained (Chromium from the
system, driven by Playwright) so it does not depend on the tests/browser harness."""

import pytest
from playwright.sync_api import sync_playwright

from districts.models import Institution

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PUBLIC_PAGES = [
    "/",
    "/distrikter/",
    "/distrikter/skovlunde/",
    "/institutioner/klub-syd/",
    "/was",
    "/findes-ikke/",
]

# Collected in the page before any of its own code runs; init scripts are not subject to
# the page's policy, the page's own scripts are.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo")]


@pytest.fixture
def klub_syd(demo):
    # Read before the browser starts: Playwright's sync API runs an event loop in this
    # thread, where Django refuses ORM calls (or, with DJANGO_ALLOW_ASYNC_UNSAFE, opens a
    # second connection that outlives the test and blocks dropping the test database).
    return Institution.objects.get(slug="klub-syd")


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.console_errors = []
        page.failed_urls = []
        page.on(
            "response",
            lambda response: response.status >= 400 and page.failed_urls.append(response.url),
        )
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        yield page
        browser.close()


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    # Chromium logs every 4xx as "Failed to load resource". Expected ones: the 404 page
    # itself, and /favicon.ico, which the browser asks for on its own and the site has
    # not got (yet). Any other failed load is a broken page and fails the test.
    expected = {url, f"{url.split('/', 3)[0]}//{url.split('/')[2]}/favicon.ico"}
    unexpected = [u for u in page.failed_urls if u not in expected]
    errors = [e for e in page.console_errors if not e.startswith("Failed to load resource")]
    page.console_errors.clear()
    page.failed_urls.clear()
    assert violations == [], (url, violations)
    assert errors == [], (url, errors)
    assert unexpected == [], (url, unexpected)
    return response


def test_pages_and_admin_run_under_the_policy_without_violations(klub_syd, page, live_server):
    for path in PUBLIC_PAGES:
        response = visit(page, live_server.url + path)
        assert "default-src 'none'" in response.headers["content-security-policy"]

    visit(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "ballerup-demo-2026")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    visit(page, live_server.url + "/admin/")
    assert page.get_by_text("Distrikter og institutioner").count() == 1

    # The change page uses the admin's JavaScript: inlines, prepopulate.
    visit(page, f"{live_server.url}/admin/districts/institution/{klub_syd.pk}/change/")
    assert page.get_by_text("Tilføj endnu en Rolle").count() == 1  # built by inlines.js
    visit(page, f"{live_server.url}/admin/districts/institution/add/")
    page.locator("#id_name").press_sequentially("Klub Solsikken")
    assert page.input_value("#id_slug") == "klub-solsikken"  # prepopulate.js ran

    # The enrolment page's QR code is an inline SVG that needs no inline style.
    visit(page, live_server.url + "/admin/2fa/")
    assert page.locator("svg.totp-qr").is_visible()
