from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_bookings"),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="contact_email",
            field=models.EmailField(
                default="",
                help_text="Hertil sender vi bekræftelsen, besked fra ventelisten og en påmindelse.",
                max_length=254,
                verbose_name="kontaktpersonens e-mail",
            ),
            preserve_default=False,
        ),
    ]
