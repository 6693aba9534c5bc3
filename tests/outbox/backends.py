"""Mail backends that fail the way real ones do, around Django's in-memory outbox."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class DownBackend(EmailBackend):
    """A mail server that cannot be reached."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")


class CrashingBackend(EmailBackend):
    """The sending process dies (killed, out of memory) at the third mail it sends."""

    crash_at = 3
    sent = 0

    def send_messages(self, messages):
        CrashingBackend.sent += 1
        if CrashingBackend.sent == self.crash_at:
            raise SystemExit("killed")
        return super().send_messages(messages)


class RefusingBackend(EmailBackend):
    """The server refuses one recipient for good (550) and takes the rest."""

    def send_messages(self, messages):
        for message in messages:
            if "ukendt" in message.to[0]:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)


class DroppingBackend(EmailBackend):
    """The server goes away after the first mail of a connection."""

    def send_messages(self, messages):
        from django.core import mail

        if len(mail.outbox) >= 1:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
