"""Demo people and staff accounts for a local run. Never part of production.

Everyone created here is marked ``is_demo`` and shown with a "demo" label, and their
e-mail addresses end in ``.invalid``. Institutions get no invented contact details: those
fields are facts staff fill in.
"""

from itertools import product

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ballerup_portal.permissions import ADMINISTRATOR, CULTURE_NETWORK, DISTRICT_LEADER
from districts.constants import DAYCARE_TYPES, RoleType
from districts.models import District, Institution, Person, Role
from districts.slugs import danish_slugify

FIRST_NAMES = ["Anne", "Mads", "Sofie", "Jens", "Ida", "Søren", "Mette", "Anders", "Karen", "Bo"]
LAST_NAMES = ["Demo-Jensen", "Demo-Nielsen", "Demo-Hansen", "Demo-Pedersen", "Demo-Larsen"]


def demo_names():
    for last, first in product(LAST_NAMES, FIRST_NAMES):
        yield f"{first} {last}"


def fresh_name(names):
    """The next demo name no earlier run has given away, so reruns add no look-alikes."""
    return next(n for n in names if not Person.objects.filter(name=n).exists())


def demo_email(name):
    return f"{danish_slugify(name).replace('-', '.')}@demo.invalid"


class Command(BaseCommand):
    help = "Opretter demopersoner og demokonti (admin, leder-<distrikt>, kultur-<distrikt>)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demodata må kun oprettes i en lokal kørsel (DEMO_DATA_ALLOWED).")
        groups = {ADMINISTRATOR, DISTRICT_LEADER, CULTURE_NETWORK}
        if not District.objects.exists() or Group.objects.filter(name__in=groups).count() < 3:
            raise CommandError("Indlæs grunddata først: manage.py load_seed")
        with transaction.atomic():
            self.create_all()
        if options["verbosity"]:
            self.stdout.write(
                "Demokonti: admin, leder-<distrikt>, kultur-<distrikt> "
                "(adgangskode fra DEMO_PASSWORD)"
            )

    def create_all(self):
        names = demo_names()
        # Nobody is a superuser: every account works through its group's permissions.
        self.account("admin", ADMINISTRATOR)
        for district in District.objects.order_by("name"):
            leader = self.person(self.account(f"leder-{district.slug}", DISTRICT_LEADER), names)
            Role.objects.get_or_create(
                person=leader, role_type=RoleType.DISTRICT_LEADER, district=district
            )
            coordinator = self.person(
                self.account(f"kultur-{district.slug}", CULTURE_NETWORK), names
            )
            Role.objects.get_or_create(
                person=coordinator, role_type=RoleType.CULTURE_COORDINATOR, district=district
            )
        houses = Institution.objects.filter(institution_type__in=DAYCARE_TYPES).order_by("name")
        for house in houses:
            if not Role.objects.filter(
                institution=house, role_type=RoleType.PEDAGOGICAL_LEADER
            ).exists():
                name = fresh_name(names)
                person = Person.objects.create(name=name, email=demo_email(name), is_demo=True)
                Role.objects.create(
                    person=person, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house
                )

    def account(self, username, group):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True}
        )
        # An older local database made the demo admin a superuser; it is a group member now.
        if created or user.is_superuser or not user.check_password(settings.DEMO_PASSWORD):
            user.is_superuser = False
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group))
        return user

    def person(self, user, names):
        try:
            return user.person
        except Person.DoesNotExist:
            name = fresh_name(names)
            return Person.objects.create(name=name, email=demo_email(name), user=user, is_demo=True)
