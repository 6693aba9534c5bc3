"""A district's page lists its houses, so a house taken out of a district changes the
district's page: the district gets a version in its history then (who did it, and which
house, as the change reason), which moves its "Sidst opdateret" and shows staff the
change in the district's own history; so does a house deleted (its links go without an
m2m_changed signal). A house added to a district, or renamed, needs nothing here: its
own history is read through the link it has now (``DistrictQuerySet.with_last_changed``)."""

from django.db.models.signals import m2m_changed, pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext
from simple_history.utils import update_change_reason

from .models import District, Institution


def record_removal(district_ids, institution_ids, using, deleted=False):
    names = dict(
        Institution.objects.using(using).filter(pk__in=institution_ids).values_list("pk", "name")
    )
    for district in District.objects.using(using).filter(pk__in=district_ids):
        district.save(using=using)
        if deleted:
            reason = gettext("Institution slettet: %(names)s")
        else:
            reason = gettext("Fjernet fra distriktet: %(names)s")
        reason %= {"names": ", ".join(sorted(names.values()))}
        update_change_reason(district, reason[:100])


@receiver(pre_delete, sender=Institution, dispatch_uid="districts-house-deleted")
def house_deleted(sender, instance, using, origin=None, **kwargs):
    linked = Institution.districts.through.objects.using(using)
    ids = list(linked.filter(institution_id=instance.pk).values_list("district_id", flat=True))
    if ids:
        record_removal(ids, [instance.pk], using, deleted=True)


@receiver(m2m_changed, sender=Institution.districts.through, dispatch_uid="districts-house-removed")
def house_removed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action == "pre_clear":
        linked = sender.objects.using(using)
        if reverse:  # a district's houses cleared
            ids = list(
                linked.filter(district_id=instance.pk).values_list("institution_id", flat=True)
            )
            if ids:
                record_removal([instance.pk], ids, using)
        else:  # an institution's districts cleared
            ids = list(
                linked.filter(institution_id=instance.pk).values_list("district_id", flat=True)
            )
            if ids:
                record_removal(ids, [instance.pk], using)
    elif action == "post_remove" and pk_set:
        if reverse:
            record_removal([instance.pk], pk_set, using)
        else:
            record_removal(pk_set, [instance.pk], using)
