"""Dagplejen's boards as the source says (001): "Dagplejen indgår under distrikt
Hedegårdens forældrebestyrelse, men har derudover også en selvstændig
forældrebestyrelse." On an existing database: Hedegård's board and Dagplejen's own board
cover Dagplejen; no other district board does (the brochure lists Dagplejen in Baltorp's
district for the culture network, which is not a board). Parent representatives on a
district board for Dagplejen move to Hedegård's board; a database without Dagplejen,
Hedegård or those boards is left as it is."""

from django.db import migrations


def forwards(apps, schema_editor):
    Board = apps.get_model("governance", "Board")
    Institution = apps.get_model("districts", "Institution")
    Membership = apps.get_model("governance", "Membership")
    dagplejen = Institution.objects.filter(institution_type="dagpleje").order_by("pk").first()
    if dagplejen is None:
        return
    hedegaard = Board.objects.filter(district__slug="hedegaard").first()
    own = Board.objects.filter(district=None, slug="dagplejen").first()
    for board in Board.objects.filter(extra_units=dagplejen).exclude(district=None):
        if hedegaard is not None and board.pk != hedegaard.pk:
            board.extra_units.remove(dagplejen)
    if hedegaard is not None:
        hedegaard.extra_units.add(dagplejen)
        representatives = Membership.objects.filter(house=dagplejen, board__district__isnull=False)
        representatives.exclude(board=hedegaard).update(board=hedegaard)
    if own is not None:
        own.extra_units.add(dagplejen)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0003_bylaws_signed_pdf"),
        ("districts", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
