"""A data set ten times the seed's size, for the benchmark and the query-count tests.

Everything it adds is demo data: names start with "Demodata", people are ``is_demo``.
Other apps' rows are covered once their apps add a ``scale(factor)`` hook here.
"""

from districts.constants import InstitutionType, RoleType
from districts.models import District, Institution, Person, Role

MARK = "Demodata"


def create(factor=10):
    """Add institutions (with a demo leader each) until there are ``factor`` times as
    many as the seed's, spread over the districts. Returns whether anything was added."""
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
