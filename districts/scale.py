"""Ten times the seed's institutions (``manage.py create_scale_data``): demo houses with
a demo leader each, spread over the districts."""

from core.scale_data import MARK

from .constants import InstitutionType, RoleType
from .models import District, Institution, Person, Role


def create(factor=10):
    """Add (factor − 1) institutions per seeded one. Runs once."""
    if Institution.objects.filter(name__startswith=MARK).exists():
        return False
    seeded = Institution.objects.count()
    districts = list(District.objects.order_by("pk"))
    if not districts:
        return False
    types = [InstitutionType.DAYCARE_HOUSE, InstitutionType.DISTRICT_INSTITUTION]
    for n in range(seeded * (factor - 1)):
        district = districts[n % len(districts)]
        house = Institution.objects.create(
            name=f"{MARK} børnehus {n + 1}",
            slug=f"demodata-boernehus-{n + 1}",
            institution_type=types[n % len(types)],
            address=f"Demovej {n + 1}",
            postal_code="2750",
            city="Ballerup",
        )
        house.districts.add(district)
        person = Person.objects.create(name=f"{MARK} leder {n + 1}", is_demo=True)
        Role.objects.create(person=person, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house)
    return True
