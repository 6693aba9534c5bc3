"""What puts notices in the outbox: saved content (model signals, inside the transaction
of the save, so the notice and the content are committed together) and the clock (before
each ``send_notifications`` run)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from outbox.signals import before_sending


def _before(model, instance, fields):
    if instance.pk is None:
        return None
    return model.objects.filter(pk=instance.pk).values(*fields).first()


def closing_day_before(sender, instance, raw=False, **kwargs):
    if not raw:
        fields = ("status", *sender.WATCHED_FIELDS)
        instance.notify_before = _before(sender, instance, fields)


def closing_day_saved(sender, instance, raw=False, **kwargs):
    from . import notices

    if raw:
        return
    before = getattr(instance, "notify_before", None)
    if not instance.is_published:
        if before is not None and before["status"] != instance.status:
            # Made a draft again: what still waits to tell parents of it is withdrawn.
            notices.closing_day_withdrawn(instance)
        return
    with transaction.atomic():
        if before is None or before["status"] != instance.status:
            notices.closing_day_published(instance)
        elif any(before[f] != getattr(instance, f) for f in sender.WATCHED_FIELDS):
            notices.closing_day_published(instance, changed=True)


def closing_day_deleted(sender, instance, **kwargs):
    from . import notices

    notices.closing_day_withdrawn(instance)


def alternative_care_deleted(sender, instance, **kwargs):
    from . import notices

    notices.alternative_care_withdrawn(instance)


def alternative_care_houses(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    from daycare.models import AlternativeCare

    from . import notices

    if action not in ("post_add", "post_remove"):
        return
    # From the house's side (``house.<related>.add(care)``) the places changed are pk_set.
    cares = AlternativeCare.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    with transaction.atomic():
        for care in cares:
            notices.alternative_care_changed(care)


def report_before(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.notify_before = _before(sender, instance, ("published",))


def report_saved(sender, instance, raw=False, **kwargs):
    from . import notices

    before = getattr(instance, "notify_before", None)
    if not raw and instance.published and not (before and before["published"]):
        with transaction.atomic():
            notices.report_published(instance)


def meeting_before(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.notify_before = _before(sender, instance, ("published", "minutes"))


def meeting_saved(sender, instance, raw=False, **kwargs):
    from . import notices

    before = getattr(instance, "notify_before", None)
    had_minutes = bool(before and before["published"] and before["minutes"].strip())
    if not raw and instance.published and instance.minutes.strip() and not had_minutes:
        with transaction.atomic():
            notices.minutes_published(instance)


def on_send(sender, **kwargs):
    from . import digest, notices
    from .signup import clean_up

    clean_up()
    notices.deadline_reminders()
    digest.enqueue_digests()


def connect():
    from daycare.models import AlternativeCare, ClosingDay, InspectionReport
    from governance.models import BoardMeeting

    for model, before, saved in (
        (ClosingDay, closing_day_before, closing_day_saved),
        (InspectionReport, report_before, report_saved),
        (BoardMeeting, meeting_before, meeting_saved),
    ):
        uid = f"notify_{model._meta.model_name}"
        pre_save.connect(before, sender=model, dispatch_uid=f"{uid}_before")
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}_saved")
    post_delete.connect(
        closing_day_deleted, sender=ClosingDay, dispatch_uid="notify_closingday_deleted"
    )
    post_delete.connect(
        alternative_care_deleted, sender=AlternativeCare, dispatch_uid="notify_care_deleted"
    )
    m2m_changed.connect(
        alternative_care_houses,
        sender=AlternativeCare.houses.through,
        dispatch_uid="notify_alternative_care_houses",
    )
    before_sending.connect(on_send, dispatch_uid="notify_before_sending")
