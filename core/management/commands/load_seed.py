"""Load the seed fixtures without touching what staff have changed.

``loaddata`` would overwrite every field of an existing row, wiping a phone number a
district leader entered. This command never overwrites a row, so running ``make run`` or
a deploy again keeps the data and duplicates nothing. Each app names its fixtures (files
in ``fixtures/``) in ``<app>/seed.py`` (``core.contributions``): ``FIXTURES = [(name,
mode)]``, loaded app by app in the order of ``INSTALLED_APPS``, and says how each is
loaded:

- ``"once"`` (the facts from the sources): only into tables that are empty and have no
  history (the audit history keeps a record of every row ever saved, deleted ones
  included). After that the facts are the staff's: a later load brings back no
  institution they deleted, not even when they deleted every age band, and trips over
  no web address they changed.
- ``"update"`` (the staff groups): missing rows are added (matched by natural key), and a
  group's permissions are set to the fixture's: they define the role and belong to the
  code, so a new release's ``groups.json`` reaches a database that has the group.
"""

import json

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.management.color import no_style
from django.db import connection, transaction

from core.contributions import modules

SEED_CHANGE_REASON = "Grunddata fra kilderne"

# (app_label, model) → many-to-many fields the fixture owns and brings up to date.
SYNCED_M2M = {("auth", "group"): ["permissions"]}


MODES = ("once", "update")


def seed_fixtures():
    """``(file name, mode)`` of every app's seed fixtures, in load order."""
    fixtures = []
    for config, module in modules("seed"):
        for name, mode in module.FIXTURES:
            if mode not in MODES:
                raise ValueError(f"{config.name}.seed: {name}: mode {mode!r} not in {MODES}")
            fixtures.append((name, mode))
    return fixtures


class Command(BaseCommand):
    help = "Indlæser grunddata fra fixtures/ og lader eksisterende rækker være."

    def handle(self, *args, **options):
        fixture_dir = settings.BASE_DIR / "fixtures"
        for name, mode in seed_fixtures():
            result = self.load(fixture_dir / name, mode)
            if options["verbosity"]:
                self.stdout.write(f"{name}: {result}")

    @transaction.atomic
    def load(self, path, mode):
        text = path.read_text(encoding="utf-8")
        if mode == "once":
            # Checked before deserializing: natural keys staff have since changed (a
            # district's web address) would not resolve any more.
            labels = {entry["model"] for entry in json.loads(text)}
            if any(self.loaded_before(apps.get_model(label)) for label in labels):
                return "findes allerede; rettes nu af medarbejderne, ikke af grunddata"
        added = kept = updated = 0
        models = set()
        for item in serializers.deserialize("json", text, handle_forward_references=True):
            model = type(item.object)
            models.add(model)
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
        self.reset_sequences(models)
        return f"{added} tilføjet, {kept} fandtes allerede, {updated} opdateret"

    def loaded_before(self, model):
        """Rows now, or a history record of any row ever saved: a table staff emptied
        stays empty."""
        if model._default_manager.exists():
            return True
        history = getattr(model, "history", None)
        return history is not None and history.exists()

    def reset_sequences(self, models):
        """Rows saved with the fixture's ids leave PostgreSQL's id sequences behind; the
        next row staff add would then collide with a seeded one (as loaddata avoids)."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(models))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

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
        if item.m2m_data:
            self.one_first_version(item.object)

    def one_first_version(self, obj):
        """Setting the links records a second version; the first one, without links,
        could not be restored ("Dette felt er påkrævet"). Keep one creation version that
        has both the fields and the links."""
        history = getattr(obj, "history", None)
        if history is None:
            return
        *earlier, last = history.order_by("history_id")
        if earlier:
            model = type(last)
            model.objects.filter(pk__in=[record.pk for record in earlier]).delete()
            model.objects.filter(pk=last.pk).update(history_type="+")

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
