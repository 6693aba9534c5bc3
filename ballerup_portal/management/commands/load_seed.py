"""Load the seed facts from ``fixtures/`` without touching what staff have changed.

``loaddata`` would overwrite every field of an existing row, wiping a phone number a
district leader entered. This command only adds rows that are missing (matched by
natural key), so running ``make run`` again keeps the data and duplicates nothing.
"""

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Indlæser grunddata fra fixtures/ og lader eksisterende rækker være."

    def handle(self, *args, **options):
        fixture_dir = settings.BASE_DIR / "fixtures"
        for name in settings.SEED_FIXTURES:
            added, kept = self.load(fixture_dir / name)
            if options["verbosity"]:
                self.stdout.write(f"{name}: {added} tilføjet, {kept} fandtes allerede")

    @transaction.atomic
    def load(self, path):
        added = kept = 0
        with open(path, encoding="utf-8") as fh:
            for item in serializers.deserialize("json", fh, handle_forward_references=True):
                if (
                    item.object.pk is not None
                    and type(item.object).objects.filter(pk=item.object.pk).exists()
                ):
                    kept += 1
                    continue
                item.save()
                added += 1
        return added, kept
