"""``ContentVersion``, moved here from ``ballerup_portal``: added to this app's state only,
on the table that app made (``ballerup_portal_contentversion``), with its row; its content
type (and so its permissions) moves along."""

from django.db import migrations, models


def move_content_type(apps, schema_editor, source="ballerup_portal", target="caching"):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    old = content_types.filter(app_label=source, model="contentversion")
    if content_types.filter(app_label=target, model="contentversion").exists():
        old.delete()
    else:
        old.update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="caching", target="ballerup_portal")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ballerup_portal", "0006_content_version_moves_to_caching"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("value", models.CharField(max_length=32)),
                    ],
                    options={
                        "verbose_name": "indholdsversion",
                        "verbose_name_plural": "indholdsversioner",
                        "db_table": "ballerup_portal_contentversion",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
