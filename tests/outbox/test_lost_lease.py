"""A sender that lost its lease on a mail (its SMTP server was slow past the lease, the
process was paused) while another sender took the mail over: whatever the first one's
answer turns out to be, it must not touch the mail the second one now holds, nor undo
what the second one recorded. A real SMTP server on loopback (aiosmtpd) that answers when
the test says, two senders in threads taking turns on the test's database connection, and
a controlled clock."""

import asyncio
import smtplib
import threading
from dataclasses import dataclass, field

import pytest
from aiosmtpd.smtp import SMTP
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, connections

import outbox
from outbox import sending
from outbox.models import Mail

pytestmark = pytest.mark.django_db

WAIT = 10  # seconds: only reached when the test is broken


@dataclass
class Answer:
    """The server's answer to the next mail, given when ``release`` is set."""

    reply: str = "250 OK"
    release: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Event = field(default_factory=threading.Event)


class Server:
    """An SMTP handler answering each mail with the next of ``answers``; ``delivered``
    holds the recipients of the mails it accepted."""

    def __init__(self):
        self.answers = []
        self.delivered = []

    async def handle_DATA(self, server, session, envelope):
        answer = self.answers.pop(0)
        answer.arrived.set()
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, answer.release.wait, WAIT)
        if answer.reply.startswith("250"):
            self.delivered += envelope.rcpt_tos
        return answer.reply


@pytest.fixture
def server(settings):
    handler = Server()
    loop = asyncio.new_event_loop()
    listening = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, hostname="smtp.test"), "127.0.0.1", 0)
    )
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = listening.sockets[0].getsockname()[1]
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=WAIT)
    listening.close()
    loop.run_until_complete(listening.wait_closed())
    loop.close()


class Sender(threading.Thread):
    """One ``send_batch`` run in its own thread, on the test's database connection (the
    runs take turns: each waits in the SMTP server while another uses it)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.shared = connections["default"]
        self.result = self.error = None

    def run(self):
        connections["default"] = self.shared
        try:
            self.result = sending.send_batch()
        except Exception as error:  # noqa: BLE001 - asserted by the test
            self.error = error

    def finish(self):
        self.join(timeout=WAIT)
        assert not self.is_alive() and self.error is None, self.error
        return self.result


@pytest.fixture
def shared_connection():
    connection.inc_thread_sharing()
    yield
    connection.dec_thread_sharing()


@pytest.mark.usefixtures("shared_connection")
def test_a_sender_that_lost_its_lease_does_not_put_back_the_mail_another_sender_holds(
    clock, server
):
    outbox.enqueue(key="k1", to="forælder@example.dk", subject="Emne", text="Tekst")
    first, second, third = Answer("451 4.3.0 Try again later"), Answer(), Answer()
    third.release.set()
    server.answers = [first, second, third]

    a = Sender()
    a.start()
    assert first.arrived.wait(WAIT)  # A is in the middle of the mail; the server is slow
    clock.advance(minutes=11)  # … past A's lease: B takes the mail over
    b = Sender()
    b.start()
    assert second.arrived.wait(WAIT)
    first.release.set()  # A's answer at last: 451, try again later
    a.finish()
    # A no longer held the mail: it stays B's, untouched by A's answer.
    held = Mail.objects.get()
    assert held.claimed_until == clock.now + sending.LEASE
    assert held.attempts == 0 and held.last_error == ""

    clock.advance(minutes=2)  # a third run, while B still waits for its answer
    assert sending.send_batch().sent == 0
    second.release.set()
    assert b.finish().sent == 1

    assert server.delivered == ["forælder@example.dk"]
    sent = Mail.objects.get()
    assert sent.sent_at is not None and sent.attempts == 1
    clock.advance(hours=7)
    assert sending.send_batch().sent == 0


class LeaseLostBackend(EmailBackend):
    """In-memory; the first mail is slow: while it is on its way, the lease runs out and
    another run (``then``) sends the same mail; then the slow one answers ``answer``."""

    clock = then = answer = None
    calls = 0

    def send_messages(self, messages):
        LeaseLostBackend.calls += 1
        if LeaseLostBackend.calls == 1:
            LeaseLostBackend.clock.advance(minutes=11)
            LeaseLostBackend.then()
            if LeaseLostBackend.answer is not None:
                raise LeaseLostBackend.answer
        return super().send_messages(messages)


@pytest.mark.parametrize(
    "answer",
    [None, smtplib.SMTPRecipientsRefused({"forælder@example.dk": (550, b"No such user")})],
    ids=["accepted", "refused for good"],
)
def test_a_late_answer_to_a_sender_that_lost_its_lease_does_not_undo_the_other_senders_mark(
    clock, settings, answer
):
    """The other run sent the mail and marked it. The late answer of the first run (also
    accepted: the rare resend the lease cannot rule out, with the same Message-ID; or
    refused for good at its last attempt) leaves that record as it is."""
    outbox.enqueue(key="k1", to="forælder@example.dk", subject="Emne", text="Tekst")
    Mail.objects.update(attempts=sending.MAX_ATTEMPTS - 1)
    settings.EMAIL_BACKEND = "tests.outbox.test_lost_lease.LeaseLostBackend"
    LeaseLostBackend.calls, LeaseLostBackend.clock, LeaseLostBackend.answer = 0, clock, answer
    marks = []

    def other_run():
        assert sending.send_batch().sent == 1
        marks.append(Mail.objects.values("sent_at", "attempts", "given_up_at").get())

    LeaseLostBackend.then = other_run
    sending.send_batch()
    assert Mail.objects.values("sent_at", "attempts", "given_up_at").get() == marks[0]
    assert marks[0]["given_up_at"] is None
    assert len(mail.outbox) == (2 if answer is None else 1)
