"""Every page type and the admin pages staff use run under the Content Security Policy
in a real browser, with their scripts working and without a single violation.

The harness (conftest.py) fails any browser test on a console error or broken asset;
this test also reads the violations the page itself recorded, page by page.
"""

import re

import pytest
from playwright.sync_api import expect

from districts.models import Institution
from tests.public_pages import PUBLIC_PAGES

from .journeys import log_in

# Only pages are read: one load of the data serves every test here.
pytestmark = pytest.mark.read_only


def assert_no_violations(page, browser_problems):
    page.wait_for_load_state("load")
    assert browser_problems.csp_violations(page) == [], page.url


def test_public_pages_and_admin_run_under_the_policy(open_page, browser_problems):
    page = open_page()
    for path in PUBLIC_PAGES.values():
        response = page.goto(path)
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert_no_violations(page, browser_problems)

    page.goto("/admin/login/")
    assert_no_violations(page, browser_problems)
    log_in(page, "admin")
    assert_no_violations(page, browser_problems)

    # The change page uses the admin's JavaScript: the inline's "add another" link is
    # built by inlines.js, so it exists only if the script ran under the policy.
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    page.goto(f"/admin/districts/institution/{house.pk}/change/")
    expect(page.get_by_text(re.compile(r"^Tilføj: rolle$", re.IGNORECASE))).to_have_count(1)
    assert_no_violations(page, browser_problems)

    # The enrolment page's QR code is an inline SVG that needs no inline style.
    page.goto("/admin/2fa/")
    expect(page.locator("svg.totp-qr")).to_be_visible()
    assert_no_violations(page, browser_problems)


def test_a_violation_would_be_caught(open_page, browser_problems):
    """The check above can fail: an inline style the policy blocks is recorded."""
    page = open_page()
    page.evaluate(
        """() => {
        const el = document.createElement("div");
        el.innerHTML = '<img src="https://example.invalid/x.png">';
        document.body.append(el);
    }"""
    )
    page.wait_for_timeout(300)
    violations = browser_problems.csp_violations(page)
    assert any("img-src" in v for v in violations), violations
    browser_problems.found.clear()  # this test's violation is the point, not a failure
