"""Demo people and staff accounts for a local run (``manage.py create_demo``).

Everyone created here is marked ``is_demo`` and shown with a "demo" label, and their
e-mail addresses end in ``.invalid``. Institutions get no invented contact details: those
fields are facts staff fill in. Other apps' demo modules use the helpers here for their
people and accounts.
"""

from itertools import product

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError

from core.danish import slugify
from core.permissions import ADMINISTRATOR, DISTRICT_LEADER

from .constants import DAYCARE_TYPES, RoleType
from .models import District, Institution, Person, Role

FIRST_NAMES = ["Anne", "Mads", "Sofie", "Jens", "Ida", "Søren", "Mette", "Anders", "Karen", "Bo"]
LAST_NAMES = ["Demo-Jensen", "Demo-Nielsen", "Demo-Hansen", "Demo-Pedersen", "Demo-Larsen"]


def demo_names():
    for last, first in product(LAST_NAMES, FIRST_NAMES):
        yield f"{first} {last}"


def fresh_name(names=None):
    """The next demo name no earlier run has given away, so reruns add no look-alikes."""
    return next(n for n in (names or demo_names()) if not Person.objects.filter(name=n).exists())


def demo_email(name):
    return f"{slugify(name).replace('-', '.')}@demo.invalid"


def demo_person(name=None, user=None):
    name = name or fresh_name()
    return Person.objects.create(name=name, email=demo_email(name), user=user, is_demo=True)


def account(username, group):
    """A demo staff account in ``group``. Created once: a later run leaves what staff
    changed (password, groups) as it is."""
    # An address that can never be delivered (.invalid), so a local run shows the staff
    # digest in var/mail/ as a leader would get it.
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, "email": f"{username}@demo.invalid"}
    )
    if created:
        # Nobody is a superuser: every account works through its group's permissions.
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=group))
    return user


def person_of(user):
    try:
        return user.person
    except Person.DoesNotExist:
        return demo_person(user=user)


def create():
    """Accounts admin and leder-<district>, and a demo pedagogical leader for every
    daycare house (the kultur-<district> accounts come with culture/demo.py). Runs once:
    an existing ``admin`` account means the demo data is there, and whatever staff since
    changed or deleted stays so."""
    if get_user_model().objects.filter(username="admin").exists():
        return False
    if not District.objects.exists():
        raise CommandError("Indlæs grunddata først: manage.py load_seed")
    account("admin", ADMINISTRATOR)
    for district in District.objects.order_by("name"):
        leader = person_of(account(f"leder-{district.slug}", DISTRICT_LEADER))
        Role.objects.create(person=leader, role_type=RoleType.DISTRICT_LEADER, district=district)
    houses = Institution.objects.filter(institution_type__in=DAYCARE_TYPES).order_by("name")
    for house in houses:
        if not Role.objects.filter(
            institution=house, role_type=RoleType.PEDAGOGICAL_LEADER
        ).exists():
            Role.objects.create(
                person=demo_person(), role_type=RoleType.PEDAGOGICAL_LEADER, institution=house
            )
    return True
