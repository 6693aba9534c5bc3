"""Screenshots of every public page type on a phone and on a desktop, for people to
look at (test-artifacts/screenshots/), and what a first glance must show on each."""

import pytest
from playwright.sync_api import expect

from tests.public_pages import PUBLIC_PAGES

from .conftest import DESKTOP, PHONE, SCREENSHOT_DIR

# Only pages are read: one load of the data serves every test here.
pytestmark = pytest.mark.read_only


@pytest.mark.parametrize("device, viewport", [("telefon", PHONE), ("desktop", DESKTOP)])
def test_screenshots_of_every_public_page(open_page, device, viewport):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page = open_page("/", viewport=viewport)
    for name, path in PUBLIC_PAGES.items():
        page.goto(path)
        # The page's heading is on the first screen, not pushed down by the header.
        expect(page.get_by_role("heading", level=1)).to_be_in_viewport()
        shot = SCREENSHOT_DIR / f"{name}-{device}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 5_000, shot
