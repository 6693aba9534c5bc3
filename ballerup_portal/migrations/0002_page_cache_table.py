"""The database cache's table (settings.CACHES), created by `migrate` so that every
fresh database, test database and deploy has it; same as `manage.py createcachetable`."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("ballerup_portal", "0001_account_history")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
