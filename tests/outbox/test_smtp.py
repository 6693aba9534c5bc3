"""End to end: send_notifications through a real SMTP server on loopback (aiosmtpd), with
the production SMTP backend, and the headers read back from what the server received."""

import asyncio
import email
import email.policy
import threading

import pytest
from aiosmtpd.handlers import Message
from aiosmtpd.smtp import SMTP
from django.core.management import call_command

import outbox
from outbox.models import Mail

pytestmark = pytest.mark.django_db


class Received(Message):
    def __init__(self):
        super().__init__(message_class=email.message.EmailMessage)
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    """An SMTP server on 127.0.0.1 at a free port, in its own thread and event loop."""
    handler = Received()
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, hostname="smtp.test"), "127.0.0.1", 0)
    )
    port = server.sockets[0].getsockname()[1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield handler, port
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=5)
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()


def test_a_mail_goes_through_a_real_smtp_server_with_its_headers(smtp_server, settings):
    handler, port = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "Ballerup børneportal <noreply@ballerup.example>"

    outbox.enqueue(
        key="closing-day:1:published",
        to="forælder@example.dk",
        headers={
            "List-Unsubscribe": "<http://testserver/afmeld/abc>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        **outbox.render(
            "outbox/notice",
            {"subject": "Ny lukkedag: fredag den 18. december 2026", "paragraphs": ["Æbler"]},
        ),
    )
    call_command("send_notifications", verbosity=0)

    assert len(handler.messages) == 1
    received = email.message_from_bytes(handler.messages[0].as_bytes(), policy=email.policy.default)
    assert received["Subject"] == "Ny lukkedag: fredag den 18. december 2026"
    assert received["To"] == "forælder@example.dk"
    assert received["From"] == "Ballerup børneportal <noreply@ballerup.example>"
    assert received["Message-ID"] == outbox.message_id("closing-day:1:published")
    assert received["List-Unsubscribe"] == "<http://testserver/afmeld/abc>"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert received.get_content_type() == "multipart/alternative"
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert "Æbler" in text and "Æbler" in html
    assert Mail.objects.get().sent_at is not None


def test_nothing_listens_the_mails_wait(settings, caplog):
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    outbox.enqueue(key="k", to="a@example.dk", subject="Emne", text="Tekst")
    call_command("send_notifications", verbosity=0)
    mail = Mail.objects.get()
    assert mail.sent_at is None and mail.attempts == 1 and mail.last_error
    assert [r.exc_info for r in caplog.records if r.name == "outbox"] == [None]
