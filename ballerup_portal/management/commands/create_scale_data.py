"""``manage.py create_scale_data``: ten times the seed's institutions, as demo data, for
the benchmark (``make bench``). Never on a production database with real data."""

from django.core.management.base import BaseCommand

from ballerup_portal import scale_data


class Command(BaseCommand):
    help = "Tilføjer demodata i ti gange seed-størrelsen (til benchmark og test)."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10)

    def handle(self, *args, factor, **options):
        added = scale_data.create(factor)
        self.stdout.write("Demodata tilføjet." if added else "Demodata fandtes allerede.")
