"""A confirmation link is valid for 48 hours, but it is not a standing order: what the
person has ended since (a choice taken off, the address unsubscribed) stays ended when an
old link is followed again, and following a link twice does nothing the second time."""

import re

import pytest
from django.core import mail

from notify.models import Subscriber, Subscription
from tests.notify.helpers import confirm, link, send, sign_up

pytestmark = pytest.mark.django_db


def confirmation_link(email):
    return link([m for m in mail.outbox if m.to == [email]][-1], "/abonnement/bekraeft/")


def manage_link(response):
    return re.search(r'href="(/abonnement/valg/[^"]+)"', response.content.decode()).group(1)


def topics():
    return sorted(Subscription.objects.values_list("topic", flat=True))


def test_an_old_confirmation_link_does_not_bring_back_a_choice_taken_off(client, clock, skovvejen):
    confirmed = confirm(client, "a@example.dk", f"c{skovvejen.pk}", f"b{skovvejen.parent_board.pk}")
    old_link = confirmation_link("a@example.dk")
    assert topics() == ["lukkedage", "referater"]
    clock.advance(hours=1)
    client.post(manage_link(confirmed), {"choices": [f"c{skovvejen.pk}"]})
    assert topics() == ["lukkedage"]

    clock.advance(hours=1)  # still inside the link's 48 hours
    for response in (client.get(old_link), client.post(old_link)):
        assert response.status_code == 410
        page = response.content.decode()
        assert "Linket er forældet: du har ændret dine valg, efter det blev sendt." in page
    assert topics() == ["lukkedage"]

    # A new sign-up for the choice taken off works as always.
    clock.advance(minutes=1)
    sign_up(client, "a@example.dk", f"b{skovvejen.parent_board.pk}")
    send()
    assert client.post(confirmation_link("a@example.dk")).status_code == 200
    assert topics() == ["lukkedage", "referater"]


def test_after_unsubscribing_an_old_confirmation_link_subscribes_nobody(client, clock, skovvejen):
    confirm(client, "a@example.dk", f"c{skovvejen.pk}")
    old_link = confirmation_link("a@example.dk")
    client.post(link(mail.outbox[0], "/abonnement/afmeld/"))
    assert not Subscriber.objects.exists()

    response = client.post(old_link)
    assert response.status_code == 404
    assert "Måske er du allerede afmeldt" in response.content.decode()
    assert not Subscriber.objects.exists()

    # Signed up again (a new, unconfirmed address row): the old link confirms nothing.
    sign_up(client, "a@example.dk", f"c{skovvejen.pk}")
    assert client.post(old_link).status_code == 404
    assert not Subscriber.objects.get().is_confirmed
    assert not Subscription.objects.exists()


def test_following_a_confirmation_link_twice_changes_nothing_the_second_time(
    client, clock, skovvejen
):
    confirm(client, "a@example.dk", f"c{skovvejen.pk}")
    confirmed_at = Subscriber.objects.get().confirmed_at
    sent = len(mail.outbox)
    clock.advance(hours=2)
    response = client.post(confirmation_link("a@example.dk"))
    assert response.status_code == 200
    assert Subscriber.objects.get().confirmed_at == confirmed_at
    assert topics() == ["lukkedage"]
    send()
    assert len(mail.outbox) == sent
