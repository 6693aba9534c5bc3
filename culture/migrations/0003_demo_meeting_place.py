"""A local demo database's past network meetings had the place "Demodata", which the
page printed as a stray ", Demodata" (issue 23.6), and the demo performances' venue
"Demodata: salen"; the demo badge marks them already.
Only demo rows (``is_demo``) with exactly that place are touched; production has none."""

from django.db import migrations


def forwards(apps, schema_editor):
    Meeting = apps.get_model("culture", "Meeting")
    Meeting.objects.filter(is_demo=True, place="Demodata").update(place="Netværkets mødelokale")
    Event = apps.get_model("culture", "Event")
    Event.objects.filter(is_demo=True, venue="Demodata: salen").update(venue="Salen")


class Migration(migrations.Migration):
    dependencies = [("culture", "0002_event_end")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
