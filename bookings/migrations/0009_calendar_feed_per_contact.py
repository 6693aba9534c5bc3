"""A booking calendar's private address belongs to one contact person (institution and
user) instead of being the institution's one shared address: a contact who leaves the
house, or whose account is closed, no longer reads its bookings, and the others keep
theirs.

The shared addresses cannot be attributed to a user (any contact who saw the page may
have copied one), so they are deleted first: no address outlives the person who holds
it. Each contact gets a new address once, on "Vores bookinger" ("Opret din kalender"), and
subscribes to it again. Going back deletes the per-contact addresses too (an institution
had one address then, so there is no one of several to keep)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def delete_every_feed(apps, schema_editor):
    apps.get_model("bookings", "CalendarFeed").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0008_booking_feed_version"),
        ("districts", "0008_merge_0007_culture_contact_role_0007_danish_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(delete_every_feed, migrations.RunPython.noop),
        migrations.AddField(
            model_name="calendarfeed",
            name="user",
            # No row is left to fill: the table is empty after the step above.
            field=models.ForeignKey(
                default=None,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="booking_calendars",
                to=settings.AUTH_USER_MODEL,
                verbose_name="bruger",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="calendarfeed",
            name="institution",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="booking_calendars",
                to="districts.institution",
                verbose_name="institution",
            ),
        ),
        migrations.AddConstraint(
            model_name="calendarfeed",
            constraint=models.UniqueConstraint(
                fields=("institution", "user"), name="one_booking_calendar_per_contact"
            ),
        ),
        # Run last when going back (before the one-per-institution constraint returns).
        migrations.RunPython(migrations.RunPython.noop, delete_every_feed),
    ]
