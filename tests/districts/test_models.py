import pytest
from django.core.exceptions import ValidationError

from core.danish import slugify as danish_slugify
from districts.constants import InstitutionType, RoleType
from districts.models import Institution, Role
from tests.districts.factories import DistrictFactory, InstitutionFactory, PersonFactory


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Måløvhøj", "maaloevhoej"),
        ("Hedegård", "hedegaard"),
        ("Børnehuset Kærlodden", "boernehuset-kaerlodden"),
        ("Distriktsinstitutionen Hede-/Magleparken", "distriktsinstitutionen-hede-magleparken"),
        ("ÆBLEHAVEN Øst", "aeblehaven-oest"),
    ],
)
def test_danish_slugs(name, slug):
    assert danish_slugify(name) == slug


@pytest.mark.django_db
def test_slug_is_made_from_the_name_when_left_empty():
    house = Institution(name="Børnehuset Åkanden", institution_type=InstitutionType.DAYCARE_HOUSE)
    house.full_clean()
    assert house.slug == "boernehuset-aakanden"


@pytest.mark.django_db
def test_only_family_daycare_has_family_day_carers():
    school = InstitutionFactory.build(institution_type=InstitutionType.SCHOOL, family_day_carers=3)
    with pytest.raises(ValidationError) as exc:
        school.full_clean()
    assert "Antal dagplejere kan kun angives for en dagpleje." in str(exc.value)


@pytest.mark.django_db
def test_pedagogical_leader_belongs_to_a_daycare_house():
    school = InstitutionFactory(institution_type=InstitutionType.SCHOOL)
    role = Role(person=PersonFactory(), role_type=RoleType.PEDAGOGICAL_LEADER, institution=school)
    with pytest.raises(ValidationError) as exc:
        role.full_clean()
    assert "børnehuse og distriktsinstitutioner" in str(exc.value)


@pytest.mark.django_db
def test_district_leader_needs_a_district_and_only_one_per_district():
    role = Role(person=PersonFactory(), role_type=RoleType.DISTRICT_LEADER)
    with pytest.raises(ValidationError):
        role.full_clean()
    district = DistrictFactory()
    Role.objects.create(
        person=PersonFactory(), role_type=RoleType.DISTRICT_LEADER, district=district
    )
    second = Role(person=PersonFactory(), role_type=RoleType.DISTRICT_LEADER, district=district)
    with pytest.raises(ValidationError) as exc:
        second.full_clean()
    assert "Distriktet har allerede en distriktsleder." in str(exc.value)


@pytest.mark.django_db
def test_the_same_role_twice_is_refused():
    house = InstitutionFactory()
    person = PersonFactory()
    Role.objects.create(person=person, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house)
    again = Role(person=person, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house)
    with pytest.raises(ValidationError) as exc:
        again.full_clean()
    assert "Personen har allerede denne rolle." in str(exc.value)
    district = DistrictFactory()
    Role.objects.create(person=person, role_type=RoleType.DISTRICT_LEADER, district=district)
    with pytest.raises(ValidationError):
        Role(person=person, role_type=RoleType.DISTRICT_LEADER, district=district).full_clean()


@pytest.mark.django_db
def test_a_house_with_leaders_cannot_become_a_school():
    house = InstitutionFactory()
    Role.objects.create(
        person=PersonFactory(), role_type=RoleType.PEDAGOGICAL_LEADER, institution=house
    )
    house.institution_type = InstitutionType.SCHOOL
    with pytest.raises(ValidationError) as exc:
        house.full_clean()
    assert "Fjern lederne først" in str(exc.value)
