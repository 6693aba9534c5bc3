"""Move waiting bookings up where places were released (a district's allotment runs out
by date), then put a reminder in the outbox for every confirmed booking whose showing
is at most two days away and has not begun: one per booking, showing and start time
(the outbox's key), so a booking confirmed or moved up inside the two days, a day the
command did not run, or a showing postponed after its reminder, still gets one. Run it
daily, before ``send_notifications``; twice adds nothing."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from bookings import mails, services
from bookings.constants import BookingStatus
from bookings.models import Booking, Showing
from outbox.models import Mail

# A reminder is made on the day two days before the showing at the earliest: less than
# three days before it starts.
REMINDER_WINDOW = timedelta(days=3)


class Command(BaseCommand):
    help = "Lægger påmindelser om forestillinger om to dage i udbakken."

    def handle(self, *args, **options):
        now = timezone.now()
        waiting = Showing.objects.filter(
            starts_at__gt=now, bookings__status=BookingStatus.WAITING
        ).distinct()
        promoted = sum(
            len(services.promote_waiting(pk)) for pk in waiting.values_list("pk", flat=True)
        )
        last_day = timezone.localdate() + timedelta(days=2)
        bookings = Booking.objects.for_listing().filter(
            status=BookingStatus.CONFIRMED,
            showing__starts_at__gt=now,
            showing__starts_at__date__lte=last_day,
        )
        bookings = list(bookings)
        # Reminders put in the outbox before the start time was part of the key: one
        # made at most REMINDER_WINDOW before the showing's start was for this start.
        legacy = dict(
            Mail.objects.filter(
                key__in=[mails.legacy_reminder_key(b) for b in bookings]
            ).values_list("key", "created")
        )
        count = 0
        with transaction.atomic():
            for booking in bookings:
                made = legacy.get(mails.legacy_reminder_key(booking))
                if made is not None and booking.showing.starts_at - made <= REMINDER_WINDOW:
                    continue
                mails.enqueue("reminder", booking)
                count += 1
        if options["verbosity"]:
            self.stdout.write(f"{count} påmindelser lagt i udbakken, {promoted} rykket op")
