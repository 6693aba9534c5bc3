"""The staff's weekly digest: one mail per staff owner per ISO week, each item linking to
its admin form; empty digests are not sent; staff switch it off themselves."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from culture.models import Event, Network
from daycare.models import InspectionReport
from districts.models import Institution
from governance.models import Board
from notify.models import DigestSetting
from tests.conftest import login
from tests.notify.helpers import link, send

pytestmark = pytest.mark.django_db


def staff(username, email):
    user = get_user_model().objects.get(username=username)
    user.email = email
    user.save()
    return user


def mails_to(email):
    return [m for m in mail.outbox if m.to == [email]]


def test_a_district_leader_gets_what_in_their_district_needs_them(clock, demo):
    staff("leder-skovvejen", "leder@example.dk")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    board = Board.objects.get(district__slug="skovvejen")
    board.meetings.all().delete()
    send()
    (message,) = mails_to("leder@example.dk")
    assert message.subject.startswith("Ugens oversigt fra børneportalen:")
    body = message.body
    assert "Børnehuset Valhalla mangler" in body
    assert f"http://testserver/admin/districts/institution/{valhalla.pk}/change/" in body
    assert f"{board.name} har ingen offentliggjorte referater i skoleåret." in body
    assert f"/admin/governance/boardmeeting/add/?board={board.pk}" in body
    # Only their own district.
    assert "Børnehuset Bispevangen" not in body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_house_with_everything_filled_in_and_changed_lately_is_not_named(clock, demo):
    staff("leder-skovvejen", "leder@example.dk")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    valhalla.address, valhalla.phone = "Valhallavej 1", "44 77 00 00"
    valhalla.hours_monday = "6.30–17.00"
    valhalla.save()
    send()
    (message,) = mails_to("leder@example.dk")
    assert "Børnehuset Valhalla" not in message.body


def test_an_administrator_hears_of_reports_overdue_or_due_within_90_days(clock, demo):
    staff("admin", "admin@example.dk")
    send()
    (message,) = mails_to("admin@example.dk")
    today = datetime.date(2026, 12, 3)
    overdue = [
        r.unit.name
        for r in InspectionReport.objects.published().select_related("unit")
        if r.visit_date + datetime.timedelta(days=730) < today
    ]
    assert "tilsynsrapport" in message.body.lower()
    assert "/admin/daycare/inspectionreport/add/?unit=" in message.body
    for name in overdue[:1]:
        assert name in message.body


def test_a_network_with_a_coming_performance_gives_its_member_no_mail(clock, demo):
    staff("kultur-skovvejen", "kultur@example.dk")
    network = Network.objects.get(district__slug="skovvejen")
    Event.objects.filter(network=network).delete()
    network.meetings.all().delete()
    send()
    (message,) = mails_to("kultur@example.dk")
    assert "ingen kommende forestillinger eller møder" in message.body
    assert f"/admin/culture/network/{network.pk}/change/" in message.body

    mail.outbox.clear()
    clock.advance(days=7)
    Event.objects.create(
        network=network, title="Teater", venue="Hallen",
        starts_at=clock.now + datetime.timedelta(days=30),
    )  # fmt: skip
    send()
    assert mails_to("kultur@example.dk") == []  # an empty digest is not sent


def test_one_digest_per_week_from_monday_seven(clock, demo):
    staff("leder-skovvejen", "leder@example.dk")
    send()
    send()
    clock.advance(days=1)
    send()
    assert len(mails_to("leder@example.dk")) == 1
    # Monday 7 December 2026, 06:30 Danish time (05:30 UTC): not yet.
    clock.now = datetime.datetime(2026, 12, 7, 5, 30, tzinfo=datetime.UTC)
    send()
    assert len(mails_to("leder@example.dk")) == 1
    clock.now = datetime.datetime(2026, 12, 7, 6, 0, tzinfo=datetime.UTC)
    send()
    assert len(mails_to("leder@example.dk")) == 2


def test_staff_switch_the_digest_off_in_their_own_settings(client, clock, demo):
    staff("leder-skovvejen", "leder@example.dk")
    login(client, "leder-skovvejen")
    page = client.get("/medarbejder/ugentlig-oversigt/")
    assert "Ugentlig oversigt" in page.content.decode()
    assert 'href="/medarbejder/ugentlig-oversigt/"' in client.get("/admin/").content.decode()
    client.post("/medarbejder/ugentlig-oversigt/", {})
    assert DigestSetting.objects.get(user__username="leder-skovvejen").weekly_digest is False
    send()
    assert mails_to("leder@example.dk") == []


def test_the_settings_page_is_for_staff_only(client, demo):
    response = client.get("/medarbejder/ugentlig-oversigt/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_settings_page_needs_the_code_where_the_admin_does(client, demo, settings):
    """A password without its authenticator code opens nothing, here as in the admin."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.REQUIRE_2FA = True
    user = staff("leder-skovvejen", "leder@example.dk")
    TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    client.force_login(user)  # the password step only
    for response in (
        client.get("/medarbejder/ugentlig-oversigt/"),
        client.post("/medarbejder/ugentlig-oversigt/", {}),
    ):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not DigestSetting.objects.filter(user=user, weekly_digest=False).exists()


def test_the_one_click_link_in_the_digest_switches_it_off(client, clock, demo):
    staff("leder-skovvejen", "leder@example.dk")
    send()
    (message,) = mails_to("leder@example.dk")
    off = link(message, "/medarbejder/ugentlig-oversigt/fra/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{off}>"
    client.get(off)
    assert not DigestSetting.objects.filter(weekly_digest=False).exists()
    response = client.post(off, "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 200 and response.cookies == {}
    assert DigestSetting.objects.get(user__username="leder-skovvejen").weekly_digest is False


def test_a_demo_account_has_an_address_that_can_never_be_delivered(db):
    """So a local run (make run) shows a leader's digest in var/mail/, and no mail can
    leave for a real person."""
    from core.permissions import DISTRICT_LEADER
    from districts.demo import account

    user = account("leder-ny-demo", DISTRICT_LEADER)
    assert user.email == "leder-ny-demo@demo.invalid"


def test_the_digest_tells_a_yearly_report_missing_from_one_past_the_acts_limit(clock, demo):
    """Due a year after the last report (Ballerup inspects yearly); past the daycare
    act's two years it says so."""
    today = datetime.date(2026, 12, 3)
    InspectionReport.objects.all().delete()
    for slug, days in (("boernehuset-valhalla", 400), ("boernehuset-grantoften", 800)):
        made = InspectionReport(
            unit=Institution.objects.get(slug=slug),
            visit_date=today - datetime.timedelta(days=days),
            summary="Tilsyn.",
            published=True,
        )
        made.pdf.name = "tilsyn/x.pdf"
        made.save()
    staff("admin", "admin@example.dk")
    send()
    (message,) = mails_to("admin@example.dk")
    body = " ".join(message.body.split())
    assert "Tilsynsrapporten for Børnehuset Valhalla er forfalden" in body
    assert "Valhalla er forfalden (siden torsdag den 29. oktober 2026)." in body
    assert (
        "Grantoften er forfalden (siden onsdag den 24. september 2025) og over dagtilbudslovens"
        in body
    )
