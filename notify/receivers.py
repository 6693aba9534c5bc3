"""What puts notices in the outbox: saved content (signals) and the clock (before each
``send_notifications`` run)."""

from outbox.signals import before_sending


def on_send(sender, **kwargs):
    from .signup import clean_up

    clean_up()


def connect():
    before_sending.connect(on_send, dispatch_uid="notify_before_sending")
