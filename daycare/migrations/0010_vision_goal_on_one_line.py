"""The vision's third goal is one goal: 001 breaks "Dagtilbuddet mestrer engagement, mod
og handlekraft" over two bullet lines ("• Dagtilbuddet mestrer / • Engagement, mod og
handlekraft"), and its section heading gives it whole. The seed had two bullets, so the
page showed four goals instead of three.

The two bullets become one only where both still hold the seed's text exactly: a text
an administrator has edited is theirs and stays as it is. The change is recorded in the
bullets' history, with its reason, as a save in the admin would record it."""

from django.db import migrations
from django.utils import timezone

FIRST, SECOND = "Dagtilbuddet mestrer", "Engagement, mod og handlekraft"
MERGED = "Dagtilbuddet mestrer engagement, mod og handlekraft"
REASON = "Ét mål i kilden, delt over to linjer: samlet i ét punkt"
TRACKED = ("id", "section_id", "position", "text")


def merge_goal(apps, schema_editor):
    Bullet = apps.get_model("daycare", "Bullet")
    HistoricalBullet = apps.get_model("daycare", "HistoricalBullet")
    alias = schema_editor.connection.alias
    bullets = Bullet.objects.using(alias)
    sections = set(bullets.filter(text=FIRST).values_list("section_id", flat=True)) & set(
        bullets.filter(text=SECOND).values_list("section_id", flat=True)
    )
    now = timezone.now()
    for section_id in sections:
        first = bullets.filter(section_id=section_id, text=FIRST).order_by("position", "pk")[0]
        second = bullets.filter(section_id=section_id, text=SECOND).order_by("position", "pk")[0]
        first.text = MERGED
        first.save()  # the field makes its HTML (``MarkdownHTMLField``) on save
        deleted = {name: getattr(second, name) for name in TRACKED}
        second.delete()
        HistoricalBullet.objects.using(alias).bulk_create(
            [
                HistoricalBullet(
                    **{name: getattr(first, name) for name in TRACKED},
                    history_date=now,
                    history_type="~",
                    history_change_reason=REASON,
                ),
                HistoricalBullet(
                    **deleted, history_date=now, history_type="-", history_change_reason=REASON
                ),
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("daycare", "0009_closing_day_places_changed")]

    operations = [migrations.RunPython(merge_goal, migrations.RunPython.noop)]
