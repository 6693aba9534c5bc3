"""What `make run` does to the database: seed facts, demo people and accounts, repeatably."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from districts.constants import DAYCARE_TYPES, RoleType
from districts.models import District, Institution, Person, Role

User = get_user_model()


@pytest.mark.usefixtures("demo")
def test_demo_accounts_for_every_district(settings):
    admin = User.objects.get(username="admin")
    # No account needs to be a superuser: the administrator's rights come from its group.
    assert not User.objects.filter(is_superuser=True).exists()
    assert [g.name for g in admin.groups.all()] == ["Administrator"]
    assert admin.has_perm("districts.delete_district") and admin.has_perm("auth.change_user")
    for district in District.objects.all():
        leader = User.objects.get(username=f"leder-{district.slug}")
        assert leader.is_staff and not leader.is_superuser
        assert leader.check_password(settings.DEMO_PASSWORD)
        assert leader.person.roles.get().district == district
        assert leader.person.roles.get().role_type == RoleType.DISTRICT_LEADER
        assert [g.name for g in leader.groups.all()] == ["Distriktsleder"]
        coordinator = User.objects.get(username=f"kultur-{district.slug}")
        seat = coordinator.person.culture_seats.get()
        assert seat.is_coordinator and seat.network.district == district
        assert [g.name for g in coordinator.groups.all()] == ["Kulturnetværk"]
        assert coordinator.is_staff and not coordinator.person.roles.exists()


@pytest.mark.usefixtures("demo")
def test_running_make_run_again_keeps_what_staff_changed_in_the_demo_data(settings):
    """Demo data is created once: a rerun brings back no deleted person or role and resets
    no password or group."""
    leader = User.objects.get(username="leder-baltorp")
    leader.set_password("et-nyt-kodeord-fra-personalet")
    leader.save()
    leader.groups.clear()
    house_leader = Role.objects.filter(role_type=RoleType.PEDAGOGICAL_LEADER).first()
    house_leader.person.delete()
    counts = (Person.objects.count(), Role.objects.count())

    call_command("load_seed", verbosity=0)
    call_command("create_demo", verbosity=0)

    leader.refresh_from_db()
    assert leader.check_password("et-nyt-kodeord-fra-personalet")
    assert not leader.groups.exists()
    assert (Person.objects.count(), Role.objects.count()) == counts


@pytest.mark.usefixtures("seed")
def test_staff_groups_ship_with_their_permissions():
    leader = Group.objects.get(name="Distriktsleder")
    codenames = set(leader.permissions.values_list("codename", flat=True))
    assert {"change_institution", "add_institution", "view_district"} <= codenames
    assert "change_district" not in codenames and "change_user" not in codenames
    administrator = Group.objects.get(name="Administrator")
    assert administrator.permissions.filter(codename="change_group").exists()
    culture = set(
        Group.objects.get(name="Kulturnetværk").permissions.values_list("codename", flat=True)
    )
    assert {"change_event", "add_meeting", "change_project", "view_network"} <= culture
    assert not {"change_institution", "change_seat", "change_cultureservice"} & culture


@pytest.mark.usefixtures("seed")
def test_load_seed_brings_group_permissions_up_to_date_and_keeps_the_rest():
    leader = Group.objects.get(name="Distriktsleder")
    shipped = set(leader.permissions.all())
    # An outdated database: a permission too many, one missing, and staff's own edit.
    leader.permissions.remove(Permission.objects.get(codename="change_institution"))
    leader.permissions.add(Permission.objects.get(codename="delete_district"))
    klub_syd = Institution.objects.get(slug="klub-syd")
    klub_syd.phone = "44 77 12 34"
    klub_syd.save()
    klub_syd.districts.remove(District.objects.get(slug="hedegaard"))

    call_command("load_seed", verbosity=0)

    assert set(leader.permissions.all()) == shipped
    assert Group.objects.filter(name="Distriktsleder").count() == 1
    klub_syd.refresh_from_db()
    assert klub_syd.phone == "44 77 12 34"
    # Institutions' districts are staff's data: not reset by the seed.
    assert [d.slug for d in klub_syd.districts.all()] == ["baltorp"]


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


@pytest.mark.usefixtures("seed_only")
def test_demo_password_comes_from_the_environment(settings):
    settings.DEMO_PASSWORD = "en-anden-lang-adgangskode"
    call_command("create_demo", verbosity=0)
    assert User.objects.get(username="leder-baltorp").check_password("en-anden-lang-adgangskode")


@pytest.mark.usefixtures("seed_only")
def test_demo_data_is_refused_outside_a_local_run(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("create_demo", verbosity=0)
    assert not User.objects.exists()


@pytest.mark.usefixtures("seed_only")
def test_scale_data_is_refused_outside_a_local_run(settings):
    """Like create_demo: the scale data publishes closing days and queues mails to the
    subscribers, so production (DEMO_DATA_ALLOWED off) refuses it and adds nothing."""
    from daycare.models import ClosingDay
    from outbox.models import Mail

    settings.DEMO_DATA_ALLOWED = False
    houses = Institution.objects.count()
    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("create_scale_data", factor=2, verbosity=0)
    assert Institution.objects.count() == houses
    assert not ClosingDay.objects.exists() and not Mail.objects.exists()


@pytest.mark.usefixtures("seed_only")
def test_load_seed_brings_back_no_table_staff_emptied():
    """A single-model fixture whose rows staff all deleted counted as empty: the next
    deploy's load_seed brought back every age band."""
    from bookings.models import AgeBand

    assert AgeBand.objects.exists()
    AgeBand.objects.all().delete()
    call_command("load_seed", verbosity=0)
    assert not AgeBand.objects.exists()


@pytest.mark.usefixtures("seed_only")
def test_a_production_setup_has_no_closing_day_rules_the_sources_do_not_give():
    """The sources give no closing days: migrate and load_seed bring no rule to propose
    them from (they were seeded as "Grunddata fra kilderne"); create_demo brings demo
    rules, marked as such, to a local run."""
    from core.management.commands.load_seed import seed_fixtures
    from daycare.models import ClosingDayRule

    assert not ClosingDayRule.objects.exists()
    assert not ClosingDayRule.history.exists()
    assert "closing_day_rules.json" not in {name for name, _mode in seed_fixtures()}
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert "closing_day_rules" not in out.getvalue()
    assert not ClosingDayRule.objects.exists()

    call_command("create_demo", verbosity=0)
    rules = ClosingDayRule.objects.all()
    assert rules.count() == 7
    assert all(rule.is_demo for rule in rules)


@pytest.mark.usefixtures("seed_only")
def test_the_demo_leaves_rules_staff_have_alone():
    """A database that has rules (entered by staff, or seeded by an earlier release)
    keeps them as they are and gets no demo rules beside them."""
    from daycare.constants import RuleKind
    from daycare.models import ClosingDayRule

    ClosingDayRule.objects.create(name="Egen regel", kind=RuleKind.FIXED, month=5, day=1)
    call_command("create_demo", verbosity=0)
    assert list(ClosingDayRule.objects.values_list("name", "is_demo")) == [("Egen regel", False)]


def test_every_once_seed_model_keeps_a_history_so_load_seed_knows_it_was_loaded(db):
    """load_seed tells a table staff emptied from one never loaded by its history."""
    import json

    from django.apps import apps
    from django.conf import settings

    from core.management.commands.load_seed import seed_fixtures

    for name, mode in seed_fixtures():
        if mode != "once":
            continue
        entries = json.loads((settings.BASE_DIR / "fixtures" / name).read_text())
        for label in {entry["model"] for entry in entries}:
            assert hasattr(apps.get_model(label), "history"), label
