from django.dispatch import Signal

# Sent by ``manage.py send_notifications`` before it sends: a receiver enqueues the mails
# that the clock makes due (with idempotent keys, since the command runs every few minutes).
before_sending = Signal()
