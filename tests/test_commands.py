"""What `make run` does to the database: seed facts, demo people and accounts, repeatably."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from districts.constants import DAYCARE_TYPES, RoleType
from districts.models import District, Institution, Person, Role

User = get_user_model()


@pytest.mark.usefixtures("demo")
def test_demo_accounts_for_every_district(settings):
    assert User.objects.get(username="admin").is_superuser
    for district in District.objects.all():
        leader = User.objects.get(username=f"leder-{district.slug}")
        assert leader.is_staff and not leader.is_superuser
        assert leader.check_password(settings.DEMO_PASSWORD)
        assert leader.person.roles.get().district == district
        assert leader.person.roles.get().role_type == RoleType.DISTRICT_LEADER
        coordinator = User.objects.get(username=f"kultur-{district.slug}")
        assert coordinator.person.roles.get().role_type == RoleType.CULTURE_COORDINATOR


@pytest.mark.usefixtures("demo")
def test_demo_people_are_marked_and_every_house_has_a_leader():
    assert not Person.objects.filter(is_demo=False).exists()
    assert all(p.email.endswith(".invalid") for p in Person.objects.all())
    for house in Institution.objects.filter(institution_type__in=DAYCARE_TYPES):
        assert house.roles.filter(role_type=RoleType.PEDAGOGICAL_LEADER).exists(), house
    # Institutions get no invented contact details.
    assert not any(i.has_contact for i in Institution.objects.all())


@pytest.mark.usefixtures("demo")
def test_running_make_run_again_duplicates_nothing():
    counts = (User.objects.count(), Person.objects.count(), Role.objects.count())
    call_command("load_seed", verbosity=0)
    call_command("create_demo", verbosity=0)
    assert (User.objects.count(), Person.objects.count(), Role.objects.count()) == counts


@pytest.mark.usefixtures("seed")
def test_demo_password_comes_from_the_environment(settings):
    settings.DEMO_PASSWORD = "en-anden-lang-adgangskode"
    call_command("create_demo", verbosity=0)
    assert User.objects.get(username="leder-baltorp").check_password("en-anden-lang-adgangskode")


@pytest.mark.usefixtures("seed")
def test_demo_data_is_refused_outside_a_local_run(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("create_demo", verbosity=0)
    assert not User.objects.exists()
