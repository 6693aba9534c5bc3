"""Load the seed facts from ``fixtures/`` without touching what staff have changed.

``loaddata`` would overwrite every field of an existing row, wiping a phone number a
district leader entered. This command only adds rows that are missing (matched by
natural key), so running ``make run`` again keeps the data and duplicates nothing.

The one exception is a staff group's permissions: they define the role, they belong to
the code and not to staff, so a new release's ``groups.json`` must reach a database that
already has the group. Those many-to-many links are set to the fixture's on every load.
"""

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import transaction

SEED_CHANGE_REASON = "Grunddata fra kilderne"

# (app_label, model) → many-to-many fields the fixture owns and brings up to date.
SYNCED_M2M = {("auth", "group"): ["permissions"]}


class Command(BaseCommand):
    help = "Indlæser grunddata fra fixtures/ og lader eksisterende rækker være."

    def handle(self, *args, **options):
        fixture_dir = settings.BASE_DIR / "fixtures"
        for name in settings.SEED_FIXTURES:
            added, kept, updated = self.load(fixture_dir / name)
            if options["verbosity"]:
                self.stdout.write(
                    f"{name}: {added} tilføjet, {kept} fandtes allerede, {updated} opdateret"
                )

    @transaction.atomic
    def load(self, path):
        added = kept = updated = 0
        with open(path, encoding="utf-8") as fh:
            for item in serializers.deserialize("json", fh, handle_forward_references=True):
                model = type(item.object)
                existing = None
                if item.object.pk is not None:
                    existing = model._default_manager.filter(pk=item.object.pk).first()
                if existing is None:
                    self.add(item)
                    added += 1
                    continue
                kept += 1
                if self.sync_m2m(existing, item.m2m_data):
                    updated += 1
        return added, kept, updated

    def add(self, item):
        """Save a new row as a normal save, not a raw one as ``loaddata`` does, so the
        audit history starts with it: the first staff change then shows the seed value
        it replaced."""
        if item.deferred_fields:
            item.save()  # forward references: only the deserializer can resolve them
            return
        item.object._change_reason = SEED_CHANGE_REASON
        item.object.save()
        for field, values in item.m2m_data.items():
            getattr(item.object, field).set(values)

    def sync_m2m(self, existing, m2m_data):
        """Set the fixture-owned links of an existing row; True if any changed."""
        opts = existing._meta
        changed = False
        for field in SYNCED_M2M.get((opts.app_label, opts.model_name), []):
            wanted = {int(pk) for pk in m2m_data.get(field, [])}
            manager = getattr(existing, field)
            if set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(wanted)
                changed = True
        return changed
