"""A place of alternative care is part of its closing day's calendar entry: saving,
deleting or changing the houses of one gives the day's feed entry a new version
(``ClosingDay.bump_feed``), so calendar programs take the new text."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import AlternativeCare, ClosingDay


@receiver(post_save, sender=AlternativeCare, dispatch_uid="daycare-place-saved")
@receiver(post_delete, sender=AlternativeCare, dispatch_uid="daycare-place-deleted")
def place_changed(sender, instance, using, **kwargs):
    ClosingDay.bump_feed(instance.closing_day_id, using)


@receiver(m2m_changed, sender=AlternativeCare.houses.through, dispatch_uid="daycare-houses")
def houses_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if not reverse:
        if action.startswith("post_"):
            ClosingDay.bump_feed(instance.closing_day_id, using)
        return
    # From a house's side: every place it joins or leaves (all of them, when cleared).
    places = AlternativeCare.objects.using(using)
    if action == "pre_clear":
        places = places.filter(houses=instance)
    elif action in ("post_add", "post_remove"):
        places = places.filter(pk__in=pk_set)
    else:
        return
    for pk in places.values_list("closing_day_id", flat=True).distinct():
        ClosingDay.bump_feed(pk, using)
