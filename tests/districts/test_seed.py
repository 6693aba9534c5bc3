"""The seed facts in fixtures/ against the brochure (000_85f1f5d3261a24a3.txt)."""

import pytest
from django.core.management import call_command

from districts.constants import InstitutionType
from districts.models import District, Institution

BROCHURE = {
    "Baltorp": [
        "Baltorpskolen",
        "Klub Syd",
        "Distriktsinstitutionen Rugvænget",
        "Børnehuset Bispevangen",
        "Børnehuset Grantoften",
        "Dagplejen",
    ],
    "Skovvejen": [
        "Skovvejens Skole",
        "Klub Nord",
        "Børnehuset Lundegården",
        "Børnehuset Nord- og Sydpolen",
        "Børnehuset Valhalla",
        "Børnehuset ved Skoven",
    ],
    "Måløvhøj": [
        "Måløvhøj Skole",
        "Klub Måløv",
        "Distriktsinstitutionen Østerhøj",
        "Børnehuset Kærlodden",
        "Børnehuset Måløv By",
        "Børnehuset Søndergården",
    ],
    "Skovlunde": [
        "Skovlunde Skole",
        "Ordblindeinstituttet",
        "Klub Skovlunde",
        "Børnehuset Ellekilde",
        "Børnehuset Lilletoften",
        "Børnehuset Lundebjerg",
        "Børnehuset Sol og Mudder",
        "Børnehuset Villa-Kulla",
    ],
    "Hedegård": [
        "Hedegårdsskolen",
        "Kasperskolen",
        "Klub Syd",
        "Distriktsinstitutionen Hede-/Magleparken",
    ],
}

pytestmark = pytest.mark.usefixtures("seed")


def test_the_five_districts_with_danish_slugs():
    assert dict(District.objects.values_list("name", "slug")) == {
        "Baltorp": "baltorp",
        "Hedegård": "hedegaard",
        "Måløvhøj": "maaloevhoej",
        "Skovlunde": "skovlunde",
        "Skovvejen": "skovvejen",
    }


@pytest.mark.parametrize("district_name", BROCHURE)
def test_each_district_has_exactly_the_brochures_institutions(district_name):
    district = District.objects.get(name=district_name)
    names = set(district.institutions.values_list("name", flat=True))
    assert names == set(BROCHURE[district_name])


def test_every_institution_exists_once_and_klub_syd_is_in_two_districts():
    all_names = {name for names in BROCHURE.values() for name in names}
    assert Institution.objects.count() == len(all_names) == 29
    klub_syd = Institution.objects.get(name="Klub Syd")
    assert sorted(klub_syd.districts.values_list("name", flat=True)) == ["Baltorp", "Hedegård"]


def test_types_follow_the_sources():
    types = dict(Institution.objects.values_list("name", "institution_type"))
    assert types["Kasperskolen"] == InstitutionType.SPECIAL_SCHOOL
    assert types["Ordblindeinstituttet"] == InstitutionType.SPECIAL_SCHOOL
    assert types["Dagplejen"] == InstitutionType.FAMILY_DAYCARE
    assert types["Distriktsinstitutionen Østerhøj"] == InstitutionType.DISTRICT_INSTITUTION
    assert types["Klub Nord"] == InstitutionType.CLUB
    assert types["Hedegårdsskolen"] == InstitutionType.SCHOOL
    assert list(types.values()).count(InstitutionType.DAYCARE_HOUSE) == 14


def test_dagplejen_has_the_16_family_day_carers_of_the_om_os_page():
    assert Institution.objects.get(slug="dagplejen").family_day_carers == 16


def test_nothing_is_invented():
    """The sources give no contact details, descriptions or people: the fixtures hold
    none of them."""
    for institution in Institution.objects.all():
        assert not institution.has_contact, institution
        assert (institution.postal_code, institution.city) == ("", ""), institution
    assert not District.objects.exclude(description="").exists()
    from districts.models import Person

    assert not Person.objects.filter(is_demo=False).exists()


def test_loading_again_duplicates_nothing_and_keeps_staff_edits():
    house = Institution.objects.get(slug="boernehuset-valhalla")
    house.phone = "44 77 12 34"
    house.save()
    call_command("load_seed", verbosity=0)
    assert Institution.objects.count() == 29
    assert District.objects.count() == 5
    assert Institution.objects.get(slug="boernehuset-valhalla").phone == "44 77 12 34"


def test_a_later_load_undoes_no_staff_decision():
    """Deploys run load_seed again: what staff deleted or re-addressed stays so."""
    Institution.objects.get(slug="boernehuset-valhalla").delete()
    District.objects.filter(slug="maaloevhoej").update(slug="maaloev")
    call_command("load_seed", verbosity=0)
    assert not Institution.objects.filter(name="Børnehuset Valhalla").exists()
    assert District.objects.count() == 5
    assert District.objects.filter(slug="maaloev").exists()
