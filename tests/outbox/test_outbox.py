"""The outbox: mails are committed with their content, sent once, and wait out a mail
server that is down. Django's in-memory outbox and a controlled clock."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction

import outbox
from outbox import sending
from outbox.models import Mail, SentKey

pytestmark = pytest.mark.django_db


def put(key="k1", to="forælder@example.dk", **kwargs):
    outbox.enqueue(
        key=key,
        to=to,
        **{
            **outbox.render(
                "outbox/notice",
                {
                    "subject": "Lukkedag fredag den 18. december 2026",
                    "paragraphs": ["Skovvejen holder lukket.", "Tilmeld dig <inden> fristen."],
                    "links": [{"text": "Se lukkedagene", "url": "http://testserver/lukkedage/"}],
                    "footer": [{"text": "Afmeld", "url": "http://testserver/afmeld/x"}],
                },
            ),
            **kwargs,
        },
    )


def run():
    call_command("send_notifications", verbosity=0)


def test_a_mail_is_committed_with_its_content_or_not_at_all(clock):
    with pytest.raises(RuntimeError), transaction.atomic():
        put()
        raise RuntimeError("the content's save failed")
    assert not Mail.objects.exists()

    with transaction.atomic():
        put()
        put(subject="Et andet emne")  # the same key: nothing more
    assert list(Mail.objects.values_list("key", "subject")) == [
        ("k1", "Lukkedag fredag den 18. december 2026")
    ]


def test_a_due_mail_is_sent_once_in_danish_text_and_html(clock):
    put(headers={"List-Unsubscribe": "<http://testserver/afmeld/x>"})
    run()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["forælder@example.dk"]
    assert sent.subject == "Lukkedag fredag den 18. december 2026"
    assert "Skovvejen holder lukket." in sent.body
    # Plain text is not HTML-escaped; the HTML is.
    assert "Tilmeld dig <inden> fristen." in sent.body
    html, kind = sent.alternatives[0]
    assert kind == "text/html"
    assert "Tilmeld dig &lt;inden&gt; fristen." in html
    assert '<html lang="da">' in html
    # No tracking pixel and no rewritten links: no image at all, the links as they are.
    assert "<img" not in html.lower()
    assert 'href="http://testserver/lukkedage/"' in html
    assert "Se lukkedagene: http://testserver/lukkedage/" in sent.body
    assert sent.extra_headers["List-Unsubscribe"] == "<http://testserver/afmeld/x>"
    assert sent.extra_headers["Message-ID"] == outbox.message_id("k1")
    assert Mail.objects.get().sent_at == clock.now

    run()
    assert len(mail.outbox) == 1  # nothing sent twice


def test_a_mail_waits_until_it_is_due(clock):
    put(send_after=clock.now + timedelta(days=3))
    run()
    assert mail.outbox == []
    clock.advance(days=3)
    run()
    assert len(mail.outbox) == 1


def test_the_message_id_is_stable_per_key_and_differs_between_keys(settings):
    settings.DEFAULT_FROM_EMAIL = "Ballerup <noreply@ballerup.example>"
    assert outbox.message_id("a") == outbox.message_id("a")
    assert outbox.message_id("a") != outbox.message_id("b")
    assert outbox.message_id("a").endswith("@ballerup.example>")


def test_a_crash_mid_batch_sends_nothing_twice_and_loses_nothing(clock, settings):
    settings.EMAIL_BACKEND = "tests.outbox.backends.CrashingBackend"
    from tests.outbox.backends import CrashingBackend

    CrashingBackend.sent = 0
    for number in range(5):
        put(key=f"k{number}", to=f"forælder{number}@example.dk")

    with pytest.raises(SystemExit):
        run()  # killed at the third mail
    assert [m.to[0] for m in mail.outbox] == ["forælder0@example.dk", "forælder1@example.dk"]
    assert Mail.objects.filter(sent_at__isnull=False).count() == 2

    # A run before the dead run's claim runs out takes nothing.
    run()
    assert len(mail.outbox) == 2
    clock.advance(minutes=11)
    run()
    assert sorted(m.to[0] for m in mail.outbox) == [f"forælder{n}@example.dk" for n in range(5)]
    assert not Mail.objects.filter(sent_at__isnull=True).exists()


def test_a_mail_server_that_is_down_leaves_the_mails_waiting_with_one_log_line(
    clock, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.outbox.backends.DownBackend"
    for number in range(3):
        put(key=f"k{number}")
    with caplog.at_level(logging.INFO, logger="outbox"):
        run()
    records = [r for r in caplog.records if r.name == "outbox"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "Mailserveren kan ikke nås" in records[0].getMessage()
    assert "3 mails venter" in records[0].getMessage()
    assert Mail.objects.filter(sent_at__isnull=True, attempts=1).count() == 3

    # Backoff: the next run a minute later does not even try; after the pause it does.
    caplog.clear()
    clock.advance(seconds=30)
    with caplog.at_level(logging.INFO, logger="outbox"):
        run()
    assert not [r for r in caplog.records if r.name == "outbox"]
    clock.advance(minutes=1)
    run()
    assert Mail.objects.filter(attempts=2).count() == 3
    assert Mail.objects.get(key="k0").send_after == clock.now + timedelta(minutes=2)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clock.advance(minutes=2)
    run()
    assert len(mail.outbox) == 3
    assert not Mail.objects.filter(sent_at__isnull=True).exists()


def test_a_server_that_goes_away_mid_batch_keeps_the_rest_waiting(clock, settings):
    settings.EMAIL_BACKEND = "tests.outbox.backends.DroppingBackend"
    for number in range(3):
        put(key=f"k{number}")
    run()
    assert len(mail.outbox) == 1
    assert Mail.objects.filter(sent_at__isnull=True, attempts=1).count() == 2


def test_a_refused_recipient_does_not_hold_up_the_others_and_is_given_up(clock, settings):
    settings.EMAIL_BACKEND = "tests.outbox.backends.RefusingBackend"
    put(key="bad", to="ukendt@example.dk")
    put(key="good", to="kendt@example.dk")
    run()
    assert [m.to[0] for m in mail.outbox] == ["kendt@example.dk"]
    bad = Mail.objects.get(key="bad")
    assert bad.sent_at is None and bad.given_up_at is None
    assert "No such user" in bad.last_error
    for _ in range(sending.MAX_ATTEMPTS):
        clock.advance(hours=7)
        run()
    bad.refresh_from_db()
    assert bad.given_up_at is not None and bad.attempts == sending.MAX_ATTEMPTS
    assert len(mail.outbox) == 1


def test_two_senders_at_once_take_different_mails(clock):
    for number in range(4):
        put(key=f"k{number}")
    first = sending.claim(2, clock.now)
    second = sending.claim(2, clock.now)
    third = sending.claim(2, clock.now)
    assert {m.key for m in first}.isdisjoint({m.key for m in second})
    assert len(first) == len(second) == 2 and third == []


def test_mails_go_out_in_batches_over_one_connection_each(clock, settings, monkeypatch):
    opened = []
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.open

    def counting_open(self):
        opened.append(self)
        return original(self)

    monkeypatch.setattr(EmailBackend, "open", counting_open)
    for number in range(5):
        put(key=f"k{number}")
    call_command("send_notifications", "--batch-size", "2", verbosity=0)
    assert len(mail.outbox) == 5
    assert len(opened) == 3


def test_sent_mails_are_deleted_after_30_days_waiting_ones_never(clock, settings):
    put(key="sent")
    run()
    settings.EMAIL_BACKEND = "tests.outbox.backends.DownBackend"
    put(key="waiting")
    clock.advance(days=30, minutes=1)
    run()
    assert list(Mail.objects.values_list("key", flat=True)) == ["waiting"]


def test_a_mail_deleted_after_30_days_is_not_made_and_sent_again(clock):
    """Sent mails are deleted after 30 days (they hold addresses), but their keys are
    remembered: the same event seen again later adds nothing."""
    put("k1")
    run()
    assert len(mail.outbox) == 1
    clock.advance(days=30, minutes=1)
    run()  # prunes
    assert not Mail.objects.exists()
    put("k1")
    run()
    assert len(mail.outbox) == 1
    assert not Mail.objects.exists()
    # A new key still goes out.
    put("k2")
    run()
    assert len(mail.outbox) == 2
    # The keys, without address or text, are kept two years.
    assert list(SentKey.objects.values_list("key", flat=True)) == ["k1"]
    clock.advance(days=2 * 365 + 1)
    sending.prune()
    assert list(SentKey.objects.values_list("key", flat=True)) == ["k2"]  # k1's have passed


class SenderRefusingBackend(LocmemBackend):
    """A server that wants a login (EMAIL_HOST_USER forgotten): MAIL FROM gets 530."""

    refusal = (530, b"5.7.0 Authentication required")

    def send_messages(self, messages):
        import smtplib

        code, text = self.refusal
        raise smtplib.SMTPSenderRefused(code, text, messages[0].from_email)


@pytest.mark.parametrize("refusal", [(530, b"Authentication required"), (553, b"Not yours")])
def test_a_refused_sender_keeps_every_mail_waiting_until_the_setting_is_fixed(
    clock, settings, refusal, monkeypatch
):
    """A refusal of the sender is the configuration's, not one mail's: it gave every mail
    up after five runs."""
    monkeypatch.setattr(SenderRefusingBackend, "refusal", refusal)
    settings.EMAIL_BACKEND = f"{__name__}.SenderRefusingBackend"
    put("k1")
    put("k2", to="anden@example.dk")
    for _ in range(sending.MAX_ATTEMPTS + 2):
        clock.advance(hours=7)
        result = sending.send_batch()
        assert result.server_down and result.waiting == 2 and not result.given_up
    assert not Mail.objects.filter(given_up_at__isnull=False).exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # fixed
    clock.advance(hours=7)
    run()
    assert sorted(m.to[0] for m in mail.outbox) == ["anden@example.dk", "forælder@example.dk"]


def test_a_sender_django_cannot_write_keeps_every_mail_waiting(clock, settings):
    """An unquoted comma in DEFAULT_FROM_EMAIL's name: every mail was given up at once."""
    from django.core import checks

    settings.DEFAULT_FROM_EMAIL = "Ballerup Kommune, Børn og Familie <noreply@ballerup.dk>"
    errors = [e for e in checks.run_checks() if e.id == "outbox.E001"]
    assert errors and "DEFAULT_FROM_EMAIL" in errors[0].msg
    put("k1")
    put("k2", to="anden@example.dk")
    run()
    assert not mail.outbox and not Mail.objects.filter(given_up_at__isnull=False).exists()
    assert "DEFAULT_FROM_EMAIL" in Mail.objects.first().last_error

    settings.DEFAULT_FROM_EMAIL = '"Ballerup Kommune, Børn og Familie" <noreply@ballerup.dk>'
    assert not [e for e in checks.run_checks() if e.id == "outbox.E001"]
    clock.advance(hours=1)
    run()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "username", ["admin", "leder-baltorp", "kultur-baltorp", "kontakt-valhalla"]
)
def test_an_administrator_sends_given_up_mails_again_and_nobody_else_can(client, demo, username):
    """After a wrong setting or a full mailbox is fixed: the given-up mail waits again and
    goes out once; a mail already sent is never sent again. The action is a door: only
    administrators get through, whoever POSTs it."""
    from django.utils import timezone

    from tests.conftest import login

    put("given-up")
    put("sent", to="anden@example.dk")
    now = timezone.now()
    Mail.objects.filter(key="given-up").update(given_up_at=now, attempts=5, last_error="550")
    Mail.objects.filter(key="sent").update(sent_at=now)
    login(client, username)
    response = client.post(
        "/admin/outbox/mail/",
        {
            "action": "send_again",
            "_selected_action": list(Mail.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )
    given_up = Mail.objects.get(key="given-up")
    if username != "admin":
        assert given_up.given_up_at is not None
        assert (
            response.status_code in (403, 200)
            and "1 mail sendes igen" not in response.content.decode()
        )
        return
    assert "1 mail sendes igen ved næste kørsel." in response.content.decode()
    assert given_up.given_up_at is None and given_up.attempts == 0
    mail.outbox.clear()
    run()
    assert [m.to for m in mail.outbox] == [["forælder@example.dk"]]
    assert Mail.objects.get(key="sent").sent_at == now
