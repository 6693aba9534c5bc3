"""Demo data for a local run: each app's ``<app>/demo.py`` adds its own
(``core.contributions``). Never production.

An app's ``create()`` adds its demo data once and returns whether it added anything; a
later run leaves what staff changed or deleted as it is.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.contributions import modules
from core.permissions import ADMINISTRATOR, CULTURE_NETWORK, DISTRICT_LEADER


def demo_modules():
    """``(app label, module)`` of every app's ``demo.py`` (``core.contributions``)."""
    for config, module in modules("demo"):
        yield config.label, module


class Command(BaseCommand):
    help = "Opretter demodata (demokonti admin, leder-<distrikt>, kultur-<distrikt> m.m.)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demodata må kun oprettes i en lokal kørsel (DEMO_DATA_ALLOWED).")
        groups = {ADMINISTRATOR, DISTRICT_LEADER, CULTURE_NETWORK}
        if Group.objects.filter(name__in=groups).count() < len(groups):
            raise CommandError("Indlæs grunddata først: manage.py load_seed")
        for label, module in demo_modules():
            with transaction.atomic():
                added = module.create()
            if options["verbosity"]:
                state = "oprettet" if added else "findes allerede"
                self.stdout.write(f"{label}: demodata {state}")
        if options["verbosity"]:
            self.stdout.write(
                "Demokonti: admin, leder-<distrikt>, kultur-<distrikt>, ambassadoer-<distrikt>, "
                "kontakt-valhalla, kontakt-baltorpskolen (adgangskode fra DEMO_PASSWORD)"
            )
