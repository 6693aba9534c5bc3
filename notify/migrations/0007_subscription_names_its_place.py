"""Closing days name a district, inspection reports a house, minutes a board (0006 moved
the minutes to their boards); one subscription per subscriber and board."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("notify", "0006_minutes_per_board")]

    operations = [
        migrations.AddConstraint(
            model_name="subscription",
            constraint=models.UniqueConstraint(
                condition=models.Q(("board__isnull", False)),
                fields=("subscriber", "topic", "board"),
                name="notify_one_subscription_per_board",
            ),
        ),
        migrations.AddConstraint(
            model_name="subscription",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("board__isnull", True),
                        ("district__isnull", True),
                        ("house__isnull", False),
                        ("topic", "tilsyn"),
                    ),
                    models.Q(
                        ("board__isnull", True),
                        ("district__isnull", False),
                        ("house__isnull", True),
                        ("topic", "lukkedage"),
                    ),
                    models.Q(
                        ("board__isnull", False),
                        ("district__isnull", True),
                        ("house__isnull", True),
                        ("topic", "referater"),
                    ),
                    _connector="OR",
                ),
                name="notify_subscription_has_its_place",
            ),
        ),
    ]
