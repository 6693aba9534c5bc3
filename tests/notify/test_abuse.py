"""No abuse: a few confirmation mails per address a day and per client address an hour,
a bounded number of unconfirmed sign-ups, and the expired ones cleaned."""

import pytest
from django.core import mail

from notify import constants
from notify.models import SignupAttempt, Subscriber
from tests.notify.helpers import send, sign_up

pytestmark = pytest.mark.django_db


def test_an_address_gets_at_most_three_confirmation_mails_a_day(client, clock, skovvejen):
    for number in range(constants.MAX_PER_ADDRESS_PER_DAY):
        # From different connections: the address limit holds on its own.
        response = sign_up(client, "offer@example.dk", f"c{skovvejen.pk}",
                           REMOTE_ADDR=f"192.0.2.{number}")  # fmt: skip
        assert response.status_code == 200
    response = sign_up(client, "offer@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429
    assert "Der er allerede sendt flere bekræftelsesmails til denne adresse i dag" in (
        response.content.decode()
    )
    send()
    assert len(mail.outbox) == constants.MAX_PER_ADDRESS_PER_DAY
    clock.advance(days=1, minutes=1)
    assert sign_up(client, "offer@example.dk", f"c{skovvejen.pk}").status_code == 200


def test_a_client_address_can_ask_for_five_confirmation_mails_an_hour(client, clock, skovvejen):
    for number in range(constants.MAX_PER_CLIENT_PER_HOUR):
        assert sign_up(client, f"a{number}@example.dk", f"c{skovvejen.pk}").status_code == 200
    response = sign_up(client, "one-more@example.dk", f"c{skovvejen.pk}")
    assert response.status_code == 429
    assert "Prøv igen om en time" in response.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.dk").exists()
    # Another connection is not held up.
    other = sign_up(client, "one-more@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    clock.advance(hours=1, minutes=1)
    assert sign_up(client, "later@example.dk", f"c{skovvejen.pk}").status_code == 200


def test_the_limits_keep_no_address_only_keyed_digests(client, clock, skovvejen):
    sign_up(client, "a@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.1")
    attempt = SignupAttempt.objects.get()
    stored = f"{attempt.address_digest} {attempt.client_digest}"
    assert "example" not in stored and "192.0.2.1" not in stored


def test_unconfirmed_sign_ups_are_bounded(client, clock, skovvejen, monkeypatch):
    monkeypatch.setattr("notify.signup.MAX_PENDING", 2)
    for number in range(2):
        sign_up(client, f"a{number}@example.dk", f"c{skovvejen.pk}",
                REMOTE_ADDR=f"192.0.2.{number}")  # fmt: skip
    response = sign_up(client, "c@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 503
    assert "mange ubekræftede tilmeldinger" in response.content.decode()
    assert Subscriber.objects.count() == 2
    # Once the old ones expire and are cleaned, there is room again.
    clock.advance(hours=49)
    send()
    assert not Subscriber.objects.exists()
    assert not SignupAttempt.objects.exists()
    response = sign_up(client, "c@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 200


def test_the_cleanup_command_deletes_the_expired(client, clock, skovvejen):
    from django.core.management import call_command

    sign_up(client, "a@example.dk", f"c{skovvejen.pk}")
    clock.advance(hours=49)
    call_command("clean_subscriptions", verbosity=0)
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("code", ["c²", "c١٢", "r𝟙", "m" + "9" * 40, "x1", "c"])
def test_a_forged_choice_is_refused_with_a_message_not_a_500(client, code, skovvejen):
    response = sign_up(client, "forged@example.dk", code)
    assert response.status_code == 400
    assert "Vælg" in response.content.decode()
    assert not Subscriber.objects.filter(email="forged@example.dk").exists()


def test_plus_tags_and_capitals_do_not_multiply_the_mails_to_one_inbox(client, clock, skovvejen):
    """The per-address limit counts the inbox: "victim+1@…", "Victim@…" and "victim@…"
    all reach victim@…, so one inbox still gets at most three confirmations a day."""
    addresses = ["victim+0@example.dk", "Victim@example.dk", "victim+x@EXAMPLE.dk",
                 "victim+1@example.dk", "victim@example.dk"]  # fmt: skip
    statuses = [
        sign_up(client, email, f"c{skovvejen.pk}", REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n, email in enumerate(addresses)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    send()
    assert len(mail.outbox) == constants.MAX_PER_ADDRESS_PER_DAY


def test_one_ipv6_network_is_one_client_for_the_hourly_limit(client, clock, skovvejen):
    """A home or a phone has a whole /64 and can take a new address for every request."""
    statuses = [
        sign_up(
            client, f"a{n}@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}"
        ).status_code  # fmt: skip
        for n in range(constants.MAX_PER_CLIENT_PER_HOUR + 2)
    ]
    assert statuses.count(429) == 2, statuses
    # Another /64 is another client.
    assert sign_up(client, "b@example.dk", f"c{skovvejen.pk}",
                   REMOTE_ADDR="2001:db8:1:3::1").status_code == 200  # fmt: skip


def test_the_answer_does_not_tell_whether_an_address_is_subscribed(
    client, clock, skovvejen, monkeypatch
):
    """With the unconfirmed sign-ups at their limit, a known and an unknown address get
    the same answer: otherwise anyone who fills the slots could probe who subscribes."""
    from tests.notify.helpers import confirm

    confirm(client, "known@example.dk", f"c{skovvejen.pk}")
    monkeypatch.setattr("notify.signup.MAX_PENDING", 0)
    known = sign_up(client, "known@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.20")
    unknown = sign_up(client, "unknown@example.dk", f"c{skovvejen.pk}", REMOTE_ADDR="192.0.2.21")
    assert known.status_code == unknown.status_code == 503
    # The same page but for the address typed into the form again.
    assert known.content.replace(b"known", b"x") == unknown.content.replace(b"unknown", b"x")


def test_a_valid_address_that_grows_in_lower_case_is_refused_not_a_500(client, clock, skovvejen):
    email = "İ" * 120 + "@example.dk"  # 132 characters, 252 in lower case
    response = sign_up(client, "x" * 100 + email, f"c{skovvejen.pk}")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()
