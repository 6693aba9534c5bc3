"""The history of staff accounts and groups, moved here from ``ballerup_portal``.

The history tables keep their names (``db_table``), except the two of the links' history,
which simple-history names after the app and which are renamed; the content types move
with their permissions. ``ballerup_portal/migrations/0006`` removed the models there.
"""

import django.contrib.auth.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def move_content_types(models, old, new):
    """The content types of ``models`` move from app ``old`` to ``new``: their
    permissions (and the groups holding them), admin log entries and history keep
    pointing at them."""

    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        db = schema_editor.connection.alias
        for model in models:
            moving = ContentType.objects.using(db).filter(app_label=old, model=model).first()
            if moving is None:
                continue  # a new database: post_migrate creates them under ``new``
            # One made under the new label meanwhile (a half-migrated database) has only
            # fresh permissions, which no group holds yet.
            made = ContentType.objects.using(db).filter(app_label=new, model=model).first()
            if made is not None:
                Permission.objects.using(db).filter(content_type=made).delete()
                made.delete()
            moving.app_label = new
            moving.save(update_fields=["app_label"])

    return move


MODELS = ["historicaluser", "historicaluser_groups", "historicalgroup", "historicalgroup_permissions"]
# simple-history gives the links' history no table name option: those two are renamed.
RENAMED = [
    ("HistoricalUser_groups", "ballerup_portal_historicaluser_groups"),
    ("HistoricalGroup_permissions", "ballerup_portal_historicalgroup_permissions"),
]


def rename_tables(forwards):
    def rename(apps, schema_editor):
        for name, old_table in RENAMED:
            model = apps.get_model("accounts", name)
            new_table = model._meta.db_table
            if forwards:
                schema_editor.alter_db_table(model, old_table, new_table)
            else:
                schema_editor.alter_db_table(model, new_table, old_table)

    return rename


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('ballerup_portal', '0006_models_moved_to_accounts_and_pages'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables exist (ballerup_portal/migrations/0001, 0003): only the state moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalGroup',
                    fields=[
                        ('id', models.IntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(db_index=True, max_length=150, verbose_name='name')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical group',
                        'verbose_name_plural': 'historical groups',
                        'db_table': 'ballerup_portal_historicalgroup',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalGroup_permissions',
                    fields=[
                        ('id', models.IntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('group', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='auth.group')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='accounts.historicalgroup')),
                        ('permission', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='auth.permission')),
                    ],
                    options={
                        'verbose_name': 'HistoricalGroup_permissions',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalUser',
                    fields=[
                        ('id', models.IntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                        ('username', models.CharField(db_index=True, error_messages={'unique': 'A user with that username already exists.'}, help_text='Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.', max_length=150, validators=[django.contrib.auth.validators.UnicodeUsernameValidator()], verbose_name='username')),
                        ('first_name', models.CharField(blank=True, max_length=150, verbose_name='first name')),
                        ('last_name', models.CharField(blank=True, max_length=150, verbose_name='last name')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email address')),
                        ('is_staff', models.BooleanField(default=False, help_text='Designates whether the user can log into this admin site.', verbose_name='staff status')),
                        ('is_active', models.BooleanField(default=True, help_text='Designates whether this user should be treated as active. Unselect this instead of deleting accounts.', verbose_name='active')),
                        ('date_joined', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date joined')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical user',
                        'verbose_name_plural': 'historical users',
                        'db_table': 'ballerup_portal_historicaluser',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalUser_groups',
                    fields=[
                        ('id', models.IntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('group', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='auth.group')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='accounts.historicaluser')),
                        ('user', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'HistoricalUser_groups',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_tables(True), rename_tables(False)),
        migrations.RunPython(
            move_content_types(MODELS, "ballerup_portal", "accounts"),
            move_content_types(MODELS, "accounts", "ballerup_portal"),
        ),
    ]
