"""Leaving and changing: one-click unsubscribe (also RFC 8058's POST from a mail program),
the headers in every mail, changing the choices; leaving deletes the address."""

import datetime
import re

import pytest
from django.core import mail

from notify.models import Subscriber
from outbox.models import Mail
from tests.daycare.factories import ClosingDayFactory
from tests.notify.helpers import confirm, link, send, sign_up

pytestmark = pytest.mark.django_db


def test_every_mail_has_the_unsubscribe_headers_and_links(client, clock, skovvejen):
    sign_up(client, "a@example.dk", f"c{skovvejen.pk}")
    send()
    (confirmation,) = mail.outbox
    assert "Afmeld med ét klik: http://testserver/abonnement/afmeld/" in confirmation.body
    assert "List-Unsubscribe" in confirmation.extra_headers
    # Nothing to change before the confirmation.
    assert "Ret dine valg" not in confirmation.body
    client.post(link(confirmation, "/abonnement/bekraeft/"))
    ClosingDayFactory(date=datetime.date(2027, 3, 1))
    clock.advance(minutes=10)
    send()
    message = mail.outbox[-1]
    assert message.subject == "Ny lukkedag: mandag den 1. marts 2027"
    unsubscribe = link(message, "/abonnement/afmeld/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Afmeld med ét klik: http://testserver/abonnement/afmeld/" in message.body
    assert "Ret dine valg: http://testserver/abonnement/valg/" in message.body
    html = message.alternatives[0][0]
    assert f'href="http://testserver{unsubscribe}"' in html


def test_a_mail_programs_one_click_post_deletes_the_address_without_a_csrf_cookie(
    client, clock, skovvejen
):
    confirm(client, "a@example.dk", f"c{skovvejen.pk}")
    unsubscribe = link(mail.outbox[0], "/abonnement/afmeld/")
    client.handler.enforce_csrf_checks = True
    response = client.post(
        unsubscribe,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Du er afmeldt" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert response.cookies == {}
    # Once more (a second click): still a calm answer.
    assert client.post(unsubscribe).status_code == 200


def test_the_unsubscribe_link_shows_one_button_and_opening_it_changes_nothing(
    client, clock, skovvejen
):
    confirm(client, "a@example.dk", f"c{skovvejen.pk}")
    unsubscribe = link(mail.outbox[0], "/abonnement/afmeld/")
    page = client.get(unsubscribe)
    assert "Afmeld og slet min adresse" in page.content.decode()
    assert "no-store" in page.headers["Cache-Control"] or "private" in page.headers["Cache-Control"]
    assert Subscriber.objects.exists()
    client.post(unsubscribe)
    assert not Subscriber.objects.exists()
    assert client.get(unsubscribe).status_code == 404


def test_unsubscribing_also_deletes_the_notices_to_the_address_in_the_outbox(
    client, clock, skovvejen, settings
):
    confirm(client, "a@example.dk", f"c{skovvejen.pk}")
    sign_up(client, "a@example.dk", f"b{skovvejen.parent_board.pk}")  # a mail that waits
    assert Mail.objects.filter(to="a@example.dk").count() == 2
    client.post(link(mail.outbox[0], "/abonnement/afmeld/"))
    assert not Mail.objects.filter(to="a@example.dk").exists()


def test_unsubscribing_as_a_parent_keeps_the_staff_digest_to_the_same_address(
    client, clock, skovvejen
):
    """A district leader may subscribe as a parent with their work address: leaving the
    parents' notices does not delete the weekly digest waiting for them as staff."""
    confirm(client, "leder@example.dk", f"c{skovvejen.pk}")
    digest = Mail.objects.create(
        key="notify:digest:1:2026-W49", to="leder@example.dk", subject="Ugentlig oversigt"
    )
    client.post(link(mail.outbox[0], "/abonnement/afmeld/"))
    assert not Subscriber.objects.filter(email="leder@example.dk").exists()
    assert Mail.objects.filter(pk=digest.pk).exists()


def test_changing_the_choices(client, clock, skovvejen):
    confirmed = confirm(client, "a@example.dk", f"c{skovvejen.pk}").content.decode()
    # The page after the confirmation links to the choices (as every later mail does).
    manage = re.search(r'href="(/abonnement/valg/[^"]+)"', confirmed).group(1)
    page = client.get(manage).content.decode()
    assert "Lukkedage og alternativ pasning i distrikt Skovvejen" in page
    assert "Nye referater fra Forældrebestyrelsen i distrikt Skovvejen" in page
    response = client.post(manage, {"choices": [f"b{skovvejen.parent_board.pk}"]})
    assert "Dine valg er gemt." in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert list(subscriber.subscriptions.values_list("topic", flat=True)) == ["referater"]
    assert response.cookies == {}
    # Nothing chosen: the address is deleted.
    response = client.post(manage, {})
    assert "Du er afmeldt" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_privacy_page_says_what_is_stored_why_how_long_and_how_to_delete_it(client, seed):
    page = client.get("/privatliv").content.decode()
    section = page[page.index('id="beskeder"') :]
    assert "gemmer portalen din e-mailadresse" in section
    assert "Vi bruger kun oplysningerne til at sende dig de beskeder" in section
    assert "inden for 48 timer" in section
    assert "afmelde dig med ét klik" in section
    assert "sletter portalen din adresse og dine valg med det samme" in section
    assert "30 dage" in section
