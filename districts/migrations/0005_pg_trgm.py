"""PostgreSQL's pg_trgm extension, for the site search's trigram similarity
(search/engine.py). Nothing on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class TrigramExtensionOnPostgres(TrigramExtension):
    """``CREATE EXTENSION IF NOT EXISTS pg_trgm`` on PostgreSQL (a trusted extension:
    the database's owner may create it); does nothing on another database, either way."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0004_culture_roles_move_to_seats"),
    ]

    operations = [TrigramExtensionOnPostgres()]
