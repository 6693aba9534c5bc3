"""Send the mails waiting in the outbox (outbox/sending.py). Run every few minutes by cron
or a systemd timer (docs/operations.md, "E-mail")."""

from django.core.management.base import BaseCommand

from outbox import sending
from outbox.signals import before_sending


class Command(BaseCommand):
    help = "Sender de mails, der venter i udbakken, i portioner."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=50)
        parser.add_argument("--max-batches", type=int, default=20)

    def handle(self, *args, batch_size, max_batches, **options):
        # Apps put the mails that are due by the clock (a deadline in three days, the
        # weekly digest) in the outbox first; their keys make a second run add nothing.
        before_sending.send(sender=self.__class__)
        result = sending.send_due(batch_size=batch_size, max_batches=max_batches)
        sending.prune()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Sendt: {result.sent}. Venter: {result.waiting}. Opgivet: {result.given_up}."
            )
