"""A booking's private calendar event is named after its performance: a performance given
a new title gives the events of its bookings a new version (``BookingQuerySet.bump_feed``),
so calendar programs take the new name. (A showing's new time or place does the same in
``Showing.save``.)"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from culture.models import Event

from .models import Booking


@receiver(pre_save, sender=Event, dispatch_uid="bookings-event-title")
def event_renamed(sender, instance, raw, using, **kwargs):
    if raw or instance.pk is None:
        return
    before = Event.objects.using(using).filter(pk=instance.pk).values_list("title", flat=True)
    if before.first() not in (None, instance.title):
        Booking.objects.using(using).filter(showing__offer__event=instance).bump_feed()
