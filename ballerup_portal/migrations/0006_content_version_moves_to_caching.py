"""``ContentVersion`` moved to the ``caching`` app: removed from this app's state only; the
table and its row stay (``caching`` 0001 takes them over under the same table name)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ballerup_portal", "0005_merge_content_version_danish_names"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentVersion")],
            database_operations=[],
        ),
    ]
