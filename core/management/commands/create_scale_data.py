"""``manage.py create_scale_data``: ten times the seed's data in every app, as demo data,
for the benchmark (``make bench``) and the query-count tests; each app's ``scale.py``
adds its part (``core/scale_data.py``). Never on a production database with
real data: like ``create_demo`` it runs only where ``DEMO_DATA_ALLOWED`` is on (the
development and test settings), since the demo data publishes closing days and queues
mails to the subscribers."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import scale_data


class Command(BaseCommand):
    help = "Tilføjer demodata i ti gange seed-størrelsen (til benchmark og test)."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10)

    def handle(self, *args, factor, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demodata må kun oprettes i en lokal kørsel (DEMO_DATA_ALLOWED).")
        added = scale_data.create(factor)
        if not options["verbosity"]:
            return
        for label, _module in scale_data.scale_modules():
            state = "tilføjet" if label in added else "fandtes allerede"
            self.stdout.write(f"{label}: demodata {state}")
