"""The site settings, moved here from ``ballerup_portal``: the tables keep their names
(``db_table``) and rows, the content types move with their permissions.
``ballerup_portal/migrations/0006`` removed the models there.
"""

import core.validators
import django.db.models.deletion
import pages.models
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


MODELS = ["sitesettings", "historicalsitesettings"]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('ballerup_portal', '0006_models_moved_to_accounts_and_pages'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables exist (ballerup_portal/migrations/0001, 0003): only the state moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalSiteSettings',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('phone', models.CharField(blank=True, help_text='Kommunens telefonnummer, som det skal stå på siderne.', max_length=20, validators=[core.validators.PhoneNumberValidator()], verbose_name='telefon')),
                        ('email', models.EmailField(blank=True, help_text='Adressen, borgere kan skrive til om portalen og tilgængelighed.', max_length=254, verbose_name='e-mail')),
                        ('postal_address', models.TextField(blank=True, help_text='Valgfri. Én linje pr. linje i adressen.', verbose_name='postadresse')),
                        ('contact_page', models.URLField(blank=True, help_text='Valgfri. Kommunens kontaktformular eller kontaktside på nettet.', verbose_name='kontaktside')),
                        ('logo', models.CharField(blank=True, help_text='Valgfri. Stien til kommunens logo (SVG) blandt portalens statiske filer, fx img/ballerup-logo.svg. Tom: sidehovedet viser kun kommunens navn.', max_length=200, validators=[pages.models._static_file], verbose_name='logo')),
                        ('statement_prepared', models.DateField(blank=True, null=True, verbose_name='tilgængelighedserklæringen udarbejdet')),
                        ('statement_reviewed', models.DateField(blank=True, help_text='Erklæringen gennemgås mindst én gang om året.', null=True, verbose_name='tilgængelighedserklæringen senest gennemgået')),
                        ('compliance_status', models.TextField(blank=True, help_text='Hvor godt portalen lever op til kravene, i et sprog forældre forstår (ingen navne på testværktøjer).', verbose_name='overholdelsesstatus')),
                        ('known_problems', models.TextField(blank=True, help_text='Indhold, der ikke er tilgængeligt, og hvorfor. Én linje pr. problem.', verbose_name='kendte problemer')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical portalens oplysninger',
                        'verbose_name_plural': 'historical portalens oplysninger',
                        'db_table': 'ballerup_portal_historicalsitesettings',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('phone', models.CharField(blank=True, help_text='Kommunens telefonnummer, som det skal stå på siderne.', max_length=20, validators=[core.validators.PhoneNumberValidator()], verbose_name='telefon')),
                        ('email', models.EmailField(blank=True, help_text='Adressen, borgere kan skrive til om portalen og tilgængelighed.', max_length=254, verbose_name='e-mail')),
                        ('postal_address', models.TextField(blank=True, help_text='Valgfri. Én linje pr. linje i adressen.', verbose_name='postadresse')),
                        ('contact_page', models.URLField(blank=True, help_text='Valgfri. Kommunens kontaktformular eller kontaktside på nettet.', verbose_name='kontaktside')),
                        ('logo', models.CharField(blank=True, help_text='Valgfri. Stien til kommunens logo (SVG) blandt portalens statiske filer, fx img/ballerup-logo.svg. Tom: sidehovedet viser kun kommunens navn.', max_length=200, validators=[pages.models._static_file], verbose_name='logo')),
                        ('statement_prepared', models.DateField(blank=True, null=True, verbose_name='tilgængelighedserklæringen udarbejdet')),
                        ('statement_reviewed', models.DateField(blank=True, help_text='Erklæringen gennemgås mindst én gang om året.', null=True, verbose_name='tilgængelighedserklæringen senest gennemgået')),
                        ('compliance_status', models.TextField(blank=True, help_text='Hvor godt portalen lever op til kravene, i et sprog forældre forstår (ingen navne på testværktøjer).', verbose_name='overholdelsesstatus')),
                        ('known_problems', models.TextField(blank=True, help_text='Indhold, der ikke er tilgængeligt, og hvorfor. Én linje pr. problem.', verbose_name='kendte problemer')),
                    ],
                    options={
                        'verbose_name': 'portalens oplysninger',
                        'verbose_name_plural': 'portalens oplysninger',
                        'db_table': 'ballerup_portal_sitesettings',
                        'constraints': [models.CheckConstraint(condition=models.Q(('statement_reviewed__isnull', True), ('statement_prepared__isnull', True), ('statement_reviewed__gte', models.F('statement_prepared')), _connector='OR'), name='site_settings_reviewed_after_prepared', violation_error_message='Erklæringen kan ikke være gennemgået, før den blev udarbejdet.')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_types(MODELS, "ballerup_portal", "pages"),
            move_content_types(MODELS, "pages", "ballerup_portal"),
        ),
    ]
