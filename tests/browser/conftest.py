"""Real-browser harness: Debian's Chromium driven by Playwright against the live server.

One browser and one live server for the whole session; every test gets a fresh context
(cookies, viewport) and a database holding the seed facts and the demo accounts. Tests
marked ``read_only`` (they only read pages) share one load of that data; every other
browser test may write, so it runs transactionally: the database is emptied after it and
the data loaded again for the next. A missing Chromium fails the tests: a browser test
that cannot run has not passed.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
SCREENSHOT_DIR = settings.BASE_DIR / "test-artifacts" / "screenshots"
BROWSER_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    # On SQLite a read-only test's open transaction locks the database against the live
    # server's writes (a login's session): there every browser test is transactional.
    sqlite = connection.vendor == "sqlite"
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            if sqlite or not item.get_closest_marker("read_only"):
                item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One Chromium for all browser tests, closed when they are done so that its event
    loop does not outlive them."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium); .ci/run does this.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django refuses ORM
    # calls from a thread with a running loop. Allowed only while the browser runs: the
    # variable must not leak into other tests (`check --deploy` rejects it).
    with pytest.MonkeyPatch.context() as env, sync_playwright() as playwright:
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shared_server(django_db_setup, django_db_blocker):
    """One live server for every browser test (pytest-django's, made once the test
    database exists: an in-memory SQLite database is shared with the server's thread)."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def live_server(shared_server):
    """The same server under pytest-django's name (a test asking for it by that name is
    run transactionally by pytest-django)."""
    return shared_server


@pytest.fixture
def site(shared_server, seed_kept, db):
    """The live server's base URL, with the seed facts and the demo accounts loaded
    (``seed_kept``): loaded once for the ``read_only`` tests, which each run in a
    transaction that is rolled back; every other browser test is transactional, and the
    database it emptied is loaded again for the next."""
    return shared_server.url


# Runs in every page before the page's own code. Init scripts are not subject to the
# page's Content Security Policy; everything the page itself loads or runs is.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


class BrowserProblems:
    """What went wrong in the pages of one test, whatever the test itself checks:
    console errors (Chromium logs every CSP violation there), script errors, and
    stylesheets, scripts or images that failed to load. A 403 or 404 *page* is a
    page, not a problem; Chromium's "Failed to load resource" line for it is dropped."""

    def __init__(self):
        self.found = []

    def watch(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"script error: {error}"))
        page.on("response", self._response)

    def _console(self, message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.found.append(f"console: {message.text}")

    def _response(self, response):
        request = response.request
        if response.status < 400 or request.resource_type == "document":
            return
        if request.resource_type in ("fetch", "xhr") and ".css" in response.url:
            # axe-core reads stylesheets itself and resolves the admin's
            # @import url('widgets.css') against the page's address instead of the
            # stylesheet's; the browser itself loads /static/admin/css/widgets.css.
            return
        self.found.append(f"{response.status} for {response.url}")

    def csp_violations(self, page):
        return page.evaluate("window.__cspViolations || []")


@pytest.fixture
def browser_problems():
    return BrowserProblems()


@pytest.fixture
def open_page(browser, site, browser_problems):
    """``open_page(path="/", viewport=DESKTOP, **context_options)``: a fresh page at a path.

    Every browser test fails on a CSP violation, a console error or a broken asset in any
    page it opened, so each journey also checks the policy and the assets on its way.
    """
    contexts = []

    def open_page(path="/", viewport=DESKTOP, **options):
        context = browser.new_context(base_url=site, viewport=viewport, locale="da-DK", **options)
        context.set_default_timeout(10_000)
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        browser_problems.watch(page)
        page.goto(path)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert browser_problems.found == [], "\n".join(browser_problems.found)


@pytest.fixture
def page(open_page):
    return open_page()
