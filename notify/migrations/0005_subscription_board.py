"""Minutes are subscribed to per parent board, not per district (a board is not its
district: Dagplejen sits under Hedegård's board, and its own board has no district). The
field comes first; 0006 moves the subscriptions, 0007 then makes every subscription name
its place. Three migrations, three transactions: PostgreSQL does not alter a table in the
transaction that has just changed its rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0007_minutes_never_go_with_their_board"),
        ("notify", "0004_lower_case_addresses"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="subscription",
            name="notify_subscription_has_its_place",
        ),
        migrations.AddField(
            model_name="subscription",
            name="board",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="governance.board",
            ),
        ),
    ]
