"""factory_boy factories for the portal's models, one per model."""

import factory
from django.contrib.auth import get_user_model

from districts.constants import InstitutionType, RoleType
from districts.models import District, Institution, Person, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"bruger{n}")
    password = factory.django.Password("korrekt-hest-batteri")
    is_staff = True


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Distrikt {n}")
    slug = factory.Sequence(lambda n: f"distrikt-{n}")


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Børnehuset Nr. {n}")
    slug = factory.Sequence(lambda n: f"boernehuset-nr-{n}")
    institution_type = InstitutionType.DAYCARE_HOUSE

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.invalid")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    role_type = RoleType.DISTRICT_LEADER
