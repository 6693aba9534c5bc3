"""Addresses are stored in lower case (``notify.signup.normalise``). Subscribers whose
addresses differ only in case are one mailbox: merged into the oldest (confirmed first),
with every choice either of them had, so no parent loses a notice and none gets two."""

from django.db import migrations
from django.db.models.functions import Lower


def merge(apps, schema_editor):
    Subscriber = apps.get_model("notify", "Subscriber")
    Subscription = apps.get_model("notify", "Subscription")
    groups = {}
    for subscriber in Subscriber.objects.order_by("confirmed_at", "pk"):
        groups.setdefault(subscriber.email.lower(), []).append(subscriber)
    for email, (kept, *others) in groups.items():
        # Confirmed ones sort before unconfirmed on PostgreSQL but after on SQLite (NULL).
        confirmed = [s for s in [kept, *others] if s.confirmed_at is not None]
        if confirmed and kept.confirmed_at is None:
            kept = confirmed[0]
        others = [s for s in groups[email] if s.pk != kept.pk]
        have = set(
            Subscription.objects.filter(subscriber=kept).values_list("topic", "district", "house")
        )
        for other in others:
            for subscription in Subscription.objects.filter(subscriber=other):
                place = (subscription.topic, subscription.district_id, subscription.house_id)
                if place not in have:
                    have.add(place)
                    Subscription.objects.create(
                        subscriber=kept,
                        topic=subscription.topic,
                        district_id=subscription.district_id,
                        house_id=subscription.house_id,
                    )
            other.delete()
        if kept.email != email:
            Subscriber.objects.filter(pk=kept.pk).update(email=Lower("email"))


class Migration(migrations.Migration):
    dependencies = [("notify", "0003_subscriber_choices_version")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
