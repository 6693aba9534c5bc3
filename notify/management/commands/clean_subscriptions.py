from django.core.management.base import BaseCommand

from notify.signup import clean_up


class Command(BaseCommand):
    help = (
        "Sletter e-mailadresser, der ikke er bekræftet inden for 48 timer "
        "(send_notifications gør det også)."
    )

    def handle(self, *args, **options):
        deleted = clean_up()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Slettet: {deleted} ubekræftede adresser.")
