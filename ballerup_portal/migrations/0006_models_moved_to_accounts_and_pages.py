"""The account history moved to ``accounts``, the site settings to ``pages``: removed from
this app's state only. The tables and their rows stay; the new apps' first migrations
take them over (``db_table``) and move the content types."""

from django.db import migrations

MOVED = [
    # The links' history first: each points at its historical model.
    "HistoricalGroup_permissions",
    "HistoricalUser_groups",
    "HistoricalGroup",
    "HistoricalUser",
    "HistoricalSiteSettings",
    "SiteSettings",
]


class Migration(migrations.Migration):
    dependencies = [("ballerup_portal", "0005_merge_content_version_danish_names")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name=name) for name in MOVED],
            database_operations=[],
        )
    ]
