"""Steps that several journeys share."""

from django.conf import settings


def log_in(page, username):
    """Log in on the admin login page the browser is showing."""
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("link", name="Log ud").or_(
        page.get_by_role("button", name="Log ud")
    ).wait_for()


def heading(page):
    return page.get_by_role("heading", level=1).inner_text()
