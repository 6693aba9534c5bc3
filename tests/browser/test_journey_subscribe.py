"""A parent subscribes to Skovvejen's closing days from Valhalla's page, follows the
confirmation link from the mail folder, an administrator publishes a closing day,
send_notifications runs, the parent's mail names the day and the deadline, and the
one-click unsubscribe removes the address. axe checks the subscribe, confirm and
unsubscribe pages."""

import datetime
import email
import email.policy
import re

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from daycare.constants import PublicationStatus
from daycare.models import ClosingDay
from notify.models import Subscriber
from outbox.models import Mail

from .journeys import heading, log_in
from .test_accessibility import axe_violations

PARENT = "foraelder@example.dk"


def mails(folder):
    """Every mail the file backend wrote to ``folder`` (one file per batch)."""
    found = []
    for path in sorted(folder.iterdir()):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                found.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return found


def text(message):
    return message.get_body(("plain",)).get_content()


def link(message, path):
    match = re.search(r"(http://[^\s]+" + re.escape(path) + r"[^\s]*)", text(message))
    assert match, text(message)
    return match.group(1)


def free_weekday():
    taken = set(ClosingDay.objects.values_list("date", flat=True))
    day = datetime.date(2027, 2, 1)
    while day in taken or day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def test_parent_subscribes_confirms_is_told_and_leaves(
    open_page, browser_problems, settings, tmp_path, site
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.SITE_URL = site
    found = {}

    page = open_page("/institutioner/boernehuset-valhalla/")
    box = page.get_by_role("region", name="Få besked på e-mail")
    box.get_by_label("Lukkedage og alternativ pasning i distrikt Skovvejen").check()
    box.get_by_label("Din e-mailadresse").fill(PARENT)
    found["subscribe box"] = axe_violations(page, browser_problems)
    box.get_by_role("button", name="Send mig en bekræftelse").click()
    assert heading(page) == "Tjek din e-mail"
    found["sent"] = axe_violations(page, browser_problems)
    # The form's error page is part of subscribing too.
    page.goto("/abonnement/?distrikt=skovvejen")
    page.get_by_role("button", name="Send mig en bekræftelse").click()
    expect(page.get_by_text("Skriv din e-mailadresse.")).to_be_visible()
    found["subscribe page with errors"] = axe_violations(page, browser_problems)
    assert page.context.cookies() == []

    call_command("send_notifications", verbosity=0)
    (confirmation,) = mails(tmp_path)
    assert confirmation["To"] == PARENT
    page.goto(link(confirmation, "/abonnement/bekraeft/"))
    assert heading(page) == "Bekræft dine beskeder"
    found["confirm"] = axe_violations(page, browser_problems)
    page.get_by_role("button", name="Ja, send mig beskeder").click()
    assert heading(page) == "Du får nu beskeder"
    expect(page.get_by_text("Lukkedage og alternativ pasning i distrikt Skovvejen")).to_be_visible()
    found["confirmed"] = axe_violations(page, browser_problems)
    assert page.context.cookies() == []

    date = free_weekday()
    day = ClosingDay.objects.create(
        date=date,
        name="Browsertest-lukkedag",
        alternative_care=True,
        signup_deadline=date - datetime.timedelta(days=14),
        signup_text="Tilmeld dit barn i Aula.",
        status=PublicationStatus.DRAFT,
    )
    staff = open_page("/admin/login/")
    log_in(staff, "admin")
    staff.goto(f"/admin/daycare/closingday/{day.pk}/change/")
    staff.get_by_label("Status").select_option(label="Offentliggjort")
    staff.get_by_role("button", name="Gem", exact=True).click()
    expect(staff.get_by_text("blev ændret")).to_be_visible()

    # A closing-day notice waits ten minutes (in case staff correct the day): they pass.
    Mail.objects.filter(sent_at__isnull=True).update(send_after=timezone.now())
    call_command("send_notifications", verbosity=0)
    notice = [m for m in mails(tmp_path) if m["To"] == PARENT and "lukkedag" in m["Subject"]]
    assert len(notice) == 1, [m["Subject"] for m in mails(tmp_path)]
    body = text(notice[0])
    from core.dates import long_date

    assert long_date(date) in notice[0]["Subject"]
    assert "Browsertest-lukkedag" in body
    assert f"senest {long_date(day.signup_deadline)}" in body
    assert notice[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.goto(link(notice[0], "/abonnement/afmeld/"))
    assert heading(page) == "Afmeld beskeder"
    found["unsubscribe"] = axe_violations(page, browser_problems)
    page.get_by_role("button", name="Afmeld og slet min adresse").click()
    assert heading(page) == "Du er afmeldt"
    found["unsubscribed"] = axe_violations(page, browser_problems)
    assert not Subscriber.objects.filter(email=PARENT).exists()

    assert all(not v for v in found.values()), found


def test_the_subscribe_box_and_page_fit_a_narrow_phone(open_page):
    from .test_accessibility import no_horizontal_scroll

    page = open_page("/", viewport={"width": 320, "height": 640})
    for path in (
        "/institutioner/boernehuset-valhalla/",
        "/distrikter/skovvejen/",
        "/lukkedage/",
        "/abonnement/",
    ):
        page.goto(path)
        expect(page.get_by_role("button", name="Send mig en bekræftelse")).to_be_visible()
        assert no_horizontal_scroll(page), path
